/**
 * The supply side of a run, end to end through dist/index.js: every process the action starts
 * before the CLI (`claude --version`, `npm view`, `npm install`) gets the scrubbed environment; a
 * CLI binary found in the tool directory is checked against the SHA-256 the action ships and
 * re-installed from npm when it does not match; and a bundle nested too deep is one sentence.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { fakeBundle, fakeCredentials } from '../../__fixtures__/logins.js'
import { CLAUDE, Runner, findLeaks, parseCommandFile } from '../../__fixtures__/runner.js'

const VERSION = '2.1.332'
const SUFFIX = 'linux-x64'
const allSecrets: string[] = []
const runners: Runner[] = []
let runner: Runner

beforeEach(async () => {
  runner = await Runner.create()
  runners.push(runner)
})
afterEach(async () => {
  expect(findLeaks(await runner.everythingWritten(), allSecrets)).toEqual([])
})
afterAll(async () => {
  for (const r of runners) await r.cleanup()
})

/** A login plus every other secret a runner step carries, each also registered for the scan. */
function stepSecrets(): {
  claudeAuth: string
  secretsToken: string
  githubToken: string
  runtimeToken: string
  oidcToken: string
  ghToken: string
} {
  const { secret, credentials } = fakeBundle()
  const s = {
    claudeAuth: secret,
    secretsToken: 'github_pat_FAKE_e2e_secrets_token_0123456789',
    githubToken: 'ghs_FAKE_e2e_github_token_0123456789abc',
    runtimeToken: 'FAKE-e2e-actions-runtime-token-0123456789',
    oidcToken: 'FAKE-e2e-oidc-request-token-0123456789',
    ghToken: 'gho_FAKE_e2e_gh_token_0123456789abcdef'
  }
  allSecrets.push(
    ...Object.values(s),
    credentials.claudeAiOauth.accessToken,
    credentials.claudeAiOauth.refreshToken as string
  )
  return s
}

/** Inputs and environment of a step that carries every secret of `stepSecrets`. */
function loaded(s: ReturnType<typeof stepSecrets>, inputs: Record<string, string>) {
  return {
    inputs: {
      mode: 'setup',
      claude_auth: s.claudeAuth,
      secrets_token: s.secretsToken,
      github_token: s.githubToken,
      ...inputs
    },
    env: {
      ACTIONS_RUNTIME_TOKEN: s.runtimeToken,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: s.oidcToken,
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.test/',
      GITHUB_TOKEN: s.githubToken,
      GH_TOKEN: s.ghToken,
      PATH: `${path.join(runner.dir, 'bin')}:${process.env.PATH}`
    }
  }
}

/** An executable script in the runner's own bin folder (first on PATH in `loaded`). */
async function script(name: string, lines: string[]): Promise<string> {
  const bin = path.join(runner.dir, 'bin')
  await fs.mkdir(bin, { recursive: true })
  const file = path.join(bin, name)
  await fs.writeFile(file, `#!/bin/sh\n${lines.join('\n')}\n`, { mode: 0o755 })
  return file
}

/**
 * A fake npm that dumps its environment, answers `view` with the pinned version, and "installs" the
 * real CLI (a hard link to the dev dependency, so its SHA-256 is the shipped one).
 */
async function fakeNpm(): Promise<{ dumps: () => Promise<string[]> }> {
  const dumps = path.join(runner.dir, 'npm-env')
  await fs.mkdir(dumps)
  const pkg = `node_modules/@anthropic-ai/claude-code-${SUFFIX}`
  await script('npm', [
    `env > "${dumps}/$1-$$"`,
    `if [ "$1" = "view" ]; then echo "${VERSION}"; exit 0; fi`,
    'prefix=""',
    'while [ $# -gt 0 ]; do if [ "$1" = "--prefix" ]; then prefix="$2"; fi; shift; done',
    `mkdir -p "$prefix/${pkg}"`,
    `ln -f "${CLAUDE}" "$prefix/${pkg}/claude" 2>/dev/null || cp "${CLAUDE}" "$prefix/${pkg}/claude"`
  ])
  return {
    dumps: async () =>
      Promise.all(
        (await fs.readdir(dumps)).sort().map(n => fs.readFile(path.join(dumps, n), 'utf8'))
      )
  }
}

