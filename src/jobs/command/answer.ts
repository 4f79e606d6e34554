/**
 * A question (anything after the trigger phrase that is not a verb): the context read before any
 * login (the pull request with its diff within budget, or the issue; the review thread it was asked
 * in; the latest conversation), then one CLI run with read-only tools in the `command` sandbox, and
 * one reply the action writes after the outbound guard. The model never writes.
 */
import * as core from '@actions/core'
import { readOnlyExtraArgs, splitArgs } from '../../claude/args.js'
import { isOwnComment, type GitHubApi } from '../../github/api.js'
import type { JobContext, JobResult, PreContext } from '../context.js'
import { outcomeResult } from '../outcome.js'
import { reportRun } from '../run-report.js'
import { DEFAULT_DIFF_BUDGET, selectFiles } from '../review/files.js'
import { formatMarkdown } from '../review/placement.js'
import type { Taken } from './gate.js'
import { buildQuestionPrompt, type QuestionContext, type ShownComment } from './prompt.js'
import { oneLine, reply } from './reply.js'
import { ANSWER_JSON_SCHEMA, parseAnswer } from './schema.js'

/** Read-only tools over the checkout; no Bash, no writes, no web. */
const ANSWER_TOOLS = ['Read', 'Grep', 'Glob']
/** The latest conversation comments shown with a question. */
const CONVERSATION = 10

/** Reads what the model is shown for the question; no login is needed yet. */
export async function prepareQuestion(pre: PreContext, taken: Taken): Promise<QuestionContext> {
  const { github, inputs } = pre
  const { comment, text } = taken
  const base = {
    number: comment.number,
    asker: comment.author.login,
    question: text,
    ...(inputs.prompt.trim() ? { extra: inputs.prompt } : {})
  }
  if (!comment.onPullRequest) {
    const issue = await github.getIssue(comment.number)
    const conversation = await conversationOf(github, comment.number, comment.id)
    return { ...base, what: 'issue', title: issue.title, body: issue.body, conversation }
  }
  const pr = await github.getPull(comment.number)
  const { kept, skipped } = selectFiles(await github.listPullFiles(comment.number), {
    reviewPaths: [],
    diffBudgetTokens: inputs.diff_budget ?? DEFAULT_DIFF_BUDGET
  })
  const context: QuestionContext = {
    ...base,
    what: 'pull request',
    title: pr.title,
    body: pr.body,
    files: kept,
    leftOut: skipped.map(s => s.path)
  }
  // In a thread, the thread is the conversation; elsewhere, the latest comments are.
  if (comment.kind !== 'review') {
    context.conversation = await conversationOf(github, comment.number, comment.id)
  } else {
    context.thread = {
      ...(comment.path !== undefined ? { path: comment.path } : {}),
      ...(comment.line !== undefined ? { line: comment.line } : {}),
      ...(comment.diffHunk !== undefined ? { hunk: comment.diffHunk } : {}),
      comments: await threadOf(
        github,
        comment.number,
        comment.threadRootId ?? comment.id,
        comment.id
      )
    }
  }
  return context
}

/** The latest comments on the pull request or issue before the question. */
async function conversationOf(
  github: GitHubApi,
  number: number,
  questionId: number
): Promise<ShownComment[]> {
  const all = await github.listIssueComments(number)
  return all
    .filter(c => c.id !== questionId)
    .slice(-CONVERSATION)
    .map(c => ({ author: c.author ?? 'ghost', body: c.body }))
}

/** The comments of the review thread rooted at `rootId`, before the question. */
async function threadOf(
  github: GitHubApi,
  pull: number,
  rootId: number,
  questionId: number
): Promise<ShownComment[]> {
  const all = await github.listReviewComments(pull)
  const self = await github.whoami()
  return all
    .filter(c => (c.id === rootId || c.inReplyTo === rootId) && c.id !== questionId)
    .slice(-CONVERSATION)
    .map(c => ({
      author: isOwnComment(c, self) ? 'the action (earlier)' : (c.author ?? 'ghost'),
      body: c.body
    }))
}

/** Asks the model and posts its answer as one reply. */
export async function answerQuestion(
  ctx: JobContext,
  taken: Taken,
  context: QuestionContext
): Promise<JobResult> {
  const { inputs } = ctx
  const { kept: extra, dropped } = readOnlyExtraArgs(splitArgs(inputs.claude_args))
  if (dropped.length > 0) {
    core.warning(
      `claude_args ${dropped.join(', ')} ignored in command mode: the model gets read-only tools and no workspace configuration.`
    )
  }
  const run = await ctx.claude.run({
    prompt: buildQuestionPrompt(context),
    label: `Claude Code: question on #${context.number}`,
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.max_turns !== undefined ? { maxTurns: inputs.max_turns } : {}),
    jsonSchema: ANSWER_JSON_SCHEMA,
    tools: ANSWER_TOOLS,
    kind: 'command',
    timeoutMinutes: inputs.timeout_minutes,
    extra
  })
  reportRun(ctx, run, 'command')
  if (run.outcome.kind !== 'success') return outcomeResult(ctx, run.outcome)
  const parsed = parseAnswer(run.structured ?? run.result)
  if (!parsed.ok) {
    return { conclusion: 'failure', message: `${parsed.error} Nothing was posted.` }
  }
  const body = [
    `> ${oneLine(taken.text)}`,
    formatMarkdown(parsed.answer.answer),
    `<sub>Answered by Claude${run.model ? ` (${run.model})` : ''} for @${taken.comment.author.login} · claude-subscription-action</sub>`
  ].join('\n\n')
  await reply(ctx.github, taken.comment, body)
  ctx.outputs.set('result', parsed.answer.answer)
  ctx.outputs.set('structured_output', JSON.stringify(parsed.answer))
  ctx.summary.text(`Answered the question of ${taken.comment.author.login} on #${context.number}.`)
  return { conclusion: 'success' }
}
