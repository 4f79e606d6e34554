/**
 * assessLogin against a fixed clock: every status the SPEC names, the clock skew at each boundary,
 * setup-tokens with and without a recorded expiry, and the one-decimal `expires_in_hours`.
 */
import { describe, expect, it } from '@jest/globals'
import {
  assessApiKey,
  assessLogin,
  assumingRefresh,
  CLOCK_SKEW_MS,
  type AssessOptions
} from '../../src/auth/validate.js'
import { hoursUntil, iso } from '../../src/time.js'
import type { Login } from '../../src/auth/bundle.js'
import {
  DAY,
  HOUR,
  fakeOauthLogin,
  fakeToken,
  type CredOptions
} from '../../__fixtures__/logins.js'

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0)
const MIN = 60_000
const OPTS: AssessOptions = { now: NOW, minValidityMs: 30 * MIN, warnWithinMs: 7 * DAY }

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const oauth = (o: Omit<CredOptions, 'now'>): Login => fakeOauthLogin({ now: NOW, ...o })
const setupToken = (tokenExpiresAt?: number): Login => ({
  kind: 'setup-token',
  token: fakeToken('oat'),
  ...(tokenExpiresAt !== undefined ? { tokenExpiresAt } : {}),
  origin: 'token',
  generation: 0,
  files: {},
  warnings: []
})

