/**
 * The bench's report of the usage ceiling probe (scripts/bench/probe.ts): the added time is the
 * median of paired differences (each review with the probe against the one without it just
 * before), and the bytes compare the probe with the review it guards.
 */
import { describe, expect, it } from '@jest/globals'
import { probeSummary, renderProbe, type ProbeFigures } from '../../scripts/bench/probe.js'

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
const table = (head: string[], rows: string[][]): string =>
  [head, ...rows].map(r => `| ${r.join(' | ')} |`).join('\n')

const calls = (count: number, bytes: number) => ({
  count,
  bytes,
  parts: { system: bytes - 100, tools: 0, messages: 100 },
  tokens: '{"input":12}'
})

const figures: ProbeFigures = {
  runs: 3,
  // Paired differences 400, 300 and 2000 (one slow run): the median is 400.
  reviewWall: [2000, 2100, 1000],
  withProbeWall: [2400, 2400, 3000],
  skipWall: [900, 800, 1000],
  probe: calls(1, 30_000),
  review: calls(1, 40_000),
  withProbe: calls(2, 70_000)
}

describe('the probe section of the bench', () => {
  it('gives the paired median, the share of the review, and the bytes against the review', () => {
    const text = renderProbe(figures, table, median)
    expect(text).toContain('### Cost of the usage ceiling probe: 3 runs of each')
    expect(text).toContain(
      'The probe adds 400 ms to a review (median of the paired differences), 20 %'
    )
    expect(text).toContain("sends 30,000 B in 1 call against the review's 40,000 B in 1 (75 %)")
    expect(text).toContain('about 7,500 input tokens')
    expect(text).toContain(
      '| ceiling skip (the probe alone) | 900 ms (800 ms – 1000 ms) | 1 | 30,000 B |'
    )
    expect(probeSummary(figures, median)).toBe(
      "- The usage ceiling's probe (`usage_ceiling`): 400 ms added to a review, and 30,000 B sent to the model in 1 call (75 % of what the review itself sends)."
    )
    expect(text).toContain("waits for GitHub's request pacing")
  })

  it('says so when the probe hid inside the pacing wait, and gives its time alone', () => {
    const hidden = { ...figures, withProbeWall: [2005, 2090, 1010] }
    expect(renderProbe(hidden, table, median)).toContain(
      'The probe adds no measurable time to a review here (median of the paired differences: 5 ms; the last sentence says why), and sends 30,000 B in 1 call'
    )
    expect(probeSummary(hidden, median)).toBe(
      "- The usage ceiling's probe (`usage_ceiling`): no time measurable on top of a review here (it runs while the step waits for GitHub's request pacing; alone, as a step, 900 ms), and 30,000 B sent to the model in 1 call (75 % of what the review itself sends)."
    )
  })
})
