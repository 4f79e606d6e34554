/** The shared endings of a job: one usage-limit ending for prompt, review and triage. */
import { describe, expect, it } from '@jest/globals'
import type { Outcome } from '../../src/claude/classify.js'
import { getInputs } from '../../src/inputs.js'
import { outcomeResult, usageLimitResult } from '../../src/jobs/outcome.js'

const RESETS_AT = Date.UTC(2026, 5, 1, 17, 0, 0)
const limit: Extract<Outcome, { kind: 'usage-limit' }> = {
  kind: 'usage-limit',
  message: "The subscription's usage limit is reached.",
  resetsAt: RESETS_AT
}
const ctxOf = (onUsageLimit: string) => ({
  inputs: getInputs(name => ({ mode: 'prompt', on_usage_limit: onUsageLimit })[name] ?? '')
})

describe('usageLimitResult', () => {
  it('one run: fails with the CLI message and the hint, or skips with the reset time', () => {
    expect(usageLimitResult(ctxOf('fail'), limit)).toEqual({
      conclusion: 'failure',
      message:
        "The subscription's usage limit is reached. Set on_usage_limit: skip to skip instead of failing."
    })
    expect(usageLimitResult(ctxOf('skip'), limit)).toEqual({
      conclusion: 'skipped',
      reason: 'usage limit reached; resets at 2026-06-01T17:00:00.000Z',
      usageLimit: { resetsAt: RESETS_AT }
    })
    // defer ends the same way: the job's item is deferred by the caller, which knows it.
    expect(usageLimitResult(ctxOf('defer'), limit)).toEqual(usageLimitResult(ctxOf('skip'), limit))
  })

  it('paid extra usage: the skip says what it was and the fix, not "usage limit reached"', () => {
    const extra: Extract<Outcome, { kind: 'usage-limit' }> = {
      kind: 'usage-limit',
      extraUsage: true,
      message:
        'The request needed paid extra usage (a long-context request), which the action never turns on.'
    }
    expect(usageLimitResult(ctxOf('skip'), extra)).toEqual({
      conclusion: 'skipped',
      reason: 'paid extra usage required (never turned on: send less context)'
    })
    expect(usageLimitResult(ctxOf('fail'), extra)).toMatchObject({
      conclusion: 'failure',
      message: expect.stringContaining('paid extra usage')
    })
  })

  it('a job over several issues says how far it got', () => {
    const progress = 'after 2 of 5 issues; 3 left'
    expect(usageLimitResult(ctxOf('skip'), limit, progress)).toEqual({
      conclusion: 'skipped',
      reason:
        'usage limit reached after 2 of 5 issues; 3 left (resets at 2026-06-01T17:00:00.000Z)',
      usageLimit: { resetsAt: RESETS_AT }
    })
    const { resetsAt: _r, ...noReset } = limit
    expect(usageLimitResult(ctxOf('fail'), noReset, progress)).toEqual({
      conclusion: 'failure',
      message:
        "The subscription's usage limit was reached after 2 of 5 issues; 3 left. Set on_usage_limit: skip to skip instead of failing."
    })
  })
})

describe('outcomeResult', () => {
  it('success, usage limit, auth (marked) and any other failure', () => {
    const ctx = ctxOf('skip')
    expect(outcomeResult(ctx, { kind: 'success' })).toEqual({ conclusion: 'success' })
    expect(outcomeResult(ctx, limit).conclusion).toBe('skipped')
    expect(outcomeResult(ctx, { kind: 'auth', message: 'The login was refused.' })).toEqual({
      conclusion: 'failure',
      message: 'The login was refused.',
      auth: true
    })
    expect(outcomeResult(ctx, { kind: 'timeout', message: 'Timed out.' })).toEqual({
      conclusion: 'failure',
      message: 'Timed out.'
    })
  })
})
