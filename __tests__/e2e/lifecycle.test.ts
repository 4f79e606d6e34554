/**
 * The token lifecycle end to end: dist/index.js run as a runner runs it (main, then post with the
 * state main saved), the REAL Claude CLI, the mock Anthropic API, the mock token endpoint (reached
 * directly by the action through CLAUDE_OAUTH_TOKEN_URL, and by the CLI through the TLS proxy),
 * and the mock GitHub API holding the secret that write-back updates and the health tracking issue.
 *
 * After every test: no token (old, rotated, the bundle strings, the GitHub tokens) in anything the
 * action wrote, nor in what the mocks received apart from the auth headers (and, at the token
 * endpoint, the refresh token it must be sent).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { DAY, fakeCredentials, HOUR, type CredOptions } from '../../__fixtures__/logins.js'
import {
  scenarios,
  startMockAnthropic,
  type MockAnthropic
} from '../../__fixtures__/mock-anthropic.js'
import {
  startMockGitHub,
  type MockGitHub,
  type MockSecret,
  type SecretScope
} from '../../__fixtures__/mock-github.js'
import { startTlsProxy, type TlsProxy } from '../../__fixtures__/tls-proxy.js'
import { startTokenEndpoint, type TokenEndpoint } from '../../__fixtures__/token-endpoint.js'
import {
  buildBundle,
  decodeAuth,
  encodeBundle,
  type Bundle,
  type Credentials,
  type OauthLogin
} from '../../src/auth/bundle.js'
import { HEALTH_LABEL, HEALTH_MARKER } from '../../src/jobs/health.js'
import { CLAUDE, Runner, findLeaks, type StepResult } from '../../__fixtures__/runner.js'

const GH_TOKEN = 'ghs_FAKE_test_github_token_1234567890'
const SECRETS_TOKEN = 'ghs_FAKE_test_secrets_token'
const REPO = 'octo-org/octo-repo'
const MIN = 60_000
/** Long before any run of this file: an arranged secret nobody else touched. */
const LONG_AGO = '2026-01-01T00:00:00Z'
/** The generation the arranged bundles carry. */
const GEN = 4

let api: MockAnthropic
let tokens: TokenEndpoint
let tls: TlsProxy
let gh: MockGitHub
/** The runners of the current test (each a fresh runner machine). */
let runners: Runner[] = []
const allRunners: Runner[] = []
/** Every token and secret string a test made: none may leak. */
const secrets: string[] = [GH_TOKEN, SECRETS_TOKEN]

beforeAll(async () => {
  api = await startMockAnthropic()
  tokens = await startTokenEndpoint()
  tls = await startTlsProxy({ tokenEndpointUrl: tokens.url })
})
afterAll(async () => {
  await Promise.all([api?.close(), tokens?.close(), tls?.close()])
  for (const r of allRunners) await r.cleanup()
})
beforeEach(async () => {
  gh = await startMockGitHub()
  runners = []
  api.requests.length = 0
  api.script(scenarios.ok('Done.'))
  tokens.requests.length = 0
  tokens.issued.length = 0
  tokens.setScenario('rotate')
  tls.attempts.length = 0
  tls.refused.length = 0
  tls.forwarded.length = 0
})
afterEach(async () => {
  const all = [
    ...secrets,
    ...tokens.issued.flatMap(t => [t.accessToken, t.refreshToken]),
    // What write-back stored: encoded bundles, masked by the action.
    ...storedSecretValues()
  ]
  for (const r of runners) expect(findLeaks(await r.everythingWritten(), all)).toEqual([])
  const toGitHub = gh.calls
    .map(c => {
      const { authorization: _a, ...headers } = c.headers
      return (
        [c.method, c.rawPath, JSON.stringify(c.query), JSON.stringify(headers)].join(' ') +
        JSON.stringify(c.body ?? '')
      )
    })
    .join('\n')
  expect(findLeaks(toGitHub, all)).toEqual([])
  const issueTexts = [
    ...gh.state.issues.map(i => `${i.title}\n${i.body ?? ''}`),
    ...gh.state.issueComments.map(c => c.body)
  ].join('\n')
  expect(findLeaks(issueTexts, all)).toEqual([])
  const toAnthropic = api.requests
    .map(r => {
      const { authorization: _a, 'x-api-key': _k, ...headers } = r.headers
      return JSON.stringify(headers) + r.path + r.raw
    })
    .join('\n')
  expect(findLeaks(toAnthropic, all)).toEqual([])
  // The token endpoint must get the refresh token it exchanges, and nothing else secret.
  const toTokenEndpoint = tokens.requests
    .map(r => {
      const { refresh_token: spent, ...rest } = (r.body ?? {}) as Record<string, unknown>
      const others = all.filter(s => s !== spent)
      const text = JSON.stringify(r.headers) + r.path + JSON.stringify(rest)
      return findLeaks(text, others).join(', ')
    })
    .filter(Boolean)
  expect(toTokenEndpoint).toEqual([])
  await gh.close()
})

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

