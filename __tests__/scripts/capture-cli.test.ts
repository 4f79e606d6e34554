/**
 * The capture tool's rough edges, as a user meets them running dist/capture.js (build it first
 * with `npm run package`): a mistyped command is named with a suggestion and exits 2, every
 * message ends with a full stop (commander's own too), and verify names what it read (stdin or
 * the file), not "the claude_auth secret".
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fakeToken } from '../../__fixtures__/logins.js'
import { useScratch } from '../../__fixtures__/scratch.js'
import { decodeAuth } from '../../src/auth/bundle.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const BUNDLED = path.join(ROOT, 'dist', 'capture.js')
const scratch = useScratch('capture-cli')

function run(args: string[], stdin: 'ignore' | string = 'ignore') {
  const r = spawnSync(process.execPath, [BUNDLED, ...args], {
    cwd: scratch.dir('cwd'),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: scratch.dir('home') },
    ...(stdin === 'ignore' ? { stdio: ['ignore', 'pipe', 'pipe'] as const } : { input: stdin })
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const lines = (text: string): string[] => text.split('\n').filter(l => l.trim() !== '')

describe('dist/capture.js rough edges', () => {
  it('the bundled tool is there (npm run package)', () => {
    expect(existsSync(BUNDLED)).toBe(true)
  })

  it('`verfy`: an unknown command, with the one it looks like, exit 2', () => {
    const r = run(['verfy'])
    expect(r.code).toBe(2)
    expect(lines(r.stderr)[0]).toBe("capture: unknown command 'verfy' (did you mean verify?).")
  })

  it.each([[['verfy']], [['--nope']], [['--from', 'nope']], [['--repo']], [['verify', 'a', 'b']]])(
    'usage error %j: exit 2, and every line ends with a full stop',
    args => {
      const r = run(args)
      expect(r.code).toBe(2)
      expect(lines(r.stderr).length).toBeGreaterThan(0)
      for (const line of lines(r.stderr)) expect(line).toMatch(/\.$/)
    }
  )

  it('verify < /dev/null names stdin, not the secret', () => {
    const r = run(['verify'], 'ignore')
    expect(r.code).toBe(1)
    expect(lines(r.stderr)).toEqual(['Not usable: The text on stdin is empty.'])
  })

  it('verify FILE names the file, empty or not a bundle', () => {
    const empty = path.join(scratch.dir('files'), 'bundle.txt')
    writeFileSync(empty, '')
    const r1 = run(['verify', empty])
    expect(r1.code).toBe(1)
    expect(lines(r1.stderr)).toEqual([`Not usable: The file ${empty} is empty.`])

    const junk = path.join(scratch.dir('files'), 'junk.txt')
    writeFileSync(junk, 'not a bundle at all!')
    const r2 = run(['verify', junk])
    expect(r2.code).toBe(1)
    expect(r2.stderr).toContain(`The file ${junk} is not base64`)
    expect(r2.stderr).not.toContain('claude_auth')
    expect(r2.stderr.trim()).toMatch(/\.$/)
  })

  it('--from token takes a token with spaces inside one line, as the action does', async () => {
    const token = fakeToken('oat')
    const spaced = `${token.slice(0, 40)} ${token.slice(40, 70)}\t${token.slice(70)}\n`
    // The action's own decoder takes it (the whitespace is removed) ...
    const asSecret = await decodeAuth(spaced)
    expect(asSecret.kind === 'setup-token' && asSecret.token).toBe(token)
    // ... and so does the capture tool.
    const r = run(['--from', 'token', '--out', '-'], spaced)
    expect(r.stderr).not.toContain(token)
    expect(r.code).toBe(0)
    const login = await decodeAuth(r.stdout.trim())
    expect(login.kind === 'setup-token' && login.token).toBe(token)
  })
})
