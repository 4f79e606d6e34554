import { describe, expect, it } from '@jest/globals'
import { humanLabelHistory, type TimelineEvent } from '../../../src/jobs/triage/timeline.js'

const human = { login: 'octocat', type: 'User' }
const action = { login: 'github-actions[bot]', type: 'Bot' }

function ev(
  event: string,
  name: string,
  actor: TimelineEvent['actor'],
  minute: number
): TimelineEvent {
  return {
    event,
    label: { name },
    actor,
    created_at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString()
  }
}

describe('humanLabelHistory', () => {
  it('a label a person added last is human-added, one removed last is human-removed', () => {
    const h = humanLabelHistory([
      ev('labeled', 'bug', human, 1),
      ev('labeled', 'question', action, 2),
      ev('unlabeled', 'question', human, 3),
      ev('labeled', 'docs', human, 4),
      ev('unlabeled', 'docs', human, 5),
      ev('labeled', 'docs', human, 6)
    ])
    expect([...h.humanAdded].sort()).toEqual(['bug', 'docs'])
    expect([...h.humanRemoved]).toEqual(['question'])
  })

  it('ignores bots, including the action itself, and events without a label', () => {
    const h = humanLabelHistory([
      ev('labeled', 'bug', human, 1),
      ev('unlabeled', 'bug', action, 2),
      ev('unlabeled', 'stale', { login: 'renovate[bot]' }, 3),
      { event: 'commented', actor: human, created_at: '2026-01-01T00:09:00Z' },
      { event: 'labeled', label: null, actor: human, created_at: '2026-01-01T00:10:00Z' }
    ])
    expect([...h.humanAdded]).toEqual(['bug'])
    expect(h.humanRemoved.size).toBe(0)
  })

  it('treats listed logins (a PAT the action writes with) as automation', () => {
    const h = humanLabelHistory([ev('unlabeled', 'bug', { login: 'Ci-User', type: 'User' }, 1)], {
      botLogins: ['ci-user']
    })
    expect(h.humanRemoved.size).toBe(0)
  })

  it('treats an event without an actor as a person (never re-add what someone removed)', () => {
    const h = humanLabelHistory([ev('unlabeled', 'bug', null, 1)])
    expect([...h.humanRemoved]).toEqual(['bug'])
  })

  it('compares names case-insensitively and lower-cases them', () => {
    const h = humanLabelHistory([
      ev('labeled', 'Bug', human, 1),
      ev('unlabeled', 'BUG', human, 2),
      ev('labeled', 'Priority/High', human, 3)
    ])
    expect([...h.humanRemoved]).toEqual(['bug'])
    expect([...h.humanAdded]).toEqual(['priority/high'])
  })

  it('orders by created_at, whatever order the events come in', () => {
    const h = humanLabelHistory([ev('labeled', 'bug', human, 5), ev('unlabeled', 'bug', human, 2)])
    expect([...h.humanAdded]).toEqual(['bug'])
    expect(h.humanRemoved.size).toBe(0)
  })

  it('keeps the given order when timestamps are missing', () => {
    const h = humanLabelHistory([
      { event: 'labeled', label: { name: 'bug' }, actor: human },
      { event: 'unlabeled', label: { name: 'bug' }, actor: human }
    ])
    expect([...h.humanRemoved]).toEqual(['bug'])
  })
})