interface Arranged {
  secret: string
  access: string
  refresh: string | undefined
  credentials: Credentials
}

/**
 * A bundle of generation GEN, with unknown fields at every level (bundle, credentials file, and
 * claudeAiOauth) and an extra settings file, all of which a write-back must keep.
 */
function arrangeLogin(opts: CredOptions = {}): Arranged {
  const base = fakeCredentials({
    loginEndsInMs: 20 * DAY,
    ...opts,
    extra: { futureOauthField: 'x' }
  })
  const credentials = { ...base, futureTopLevel: { kept: true } } as Credentials
  const login: OauthLogin = {
    kind: 'oauth',
    credentials,
    origin: 'bundle',
    generation: GEN,
    files: { 'settings.json': { theme: 'dark' } },
    warnings: []
  }
  const bundle = {
    ...buildBundle(login, { source: 'file', generation: GEN }),
    futureBundleField: { kept: true }
  } as Bundle
  const secret = encodeBundle(bundle)
  const o = credentials.claudeAiOauth
  secrets.push(secret, o.accessToken)
  if (o.refreshToken) secrets.push(o.refreshToken)
  return { secret, access: o.accessToken, refresh: o.refreshToken, credentials }
}

/** Puts an existing secret (sealed with the mock's key) where write-back will find it. */
function storeSecret(
  value: string,
  opts: { scope?: SecretScope; updatedAt?: string; visibility?: MockSecret['visibility'] } = {}
): MockSecret {
  const scope = opts.scope ?? {}
  // The environment must exist before the mock can hand out its key.
  if (scope.env) gh.state.environments[scope.env] ??= { secrets: {} }
  const secret: MockSecret = {
    name: 'CLAUDE_AUTH',
    created_at: LONG_AGO,
    updated_at: opts.updatedAt ?? LONG_AGO,
    ...gh.sealSecret(scope, value),
    ...(opts.visibility ? { visibility: opts.visibility } : {}),
    ...(opts.visibility === 'selected' ? { selected_repository_ids: [11, 22] } : {})
  }
  if (scope.org)
    (gh.orgs[scope.org] as { secrets: Record<string, MockSecret> }).secrets.CLAUDE_AUTH = secret
  else if (scope.env) gh.state.environments[scope.env]!.secrets.CLAUDE_AUTH = secret
  else gh.state.secrets.CLAUDE_AUTH = secret
  return secret
}

/** Every secret value the mock holds, decrypted. */
function storedSecretValues(): string[] {
  const out: string[] = []
  const open = (scope: SecretScope, names: string[]): void => {
    for (const name of names) {
      try {
        out.push(gh.decryptSecret(scope, name))
      } catch {
        // An arranged secret with no value.
      }
    }
  }
  open({}, Object.keys(gh.state.secrets))
  for (const [env, e] of Object.entries(gh.state.environments))
    open({ env }, Object.keys(e.secrets))
  for (const org of Object.values(gh.orgs)) open({ org: org.login }, Object.keys(org.secrets))
  return out
}

/** The parts of a stored bundle's JSON the tests look at beyond what decodeAuth returns. */
interface RawBundle {
  credentials: { futureTopLevel?: unknown }
  futureBundleField?: unknown
  files?: unknown
}

/** The secret as write-back left it: the decoded login and the raw bundle JSON. */
async function readSecret(scope: SecretScope = {}): Promise<{ login: OauthLogin; raw: RawBundle }> {
  const value = gh.decryptSecret(scope, 'CLAUDE_AUTH')
  const login = await decodeAuth(value)
  if (login.kind !== 'oauth') throw new Error('expected an oauth bundle')
  const raw = JSON.parse(gunzipSync(Buffer.from(value, 'base64')).toString('utf8')) as RawBundle
  return { login, raw }
}

const secretPuts = (): string[] =>
  gh
    .writes()
    .filter(w => w.method === 'PUT')
    .map(w => w.path)

async function newRunner(): Promise<Runner> {
  const r = await Runner.create()
  runners.push(r)
  allRunners.push(r)
  return r
}

function stepEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ANTHROPIC_BASE_URL: api.url,
    GITHUB_API_URL: gh.url,
    CLAUDE_OAUTH_TOKEN_URL: tokens.url,
    // Everything but 127.0.0.1 goes to the TLS proxy, which serves only the token host.
    HTTPS_PROXY: tls.url,
    HTTP_PROXY: tls.url,
    NO_PROXY: '127.0.0.1,localhost',
    NODE_EXTRA_CA_CERTS: tls.caFile,
    TZ: 'UTC',
    ...extra
  }
}

