/**
 * The shared endings of a job: how a CLI outcome that is not a success ends the step. Every job
 * that runs the CLI (prompt, review, triage) ends through here, so `on_usage_limit` means the same
 * thing everywhere.
 */
import type { Outcome } from '../claude/classify.js'
import type { JobContext, JobResult } from './context.js'

type UsageLimit = Extract<Outcome, { kind: 'usage-limit' }>

const SKIP_HINT = 'Set on_usage_limit: skip to skip instead of failing.'

/**
 * The end of a job the subscription's usage limit stopped: skipped or failed, as
 * `on_usage_limit` says (`defer` skips too; the item is deferred where the job's item is known, see
 * `jobs/usage/defer.ts`: the skip carries `usageLimit` for it). `progress` is how far a job over several issues got
 * (`after 5 of 20 issues; 25 left`); the reset time is added when the CLI told it.
 */
export function usageLimitResult(
  ctx: Pick<JobContext, 'inputs'>,
  outcome: UsageLimit,
  progress?: string
): JobResult {
  const resets = outcome.resetsAt
    ? `resets at ${new Date(outcome.resetsAt).toISOString()}`
    : undefined
  const skip = ctx.inputs.on_usage_limit !== 'fail'
  // Paid extra usage is not a limit a reset lifts: the skip says what it was, and the fix.
  const what = outcome.extraUsage
    ? 'paid extra usage required (never turned on: send less context)'
    : 'usage limit reached'
  // A reset does not lift paid extra usage: such a job is never deferred (it would only fail again).
  const stop = outcome.extraUsage
    ? {}
    : { usageLimit: outcome.resetsAt !== undefined ? { resetsAt: outcome.resetsAt } : {} }
  if (progress === undefined) {
    return skip
      ? { conclusion: 'skipped', reason: `${what}${resets ? `; ${resets}` : ''}`, ...stop }
      : { conclusion: 'failure', message: `${outcome.message} ${SKIP_HINT}` }
  }
  const counts = `${progress}${resets ? ` (${resets})` : ''}`
  return skip
    ? { conclusion: 'skipped', reason: `${what} ${counts}`, ...stop }
    : {
        conclusion: 'failure',
        message: `The subscription's usage limit was reached ${counts}. ${SKIP_HINT}`
      }
}

/** Turns a CLI outcome into the job's end, honouring on_usage_limit. */
export function outcomeResult(ctx: Pick<JobContext, 'inputs'>, outcome: Outcome): JobResult {
  switch (outcome.kind) {
    case 'success':
      return { conclusion: 'success' }
    case 'usage-limit':
      return usageLimitResult(ctx, outcome)
    case 'auth':
      return { conclusion: 'failure', message: outcome.message, auth: true }
    default:
      return { conclusion: 'failure', message: outcome.message }
  }
}
