/**
 * healthVerdict: the job summary rows, the level per status, and a fingerprint row that never
 * carries the token.
 */
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { GitHubApi, Issue } from '../../src/github/api.js'
import {
  HEALTH_LABEL,
  HEALTH_MARKER,
  healthVerdict,
  healthyLine,
  syncTrackingIssue
} from '../../src/jobs/health.js'
import type { LoadedAuth } from '../../src/auth/load.js'
import type { Login } from '../../src/auth/bundle.js'
import { assessApiKey, assessLogin } from '../../src/auth/validate.js'
import { iso } from '../../src/time.js'
import {
  DAY,
  HOUR,
  fakeOauthLogin,
  fakeToken,
  type CredOptions
} from '../../__fixtures__/logins.js'

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0)
const OPTS = { now: NOW, minValidityMs: 30 * 60_000, warnWithinMs: 7 * DAY }
const last4 = (t: string): string => createHash('sha256').update(t).digest('hex').slice(-4)

function loaded(login: Login): LoadedAuth {
  return { input: 'claude_auth', login, assessment: assessLogin(login, OPTS), warnings: [] }
}
const oauth = (o: Omit<CredOptions, 'now'>, generation = 4): LoadedAuth =>
  loaded({ ...fakeOauthLogin({ now: NOW, ...o }), generation })
const accessOf = (auth: LoadedAuth): string =>
  auth.login?.kind === 'oauth' ? auth.login.credentials.claudeAiOauth.accessToken : ''
const rowsOf = (rows: Array<[string, string]>): Record<string, string> => Object.fromEntries(rows)