/** Main, then post, on one runner with the same inputs (as a workflow step runs them). */
async function mainAndPost(
  inputs: Record<string, string>,
  between?: () => void | Promise<void>
): Promise<{ main: StepResult; post: StepResult; runner: Runner; writesAfterMain: number }> {
  const runner = await newRunner()
  const all = { claude_path: CLAUDE, model: 'claude-haiku-4-5', ...inputs }
  const main = await runner.main({ inputs: all, env: stepEnv() })
  const writesAfterMain = gh.writes().length
  await between?.()
  const post = await runner.post({ inputs: all, env: stepEnv() })
  return { main, post, runner, writesAfterMain }
}

const firstSentence = (message: string | undefined): string =>
  (message ?? '').split('\n\n')[0] ?? ''

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('the action refreshes before the run', () => {
  it('(a) refreshes, writes the rotated login back as ciphertext, and the CLI uses the new token', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)
    const started = Date.now()

    const { main, post, writesAfterMain } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      conclusion: 'success',
      rotated: 'true',
      secret_updated: 'true',
      auth_status: 'valid'
    })
    // One refresh, straight to CLAUDE_OAUTH_TOKEN_URL (not through the proxy), with the OLD token.
    expect(tokens.requests).toHaveLength(1)
    expect(tokens.requests[0]?.body).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: old.refresh
    })
    expect(tls.forwarded).toEqual([])
    const issued = tokens.issued[0]
    expect(issued).toBeDefined()
    // The new tokens were masked the moment they arrived.
    expect(main.masked).toEqual(expect.arrayContaining([issued?.accessToken, issued?.refreshToken]))
    // The model was called with the NEW access token only.
    const calls = api.messageRequests()
    expect(calls.length).toBeGreaterThan(0)
    for (const c of calls) expect(c.headers.authorization).toBe(`Bearer ${issued?.accessToken}`)
    expect(api.requests.some(r => r.headers.authorization === `Bearer ${old.access}`)).toBe(false)

    // The secret: a new bundle, generation + 1, source refresh, the new tokens, unknown fields kept.
    const { login, raw } = await readSecret()
    expect(login.generation).toBe(GEN + 1)
    expect(login.source).toBe('refresh')
    const o = login.credentials.claudeAiOauth
    expect(o.accessToken).toBe(issued?.accessToken)
    expect(o.refreshToken).toBe(issued?.refreshToken)
    expect(o.expiresAt).toBeGreaterThanOrEqual(started + 8 * HOUR - MIN)
    expect(o.refreshTokenExpiresAt).toBe(old.credentials.claudeAiOauth.refreshTokenExpiresAt)
    expect(o.futureOauthField).toBe('x')
    expect(o.subscriptionType).toBe('max')
    expect(raw.credentials.futureTopLevel).toEqual({ kept: true })
    expect(raw.futureBundleField).toEqual({ kept: true })
    expect(raw.files).toEqual({ 'settings.json': { theme: 'dark' } })

    // The write went through secrets_token, sealed: only ciphertext in the PUT body.
    const put = gh.writes().find(w => w.method === 'PUT')
    expect(put?.path).toBe(`/repos/${REPO}/actions/secrets/CLAUDE_AUTH`)
    expect(put?.headers.authorization).toBe(`token ${SECRETS_TOKEN}`)
    expect(Object.keys(put?.body ?? {}).sort()).toEqual(['encrypted_value', 'key_id'])
    const value = gh.decryptSecret({}, 'CLAUDE_AUTH')
    expect(
      findLeaks(JSON.stringify(put?.body), [value, old.access, o.accessToken, o.refreshToken ?? ''])
    ).toEqual([])
    expect(secretPuts()).toHaveLength(1)

    // The CLI did not rotate: the post step writes nothing more, and says nothing about it.
    expect(post.exitCode).toBe(0)
    expect(gh.writes()).toHaveLength(writesAfterMain)
    expect(post.warnings).toEqual([])
    expect(tokens.requests).toHaveLength(1)
  })

  it('(a) refreshed by the action, then again by the CLI on a 401: the post step writes generation + 2, with no false concurrency warning', async () => {
    // The first model call is refused: the CLI refreshes the login itself and tries again.
    api.script([...scenarios.expired401(), ...scenarios.ok('Done.')])
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)

    const { main, post } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      conclusion: 'success',
      rotated: 'true',
      secret_updated: 'true'
    })
    // Two refreshes: the action's (direct), then the CLI's (through the proxy) with the token the
    // action was issued.
    expect(tokens.requests.map(r => r.headers.host)).toEqual([
      new URL(tokens.url).host,
      'platform.claude.com'
    ])
    expect(tokens.requests[0]?.body.refresh_token).toBe(old.refresh)
    expect(tokens.requests[1]?.body.refresh_token).toBe(tokens.issued[0]?.refreshToken)
    const newest = tokens.issued[1]
    expect(api.messageRequests().at(-1)?.headers.authorization).toBe(
      `Bearer ${newest?.accessToken}`
    )

    expect(post.exitCode).toBe(0)
    expect(secretPuts()).toHaveLength(2)
    const { login } = await readSecret()
    expect(login.generation).toBe(GEN + 2)
    expect(login.credentials.claudeAiOauth.refreshToken).toBe(newest?.refreshToken)
    expect(post.notices.join('\n')).toContain(`(generation ${GEN + 2})`)
    // The main step's own write is not "another run".
    expect([...main.warnings, ...post.warnings].filter(w => /concurrency/.test(w))).toEqual([])
  })

  it('(b) refresh auto without secrets_token, token inside min_validity: fails before any call', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)

    const { main, post } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret
    })

    expect(main.exitCode).toBe(1)
    expect(main.outputs).toMatchObject({
      conclusion: 'failure',
      rotated: 'false',
      secret_updated: 'false',
      auth_status: 'expired'
    })
    expect(main.errors).toHaveLength(1)
    const sentence = firstSentence(main.errors[0])
    expect(sentence).toContain('secrets_token')
    expect(sentence).toContain('setup-token')
    expect(main.errors[0]).toContain(`node capture.js --repo ${REPO}`)
    // Nothing was called: no refresh, no model, no GitHub.
    expect(tokens.requests).toEqual([])
    expect(api.requests).toEqual([])
    expect(gh.calls).toEqual([])
    expect(tls.attempts).toEqual([])
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
  })
})

