/**
 * Publishing a review: the model's findings placed on lines of the diff, selected (severity,
 * max_comments, never twice), posted as one review, then the sticky summary comment, the outputs
 * and the job summary. Every write of the review job is made here, through `ctx.github`.
 */
import { isOwnComment, type GitHubApi, type PullRequest } from '../../github/api.js'
import { githubFailure, isRequestError } from '../../github/errors.js'
import type { JobContext, JobResult } from '../context.js'
import { DEFAULT_DIFF_BUDGET, type SkippedFile } from './files.js'
import { fingerprintsIn } from './fingerprint.js'
import { readHeadTexts } from './head-text.js'
import { filesToRead, placeFindings } from './placement.js'
import { failsOn, selectComments, type Selection } from './select.js'
import { renderReviewBody, renderSummary, shortSha, type ReviewTelemetry } from './summary.js'
import {
  dropDismissed,
  raisedFingerprints,
  readThreads,
  resolveOutdated,
  settledFingerprints,
  type ThreadState
} from './threads.js'
import type { PlacedComment, PrFile, ReviewOutput, SetAside } from './types.js'

/** What publishing needs from the job: GitHub, the inputs, and where to report. */
export type PublishContext = Pick<JobContext, 'inputs' | 'github' | 'outputs' | 'summary'>

/** The review to publish and what preparation found. */
export interface PublishInput {
  pr: PullRequest
  /** Every file of the pull request: findings are placed on their diffs. */
  prFiles: PrFile[]
  /** The files the model was shown. */
  modelFiles: PrFile[]
  skippedFiles: SkippedFile[]
  notes: string[]
  /** The action's own summary comment from an earlier run, updated in place. */
  summaryCommentId?: number
  review: ReviewOutput
  telemetry: ReviewTelemetry
  /** With an incremental review, the files changed since the reviewed head (for outdated threads). */
  changedFiles?: PrFile[]
  /** Automatic reviews of this pull request are paused: the summary keeps saying so. */
  paused?: boolean
}

/** What the inline review came to. */
interface Posted {
  inline: PlacedComment[]
  /** Comments GitHub refused, for the summary. */
  refused: SetAside[]
  reviewUrl?: string
  /** Why the review could not be posted at all (not a 422), as one sentence. */
  failed?: string
}

/** A failed GitHub write in words (errors.ts has the wording of GitHub's answers). */
function writeFailure(err: unknown): string {
  return isRequestError(err) ? githubFailure(err) : (err as Error).message
}

/**
 * The findings placed on the diff, with the head text of the files where a quoted finding is not
 * on its given line (an unchanged line holding the quote keeps the finding off the diff).
 */
async function place(github: GitHubApi, pr: PullRequest, input: PublishInput) {
  const { findings } = input.review
  const toRead = filesToRead(findings, input.prFiles)
  const heads = await readHeadTexts(github, pr.headSha, toRead)
  return placeFindings(findings, input.prFiles, f => heads.get(f.filename))
}

/** Posts the review and the summary comment, sets the outputs; fails only as fail_on says. */
export async function publishReview(ctx: PublishContext, input: PublishInput): Promise<JobResult> {
  const { inputs, github } = ctx
  const { pr } = input
  const threads = await readThreads(github, pr.number, input.changedFiles ?? [])
  const allPlaced = await place(github, pr, input)
  // A finding a person dismissed on this pull request is not raised again, nor counted.
  const { placement, dropped } = dropDismissed(allPlaced, threads.dismissed)
  const review = {
    ...input.review,
    findings: input.review.findings.filter(f => !dropped.includes(f))
  }
  const selection = selectComments(placement.placed, {
    minSeverity: inputs.min_severity,
    maxComments: inputs.max_comments,
    alreadyPosted: await ownFingerprints(github, pr.number, threads)
  })
  const posted = await postInline(github, pr, selection.inline)
  const unplaced: SetAside[] = [...placement.unplaced, ...posted.refused]
  const { inline, reviewUrl } = posted
  const threadsDone = inputs.resolve_outdated
    ? await resolveOutdated(github, pr, threads, raisedFingerprints(allPlaced))
    : { resolved: 0, failed: [] }

  const summaryBody = renderSummary({
    headSha: pr.headSha,
    review,
    inline,
    duplicates: selection.duplicates,
    unplaced,
    collapsed: selection.collapsed,
    skippedFiles: input.skippedFiles,
    diffBudget: inputs.diff_budget ?? DEFAULT_DIFF_BUDGET,
    notes: [...input.notes, ...threads.notes],
    minSeverity: inputs.min_severity,
    maxComments: inputs.max_comments,
    failOn: inputs.fail_on,
    dismissed: dropped.length,
    resolvedThreads: threadsDone.resolved,
    ...(reviewUrl ? { reviewUrl } : {}),
    ...(posted.failed ? { reviewFailed: true } : {}),
    ...(input.paused ? { pausedBy: inputs.trigger_phrase } : {}),
    telemetry: input.telemetry
  })
  const comment = await writeSummary(github, pr.number, input.summaryCommentId, summaryBody)

  ctx.outputs.set('findings', review.findings.length)
  ctx.outputs.set('comments_posted', inputs.dry_run ? 0 : inline.length)
  const url = reviewUrl ?? comment.url
  if (url) ctx.outputs.set('review_url', url)
  reportPublished(ctx, { ...input, review }, { ...selection, inline }, unplaced.length, {
    dismissed: dropped.length,
    resolved: threadsDone.resolved
  })
  // With dry_run, github is the dry-run wrapper: main prints every write it describes.

  const failed = comment.failed ?? posted.failed
  if (failed) {
    // Nothing is lost: the job summary holds what the comment would have said.
    if (comment.failed) ctx.summary.details('The review summary (not posted)', summaryBody)
    const where = comment.failed ? 'the job summary' : 'the summary comment'
    return {
      conclusion: 'failure',
      message: `Posting the review failed, so its findings are only in ${where}: ${failed}`
    }
  }
  if (threadsDone.failed.length > 0) {
    return {
      conclusion: 'failure',
      message: `${threadsDone.failed.length} outdated review thread(s) could not be resolved (${threadsDone.failed[0]}); the review and its summary were posted.`
    }
  }
  if (failsOn(review.findings, inputs.fail_on)) {
    const worst = review.findings.filter(f => failsOn([f], inputs.fail_on)).length
    return {
      conclusion: 'failure',
      message: `The review found ${worst} finding(s) of severity ${inputs.fail_on} or worse (fail_on: ${inputs.fail_on}).`
    }
  }
  return { conclusion: 'success' }
}

