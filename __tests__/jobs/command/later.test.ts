/**
 * A deferred question read again before it is answered (`retake`), over the in-memory GitHub: the
 * comment must still be there, unedited, a question, by a person who is not the action and who
 * still has the permission it was asked under. Nothing is written either way.
 */
import { describe, expect, it } from '@jest/globals'
import { FAKE_SELF, FakeGitHub } from '../../../__fixtures__/github-fake.js'
import { retake } from '../../../src/jobs/command/later.js'
import type { QueuedQuestion } from '../../../src/jobs/context.js'

const T = '2026-12-01T15:59:58Z'
const Q: QueuedQuestion = { kind: 'issue', id: 900, updatedAt: T, permission: 'write', trigger: 7 }

function world(body = '@claude why does it crash?', author = 'maintainer', type = 'User') {
  const gh = new FakeGitHub()
  gh.permissions = { maintainer: 'write', reader: 'read' }
  gh.comments.push({ id: 900, issue: 3, body, url: '', author, authorType: type, updatedAt: T })
  return gh
}
const ISSUE = { kind: 'issue' as const, number: 3 }

describe('retake', () => {
  it('an unedited question by someone who may still command: taken, with the text after the phrase', async () => {
    const gh = world()
    const taken = await retake({ github: gh.api }, ISSUE, Q)
    expect(taken).toEqual({
      text: 'why does it crash?',
      comment: expect.objectContaining({
        kind: 'issue',
        id: 900,
        number: 3,
        onPullRequest: false,
        author: { login: 'maintainer', type: 'User' }
      })
    })
    expect(gh.writes).toEqual([])
  })

  it('a review comment: the reply goes to its thread, with its hunk', async () => {
    const gh = new FakeGitHub()
    gh.permissions = { maintainer: 'admin' }
    gh.reviewComments.push({
      id: 901,
      pull: 12,
      body: '@claude why?',
      url: '',
      author: 'maintainer',
      updatedAt: T,
      inReplyTo: 880,
      path: 'src/calc.ts',
      line: 2,
      diffHunk: '@@ -1 +1 @@'
    })
    const taken = await retake(
      { github: gh.api },
      { kind: 'pull', number: 12 },
      {
        ...Q,
        kind: 'review',
        id: 901
      }
    )
    expect(taken).toMatchObject({
      text: 'why?',
      comment: {
        kind: 'review',
        threadRootId: 880,
        path: 'src/calc.ts',
        line: 2,
        diffHunk: '@@ -1 +1 @@'
      }
    })
  })

  it('dropped: deleted, edited, a bot, the action, a verb, a permission lost', async () => {
    const dropped = async (gh: FakeGitHub, q = Q) => {
      const r = await retake({ github: gh.api }, ISSUE, q)
      return 'dropped' in r ? r.dropped : 'taken'
    }
    expect(await dropped(world(), { ...Q, id: 901 })).toBe('it was deleted')
    expect(await dropped(world(), { ...Q, updatedAt: '2026-12-01T15:59:57Z' })).toBe(
      'it was edited since it was asked'
    )
    expect(await dropped(world('@claude hi', 'renovate[bot]', 'Bot'))).toMatch(/by a bot/)
    expect(await dropped(world('@claude hi', FAKE_SELF))).toMatch(/the action's own/)
    expect(await dropped(world('@claude triage'))).toBe(
      'it is no question after the trigger phrase'
    )
    expect(await dropped(world('@claude hi', 'reader'))).toBe(
      'reader has read permission now; command_permission needs write'
    )
    expect(await dropped(world('@claude hi', 'reader'), { ...Q, permission: 'read' })).toBe('taken')
  })
})
