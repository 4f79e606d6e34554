/**
 * What a CLI run amounts to. `is_error: true` is never a success, whatever the exit code or the
 * `subtype` say; auth failures get the same wording as the failures found before the run.
 */
import type { RunResult } from './run.js'

export type Outcome =
  | { kind: 'success' }
  | { kind: 'auth'; message: string }
  /** `extraUsage`: the request needed paid extra usage; a reset does not help. */
  | { kind: 'usage-limit'; message: string; resetsAt?: number; extraUsage?: true }
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
  [
    /organization has disabled Claude subscription access/i,
    "The login's organization has disabled Claude subscription access (HTTP 403): an admin of that organization must allow Claude Code with subscriptions, or use a login of another account."
  ],
  [
    /can't use your Claude subscription.*payment is past due/is,
    "Claude Code cannot use the login's subscription, usually because a payment is past due (HTTP 403): pay or renew at https://claude.ai/settings/billing, or use a login of another account."
  ],
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
    // A run that spent its time retrying a connection that never opened is not slow: it is cut off.
    const unreachable = unreachableApi(run, text, undefined)
    if (unreachable) return unreachable
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
  const extra = extraUsage(run, text)
  if (extra) return extra
  const unreachable = unreachableApi(run, text, status)
  if (unreachable) return unreachable
  if (status === 401 || status === 403) {
    return { kind: 'auth', message: `The API refused the login (HTTP ${status}): ${tail}` }
  }
  if (r?.subtype === 'error_max_turns') {
    return {
      kind: 'max-turns',
      message: `Claude Code stopped at max_turns (${ctx.maxTurns ?? r.num_turns ?? '?'}) before finishing; raise max_turns or narrow the task.`
    }
  }
  const limit = usageLimit(run, text, ctx)
  if (limit) return limit
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

/** The subscription's usage limit (5-hour or weekly), with the reset time when known. */
function usageLimit(run: RunResult, text: string, ctx: ClassifyContext): Outcome | undefined {
  const limited =
    run.rateLimit?.status === 'rejected' ||
    (run.result as { api_error?: unknown } | undefined)?.api_error === 'usage_limit_reached' ||
    /(?<!not your )usage limit|hit your .*limit|limit reached/i.test(text)
  if (!limited) return undefined
  const resetsAt = run.rateLimit?.resetsAt ?? resetFromText(text, ctx.now ?? Date.now())
  const when = resetsAt ? ` It resets at ${new Date(resetsAt).toISOString()}.` : ''
  return {
    kind: 'usage-limit',
    message: `The subscription's usage limit is reached.${when}`,
    ...(resetsAt ? { resetsAt } : {})
  }
}

/**
 * A request the API refused without paid extra usage (a long context). The action never turns
 * extra usage on, so the only fix is a smaller request.
 */
function extraUsage(run: RunResult, text: string): Outcome | undefined {
  const apiError = (run.result as { api_error?: unknown } | undefined)?.api_error
  if (
    apiError !== 'long_context_credits_required' &&
    !/Extra usage is required|Usage credits required/i.test(text)
  ) {
    return undefined
  }
  return {
    kind: 'usage-limit',
    extraUsage: true,
    message:
      'The request needed paid extra usage (a long-context request), which the action never turns on: send less context (a smaller diff_budget or narrower review_paths) or a model with standard context.'
  }
}

/**
 * The API never answered: connection retries with no HTTP status (`system/api_retry` with
 * `error_status: null`), or the CLI's "Connection refused"-like text with no `api_error_status`.
 */
function unreachableApi(
  run: RunResult,
  text: string,
  status: number | null | undefined
): Outcome | undefined {
  if (typeof status === 'number') return undefined
  const apiError = (run.result as { api_error?: unknown } | undefined)?.api_error
  const refused =
    apiError === 'connection_failed' ||
    /Connection (refused|error)|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|fetch failed|Unable to connect/i.test(
      text
    )
  const onlyConnectionRetries =
    run.retries.length > 0 && run.retries.every(why => why === 'unknown' || /connect/i.test(why))
  if (!refused && !(run.timedOut && onlyConnectionRetries && !run.result)) return undefined
  const code = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(text)?.[1]
  const tries = `${run.retries.length} ${run.retries.length === 1 ? 'retry' : 'retries'}`
  return {
    kind: 'api-error',
    message: `Claude Code could not reach the API: ${tries}, no HTTP status${code ? ` (${code})` : ''}. Check the runner's network, proxy (HTTPS_PROXY) and ANTHROPIC_BASE_URL, then run it again.`
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

/** How far behind the clock a printed time of day may be and still mean this moment. */
const JUST_PASSED_MS = 5 * 60_000

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * The CLI's text form of a reset time as epoch ms: `resets 1:12am (UTC)` (the next such moment
 * after `now`, or one up to 5 minutes behind it), or, more than a day away, `resets Dec 5, 2:32pm (UTC)` with the year added when it
 * is not this one (`Dec 5, 2027, 2:32pm`; without a year, the next such date). Only UTC times are
 * read: any other zone cannot be placed without the runner's zone database.
 */
export function resetFromText(text: string, now: number): number | undefined {
  const m =
    /resets\s+(?:([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?,?\s+(?:at\s+)?)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)\s*\(UTC\)/i.exec(
      text
    )
  if (!m) return undefined
  let hour = Number(m[4]) % 12
  if ((m[6] as string).toLowerCase() === 'pm') hour += 12
  const minute = Number(m[5] ?? 0)
  const d = new Date(now)
  if (m[1] === undefined) {
    let at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute)
    // The CLI prints whole minutes, so a reset that is just passing reads a little behind the
    // clock: that is now, not the same time tomorrow.
    if (at < now - JUST_PASSED_MS) at += 86_400_000
    return at
  }
  const month = MONTHS.indexOf(m[1].toLowerCase())
  if (month < 0) return undefined
  const day = Number(m[2])
  const on = (year: number): number => Date.UTC(year, month, day, hour, minute)
  if (m[3] !== undefined) return on(Number(m[3]))
  const year = d.getUTCFullYear()
  // A date more than a day behind the clock is next year's (a December run, a January reset).
  return on(year) < now - 86_400_000 ? on(year + 1) : on(year)
}