describe('the real CLI refreshes during the run', () => {
  it('(c) the post step writes the rotated login back', async () => {
    tokens.setScenario('rotate', { expiresIn: 28_800 })
    // 3 minutes: inside the CLI's 5-minute window, outside the action's min_validity of 1m.
    const old = arrangeLogin({ expiresInMs: 3 * MIN })
    storeSecret(old.secret)

    const { main, post, writesAfterMain } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN,
      min_validity: '1m'
    })

    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      conclusion: 'success',
      rotated: 'false',
      secret_updated: 'false'
    })
    // The refresh was the CLI's: through the TLS proxy, to platform.claude.com.
    expect(writesAfterMain).toBe(0)
    expect(tokens.requests).toHaveLength(1)
    expect(tokens.requests[0]?.headers.host).toBe('platform.claude.com')
    expect(tokens.requests[0]?.body.refresh_token).toBe(old.refresh)
    expect(tls.forwarded.filter(f => f.path === '/v1/oauth/token')).toHaveLength(1)
    const issued = tokens.issued[0]
    for (const c of api.messageRequests()) {
      expect(c.headers.authorization).toBe(`Bearer ${issued?.accessToken}`)
    }

    // Post: the rotated login, written back.
    expect(post.exitCode).toBe(0)
    expect(secretPuts()).toEqual([`/repos/${REPO}/actions/secrets/CLAUDE_AUTH`])
    const { login, raw } = await readSecret()
    expect(login.generation).toBe(GEN + 1)
    expect(login.source).toBe('refresh')
    expect(login.credentials.claudeAiOauth.accessToken).toBe(issued?.accessToken)
    expect(login.credentials.claudeAiOauth.refreshToken).toBe(issued?.refreshToken)
    // The CLI keeps the keys beside claudeAiOauth; the bundle's own unknown fields stay too.
    expect(raw.credentials.futureTopLevel).toEqual({ kept: true })
    expect(raw.futureBundleField).toEqual({ kept: true })
    expect(post.notices.join('\n')).toMatch(
      new RegExp(`rotated the login during the run.*written back \\(generation ${GEN + 1}\\)`)
    )
    expect(post.warnings).toEqual([])
    expect(post.masked).toEqual(expect.arrayContaining([issued?.accessToken, issued?.refreshToken]))
    // And the restored login is gone from the runner.
    await expect(fs.access(path.join(runners[0]!.home, '.claude'))).rejects.toThrow()
  })

  it('(c) without secrets_token the post step warns that the stored secret is stale, and writes nothing', async () => {
    const old = arrangeLogin({ expiresInMs: 3 * MIN })
    storeSecret(old.secret)

    const { main, post } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret,
      min_validity: '1m'
    })

    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({ conclusion: 'success', rotated: 'false' })
    expect(tokens.requests).toHaveLength(1)
    expect(tokens.issued).toHaveLength(1)
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toHaveLength(1)
    const warning = post.warnings[0] ?? ''
    expect(warning).toMatch(/without secrets_token it cannot be written back/)
    expect(warning).toContain(`the repository ${REPO}'s secret CLAUDE_AUTH`)
    expect(warning).toMatch(/Set secrets_token/)
    expect(warning).toContain('setup-token')
    expect(gh.writes()).toEqual([])
    expect(gh.decryptSecret({}, 'CLAUDE_AUTH')).toBe(old.secret)
  })

  it('(d) a refused refresh: the CLI wipes the login, main fails with the re-auth block, post writes nothing', async () => {
    tokens.setScenario('invalid_grant')
    // The real API refuses a stale token; an accepting mock would let the CLI race ahead (docs/refresh.md).
    api.script(scenarios.expired401())
    const old = arrangeLogin({ expiresInMs: 3 * MIN })
    storeSecret(old.secret)

    const { main, post } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN,
      min_validity: '1m'
    })

    expect(tokens.requests).toHaveLength(1)
    expect(tokens.requests[0]?.body.refresh_token).toBe(old.refresh)
    expect(main.exitCode).toBe(1)
    expect(main.outputs.conclusion).toBe('failure')
    expect(main.outputs.rotated).toBe('false')
    expect(main.errors).toHaveLength(1)
    expect(firstSentence(main.errors[0])).toMatch(/could not refresh/i)
    expect(main.errors[0]).toContain(`node capture.js --repo ${REPO}`)
    expect(main.errors[0]).toContain('claude setup-token')
    expect(main.errors[0]).toContain('troubleshooting')

    expect(post.exitCode).toBe(0)
    expect(post.warnings.join('\n')).toMatch(/wiped the login/)
    expect(post.notices).toEqual([])
    expect(gh.writes()).toEqual([])
    expect(gh.decryptSecret({}, 'CLAUDE_AUTH')).toBe(old.secret)
  })
})

