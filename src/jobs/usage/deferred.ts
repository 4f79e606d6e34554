/**
 * Deferred items, the pure part: the label and the notice that mark a pull request or issue whose
 * job the subscription's usage stopped (`on_usage_limit: defer`), when such an item is due again,
 * and which of the labelled items a later run takes up. Only a notice the action wrote (its
 * footer marker, its author) counts: anyone who may label an issue could otherwise queue work.
 */
import type { Comment } from '../../github/api.js'
import type { TimelineEvent } from '../../github/types.js'
import { isOwnComment } from '../../github/identity.js'
import type { Inputs } from '../../inputs.js'
import { resetTime } from '../../report/usage.js'
import { formatSpan, iso } from '../../time.js'
import type { JobResult, Queued, WorkItem } from '../context.js'
import { footerValue, hasFooterMarker, withFooter } from '../markers.js'
import type { OwnLabel } from '../labels.js'
import { AUTO, queueMarkers, queueWords } from './queue.js'

/** The label a deferred pull request or issue carries until a run takes it up. */
export const DEFERRED_LABEL: OwnLabel = {
  name: 'claude-deferred',
  color: 'fbca04',
  description: 'Claude stopped at the usage limit: a run after the reset takes this up'
}

/** Finds the action's notice again (in the comment's footer). */
export const DEFERRED_MARKER = '<!-- claude-subscription-action:deferred -->'
const DUE_PREFIX = 'claude-subscription-action:deferred-until:'
const DUE_PATTERN =
  /^<!-- claude-subscription-action:deferred-until:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z) -->$/

/** With no reset time reported, an item waits this long: the shortest window (5 hours). */
export const UNKNOWN_RESET_WAIT_MS = 5 * 3_600_000

/** When a deferred item is due: the reported reset, else the shortest window from now. */
export function dueTime(resetsAt: number | undefined, now: number): number {
  return resetsAt ?? now + UNKNOWN_RESET_WAIT_MS
}

/**
 * The notice on the item: what was deferred (its queue: the job, the questions), why, and when it
 * is taken up (ISO and in words). The footer records the due time and the queue.
 */
export function deferNotice(
  item: WorkItem,
  at: { why: string; resetsAt: number | undefined; now: number }
): string {
  const due = dueTime(at.resetsAt, at.now)
  const queue = item.queue ?? AUTO
  const words = queueWords(item, queue)
  const when = `${iso(due)} (${resetTime(due, at.now)}, in ${formatSpan(Math.max(0, due - at.now))})`
  const reset =
    at.resetsAt !== undefined
      ? `The subscription's usage resets at **${when}**.`
      : `The reset time was not reported: the item waits until **${when}**.`
  const text = [
    `**Claude deferred ${words.what}**: the subscription's usage stopped it (${at.why}).`,
    '',
    `${reset} The first run of this action after that time ${words.later}, and takes the label \`${DEFERRED_LABEL.name}\` off; take the label off yourself to cancel.`
  ].join('\n')
  // The queue first: the deferral marker and the due time stay the footer's last two lines.
  return withFooter(text, [
    ...queueMarkers(queue),
    DEFERRED_MARKER,
    `<!-- ${DUE_PREFIX}${iso(due)} -->`
  ])
}

/** The due time a notice records, or undefined when it is not a deferral notice. */
export function noticeDue(body: string | null | undefined): number | undefined {
  if (!hasFooterMarker(body, DEFERRED_MARKER)) return undefined
  const value = footerValue(body, DUE_PATTERN)
  const ms = value !== undefined ? Date.parse(value) : NaN
  return Number.isFinite(ms) ? ms : undefined
}

/** The action's own latest deferral notice among an item's comments. */
export function ownNotice(comments: readonly Comment[], self: string): Comment | undefined {
  return [...comments]
    .reverse()
    .find(c => isOwnComment(c, self) && hasFooterMarker(c.body, DEFERRED_MARKER))
}

/**
 * Whether the deferred label is the action's queue entry: the action added it last, or a person put
 * it on before the due time of the action's notice (GitHub records no event when the action's
 * deferral finds the label already there). A label put on after that time, when the item may have
 * been taken up already (its notice stays), is a person's alone: anyone who may label (triage)
 * could otherwise queue the item again.
 */
export function labelIsOurs(events: readonly TimelineEvent[], self: string, due: number): boolean {
  const added = events.filter(
    e => e.event === 'labeled' && e.label?.name?.toLowerCase() === DEFERRED_LABEL.name
  )
  const last = added[added.length - 1]
  if (!last) return false
  if (isOwnComment({ author: last.actor?.login }, self)) return true
  const at = last.created_at ? Date.parse(last.created_at) : NaN
  return Number.isFinite(at) && at < due
}

/** A labelled item as the pickup lists it, with the action's own notice (if it has one). */
export interface Labelled {
  number: number
  isPullRequest: boolean
  /** The due time of the action's own notice; undefined when there is none. */
  due: number | undefined
  /** What the notice queues (default: the item's own job). */
  queue?: Queued
}

/** Which labelled items a run takes up now, and which it leaves. */
export interface Selection {
  /** Due, oldest due first, at most the limit. */
  take: WorkItem[]
  /** Due, beyond the limit: a later run takes them. */
  later: number[]
  /** Not due yet. */
  waiting: Array<{ number: number; due: number }>
  /** No notice by the action (a person added the label): left alone. */
  notOurs: number[]
}

/** Splits the labelled items: pure, so the rules are tested with plain objects. */
export function selectDeferred(items: readonly Labelled[], now: number, limit: number): Selection {
  const notOurs = items.filter(i => i.due === undefined).map(i => i.number)
  const dated = items.filter((i): i is Labelled & { due: number } => i.due !== undefined)
  const waiting = dated.filter(i => i.due > now).map(i => ({ number: i.number, due: i.due }))
  const due = dated.filter(i => i.due <= now).sort((a, b) => a.due - b.due || a.number - b.number)
  const item = (i: Labelled): WorkItem => ({
    kind: i.isPullRequest ? 'pull' : 'issue',
    number: i.number,
    ...(i.queue ? { queue: i.queue } : {})
  })
  return {
    take: due.slice(0, limit).map(item),
    later: due.slice(limit).map(i => i.number),
    waiting,
    notOurs
  }
}

/**
 * Whether a run looks for deferred items after its own job: not when that job failed or was
 * itself stopped by the usage, not after a command that was not done (the gate's skip: anyone may
 * comment, and must not spend the login on others' work), not without a login to run the CLI
 * with or a GitHub token, not with backfill_limit 0.
 */
export function pickUpWanted(
  inputs: Pick<
    Inputs,
    | 'mode'
    | 'claude_auth'
    | 'claude_code_oauth_token'
    | 'anthropic_api_key'
    | 'backfill_limit'
    | 'github_token'
  >,
  result: JobResult,
  mode: string = inputs.mode
): boolean {
  if (result.conclusion === 'failure') return false
  if (result.conclusion === 'skipped' && (result.usageLimit || mode === 'command')) return false
  if (inputs.backfill_limit === 0 || inputs.github_token.trim() === '') return false
  return [inputs.claude_auth, inputs.claude_code_oauth_token, inputs.anthropic_api_key].some(
    s => s.trim() !== ''
  )
}
