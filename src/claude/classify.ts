/**
 * What a CLI run amounts to. `is_error: true` is never a success, whatever the exit code or the
 * `subtype` say; auth failures get the same wording as the failures found before the run.
 */
import type { RunResult } from './run.js'

export type Outcome =
  | { kind: 'success' }
  | { kind: 'auth'; message: string }
  | { kind: 'usage-limit'; message: string; resetsAt?: number }
  | { kind: 'max-turns'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'api-error'; message: string }
  | { kind: 'crash'; message: string }

/** What else the caller knows about the run. */
export interface ClassifyContext {
  timeoutMinutes: number
  /** The credentials file was emptied during the run (the CLI wipes it when a refresh is refused). */
  credentialsWiped?: boolean
  maxTurns?: number
  /** The clock, for reset times the CLI gives only as a time of day. */
  now?: number
}

const AUTH_PATTERNS: Array<[RegExp, string]> = [
  [
    /could not be refreshed/i,
    'The login expired and the CLI could not refresh it: the refresh token was refused (revoked, ended, or used by another machine first).'
  ],
  [
    /reached its time limit/i,
    'The login reached the end of its refresh chain and must be captured again.'
  ],
  [/OAuth token revoked/i, 'The login was revoked (HTTP 403): log in again and re-capture it.'],
  [/OAuth token has expired/i, 'The access token was refused as expired (HTTP 401).'],
  [/Not logged in/i, 'The CLI found no usable login (Not logged in).'],
  [/Invalid API key/i, 'The CLI rejected the credentials as an invalid API key.'],
  [/Failed to authenticate/i, 'The CLI failed to authenticate with the restored login.']
]

/** Classifies a finished run. */
export function classify(run: RunResult, ctx: ClassifyContext): Outcome {
  const r = run.result
  // What the model wrote is matched only when the CLI gave no result: a review that quotes
  // "Not logged in" is not an auth failure.
  const text = [r?.result ?? '', run.otherOutput, r ? '' : run.assistantText].join('\n')
  const tail = lastLine(r?.result || run.otherOutput || '')

  if (run.timedOut) {
    return {
      kind: 'timeout',
      message: `Claude Code ran past timeout_minutes (${ctx.timeoutMinutes}) and was stopped; raise timeout_minutes or narrow the task.`
    }
  }
  if (ctx.credentialsWiped) {
    return {
      kind: 'auth',
      message:
        'The CLI could not refresh the login and wiped it (the refresh token was refused: revoked, ended, or used by another machine first).'
    }
  }
  const status = r?.api_error_status ?? undefined
  if (
    r &&
    !r.is_error &&
    r.subtype === 'success' &&
    (run.exitCode === 0 || run.exitCode === null)
  ) {
    return { kind: 'success' }
  }
  for (const [pattern, message] of AUTH_PATTERNS) {
    if (pattern.test(text)) return { kind: 'auth', message }
  }
  if (status === 401 || status === 403) {
    return { kind: 'auth', message: `The API refused the login (HTTP ${status}): ${tail}` }
  }
  if (r?.subtype === 'error_max_turns') {
    return {
      kind: 'max-turns',
      message: `Claude Code stopped at max_turns (${ctx.maxTurns ?? r.num_turns ?? '?'}) before finishing; raise max_turns or narrow the task.`
    }
  }
  const limited =
    run.rateLimit?.status === 'rejected' ||
    (r as { api_error?: unknown } | undefined)?.api_error === 'usage_limit_reached' ||
    /usage limit|hit your .*limit|limit reached/i.test(text)
  if (limited) {
    const resetsAt = run.rateLimit?.resetsAt ?? resetFromText(text, ctx.now ?? Date.now())
    const when = resetsAt ? ` It resets at ${new Date(resetsAt).toISOString()}.` : ''
    return {
      kind: 'usage-limit',
      message: `The subscription's usage limit is reached.${when}`,
      ...(resetsAt ? { resetsAt } : {})
    }
  }
  if (r?.subtype === 'error_max_structured_output_retries') {
    return {
      kind: 'api-error',
      message:
        'Claude Code gave up: its answers did not fit the required JSON schema after several tries.'
    }
  }
  if (r) {
    const code = status ? ` (HTTP ${status})` : ''
    return {
      kind: 'api-error',
      message: `Claude Code ended with an error${code}: ${tail || r.subtype}`
    }
  }
  const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`
  return {
    kind: 'crash',
    message: `Claude Code ${how} without a result${tail ? `: ${tail}` : '.'}`
  }
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const line = lines[lines.length - 1] ?? ''
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

/**
 * The CLI's text form of a reset time, `resets 1:12am (UTC)`, as the next such moment after `now`.
 * Only UTC times are read: any other zone cannot be placed without the runner's zone database.
 */
function resetFromText(text: string, now: number): number | undefined {
  const m = /resets\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)\s*\(UTC\)/i.exec(text)
  if (!m) return undefined
  let hour = Number(m[1]) % 12
  if ((m[3] as string).toLowerCase() === 'pm') hour += 12
  const d = new Date(now)
  let at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, Number(m[2] ?? 0))
  if (at <= now) at += 86_400_000
  return at
}
