/**
 * `mode: command`: a comment that starts with the trigger phrase. The gate decides, before any
 * login and with nothing written, whether the comment is a command at all; a taken comment gets 👀
 * at once, then its verb runs: pause, resume, resolve and help need no model; review, full review,
 * triage and questions run the CLI (main's `withModel`: the login, the ceiling, the sandbox). A
 * failed command takes its 👀 back and replies with one line saying what went wrong. Under
 * `on_usage_limit: defer` a command the usage stopped is queued on its item as what it asked for
 * (a question by its comment, never its text) and the reply says until when.
 */
import * as core from '@actions/core'
import { AuthError } from '../../auth/errors.js'
import { iso } from '../../time.js'
import type {
  JobContext,
  JobResult,
  PreContext,
  Prepared,
  Queued,
  QueuedQuestion,
  WorkItem
} from '../context.js'
import { prepareReview } from '../review/prepare.js'
import { triageOne } from '../triage/issue.js'
import { triageSettings } from '../triage/settings.js'
import { DEFERRED_LABEL } from '../usage/deferred.js'
import { isQueueTime } from '../usage/queue.js'
import { answerQuestion, prepareQuestion } from './answer.js'
import { gate, type Taken } from './gate.js'
import { parseVerb, type Verb } from './parse.js'
import { firstLine, reply, replyFailure, sentenceOf } from './reply.js'
import { help, pauseReviews, resolveThreads, resumeReviews } from './verbs.js'

/** Runs a job that needs the CLI: main's `withClaude` for the `command` kind. */
export type WithModel = (prepared: Prepared) => Promise<JobResult>

// The re-auth steps are for the maintainers, in the log: the comment only points there.
const RENEW = "The workflow run's log says how to renew the login."

/** What a failure reply says could not be done, by verb. */
const WHAT: Record<Verb, string> = {
  question: 'answer',
  review: 'review',
  'full review': 'review',
  pause: 'pause reviews',
  resume: 'resume reviews',
  resolve: 'resolve threads',
  triage: 'triage',
  help: 'help'
}

/** The command of this event, start to end. */
export async function runCommand(pre: PreContext, withModel: WithModel): Promise<JobResult> {
  const taken = await gate(pre.inputs, pre.event, pre.github)
  if ('skip' in taken) return { conclusion: 'skipped', reason: taken.skip }
  const { comment } = taken
  const verb = parseVerb(taken.text, comment.onPullRequest)
  core.info(
    `${comment.author.login} commands on #${comment.number}: ${verb === 'question' ? 'a question' : verb}.`
  )
  const reaction = await pre.github.addReaction({ kind: comment.kind, id: comment.id }, 'eyes')
  let result: JobResult
  try {
    result = await dispatch(pre, taken, verb, withModel)
  } catch (err) {
    const renew = err instanceof AuthError ? ` ${RENEW}` : ''
    await replyFailure(pre.github, comment, reaction, WHAT[verb], sentenceOf(err) + renew)
    throw err
  }
  if (result.conclusion === 'failure') {
    const sentence = firstLine(result.message) + (result.auth ? ` ${RENEW}` : '')
    await replyFailure(pre.github, comment, reaction, WHAT[verb], sentence)
  } else if (result.conclusion === 'skipped') {
    // Taken, but not done (already reviewed, a usage limit): the person who asked is told why.
    await reply(
      pre.github,
      comment,
      result.deferred
        ? deferredReply(verb, comment.number, result.deferred)
        : `Not done: ${result.reason}.`
    )
  }
  return result
}

async function dispatch(
  pre: PreContext,
  taken: Taken,
  verb: Verb,
  withModel: WithModel
): Promise<JobResult> {
  const { number } = taken.comment
  switch (verb) {
    case 'help':
      return help(pre, taken)
    case 'pause':
      return pauseReviews(pre, taken)
    case 'resume':
      return resumeReviews(pre, taken)
    case 'resolve':
      return resolveThreads(pre, taken)
    case 'review':
    case 'full review': {
      const full = verb === 'full review'
      const prepared = await prepareReview(pre, { number, full })
      if ('skip' in prepared) return { conclusion: 'skipped', reason: prepared.skip }
      // Deferred, it is taken up as what was asked: drafts and paused reviews too, full or not.
      const queue: Queued = { job: full ? 'full-review' : 'review', questions: [] }
      return withModel({ ...prepared, item: { kind: 'pull', number, queue } })
    }
    case 'triage':
      // Triage of one issue never skips an issue triaged before: deferred, it is the item's own job.
      return withModel({ run: ctx => triageNow(ctx, taken), item: { kind: 'issue', number } })
    case 'question': {
      const context = await prepareQuestion(pre, taken)
      const item = questionItem(pre, taken)
      return withModel({
        run: ctx => answerQuestion(ctx, taken, context),
        ...(item ? { item } : {})
      })
    }
  }
}

/** `triage`: the issue labelled now (even if it was before), and one line saying what changed. */
async function triageNow(ctx: JobContext, taken: Taken): Promise<JobResult> {
  const { settings } = triageSettings(ctx.inputs, ctx.inputs.prompt)
  const { result, applied: labels } = await triageOne(ctx, settings, taken.comment.number)
  if (result.conclusion !== 'success') return result
  await reply(
    ctx.github,
    taken.comment,
    labels.length > 0
      ? `🏷️ Triaged: added ${labels.map(l => `\`${l}\``).join(', ')}.`
      : '🏷️ Triaged: no label to add (the labels that qualify are already on it, or none fits).'
  )
  return result
}

/**
 * A question as a deferred item: its pull request or issue, queueing the comment that asked (never
 * its text). A comment without a timestamp (in GitHub's ISO form) cannot be checked for edits
 * later: it is not deferred (the reply says "Not done").
 */
function questionItem(pre: PreContext, taken: Taken): WorkItem | undefined {
  const { comment } = taken
  if (comment.updatedAt === undefined || !isQueueTime(comment.updatedAt)) return undefined
  const question: QueuedQuestion = {
    kind: comment.kind,
    id: comment.id,
    updatedAt: comment.updatedAt,
    permission: pre.inputs.command_permission,
    trigger: pre.inputs.trigger_phrase.length
  }
  return {
    kind: comment.onPullRequest ? 'pull' : 'issue',
    number: comment.number,
    queue: { job: 'none', questions: [question] }
  }
}

/** What a deferred command does after the reset, by verb. */
const LATER: Record<Verb, string> = {
  question: 'answers this question',
  review: 'reviews this pull request at its head as it is then',
  'full review': 'reviews the whole pull request at its head as it is then',
  triage: 'triages this issue',
  pause: '',
  resume: '',
  resolve: '',
  help: ''
}

/** The reply to a command the usage stopped and `on_usage_limit: defer` queued. */
function deferredReply(verb: Verb, number: number, deferred: { until: number; why: string }) {
  return `⏳ Deferred until ${iso(deferred.until)} (${deferred.why}): the first run of this action after that time ${LATER[verb]}. Take the label \`${DEFERRED_LABEL.name}\` off #${number} to cancel.`
}