describe('healthVerdict', () => {
  it('a healthy oauth login: ok, and every row', () => {
    const auth = oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: 20 * DAY })
    const v = healthVerdict(auth, NOW)
    expect(v.ok).toBe(true)
    expect(v.level).toBe('ok')
    expect(v.message).toBe('')
    expect(v.rows).toEqual([
      ['Auth kind', 'oauth'],
      ['Status', 'valid'],
      ['Access token expires', `${iso(NOW + 8 * HOUR)} (in 8h 0m)`],
      ['Login ends', `${iso(NOW + 20 * DAY)} (in 20d 0h)`],
      ['Time left', '8h 0m'],
      ['Token fingerprint', `…${last4(accessOf(auth))} (last 4 of SHA-256)`],
      ['Bundle generation', '4']
    ])
  })

  it('the fingerprint row never contains the token, nor any token of the login', () => {
    const auth = oauth({})
    const login = auth.login
    if (login?.kind !== 'oauth') throw new Error('unreachable')
    const { accessToken, refreshToken } = login.credentials.claudeAiOauth
    const text = JSON.stringify(healthVerdict(auth, NOW))
    for (const t of [accessToken, refreshToken as string]) {
      expect(text).not.toContain(t)
      expect(text).not.toContain(t.slice(-12))
      expect(text).not.toContain(Buffer.from(t).toString('base64'))
    }
    const row = rowsOf(healthVerdict(auth, NOW).rows)['Token fingerprint'] as string
    expect(row).toMatch(/^…[0-9a-f]{4} \(last 4 of SHA-256\)$/)
  })

  it('an unknown login end says unknown', () => {
    const rows = rowsOf(healthVerdict(oauth({ loginEndsInMs: null }), NOW).rows)
    expect(rows['Login ends']).toBe('unknown')
  })

  it('expiring inside warn_within: ok, with a warning and the reason', () => {
    const v = healthVerdict(oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: 2 * DAY }), NOW)
    expect(v.ok).toBe(true)
    expect(v.level).toBe('warning')
    expect(v.message).toBe(`The login ends at ${iso(NOW + 2 * DAY)}, in 2d 0h.`)
    expect(rowsOf(v.rows).Status).toBe('expiring')
  })

  it('a login chain that ended while the token holds: a warning, the end shown as past', () => {
    const v = healthVerdict(oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: -3 * HOUR }), NOW)
    expect(v.level).toBe('warning')
    expect(v.ok).toBe(true)
    expect(rowsOf(v.rows)['Login ends']).toBe(`${iso(NOW - 3 * HOUR)} (3h 0m ago)`)
  })

  it('expired: not ok, an error with the reason, the time left as "expired … ago"', () => {
    const v = healthVerdict(oauth({ expiresInMs: -2 * HOUR, refreshToken: null }), NOW)
    expect(v.ok).toBe(false)
    expect(v.level).toBe('error')
    expect(v.message).toBe(
      `The access token expired at ${iso(NOW - 2 * HOUR)}, and the login has no refresh token to renew it.`
    )
    const rows = rowsOf(v.rows)
    expect(rows['Access token expires']).toBe(`${iso(NOW - 2 * HOUR)} (2h 0m ago)`)
    expect(rows['Time left']).toBe('expired 2h 0m ago')
  })

  it('an access token that needs a refresh is an error that says a refresh could renew it', () => {
    const v = healthVerdict(oauth({ expiresInMs: 10 * 60_000, loginEndsInMs: 20 * DAY }), NOW)
    expect(v.ok).toBe(false)
    expect(v.level).toBe('error')
    expect(v.message).toMatch(/^The access token expires at .*less than min_validity/)
    expect(v.message).toMatch(/refresh could renew it/i)
    expect(v.message).toContain('secrets_token')
  })

  it('an expired login with no refresh token does not offer a refresh', () => {
    const v = healthVerdict(oauth({ expiresInMs: -HOUR, refreshToken: null }), NOW)
    expect(v.message).not.toMatch(/refresh could renew/i)
    expect(v.message).not.toContain('secrets_token')
  })

  it('an API key: n/a dates, its own fingerprint, no generation', () => {
    const apiKey = fakeToken('api')
    const v = healthVerdict(
      { input: 'anthropic_api_key', apiKey, assessment: assessApiKey(), warnings: [] },
      NOW
    )
    expect(v).toEqual({
      ok: true,
      level: 'ok',
      message: '',
      rows: [
        ['Auth kind', 'api-key'],
        ['Status', 'valid'],
        ['Access token expires', 'n/a (API key)'],
        ['Login ends', 'n/a (API key)'],
        ['Time left', 'unknown'],
        ['Token fingerprint', `…${last4(apiKey)} (last 4 of SHA-256)`]
      ]
    })
    expect(JSON.stringify(v)).not.toContain(apiKey)
  })

  it('a bare setup-token: valid, the unknown-expiry notice as the message, no generation row', () => {
    const token = fakeToken('oat')
    const v = healthVerdict(
      loaded({
        kind: 'setup-token',
        token,
        origin: 'token',
        generation: 0,
        files: {},
        warnings: []
      }),
      NOW
    )
    expect(v.level).toBe('ok')
    expect(v.message).toContain('no recorded expiry')
    const rows = rowsOf(v.rows)
    expect(rows['Access token expires']).toBe('unknown')
    expect(rows['Login ends']).toBe('unknown')
    expect(rows['Time left']).toBe('unknown')
    expect(rows['Token fingerprint']).toBe(`…${last4(token)} (last 4 of SHA-256)`)
    expect(rows).not.toHaveProperty('Bundle generation')
    expect(JSON.stringify(v)).not.toContain(token)
  })

  it('a setup-token bundle with a recorded expiry close by: a warning', () => {
    const token = fakeToken('oat')
    const v = healthVerdict(
      loaded({
        kind: 'setup-token',
        token,
        tokenExpiresAt: NOW + 5 * DAY,
        origin: 'bundle',
        generation: 1,
        files: {},
        warnings: []
      }),
      NOW
    )
    expect(v.level).toBe('warning')
    expect(rowsOf(v.rows)['Login ends']).toBe(`${iso(NOW + 5 * DAY)} (in 5d 0h)`)
    expect(rowsOf(v.rows)['Bundle generation']).toBe('1')
  })

  it('no generation row for a login that did not come from a bundle', () => {
    const auth = loaded({ ...fakeOauthLogin({ now: NOW }), origin: 'credentials-json' })
    expect(rowsOf(healthVerdict(auth, NOW).rows)).not.toHaveProperty('Bundle generation')
  })
})

