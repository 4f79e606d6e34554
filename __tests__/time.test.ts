import { describe, expect, it } from '@jest/globals'
import { formatSpan, inputSpan, parseDuration, timeLeft } from '../src/time.js'

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['8h', 28_800_000],
    ['7d', 604_800_000],
    ['1.5h', 5_400_000],
    ['45', 2_700_000]
  ])('%s', (input, ms) => {
    expect(parseDuration(input)).toBe(ms)
  })

  it('names the bad value and the expected form', () => {
    expect(() => parseDuration('soon', 'min_validity')).toThrow(
      'min_validity "soon" is not a duration: use a number and a unit, such as 90s, 30m, 8h or 7d.'
    )
  })
})

describe('formatSpan', () => {
  it('reads like a person writes it', () => {
    expect(formatSpan(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h')
    expect(formatSpan(45 * 60_000)).toBe('45m')
    expect(formatSpan(-2 * 3_600_000)).toBe('-2h 0m')
  })
})

describe('inputSpan', () => {
  it('writes a duration as the inputs do, without a zero last part', () => {
    expect([30 * 60_000, 3 * 3_600_000, 86_400_000, 5.5 * 3_600_000].map(inputSpan)).toEqual([
      '30m',
      '3h',
      '1d',
      '5h 30m'
    ])
  })
})

describe('timeLeft', () => {
  it('is a span ahead, and "expired … ago" once past, never negative', () => {
    expect(timeLeft(10_000 + 3_600_000 + 120_000, 10_000)).toBe('1h 2m')
    expect(timeLeft(10_000, 10_000 + 3_600_000 + 120_000)).toBe('expired 1h 2m ago')
  })
})
