/**
 * Uploading the captured bundle: through a fake `gh` on PATH that records its argv and stdin (the
 * bundle must travel on stdin only), and through the REST API against the local mock of GitHub,
 * where the uploaded value is decrypted with the mock's private key and decoded with the action's
 * own decoder.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { decodeAuth, tokensOf } from '../../../src/auth/bundle.js'
import { fakeCredentials, fakeToken } from '../../../__fixtures__/logins.js'
import { startMockGitHub, type MockGitHub } from '../../../__fixtures__/mock-github.js'
import { main, type CaptureIO } from '../../../scripts/capture.js'
import { useScratch } from '../../../__fixtures__/scratch.js'

const scratch = useScratch('capture-upload')
const dir = (name: string): string => scratch.dir(name)

const GH = `#!/bin/sh
n=$(ls -d "$FAKE_GH_DIR"/call-* 2>/dev/null | wc -l | tr -d ' ')
d="$FAKE_GH_DIR/call-$n"; mkdir "$d"
for a in "$@"; do printf '%s\\n' "$a"; done > "$d/argv"
if [ "$1" = auth ] && [ "$2" = status ]; then
  if [ -n "$FAKE_GH_LOGGED_OUT" ]; then echo "You are not logged into any GitHub hosts. To log in, run: gh auth login" >&2; exit 1; fi
  echo "github.com: Logged in to github.com account octocat" >&2; exit 0
fi
if [ "$1" = secret ] && [ "$2" = set ]; then
  cat > "$d/stdin"
  if [ -n "$FAKE_GH_FAIL_SET" ]; then echo "failed to fetch public key: HTTP 403: Resource not accessible by integration" >&2; exit 1; fi
  echo "✓ Set Actions secret $3" >&2; exit 0
fi
if [ "$1" = api ]; then
  if [ "$2" = --paginate ]; then printf 'app\\nweb\\n'; exit 0; fi
  key=$(printf '%s' "$2" | tr '/' '_')
  if [ -f "$FAKE_GH_DIR/api_$key" ]; then cat "$FAKE_GH_DIR/api_$key"; exit 0; fi
  echo "gh: Not Found (HTTP 404)" >&2; exit 1
fi
echo "fake gh: unexpected $*" >&2; exit 3
`

interface GhCall {
  argv: string[]
  stdin?: string
}

interface FakeGh {
  env: NodeJS.ProcessEnv
  /** Makes `gh api PATH` answer with this JSON (the secret exists). */
  exists(apiPath: string, body?: unknown): void
  calls(): GhCall[]
}

function fakeGh(extra: NodeJS.ProcessEnv = {}): FakeGh {
  const bin = dir('bin')
  writeFileSync(path.join(bin, 'gh'), GH)
  chmodSync(path.join(bin, 'gh'), 0o755)
  const work = dir('gh')
  return {
    env: { PATH: `${bin}:${process.env.PATH}`, FAKE_GH_DIR: work, ...extra },
    exists: (apiPath, body = { name: 'CLAUDE_AUTH' }) =>
      writeFileSync(path.join(work, `api_${apiPath.replace(/\//g, '_')}`), JSON.stringify(body)),
    calls: () =>
      readdirSync(work)
        .filter(n => n.startsWith('call-'))
        .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
        .map(n => {
          const argv = readFileSync(path.join(work, n, 'argv'), 'utf8')
            .split('\n')
            .slice(0, -1)
          const stdinFile = path.join(work, n, 'stdin')
          return existsSync(stdinFile) ? { argv, stdin: readFileSync(stdinFile, 'utf8') } : { argv }
        })
  }
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function capture(
  argv: string[],
  env: NodeJS.ProcessEnv,
  over: Partial<CaptureIO> & { input?: string } = {}
): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const { input, ...rest } = over
  const code = await main(argv, {
    env,
    platform: 'linux',
    homedir: '/nonexistent',
    username: 'tester',
    now: () => Date.now(),
    stdin: Readable.from(input === undefined ? [] : [input]),
    stdinIsTTY: false,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    ...rest
  })
  return { code, stdout, stderr }
}

/** A fake home holding a Linux login. */
function home(): { home: string; tokens: string[] } {
  const h = dir('home')
  mkdirSync(path.join(h, '.claude'))
  const creds = fakeCredentials()
  writeFileSync(path.join(h, '.claude', '.credentials.json'), JSON.stringify(creds))
  return {
    home: h,
    tokens: [creds.claudeAiOauth.accessToken, creds.claudeAiOauth.refreshToken as string]
  }
}

