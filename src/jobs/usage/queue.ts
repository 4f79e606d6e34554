/**
 * What a deferral notice queues, the pure part: the job (the item's own, or a review a command
 * asked for) and the questions asked on the item, each a footer marker of the action's notice. A
 * question is recorded by its comment (kind, id, `updated_at`), the `command_permission` it was
 * asked under and the length of the trigger phrase: never its text. A later deferral of the same
 * item adds to the queue instead of replacing it, so nothing queued is lost.
 */
import { PERMISSIONS, type Permission } from '../../inputs.js'
import type { Queued, QueuedQuestion, WorkItem } from '../context.js'
import { footerMarkers } from '../markers.js'

const PREFIX = 'claude-subscription-action:deferred'
const JOB_PATTERN =
  /^<!-- claude-subscription-action:deferred-job:(auto|review|full-review|none) -->$/
const ATTEMPTS_PATTERN = /^<!-- claude-subscription-action:deferred-attempts:(\d{1,2}) -->$/
const QUESTION_PATTERN =
  /^<!-- claude-subscription-action:deferred-question:(issue|review)-(\d{1,15}):(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z):([a-z]+):(\d{1,3}) -->$/

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/

/** Whether a comment's `updated_at` can be recorded in a marker (GitHub's ISO 8601 in UTC). */
export function isQueueTime(value: string): boolean {
  return TIME.test(value)
}

/** The item's own job and nothing else: what a notice without queue markers means. */
export const AUTO: Queued = { job: 'auto', questions: [] }

/** The queue's footer markers, the job first. */
export function queueMarkers(queue: Queued): string[] {
  return [
    `<!-- ${PREFIX}-job:${queue.job} -->`,
    ...(queue.attempts ? [`<!-- ${PREFIX}-attempts:${queue.attempts} -->`] : []),
    ...queue.questions.map(
      q =>
        `<!-- ${PREFIX}-question:${q.kind}-${q.id}:${q.updatedAt}:${q.permission}:${q.trigger} -->`
    )
  ]
}

/** The queue a notice's footer records (a notice of before the queue markers: `AUTO`). */
export function queueOf(body: string | null | undefined): Queued {
  let job: Queued['job'] | undefined
  let attempts: number | undefined
  const questions: QueuedQuestion[] = []
  for (const line of footerMarkers(body)) {
    const j = JOB_PATTERN.exec(line)
    if (j) job ??= j[1] as Queued['job']
    const a = ATTEMPTS_PATTERN.exec(line)
    if (a) attempts ??= Number(a[1])
    const q = QUESTION_PATTERN.exec(line)
    if (q && (PERMISSIONS as readonly string[]).includes(q[4] as string)) {
      questions.push({
        kind: q[1] as QueuedQuestion['kind'],
        id: Number(q[2]),
        updatedAt: q[3] as string,
        permission: q[4] as Permission,
        trigger: Number(q[5])
      })
    }
  }
  return {
    job: job ?? (questions.length > 0 ? 'none' : 'auto'),
    questions,
    ...(attempts ? { attempts } : {})
  }
}

// A later deferral keeps the widest job: a full review covers a review, which covers the automatic.
const JOB_RANK: Record<Queued['job'], number> = { none: 0, auto: 1, review: 2, 'full-review': 3 }

/** Both queues in one: the wider job, and every question once (the earlier first). */
export function mergeQueues(a: Queued, b: Queued): Queued {
  const job = JOB_RANK[a.job] >= JOB_RANK[b.job] ? a.job : b.job
  const seen = new Set(a.questions.map(q => `${q.kind}-${q.id}`))
  // A failed attempt is not forgotten by a deferral that adds to the queue.
  const attempts = Math.max(a.attempts ?? 0, b.attempts ?? 0)
  return {
    job,
    questions: [...a.questions, ...b.questions.filter(q => !seen.has(`${q.kind}-${q.id}`))],
    ...(attempts ? { attempts } : {})
  }
}

/** What the queue holds, in words for the notice and the log ("the review of …, 2 questions"). */
export function queueWords(item: WorkItem, queue: Queued): { what: string; later: string } {
  const parts: string[] = []
  const later: string[] = []
  const pull = item.kind === 'pull'
  if (queue.job === 'auto' || (!pull && queue.job !== 'none')) {
    parts.push(pull ? 'the review of this pull request' : 'the triage of this issue')
    later.push(pull ? "reviews the pull request's head as it is then" : 'triages the issue then')
  } else if (queue.job === 'review' || queue.job === 'full-review') {
    const full = queue.job === 'full-review'
    parts.push(`the ${full ? 'full review' : 'review'} of this pull request a command asked for`)
    later.push(
      `${full ? 'reviews the whole pull request' : 'reviews the pull request'} at its head as it is then`
    )
  }
  const n = queue.questions.length
  if (n > 0) {
    parts.push(n === 1 ? 'the answer to a question' : `the answers to ${n} questions`)
    later.push(
      n === 1
        ? 'answers the question in reply to it (if it is unedited and its author may still command)'
        : 'answers each question in reply to it (if it is unedited and its author may still command)'
    )
  }
  return { what: parts.join(' and '), later: later.join(', and ') }
}

/** A short name for the summary and the log: `review`, `full review`, `triage`, `question`… */
export function queueName(item: WorkItem): string {
  const queue = item.queue ?? AUTO
  const job =
    queue.job === 'none'
      ? []
      : queue.job === 'auto' || item.kind === 'issue'
        ? [item.kind === 'pull' ? 'review' : 'triage']
        : [queue.job === 'full-review' ? 'full review' : 'review']
  const n = queue.questions.length
  const asked = n === 0 ? [] : [n === 1 ? 'question' : `${n} questions`]
  return [...job, ...asked].join(' + ')
}
