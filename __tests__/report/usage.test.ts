import { describe, expect, it } from '@jest/globals'
import { tokensJson, tokensSentence, usageJson, usageSentence } from '../../src/report/usage.js'

const now = Date.parse('2026-12-01T10:00:00Z')
const at14 = Date.parse('2026-12-01T14:00:00Z')

describe('usageSentence', () => {
  it('words the 5-hour window', () => {
    expect(
      usageSentence(
        { status: 'allowed', type: 'five_hour', utilization: 0.73, resetsAt: at14 },
        now
      )
    ).toBe('5-hour window: 73 % used, resets 14:00 UTC')
  })

  it('words the weekly window with the date when the reset is more than a day away', () => {
    const u = {
      status: 'allowed',
      type: 'seven_day',
      utilization: 0.2,
      resetsAt: Date.parse('2026-12-05T14:32:00Z')
    }
    expect(usageSentence(u, now)).toBe('Weekly window: 20 % used, resets Dec 5, 14:32 UTC')
  })

  it('says when the limit is near or reached, and when extra usage is spent', () => {
    expect(
      usageSentence({ status: 'allowed_warning', type: 'five_hour', utilization: 0.85 }, now)
    ).toBe('5-hour window: 85 % used, nearing its limit')
    expect(usageSentence({ status: 'rejected', type: 'five_hour', resetsAt: at14 }, now)).toBe(
      '5-hour window: limit reached, resets 14:00 UTC'
    )
    expect(usageSentence({ status: 'allowed', resetsAt: at14, overage: true }, now)).toBe(
      'Usage: allowed, resets 14:00 UTC, using extra usage'
    )
  })

  it('is undefined when the CLI reported nothing', () => {
    expect(usageSentence(undefined, now)).toBeUndefined()
    expect(usageSentence({}, now)).toBeUndefined()
    // What the CLI emits when the API sent no rate-limit header at all.
    expect(usageSentence({ status: 'allowed', overage: false }, now)).toBeUndefined()
  })
})

describe('usage and tokens outputs', () => {
  it('usage: every field, null where unknown; empty when nothing was reported', () => {
    expect(
      JSON.parse(
        usageJson({
          status: 'allowed',
          type: 'five_hour',
          utilization: 0.73,
          resetsAt: at14,
          overage: false
        })
      )
    ).toEqual({
      status: 'allowed',
      type: 'five_hour',
      utilization: 0.73,
      resets_at: '2026-12-01T14:00:00.000Z',
      overage: false
    })
    expect(JSON.parse(usageJson({ status: 'rejected', resetsAt: at14 }))).toMatchObject({
      type: null,
      utilization: null
    })
    expect(usageJson({ status: 'allowed', overage: false })).toBe('')
    expect(usageJson(undefined)).toBe('')
    expect(usageJson({})).toBe('')
  })

  it('tokens: the counts, or empty', () => {
    const t = { input: 1234, output: 56, cache_read: 7890, cache_creation: 0 }
    expect(JSON.parse(tokensJson(t))).toEqual(t)
    expect(tokensJson(undefined)).toBe('')
    expect(tokensSentence(t)).toBe('1,234 in, 56 out, 7,890 cache read, 0 cache write')
  })
})