function sets(calls: GhCall[]): GhCall[] {
  return calls.filter(c => c.argv[0] === 'secret' && c.argv[1] === 'set')
}

describe('upload through gh (a fake gh on PATH)', () => {
  it('passes the bundle on stdin only, never in argv, and reports created', async () => {
    const gh = fakeGh()
    const { home: h, tokens } = home()
    const r = await capture(['--repo', 'octo-org/app'], gh.env, { homedir: h })
    expect(r.code).toBe(0)
    const calls = gh.calls()
    expect(calls[0]?.argv).toEqual(['auth', 'status'])
    const [set] = sets(calls)
    expect(set?.argv).toEqual(['secret', 'set', 'CLAUDE_AUTH', '--repo', 'octo-org/app'])
    const login = await decodeAuth(set?.stdin as string)
    expect(tokensOf(login)).toEqual(tokens)
    expect(login.source).toBe('file')
    for (const c of calls) {
      for (const t of tokens) expect(c.argv.join(' ')).not.toContain(t)
      expect(c.argv.join(' ')).not.toContain((set?.stdin as string).trim())
    }
    expect(r.stdout).toBe('') // uploaded, so not printed
    expect(r.stderr).toContain('CLAUDE_AUTH in the repository octo-org/app: created (through gh)')
    for (const t of tokens) expect(r.stderr).not.toContain(t)
  })

  it('uploads to every --repo, and says updated for a secret that exists', async () => {
    const gh = fakeGh()
    gh.exists('repos/octo-org/two/actions/secrets/MY_AUTH')
    const token = fakeToken('oat')
    const r = await capture(
      ['--from', 'token', '--repo', 'octo-org/one', '--repo', 'octo-org/two', '--name', 'MY_AUTH'],
      gh.env,
      { input: token }
    )
    expect(r.code).toBe(0)
    const s = sets(gh.calls())
    expect(s.map(c => c.argv)).toEqual([
      ['secret', 'set', 'MY_AUTH', '--repo', 'octo-org/one'],
      ['secret', 'set', 'MY_AUTH', '--repo', 'octo-org/two']
    ])
    expect(r.stderr).toContain('MY_AUTH in the repository octo-org/one: created')
    expect(r.stderr).toContain('MY_AUTH in the repository octo-org/two: updated')
    const login = await decodeAuth(s[1]?.stdin as string)
    expect(login.kind === 'setup-token' && login.token).toBe(token)
    expect(r.stderr).not.toContain(token)
  })

  it('writes an environment secret with --env', async () => {
    const gh = fakeGh()
    const r = await capture(
      ['--from', 'token', '--repo', 'octo-org/app', '--env', 'production'],
      gh.env,
      { input: fakeToken('oat') }
    )
    expect(r.code).toBe(0)
    expect(sets(gh.calls())[0]?.argv).toEqual([
      'secret',
      'set',
      'CLAUDE_AUTH',
      '--repo',
      'octo-org/app',
      '--env',
      'production'
    ])
    expect(
      gh
        .calls()
        .some(
          c =>
            c.argv.join(' ') ===
            'api repos/octo-org/app/environments/production/secrets/CLAUDE_AUTH'
        )
    ).toBe(true)
  })

  it('makes a new org secret private and keeps an existing one’s visibility', async () => {
    const fresh = fakeGh()
    await capture(['--from', 'token', '--org', 'octo-org'], fresh.env, { input: fakeToken() })
    expect(sets(fresh.calls())[0]?.argv).toEqual([
      'secret',
      'set',
      'CLAUDE_AUTH',
      '--org',
      'octo-org',
      '--visibility',
      'private'
    ])

    const all = fakeGh()
    all.exists('orgs/octo-org/actions/secrets/CLAUDE_AUTH', { visibility: 'all' })
    const r = await capture(['--from', 'token', '--org', 'octo-org'], all.env, {
      input: fakeToken()
    })
    expect(r.stderr).toContain('CLAUDE_AUTH in the organisation octo-org: updated')
    expect(sets(all.calls())[0]?.argv.slice(-2)).toEqual(['--visibility', 'all'])

    const selected = fakeGh()
    selected.exists('orgs/octo-org/actions/secrets/CLAUDE_AUTH', { visibility: 'selected' })
    await capture(['--from', 'token', '--org', 'octo-org'], selected.env, { input: fakeToken() })
    expect(sets(selected.calls())[0]?.argv.slice(-4)).toEqual([
      '--visibility',
      'selected',
      '--repos',
      'app,web'
    ])
  })

  it('exits 1 and says which target failed', async () => {
    const gh = fakeGh({ FAKE_GH_FAIL_SET: '1' })
    const r = await capture(['--from', 'token', '--repo', 'octo-org/app'], gh.env, {
      input: fakeToken()
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /CLAUDE_AUTH in the repository octo-org\/app: FAILED: `gh secret set CLAUDE_AUTH --repo octo-org\/app` failed with exit code 1: failed to fetch public key: HTTP 403/
    )
    expect(r.stderr).toMatch(/1 of 1 uploads failed/)
  })

  it('says how to upload when there is neither gh nor GITHUB_TOKEN, before reading the login', async () => {
    const loggedOut = fakeGh({ FAKE_GH_LOGGED_OUT: '1' })
    const r = await capture(['--repo', 'octo-org/app'], loggedOut.env)
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toMatch(
      /^capture: Cannot upload: gh is installed but not logged in .*GITHUB_TOKEN is not set; run `gh auth login`/
    )
    const none = await capture(['--repo', 'octo-org/app'], { PATH: dir('empty-bin') })
    expect(none.stderr.trim()).toMatch(/^capture: Cannot upload: gh is not installed/)
  })
})

describe('upload through the REST API (the local mock of GitHub)', () => {
  let mock: MockGitHub
  beforeEach(async () => {
    mock = await startMockGitHub(
      { owner: 'octo-org', repo: 'app', environments: { production: { secrets: {} } } },
      { orgs: ['octo-org'] }
    )
  })
  afterEach(async () => {
    await mock.close()
  })

  function apiEnv(): NodeJS.ProcessEnv {
    // gh is installed but logged out, so the tool falls back to GITHUB_TOKEN.
    const gh = fakeGh({ FAKE_GH_LOGGED_OUT: '1' })
    return { ...gh.env, GITHUB_TOKEN: 'ghp_FAKE_test_token', GITHUB_API_URL: mock.url }
  }

  it('seals the bundle with the repository key; the mock opens it and the action decodes it', async () => {
    const { home: h, tokens } = home()
    const r = await capture(['--repo', 'octo-org/app'], apiEnv(), { homedir: h })
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      `CLAUDE_AUTH in the repository octo-org/app: created (through the REST API at ${mock.url})`
    )
    const value = mock.decryptSecret({ repo: 'octo-org/app' }, 'CLAUDE_AUTH')
    const login = await decodeAuth(value)
    expect(tokensOf(login)).toEqual(tokens)
    expect(login.source).toBe('file')
    expect(login.generation).toBe(1)
    const put = mock.writes().find(c => c.method === 'PUT')
    expect(put?.path).toBe('/repos/octo-org/app/actions/secrets/CLAUDE_AUTH')
    expect(JSON.stringify(put?.body)).not.toContain(tokens[0])

    const again = await capture(['--repo', 'octo-org/app'], apiEnv(), { homedir: h })
    expect(again.stderr).toContain('CLAUDE_AUTH in the repository octo-org/app: updated')
  })

  it('writes environment and organisation secrets', async () => {
    const token = fakeToken('oat')
    const r = await capture(
      ['--from', 'token', '--repo', 'octo-org/app', '--env', 'production', '--org', 'octo-org'],
      apiEnv(),
      { input: token }
    )
    expect(r.code).toBe(0)
    for (const scope of [{ repo: 'octo-org/app', env: 'production' }, { org: 'octo-org' }]) {
      const login = await decodeAuth(mock.decryptSecret(scope, 'CLAUDE_AUTH'))
      expect(login.kind === 'setup-token' && login.token).toBe(token)
    }
    expect(mock.orgs['octo-org']?.secrets.CLAUDE_AUTH?.visibility).toBe('private')
    expect(r.stderr).not.toContain(token)
  })

  it('reports a failure per target and exits 1', async () => {
    const r = await capture(
      ['--from', 'token', '--repo', 'octo-org/missing', '--repo', 'octo-org/app'],
      apiEnv(),
      { input: fakeToken() }
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/octo-org\/missing: FAILED: Could not .* GitHub answered 404/)
    expect(r.stderr).toContain('CLAUDE_AUTH in the repository octo-org/app: created')
  })
})
