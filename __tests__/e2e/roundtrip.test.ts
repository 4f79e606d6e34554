/**
 * The capture → action round trip: the bundled capture tool (dist/capture.js) turns a login in a
 * fake home into a bundle, and the bundled action (dist/index.js) restores exactly that login on a
 * runner, then its post step removes it. Nothing either of them prints shows a token.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { decodeAuth } from '../../src/auth/bundle.js'
import { DAY, fakeCredentials, fakeToken } from '../../__fixtures__/logins.js'
import { CLAUDE, NODE, ROOT, Runner, findLeaks, modeOf } from '../../__fixtures__/runner.js'

const CAPTURE = path.join(ROOT, 'dist', 'capture.js')

const allSecrets: string[] = []
const runners: Runner[] = []
let runner: Runner
/** What the capture tool printed in this test, for the leak scan. */
let printed: string[] = []

beforeEach(async () => {
  runner = await Runner.create()
  runners.push(runner)
  printed = []
})

afterEach(async () => {
  // Everything the action and the capture tool wrote, scanned for every token any test used.
  const written = [await runner.everythingWritten(), ...printed].join('\n')
  expect(findLeaks(written, allSecrets)).toEqual([])
})

afterAll(async () => {
  for (const r of runners) await r.cleanup()
})

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the bundled capture tool with the runtime the action uses, as a user runs it. What it
 * prints joins the leak scan, except a bundle it writes to stdout on purpose (`bundleOnStdout`).
 */
function capture(
  args: string[],
  opts: { home: string; input?: string; cwd?: string; bundleOnStdout?: boolean }
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CAPTURE, ...args], {
      cwd: opts.cwd ?? opts.home,
      env: { PATH: process.env.PATH, HOME: opts.home, USER: 'tester', LANG: 'C.UTF-8' }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      printed.push(opts.bundleOnStdout ? '' : stdout, stderr)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(opts.input ?? '')
  })
}

/** A laptop's home with a Linux `~/.claude`: the login, settings, and what must never travel. */
async function laptopHome(files: Record<string, string>): Promise<string> {
  const home = path.join(runner.dir, 'laptop')
  await fs.mkdir(home, { recursive: true })
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(home, '.claude', name)
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    await fs.writeFile(file, content, { mode: 0o600 })
  }
  return home
}

