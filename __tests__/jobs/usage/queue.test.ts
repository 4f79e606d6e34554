/** What a deferral notice queues: its footer markers, read back, merged, and put in words. */
import { describe, expect, it } from '@jest/globals'
import type { Queued, QueuedQuestion } from '../../../src/jobs/context.js'
import { deferNotice, noticeDue } from '../../../src/jobs/usage/deferred.js'
import {
  AUTO,
  isQueueTime,
  mergeQueues,
  queueMarkers,
  queueName,
  queueOf,
  queueWords
} from '../../../src/jobs/usage/queue.js'

const NOW = Date.UTC(2026, 11, 1, 16, 0, 0)
const RESET = Date.UTC(2026, 11, 1, 18, 30, 0)
const Q1: QueuedQuestion = {
  kind: 'review',
  id: 70012,
  updatedAt: '2026-12-01T15:59:58Z',
  permission: 'write',
  trigger: 7
}
const Q2: QueuedQuestion = { ...Q1, kind: 'issue', id: 70013, permission: 'triage' }

describe('queue markers', () => {
  it('a question is its comment (kind, id, updated_at), its permission and trigger length: read back as written', () => {
    const queue: Queued = { job: 'none', questions: [Q1, Q2] }
    expect(queueMarkers(queue)).toEqual([
      '<!-- claude-subscription-action:deferred-job:none -->',
      '<!-- claude-subscription-action:deferred-question:review-70012:2026-12-01T15:59:58Z:write:7 -->',
      '<!-- claude-subscription-action:deferred-question:issue-70013:2026-12-01T15:59:58Z:triage:7 -->'
    ])
    const body = deferNotice(
      { kind: 'pull', number: 12, queue },
      { why: 'usage limit reached', resetsAt: RESET, now: NOW }
    )
    expect(queueOf(body)).toEqual(queue)
    // The due time and the deferral marker stay the footer's last two lines.
    expect(noticeDue(body)).toBe(RESET)
    expect(body).toContain('Claude deferred the answers to 2 questions')
  })

  it("a notice without queue markers is the item's own job; markers outside the footer, or malformed, count for nothing", () => {
    expect(queueOf('notice\n\n<!-- claude-subscription-action:deferred -->')).toEqual(AUTO)
    expect(queueOf(undefined)).toEqual(AUTO)
    const [job, question] = queueMarkers({ job: 'full-review', questions: [Q1] })
    expect(queueOf(`${job}\n${question}\n\nmore text after`)).toEqual(AUTO)
    expect(
      queueOf(
        '<!-- claude-subscription-action:deferred-question:issue-5:2026-12-01T15:59:58Z:owner:7 -->'
      )
    ).toEqual(AUTO)
    expect(queueOf(`x\n\n${question}`)).toEqual({ job: 'none', questions: [Q1] })
  })
})

describe('isQueueTime', () => {
  it("takes GitHub's ISO 8601 in UTC only: anything else could not be a footer marker", () => {
    expect(isQueueTime('2026-12-01T15:59:58Z')).toBe(true)
    expect(isQueueTime('2026-12-01T15:59:58.123Z')).toBe(true)
    expect(isQueueTime('2026-12-01T15:59:58+00:00')).toBe(false)
    expect(isQueueTime('2026-12-01T15:59:58Z -->\n<!-- x')).toBe(false)
  })
})

describe('mergeQueues', () => {
  it('keeps the wider job and every question once, the earlier first', () => {
    const a: Queued = { job: 'auto', questions: [Q1] }
    const b: Queued = { job: 'review', questions: [Q2, Q1] }
    expect(mergeQueues(a, b)).toEqual({ job: 'review', questions: [Q1, Q2] })
    expect(mergeQueues({ job: 'full-review', questions: [] }, b).job).toBe('full-review')
    expect(mergeQueues({ job: 'none', questions: [] }, AUTO).job).toBe('auto')
    // A failed attempt recorded on either side is kept.
    expect(mergeQueues({ ...AUTO, attempts: 1 }, b)).toEqual({
      ...mergeQueues(AUTO, b),
      attempts: 1
    })
    expect(queueOf(`x\n\n${queueMarkers({ ...AUTO, attempts: 1 }).join('\n')}`)).toEqual({
      ...AUTO,
      attempts: 1
    })
    expect(queueMarkers({ ...AUTO, attempts: 1 })).toContain(
      '<!-- claude-subscription-action:deferred-attempts:1 -->'
    )
  })
})

describe('words', () => {
  it('names the queue for the notice and the summary', () => {
    const pull = (queue: Queued) => ({ kind: 'pull' as const, number: 12, queue })
    expect(queueWords(pull(AUTO), AUTO).what).toBe('the review of this pull request')
    expect(
      queueWords(pull({ job: 'full-review', questions: [Q1] }), {
        job: 'full-review',
        questions: [Q1]
      }).what
    ).toBe('the full review of this pull request a command asked for and the answer to a question')
    expect(queueName({ kind: 'issue', number: 3 })).toBe('triage')
    expect(queueName(pull({ job: 'none', questions: [Q1] }))).toBe('question')
    expect(queueName(pull({ job: 'review', questions: [Q1, Q2] }))).toBe('review + 2 questions')
  })
})
