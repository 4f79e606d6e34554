/**
 * `usage_ceiling`: before an untrusted job (review, triage, command) runs its model call, one probe
 * (the cheapest model, as health's live check) reads the subscription's utilization; at or above
 * the ceiling the job is skipped with the figure, the window and the reset time, writing nothing.
 */
import * as core from '@actions/core'
import { probe } from '../../claude/probe.js'
import type { ClaudeRunner } from '../../claude/runner.js'
import type { JobKind } from '../../claude/sandbox.js'
import type { UsageState } from '../../claude/usage.js'
import { setUsageOutputs, tokensSentence, usageSentence, windowName } from '../../report/usage.js'
import type { JobResult, PreContext } from '../context.js'
import { usageLimitResult } from '../outcome.js'

/** Skip with this reason, or go on with this line for the log. */
export type CeilingDecision = { skip: string } | { go: string }

const percent = (f: number): string => `${Math.round(f * 100)} %`

/** The decision on what the probe reported: pure. No utilization reported: go on, and say so. */
export function ceilingDecision(ceiling: number, usage: UsageState | undefined): CeilingDecision {
  const limit = `usage_ceiling ${percent(ceiling)}`
  if (usage?.utilization === undefined) {
    return { go: `Usage ceiling: the probe reported no utilization; the job runs (${limit}).` }
  }
  const figure = `${windowName(usage.type)} at ${percent(usage.utilization)} (${limit})`
  if (usage.utilization < ceiling) return { go: `Usage ceiling: ${figure}; the job runs.` }
  const resets =
    usage.resetsAt !== undefined ? `; resets ${new Date(usage.resetsAt).toISOString()}` : ''
  return { skip: `${figure}${resets}` }
}

/**
 * Runs the probe when `usage_ceiling` is set; a JobResult ends the job before its model call
 * (a skip at or above the ceiling, an auth failure, the usage limit itself), undefined lets it run.
 */
export async function checkUsageCeiling(
  pre: Pick<PreContext, 'inputs' | 'outputs' | 'summary'>,
  runner: ClaudeRunner,
  kind: JobKind
): Promise<JobResult | undefined> {
  const ceiling = pre.inputs.usage_ceiling
  if (ceiling === undefined) return undefined
  const run = await probe(runner, {
    kind,
    label: 'Claude Code: usage ceiling probe',
    timeoutMinutes: pre.inputs.timeout_minutes
  })
  setUsageOutputs(pre.outputs, run.usage, run.tokens)
  pre.summary.table(
    [
      ['Probe', run.outcome.kind === 'success' ? 'ok' : run.outcome.kind],
      ['Tokens', tokensSentence(run.tokens) ?? 'not reported'],
      ['Subscription usage', usageSentence(run.usage, Date.now()) ?? 'not reported']
    ],
    ['Usage ceiling', '']
  )
  const outcome = run.outcome
  if (outcome.kind === 'auth')
    return { conclusion: 'failure', message: outcome.message, auth: true }
  if (outcome.kind === 'usage-limit') return usageLimitResult(pre, outcome)
  if (outcome.kind !== 'success') {
    // The job's own call will meet the same problem and report it; the probe only measures.
    core.warning(`Usage ceiling: the probe failed (${outcome.message}); the job runs.`)
    return undefined
  }
  const decision = ceilingDecision(ceiling, run.usage)
  if ('skip' in decision) {
    const resetsAt = run.usage?.resetsAt
    return {
      conclusion: 'skipped',
      reason: decision.skip,
      usageLimit: resetsAt !== undefined ? { resetsAt } : {}
    }
  }
  core.info(decision.go)
  return undefined
}
