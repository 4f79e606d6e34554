/**
 * The subscription's usage as the CLI reports it: its `rate_limit_event` (status, window,
 * utilization, reset, overage) and a result's token counts, read from untrusted JSON field by field.
 * No zod here: run-report (on main's start path) imports this module.
 */

/** A `resetsAt` in seconds or milliseconds, as epoch ms. */
export function resetsAtMs(value: number | null | undefined): number | undefined {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0)
    return undefined
  return value < 100_000_000_000 ? value * 1000 : value
}

/** The usage state of the last `rate_limit_event`; each field only when the CLI reported it. */
export interface UsageState {
  status?: string
  /** The window the status is about: `five_hour`, `seven_day`, … (`rateLimitType`). */
  type?: string
  /** 0..1 of the window used. */
  utilization?: number
  /** Epoch ms. */
  resetsAt?: number
  overage?: boolean
}

/** A run's token counts. */
export interface Tokens {
  input: number
  output: number
  cache_read: number
  cache_creation: number
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/**
 * Reads a `rate_limit_info`. At `allowed` the CLI puts the utilization only in `unifiedWindows`; the
 * top-level one (sent with `allowed_warning`) wins, else the window `rateLimitType` names is used.
 */
export function usageOf(info: unknown): UsageState {
  const i = obj(info) ?? {}
  const type = str(i.rateLimitType)
  const window = type !== undefined ? obj(obj(i.unifiedWindows)?.[type]) : undefined
  const utilization = num(i.utilization) ?? num(window?.utilization)
  const resetsAt = resetsAtMs(num(i.resetsAt) ?? num(window?.resetsAt))
  const status = str(i.status)
  const overage =
    typeof i.isUsingOverage === 'boolean'
      ? i.isUsingOverage
      : i.overageStatus !== undefined
        ? i.overageStatus === 'allowed' || i.overageStatus === 'allowed_warning'
        : undefined
  return {
    ...(status !== undefined ? { status } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(utilization !== undefined ? { utilization } : {}),
    ...(resetsAt !== undefined ? { resetsAt } : {}),
    ...(overage !== undefined ? { overage } : {})
  }
}

/** A result's `usage` as token counts; undefined when the CLI reported none. */
export function tokensOf(usage: unknown): Tokens | undefined {
  const u = obj(usage)
  if (!u) return undefined
  const input = num(u.input_tokens)
  const output = num(u.output_tokens)
  if (input === undefined && output === undefined) return undefined
  return {
    input: input ?? 0,
    output: output ?? 0,
    cache_read: num(u.cache_read_input_tokens) ?? 0,
    cache_creation: num(u.cache_creation_input_tokens) ?? 0
  }
}

/** Several runs' token counts summed; undefined when none reported any. */
export function sumTokens(all: ReadonlyArray<Tokens | undefined>): Tokens | undefined {
  const known = all.filter((t): t is Tokens => t !== undefined)
  if (known.length === 0) return undefined
  return known.reduce((a, t) => ({
    input: a.input + t.input,
    output: a.output + t.output,
    cache_read: a.cache_read + t.cache_read,
    cache_creation: a.cache_creation + t.cache_creation
  }))
}
