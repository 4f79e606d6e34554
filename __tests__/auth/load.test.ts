/**
 * loadAuth: which auth input wins and the warning that says so, a missing login, masking of every
 * token (and its base64 form) through a mocked @actions/core, and the token fingerprint.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { fingerprint, primaryToken } from '../../src/auth/credentials.js'
import { AuthError } from '../../src/auth/errors.js'
import {
  DAY,
  HOUR,
  fakeBundle,
  fakeSetupTokenBundle,
  fakeToken
} from '../../__fixtures__/logins.js'

const setSecret = jest.fn<(value: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({
  setSecret,
  info: jest.fn(),
  warning: jest.fn(),
  debug: jest.fn()
}))
// eslint-disable-next-line no-restricted-syntax
const { loadAuth, maskToken } = await import('../../src/auth/load.js')
// eslint-disable-next-line no-restricted-syntax
const { encodedForms, forgetSecrets, knownSecrets } = await import('../../src/known-secrets.js')

const NOW = Date.now()
const OPTS = { now: NOW, minValidityMs: 30 * 60_000, warnWithinMs: 7 * DAY }
const NONE = { claude_auth: '', claude_code_oauth_token: '', anthropic_api_key: '' }
const b64 = (s: string): string => Buffer.from(s).toString('base64')
const masked = (): string[] => setSecret.mock.calls.map(c => c[0])
/** Every mask one token gets: itself, each encoded form, and its whole base64. */
const masksOf = (token: string): string[] => [
  ...new Set([token, ...encodedForms(token).map(f => f.text), b64(token)])
]
/** The kinds the outbound guard knows, by value. */
const kinds = (): Record<string, string> =>
  Object.fromEntries(knownSecrets().map(k => [k.value, k.kind]))

beforeEach(() => {
  setSecret.mockClear()
  forgetSecrets()
})

describe('loadAuth: which input wins', () => {
  it('uses claude_auth alone without warnings', async () => {
    const { secret, credentials } = fakeBundle({ now: NOW, loginEndsInMs: 20 * DAY })
    const auth = await loadAuth({ ...NONE, claude_auth: secret }, OPTS)
    expect(auth.input).toBe('claude_auth')
    expect(auth.warnings).toEqual([])
    expect(auth.apiKey).toBeUndefined()
    expect(auth.login?.kind).toBe('oauth')
    expect(auth.assessment.status).toBe('valid')
    expect(primaryToken(auth)).toBe(credentials.claudeAiOauth.accessToken)
  })

  it('prefers claude_auth over the others, and names them all in the warning', async () => {
    const { secret } = fakeBundle({ now: NOW })
    const auth = await loadAuth(
      {
        claude_auth: secret,
        claude_code_oauth_token: fakeToken('oat'),
        anthropic_api_key: fakeToken('api')
      },
      OPTS
    )
    expect(auth.input).toBe('claude_auth')
    expect(auth.warnings).toEqual([
      'Several auth inputs are set (claude_auth, claude_code_oauth_token, anthropic_api_key): claude_auth is used and the others are ignored; remove them to silence this warning.'
    ])
  })

  it('prefers claude_code_oauth_token over anthropic_api_key; blank inputs do not count', async () => {
    const token = fakeToken('oat')
    const apiKey = fakeToken('api')
    const auth = await loadAuth(
      { claude_auth: '  \n ', claude_code_oauth_token: token, anthropic_api_key: apiKey },
      OPTS
    )
    expect(auth.input).toBe('claude_code_oauth_token')
    expect(auth.login).toMatchObject({ kind: 'setup-token', token })
    expect(auth.apiKey).toBeUndefined()
    expect(auth.warnings).toEqual([
      'Several auth inputs are set (claude_code_oauth_token, anthropic_api_key): claude_code_oauth_token is used and the others are ignored; remove them to silence this warning.'
    ])
    // A bare token has no recorded expiry: valid, with the notice.
    expect(auth.assessment.status).toBe('valid')
    expect(auth.assessment.notices[0]).toContain('no recorded expiry')
    expect(primaryToken(auth)).toBe(token)
  })

  it('uses an API key alone, trimmed, assessed as a valid api-key', async () => {
    const apiKey = fakeToken('api')
    const auth = await loadAuth({ ...NONE, anthropic_api_key: `  ${apiKey}\n` }, OPTS)
    expect(auth.input).toBe('anthropic_api_key')
    expect(auth.apiKey).toBe(apiKey)
    expect(auth.login).toBeUndefined()
    expect(auth.assessment).toEqual({
      kind: 'api-key',
      status: 'valid',
      needsRefresh: false,
      canRefresh: false,
      notices: []
    })
    expect(auth.warnings).toEqual([])
    expect(primaryToken(auth)).toBe(apiKey)
    expect(masked()).toEqual(masksOf(apiKey))
    expect(kinds()).toEqual({ [apiKey]: 'API key' })
  })

  it('assesses with the given clock and limits', async () => {
    const { secret } = fakeBundle({ now: NOW, expiresInMs: 10 * 60_000 })
    const auth = await loadAuth({ ...NONE, claude_auth: secret }, OPTS)
    expect(auth.assessment.status).toBe('expired')
    expect(auth.assessment.needsRefresh).toBe(true)
    const relaxed = await loadAuth(
      { ...NONE, claude_auth: secret },
      { ...OPTS, minValidityMs: 5 * 60_000 }
    )
    expect(relaxed.assessment.status).toBe('valid')
  })

  it('reads a setup-token bundle with its recorded expiry', async () => {
    const { secret, token } = fakeSetupTokenBundle(3 * DAY)
    const auth = await loadAuth({ ...NONE, claude_auth: secret }, OPTS)
    expect(auth.login).toMatchObject({ kind: 'setup-token', token })
    expect(auth.assessment.status).toBe('expiring')
    expect(auth.assessment.expiresAt).toBeGreaterThan(NOW + 3 * DAY - HOUR)
  })
})