describe('healthyLine: the one log line of a healthy check', () => {
  it('oauth: the access token and the login end', () => {
    const a = oauth({ expiresInMs: 5 * HOUR + 57 * 60_000, loginEndsInMs: 20 * DAY }).assessment
    expect(healthyLine(a, NOW)).toBe(
      `Login valid; access token expires in 5h 57m; the login ends in 20d 0h (${iso(NOW + 20 * DAY)}).`
    )
    const noEnd = oauth({ expiresInMs: 2 * HOUR }).assessment
    expect(healthyLine(noEnd, NOW)).toBe('Login valid; access token expires in 2h 0m.')
  })

  it('an access token already expired that the next run refreshes is said so, never negative', () => {
    const a = { ...oauth({ expiresInMs: -HOUR, loginEndsInMs: 20 * DAY }).assessment }
    expect(healthyLine(a, NOW)).toMatch(
      /^Login valid; access token expired 1h 0m ago \(the next run that uses the login refreshes it\); the login ends in 20d 0h/
    )
  })

  it('a setup-token and an API key', () => {
    const token = loaded({
      kind: 'setup-token',
      token: fakeToken('oat'),
      tokenExpiresAt: NOW + 300 * DAY,
      origin: 'bundle',
      generation: 1,
      files: {},
      warnings: []
    })
    expect(healthyLine(token.assessment, NOW)).toBe(
      `Login valid: a setup-token that expires in 300d 0h (${iso(NOW + 300 * DAY)}).`
    )
    expect(healthyLine(assessApiKey(), NOW)).toBe('API key set: no expiry to check.')
  })
})

describe("syncTrackingIssue: only the action's own issue, by the marker in its footer", () => {
  const SELF = 'github-actions[bot]'
  function fakeGitHub(issues: Issue[]): { api: GitHubApi; writes: string[] } {
    const writes: string[] = []
    const api = {
      whoami: async () => SELF,
      listIssues: async () => issues.filter(i => i.state === 'open'),
      listLabels: async () => [{ name: HEALTH_LABEL }],
      createIssue: async (i: { title: string; body: string }) => {
        writes.push(`create ${i.title}`)
        return {
          number: 99,
          title: i.title,
          body: i.body,
          state: 'open',
          labels: [],
          isPullRequest: false,
          url: ''
        }
      },
      updateIssue: async (n: number) => {
        writes.push(`update #${n}`)
      },
      createIssueComment: async (n: number) => {
        writes.push(`comment #${n}`)
        return { id: 1, body: '', url: '' }
      }
    } as unknown as GitHubApi
    return { api, writes }
  }
  const issue = (number: number, author: string, body: string): Issue => ({
    number,
    title: 't',
    body,
    state: 'open',
    labels: [HEALTH_LABEL],
    isPullRequest: false,
    url: '',
    author
  })
  const state = {
    needsAction: true,
    status: 'expiring',
    message: 'm',
    rows: [] as Array<[string, string]>,
    reauth: 'r'
  }

  it('writes the marker as the last line of the body', async () => {
    const { api } = fakeGitHub([])
    let body = ''
    api.createIssue = async i => {
      body = i.body
      return { ...issue(5, SELF, i.body) }
    }
    await syncTrackingIssue(api, state)
    expect(body.endsWith(`\n\n${HEALTH_MARKER}`)).toBe(true)
    expect(body.split(HEALTH_MARKER)).toHaveLength(2)
  })

  it("updates its own issue, and never someone else's that carries the label and the marker", async () => {
    const foreign = issue(3, 'mallory', `please fix\n\n${HEALTH_MARKER}`)
    const own = issue(4, SELF, `x\n\n${HEALTH_MARKER}`)
    const one = fakeGitHub([foreign])
    expect(await syncTrackingIssue(one.api, state)).toBe('opened tracking issue #99')
    expect(one.writes).toEqual(['create Claude login needs attention: expiring'])
    const two = fakeGitHub([foreign, own])
    expect(await syncTrackingIssue(two.api, state)).toBe('updated tracking issue #4')
    const healthy = fakeGitHub([foreign, own])
    await syncTrackingIssue(healthy.api, { ...state, needsAction: false })
    expect(healthy.writes).toEqual(['comment #4', 'update #4'])
  })

  it('an own issue with the marker above other text is not the tracking issue', async () => {
    const { api, writes } = fakeGitHub([issue(4, SELF, `${HEALTH_MARKER}\nold text`)])
    await syncTrackingIssue(api, { ...state, needsAction: false })
    expect(writes).toEqual([])
  })
})
