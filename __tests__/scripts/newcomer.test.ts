/**
 * `npm run newcomer` (issue #15, "Show"): the commands it takes from the README, and the capture
 * tool run alone the way it runs them. The clone, `npm ci` and `npm test` are its own CI step (a
 * test here never starts them: `npm test` must not run itself).
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  captureAlone,
  captureCommandsIn,
  jestSummary,
  NewcomerError,
  newcomerEnv,
  readmeCommands,
  run,
  StepFailed,
  Steps
} from '../../scripts/newcomer.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string
  }
).version
const BUNDLED = path.join(ROOT, 'dist', 'capture.js')
const itIfBundled = existsSync(BUNDLED) ? it : it.skip

/** The error `f` throws (a test fails when it throws nothing). */
function thrown(f: () => unknown): Error {
  try {
    f()
  } catch (err) {
    return err as Error
  }
  throw new Error('nothing was thrown')
}

describe('the commands, read from the README', () => {
  it('the real README: npm ci then npm test, and the download route of the capture tool', () => {
    expect(readmeCommands(README)).toEqual({
      contributors: ['npm ci', 'npm test'],
      capture: {
        version: 'node capture.js --version',
        stdout: 'node capture.js --out -',
        verifyStdin: 'node capture.js verify -',
        outFile: 'node capture.js --out claude-auth.bundle',
        verifyFile: 'node capture.js verify claude-auth.bundle',
        file: 'claude-auth.bundle'
      }
    })
  })

  it('a README without the Contributors line is one clear error', () => {
    const readme = README.replace(/^\*\*Contributors:\*\*.*$/m, 'Contributors are welcome.')
    const err = thrown(() => readmeCommands(readme))
    expect(err).toBeInstanceOf(NewcomerError)
    expect(err.message).toBe(
      'README.md has no "**Contributors:**" line naming the commands to run (`npm ci`, then `npm test`): put it back, since the newcomer test follows it literally.'
    )
    const one = README.replace('`npm ci`, then `npm test`', '`npm test`')
    expect(thrown(() => readmeCommands(one)).message).toMatch(
      /Contributors line names only `npm test`: it must name the install command, then the test command/
    )
  })

  it('follows the README when it changes, and names a capture command it lost', () => {
    const yarn = README.replace('`npm ci`, then `npm test`', '`yarn install`, then `yarn test`')
    expect(readmeCommands(yarn).contributors).toEqual(['yarn install', 'yarn test'])
    const noVersion = README.split('node capture.js --version').join('node capture.js')
    expect(thrown(() => readmeCommands(noVersion)).message).toMatch(
      /gives no `node capture\.js --version` command/
    )
    const noVerify = README.split('node capture.js verify claude-auth.bundle').join('')
    expect(thrown(() => readmeCommands(noVerify)).message).toMatch(
      /gives no `node capture\.js verify claude-auth\.bundle` command/
    )
    const noStdout = README.split('`--out -`').join('`--out /dev/stdout`')
    expect(thrown(() => readmeCommands(noStdout)).message).toMatch(/`--out -` prints the bundle/)
  })

  it('reads commands in code blocks (up to an aligned comment) and inline', () => {
    const text = [
      '```sh',
      'node capture.js --repo OWNER/REPO                  # your login',
      'npm run capture -- --out x   # or: node capture.js --out x',
      '```',
      'Check it with `node capture.js verify x` (or `node capture.js`).'
    ].join('\n')
    expect(captureCommandsIn(text)).toEqual([
      ['--repo', 'OWNER/REPO'],
      ['--out', 'x'],
      ['verify', 'x'],
      []
    ])
  })
})

describe('the checks of each step', () => {
  it('a jest summary: counts when everything passed, a sentence otherwise', () => {
    const ok =
      'Test Suites: 2 skipped, 83 passed, 83 of 85 total\nTests:       1102 passed, 1102 total\n'
    expect(jestSummary(ok)).toEqual({ suites: 83, tests: 1102 })
    expect(jestSummary(`\x1b[1mTest Suites: \x1b[22m1 passed\nTests: 3 passed\n`)).toEqual({
      suites: 1,
      tests: 3
    })
    expect(jestSummary('Test Suites: 1 failed, 82 passed\nTests: 1 failed, 1101 passed\n')).toBe(
      'jest says: 1 failed, 82 passed; 1 failed, 1101 passed'
    )
    expect(jestSummary('> tsc --noEmit\n')).toBe('no jest summary in the output')
    expect(jestSummary('Test Suites: 0 total\nTests: 0 total\n')).toMatch(/^jest ran nothing/)
  })

  it('a command: stdin /dev/null without input, and one that ignores its input is no EPIPE', async () => {
    const opts = { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '' } }
    expect(await run('cat; echo done >&2', opts)).toEqual({
      code: 0,
      stdout: '',
      stderr: 'done\n',
      all: 'done\n'
    })
    const ignored = await run('exit 3', { ...opts, input: 'x'.repeat(4_000_000) })
    expect(ignored.code).toBe(3)
  })

  it("a newcomer's environment: nothing npm run adds, and the recursion guard", () => {
    const env = newcomerEnv({
      PATH: ['/w/node_modules/.bin', '/w/node_modules/@npmcli/x/bin', '/usr/bin', '/bin'].join(
        path.delimiter
      ),
      HOME: '/home/n',
      npm_lifecycle_event: 'newcomer',
      npm_config_cache: '/c',
      INIT_CWD: '/w'
    })
    expect(env).toEqual({
      PATH: ['/usr/bin', '/bin'].join(path.delimiter),
      HOME: '/home/n',
      CSA_NEWCOMER: '1'
    })
  })
})

