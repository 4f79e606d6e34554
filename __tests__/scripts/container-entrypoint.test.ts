/**
 * The setup container without Docker: its entrypoint runs as a script in a temp folder with a
 * fake `claude` that "logs in" (writes .credentials.json) and then waits; on SIGTERM, Ctrl-C or a
 * normal exit the output folder must hold the bundle and the minimal files, mode 0600, owned by
 * the host user. Also: the Dockerfile passes a linter from the npm registry.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { decodeAuth, tokensOf } from '../../src/auth/bundle.js'
import { fakeCredentials } from '../../__fixtures__/logins.js'
import { useScratch } from '../../__fixtures__/scratch.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const ENTRYPOINT = path.join(ROOT, 'scripts', 'container-entrypoint.sh')
const CAPTURE_CMD = `${path.join(ROOT, 'node_modules', '.bin', 'tsx')} ${path.join(ROOT, 'scripts', 'capture.ts')}`
const IS_ROOT = process.getuid?.() === 0

const scratch = useScratch('entrypoint')
let counter = 0

interface Setup {
  out: string
  cfg: string
  creds: ReturnType<typeof fakeCredentials>
  env: NodeJS.ProcessEnv
}

/**
 * A temp folder with an output folder, a config dir and a fake `claude` whose `auth login`
 * writes the login (and settings.json) and then, in `wait` mode, sleeps until killed.
 */
function setup(mode: 'wait' | 'exit' | 'no-login', extra: NodeJS.ProcessEnv = {}): Setup {
  const base = path.join(scratch.root, `run-${++counter}`)
  const out = path.join(base, 'output')
  const cfg = path.join(base, 'home', '.claude')
  const bin = path.join(base, 'bin')
  for (const d of [out, cfg, bin]) mkdirSync(d, { recursive: true })
  const creds = fakeCredentials({ loginEndsInMs: 25 * 86_400_000 })
  writeFileSync(path.join(base, 'creds.json'), JSON.stringify(creds))
  const fake = [
    '#!/bin/sh',
    '[ "$1 $2" = "auth login" ] || { echo "fake claude: unexpected $*" >&2; exit 3; }',
    mode === 'no-login'
      ? 'echo "fake claude: login cancelled" >&2; exit 1'
      : [
          `cp "${path.join(base, 'creds.json')}" "$CLAUDE_CONFIG_DIR/.credentials.json"`,
          `echo '{"theme":"dark"}' > "$CLAUDE_CONFIG_DIR/settings.json"`,
          'echo "Login successful." >&2',
          mode === 'wait' ? 'exec sleep 60' : 'exit 0'
        ].join('\n')
  ].join('\n')
  writeFileSync(path.join(bin, 'claude'), `${fake}\n`)
  chmodSync(path.join(bin, 'claude'), 0o755)
  return {
    out,
    cfg,
    creds,
    env: {
      PATH: process.env.PATH,
      HOME: path.join(base, 'home'),
      CLAUDE_BIN: path.join(bin, 'claude'),
      CAPTURE_CMD,
      OUTPUT_DIR: out,
      CLAUDE_CONFIG_DIR: cfg,
      CSA_DEBUG: '1',
      ...extra
    }
  }
}

interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  stdout: string
}

/** Runs the entrypoint; with `signal`, sends it once the fake CLI has written the login. */
async function runEntrypoint(s: Setup, signal?: NodeJS.Signals): Promise<Exit> {
  const child = spawn('bash', [ENTRYPOINT], { env: s.env, stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  let stdout = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  const closed = new Promise<Exit>(resolve =>
    child.on('close', (code, sig) => resolve({ code, signal: sig, stderr, stdout }))
  )
  if (signal) {
    const deadline = Date.now() + 20_000
    while (!stderr.includes('Login successful.') && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 50))
    }
    expect(stderr).toContain('Login successful.')
    child.kill(signal)
  }
  return closed
}

function owner(file: string): [number, number] {
  const st = statSync(file)
  return [st.uid, st.gid]
}

async function expectOutput(s: Setup, r: Exit, ids?: [number, number]): Promise<void> {
  expect(r.code).toBe(0)
  expect(readdirSync(s.out).sort()).toEqual([
    '.credentials.json',
    'claude-auth.bundle',
    'settings.json'
  ])
  for (const name of readdirSync(s.out)) {
    const file = path.join(s.out, name)
    expect({ name, mode: statSync(file).mode & 0o777 }).toEqual({ name, mode: 0o600 })
    if (ids && IS_ROOT) expect({ name, owner: owner(file) }).toEqual({ name, owner: ids })
  }
  const login = await decodeAuth(readFileSync(path.join(s.out, 'claude-auth.bundle'), 'utf8'))
  expect(login.source).toBe('container')
  // Settings are not captured by default (SPEC: capture takes no settings by default).
  expect(login.files).toEqual({})
  expect(tokensOf(login)).toEqual([
    s.creds.claudeAiOauth.accessToken,
    s.creds.claudeAiOauth.refreshToken
  ])
  expect(JSON.parse(readFileSync(path.join(s.out, '.credentials.json'), 'utf8'))).toEqual(s.creds)
  // Debug lines are there, and no token ever is.
  expect(r.stderr).toMatch(/claude-setup: debug: /)
  for (const t of tokensOf(login)) {
    expect(r.stderr).not.toContain(t)
    expect(r.stdout).not.toContain(t)
  }
  expect(r.stderr).not.toContain('share one refresh chain') // not the laptop's own login
}

