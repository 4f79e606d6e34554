/**
 * Review threads through restApi against the mock GitHub: the GraphQL list (every page, bot logins
 * as REST spells them, 👎 by others only), a reply that GitHub stored before a 502 is not posted
 * twice, and the resolve mutation.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { restApi, type GitHubApi } from '../../src/github/api.js'
import { OutboundGuard } from '../../src/github/guard.js'
import { createOctokit } from '../../src/github/octokit.js'
import {
  BOT,
  fakeSha,
  fileFromPatch,
  startMockGitHub,
  type MockGitHub,
  type MockReviewComment,
  type MockUser
} from '../../__fixtures__/mock-github.js'

const HEAD = fakeSha('threads-api-head')
const ALICE: MockUser = { login: 'alice', type: 'User' }
let mock: MockGitHub
let api: GitHubApi

function comment(id: number, user: MockUser, over: Partial<MockReviewComment> = {}): void {
  mock.state.reviewComments.push({
    id,
    pull_number: 3,
    review_id: null,
    path: 'a.ts',
    line: 1,
    side: 'RIGHT',
    start_line: null,
    start_side: null,
    position: 1,
    body: `comment ${id}`,
    user,
    commit_id: HEAD,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    html_url: `https://github.com/octo-org/octo-repo/pull/3#discussion_r${id}`,
    diff_hunk: '@@ -0,0 +1 @@\n+x',
    ...over
  })
}

beforeEach(async () => {
  mock = await startMockGitHub()
  mock.state.pulls.push({
    number: 3,
    head: { sha: HEAD, ref: 'f', repo: { full_name: 'octo-org/octo-repo' } },
    files: [fileFromPatch('a.ts', '@@ -0,0 +1 @@\n+x', 'added')]
  })
  api = restApi(
    createOctokit('test-token', { baseUrl: mock.url, throttle: false }),
    'octo-org',
    'octo-repo'
  )
})
afterEach(async () => {
  await mock.close()
})

describe('listReviewThreads', () => {
  it('reads every page, with replies, bot logins as REST names them, and 👎 by others', async () => {
    for (let i = 1; i <= 130; i++) comment(i, BOT)
    comment(1000, ALICE, { in_reply_to_id: 1, body: 'wontfix' })
    mock.state.reviewComments[0]!.reactions = [
      { content: '-1', user: ALICE },
      { content: '-1', user: { ...BOT } }
    ]
    const threads = await api.listReviewThreads(3)
    expect(threads).toHaveLength(130)
    expect(mock.calls.filter(c => c.path === '/graphql')).toHaveLength(2)
    const first = threads[0]!
    expect(first).toMatchObject({ id: 'PRRT_1', isResolved: false, isOutdated: false, line: 1 })
    expect(first.comments.map(c => [c.id, c.author, c.body, c.thumbsDownByOthers])).toEqual([
      [1, 'github-actions[bot]', 'comment 1', 1],
      [1000, 'alice', 'wontfix', 0]
    ])
  })
})

describe('replies and resolves', () => {
  it('a reply stored before a 502 is returned, not posted again', async () => {
    comment(1, BOT)
    mock.failNext('POST', /\/pulls\/3\/comments\/1\/replies$/, 502, 1, { afterStore: true })
    const reply = await api.replyToReviewComment(3, 1, 'Resolved by abc1234.')
    expect(reply.body).toBe('Resolved by abc1234.')
    const replies = mock.state.reviewComments.filter(c => c.in_reply_to_id === 1)
    expect(replies.map(c => c.body)).toEqual(['Resolved by abc1234.'])
  })

  it('resolves a thread by its node id; an unknown id fails', async () => {
    comment(1, BOT)
    await api.resolveReviewThread('PRRT_1')
    expect((await api.listReviewThreads(3))[0]?.isResolved).toBe(true)
    await expect(api.resolveReviewThread('PRRT_999')).rejects.toThrow(/Could not resolve/)
  })

  it('the guard sees replies and resolves as writes; listing threads stays a read', async () => {
    comment(1, BOT)
    const guard = new OutboundGuard(() => [])
    const guarded = guard.wrap(api)
    // Tripped by an earlier text holding a token: no later write goes out.
    expect(guard.allows('the output result', `ghp_${'a'.repeat(36)}`)).toBe(false)
    await expect(guarded.replyToReviewComment(3, 1, 'Resolved by abc1234.')).rejects.toThrow(
      /outbound guard/
    )
    await expect(guarded.resolveReviewThread('PRRT_1')).rejects.toThrow(/outbound guard/)
    expect(await guarded.listReviewThreads(3)).toHaveLength(1)
    expect(mock.writes()).toEqual([])
  })
})
