import { describe, expect, it } from '@jest/globals'
import { parseEventLine } from '../../src/claude/events.js'
import { sumTokens, tokensOf, usageOf } from '../../src/claude/usage.js'

// The rate_limit_info the real CLI 2.1.332 emitted against the mock (see docs/usage.md).
const allowed = {
  status: 'allowed',
  resetsAt: 1796145015,
  rateLimitType: 'five_hour',
  overageStatus: 'rejected',
  overageDisabledReason: 'org_level_disabled',
  isUsingOverage: false,
  unifiedWindows: {
    five_hour: { utilization: 0.73, resetsAt: 1796145015, status: 'allowed' },
    seven_day: { utilization: 0.2, resetsAt: 1796663415, status: 'allowed' }
  }
}

describe('usageOf', () => {
  it('at allowed takes the utilization from the window rateLimitType names', () => {
    expect(usageOf(allowed)).toEqual({
      status: 'allowed',
      type: 'five_hour',
      utilization: 0.73,
      resetsAt: 1796145015_000,
      overage: false
    })
  })

  it('prefers the top-level utilization (allowed_warning)', () => {
    expect(usageOf({ ...allowed, status: 'allowed_warning', utilization: 0.85 })).toMatchObject({
      status: 'allowed_warning',
      utilization: 0.85
    })
  })

  it('follows rateLimitType to the weekly window, its reset too when none is at the top', () => {
    const { resetsAt: _drop, ...noReset } = allowed
    expect(usageOf({ ...noReset, rateLimitType: 'seven_day' })).toMatchObject({
      type: 'seven_day',
      utilization: 0.2,
      resetsAt: 1796663415_000
    })
  })

  it('reads overage from overageStatus when isUsingOverage is missing', () => {
    expect(usageOf({ status: 'allowed', overageStatus: 'allowed' }).overage).toBe(true)
    expect(usageOf({ status: 'allowed' }).overage).toBeUndefined()
  })

  it('leaves out whatever is missing or of another form', () => {
    expect(usageOf(undefined)).toEqual({})
    expect(usageOf({ status: 7, utilization: 'high', unifiedWindows: 'x' })).toEqual({})
    expect(usageOf({ rateLimitType: 'five_hour', unifiedWindows: { five_hour: null } })).toEqual({
      type: 'five_hour'
    })
  })

  it('a changed field never drops the event', () => {
    const line = JSON.stringify({
      type: 'rate_limit_event',
      rate_limit_info: { ...allowed, utilization: 'n/a', unifiedWindows: { five_hour: 3 } }
    })
    const event = parseEventLine(line) as { rate_limit_info?: unknown }
    expect(usageOf(event.rate_limit_info)).toMatchObject({ status: 'allowed', type: 'five_hour' })
  })
})

describe('tokensOf / sumTokens', () => {
  const usage = {
    input_tokens: 12,
    cache_creation_input_tokens: 3,
    cache_read_input_tokens: 40,
    output_tokens: 8,
    service_tier: 'standard'
  }

  it('reads the result usage', () => {
    expect(tokensOf(usage)).toEqual({ input: 12, output: 8, cache_read: 40, cache_creation: 3 })
  })

  it('is undefined when no count is reported', () => {
    expect(tokensOf(undefined)).toBeUndefined()
    expect(tokensOf({ service_tier: 'standard' })).toBeUndefined()
  })

  it('sums several runs, skipping the ones that reported none', () => {
    const t = tokensOf(usage)
    expect(sumTokens([t, undefined, t])).toEqual({
      input: 24,
      output: 16,
      cache_read: 80,
      cache_creation: 6
    })
    expect(sumTokens([undefined])).toBeUndefined()
  })

  it('a result whose usage changed form still parses', () => {
    const line = JSON.stringify({ type: 'result', subtype: 'success', is_error: false, usage: 5 })
    expect(parseEventLine(line)).toMatchObject({ type: 'result', subtype: 'success' })
  })
})