describe('capture → action round trip', () => {
  it('an oauth login captured from ~/.claude/.credentials.json is restored byte for byte, then removed', async () => {
    // Fake tokens from the fixtures, laid out as the CLI writes a fresh login (the facts sheet's
    // field order), with fields this action does not know: they must survive, in place.
    const fake = fakeCredentials().claudeAiOauth
    const credentials = {
      claudeAiOauth: {
        accessToken: fake.accessToken,
        refreshToken: fake.refreshToken,
        expiresAt: fake.expiresAt,
        scopes: fake.scopes,
        subscriptionType: fake.subscriptionType,
        rateLimitTier: 'default_claude_max_20x',
        someFutureField: { kept: true }
      }
    }
    const oauth = credentials.claudeAiOauth
    const credentialsText = JSON.stringify(credentials)
    const settings = { model: 'opus', env: { FOO: 'bar' }, permissions: { allow: ['Read'] } }
    allSecrets.push(oauth.accessToken, oauth.refreshToken as string)

    const home = await laptopHome({
      '.credentials.json': credentialsText,
      'settings.json': JSON.stringify(settings),
      'history.jsonl': '{"display":"a private prompt"}\n',
      'projects/-home-me-app/session.jsonl': '{"transcript":true}\n',
      'todos/list.json': '[]'
    })
    const configDir = path.join(home, '.claude')
    const bundleFile = path.join(runner.dir, 'claude-auth.bundle')

    // 1. Capture, as `npm run capture -- --from file --with-settings --out FILE` does from the
    // bundled tool (settings only on request, and without the keys that widen CI).
    const captured = await capture(
      ['--from', 'file', '--config-dir', configDir, '--with-settings', '--out', bundleFile],
      { home }
    )
    expect(captured.stderr).toContain('Removed from settings.json: "permissions", "env"')
    expect(captured.stderr).toContain('Wrote the bundle to')
    expect(captured.code).toBe(0)
    expect(captured.stdout).toBe('')
    expect(await modeOf(bundleFile)).toBe(0o600)
    const bundle = await fs.readFile(bundleFile, 'utf8')
    allSecrets.push(bundle.trim())

    // The bundle holds the login and the safe part of settings.json, nothing else from ~/.claude.
    const decoded = await decodeAuth(bundle)
    expect(decoded).toMatchObject({ kind: 'oauth', source: 'file', generation: 1 })
    expect(Object.keys(decoded.files)).toEqual(['settings.json'])
    const inside = gunzipSync(Buffer.from(bundle, 'base64')).toString('utf8')
    expect(JSON.parse(inside)).toMatchObject({ format: 'claude-auth-bundle', version: 1 })
    expect(inside).not.toMatch(/private prompt|transcript|todos/)

    // 2. verify: accepted, exit 0, no token printed.
    const verified = await capture(['verify', bundleFile], { home })
    expect(verified.code).toBe(0)
    expect(verified.stderr).toContain('The action will accept this bundle.')
    expect(findLeaks(verified.stdout + verified.stderr, [...allSecrets])).toEqual([])

    // 3. The action restores it on a runner.
    const main = await runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: bundle }
    })
    expect(main.errors).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      conclusion: 'success',
      auth_kind: 'oauth',
      auth_status: 'valid',
      expires_at: new Date(oauth.expiresAt).toISOString(),
      login_expires_at: '', // a fresh login does not say when its refresh chain ends
      rotated: 'false'
    })
    expect(main.masked).toEqual(
      expect.arrayContaining([bundle.trim(), oauth.accessToken, oauth.refreshToken])
    )

    const restoredDir = path.join(runner.home, '.claude')
    const restoredCredentials = path.join(restoredDir, '.credentials.json')
    const restoredSettings = path.join(restoredDir, 'settings.json')
    // The same login, unknown fields included: the same JSON object, byte for byte.
    const restoredText = await fs.readFile(restoredCredentials, 'utf8')
    expect(JSON.parse(restoredText)).toEqual(credentials)
    expect(restoredText).toBe(credentialsText)
    expect(JSON.parse(await fs.readFile(restoredSettings, 'utf8'))).toEqual({
      model: settings.model
    })
    expect(await modeOf(restoredCredentials)).toBe(0o600)
    expect(await modeOf(restoredSettings)).toBe(0o600)
    expect(await modeOf(restoredDir)).toBe(0o700)
    for (const never of ['history.jsonl', 'projects', 'todos']) {
      expect(existsSync(path.join(restoredDir, never))).toBe(false)
    }

    // 4. The post step removes the login (the runner had no ~/.claude before).
    const post = await runner.post()
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(existsSync(restoredCredentials)).toBe(false)
    expect(existsSync(restoredDir)).toBe(false)
    // The laptop's own login is untouched.
    expect(await fs.readFile(path.join(configDir, '.credentials.json'), 'utf8')).toBe(
      credentialsText
    )
  })

  it('a refreshed login (refreshTokenExpiresAt) round trips as the same object, its end reported', async () => {
    // After a refresh the CLI adds refreshTokenExpiresAt (facts sheet); the restored file holds the
    // same JSON object (the decoder lists the fields it knows first, so the bytes may be reordered).
    const credentials = fakeCredentials({ loginEndsInMs: 20 * DAY, extra: { rateLimitTier: 'x' } })
    const oauth = credentials.claudeAiOauth
    allSecrets.push(oauth.accessToken, oauth.refreshToken as string)
    const home = await laptopHome({ '.credentials.json': JSON.stringify(credentials) })
    const captured = await capture(['--from', 'file', '--config-dir', path.join(home, '.claude')], {
      home,
      bundleOnStdout: true
    })
    expect(captured.code).toBe(0)
    const bundle = captured.stdout.trim()
    allSecrets.push(bundle)

    const main = await runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: bundle }
    })
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      auth_kind: 'oauth',
      auth_status: 'valid',
      login_expires_at: new Date(oauth.refreshTokenExpiresAt as number).toISOString()
    })
    const restored = path.join(runner.home, '.claude', '.credentials.json')
    expect(JSON.parse(await fs.readFile(restored, 'utf8'))).toEqual(credentials)
    expect((await runner.post()).exitCode).toBe(0)
    expect(existsSync(restored)).toBe(false)
  })

  it('a setup-token piped to --from token is restored through the action as a setup-token', async () => {
    const token = fakeToken('oat')
    allSecrets.push(token)
    const home = await laptopHome({})
    const before = Date.now()

    // What `claude setup-token` prints, piped in as a user would.
    const captured = await capture(['--from', 'token'], {
      home,
      bundleOnStdout: true,
      input: `Your OAuth token (valid for 1 year):\n\n${token}\n\nStore this token securely.\n`
    })
    expect(captured.code).toBe(0)
    const bundle = captured.stdout.trim()
    expect(bundle).toMatch(/^[A-Za-z0-9+/=]+$/)
    allSecrets.push(bundle)
    expect(captured.stderr).toContain('setup-token')

    const verified = await capture(['verify', '-'], { home, input: bundle })
    expect(verified.code).toBe(0)
    expect(verified.stderr).toContain('The action will accept this bundle.')

    const main = await runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: bundle }
    })
    expect(main.errors).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      conclusion: 'success',
      auth_kind: 'setup-token',
      auth_status: 'valid'
    })
    // The expiry capture recorded (one year from capture) is the one the action reports.
    const expiresAt = Date.parse(main.outputs.expires_at as string)
    expect(expiresAt).toBeGreaterThanOrEqual(before + 365 * DAY - 1000)
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 365 * DAY)
    expect(main.outputs.login_expires_at).toBe(main.outputs.expires_at)
    expect(main.masked).toEqual(expect.arrayContaining([bundle, token]))

    const restoredDir = path.join(runner.home, '.claude')
    const restoredCredentials = path.join(restoredDir, '.credentials.json')
    const restored = JSON.parse(await fs.readFile(restoredCredentials, 'utf8'))
    expect(restored.claudeAiOauth.accessToken).toBe(token)
    expect(restored.claudeAiOauth.refreshToken).toBeUndefined()
    expect(restored.claudeAiOauth.expiresAt).toBe(expiresAt)
    expect(await modeOf(restoredCredentials)).toBe(0o600)
    expect(await modeOf(restoredDir)).toBe(0o700)

    const post = await runner.post()
    expect(post.exitCode).toBe(0)
    expect(existsSync(restoredDir)).toBe(false)
  })
})
