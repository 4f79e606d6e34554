/**
 * `mode: review`: one quiet, accurate, incremental review per push. Preparation decides skips and
 * what the model sees with no login loaded; the run asks the model (ask.ts), then places its
 * findings on lines of the diff and posts one review plus one sticky summary comment (publish.ts).
 */
import * as core from '@actions/core'
import { InputError } from '../../errors.js'
import type { GitHubApi, PullRequest } from '../../github/api.js'
import type { Inputs } from '../../inputs.js'
import type { JobContext, JobResult, PreContext, Prepared } from '../context.js'
import { askReview, type AskInput } from './ask.js'
import { parseReviewConfig, REVIEW_CONFIG_PATH } from './config.js'
import { DEFAULT_DIFF_BUDGET, selectFiles, type SkippedFile } from './files.js'
import { isPaused } from './pause.js'
import { publishReview } from './publish.js'
import { readThreads, resolveOutdated } from './threads.js'
import { forcePushNote, incrementalNote, ownSummary, reviewedShaOf, shortSha } from './summary.js'
import type { PrFile } from './types.js'

/** What preparation decided: what the model sees, and what publishing needs to know. */
interface ReviewPlan extends AskInput {
  /** Every file of the pull request (findings are placed on any of them). */
  prFiles: PrFile[]
  skippedFiles: SkippedFile[]
  notes: string[]
  /** The action's own summary comment from an earlier run. */
  summaryCommentId?: number
  /** With an incremental review, every file changed since the reviewed head. */
  changedFiles?: PrFile[]
  paused?: boolean
}

/** A review a command asked for (`@claude review`, `@claude full review`), not a push. */
export interface ReviewRequest {
  number: number
  /** `full review`: the whole pull request, whatever was reviewed before. */
  full: boolean
}