describe('(e) concurrency: the secret changed after this run started', () => {
  it('the action refresh warns, naming the concurrency group, and still writes the newest login', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    const future = new Date(Date.now() + HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z')
    storeSecret(old.secret, { updatedAt: future })

    // mode setup: the refresh and the write-back without a model call.
    const { main } = await mainAndPost({
      mode: 'setup',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({ rotated: 'true', secret_updated: 'true' })
    const warning = main.warnings.find(w => /concurrency/.test(w))
    expect(warning).toContain(
      `The secret CLAUDE_AUTH was changed at ${future}, after this run started`
    )
    expect((await readSecret()).login.generation).toBe(GEN + 1)
  })

  it('the post step warns when another run rotated the secret between main and post', async () => {
    const old = arrangeLogin({ expiresInMs: 3 * MIN })
    const secret = storeSecret(old.secret)

    const { main, post } = await mainAndPost(
      {
        mode: 'prompt',
        prompt: 'Say hi.',
        claude_auth: old.secret,
        secrets_token: SECRETS_TOKEN,
        min_validity: '1m'
      },
      () => {
        // Another job wrote the secret while this one ran.
        secret.updated_at = new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
      }
    )

    expect(main.exitCode).toBe(0)
    expect(main.warnings.filter(w => /concurrency/.test(w))).toEqual([])
    expect(post.warnings.join('\n')).toMatch(
      /changed at .* after this run started: another run rotated the same login.*concurrency group/
    )
    expect(secretPuts()).toHaveLength(1)
    expect((await readSecret()).login.credentials.claudeAiOauth.refreshToken).toBe(
      tokens.issued[0]?.refreshToken
    )
  })
})

describe('(f) health: the tracking issue', () => {
  async function health(
    inputs: Record<string, string>
  ): Promise<StepResult & { post: StepResult }> {
    const runner = await newRunner()
    const all = {
      mode: 'health',
      live_check: 'false',
      health_issue: 'true',
      github_token: GH_TOKEN,
      claude_path: CLAUDE,
      ...inputs
    }
    const main = await runner.main({ inputs: all, env: stepEnv() })
    const post = await runner.post({ inputs: all, env: stepEnv() })
    return { ...main, post }
  }
  const tracking = () => gh.state.issues.filter(i => (i.body ?? '').includes(HEALTH_MARKER))
  const writesSince = (n: number): string[] =>
    gh
      .writes()
      .slice(n)
      .map(w => `${w.method} ${w.path}`)

  it('healthy with no open tracking issue: no issue, no write at all', async () => {
    const login = arrangeLogin({ expiresInMs: 8 * HOUR, loginEndsInMs: 20 * DAY })
    const step = await health({ claude_auth: login.secret })
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toMatchObject({ conclusion: 'success', auth_status: 'valid' })
    expect(step.warnings).toEqual([])
    expect(gh.writes()).toEqual([])
    // It looked for one, by label.
    expect(
      gh.calls.some(c => c.path === `/repos/${REPO}/issues` && c.query.labels === HEALTH_LABEL)
    ).toBe(true)
    expect(api.requests).toEqual([])
    expect(tokens.requests).toEqual([])
  })

  it("over a login's life: expiring opens one issue, the same again updates it, expired updates and fails, healthy closes it", async () => {
    // 1. Inside warn_within: opened, with the label created first.
    const ending = arrangeLogin({ expiresInMs: 8 * HOUR, loginEndsInMs: 3 * DAY })
    const first = await health({ claude_auth: ending.secret, warn_within: '7d' })
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({ conclusion: 'success', auth_status: 'expiring' })
    expect(first.warnings.join('\n')).toMatch(/The login ends at .* in 2d 23h/)
    expect(writesSince(0)).toEqual([`POST /repos/${REPO}/labels`, `POST /repos/${REPO}/issues`])
    expect(gh.state.labels.map(l => l.name)).toContain(HEALTH_LABEL)
    expect(tracking()).toHaveLength(1)
    const issue = tracking()[0]!
    expect(issue.labels).toEqual([HEALTH_LABEL])
    expect(issue.state).toBe('open')
    expect(issue.title).toBe('Claude login needs attention: expiring')
    expect(issue.body).toContain(HEALTH_MARKER)
    expect(issue.body).toMatch(/The login ends at \S+, in 2d 23h\./)
    expect(issue.body).toMatch(/\| Login ends \| \S+ \(in 2d 23h\) \|/)
    expect(issue.body).toContain(`node capture.js --repo ${REPO}`)
    expect(issue.body).toContain('claude setup-token')
    expect(issue.body).toContain(`https://github.com/${REPO}/actions/runs/1234`)

    // 2. The same state again: still one issue, updated in place.
    let n = gh.writes().length
    const second = await health({ claude_auth: ending.secret, warn_within: '7d' })
    expect(second.exitCode).toBe(0)
    expect(writesSince(n)).toEqual([`PATCH /repos/${REPO}/issues/${issue.number}`])
    expect(tracking()).toHaveLength(1)
    expect(gh.state.issues).toHaveLength(1)

    // 3. Expired with no refresh token: the issue updated, the step fails.
    const dead = arrangeLogin({ expiresInMs: -HOUR, refreshToken: null })
    n = gh.writes().length
    const third = await health({ claude_auth: dead.secret })
    expect(third.exitCode).toBe(1)
    expect(third.outputs).toMatchObject({ conclusion: 'failure', auth_status: 'expired' })
    expect(firstSentence(third.errors[0])).toMatch(/no refresh token/)
    expect(third.errors[0]).toContain(`node capture.js --repo ${REPO}`)
    expect(writesSince(n)).toEqual([`PATCH /repos/${REPO}/issues/${issue.number}`])
    expect(gh.state.issues).toHaveLength(1)
    expect(issue.title).toBe('Claude login needs attention: expired')
    expect(issue.body).toContain(HEALTH_MARKER)
    expect(issue.body).toMatch(/no refresh token/)
    expect(issue.state).toBe('open')

    // 4. Healthy again: a comment, and the issue closed.
    const fresh = arrangeLogin({ expiresInMs: 8 * HOUR, loginEndsInMs: 20 * DAY })
    n = gh.writes().length
    const fourth = await health({ claude_auth: fresh.secret })
    expect(fourth.exitCode).toBe(0)
    expect(fourth.outputs.auth_status).toBe('valid')
    expect(writesSince(n)).toEqual([
      `POST /repos/${REPO}/issues/${issue.number}/comments`,
      `PATCH /repos/${REPO}/issues/${issue.number}`
    ])
    expect(issue.state).toBe('closed')
    expect(gh.state.issueComments.at(-1)?.body).toMatch(/healthy again/)
    // Nothing open any more: the next healthy run writes nothing.
    n = gh.writes().length
    await health({ claude_auth: fresh.secret })
    expect(writesSince(n)).toEqual([])
    expect(tokens.requests).toEqual([])
    expect(api.requests).toEqual([])
  })

  it('a missing secret: the issue opened with status missing (label already there), the step fails', async () => {
    gh.state.labels.push({ name: HEALTH_LABEL, color: 'd93f0b', description: null })
    const step = await health({})
    expect(step.exitCode).toBe(1)
    expect(step.outputs).toMatchObject({ conclusion: 'failure', auth_status: 'missing' })
    expect(writesSince(0)).toEqual([`POST /repos/${REPO}/issues`])
    const issue = tracking()[0]
    expect(issue?.title).toBe('Claude login needs attention: missing')
    expect(issue?.body).toContain(HEALTH_MARKER)
    expect(issue?.body).toContain('needs attention: missing')
    expect(issue?.body).toContain(`node capture.js --repo ${REPO}`)
    expect(issue?.labels).toEqual([HEALTH_LABEL])
  })

  it('live_check true and the API refusing the token (401): the step fails and the issue is opened', async () => {
    api.script(scenarios.expired401())
    const login = arrangeLogin({ expiresInMs: 8 * HOUR, loginEndsInMs: 20 * DAY })
    const step = await health({
      claude_auth: login.secret,
      live_check: 'true',
      model: 'claude-haiku-4-5'
    })
    expect(step.exitCode).toBe(1)
    expect(step.outputs).toMatchObject({ conclusion: 'failure', auth_status: 'expired' })
    expect(firstSentence(step.errors[0])).toMatch(/^Live check failed: .*401/)
    expect(api.messageRequests()[0]?.headers.authorization).toBe(`Bearer ${login.access}`)
    const issue = tracking()[0]
    expect(tracking()).toHaveLength(1)
    expect(issue?.title).toBe('Claude login needs attention: expired')
    expect(issue?.body).toMatch(/Live check failed/)
    expect(step.post.exitCode).toBe(0)
    // Measured: on the 401 the CLI refreshes the login itself (through the proxy) and tries once
    // more with the new token, which the API refuses too. The refresh rotated the stored login, so
    // the post step, without secrets_token, warns that the secret is now stale.
    expect(tokens.requests.map(r => r.headers.host)).toEqual(['platform.claude.com'])
    const issued = tokens.issued[0]
    expect(api.messageRequests().at(-1)?.headers.authorization).toBe(
      `Bearer ${issued?.accessToken}`
    )
    expect(step.post.warnings).toHaveLength(1)
    expect(step.post.warnings[0]).toMatch(/without secrets_token it cannot be written back/)
    expect(gh.writes().filter(w => w.method === 'PUT')).toEqual([])
  })
})

describe('(g) write-back targets', () => {
  it('auth_secret_org: the organisation secret is written and keeps its visibility', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret, { scope: { org: 'octo-org' }, visibility: 'selected' })

    const { main } = await mainAndPost({
      mode: 'setup',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN,
      auth_secret_org: 'octo-org'
    })

    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({ rotated: 'true', secret_updated: 'true' })
    expect(secretPuts()).toEqual(['/orgs/octo-org/actions/secrets/CLAUDE_AUTH'])
    const put = gh.writes().find(w => w.method === 'PUT')
    expect(put?.body.visibility).toBe('selected')
    const stored = gh.orgs['octo-org']?.secrets.CLAUDE_AUTH
    expect(stored?.visibility).toBe('selected')
    expect(stored?.selected_repository_ids).toEqual([11, 22])
    const { login } = await readSecret({ org: 'octo-org' })
    expect(login.generation).toBe(GEN + 1)
    expect(login.credentials.claudeAiOauth.refreshToken).toBe(tokens.issued[0]?.refreshToken)
    expect(gh.state.secrets).toEqual({})
  })

  it('auth_secret_environment: the environment secret is written', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret, { scope: { env: 'production' } })

    const { main } = await mainAndPost({
      mode: 'setup',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN,
      auth_secret_environment: 'production'
    })

    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({ rotated: 'true', secret_updated: 'true' })
    expect(secretPuts()).toEqual([`/repos/${REPO}/environments/production/secrets/CLAUDE_AUTH`])
    const { login } = await readSecret({ env: 'production' })
    expect(login.generation).toBe(GEN + 1)
    expect(login.source).toBe('refresh')
    expect(login.credentials.claudeAiOauth.accessToken).toBe(tokens.issued[0]?.accessToken)
    expect(gh.state.secrets).toEqual({})
  })
})

