/**
 * The subscription's usage in the outputs (`usage`, `tokens`) and in words for the job summary:
 * "5-hour window: 73 % used, resets 14:00 UTC".
 */
import { sumTokens, type Tokens, type UsageState } from '../claude/usage.js'
import { iso } from '../time.js'
import type { Outputs } from './outputs.js'

const WINDOWS: Record<string, string> = {
  five_hour: '5-hour window',
  seven_day: 'weekly window',
  seven_day_opus: 'weekly Opus window',
  seven_day_sonnet: 'weekly Sonnet window',
  overage: 'extra usage'
}

const DAY_MS = 86_400_000

/**
 * Whether the CLI reported a figure. Without any rate-limit header it still emits
 * `{status:"allowed", isUsingOverage:false}` (measured): that is no report of the allowance.
 */
function reported(u: UsageState | undefined): u is UsageState {
  return (
    u !== undefined &&
    (u.type !== undefined || u.utilization !== undefined || u.resetsAt !== undefined)
  )
}

/** The `usage` output: empty when the CLI reported nothing. */
export function usageJson(u: UsageState | undefined): string {
  if (!reported(u)) return ''
  return JSON.stringify({
    status: u.status ?? null,
    type: u.type ?? null,
    utilization: u.utilization ?? null,
    resets_at: u.resetsAt !== undefined ? iso(u.resetsAt) : null,
    overage: u.overage ?? null
  })
}

/** The `tokens` output: empty when the CLI reported none. */
export function tokensJson(t: Tokens | undefined): string {
  return t ? JSON.stringify(t) : ''
}

/** What the step has spent and seen so far, per Outputs (one per step). */
const seen = new WeakMap<Outputs, { tokens?: Tokens; usage?: UsageState }>()

/**
 * Sets the `usage` and `tokens` outputs after a run. Every run of the step is spent from the same
 * allowance (the usage_ceiling probe, the job, deferred items taken up), so `tokens` is their sum
 * and `usage` the latest report: outputs kept back pass them on to their `usageSink`.
 */
export function setUsageOutputs(given: Outputs, u?: UsageState, t?: Tokens): void {
  const outputs = given.usageSink()
  const before = seen.get(outputs) ?? {}
  const tokens = sumTokens([before.tokens, t])
  const usage = reported(u) ? u : before.usage
  seen.set(outputs, { ...(tokens ? { tokens } : {}), ...(usage ? { usage } : {}) })
  outputs.set('usage', usageJson(usage))
  outputs.set('tokens', tokensJson(tokens))
}

/** A `rateLimitType` in words: "5-hour window", "weekly window"; "usage" when none was named. */
export function windowName(type: string | undefined): string {
  return type !== undefined ? (WINDOWS[type] ?? `${type} window`) : 'usage'
}

/** The usage in words; undefined when the CLI reported nothing. */
export function usageSentence(u: UsageState | undefined, now: number): string | undefined {
  if (!reported(u)) return undefined
  const window = windowName(u.type)
  const parts: string[] = []
  if (u.utilization !== undefined) parts.push(`${Math.round(u.utilization * 100)} % used`)
  if (u.status === 'rejected') parts.push('limit reached')
  else if (u.status === 'allowed_warning') parts.push('nearing its limit')
  else if (u.utilization === undefined && u.status !== undefined) parts.push(u.status)
  if (u.resetsAt !== undefined) parts.push(`resets ${resetTime(u.resetsAt, now)}`)
  if (u.overage) parts.push('using extra usage')
  const capital = window.charAt(0).toUpperCase() + window.slice(1)
  return `${capital}: ${parts.join(', ')}`
}

/** "14:00 UTC" within a day, "Dec 5, 14:00 UTC" further away. */
export function resetTime(at: number, now: number): string {
  const d = new Date(at)
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
  if (at - now < DAY_MS) return time
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })
  return `${month} ${d.getUTCDate()}, ${time}`
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** A token count in words: "1,234 in, 56 out, 7,890 cache read, 0 cache write". */
export function tokensSentence(t: Tokens | undefined): string | undefined {
  if (!t) return undefined
  const n = (v: number): string => v.toLocaleString('en-US')
  return `${n(t.input)} in, ${n(t.output)} out, ${n(t.cache_read)} cache read, ${n(t.cache_creation)} cache write`
}
