/**
 * The usage ceiling's decision (pure) and its probe over a fake ClaudeRunner: at or above the
 * ceiling a skip naming the figure, the window and the reset; below it, or with no utilization
 * reported, the job runs; an auth failure of the probe fails as auth failures do.
 */
import { describe, expect, it } from '@jest/globals'
import type { Outcome } from '../../../src/claude/classify.js'
import type { ClaudeRun, ClaudeRunOptions, ClaudeRunner } from '../../../src/claude/runner.js'
import type { UsageState } from '../../../src/claude/usage.js'
import { getInputs } from '../../../src/inputs.js'
import { ceilingDecision, checkUsageCeiling } from '../../../src/jobs/usage/ceiling.js'
import { Outputs } from '../../../src/report/outputs.js'
import { Summary } from '../../../src/report/summary.js'

const RESET = Date.parse('2026-12-01T17:00:00.000Z')

describe('ceilingDecision', () => {
  it('at or above the ceiling: skip with the figure, the window and the reset', () => {
    const usage = { type: 'five_hour', utilization: 0.85, resetsAt: RESET }
    expect(ceilingDecision(0.8, usage)).toEqual({
      skip: '5-hour window at 85 % (usage_ceiling 80 %); resets 2026-12-01T17:00:00.000Z'
    })
    expect(ceilingDecision(0.8, { type: 'seven_day', utilization: 0.8 })).toEqual({
      skip: 'weekly window at 80 % (usage_ceiling 80 %)'
    })
  })

  it('below the ceiling, or no utilization reported: go on, saying which', () => {
    expect(ceilingDecision(0.8, { type: 'five_hour', utilization: 0.5 })).toEqual({
      go: 'Usage ceiling: 5-hour window at 50 % (usage_ceiling 80 %); the job runs.'
    })
    expect(ceilingDecision(0.8, { status: 'allowed' })).toEqual({
      go: 'Usage ceiling: the probe reported no utilization; the job runs (usage_ceiling 80 %).'
    })
    expect(ceilingDecision(1, undefined)).toHaveProperty('go')
  })
})

/** A runner that answers every run with `outcome` and `usage`, and records what it was asked. */
function fakeRunner(
  outcome: Outcome,
  usage?: UsageState
): ClaudeRunner & { asked: ClaudeRunOptions[] } {
  const asked: ClaudeRunOptions[] = []
  return {
    asked,
    async run(opts) {
      asked.push(opts)
      return { outcome, raw: {} as ClaudeRun['raw'], result: 'ok', durationMs: 5, usage }
    }
  }
}

function pre(ceiling: string) {
  const inputs = getInputs(name => ({ mode: 'review', usage_ceiling: ceiling })[name] ?? '')
  return { inputs, outputs: new Outputs(), summary: new Summary() }
}

describe('checkUsageCeiling', () => {
  it('no ceiling: no probe, the job runs', async () => {
    const runner = fakeRunner({ kind: 'success' })
    await expect(checkUsageCeiling(pre(''), runner, 'review')).resolves.toBeUndefined()
    expect(runner.asked).toHaveLength(0)
  })

  it('at the ceiling: one probe with the cheapest model, one turn, no tools, in the job sandbox; skipped', async () => {
    const runner = fakeRunner(
      { kind: 'success' },
      { type: 'five_hour', utilization: 0.9, resetsAt: RESET }
    )
    const p = pre('0.8')
    const result = await checkUsageCeiling(p, runner, 'triage')
    expect(result).toEqual({
      conclusion: 'skipped',
      reason: '5-hour window at 90 % (usage_ceiling 80 %); resets 2026-12-01T17:00:00.000Z',
      // The reset, for on_usage_limit: defer.
      usageLimit: { resetsAt: RESET }
    })
    expect(runner.asked).toEqual([
      expect.objectContaining({ kind: 'triage', model: 'claude-haiku-4-5', maxTurns: 1, tools: [] })
    ])
    expect(JSON.parse(p.outputs.values.usage ?? '')).toMatchObject({ utilization: 0.9 })
  })

  it('below the ceiling: the job runs', async () => {
    const runner = fakeRunner({ kind: 'success' }, { type: 'five_hour', utilization: 0.79 })
    await expect(checkUsageCeiling(pre('0.8'), runner, 'review')).resolves.toBeUndefined()
  })

  it('an auth failure of the probe fails as auth failures do; another failure lets the job run', async () => {
    const auth = fakeRunner({ kind: 'auth', message: 'The login was refused.' })
    await expect(checkUsageCeiling(pre('0.8'), auth, 'review')).resolves.toEqual({
      conclusion: 'failure',
      message: 'The login was refused.',
      auth: true
    })
    const api = fakeRunner({ kind: 'api-error', message: 'API answered 500.' })
    await expect(checkUsageCeiling(pre('0.8'), api, 'review')).resolves.toBeUndefined()
  })
})

describe('usage_ceiling input', () => {
  it('a fraction in (0, 1]; anything else is one sentence', () => {
    expect(pre('0.8').inputs.usage_ceiling).toBe(0.8)
    expect(pre('1').inputs.usage_ceiling).toBe(1)
    expect(pre('').inputs.usage_ceiling).toBeUndefined()
    for (const bad of ['0', '80', '-0.1', 'high']) {
      expect(() => pre(bad)).toThrow(
        `usage_ceiling "${bad}" must be a fraction above 0 and at most 1`
      )
    }
  })
})
