/**
 * The verbs that need no model and no login: `pause` and `resume` (the state kept in the review's
 * sticky summary comment), `resolve` (the action's own outdated review threads, now) and `help`.
 * Each ends with one reply where the command was written.
 */
import type { JobResult, PreContext } from '../context.js'
import { withFooter } from '../markers.js'
import { isPaused, pauseBody, PAUSED_MARKER, pausedNotice, resumeBody } from '../review/pause.js'
import { ownSummary, REVIEW_MARKER, shortSha } from '../review/summary.js'
import { readThreads, resolveOutdated } from '../review/threads.js'
import type { Taken } from './gate.js'
import { verbsOf } from './parse.js'
import { reply } from './reply.js'

/** `pause`: automatic reviews of this pull request stop; the summary says so and how to resume. */
export async function pauseReviews(pre: PreContext, taken: Taken): Promise<JobResult> {
  const { github, inputs } = pre
  const { number } = taken.comment
  const trigger = inputs.trigger_phrase
  const summary = await ownSummary(github, number)
  if (!summary) {
    const body = withFooter(`## Claude review\n\n${pausedNotice(trigger)}`, [
      REVIEW_MARKER,
      PAUSED_MARKER
    ])
    await github.createIssueComment(number, body)
  } else if (!isPaused(summary.body)) {
    await github.updateIssueComment(summary.id, pauseBody(summary.body, trigger))
  }
  await reply(
    github,
    taken.comment,
    `⏸️ Paused automatic reviews of this pull request. \`${trigger} resume\` resumes them; \`${trigger} review\` reviews once.`
  )
  return { conclusion: 'success' }
}

/** `resume`: automatic reviews start again with the next push. */
export async function resumeReviews(pre: PreContext, taken: Taken): Promise<JobResult> {
  const { github, inputs } = pre
  const { number } = taken.comment
  const summary = await ownSummary(github, number)
  const paused = summary !== undefined && isPaused(summary.body)
  if (summary && paused) await github.updateIssueComment(summary.id, resumeBody(summary.body))
  await reply(
    github,
    taken.comment,
    paused
      ? `▶️ Resumed automatic reviews: the next push is reviewed (\`${inputs.trigger_phrase} review\` reviews now).`
      : 'Automatic reviews of this pull request were not paused.'
  )
  return { conclusion: 'success' }
}

/** `resolve`: the action's own threads GitHub marks outdated are resolved now, with a reply each. */
export async function resolveThreads(pre: PreContext, taken: Taken): Promise<JobResult> {
  const { github } = pre
  const { number, author } = taken.comment
  const pr = await github.getPull(number)
  const state = await readThreads(github, number, [])
  if (state.notes.length > 0) return { conclusion: 'failure', message: state.notes[0] as string }
  const why = `Resolved at ${shortSha(pr.headSha)} on request of @${author.login}: the lines this thread points at changed.`
  // Nothing raised again: on request, every outdated thread of the action is resolved.
  const done = await resolveOutdated(github, pr, state, new Set(), why)
  if (done.failed.length > 0) {
    return {
      conclusion: 'failure',
      message: `${done.failed.length} outdated thread(s) could not be resolved (${done.failed[0]}).`
    }
  }
  await reply(
    github,
    taken.comment,
    done.resolved > 0
      ? `✅ Resolved ${done.resolved} outdated review thread(s) of mine.`
      : 'No outdated review thread of mine to resolve.'
  )
  pre.outputs.set('result', String(done.resolved))
  return { conclusion: 'success' }
}

/** `help` (or the trigger phrase alone): what can be asked here. */
export async function help(pre: PreContext, taken: Taken): Promise<JobResult> {
  const trigger = pre.inputs.trigger_phrase
  const lines = verbsOf(taken.comment.onPullRequest).map(
    v => `- \`${trigger} ${v}\`: ${VERB_HELP[v]}`
  )
  await reply(
    pre.github,
    taken.comment,
    [
      `Commands here (anything else after \`${trigger}\` is a question, answered in one reply):`,
      ...lines
    ].join('\n')
  )
  return { conclusion: 'success' }
}

const VERB_HELP: Record<string, string> = {
  review: 'review what changed since the last review, now (drafts too)',
  'full review': 'review the whole pull request again, whatever was reviewed before',
  pause: 'stop automatic reviews of this pull request',
  resume: 'start automatic reviews again',
  resolve: 'resolve my review threads whose lines changed',
  triage: 'label this issue now, even if it was triaged before'
}