/** A Steps that keeps its lines. */
function steps(): { steps: Steps; lines: string[] } {
  const lines: string[] = []
  return { steps: new Steps(line => lines.push(line)), lines }
}

describe('the capture tool alone, as the newcomer runs it', () => {
  const commands = readmeCommands(README).capture

  itIfBundled(
    'dist/capture.js in an empty folder with a fake ~/.claude: every README command passes',
    async () => {
      const s = steps()
      await captureAlone({ captureJs: BUNDLED, version: VERSION, commands, steps: s.steps })
      expect(s.lines.map(l => l.replace(/\(\d+\.\d s\)/, '(t)'))).toEqual([
        `✓ node capture.js --version (t): ${VERSION}`,
        expect.stringMatching(
          /^✓ node capture\.js --out - \(t\): one bundle line on stdout \(\d+ characters\)$/
        ),
        '✓ node capture.js verify - (t): kind oauth, expiry shown, no token',
        '✓ node capture.js --out claude-auth.bundle (t): claude-auth.bundle, mode 600',
        '✓ node capture.js verify claude-auth.bundle (t): kind oauth, expiry shown, no token'
      ])
      // The two fake tokens and the two bundles were set aside, never printed.
      expect(s.steps.redact).toHaveLength(4)
      for (const secret of s.steps.redact) expect(s.lines.join('\n')).not.toContain(secret)
    },
    60_000
  )

  it('stops at the first step that fails: its ✗ line, the reason and the output tail', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newcomer-test-'))
    try {
      // A capture.js whose --out - prints a second line after the bundle.
      const fake = path.join(dir, 'capture.js')
      writeFileSync(
        fake,
        `const a = process.argv.slice(2).join(' ')
if (a === '--version') console.log(${JSON.stringify(VERSION)})
else { console.log('QUJD'); console.log('and a stray line'); console.error('the report') }
`
      )
      const s = steps()
      const err = await captureAlone({
        captureJs: fake,
        version: VERSION,
        commands,
        steps: s.steps
      })
        .then(() => new Error('it passed'))
        .catch((e: unknown) => e as Error)
      expect(err).toBeInstanceOf(StepFailed)
      expect(s.lines[0]).toMatch(/^✓ node capture\.js --version/)
      expect(s.lines[1]).toMatch(
        /^✗ node capture\.js --out - \(\d+\.\d s\): stdout is not one bundle line$/
      )
      expect(s.lines[2]).toContain('    and a stray line')
      expect(s.lines[2]).toContain('    the report')
      expect(s.lines).toHaveLength(3)

      // A wrong version fails the first step.
      writeFileSync(fake, `console.log('0.0.1')\n`)
      const t = steps()
      await expect(
        captureAlone({ captureJs: fake, version: VERSION, commands, steps: t.steps })
      ).rejects.toBeInstanceOf(StepFailed)
      expect(t.lines[0]).toMatch(/^✗ node capture\.js --version \(\d+\.\d s\): printed "0\.0\.1"$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('npm run newcomer, started', () => {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const script = path.join(ROOT, 'scripts', 'newcomer.ts')
  const start = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [tsx, script, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }
    })

  it('refuses to run inside a newcomer run (what npm test is, there), before cloning anything', () => {
    const r = start([], { CSA_NEWCOMER: '1' })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe(
      'newcomer: CSA_NEWCOMER is set, so this runs inside a newcomer run; npm test must not run it.\n'
    )
  })

  it('an unknown argument is a usage error naming the one option', () => {
    const r = start(['--skip-tests'], {})
    expect(r.status).toBe(2)
    expect(r.stdout).toBe(
      "newcomer: Unknown argument --skip-tests: the only option is --skip-test (skip the README's test command).\n"
    )
  })
})
