/**
 * The short report `capture` and `verify` print: what kind of login, when it ends, and
 * fingerprints to compare copies by. Pure functions; no token ever reaches the text.
 */
import type { Login } from '../../src/auth/bundle.js'
import type { SecretTarget } from '../../src/auth/target.js'
import { fingerprint } from '../../src/auth/credentials.js'
import { assessLogin, type Assessment } from '../../src/auth/validate.js'
import { formatSpan, iso } from '../../src/time.js'

/** The action's defaults, so `verify` judges a bundle the way the action will. */
const DEFAULT_MIN_VALIDITY_MS = 30 * 60_000
const DEFAULT_WARN_WITHIN_MS = 7 * 86_400_000

/** Hides anything that looks like an Anthropic token in text from another program. */
export function redact(text: string): string {
  return text.replace(/sk-ant-[A-Za-z0-9]{2,6}-[A-Za-z0-9_-]+/g, 'sk-ant-…(hidden)')
}

/** What the report needs besides the login. */
interface ReportFacts {
  /** Length of the encoded bundle, when there is one. */
  bundleChars?: number
  now: number
}

function when(ms: number | undefined, now: number, past: string, future: string): string {
  if (ms === undefined) return 'not recorded'
  const span = formatSpan(Math.abs(ms - now))
  return ms <= now ? `${past} ${iso(ms)} (${span} ago)` : `${future} ${iso(ms)} (in ${span})`
}

/** The report as lines of `label: value`, tokens replaced by fingerprints. */
export function reportLines(login: Login, facts: ReportFacts): string[] {
  const { now } = facts
  const rows: [string, string][] = []
  if (login.kind === 'setup-token') {
    rows.push(['kind', 'setup-token (one year, never refreshed)'])
    rows.push(['token expiry', when(login.tokenExpiresAt, now, 'expired', 'expires')])
    rows.push(['fingerprint', fingerprint(login.token)])
  } else {
    const o = login.credentials.claudeAiOauth
    rows.push(['kind', 'oauth (a subscription login)'])
    rows.push(['subscription', o.subscriptionType ? String(o.subscriptionType) : 'not recorded'])
    rows.push(['access token', when(o.expiresAt, now, 'expired', 'expires')])
    rows.push([
      'login ends',
      o.refreshTokenExpiresAt !== undefined
        ? when(o.refreshTokenExpiresAt, now, 'ended', 'ends')
        : 'not recorded (a login usually lasts about 30 days from when you logged in)'
    ])
    rows.push(['fingerprint', `${fingerprint(o.accessToken)} (access token)`])
    rows.push([
      'refresh token',
      o.refreshToken ? `fingerprint ${fingerprint(o.refreshToken)}` : 'none: it cannot be renewed'
    ])
  }
  const meta: string[] = []
  if (login.source) meta.push(`source ${login.source}`)
  if (login.origin === 'bundle') meta.push(`generation ${login.generation}`)
  if (login.capturedAt) meta.push(`captured ${login.capturedAt}`)
  if (meta.length > 0) rows.push(['bundle', meta.join(', ')])
  const files = Object.keys(login.files)
  rows.push(['files', files.length > 0 ? files.join(', ') : 'none besides the login'])
  if (facts.bundleChars !== undefined) {
    rows.push([
      'size',
      `${facts.bundleChars} characters (${(facts.bundleChars / 1024).toFixed(1)} KB of the 48 KB a secret may hold)`
    ])
  }
  const width = Math.max(...rows.map(([k]) => k.length)) + 1
  return rows.map(([k, v]) => `  ${`${k}:`.padEnd(width + 1)}${v}`)
}

/** What `verify` and `capture` conclude from the dates. */
interface Verdict {
  assessment: Assessment
  /** The bundle can never work: exit 1. */
  fatal: boolean
  /** One sentence per thing the user should know (the action's own wording). */
  warnings: string[]
  /** The fatal reason, when fatal. */
  error?: string
}

/**
 * Judges a login with the action's defaults: fatal only when no run could ever use it (expired
 * with no way to refresh, or the login has ended); an access token a refresh can renew is a
 * warning, because the first run must refresh it and write it back.
 */
export function judge(login: Login, now: number): Verdict {
  const assessment = assessLogin(login, {
    now,
    minValidityMs: DEFAULT_MIN_VALIDITY_MS,
    warnWithinMs: DEFAULT_WARN_WITHIN_MS
  })
  const warnings = [...login.warnings, ...assessment.notices]
  const loginEnded =
    assessment.kind === 'oauth' &&
    assessment.loginExpiresAt !== undefined &&
    assessment.loginExpiresAt <= now
  if (loginEnded) {
    return {
      assessment,
      fatal: true,
      warnings,
      error: `${assessment.reason ?? `The login ended at ${iso(assessment.loginExpiresAt as number)}.`} Log in again and capture anew.`
    }
  }
  if (assessment.status === 'expired' && !assessment.needsRefresh) {
    return {
      assessment,
      fatal: true,
      warnings,
      error: `${assessment.reason ?? 'The login has expired.'} Log in again and capture anew.`
    }
  }
  if (assessment.needsRefresh) {
    warnings.push(
      `${assessment.reason} The first run must refresh it and write the new login back, which needs the secrets_token input (a token that may write Actions secrets).`
    )
  } else if (assessment.status === 'expiring' && assessment.reason) {
    warnings.push(assessment.reason)
  }
  return { assessment, fatal: false, warnings }
}

/**
 * The closing lines for an oauth login (README, step 2b): its access token lasts hours and every
 * refresh rotates the login, so without a secrets_token that may store the rotated login, CI can
 * use it only until the access token runs out. The permission named is the one each target needs.
 */
export function secretsTokenAdvice(targets: readonly SecretTarget[]): string[] {
  const org = targets.some(t => t.kind === 'org')
  const env = targets.some(t => t.kind === 'env')
  const permissions = [
    ...(targets.length === 0 || targets.some(t => t.kind !== 'org')
      ? [
          `repository permission "Secrets: Read and write"${env ? ' (and "Environments: Read and write" for an environment secret)' : ''}`
        ]
      : []),
    ...(org ? ['organisation permission "Secrets: Read and write"'] : [])
  ]
  return [
    'Next: this is an oauth login. Its access token lasts about 8 hours and every refresh rotates the login, so without write-back CI can use it only for those hours. Give the action a token that may store refreshed logins (README, step 2b):',
    `  - a fine-grained personal access token with the ${permissions.join(' and the ')}${org ? '' : ', on this repository only'} (or a classic token with ${org ? '`admin:org`' : '`repo`'}, or a GitHub App);`,
    '  - stored as the secret CLAUDE_SECRETS_TOKEN, and passed as `secrets_token: ${{ secrets.CLAUDE_SECRETS_TOKEN }}`.'
  ]
}
