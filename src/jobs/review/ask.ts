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
import { buildReviewPrompt, type FileRules } from './prompt.js'
import { parseReviewOutput, REVIEW_JSON_SCHEMA } from './schema.js'
import type { PrFile, ReviewOutput } from './types.js'
import { REVIEW_CONFIG_SOURCE } from './config.js'

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
  /** Files left out by `diff_budget`, named to the model. */
  overBudget?: string[]
  /** `path_rules` per file from the base branch's `.github/claude-review.yml`. */
  rulesFor?: (path: string) => FileRules[]
}

/** A path as the maintainer knows it: relative to the workspace the CLI ran in. */
function relative(what: string): string {
  const roots = [process.env.GITHUB_WORKSPACE, process.cwd()].filter(Boolean) as string[]
  let out = what
  for (const root of roots) out = out.split(`${root.replace(/\/+$/, '')}/`).join('')
  return out
}

/**
 * A review stopped by max_turns or the timeout, in one sentence: what the model was reading and
 * which inputs give it room (never a silent success: nothing was posted).
 */
export function stoppedMessage(
  ctx: Pick<JobContext, 'inputs'>,
  run: Pick<ClaudeRun, 'outcome' | 'turns' | 'raw'>,
  plan: Pick<AskInput, 'modelFiles'>
): string {
  const { inputs } = ctx
  const reading = (run.raw.reading ?? []).map(relative)
  const where =
    reading.length > 0
      ? ` while reading ${reading.join(', ')}`
      : ' before it read anything with its tools'
  const files = `${plan.modelFiles.length} file(s) were in the prompt`
  const stop =
    run.outcome.kind === 'timeout'
      ? `ran past timeout_minutes (${inputs.timeout_minutes})`
      : `stopped at max_turns (${inputs.max_turns ?? run.turns ?? '?'})`
  const fix =
    run.outcome.kind === 'timeout'
      ? 'raise timeout_minutes, lower max_turns so it answers sooner, or lower diff_budget / narrow review_paths'
      : 'raise max_turns, or lower diff_budget / narrow review_paths so there is less to read'
  return `The review ${stop}${where}, so nothing was posted: ${fix} (${files}).`
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
    ...(plan.sinceSha ? { sinceSha: plan.sinceSha } : {}),
    ...(plan.overBudget ? { overBudget: plan.overBudget } : {}),
    ...(plan.rulesFor ? { rulesFor: plan.rulesFor, rulesSource: REVIEW_CONFIG_SOURCE } : {})
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
  if (run.outcome.kind === 'max-turns' || run.outcome.kind === 'timeout') {
    return { end: { conclusion: 'failure', message: stoppedMessage(ctx, run, plan) } }
  }
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
