/**
 * `mode: review`: one quiet, accurate, incremental review per push. Preparation decides skips and
 * what the model sees with no login loaded; the run asks the model, places its findings on lines of
 * the diff, and posts one review plus one sticky summary comment.
 */
import * as core from '@actions/core'
import { InputError } from '../../errors.js'
import { readOnlyExtraArgs, splitArgs } from '../../claude/args.js'
import { isOwnComment, type PullRequest } from '../../github/api.js'
import { outcomeResult } from '../prompt.js'
import type { JobContext, JobResult, PreContext, Prepared } from '../context.js'
import { reportRun } from '../run-report.js'
import { selectFiles, type SkippedFile } from './files.js'
import { fingerprintsIn } from './fingerprint.js'
import { placeFindings } from './placement.js'
import { buildReviewPrompt } from './prompt.js'
import { parseReviewOutput, REVIEW_JSON_SCHEMA } from './schema.js'
import { failsOn, selectComments } from './select.js'
import {
  forcePushNote,
  incrementalNote,
  renderReviewBody,
  renderSummary,
  isReviewSummary,
  reviewedShaOf,
  shortSha
} from './summary.js'
import type { PrFile, SetAside } from './types.js'

/** The diff budget when `diff_budget` is not set: roughly 240 KB of patch text. */
export const DEFAULT_DIFF_BUDGET = 60_000
/** Read-only tools: the model may look at the checkout for context, never change or run anything. */
export const REVIEW_TOOLS = ['Read', 'Grep', 'Glob']

interface ReviewPlan {
  pr: PullRequest
  prFiles: PrFile[]
  modelFiles: PrFile[]
  skippedFiles: SkippedFile[]
  notes: string[]
  sinceSha?: string
  rules: Array<{ path: string; text: string }>
  summaryCommentId?: number
}

/** The pull request number of the event, or of `pr_number`. */
export function pullNumberOf(pre: Pick<PreContext, 'event' | 'inputs'>): number {
  const pr = pre.event.payload.pull_request as { number?: unknown } | undefined
  if (
    (pre.event.name === 'pull_request' || pre.event.name === 'pull_request_target') &&
    typeof pr?.number === 'number'
  ) {
    return pr.number
  }
  if (pre.inputs.pr_number !== undefined) return pre.inputs.pr_number
  throw new InputError(
    `mode review needs a pull request: run it on pull_request or pull_request_target, or set pr_number (the event is "${pre.event.name || 'unknown'}").`
  )
}

/**
 * Why a fork's pull request is skipped. Under `pull_request` a fork's run gets no secrets, so
 * review_forks cannot help there: the way is the pull_request_target recipe.
 */
export function forkSkip(number: number, headRepo: string | undefined, eventName: string): string {
  const from = `pull request #${number} comes from a fork (${headRepo ?? 'a deleted repository'})`
  return eventName === 'pull_request'
    ? `${from}; under pull_request a fork's run gets no secrets, so review forks with the pull_request_target recipe in docs/review.md#forks`
    : `${from}; set review_forks to review forks (see docs/review.md#forks)`
}

