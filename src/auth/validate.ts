/**
 * Turns a login's expiry dates into `auth_status`, with the times the outputs report. Pure: the
 * clock is passed in.
 */
import { formatSpan, inputSpan, iso } from '../time.js'
import type { Credentials, Login } from './bundle.js'
import type { AuthStatus } from './errors.js'

/** Clocks drift: an access token is treated as ending this much earlier than it says. */
export const CLOCK_SKEW_MS = 60_000

type AuthKind = 'oauth' | 'setup-token' | 'api-key'

/** What the action knows about a login's lifetime. */
export interface Assessment {
  kind: AuthKind
  status: AuthStatus
  /** Access token (or setup-token) expiry, epoch ms. */
  expiresAt?: number
  /** End of the login: `refreshTokenExpiresAt`, or the setup-token's expiry. */
  loginExpiresAt?: number
  /** The access token cannot last `min_validity`, but a refresh token could renew it. */
  needsRefresh: boolean
  /** A refresh token is there and the login has not ended. */
  canRefresh: boolean
  /** One sentence on why the status is not `valid`, or a notice worth showing. */
  reason?: string
  /** Notices that do not change the status (an unknown expiry, say). */
  notices: string[]
}

export interface AssessOptions {
  now: number
  minValidityMs: number
  warnWithinMs: number
}

/** Assesses a decoded subscription login. */
export function assessLogin(login: Login, opts: AssessOptions): Assessment {
  return login.kind === 'setup-token'
    ? assessSetupToken(login.tokenExpiresAt, opts)
    : assessOauth(login.credentials.claudeAiOauth, opts)
}

/** A setup-token holds until its recorded end; it is never refreshed. */
function assessSetupToken(end: number | undefined, opts: AssessOptions): Assessment {
  const { now, minValidityMs, warnWithinMs } = opts
  if (end === undefined) {
    return {
      kind: 'setup-token',
      status: 'valid',
      needsRefresh: false,
      canRefresh: false,
      notices: [
        'The setup-token has no recorded expiry (it was given as a bare token); `node capture.js --from token` records it.'
      ]
    }
  }
  const base = {
    kind: 'setup-token' as const,
    expiresAt: end,
    loginExpiresAt: end,
    needsRefresh: false,
    canRefresh: false,
    notices: []
  }
  if (end - CLOCK_SKEW_MS <= now) {
    return { ...base, status: 'expired', reason: `The setup-token expired at ${iso(end)}.` }
  }
  if (end - CLOCK_SKEW_MS - now < minValidityMs) {
    return {
      ...base,
      status: 'expired',
      reason: `The setup-token expires at ${iso(end)}, in ${formatSpan(end - now)}: less than min_validity ${inputSpan(minValidityMs)}.`
    }
  }
  if (end - now < warnWithinMs) {
    return {
      ...base,
      status: 'expiring',
      reason: `The setup-token expires at ${iso(end)}, in ${formatSpan(end - now)}.`
    }
  }
  return { ...base, status: 'valid' }
}

/**
 * A subscription login: its access token must hold for min_validity, or be refreshable (a refresh
 * token and a login chain that has not ended); the chain's own end warns ahead.
 */
function assessOauth(o: Credentials['claudeAiOauth'], opts: AssessOptions): Assessment {
  const { now, minValidityMs, warnWithinMs } = opts
  const expiresAt = o.expiresAt
  const loginEnd = o.refreshTokenExpiresAt
  const hasRefresh = typeof o.refreshToken === 'string' && o.refreshToken.length > 0
  const loginOver = loginEnd !== undefined && loginEnd - CLOCK_SKEW_MS <= now
  const canRefresh = hasRefresh && !loginOver
  const left = expiresAt - CLOCK_SKEW_MS - now
  const tokenHolds = left >= minValidityMs
  const base = {
    kind: 'oauth' as const,
    expiresAt,
    ...(loginEnd !== undefined ? { loginExpiresAt: loginEnd } : {}),
    canRefresh,
    notices: [] as string[]
  }

  if (!tokenHolds) {
    const tokenWhen =
      left <= 0
        ? `expired at ${iso(expiresAt)}`
        : `expires at ${iso(expiresAt)}, in ${formatSpan(expiresAt - now)}, less than min_validity ${inputSpan(minValidityMs)}`
    if (loginOver) {
      return {
        ...base,
        status: 'expired',
        needsRefresh: false,
        reason: `The login chain ended at ${iso(loginEnd as number)} and the access token ${tokenWhen}.`
      }
    }
    if (!hasRefresh) {
      return {
        ...base,
        status: 'expired',
        needsRefresh: false,
        reason: `The access token ${tokenWhen}, and the login has no refresh token to renew it.`
      }
    }
    return {
      ...base,
      status: 'expired',
      needsRefresh: true,
      reason: `The access token ${tokenWhen}.`
    }
  }
  if (loginOver) {
    return {
      ...base,
      status: 'expiring',
      needsRefresh: false,
      reason: `The login chain ended at ${iso(loginEnd as number)}; the access token still holds until ${iso(expiresAt)}, and then the login is gone.`
    }
  }
  if (loginEnd !== undefined && loginEnd - now < warnWithinMs) {
    return {
      ...base,
      status: 'expiring',
      needsRefresh: false,
      reason: `The login ends at ${iso(loginEnd)}, in ${formatSpan(loginEnd - now)}.`
    }
  }
  return { ...base, status: 'valid', needsRefresh: false }
}

/**
 * A login whose access token is short but which the next run that uses it will refresh (a refresh
 * token, a login that has not ended, and a write-back allowed): judged by the login's own end.
 */
export function assumingRefresh(
  a: Assessment,
  opts: Pick<AssessOptions, 'now' | 'warnWithinMs'>
): Assessment {
  if (!a.needsRefresh) return a
  const ending = a.loginExpiresAt !== undefined && a.loginExpiresAt - opts.now < opts.warnWithinMs
  return {
    ...a,
    status: ending ? 'expiring' : 'valid',
    needsRefresh: false,
    notices: [
      ...a.notices,
      `${a.reason ?? 'The access token is short-lived.'} The next run that uses the login refreshes it.`
    ]
  }
}

/** An API key has no expiry the action can see. */
export function assessApiKey(): Assessment {
  return { kind: 'api-key', status: 'valid', needsRefresh: false, canRefresh: false, notices: [] }
}
