import { describe, expect, it } from '@jest/globals'
import { stoppedMessage } from '../../../src/jobs/review/ask.js'
import { getInputs } from '../../../src/inputs.js'
import type { ClaudeRun } from '../../../src/claude/runner.js'
import type { PrFile } from '../../../src/jobs/review/types.js'

const files = [{ filename: 'a.ts' }, { filename: 'b.ts' }] as PrFile[]

function run(kind: 'max-turns' | 'timeout', reading?: string[]): ClaudeRun {
  return {
    outcome: { kind, message: 'stopped' },
    raw: {
      exitCode: 1,
      signal: null,
      timedOut: kind === 'timeout',
      durationMs: 1,
      retries: [],
      otherOutput: '',
      assistantText: '',
      ...(reading ? { reading } : {})
    },
    result: '',
    durationMs: 1,
    turns: 4
  }
}

describe('stoppedMessage', () => {
  const ctx = { inputs: getInputs(n => ({ mode: 'review', max_turns: '4' })[n] ?? '') }

  it('max_turns: names what the model was reading and the inputs that give it room', () => {
    const ws = process.env.GITHUB_WORKSPACE ?? process.cwd()
    expect(
      stoppedMessage(ctx, run('max-turns', [`${ws}/src/big.ts`, 'grep TODO in src']), {
        modelFiles: files
      })
    ).toBe(
      'The review stopped at max_turns (4) while reading src/big.ts, grep TODO in src, so nothing was posted: raise max_turns, or lower diff_budget / narrow review_paths so there is less to read (2 file(s) were in the prompt).'
    )
  })

  it('timeout: says so, and reads as one sentence even when nothing was read', () => {
    expect(stoppedMessage(ctx, run('timeout'), { modelFiles: files })).toMatch(
      /^The review ran past timeout_minutes \(\d+\) before it read anything with its tools, so nothing was posted: raise timeout_minutes, .*max_turns.*diff_budget.*\.$/
    )
  })
})
