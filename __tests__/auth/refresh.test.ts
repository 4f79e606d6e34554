import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { OauthLogin } from '../../src/auth/bundle.js'
import { AuthError } from '../../src/auth/errors.js'
import {
  CLIENT_ID,
  REFRESH_SCOPE,
  refreshLogin,
  shouldRefresh,
  type RefreshMode
} from '../../src/auth/refresh.js'
import type { Assessment } from '../../src/auth/validate.js'
import { fakeCredentials, fakeOauthLogin, HOUR } from '../../__fixtures__/logins.js'
import { startTokenEndpoint, type TokenEndpoint } from '../../__fixtures__/token-endpoint.js'

const NOW = 1_800_000_000_000

function login(extra: Record<string, unknown> = {}): OauthLogin {
  const l = fakeOauthLogin({
    now: NOW,
    expiresInMs: 2 * 60_000,
    loginEndsInMs: 20 * 24 * HOUR,
    extra
  })
  if (l.kind !== 'oauth') throw new Error('unreachable')
  return l
}

async function refreshError(p: Promise<unknown>): Promise<AuthError> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError)
    return err as AuthError
  }
  throw new Error('expected the refresh to fail')
}

/** Every token a login or an error could leak. */
function expectNoTokens(text: string, ...tokens: Array<string | undefined>): void {
  for (const t of tokens) if (t) expect(text).not.toContain(t)
  expect(text).not.toMatch(/sk-ant-/)
}