/** Decides skips and what the model will see; no login is needed yet. */
export async function prepareReview(pre: PreContext): Promise<Prepared> {
  const { inputs, github } = pre
  const number = pullNumberOf(pre)
  const pr = await github.getPull(number)
  if (pr.draft && !inputs.review_drafts)
    return { skip: `pull request #${number} is a draft (set review_drafts to review drafts)` }
  const author = pr.author.login.toLowerCase()
  if (inputs.skip_authors.some(a => a.toLowerCase() === author)) {
    return { skip: `the author ${pr.author.login} is in skip_authors` }
  }
  if ((pr.headRepo ?? '').toLowerCase() !== pr.baseRepo.toLowerCase() && !inputs.review_forks) {
    return { skip: forkSkip(number, pr.headRepo, pre.event.name) }
  }

  const comments = await github.listIssueComments(number)
  const self = await github.whoami()
  const summaryComment = [...comments]
    .reverse()
    .find(c => isReviewSummary(c.body) && isOwnComment(c, self))
  const reviewedSha = reviewedShaOf(summaryComment?.body)
  if (inputs.incremental && reviewedSha === pr.headSha.toLowerCase()) {
    return { skip: `head ${shortSha(pr.headSha)} of #${number} was already reviewed` }
  }

  const prFiles = await github.listPullFiles(number)
  let modelFiles = prFiles
  const notes: string[] = []
  let sinceSha: string | undefined
  if (inputs.incremental && reviewedSha) {
    const cmp = await github.compare(reviewedSha, pr.headSha)
    if (cmp && cmp.status === 'ahead') {
      // Only files of this PR: a merge of the base branch brings changes that are not the author's.
      const inPr = new Set(prFiles.map(f => f.filename))
      modelFiles = cmp.files.filter(f => inPr.has(f.filename))
      sinceSha = reviewedSha
      notes.push(incrementalNote(reviewedSha))
    } else {
      notes.push(forcePushNote(reviewedSha))
    }
  }

  const { kept, skipped } = selectFiles(modelFiles, {
    reviewPaths: inputs.review_paths,
    diffBudgetTokens: inputs.diff_budget ?? DEFAULT_DIFF_BUDGET
  })
  if (kept.length === 0) {
    const why =
      skipped.length > 0
        ? ` (${skipped.length} file(s) skipped: ${skipped
            .slice(0, 3)
            .map(s => `${s.path}: ${s.reason}`)
            .join('; ')}${skipped.length > 3 ? '; …' : ''})`
        : ''
    return { skip: `nothing to review in #${number} after filters${why}` }
  }

  const rules: Array<{ path: string; text: string }> = []
  for (const path of inputs.review_rules) {
    // From the base branch: the PR's author must not be able to rewrite the rules it is judged by.
    const text = await github.getFileText(path, pr.baseSha)
    if (text !== undefined && text.trim() !== '') rules.push({ path, text })
  }

  const plan: ReviewPlan = {
    pr,
    prFiles,
    modelFiles: kept,
    skippedFiles: skipped,
    notes,
    ...(sinceSha ? { sinceSha } : {}),
    rules,
    ...(summaryComment ? { summaryCommentId: summaryComment.id } : {})
  }
  return { run: ctx => runReview(ctx, plan) }
}