describe('loadAuth: missing or bad', () => {
  it('throws a missing AuthError when nothing is set', async () => {
    const err = await loadAuth(NONE, OPTS).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AuthError)
    expect((err as AuthError).status).toBe('missing')
    expect((err as AuthError).message).toMatch(/^No login was given: set the claude_auth input/)
    expect((err as AuthError).message).toContain('secrets are not passed to workflows from forks')
    expect(setSecret).not.toHaveBeenCalled()
  })

  it('counts whitespace-only inputs as not set', async () => {
    const err = await loadAuth(
      { claude_auth: ' ', claude_code_oauth_token: '\n', anthropic_api_key: '\t' },
      OPTS
    ).catch((e: unknown) => e)
    expect((err as AuthError).status).toBe('missing')
  })

  it('names the input in a decoding error, and never quotes the value', async () => {
    const bad = 'FAKE-not-a-login!!'
    const err = await loadAuth({ ...NONE, claude_code_oauth_token: bad }, OPTS).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(AuthError)
    expect((err as AuthError).status).toBe('invalid')
    expect((err as AuthError).message).toContain('claude_code_oauth_token')
    expect((err as AuthError).message).not.toContain(bad)
  })
})

describe('masking', () => {
  it('masks the access and refresh tokens and their base64 forms', async () => {
    const { secret, credentials } = fakeBundle({ now: NOW })
    const access = credentials.claudeAiOauth.accessToken
    const refresh = credentials.claudeAiOauth.refreshToken as string
    await loadAuth({ ...NONE, claude_auth: secret }, OPTS)
    expect(masked()).toEqual([...masksOf(access), ...masksOf(refresh)])
    expect(masked()).toEqual(expect.arrayContaining([b64(access), b64(refresh)]))
    expect(kinds()).toEqual({ [access]: 'access token', [refresh]: 'refresh token' })
  })

  it('masks a setup-token and its base64 form', async () => {
    const token = fakeToken('oat')
    await loadAuth({ ...NONE, claude_code_oauth_token: token }, OPTS)
    expect(masked()).toEqual(masksOf(token))
    expect(kinds()).toEqual({ [token]: 'setup-token' })
  })

  it('masks the token of a login without a refresh token, and no empty string', async () => {
    const { secret, credentials } = fakeBundle({ now: NOW, refreshToken: null })
    await loadAuth({ ...NONE, claude_auth: secret }, OPTS)
    const access = credentials.claudeAiOauth.accessToken
    expect(masked()).toEqual(masksOf(access))
  })

  it('maskToken ignores an empty string', () => {
    maskToken('')
    expect(setSecret).not.toHaveBeenCalled()
  })

  it('maskToken without a kind (a refresh answer) tells it by the prefix', () => {
    const access = fakeToken('oat')
    const refresh = fakeToken('ort')
    maskToken(access)
    maskToken(refresh)
    maskToken('opaque-token-from-elsewhere-123')
    expect(kinds()).toEqual({
      [access]: 'access token',
      [refresh]: 'refresh token',
      'opaque-token-from-elsewhere-123': 'OAuth token'
    })
  })
})

describe('fingerprint', () => {
  it('is the last 4 hex characters of the SHA-256', () => {
    // sha256("abc") = ba7816bf…f20015ad
    expect(fingerprint('abc')).toBe('15ad')
    const token = fakeToken('oat')
    expect(fingerprint(token)).toBe(createHash('sha256').update(token).digest('hex').slice(-4))
    expect(fingerprint(token)).toMatch(/^[0-9a-f]{4}$/)
  })

  it('primaryToken is undefined with neither a login nor a key', () => {
    expect(
      primaryToken({
        input: 'claude_auth',
        assessment: {
          kind: 'oauth',
          status: 'valid',
          needsRefresh: false,
          canRefresh: false,
          notices: []
        },
        warnings: []
      })
    ).toBeUndefined()
  })
})