describe('assessLogin: oauth', () => {
  it('is valid with hours of access token and weeks of login left', () => {
    const a = assessLogin(oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: 30 * DAY }), OPTS)
    expect(a).toEqual({
      kind: 'oauth',
      status: 'valid',
      expiresAt: NOW + 8 * HOUR,
      loginExpiresAt: NOW + 30 * DAY,
      needsRefresh: false,
      canRefresh: true,
      notices: []
    })
    expect(a.reason).toBeUndefined()
  })

  it('is valid without a recorded login end, and reports no login_expires_at', () => {
    const a = assessLogin(oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: null }), OPTS)
    expect(a.status).toBe('valid')
    expect(a).not.toHaveProperty('loginExpiresAt')
    expect(a.canRefresh).toBe(true)
  })

  it('is expiring when the login ends inside warn_within, with the date and the span', () => {
    const a = assessLogin(oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: 3 * DAY }), OPTS)
    expect(a.status).toBe('expiring')
    expect(a.needsRefresh).toBe(false)
    expect(a.canRefresh).toBe(true)
    expect(a.reason).toBe(`The login ends at ${iso(NOW + 3 * DAY)}, in 3d 0h.`)
  })

  it('is valid when the login ends just beyond warn_within', () => {
    const a = assessLogin(oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: 7 * DAY }), OPTS)
    expect(a.status).toBe('valid')
  })

  it('is expiring (not expired) when the login chain ended but the access token still holds', () => {
    const a = assessLogin(oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: -HOUR }), OPTS)
    expect(a.status).toBe('expiring')
    expect(a.needsRefresh).toBe(false)
    expect(a.canRefresh).toBe(false)
    expect(a.reason).toBe(
      `The login chain ended at ${iso(NOW - HOUR)}; the access token still holds until ${iso(NOW + 8 * HOUR)}, and then the login is gone.`
    )
  })

  it('is expired when the login chain ended and the access token expired too', () => {
    const a = assessLogin(oauth({ expiresInMs: -2 * HOUR, loginEndsInMs: -HOUR }), OPTS)
    expect(a.status).toBe('expired')
    expect(a.needsRefresh).toBe(false)
    expect(a.canRefresh).toBe(false)
    expect(a.reason).toBe(
      `The login chain ended at ${iso(NOW - HOUR)} and the access token expired at ${iso(NOW - 2 * HOUR)}.`
    )
  })

  it('needs a refresh when the access token is inside min_validity and a refresh token is there', () => {
    const a = assessLogin(oauth({ expiresInMs: 10 * MIN, loginEndsInMs: 20 * DAY }), OPTS)
    expect(a.status).toBe('expired')
    expect(a.needsRefresh).toBe(true)
    expect(a.canRefresh).toBe(true)
    // The caller words what happens next (refresh, or why it may not): only the facts are fixed.
    expect(a.reason).toMatch(
      new RegExp(
        `^The access token expires at ${esc(iso(NOW + 10 * MIN))}, in 10m, less than min_validity\\b`
      )
    )
    expect(a.reason).not.toContain('no refresh token')
  })

  it('needs a refresh when the access token already expired and a refresh token is there', () => {
    const a = assessLogin(oauth({ expiresInMs: -5 * HOUR }), OPTS)
    expect(a.status).toBe('expired')
    expect(a.needsRefresh).toBe(true)
    expect(a.canRefresh).toBe(true)
    expect(a.reason).toMatch(
      new RegExp(`^The access token expired at ${esc(iso(NOW - 5 * HOUR))}\\b`)
    )
    expect(a.reason).not.toContain('no refresh token')
  })

  it('is expired for good when the access token is inside min_validity and there is no refresh token', () => {
    const a = assessLogin(oauth({ expiresInMs: 10 * MIN, refreshToken: null }), OPTS)
    expect(a.status).toBe('expired')
    expect(a.needsRefresh).toBe(false)
    expect(a.canRefresh).toBe(false)
    expect(a.reason).toBe(
      `The access token expires at ${iso(NOW + 10 * MIN)}, in 10m, less than min_validity 30m, and the login has no refresh token to renew it.`
    )
  })

  it('treats an empty refresh token as none', () => {
    const a = assessLogin(oauth({ expiresInMs: -HOUR, refreshToken: '' }), OPTS)
    expect(a.status).toBe('expired')
    expect(a.needsRefresh).toBe(false)
    expect(a.canRefresh).toBe(false)
  })

  it('a valid access token without a refresh token is still valid, but cannot be refreshed', () => {
    const a = assessLogin(oauth({ expiresInMs: 8 * HOUR, refreshToken: null }), OPTS)
    expect(a.status).toBe('valid')
    expect(a.canRefresh).toBe(false)
  })

  describe('clock skew of 60 s', () => {
    it('is the documented 60 s', () => {
      expect(CLOCK_SKEW_MS).toBe(60_000)
    })

    it('holds at exactly min_validity + skew, and not one millisecond less', () => {
      const at = assessLogin(oauth({ expiresInMs: 30 * MIN + CLOCK_SKEW_MS }), OPTS)
      expect(at.status).toBe('valid')
      expect(at.needsRefresh).toBe(false)
      const under = assessLogin(oauth({ expiresInMs: 30 * MIN + CLOCK_SKEW_MS - 1 }), OPTS)
      expect(under.status).toBe('expired')
      expect(under.needsRefresh).toBe(true)
    })

    it('an access token with less than the skew left counts as already expired', () => {
      const opts = { ...OPTS, minValidityMs: 0 }
      const a = assessLogin(oauth({ expiresInMs: 30_000, refreshToken: null }), opts)
      expect(a.status).toBe('expired')
      expect(a.reason).toBe(
        `The access token expired at ${iso(NOW + 30_000)}, and the login has no refresh token to renew it.`
      )
      expect(assessLogin(oauth({ expiresInMs: CLOCK_SKEW_MS + 1000 }), opts).status).toBe('valid')
    })

    it('a login chain ending within the skew counts as ended', () => {
      const ending = assessLogin(oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: 30_000 }), OPTS)
      expect(ending.status).toBe('expiring')
      expect(ending.canRefresh).toBe(false)
      expect(ending.reason).toMatch(/^The login chain ended at /)
      const later = assessLogin(
        oauth({ expiresInMs: 8 * HOUR, loginEndsInMs: CLOCK_SKEW_MS + 1 }),
        OPTS
      )
      expect(later.canRefresh).toBe(true)
      expect(later.reason).toMatch(/^The login ends at /)
    })
  })
})