/** Creates or updates the sticky summary comment; a failure is returned, not thrown. */
async function writeSummary(
  github: GitHubApi,
  pull: number,
  id: number | undefined,
  body: string
): Promise<{ url?: string; failed?: string }> {
  try {
    const c =
      id !== undefined
        ? await github.updateIssueComment(id, body)
        : await github.createIssueComment(pull, body)
    return { url: c.url }
  } catch (err) {
    return { failed: writeFailure(err) }
  }
}

/** Fingerprints of findings already posted on the pull request by the action. */
async function ownFingerprints(
  github: GitHubApi,
  pull: number,
  threads: ThreadState
): Promise<Set<string>> {
  // Only the action's own comments: anyone could paste a fingerprint to suppress a finding.
  const self = await github.whoami()
  const own = (await github.listReviewComments(pull)).filter(c => isOwnComment(c, self))
  const posted = fingerprintsIn(own.map(c => c.body))
  // A finding whose threads are all resolved is posted again when it comes back.
  for (const fp of settledFingerprints(threads.threads, threads.self)) posted.delete(fp)
  return posted
}

/**
 * Posts the inline comments as one review. When GitHub refuses them (422: a line it will not
 * take), nothing is lost: every one of them goes into the summary instead.
 */
async function postInline(
  github: GitHubApi,
  pr: PullRequest,
  inline: PlacedComment[]
): Promise<Posted> {
  if (inline.length === 0) return { inline, refused: [] }
  try {
    const posted = await github.createReview(pr.number, {
      commitId: pr.headSha,
      body: renderReviewBody(pr.headSha, inline.length),
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
    return { inline, refused: [], ...(posted.url ? { reviewUrl: posted.url } : {}) }
  } catch (err) {
    // A 422 is GitHub refusing a line (the whole batch with it); anything else, the write itself.
    // Either way the comments go to the summary comment, and the step fails: never green when
    // posting failed.
    const reason =
      (err as { status?: number }).status === 422
        ? 'GitHub refused the inline comment'
        : 'the review could not be posted'
    const refused = inline.map(c => ({ finding: c.finding, reason, line: c.line }))
    return { inline: [], refused, failed: writeFailure(err) }
  }
}

/** The job summary's review table and notes. */
function reportPublished(
  ctx: PublishContext,
  input: PublishInput,
  selection: Selection,
  unplaced: number,
  threads: { dismissed: number; resolved: number }
): void {
  const { pr } = input
  ctx.summary.table(
    [
      ['Pull request', `#${pr.number} at ${shortSha(pr.headSha)}`],
      ['Findings', String(input.review.findings.length)],
      ['Inline comments', String(selection.inline.length)],
      ['In the summary only', String(unplaced + selection.collapsed.length)],
      ['Already posted before', String(selection.duplicates.length)],
      ['Not raised again (dismissed)', String(threads.dismissed)],
      ['Outdated threads resolved', String(threads.resolved)],
      ['Files reviewed', String(input.modelFiles.length)],
      ['Files skipped', String(input.skippedFiles.length)]
    ],
    ['Review', '']
  )
  for (const note of input.notes) ctx.summary.text(note)
}