describe('container entrypoint', () => {
  it('writes the bundle and the minimal files on SIGTERM, owned by HOST_UID/HOST_GID', async () => {
    const s = setup('wait', { HOST_UID: '1234', HOST_GID: '2345' })
    const r = await runEntrypoint(s, 'SIGTERM')
    expect(r.stderr).toContain('debug: got SIGTERM')
    await expectOutput(s, r, [1234, 2345])
  })

  it('does the same on Ctrl-C (SIGINT)', async () => {
    const s = setup('wait', { HOST_UID: '1234', HOST_GID: '2345' })
    const r = await runEntrypoint(s, 'SIGINT')
    expect(r.stderr).toContain('debug: got SIGINT')
    await expectOutput(s, r, [1234, 2345])
  })

  it('writes the output when the login finishes normally, owned like the output folder', async () => {
    const s = setup('exit')
    if (IS_ROOT) chownSync(s.out, 4321, 4322)
    const r = await runEntrypoint(s)
    expect(r.stderr).toContain('Done:')
    await expectOutput(s, r, [4321, 4322])
  })

  it('writes an existing login at once without starting the CLI', async () => {
    const s = setup('exit', { CLAUDE_BIN: '/bin/false', HOST_UID: '1234', HOST_GID: '2345' })
    writeFileSync(path.join(s.cfg, '.credentials.json'), JSON.stringify(s.creds))
    writeFileSync(path.join(s.cfg, 'settings.json'), '{"theme":"dark"}')
    const r = await runEntrypoint(s)
    expect(r.stderr).toContain('A login is already in')
    await expectOutput(s, r, [1234, 2345])
  })

  const itAsRoot = IS_ROOT && spawnSync('id', ['-u', 'nobody']).status === 0 ? it : it.skip

  itAsRoot('runs the CLI as the unprivileged CLAUDE_USER when started as root', async () => {
    const s = setup('exit', { CLAUDE_USER: 'nobody', HOST_UID: '1234', HOST_GID: '2345' })
    // The unprivileged user must reach the fake CLI and the login it copies.
    chmodSync(scratch.root, 0o755)
    const base = path.dirname(s.out)
    for (const d of [base, path.join(base, 'bin'), path.join(base, 'home')]) chmodSync(d, 0o755)
    chmodSync(path.join(base, 'creds.json'), 0o644)
    const fake = readFileSync(s.env.CLAUDE_BIN as string, 'utf8')
    writeFileSync(
      s.env.CLAUDE_BIN as string,
      fake.replace(
        'exit 0',
        'id -u > "$CLAUDE_CONFIG_DIR/uid"; echo "$HOME" > "$CLAUDE_CONFIG_DIR/home"\nexit 0'
      )
    )
    const r = await runEntrypoint(s)
    const nobody = Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim())
    expect(readFileSync(path.join(s.cfg, 'uid'), 'utf8').trim()).toBe(String(nobody))
    expect(statSync(path.join(s.cfg, '.credentials.json')).uid).toBe(nobody)
    await expectOutput(s, r, [1234, 2345])
  })

  it('writes nothing and exits 1 when no login was made', async () => {
    const s = setup('no-login')
    const r = await runEntrypoint(s)
    expect(r.code).toBe(1)
    expect(readdirSync(s.out)).toEqual([])
    expect(r.stderr).toMatch(/No login was made .*nothing written/)
  })

  it('replaces an old bundle, and writes none when the capture fails', async () => {
    const s = setup('exit', { CLAUDE_BIN: '/bin/false' })
    writeFileSync(path.join(s.out, 'claude-auth.bundle'), 'stale')
    writeFileSync(path.join(s.cfg, '.credentials.json'), '{"not":"a login"}')
    const r = await runEntrypoint(s)
    expect(r.code).toBe(1)
    expect(existsSync(path.join(s.out, 'claude-auth.bundle'))).toBe(false)
    expect(r.stderr).toMatch(/The capture tool failed \(exit code 1\)/)
  })

  it('asks for the output mount when there is none', async () => {
    const s = setup('exit')
    rmSync(s.out, { recursive: true })
    const r = await runEntrypoint(s)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /There is no output folder at .*: mount one, e\.g\. docker run --rm -it -v/
    )
  })

  it('refuses ids that are not numbers', async () => {
    const s = setup('exit', { HOST_UID: 'me' })
    const r = await runEntrypoint(s)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/HOST_UID and HOST_GID must be numbers \(got "me"/)
  })
})

describe('Dockerfile.claude-setup', () => {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile.claude-setup'), 'utf8')

  it('passes dockerfilelint', () => {
    const r = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'dockerfilelint'),
      [path.join(ROOT, 'Dockerfile.claude-setup')],
      { encoding: 'utf8' }
    )
    expect(`${r.stdout}${r.stderr}`).toContain('Issues: None found')
    expect(r.status).toBe(0)
  })

  it('pins the CLI version the project tests with, on node:24-slim', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>
    }
    const pinned = pkg.devDependencies['@anthropic-ai/claude-code']
    expect(dockerfile).toContain(`ARG CLAUDE_CODE_VERSION=${pinned}`)
    expect(dockerfile).toMatch(/^FROM node:24-slim$/m)
    expect(dockerfile).toContain('COPY dist/capture.js /app/capture.js')
    expect(dockerfile).toContain('COPY scripts/container-entrypoint.sh')
    expect(dockerfile).toMatch(/useradd .* claude/)
  })

  it('has an entrypoint bash can parse (and shellcheck accepts, where installed)', () => {
    expect(spawnSync('bash', ['-n', ENTRYPOINT]).status).toBe(0)
    const sc = spawnSync('shellcheck', [ENTRYPOINT], { encoding: 'utf8' })
    if (sc.error) return // shellcheck is optional here
    expect(sc.stdout).toBe('')
    expect(sc.status).toBe(0)
  })
})
