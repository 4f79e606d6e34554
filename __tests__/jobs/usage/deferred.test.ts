/** Deferred items, the pure part: the notice, its due time, which labelled items a run takes up. */
import { describe, expect, it } from '@jest/globals'
import { getInputs } from '../../../src/inputs.js'
import {
  DEFERRED_MARKER,
  deferNotice,
  dueTime,
  labelIsOurs,
  noticeDue,
  ownNotice,
  pickUpWanted,
  selectDeferred,
  UNKNOWN_RESET_WAIT_MS
} from '../../../src/jobs/usage/deferred.js'

const NOW = Date.UTC(2026, 11, 1, 16, 0, 0)
const RESET = Date.UTC(2026, 11, 1, 18, 30, 0)
const SELF = 'github-actions[bot]'

describe('deferNotice and noticeDue', () => {
  it('says what was deferred, why, and the reset in ISO 8601 and in words; the footer records it', () => {
    const body = deferNotice(
      { kind: 'pull', number: 12 },
      { why: 'usage limit reached', resetsAt: RESET, now: NOW }
    )
    expect(body).toContain('Claude deferred the review of this pull request')
    expect(body).toContain('(usage limit reached)')
    expect(body).toContain('**2026-12-01T18:30:00.000Z (18:30 UTC, in 2h 30m)**')
    expect(body).toContain('`claude-deferred`')
    expect(body.trimEnd().split('\n').slice(-2)).toEqual([
      DEFERRED_MARKER,
      '<!-- claude-subscription-action:deferred-until:2026-12-01T18:30:00.000Z -->'
    ])
    expect(noticeDue(body)).toBe(RESET)
  })

  it('an issue is triaged later; with no reset reported it waits the shortest window', () => {
    const body = deferNotice(
      { kind: 'issue', number: 7 },
      { why: 'x', resetsAt: undefined, now: NOW }
    )
    expect(body).toContain('Claude deferred the triage of this issue')
    expect(body).toContain('The reset time was not reported')
    expect(noticeDue(body)).toBe(NOW + UNKNOWN_RESET_WAIT_MS)
    expect(dueTime(undefined, NOW)).toBe(NOW + 5 * 3_600_000)
    expect(dueTime(RESET, NOW)).toBe(RESET)
  })

  it('a due time only in the footer, only with the deferral marker, only a valid date', () => {
    const until = '<!-- claude-subscription-action:deferred-until:2026-12-01T18:30:00.000Z -->'
    expect(noticeDue(`text\n\n${DEFERRED_MARKER}\n${until}`)).toBe(RESET)
    expect(noticeDue(`text\n\n${until}`)).toBeUndefined()
    expect(noticeDue(`${DEFERRED_MARKER}\n${until}\n\nmore text after`)).toBeUndefined()
    expect(
      noticeDue(`${DEFERRED_MARKER}\n<!-- claude-subscription-action:deferred-until:soon -->`)
    ).toBeUndefined()
    expect(noticeDue(undefined)).toBeUndefined()
  })

  it("ownNotice takes the action's latest notice, never one another login wrote", () => {
    const body = `n\n\n${DEFERRED_MARKER}`
    const comments = [
      { id: 1, body, url: '', author: SELF },
      { id: 2, body: 'unrelated', url: '', author: SELF },
      { id: 3, body, url: '', author: 'mallory' }
    ]
    expect(ownNotice(comments, SELF)?.id).toBe(1)
    expect(ownNotice(comments.slice(1), SELF)).toBeUndefined()
  })
})