/** What must never be in an environment the action hands to a process it starts. */
function expectScrubbed(envText: string, s: ReturnType<typeof stepSecrets>): void {
  const names = envText
    .split('\n')
    .map(l => /^([^=]+)=/.exec(l)?.[1])
    .filter((n): n is string => Boolean(n))
  expect(names.filter(n => n.startsWith('INPUT_'))).toEqual([])
  expect(names.filter(n => n.startsWith('STATE_'))).toEqual([])
  expect(names.filter(n => n.startsWith('ACTIONS_'))).toEqual([])
  expect(names).not.toContain('GITHUB_TOKEN')
  expect(names).not.toContain('GH_TOKEN')
  expect(findLeaks(envText, Object.values(s))).toEqual([])
  // The scrub keeps what a process needs.
  expect(names).toEqual(expect.arrayContaining(['PATH', 'HOME', 'HTTPS_PROXY', 'RUNNER_TEMP']))
}

describe('every process the action starts gets the scrubbed environment', () => {
  it('claude_path: `claude --version` sees no input, runner token or GitHub token', async () => {
    const s = stepSecrets()
    const dump = path.join(runner.dir, 'version-env')
    const fake = await script('my-claude', [
      `env > "${dump}"`,
      `if [ "$1" = "--version" ]; then echo "${VERSION} (Claude Code)"; exit 0; fi`,
      'exit 1'
    ])
    const step = await runner.main(loaded(s, { claude_path: fake }))
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    expectScrubbed(await fs.readFile(dump, 'utf8'), s)
  })

  it('npm view and npm install see none of them either', async () => {
    const s = stepSecrets()
    const npm = await fakeNpm()
    const step = await runner.main(loaded(s, { claude_version: 'latest' }))
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    const dumps = await npm.dumps()
    expect(dumps).toHaveLength(2) // install, view
    for (const text of dumps) expectScrubbed(text, s)
  })
})

describe('the CLI binary is checked against the shipped SHA-256', () => {
  it('a tampered binary in the tool directory is never run: a warning, then a fresh npm install', async () => {
    const s = stepSecrets()
    await fakeNpm()
    const marker = path.join(runner.dir, 'tampered-binary-ran')
    // The tool directory keeps each version's binary alone: <tool dir>/<version>/<platform>/claude.
    const binary = path.join(runner.temp, 'tool-cache', 'claude-code', VERSION, SUFFIX, 'claude')
    await fs.mkdir(path.dirname(binary), { recursive: true })
    await fs.writeFile(binary, `#!/bin/sh\nenv > "${marker}"\necho "${VERSION} (Claude Code)"\n`, {
      mode: 0o755
    })
    const step = await runner.main(loaded(s, {}))
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    expect(existsSync(marker)).toBe(false)
    expect(step.warnings.join('\n')).toContain(
      `does not match the SHA-256 this action ships for Claude Code ${VERSION} (${SUFFIX}); re-installing it from npm.`
    )
    // The binary now there is the real one, and later steps get it on PATH.
    expect((await fs.stat(binary)).size).toBe((await fs.stat(CLAUDE)).size)
    expect(await fs.readFile(runner.files.path, 'utf8')).toContain(path.dirname(binary))
    expect(step.stdout).toContain(`Claude Code ${VERSION} (npm)`)
    await runner.post()
  })
})

describe('decoding refuses JSON nested too deep', () => {
  it('a bundle whose settings.json nests 100 000 levels is one failure sentence, not a crash', async () => {
    const credentials = fakeCredentials()
    allSecrets.push(credentials.claudeAiOauth.accessToken)
    const depth = 100_000
    const text = `{"format":"claude-auth-bundle","version":1,"kind":"oauth","capturedAt":"2026-11-28T12:00:00.000Z","source":"file","generation":1,"credentials":${JSON.stringify(credentials)},"files":{"settings.json":${'['.repeat(depth)}${']'.repeat(depth)}}}`
    const secret = gzipSync(Buffer.from(text)).toString('base64')
    allSecrets.push(secret)
    const step = await runner.main({
      inputs: { mode: 'setup', claude_auth: secret, claude_path: CLAUDE }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    // One sentence, then the usual re-auth steps.
    expect(step.errors[0]?.split('\n')[0]).toBe(
      'The claude_auth secret holds JSON nested deeper than 32 levels, which no captured login does: store the output of `node capture.js` (or `npm run -s capture` in a clone) again.'
    )
    expect(step.outputs).toMatchObject({ conclusion: 'failure', auth_status: 'invalid' })
    expect(step.stdout + step.stderr).not.toMatch(/Maximum call stack|\n\s+at .*:\d+:\d+/)
    expect(existsSync(path.join(runner.home, '.claude'))).toBe(false)
    expect(parseCommandFile(await fs.readFile(runner.files.state, 'utf8')).restorePlan).toBe(
      undefined
    )
  })
})
