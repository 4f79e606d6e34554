/**
 * The model call of a review: the prompt (the PR, its diff within budget, the base branch's
 * rules), one CLI run with read-only tools, and the answer checked against the review schema.
 */
import * as core from '@actions/core'
import { readOnlyExtraArgs, splitArgs } from '../../claude/args.js'
import type { PullRequest } from '../../github/api.js'
import type { ClaudeRun } from '../../claude/runner.js'
import type { JobContext, JobResult } from '../context.js'
import { outcomeResult } from '../outcome.js'
import { reportRun } from '../run-report.js'
import { buildReviewPrompt } from './prompt.js'
import { parseReviewOutput, REVIEW_JSON_SCHEMA } from './schema.js'
import type { PrFile, ReviewOutput } from './types.js'

/** Read-only tools: the model may look at the checkout for context, never change or run anything. */
const REVIEW_TOOLS = ['Read', 'Grep', 'Glob']

/** What the model is shown, as preparation chose it. */
export interface AskInput {
  pr: PullRequest
  /** The files whose diffs the model sees (filtered, within the budget, incremental). */
  modelFiles: PrFile[]
  rules: Array<{ path: string; text: string }>
  /** Set for an incremental review: the head reviewed last time. */
  sinceSha?: string
}

/** The model's review and its run, or the job's end when there is none to publish. */
type Asked = { run: ClaudeRun; review: ReviewOutput } | { end: JobResult }

/** Asks the model for a review and reports the run; nothing is posted here. */
export async function askReview(ctx: JobContext, plan: AskInput): Promise<Asked> {
  const { inputs } = ctx
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
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.max_turns !== undefined ? { maxTurns: inputs.max_turns } : {}),
    jsonSchema: REVIEW_JSON_SCHEMA,
    tools: REVIEW_TOOLS,
    kind: 'review',
    timeoutMinutes: inputs.timeout_minutes,
    extra
  })
  reportRun(ctx, run, 'review')
  if (run.outcome.kind !== 'success') return { end: outcomeResult(ctx, run.outcome) }
  if (run.structured === undefined) {
    return {
      end: {
        conclusion: 'failure',
        message: 'Claude Code ended without a structured review; nothing was posted.'
      }
    }
  }
  const parsed = parseReviewOutput(run.structured)
  if (!parsed.ok) {
    return { end: { conclusion: 'failure', message: `${parsed.error} Nothing was posted.` } }
  }
  return { run, review: parsed.review }
}
