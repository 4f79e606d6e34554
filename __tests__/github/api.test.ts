/**
 * restApi against the mock GitHub: who the token writes as, and creates that GitHub stored before
 * answering 502 are found again instead of repeated (plugin-retry would have posted them twice).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { restApi, type GitHubApi } from '../../src/github/api.js'
import { createOctokit } from '../../src/github/octokit.js'
import {
  BOT,
  fakeSha,
  fileFromPatch,
  startMockGitHub,
  type MockGitHub
} from '../../__fixtures__/mock-github.js'

let mock: MockGitHub
let api: GitHubApi
const ISSUE = /\/repos\/octo-org\/octo-repo\/issues$/
const COMMENTS = /\/issues\/1\/comments$/

beforeEach(async () => {
  mock = await startMockGitHub()
  mock.state.issues.push({ number: 1, title: 'an issue' })
  api = restApi(
    createOctokit('test-token', { baseUrl: mock.url, throttle: false }),
    'octo-org',
    'octo-repo'
  )
})
afterEach(async () => {
  await mock.close()
})

describe('whoami', () => {
  it('an installation token (refused /user) is named by GraphQL viewer, once per run', async () => {
    mock.actor = { login: 'my-app[bot]', type: 'Bot' }
    expect(await api.whoami()).toBe('my-app[bot]')
    expect(await api.whoami()).toBe('my-app[bot]')
    expect(mock.calls.map(c => `${c.method} ${c.path} ${c.status}`)).toEqual([
      'GET /user 403',
      'POST /graphql 200'
    ])
  })

  it("a user's token is named by /user", async () => {
    mock.actor = { login: 'octocat', type: 'User' }
    expect(await api.whoami()).toBe('octocat')
  })

  it('with neither answering, the default GITHUB_TOKEN bot', async () => {
    mock.failNext('POST', '/graphql', 404)
    expect(await api.whoami()).toBe(BOT.login)
  })
})

describe('creates are never repeated blindly', () => {
  it('a comment stored before a 502 is returned, not posted again', async () => {
    mock.failNext('POST', COMMENTS, 502, 1, { afterStore: true })
    const c = await api.createIssueComment(1, 'the summary')
    expect(c.body).toBe('the summary')
    expect(mock.state.issueComments.map(x => x.body)).toEqual(['the summary'])
  })

  it("someone else's comment with the same text is not taken for the action's", async () => {
    mock.state.issueComments.push({
      id: 77,
      issue_number: 1,
      body: 'the summary',
      user: { login: 'mallory', type: 'User' },
      created_at: '2026-11-28T00:00:00Z',
      updated_at: '2026-11-28T00:00:00Z'
    })
    mock.failNext('POST', COMMENTS, 502, 1)
    const c = await api.createIssueComment(1, 'the summary')
    expect(c.id).not.toBe(77)
    expect(mock.state.issueComments.map(x => x.user.login)).toEqual(['mallory', BOT.login])
  })

  it("an older comment of the action's with the same text is not taken for this one", async () => {
    mock.state.issueComments.push({
      id: 78,
      issue_number: 1,
      body: 'The Claude login is healthy again.',
      user: { ...BOT },
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z'
    })
    mock.failNext('POST', COMMENTS, 502, 1)
    const c = await api.createIssueComment(1, 'The Claude login is healthy again.')
    expect(c.id).not.toBe(78)
    expect(mock.state.issueComments).toHaveLength(2)
  })

  it('an earlier review of the same head is told apart by its inline comments', async () => {
    const head = fakeSha('api-head')
    mock.state.pulls.push({
      number: 5,
      head: { sha: head, ref: 'f', repo: { full_name: 'octo-org/octo-repo' } },
      files: [fileFromPatch('a.ts', '@@ -1,1 +1,2 @@\n x\n+y')],
      commits: [{ sha: head }]
    })
    const review = (body: string) => ({
      commitId: head,
      body: 'Claude reviewed: 1 inline comment.',
      comments: [{ path: 'a.ts', line: 2, side: 'RIGHT' as const, body }]
    })
    await api.createReview(5, review('first finding'))
    mock.failNext('POST', /\/pulls\/5\/reviews$/, 502, 1)
    await api.createReview(5, review('second finding'))
    expect(mock.state.reviews).toHaveLength(2)
    mock.failNext('POST', /\/pulls\/5\/reviews$/, 502, 1, { afterStore: true })
    await api.createReview(5, review('third finding'))
    expect(mock.state.reviewComments.map(c => c.body)).toEqual([
      'first finding',
      'second finding',
      'third finding'
    ])
  })

  it('an issue stored before a 502 is returned, not opened again', async () => {
    mock.failNext('POST', ISSUE, 502, 1, { afterStore: true })
    const i = await api.createIssue({ title: 'Login needs attention', body: 'b', labels: [] })
    expect(i.title).toBe('Login needs attention')
    expect(mock.state.issues.map(x => x.title)).toEqual(['an issue', 'Login needs attention'])
  })

  it('a create that fails twice fails, after one more try only', async () => {
    mock.failNext('POST', COMMENTS, 502, 2)
    await expect(api.createIssueComment(1, 'x')).rejects.toMatchObject({ status: 502 })
    expect(mock.calls.filter(c => c.method === 'POST' && COMMENTS.test(c.path))).toHaveLength(2)
    expect(mock.state.issueComments).toHaveLength(0)
  })

  it('a 4xx is final: no lookup, no second try', async () => {
    mock.failNext('POST', COMMENTS, 422, 1)
    await expect(api.createIssueComment(1, 'x')).rejects.toMatchObject({ status: 422 })
    expect(mock.calls.map(c => `${c.method} ${c.path}`)).toEqual([
      'POST /repos/octo-org/octo-repo/issues/1/comments'
    ])
  })
})
