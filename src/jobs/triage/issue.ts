/**
 * One issue: ask the model, decide in code, add the labels and write (or update) the triage
 * comment. Also each step of a backfill. Every write triage makes to an issue is made here.
 */
import type { Outcome } from '../../claude/classify.js'
import { isOwnComment, type Issue } from '../../github/api.js'
import type { ClaudeRun } from '../../claude/runner.js'
import type { JobContext, JobResult } from '../context.js'
import { hasFooterMarker } from '../markers.js'
import { outcomeResult } from '../outcome.js'
import { reportRun } from '../run-report.js'
import { askModel } from './ask.js'
import { renderTriageComment, TRIAGE_MARKER } from './comment.js'
import { humanRemovedOf, loadRepoContext, type RepoContext } from './context.js'
import { decideFor, type Decision } from './decide.js'
import { logDecision, renderIssueSummary, type CommentAction } from './render.js'
import type { Triage } from './schema.js'
import type { TriageSettings } from './settings.js'

/** What became of one issue. */
export type IssueResult =
  | {
      kind: 'done'
      issue: Issue
      run: ClaudeRun
      triage: Triage
      decision: Decision
      comment: CommentAction
    }
  /** The CLI run did not succeed (usage limit, auth, timeout, ...). */
  | {
      kind: 'stopped'
      issue: Issue
      run: ClaudeRun
      outcome: Exclude<Outcome, { kind: 'success' }>
    }
  | { kind: 'invalid'; issue: Issue; run: ClaudeRun; error: string }
  /** Backfill only: the issue changed since it was listed (labelled or closed). */
  | { kind: 'passed'; issue: Issue; reason: string }

/** Triages one issue: asks, decides, adds the labels and writes the comment (unless dry_run). */
export async function triageIssue(
  ctx: JobContext,
  settings: TriageSettings,
  repo: RepoContext,
  issue: Issue
): Promise<IssueResult> {
  const humanRemoved = await humanRemovedOf(ctx.github, issue.number)
  const asked = await askModel(ctx.claude, settings, repo, issue)
  if (asked.run.outcome.kind !== 'success') {
    return { kind: 'stopped', issue, run: asked.run, outcome: asked.run.outcome }
  }
  if (!asked.triage) {
    return { kind: 'invalid', issue, run: asked.run, error: asked.invalid ?? 'no answer' }
  }
  const triage = asked.triage
  const decision = decideFor(settings, repo.repoLabels, triage, issue.labels, humanRemoved, true)
  logDecision(ctx.inputs.dry_run, issue.number, decision, triage)

  // Idempotent by construction: decideLabels never proposes a label already on the issue, so a
  // rerun has nothing to add and makes no write.
  const names = decision.apply.map(l => l.name)
  if (names.length > 0) await ctx.github.addLabels(issue.number, names)

  let comment: CommentAction = 'none'
  if (ctx.inputs.triage_comment && names.length > 0) {
    comment = await upsertComment(ctx, issue.number, decision, triage)
  }
  return { kind: 'done', issue, run: asked.run, triage, decision, comment }
}

/** Creates the triage comment, or updates it in place (found by its marker) when its text changed. */
async function upsertComment(
  ctx: JobContext,
  number: number,
  decision: Decision,
  triage: Triage
): Promise<CommentAction> {
  const body = renderTriageComment(decision, {
    issueNumber: number,
    ...(triage.duplicate_of !== undefined ? { duplicateOf: triage.duplicate_of } : {}),
    ...(triage.comment ? { note: triage.comment } : {})
  })
  const self = await ctx.github.whoami()
  const existing = (await ctx.github.listIssueComments(number)).find(
    c => hasFooterMarker(c.body, TRIAGE_MARKER) && isOwnComment(c, self)
  )
  if (!existing) {
    await ctx.github.createIssueComment(number, body)
    return 'created'
  }
  if (existing.body.trim() === body.trim()) return 'unchanged'
  await ctx.github.updateIssueComment(existing.id, body)
  return 'updated'
}

/** The job for one issue (an `issues` event, or `issue_number`). */
export async function singleJob(
  ctx: JobContext,
  settings: TriageSettings,
  number: number
): Promise<JobResult> {
  return (await triageOne(ctx, settings, number)).result
}

/**
 * Triages one issue: the job's result, and the names of the labels it applied (a command's reply
 * names them; the `labels` output is not read back, as the outbound guard may have blanked it).
 */
export async function triageOne(
  ctx: JobContext,
  settings: TriageSettings,
  number: number
): Promise<{ result: JobResult; applied: string[] }> {
  const none = (result: JobResult) => ({ result, applied: [] })
  ctx.outputs.set('labels', '[]')
  const repo = await loadRepoContext(ctx.github, settings)
  const issue = await ctx.github.getIssue(number)
  const result = await triageIssue(ctx, settings, repo, issue)
  if (result.kind === 'passed') return none({ conclusion: 'skipped', reason: result.reason })
  reportRun(ctx, result.run, 'triage')
  if (result.kind === 'stopped') return none(outcomeResult(ctx, result.outcome))
  if (result.kind === 'invalid') {
    ctx.summary.text(
      `Triage of #${number}: the model's answer was not usable; nothing was written.`
    )
    return none({
      conclusion: 'failure',
      message: `Triage of #${number} wrote nothing: ${result.error}`
    })
  }

  const { decision, triage } = result
  const applied = decision.apply.map(l => l.name)
  ctx.outputs.set('labels', JSON.stringify(applied))
  ctx.outputs.set('structured_output', JSON.stringify(triage))
  renderIssueSummary(ctx.summary, ctx.inputs.dry_run, {
    number,
    decision,
    triage,
    comment: result.comment
  })
  return { result: { conclusion: 'success' }, applied }
}
