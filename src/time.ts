/**
 * Time as the action reads and writes it: durations as the inputs write them (`90s`, `30m`, `8h`,
 * `7d`; a bare number is minutes) and as a person reads them, and ISO 8601 dates for the outputs.
 */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000
}

/**
 * Parses a duration such as `30m` into milliseconds.
 * @throws Error naming the bad value and the expected form.
 */
export function parseDuration(value: string, name = 'duration'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/i.exec(value)
  if (!m) {
    throw new Error(
      `${name} "${value}" is not a duration: use a number and a unit, such as 90s, 30m, 8h or 7d.`
    )
  }
  const unit = (m[2] ?? 'm').toLowerCase()
  return Math.round(Number(m[1]) * (UNIT_MS[unit] as number))
}

/** Formats a span of milliseconds the way a person reads it: `3d 4h`, `45m`, `20s`. */
export function formatSpan(ms: number): string {
  const sign = ms < 0 ? '-' : ''
  let rest = Math.abs(ms)
  const d = Math.floor(rest / 86_400_000)
  rest -= d * 86_400_000
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const s = Math.floor(rest / 1000)
  if (d > 0) return `${sign}${d}d ${h}h`
  if (h > 0) return `${sign}${h}h ${m}m`
  if (m > 0) return `${sign}${m}m`
  return `${sign}${s}s`
}

/** A duration as the inputs write it: `30m`, `3h`, `1d` (formatSpan without a zero last part). */
export function inputSpan(ms: number): string {
  return formatSpan(ms).replace(/ 0[dhms]$/, '')
}

/** The time left until `ms` in words: `5h 57m`, or `expired 1h 2m ago` (never a negative span). */
export function timeLeft(ms: number, now: number): string {
  return ms > now ? formatSpan(ms - now) : `expired ${formatSpan(now - ms)} ago`
}

/** ISO 8601 for an epoch-ms time. */
export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** Hours from now until `ms`, one decimal, as the `expires_in_hours` output. */
export function hoursUntil(ms: number | undefined, now: number): string {
  if (ms === undefined) return ''
  return ((ms - now) / 3_600_000).toFixed(1)
}