describe('refreshLogin against the mock token endpoint', () => {
  let endpoint: TokenEndpoint
  beforeAll(async () => {
    endpoint = await startTokenEndpoint()
  })
  afterAll(async () => {
    await endpoint.close()
  })
  beforeEach(() => {
    endpoint.setScenario('rotate')
    endpoint.requests.length = 0
    endpoint.issued.length = 0
  })

  it('rotates both tokens, sets the expiries, keeps unknown fields and masks each new token', async () => {
    endpoint.setScenario('rotate', { expiresIn: 28_800, refreshTokenExpiresIn: 2_592_000 })
    const before = login({ rateLimitTier: 'default_claude_max_20x', futureField: { a: 1 } })
    before.credentials = {
      ...before.credentials,
      otherTopLevel: 'kept'
    } as typeof before.credentials
    const old = before.credentials.claudeAiOauth
    const masked: string[] = []

    const after = await refreshLogin(before, {
      tokenUrl: endpoint.url,
      now: () => NOW,
      onToken: t => masked.push(t)
    })

    expect(endpoint.requests).toHaveLength(1)
    const req = endpoint.requests[0]
    expect(req?.headers['content-type']).toBe('application/json')
    expect(req?.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: old.refreshToken,
      client_id: CLIENT_ID,
      scope: REFRESH_SCOPE
    })
    const issued = endpoint.issued[0]
    const o = after.credentials.claudeAiOauth
    expect(o.accessToken).toBe(issued?.accessToken)
    expect(o.refreshToken).toBe(issued?.refreshToken)
    expect(o.refreshToken).not.toBe(old.refreshToken)
    expect(o.expiresAt).toBe(NOW + 28_800_000)
    expect(o.refreshTokenExpiresAt).toBe(NOW + 2_592_000_000)
    // The mock echoes the requested scope, as the real endpoint does.
    expect(o.scopes).toEqual(REFRESH_SCOPE.split(' '))
    expect(o.subscriptionType).toBe('max')
    expect(o.rateLimitTier).toBe('default_claude_max_20x')
    expect(o.futureField).toEqual({ a: 1 })
    expect((after.credentials as Record<string, unknown>).otherTopLevel).toBe('kept')
    expect(after.generation).toBe(before.generation)
    expect(masked).toEqual([issued?.accessToken, issued?.refreshToken])
    // The input login is not mutated: the caller still needs the old one to compare.
    expect(before.credentials.claudeAiOauth).toBe(old)
    expect(old.refreshToken).not.toBe(o.refreshToken)
  })

  it('keeps refreshTokenExpiresAt and scopes when the answer leaves them out', async () => {
    endpoint.setScenario('rotate', { scope: null })
    const before = login()
    const old = before.credentials.claudeAiOauth
    const after = await refreshLogin(before, { tokenUrl: endpoint.url, now: () => NOW })
    expect(after.credentials.claudeAiOauth.refreshTokenExpiresAt).toBe(old.refreshTokenExpiresAt)
    expect(after.credentials.claudeAiOauth.scopes).toEqual(old.scopes)
  })

  it('keeps the old refresh token when the answer has none', async () => {
    endpoint.setScenario('rotateAccessOnly')
    const before = login()
    const masked: string[] = []
    const after = await refreshLogin(before, {
      tokenUrl: endpoint.url,
      now: () => NOW,
      onToken: t => masked.push(t)
    })
    expect(after.credentials.claudeAiOauth.refreshToken).toBe(
      before.credentials.claudeAiOauth.refreshToken
    )
    expect(after.credentials.claudeAiOauth.accessToken).toBe(endpoint.issued[0]?.accessToken)
    expect(masked).toEqual([endpoint.issued[0]?.accessToken])
  })

  it('uses CLAUDE_OAUTH_TOKEN_URL when no tokenUrl is given', async () => {
    const saved = process.env.CLAUDE_OAUTH_TOKEN_URL
    process.env.CLAUDE_OAUTH_TOKEN_URL = endpoint.url
    try {
      await refreshLogin(login(), { now: () => NOW })
      expect(endpoint.requests).toHaveLength(1)
    } finally {
      if (saved === undefined) delete process.env.CLAUDE_OAUTH_TOKEN_URL
      else process.env.CLAUDE_OAUTH_TOKEN_URL = saved
    }
  })

  it('a refresh token used twice is refused: rotation means only the first refresher wins', async () => {
    const before = login()
    await refreshLogin(before, { tokenUrl: endpoint.url, now: () => NOW })
    const err = await refreshError(refreshLogin(before, { tokenUrl: endpoint.url, now: () => NOW }))
    expect(err.status).toBe('expired')
    expect(err.message).toContain('invalid_grant')
  })

  it('invalid_grant: expired, one sentence, no token', async () => {
    endpoint.setScenario('invalid_grant')
    const before = login()
    const err = await refreshError(refreshLogin(before, { tokenUrl: endpoint.url }))
    expect(err.status).toBe('expired')
    expect(err.message).toBe(
      'The refresh token was refused (invalid_grant): the login was revoked, ended, or another machine refreshed it first.'
    )
    expect(endpoint.requests).toHaveLength(1)
    expectNoTokens(err.message, before.credentials.claudeAiOauth.refreshToken)
  })

  it.each(['cloudflare403', 'cloudflare429'] as const)(
    '%s: says the endpoint blocked the runner and suggests a setup-token, without retrying',
    async scenario => {
      endpoint.setScenario(scenario)
      const err = await refreshError(refreshLogin(login(), { tokenUrl: endpoint.url }))
      const status = scenario === 'cloudflare403' ? 403 : 429
      expect(err.message).toBe(
        `The token endpoint blocked this runner (HTTP ${status} from Cloudflare, error code 1010), so the login cannot be refreshed from here: store a setup-token (\`claude setup-token\`, then \`node capture.js --from token\`) instead.`
      )
      expect(endpoint.requests).toHaveLength(1)
    }
  )

  it('a JSON 403 from the endpoint itself is not taken for Cloudflare', async () => {
    const fetchImpl = (async () =>
      new Response(JSON.stringify({ error: 'access_denied' }), {
        status: 403,
        headers: { 'content-type': 'application/json', 'cf-ray': '8f00FAKE-IAD' }
      })) as typeof fetch
    const err = await refreshError(refreshLogin(login(), { fetchImpl }))
    expect(err.message).toBe(
      'The login could not be refreshed: the token endpoint answered HTTP 403 (access_denied).'
    )
  })

  it('500 then success: retried, and the second answer is used', async () => {
    endpoint.setScenario('server500ThenOk', { failures: 1 })
    const after = await refreshLogin(login(), { tokenUrl: endpoint.url, backoffMs: 10 })
    expect(endpoint.requests).toHaveLength(2)
    expect(after.credentials.claudeAiOauth.accessToken).toBe(endpoint.issued[0]?.accessToken)
  })

  it('500 on every try: gives up after 3 tries and names the status', async () => {
    endpoint.setScenario('server500ThenOk', { failures: 5 })
    const err = await refreshError(refreshLogin(login(), { tokenUrl: endpoint.url, backoffMs: 10 }))
    expect(endpoint.requests).toHaveLength(3)
    expect(err.message).toBe(
      'The login could not be refreshed: the token endpoint answered HTTP 500 (server_error).'
    )
  })

  it('timeout: one sentence, no retry', async () => {
    endpoint.setScenario('slow', { delayMs: 2000 })
    const started = Date.now()
    const err = await refreshError(
      refreshLogin(login(), { tokenUrl: endpoint.url, timeoutMs: 200, backoffMs: 10 })
    )
    expect(Date.now() - started).toBeLessThan(1500)
    expect(err.message).toBe(
      'The token endpoint did not answer within 200 ms, so the login could not be refreshed.'
    )
    expect(endpoint.requests).toHaveLength(1)
  })

  it('a network error is retried, then named', async () => {
    let calls = 0
    const fetchImpl = (async () => {
      calls++
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
      })
    }) as typeof fetch
    const err = await refreshError(refreshLogin(login(), { fetchImpl, backoffMs: 1 }))
    expect(calls).toBe(3)
    expect(err.message).toBe(
      'The token endpoint could not be reached (ECONNREFUSED) after 3 tries, so the login could not be refreshed.'
    )
  })

  it('a 200 without access_token is refused, and the tokens it did carry are masked', async () => {
    const masked: string[] = []
    const fetchImpl = (async () =>
      new Response(JSON.stringify({ refresh_token: 'sk-ant-ort01-FAKE-test-only-refresh' }), {
        status: 200
      })) as typeof fetch
    const err = await refreshError(
      refreshLogin(login(), { fetchImpl, onToken: t => masked.push(t) })
    )
    expect(masked).toEqual(['sk-ant-ort01-FAKE-test-only-refresh'])
    expect(err.message).toBe(
      'The token endpoint answered 200 without a usable "access_token", so the login could not be refreshed.'
    )
  })

  it('a login without a refresh token is not sent anywhere', async () => {
    const l = login()
    l.credentials = fakeCredentials({ refreshToken: null })
    const err = await refreshError(refreshLogin(l, { tokenUrl: endpoint.url }))
    expect(err.message).toBe('The login has no refresh token, so it cannot be refreshed.')
    expect(endpoint.requests).toHaveLength(0)
  })
})

