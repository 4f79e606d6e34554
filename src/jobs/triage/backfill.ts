/**
 * A backfill (`schedule`/`workflow_dispatch` without an issue): the oldest unlabeled open issues,
 * at most `backfill_limit` per run, one after another. A usage limit or an auth failure stops it
 * with the counts; any other failure is recorded and the next issue is tried.
 */
import * as core from '@actions/core'
import type { GitHubApi } from '../../github/api.js'
import type { ClaudeRun } from '../../claude/runner.js'
import type { JobContext, JobResult } from '../context.js'
import { outcomeResult, usageLimitResult } from '../outcome.js'
import { reportRun, sumRuns } from '../run-report.js'
import { BACKFILL_COUNT_CAP, labelKey, loadRepoContext, type RepoContext } from './context.js'
import { triageIssue, type IssueResult } from './issue.js'
import {
  decidedRow,
  decisionDetails,
  notTriagedRow,
  oneLine,
  progressText,
  renderBackfillSummary
} from './render.js'
import type { TriageSettings } from './settings.js'

/** `backfill_limit` when the workflow does not set it. */
export const DEFAULT_BACKFILL_LIMIT = 20

/** Which issues one backfill run works on. */
interface BackfillPlan {
  /** Issue numbers to triage, oldest first (at most backfill_limit). */
  batch: number[]
  /** Unlabeled open issues found when the run was planned. */
  total: number
  /** The count stopped at BACKFILL_COUNT_CAP: there may be more. */
  capped: boolean
}

/** Plans a backfill from the unlabeled open issues, oldest first; a skip when there is none. */
export async function planBackfill(
  github: GitHubApi,
  limit: number
): Promise<BackfillPlan | { skip: string }> {
  if (limit === 0) return { skip: 'backfill_limit is 0: no unlabeled issue is triaged' }
  const open = await github.listIssues({
    state: 'open',
    sort: 'created',
    direction: 'asc',
    unlabeled: true,
    limit: Math.max(limit, BACKFILL_COUNT_CAP)
  })
  if (open.length === 0) return { skip: 'no unlabeled open issues' }
  return {
    batch: open.slice(0, limit).map(i => i.number),
    total: open.length,
    capped: open.length >= Math.max(limit, BACKFILL_COUNT_CAP)
  }
}

/** What the backfill has done so far. */
interface Tally {
  /** Labels added, by key, in the spelling first added. */
  applied: Map<string, string>
  runs: ClaudeRun[]
  rows: string[]
  decisions: string[]
  failed: string[]
  done: number
}

/** Runs a planned backfill and reports it; the end is the first stop, or any failure. */
export async function backfillJob(
  ctx: JobContext,
  settings: TriageSettings,
  plan: BackfillPlan
): Promise<JobResult> {
  ctx.outputs.set('labels', '[]')
  const repo = await loadRepoContext(ctx.github, settings)
  const tally: Tally = {
    applied: new Map(),
    runs: [],
    rows: [],
    decisions: [],
    failed: [],
    done: 0
  }
  let end: JobResult | undefined
  for (const number of plan.batch) {
    end = await backfillStep(ctx, settings, repo, plan, tally, number)
    if (end) break
  }
  reportBackfill(ctx, plan, tally)

  if (end) {
    ctx.summary.text(
      end.conclusion === 'skipped'
        ? `Stopped: ${end.reason}.`
        : end.conclusion === 'failure'
          ? `Stopped: ${end.message}`
          : ''
    )
    return end
  }
  if (tally.failed.length > 0) {
    return {
      conclusion: 'failure',
      message: `Triage failed for ${tally.failed.length} of ${plan.batch.length} issues (the others were labelled): ${tally.failed.join('; ')}.`
    }
  }
  return { conclusion: 'success' }
}

/** Triages one issue of the batch into the tally; returns the job's end when it must stop. */
async function backfillStep(
  ctx: JobContext,
  settings: TriageSettings,
  repo: RepoContext,
  plan: BackfillPlan,
  tally: Tally,
  number: number
): Promise<JobResult | undefined> {
  const issue = await ctx.github.getIssue(number)
  const result: IssueResult =
    issue.state !== 'open' || issue.labels.length > 0 || issue.isPullRequest
      ? { kind: 'passed', issue, reason: 'labelled or closed since it was listed' }
      : await triageIssue(ctx, settings, repo, issue)
  if (result.kind !== 'passed') tally.runs.push(result.run)

  if (result.kind === 'stopped') {
    const o = result.outcome
    if (o.kind === 'usage-limit') {
      const progress = progressText(tally.done, plan.batch.length, leftText(plan, tally.done))
      return usageLimitResult(ctx, o, progress)
    }
    // Every later run would fail the same way.
    if (o.kind === 'auth') return outcomeResult(ctx, o)
    tally.failed.push(`#${number} (${oneLine(o.message, 120)})`)
    tally.rows.push(notTriagedRow(number, o.message))
    tally.done++
    return undefined
  }
  tally.done++
  if (result.kind === 'passed') {
    tally.rows.push(`| #${number} | none | ${result.reason} |`)
  } else if (result.kind === 'invalid') {
    tally.failed.push(`#${number} (${oneLine(result.error, 120)})`)
    tally.rows.push(notTriagedRow(number, result.error))
  } else {
    for (const l of result.decision.apply) {
      if (!tally.applied.has(labelKey(l.name))) tally.applied.set(labelKey(l.name), l.name)
    }
    tally.rows.push(decidedRow(number, result.decision))
    const details = decisionDetails(number, result.decision)
    if (details) tally.decisions.push(details)
  }
  return undefined
}

/** The backfill's outputs, run report, summary and log line. */
function reportBackfill(ctx: JobContext, plan: BackfillPlan, tally: Tally): void {
  const applied = [...tally.applied.values()]
  ctx.outputs.set('labels', JSON.stringify(applied))
  const summed = sumRuns(tally.runs)
  const n = tally.runs.length
  if (summed) reportRun(ctx, summed, `triage (backfill, ${n} run${n === 1 ? '' : 's'})`)

  const left = leftText(plan, tally.done)
  renderBackfillSummary(ctx.summary, {
    dryRun: ctx.inputs.dry_run,
    limit: ctx.inputs.backfill_limit ?? DEFAULT_BACKFILL_LIMIT,
    done: tally.done,
    total: plan.batch.length,
    left,
    leftCount: plan.total - tally.done,
    failed: tally.failed.length,
    rows: tally.rows,
    decisions: tally.decisions
  })
  core.info(
    `Triage backfill: ${tally.done} of ${plan.batch.length} issues triaged, ${left} left; labels ${ctx.inputs.dry_run ? 'that would be ' : ''}added: ${applied.join(', ') || 'none'}.`
  )
}

/** Unlabeled open issues left for a later run: `at least N` when the count was capped. */
function leftText(plan: BackfillPlan, done: number): string {
  const left = Math.max(0, plan.total - done)
  return plan.capped ? `at least ${left}` : String(left)
}