/** The pull request number of the event, or of `pr_number`. */
function pullNumberOf(pre: Pick<PreContext, 'event' | 'inputs'>): number {
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
function forkSkip(number: number, headRepo: string | undefined, eventName: string): string {
  const from = `pull request #${number} comes from a fork (${headRepo ?? 'a deleted repository'})`
  return eventName === 'pull_request'
    ? `${from}; under pull_request a fork's run gets no secrets, so review forks with the pull_request_target recipe in docs/review.md#forks`
    : `${from}; set review_forks to review forks (see docs/review.md#forks)`
}

/** The skip reason of a push with nothing left to review, and what was done all the same. */
function nothingToReview(number: number, skipped: SkippedFile[], resolved: number): string {
  const why =
    skipped.length > 0
      ? ` (${skipped.length} file(s) skipped: ${skipped
          .slice(0, 3)
          .map(s => `${s.path}: ${s.reason}`)
          .join('; ')}${skipped.length > 3 ? '; …' : ''})`
      : ''
  const done =
    resolved > 0
      ? `; ${resolved} outdated thread${resolved === 1 ? '' : 's'} of the action resolved`
      : ''
  return `nothing to review in #${number} after filters${why}${done}`
}

/**
 * A push with nothing to review (it only deleted files, or touched only filtered ones) still makes
 * the action's threads on the lines it changed outdated: they are resolved as after a review that
 * raised nothing. A failure here only warns (resolveOutdated): the skip stands.
 */
async function resolveUnreviewed(
  github: GitHubApi,
  pr: PullRequest,
  changed: PrFile[]
): Promise<number> {
  const state = await readThreads(github, pr.number, changed)
  const why = `Resolved by ${shortSha(pr.headSha)}: the lines changed, and the push left nothing to review.`
  return (await resolveOutdated(github, pr, state, new Set(), why)).resolved
}

/**
 * Decides skips and what the model will see; no login is needed yet. `request`: a command asked
 * for this review (drafts and paused reviews are then reviewed too).
 */
export async function prepareReview(pre: PreContext, request?: ReviewRequest): Promise<Prepared> {
  const { inputs, github } = pre
  const number = request?.number ?? pullNumberOf(pre)
  const pr = await github.getPull(number)
  const skip = skipReason(request ? { ...inputs, review_drafts: true } : inputs, pr, pre.event.name)
  if (skip) return { skip }

  const summaryComment = await ownSummary(github, number)
  const paused = isPaused(summaryComment?.body)
  if (paused && !request) {
    return {
      skip: `automatic reviews of #${number} are paused: comment "${inputs.trigger_phrase} resume" on it to resume them`
    }
  }
  const incremental = inputs.incremental && !request?.full
  const reviewedSha = reviewedShaOf(summaryComment?.body)
  if (incremental && reviewedSha === pr.headSha.toLowerCase()) {
    return { skip: `head ${shortSha(pr.headSha)} of #${number} was already reviewed` }
  }

  const prFiles = await github.listPullFiles(number)
  const since = incremental && reviewedSha ? reviewedSha : undefined
  const changed = await changedSince(github, pr, prFiles, since)
  const { kept, skipped } = selectFiles(changed.files, {
    reviewPaths: inputs.review_paths,
    diffBudgetTokens: inputs.diff_budget ?? DEFAULT_DIFF_BUDGET
  })
  if (kept.length === 0) {
    const resolved =
      changed.sinceSha && inputs.resolve_outdated
        ? await resolveUnreviewed(github, pr, changed.files)
        : 0
    return { skip: nothingToReview(number, skipped, resolved) }
  }

  const overBudget = skipped.filter(s => s.overBudgetTokens !== undefined).map(s => s.path)
  const rulesFor = await readPathRules(github, pr.baseSha)
  const plan: ReviewPlan = {
    pr,
    prFiles,
    modelFiles: kept,
    skippedFiles: skipped,
    ...(overBudget.length > 0 ? { overBudget } : {}),
    ...(rulesFor ? { rulesFor } : {}),
    notes: changed.notes,
    ...(changed.sinceSha ? { sinceSha: changed.sinceSha, changedFiles: changed.files } : {}),
    rules: await readRules(github, inputs.review_rules, pr.baseSha),
    ...(summaryComment ? { summaryCommentId: summaryComment.id } : {}),
    ...(paused ? { paused } : {})
  }
  return { run: ctx => runReview(ctx, plan), item: { kind: 'pull', number } }
}

/** Why this pull request is not reviewed at all (merged, closed, draft, skipped author, fork). */
function skipReason(inputs: Inputs, pr: PullRequest, eventName: string): string | undefined {
  // A command or a deferred review may come after the merge: nothing left to review.
  if (pr.merged) return `#${pr.number} is merged`
  if (pr.state === 'closed') return `#${pr.number} is closed`
  if (pr.draft && !inputs.review_drafts)
    return `pull request #${pr.number} is a draft (set review_drafts to review drafts)`
  const author = pr.author.login.toLowerCase()
  if (inputs.skip_authors.some(a => a.toLowerCase() === author)) {
    return `the author ${pr.author.login} is in skip_authors`
  }
  if ((pr.headRepo ?? '').toLowerCase() !== pr.baseRepo.toLowerCase() && !inputs.review_forks) {
    return forkSkip(pr.number, pr.headRepo, eventName)
  }
  return undefined
}

/**
 * The files to show the model: all of the pull request's, or for an incremental review only what
 * changed since the head reviewed last (`since`), with a note saying which it is.
 */
async function changedSince(
  github: GitHubApi,
  pr: PullRequest,
  prFiles: PrFile[],
  since: string | undefined
): Promise<{ files: PrFile[]; notes: string[]; sinceSha?: string }> {
  if (!since) return { files: prFiles, notes: [] }
  const cmp = await github.compare(since, pr.headSha)
  if (cmp && cmp.status === 'ahead') {
    // Only files of this PR: a merge of the base branch brings changes that are not the author's.
    const inPr = new Set(prFiles.map(f => f.filename))
    return {
      files: cmp.files.filter(f => inPr.has(f.filename)),
      notes: [incrementalNote(since)],
      sinceSha: since
    }
  }
  return { files: prFiles, notes: [forcePushNote(since)] }
}

/** The review_rules files that exist and are not empty, read from the base branch. */
async function readRules(
  github: GitHubApi,
  paths: readonly string[],
  baseSha: string
): Promise<Array<{ path: string; text: string }>> {
  const rules: Array<{ path: string; text: string }> = []
  for (const path of paths) {
    // From the base branch: the PR's author must not be able to rewrite the rules it is judged by.
    const text = await github.getFileText(path, baseSha)
    if (text !== undefined && text.trim() !== '') rules.push({ path, text })
  }
  return rules
}

/**
 * The `path_rules` of `.github/claude-review.yml` on the base branch, if it has any. A bad config
 * is a warning: the review goes on without per-path rules.
 */
async function readPathRules(
  github: GitHubApi,
  baseSha: string
): Promise<AskInput['rulesFor'] | undefined> {
  // From the base branch, like the rules files: the PR cannot rewrite the rules it is judged by.
  const config = parseReviewConfig(await github.getFileText(REVIEW_CONFIG_PATH, baseSha))
  if (config.warning) core.warning(config.warning)
  return config.count > 0 ? config.rulesFor : undefined
}

/** The job once the login is ready: ask the model, then publish what it found. */
async function runReview(ctx: JobContext, plan: ReviewPlan): Promise<JobResult> {
  const asked = await askReview(ctx, plan)
  if ('end' in asked) return asked.end
  const { run } = asked
  return publishReview(ctx, {
    ...plan,
    review: asked.review,
    telemetry: {
      ...(run.turns !== undefined ? { turns: run.turns } : {}),
      durationMs: run.durationMs,
      ...(run.costUsd !== undefined ? { costUsd: run.costUsd } : {}),
      authKind: ctx.auth.assessment.kind,
      ...(run.model ? { model: run.model } : {})
    }
  })
}
