/**
 * The health check's verdict on a login, as pure logic: the status, the annotation to raise, and
 * the rows of the job summary table. No network; the live call and the tracking issue are added by
 * the caller.
 */
import { formatSpan } from '../duration.js'
import { fingerprint, primaryToken, type LoadedAuth } from '../auth/load.js'
import { iso } from '../auth/validate.js'

/** What the health check concludes before any live call. */
export interface HealthVerdict {
  ok: boolean
  /** `warning` inside warn_within, `error` when the login cannot be used. */
  level: 'ok' | 'warning' | 'error'
  /** The sentence for the annotation and the tracking issue; empty when healthy. */
  message: string
  rows: Array<[string, string]>
}

/** Judges a loaded login at `now`. */
export function healthVerdict(auth: LoadedAuth, now: number): HealthVerdict {
  const a = auth.assessment
  const token = primaryToken(auth)
  const when = (ms: number | undefined): string =>
    ms === undefined
      ? 'unknown'
      : `${iso(ms)} (${ms > now ? 'in ' : ''}${formatSpan(Math.abs(ms - now))}${ms > now ? '' : ' ago'})`
  const rows: Array<[string, string]> = [
    ['Auth kind', a.kind],
    ['Status', a.status],
    ['Access token expires', a.kind === 'api-key' ? 'n/a (API key)' : when(a.expiresAt)],
    ['Login ends', a.kind === 'api-key' ? 'n/a (API key)' : when(a.loginExpiresAt)],
    ['Time left', a.expiresAt === undefined ? 'unknown' : formatSpan(a.expiresAt - now)],
    ['Token fingerprint', token ? `…${fingerprint(token)} (last 4 of SHA-256)` : 'none']
  ]
  if (auth.login?.generation !== undefined && auth.login.origin === 'bundle') {
    rows.push(['Bundle generation', String(auth.login.generation)])
  }
  if (a.status === 'valid') {
    return { ok: true, level: 'ok', message: a.notices.join(' '), rows }
  }
  if (a.status === 'expiring') {
    return { ok: true, level: 'warning', message: a.reason ?? 'The login ends soon.', rows }
  }
  return { ok: false, level: 'error', message: a.reason ?? `The login is ${a.status}.`, rows }
}