describe('(h) no login is lost: secrets_token must be able to write before the action refreshes', () => {
  const PUBLIC_KEY = /\/actions\/secrets\/public-key$/
  const NOT_ACCESSIBLE = { body: { message: 'Resource not accessible by integration' } }

  it('secrets_token answering 401 on the public key: no refresh, the step fails early naming secrets_token', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)
    gh.failNext('GET', PUBLIC_KEY, 401)

    const { main, post } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    expect(tokens.requests).toEqual([])
    expect(api.requests).toEqual([])
    expect(main.exitCode).toBe(1)
    expect(main.outputs).toMatchObject({
      conclusion: 'failure',
      rotated: 'false',
      secret_updated: 'false'
    })
    const sentence = firstSentence(main.errors[0])
    expect(sentence).toMatch(/secrets_token cannot write/)
    expect(sentence).toMatch(/401/)
    expect(sentence).toMatch(/invalid or expired/)
    expect(main.errors[0]).toContain(`node capture.js --repo ${REPO}`)
    expect(post.exitCode).toBe(0)
    expect(gh.writes()).toEqual([])
    expect(gh.decryptSecret({}, 'CLAUDE_AUTH')).toBe(old.secret)
  })

  it('secrets_token answering 403 (a GITHUB_TOKEN) with refresh always: no refresh, the run goes on with the login as it is', async () => {
    const old = arrangeLogin({ expiresInMs: 8 * HOUR })
    storeSecret(old.secret)
    gh.failNext('GET', PUBLIC_KEY, 403, 1, NOT_ACCESSIBLE)

    const { main, post } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN,
      refresh: 'always'
    })

    expect(tokens.requests).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      conclusion: 'success',
      rotated: 'false',
      secret_updated: 'false'
    })
    const warning = main.warnings.join('\n')
    expect(warning).toMatch(/secrets_token cannot write/)
    expect(warning).toMatch(/Secrets: write/)
    expect(warning).toMatch(/GITHUB_TOKEN/)
    for (const c of api.messageRequests()) {
      expect(c.headers.authorization).toBe(`Bearer ${old.access}`)
    }
    expect(post.exitCode).toBe(0)
    expect(gh.writes()).toEqual([])
  })

  it('secrets_token answering 403 and a token inside min_validity: fails early, saying why', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)
    gh.failNext('GET', PUBLIC_KEY, 403, 1, NOT_ACCESSIBLE)

    const { main } = await mainAndPost({
      mode: 'setup',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    expect(tokens.requests).toEqual([])
    expect(main.exitCode).toBe(1)
    expect(main.outputs.conclusion).toBe('failure')
    expect(firstSentence(main.errors[0])).toMatch(/secrets_token cannot write.*403.*Secrets: write/)
  })

  it('a classic secrets_token without the repo scope: no refresh, the step fails early naming the scope', async () => {
    await gh.close()
    gh = await startMockGitHub(undefined, {
      classicScopes: { [SECRETS_TOKEN]: 'public_repo, workflow' }
    })
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)

    const { main } = await mainAndPost({
      mode: 'setup',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    expect(tokens.requests).toEqual([])
    expect(main.exitCode).toBe(1)
    expect(firstSentence(main.errors[0])).toMatch(
      /secrets_token cannot write .*classic token without the "repo" scope \(it has public_repo, workflow\)/
    )
    expect(gh.writes()).toEqual([])
  })

  it('a write-back refused after the refresh: the job runs, main fails with the re-auth block, post stores the login', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)
    gh.failNext('PUT', /\/actions\/secrets\/CLAUDE_AUTH$/, 403, 1, NOT_ACCESSIBLE)

    const { main, post } = await mainAndPost({
      mode: 'prompt',
      prompt: 'Say hi.',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    const issued = tokens.issued[0]
    expect(tokens.requests).toHaveLength(1)
    // The job ran with the fresh login, and its result stays in the outputs.
    expect(api.messageRequests().length).toBeGreaterThan(0)
    expect(main.outputs.result).toBe('Done.')
    expect(main.exitCode).toBe(1)
    expect(main.outputs).toMatchObject({
      conclusion: 'failure',
      rotated: 'true',
      secret_updated: 'false'
    })
    expect(main.errors).toHaveLength(1)
    expect(firstSentence(main.errors[0])).toMatch(/could not be stored/)
    expect(firstSentence(main.errors[0])).toMatch(/403/)
    expect(main.errors[0]).toContain(`node capture.js --repo ${REPO}`)

    // Post: one more try, from the credentials file; it works this time.
    expect(post.exitCode).toBe(0)
    expect(post.errors).toEqual([])
    expect(post.notices.join('\n')).toMatch(/stored/)
    const { login } = await readSecret()
    expect(login.generation).toBe(GEN + 1)
    expect(login.credentials.claudeAiOauth.refreshToken).toBe(issued?.refreshToken)
    await expect(fs.access(path.join(runners[0]!.home, '.claude'))).rejects.toThrow()
  })

  it('a write-back refused in main and in post: an error annotation naming the secret and the fix, post still succeeds', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)
    gh.failNext('PUT', /\/actions\/secrets\/CLAUDE_AUTH$/, 403, 2, NOT_ACCESSIBLE)

    const { main, post } = await mainAndPost({
      mode: 'setup',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    expect(main.exitCode).toBe(1)
    expect(main.outputs).toMatchObject({ conclusion: 'failure', secret_updated: 'false' })
    expect(firstSentence(main.errors[0])).toMatch(/could not be stored/)
    expect(post.exitCode).toBe(0)
    expect(post.errors).toHaveLength(1)
    expect(post.errors[0]).toContain('CLAUDE_AUTH')
    expect(post.errors[0]).toContain(`node capture.js --repo ${REPO}`)
    expect(gh.decryptSecret({}, 'CLAUDE_AUTH')).toBe(old.secret)
    await expect(fs.access(path.join(runners[0]!.home, '.claude'))).rejects.toThrow()
  })

  it('health with live_check and a refused write-back is a failure, never "valid"', async () => {
    const old = arrangeLogin({ expiresInMs: 10 * MIN })
    storeSecret(old.secret)
    gh.failNext('PUT', /\/actions\/secrets\/CLAUDE_AUTH$/, 403, 2, NOT_ACCESSIBLE)

    const { main } = await mainAndPost({
      mode: 'health',
      live_check: 'true',
      health_issue: 'false',
      claude_auth: old.secret,
      secrets_token: SECRETS_TOKEN
    })

    expect(tokens.requests).toHaveLength(1)
    expect(main.exitCode).toBe(1)
    expect(main.outputs.conclusion).toBe('failure')
    expect(main.outputs.auth_status).not.toBe('valid')
    expect(firstSentence(main.errors[0])).toMatch(/could not be stored/)
  })
})