describe('selectDeferred', () => {
  const item = (number: number, due: number | undefined, isPullRequest = false) => ({
    number,
    isPullRequest,
    due
  })

  it('takes the due items, oldest due first, up to the limit; leaves the rest, the waiting and the unnoticed', () => {
    const s = selectDeferred(
      [
        item(1, NOW - 1000, true),
        item(2, NOW + 60_000),
        item(3, NOW - 5000),
        item(4, undefined, true),
        item(5, NOW),
        item(6, NOW - 100)
      ],
      NOW,
      3
    )
    expect(s.take).toEqual([
      { kind: 'issue', number: 3 },
      { kind: 'pull', number: 1 },
      { kind: 'issue', number: 6 }
    ])
    expect(s.later).toEqual([5])
    expect(s.waiting).toEqual([{ number: 2, due: NOW + 60_000 }])
    expect(s.notOurs).toEqual([4])
  })

  it('nothing due before the reset; a limit of 0 takes nothing', () => {
    expect(selectDeferred([item(1, NOW + 1)], NOW, 20).take).toEqual([])
    expect(selectDeferred([item(1, NOW - 1)], NOW, 0)).toMatchObject({ take: [], later: [1] })
  })
})

describe('pickUpWanted', () => {
  const inputs = (more: Record<string, string> = {}) =>
    getInputs(
      name => ({ mode: 'health', claude_auth: 'x', github_token: 'ghs_x', ...more })[name] ?? ''
    )

  it('after a success or an ordinary skip, with a login', () => {
    expect(pickUpWanted(inputs(), { conclusion: 'success' })).toBe(true)
    expect(pickUpWanted(inputs(), { conclusion: 'skipped', reason: 'a draft' })).toBe(true)
  })

  it('not after a failure, not after the run itself met the usage, not without a login, not with backfill_limit 0', () => {
    expect(pickUpWanted(inputs(), { conclusion: 'failure', message: 'x' })).toBe(false)
    expect(pickUpWanted(inputs(), { conclusion: 'skipped', reason: 'limit', usageLimit: {} })).toBe(
      false
    )
    expect(pickUpWanted(inputs({ claude_auth: '' }), { conclusion: 'success' })).toBe(false)
    expect(pickUpWanted(inputs({ backfill_limit: '0' }), { conclusion: 'success' })).toBe(false)
    expect(pickUpWanted(inputs({ github_token: '' }), { conclusion: 'success' })).toBe(false)
  })

  it('not after a command that was not done (auto resolves to command on a comment)', () => {
    const skipped = { conclusion: 'skipped', reason: 'not a command' } as const
    expect(pickUpWanted(inputs({ mode: 'command' }), skipped)).toBe(false)
    expect(pickUpWanted(inputs({ mode: 'auto' }), skipped, 'command')).toBe(false)
    expect(pickUpWanted(inputs({ mode: 'command' }), { conclusion: 'success' })).toBe(true)
  })
})

describe('labelIsOurs', () => {
  const DUE = RESET
  const labeled = (login: string, at = DUE + 60_000, name = 'claude-deferred') => ({
    event: 'labeled',
    label: { name },
    actor: { login },
    created_at: new Date(at).toISOString()
  })
  it('the action added the label last: ours', () => {
    expect(labelIsOurs([labeled(SELF)], SELF, DUE)).toBe(true)
    expect(labelIsOurs([labeled('Github-Actions[bot]')], SELF, DUE)).toBe(true)
  })
  it('a person put it on before the due time (the deferral found it there): ours', () => {
    expect(labelIsOurs([labeled('triager', NOW)], SELF, DUE)).toBe(true)
  })
  it('a person put it back after the due time (the item may have been taken up): not ours', () => {
    const unlabeled = {
      event: 'unlabeled',
      label: { name: 'claude-deferred' },
      actor: { login: SELF }
    }
    expect(labelIsOurs([labeled(SELF, NOW), unlabeled, labeled('triager')], SELF, DUE)).toBe(false)
    expect(labelIsOurs([labeled('triager')], SELF, DUE)).toBe(false)
  })
  it('no event for this label, or one without a time or an actor: not ours', () => {
    expect(labelIsOurs([labeled(SELF, NOW, 'bug')], SELF, DUE)).toBe(false)
    expect(
      labelIsOurs(
        [{ event: 'labeled', label: { name: 'claude-deferred' }, actor: null }],
        SELF,
        DUE
      )
    ).toBe(false)
    expect(labelIsOurs([], SELF, DUE)).toBe(false)
  })
})