async function runReview(ctx: JobContext, plan: ReviewPlan): Promise<JobResult> {
  const { inputs, github } = ctx
  const { pr } = plan
  const { kept: extra, dropped } = readOnlyExtraArgs(splitArgs(inputs.claude_args))
  if (dropped.length > 0) {
    core.warning(
      `claude_args ${dropped.join(', ')} ignored in review mode: the model gets read-only tools and no workspace configuration.`
    )
  }
  const prompt = buildReviewPrompt({
    title: pr.title,
    body: pr.body,
    files: plan.modelFiles,
    rules: plan.rules,
    extra: inputs.prompt,
    ...(plan.sinceSha ? { sinceSha: plan.sinceSha } : {})
  })
  const run = await ctx.claude.run({
    prompt,
    label: `Claude Code: review of #${pr.number}`,
    model: inputs.model || undefined,
    maxTurns: inputs.max_turns,
    jsonSchema: REVIEW_JSON_SCHEMA,
    tools: REVIEW_TOOLS,
    kind: 'review',
    timeoutMinutes: inputs.timeout_minutes,
    extra
  })
  reportRun(ctx, run, 'review')
  if (run.outcome.kind !== 'success') return outcomeResult(ctx, run.outcome)
  if (run.structured === undefined) {
    return {
      conclusion: 'failure',
      message: 'Claude Code ended without a structured review; nothing was posted.'
    }
  }
  const parsed = parseReviewOutput(run.structured)
  if (!parsed.ok) return { conclusion: 'failure', message: `${parsed.error} Nothing was posted.` }
  const review = parsed.review

  const placement = placeFindings(review.findings, plan.prFiles)
  // Only the action's own comments: anyone could paste a fingerprint to suppress a finding.
  const self = await github.whoami()
  const alreadyPosted = fingerprintsIn(
    (await github.listReviewComments(pr.number)).filter(c => isOwnComment(c, self)).map(c => c.body)
  )
  const selection = selectComments(placement.placed, {
    minSeverity: inputs.min_severity,
    maxComments: inputs.max_comments,
    alreadyPosted
  })
  const unplaced: SetAside[] = [...placement.unplaced]
  let inline = selection.inline
  let reviewUrl: string | undefined
  const reviewBody = renderReviewBody(pr.headSha, inline.length)
  if (inline.length > 0) {
    try {
      const posted = await github.createReview(pr.number, {
        commitId: pr.headSha,
        body: reviewBody,
        comments: inline.map(c => ({
          path: c.path,
          line: c.line,
          side: c.side,
          ...(c.start_line !== undefined
            ? { start_line: c.start_line, start_side: 'RIGHT' as const }
            : {}),
          body: c.body
        }))
      })
      reviewUrl = posted.url || undefined
    } catch (err) {
      // Never lose a finding to a refused request: everything goes into the summary instead.
      if ((err as { status?: number }).status !== 422) throw err
      core.warning(
        `GitHub refused the inline comments (${(err as Error).message}); they are in the summary comment instead.`
      )
      unplaced.push(
        ...inline.map(c => ({
          finding: c.finding,
          reason: 'GitHub refused the inline comment',
          line: c.line
        }))
      )
      inline = []
    }
  }

  const summaryBody = renderSummary({
    headSha: pr.headSha,
    review,
    inline,
    duplicates: selection.duplicates,
    unplaced,
    collapsed: selection.collapsed,
    skippedFiles: plan.skippedFiles,
    notes: plan.notes,
    minSeverity: inputs.min_severity,
    maxComments: inputs.max_comments,
    failOn: inputs.fail_on,
    ...(reviewUrl ? { reviewUrl } : {}),
    telemetry: {
      ...(run.turns !== undefined ? { turns: run.turns } : {}),
      durationMs: run.durationMs,
      ...(run.costUsd !== undefined ? { costUsd: run.costUsd } : {}),
      authKind: ctx.auth.assessment.kind,
      ...(run.model ? { model: run.model } : {})
    }
  })
  const summaryComment =
    plan.summaryCommentId !== undefined
      ? await github.updateIssueComment(plan.summaryCommentId, summaryBody)
      : await github.createIssueComment(pr.number, summaryBody)

  ctx.outputs.set('findings', review.findings.length)
  ctx.outputs.set('comments_posted', inputs.dry_run ? 0 : inline.length)
  ctx.outputs.set('review_url', reviewUrl ?? summaryComment.url)
  ctx.summary.table(
    [
      ['Pull request', `#${pr.number} at ${shortSha(pr.headSha)}`],
      ['Findings', String(review.findings.length)],
      ['Inline comments', String(inline.length)],
      ['In the summary only', String(unplaced.length + selection.collapsed.length)],
      ['Already posted before', String(selection.duplicates.length)],
      ['Files reviewed', String(plan.modelFiles.length)],
      ['Files skipped', String(plan.skippedFiles.length)]
    ],
    ['Review', '']
  )
  for (const note of plan.notes) ctx.summary.text(note)
  // With dry_run, github is the dry-run wrapper: main prints every write it describes.

  if (failsOn(review.findings, inputs.fail_on)) {
    const worst = review.findings.filter(f => failsOn([f], inputs.fail_on)).length
    return {
      conclusion: 'failure',
      message: `The review found ${worst} finding(s) of severity ${inputs.fail_on} or worse (fail_on: ${inputs.fail_on}).`
    }
  }
  return { conclusion: 'success' }
}
