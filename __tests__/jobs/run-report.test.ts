import { describe, expect, it } from '@jest/globals'
import type { ClaudeRun } from '../../src/claude/runner.js'
import { sumRuns } from '../../src/jobs/run-report.js'

function run(extra: Partial<ClaudeRun>): ClaudeRun {
  return {
    outcome: { kind: 'success' },
    raw: {} as ClaudeRun['raw'],
    result: '',
    durationMs: 100,
    ...extra
  } as ClaudeRun
}

describe('sumRuns (triage backfill: several runs in one job)', () => {
  it('sums the tokens and keeps the latest usage report', () => {
    const t = { input: 10, output: 2, cache_read: 30, cache_creation: 4 }
    const first = { status: 'allowed', type: 'five_hour', utilization: 0.5 }
    const last = { status: 'allowed_warning', type: 'five_hour', utilization: 0.8 }
    const summed = sumRuns([
      run({ tokens: t, usage: first }),
      run({ tokens: t, usage: last }),
      run({})
    ])
    expect(summed?.tokens).toEqual({ input: 20, output: 4, cache_read: 60, cache_creation: 8 })
    expect(summed?.usage).toEqual(last)
    expect(summed?.durationMs).toBe(300)
  })

  it('leaves tokens and usage out when no run reported them', () => {
    const summed = sumRuns([run({}), run({})])
    expect(summed?.tokens).toBeUndefined()
    expect(summed?.usage).toBeUndefined()
  })
})