describe('shouldRefresh', () => {
  const base: Assessment = {
    kind: 'oauth',
    status: 'valid',
    needsRefresh: false,
    canRefresh: true,
    notices: []
  }
  const inside: Assessment = { ...base, status: 'expired', needsRefresh: true }
  const noRefresh: Assessment = { ...base, status: 'expired', canRefresh: false }
  const setupToken: Assessment = { ...base, kind: 'setup-token', canRefresh: false }

  // [case, refresh, canWriteBack, expected, assessment]
  const table: Array<[string, RefreshMode, boolean, boolean, Assessment]> = [
    ['inside min_validity', 'auto', true, true, inside],
    ['inside min_validity', 'auto', false, false, inside],
    ['token lasts', 'auto', true, false, base],
    ['token lasts', 'auto', false, false, base],
    ['no refresh token', 'auto', true, false, noRefresh],
    ['token lasts', 'always', true, true, base],
    ['token lasts', 'always', false, true, base],
    ['inside min_validity', 'always', false, true, inside],
    ['no refresh token', 'always', true, false, noRefresh],
    ['inside min_validity', 'never', true, false, inside],
    ['token lasts', 'never', true, false, base],
    ['setup-token', 'always', true, false, setupToken]
  ]
  it.each(table)('%s, refresh %s, write-back %s → %s', (_name, refresh, canWriteBack, want, a) => {
    const decision = shouldRefresh(a, { refresh, canWriteBack })
    expect(decision.refresh).toBe(want)
    expect(decision.reason.length).toBeGreaterThan(0)
  })

  it('auto without write-back says what fixes it', () => {
    const d = shouldRefresh(inside, { refresh: 'auto', canWriteBack: false })
    expect(d.reason).toContain('secrets_token')
    expect(d.reason).toContain('setup-token')
  })
})
