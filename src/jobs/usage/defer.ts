/**
 * `on_usage_limit: defer`: a review or triage job, or a command, the subscription's usage stopped
 * (the limit, or a `usage_ceiling` skip) queues its pull request or issue for the first run after
 * the reset: the label `claude-deferred` (created when missing) and one notice by the action
 * (updated in place on a later deferral, its queue added to while the label waits; see queue.ts). The job still ends `skipped`, never a failure. Every write goes through the
 * GitHub seam: the outbound guard checks it, and dry_run only describes it.
 */
import * as core from '@actions/core'
import type { GitHubApi } from '../../github/api.js'
import { SecretLeakError } from '../../known-secrets.js'
import { iso } from '../../time.js'
import type { JobResult, PreContext, WorkItem } from '../context.js'
import { ensureLabel } from '../labels.js'
import { DEFERRED_LABEL, deferNotice, dueTime, ownNotice } from './deferred.js'
import { AUTO, mergeQueues, queueOf } from './queue.js'

/**
 * Defers `item` until `resetsAt` (epoch ms; unknown: the shortest window from now): writes or
 * updates the action's notice, then adds the label (the label is what a later run looks for, so it
 * comes last: a labelled item always has its notice). Returns the due time. `item.queue` says what
 * waits (default: the item's own job). `why` says what stopped the job, in the notice.
 */
export async function deferItem(
  ctx: { github: GitHubApi; now: () => number },
  item: WorkItem,
  resetsAt: number | undefined,
  why = 'usage limit reached'
): Promise<number> {
  const { github } = ctx
  const now = ctx.now()
  const existing = ownNotice(await github.listIssueComments(item.number), await github.whoami())
  // Still labelled: the notice's queue waits too, and this deferral adds to it. Unlabelled, the
  // notice is an old one whose queue was taken up (or cancelled): this deferral replaces it.
  const waiting =
    existing !== undefined &&
    (await github.getIssue(item.number)).labels.some(l => l.toLowerCase() === DEFERRED_LABEL.name)
  const queue = waiting
    ? mergeQueues(queueOf(existing.body), item.queue ?? AUTO)
    : (item.queue ?? AUTO)
  const body = deferNotice({ ...item, queue }, { why, resetsAt, now })
  if (existing) await github.updateIssueComment(existing.id, body)
  else await github.createIssueComment(item.number, body)
  await ensureLabel(github, DEFERRED_LABEL)
  await github.addLabels(item.number, [DEFERRED_LABEL.name])
  return dueTime(resetsAt, now)
}

/**
 * The end of a job with an item: under `on_usage_limit: defer`, a skip at the usage (the limit or
 * the ceiling) defers the item and says so in the skip reason. A deferral that cannot be written
 * is a warning: the job stays skipped.
 */
export async function deferOnUsageStop(
  pre: Pick<PreContext, 'inputs' | 'github' | 'now'>,
  item: WorkItem | undefined,
  result: JobResult
): Promise<JobResult> {
  if (result.conclusion !== 'skipped' || !result.usageLimit || !item) return result
  if (pre.inputs.on_usage_limit !== 'defer') return result
  try {
    const due = await deferItem(pre, item, result.usageLimit.resetsAt, result.reason)
    const reason = `${result.reason}; deferred to the first run after ${iso(due)} (label ${DEFERRED_LABEL.name} on #${item.number})`
    core.info(`Deferred #${item.number}: ${reason}.`)
    return { ...result, reason, deferred: { until: due, why: result.reason } }
  } catch (err) {
    if (err instanceof SecretLeakError) throw err
    core.warning(
      `Could not defer #${item.number} (label ${DEFERRED_LABEL.name} and notice): ${(err as Error).message}`
    )
    return result
  }
}
