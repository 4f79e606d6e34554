/**
 * Model and person text in the log: `commandFree` and `logUntrusted` leave nothing a runner would
 * act on (checked with the runner's own parsing rules, __fixtures__/workflow-commands.ts), and keep
 * the text readable.
 */
import { describe, expect, it } from '@jest/globals'
import { workflowCommands } from '../../__fixtures__/workflow-commands.js'
import { commandFree, logUntrusted } from '../../src/github/guard.js'

const ATTACKS = [
  '::error::pwned',
  '   ::add-mask::x',
  '::save-state name=isPost::false',
  '::set-output name=result::forged',
  '::stop-commands::mine',
  'text then ##[error]legacy',
  '##[set-output name=a;]b'
]

describe('commandFree', () => {
  it.each(ATTACKS)(
    '%s is no command, and reads the same once zero-width spaces are dropped',
    line => {
      // A probe after the line: alone in the result only when the line did nothing (stop-commands
      // would swallow it).
      const PROBE = [{ name: 'notice', props: {}, data: 'probe' }]
      expect(workflowCommands(`${line}\n::notice::probe`)).not.toEqual(PROBE)
      const safe = commandFree(line)
      expect(workflowCommands(`${safe}\n::notice::probe`)).toEqual(PROBE)
      expect(safe.replace(/\u200B/g, '')).toBe(line)
    }
  )

  it('leaves ordinary text alone', () => {
    expect(commandFree('Claude: a::b and # [x]')).toBe('Claude: a::b and # [x]')
  })
})

describe('logUntrusted', () => {
  it('writes the text as it is, and the runner acts on none of its lines', () => {
    const lines: string[] = []
    logUntrusted(ATTACKS.join('\n'), l => lines.push(l))
    const log = lines.join('\n')
    expect(log).toContain(ATTACKS.join('\n'))
    expect(workflowCommands(log)).toEqual([])
    // Commands after it work again.
    expect(workflowCommands(`${log}\n::error::after`)).toEqual([
      { name: 'error', props: {}, data: 'after' }
    ])
  })

  it('uses a fresh token every time', () => {
    const a: string[] = []
    const b: string[] = []
    logUntrusted('x', l => a.push(l))
    logUntrusted('x', l => b.push(l))
    expect(a[0]).not.toBe(b[0])
  })
})