describe('assessLogin: setup-token', () => {
  it('without an expiry is valid with a notice on how to record it', () => {
    const a = assessLogin(setupToken(), OPTS)
    expect(a.kind).toBe('setup-token')
    expect(a.status).toBe('valid')
    expect(a.expiresAt).toBeUndefined()
    expect(a.loginExpiresAt).toBeUndefined()
    expect(a.needsRefresh).toBe(false)
    expect(a.canRefresh).toBe(false)
    expect(a.notices).toHaveLength(1)
    expect(a.notices[0]).toContain('no recorded expiry')
    expect(a.notices[0]).toContain('node capture.js --from token')
  })

  it('with months left is valid, and its expiry is both expires_at and login_expires_at', () => {
    const a = assessLogin(setupToken(NOW + 300 * DAY), OPTS)
    expect(a).toEqual({
      kind: 'setup-token',
      status: 'valid',
      expiresAt: NOW + 300 * DAY,
      loginExpiresAt: NOW + 300 * DAY,
      needsRefresh: false,
      canRefresh: false,
      notices: []
    })
  })

  it('inside warn_within is expiring', () => {
    const a = assessLogin(setupToken(NOW + 2 * DAY), OPTS)
    expect(a.status).toBe('expiring')
    expect(a.reason).toBe(`The setup-token expires at ${iso(NOW + 2 * DAY)}, in 2d 0h.`)
  })

  it('inside min_validity is expired: a setup-token cannot be refreshed', () => {
    const a = assessLogin(setupToken(NOW + 10 * MIN), OPTS)
    expect(a.status).toBe('expired')
    expect(a.needsRefresh).toBe(false)
    expect(a.canRefresh).toBe(false)
    expect(a.reason).toBe(
      `The setup-token expires at ${iso(NOW + 10 * MIN)}, in 10m: less than min_validity 30m.`
    )
  })

  it('past its expiry is expired, with the time', () => {
    const a = assessLogin(setupToken(NOW - DAY), OPTS)
    expect(a.status).toBe('expired')
    expect(a.reason).toBe(`The setup-token expired at ${iso(NOW - DAY)}.`)
  })

  it('applies the clock skew too', () => {
    const opts = { ...OPTS, minValidityMs: 0 }
    expect(assessLogin(setupToken(NOW + 30_000), opts).status).toBe('expired')
    expect(assessLogin(setupToken(NOW + 30 * MIN + CLOCK_SKEW_MS), OPTS).status).toBe('expiring')
    expect(assessLogin(setupToken(NOW + 30 * MIN + CLOCK_SKEW_MS - 1), OPTS).status).toBe('expired')
  })
})

describe('assumingRefresh', () => {
  it('judges a refreshable login by its own end, with a notice', () => {
    const a = assessLogin(oauth({ expiresInMs: -HOUR, loginEndsInMs: 20 * DAY }), OPTS)
    expect(a).toMatchObject({ status: 'expired', needsRefresh: true })
    const b = assumingRefresh(a, OPTS)
    expect(b).toMatchObject({ status: 'valid', needsRefresh: false })
    expect(b.notices).toEqual([`${a.reason} The next run that uses the login refreshes it.`])
  })

  it('inside warn_within it is expiring', () => {
    const a = assessLogin(oauth({ expiresInMs: 5 * MIN, loginEndsInMs: 3 * DAY }), OPTS)
    expect(assumingRefresh(a, OPTS).status).toBe('expiring')
  })

  it('leaves an assessment that needs no refresh alone', () => {
    const a = assessLogin(oauth({ loginEndsInMs: 20 * DAY }), OPTS)
    expect(assumingRefresh(a, OPTS)).toBe(a)
  })
})

describe('assessApiKey', () => {
  it('is valid with nothing to refresh', () => {
    expect(assessApiKey()).toEqual({
      kind: 'api-key',
      status: 'valid',
      needsRefresh: false,
      canRefresh: false,
      notices: []
    })
  })
})

describe('hoursUntil and iso', () => {
  it('gives hours with one decimal', () => {
    expect(hoursUntil(NOW + 90 * MIN, NOW)).toBe('1.5')
    expect(hoursUntil(NOW + 8 * HOUR, NOW)).toBe('8.0')
    expect(hoursUntil(NOW + 4 * HOUR + 20 * MIN, NOW)).toBe('4.3')
    expect(hoursUntil(NOW + 30 * DAY, NOW)).toBe('720.0')
  })
  it('is negative once past, and empty when unknown', () => {
    expect(hoursUntil(NOW - 2 * HOUR, NOW)).toBe('-2.0')
    expect(hoursUntil(undefined, NOW)).toBe('')
  })
  it('iso is ISO 8601 in UTC', () => {
    expect(iso(NOW)).toBe('2026-11-28T12:00:00.000Z')
  })
})
