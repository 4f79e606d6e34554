import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import sodium from 'libsodium-wrappers'
import {
  fakeSha,
  fileFromPatch,
  startMockGitHub,
  type MockGitHub
} from '../__fixtures__/mock-github.js'

type Octokit = ReturnType<typeof getOctokit>

const owner = 'octo-org'
const repo = 'octo-repo'

// Hunk 1: new lines 1..5 (1 context, 2-3 added, 4-5 context); hunk 2: new lines 20..23.
const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' import a from "a"',
  '-const x = 1',
  '+const x = 2',
  '+const y = 3',
  ' ',
  ' export { x }',
  '@@ -18,3 +20,4 @@ function f() {',
  '   return 1',
  '+  // added',
  ' }',
  ' '
].join('\n')

function statusOf(err: unknown): number | undefined {
  return (err as { status?: number }).status
}

async function expectStatus(promise: Promise<unknown>, status: number): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    expect(statusOf(err)).toBe(status)
    return (err as { response?: { data?: unknown } }).response?.data
  }
  throw new Error(`expected HTTP ${status}, got success`)
}

describe('mock GitHub', () => {
  let mock: MockGitHub
  let octokit: Octokit

  beforeEach(async () => {
    mock = await startMockGitHub()
    octokit = getOctokit('test-token', { baseUrl: mock.url })
  })
  afterEach(async () => {
    await mock.close()
  })

  it('serves the repository and /user, requires auth, 404s the rest', async () => {
    const { data } = await octokit.rest.repos.get({ owner, repo })
    expect(data.default_branch).toBe('main')
    expect(data.full_name).toBe('octo-org/octo-repo')
    // The default actor is the GITHUB_TOKEN's bot: /user is refused, GraphQL viewer answers.
    await expectStatus(octokit.rest.users.getAuthenticated(), 403)
    const viewer = await octokit.graphql<{ viewer: { login: string } }>(
      'query { viewer { login } }'
    )
    expect(viewer.viewer.login).toBe('github-actions[bot]')
    mock.actor = { login: 'test-user', type: 'User' }
    expect((await octokit.rest.users.getAuthenticated()).data.login).toBe('test-user')
    await expectStatus(octokit.rest.repos.get({ owner, repo: 'nope' }), 404)
    await expectStatus(octokit.request('GET /nothing/here'), 404)
    expect(mock.calls.some(c => c.path === '/nothing/here')).toBe(true)
    const res = await fetch(`${mock.url}/repos/${owner}/${repo}`)
    expect(res.status).toBe(401)
    expect(mock.calls[0]?.headers.authorization).toBe('token test-token')
  })

  it('paginates 250 PR files with GitHub Link headers', async () => {
    mock.state.pulls.push({
      number: 7,
      files: Array.from({ length: 250 }, (_, i) =>
        fileFromPatch(`src/f${i}.ts`, '@@ -0,0 +1 @@\n+x', 'added')
      )
    })
    const first = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 7 })
    expect(first.data).toHaveLength(30)
    expect(first.headers.link).toBe(
      `<${mock.url}/repos/${owner}/${repo}/pulls/7/files?page=2>; rel="next", ` +
        `<${mock.url}/repos/${owner}/${repo}/pulls/7/files?page=9>; rel="last"`
    )
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: 7,
      per_page: 100
    })
    expect(all).toHaveLength(250)
    expect(all.map(f => f.filename)).toEqual(Array.from({ length: 250 }, (_, i) => `src/f${i}.ts`))
    expect(all[0]?.additions).toBe(1)
    const pages = mock.calls.filter(c => c.path.endsWith('/pulls/7/files'))
    expect(pages.map(c => c.query.page ?? '1')).toEqual(['1', '1', '2', '3'])
    expect(pages[3]?.query.per_page).toBe('100')
    // per_page is capped at 100
    const capped = await octokit.rest.pulls.listFiles({
      owner,
      repo,
      pull_number: 7,
      per_page: 500
    })
    expect(capped.data).toHaveLength(100)
    await expectStatus(octokit.rest.pulls.listFiles({ owner, repo, pull_number: 8 }), 404)
  })

  describe('reviews', () => {
    let headSha: string
    beforeEach(() => {
      headSha = fakeSha('head')
      mock.state.pulls.push({
        number: 3,
        title: 'Change things',
        head: { sha: headSha, ref: 'feature', repo: { full_name: `${owner}/${repo}` } },
        base: { sha: fakeSha('base'), ref: 'main', repo: { full_name: `${owner}/${repo}` } },
        files: [fileFromPatch('src/a.ts', PATCH), { filename: 'logo.png', status: 'added' }]
      })
    })

    const review = (comments: Record<string, unknown>[]): Promise<unknown> =>
      octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: 3,
        commit_id: headSha,
        event: 'COMMENT',
        body: 'review',
        comments: comments as never
      })

    it('answers 422 for a line outside the diff and stores nothing', async () => {
      const data = await expectStatus(
        review([
          { path: 'src/a.ts', line: 2, side: 'RIGHT', body: 'fine' },
          { path: 'src/a.ts', line: 10, side: 'RIGHT', body: 'not in a hunk' }
        ]),
        422
      )
      expect(data).toMatchObject({
        message: 'Unprocessable Entity',
        errors: ['Line could not be resolved'],
        status: '422'
      })
      // a path not in the PR, a binary file without patch, a range across hunks, a range of one line
      await expectStatus(review([{ path: 'src/b.ts', line: 1, body: 'x' }]), 422)
      await expectStatus(review([{ path: 'logo.png', line: 1, body: 'x' }]), 422)
      await expectStatus(review([{ path: 'src/a.ts', start_line: 3, line: 21, body: 'x' }]), 422)
      await expectStatus(review([{ path: 'src/a.ts', start_line: 3, line: 3, body: 'x' }]), 422)
      // past the end of the first hunk (new lines 1..5)
      await expectStatus(review([{ path: 'src/a.ts', line: 6, side: 'RIGHT', body: 'x' }]), 422)
      expect(mock.state.reviews).toHaveLength(0)
      expect(mock.state.reviewComments).toHaveLength(0)
    })

    it('posts on a context line, an added line and a multi-line range in one hunk', async () => {
      const res = (await review([
        { path: 'src/a.ts', line: 1, side: 'RIGHT', body: 'context line' },
        { path: 'src/a.ts', line: 2, side: 'RIGHT', body: 'added line' },
        { path: 'src/a.ts', start_line: 2, start_side: 'RIGHT', line: 4, side: 'RIGHT', body: 'r' },
        { path: 'src/a.ts', line: 21, side: 'RIGHT', body: 'second hunk' }
      ])) as { status: number; data: { id: number; html_url: string; state: string } }
      expect(res.status).toBe(200)
      expect(res.data.state).toBe('COMMENTED')
      expect(res.data.html_url).toBe(
        `https://github.com/${owner}/${repo}/pull/3#pullrequestreview-${res.data.id}`
      )
      expect(mock.state.reviews).toHaveLength(1)
      const listed = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        owner,
        repo,
        pull_number: 3
      })
      expect(listed.map(c => [c.line, c.start_line, c.body])).toEqual([
        [1, null, 'context line'],
        [2, null, 'added line'],
        [4, 2, 'r'],
        [21, null, 'second hunk']
      ])
      for (const c of listed) {
        expect(c.user?.login).toBe('github-actions[bot]')
        expect(c.user?.type).toBe('Bot')
        expect(c.path).toBe('src/a.ts')
        expect(c.html_url).toMatch(/#discussion_r\d+$/)
        expect(c.pull_request_review_id).toBe(res.data.id)
      }
      const reviews = await octokit.rest.pulls.listReviews({ owner, repo, pull_number: 3 })
      expect(reviews.data.map(r => r.body)).toEqual(['review'])
      // the LEFT side takes deleted and context lines of the old file
      await review([{ path: 'src/a.ts', line: 2, side: 'LEFT', body: 'deleted line' }])
      await expectStatus(review([{ path: 'src/a.ts', line: 5, side: 'LEFT', body: 'x' }]), 422)
      expect(mock.state.reviews).toHaveLength(2)
    })

    it('rejects a commit_id that is not part of the pull request', async () => {
      await expectStatus(
        octokit.rest.pulls.createReview({
          owner,
          repo,
          pull_number: 3,
          commit_id: fakeSha('elsewhere'),
          event: 'COMMENT',
          body: 'x'
        }),
        422
      )
    })

    it('exposes the PR as an issue for summary comments, updated in place', async () => {
      const created = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: 3,
        body: '<!-- marker --> v1'
      })
      expect(created.status).toBe(201)
      expect(created.data.html_url).toContain('/pull/3#issuecomment-')
      await octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: created.data.id,
        body: '<!-- marker --> v2'
      })
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: 3
      })
      expect(comments.map(c => c.body)).toEqual(['<!-- marker --> v2'])
      const pr = await octokit.rest.pulls.get({ owner, repo, pull_number: 3 })
      expect(pr.data.head.sha).toBe(headSha)
      expect(pr.data.head.repo?.full_name).toBe(`${owner}/${repo}`)
      expect(pr.data.user?.login).toBe('octocat')
      expect(pr.data.draft).toBe(false)
    })
  })

  describe('compare', () => {
    it('answers a registered comparison and 404 for an unknown base', async () => {
      const base = fakeSha('old-head')
      const head = fakeSha('new-head')
      mock.state.compares[`${base}...${head}`] = {
        status: 'ahead',
        ahead_by: 2,
        merge_base_commit: { sha: base },
        files: [fileFromPatch('src/a.ts', '@@ -1 +1 @@\n-a\n+b')]
      }
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${head}`
      })
      expect(data.status).toBe('ahead')
      expect(data.ahead_by).toBe(2)
      expect(data.merge_base_commit.sha).toBe(base)
      expect(data.files?.[0]).toMatchObject({ filename: 'src/a.ts', additions: 1, deletions: 1 })
      await expectStatus(
        octokit.rest.repos.compareCommitsWithBasehead({
          owner,
          repo,
          basehead: `${fakeSha('gone')}...${head}`
        }),
        404
      )
    })

    it('computes a comparison from the commit graph', async () => {
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(fakeSha) as [string, string, string, string]
      mock.state.commits.push(
        { sha: a, message: 'root' },
        { sha: b, parents: [a], files: [fileFromPatch('x.ts', '@@ -0,0 +1 @@\n+x', 'added')] },
        { sha: c, parents: [b], files: [fileFromPatch('y.ts', '@@ -0,0 +1 @@\n+y', 'added')] },
        { sha: d, parents: [a] }
      )
      const ahead = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${a}...${c}`
      })
      expect(ahead.data).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0 })
      expect(ahead.data.files?.map(f => f.filename)).toEqual(['x.ts', 'y.ts'])
      const diverged = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${d}...${c}`
      })
      expect(diverged.data).toMatchObject({ status: 'diverged', ahead_by: 2, behind_by: 1 })
      expect(diverged.data.merge_base_commit.sha).toBe(a)
      const same = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${c}...${c}`
      })
      expect(same.data.status).toBe('identical')
    })
  })

  it('serves file contents per ref, 404 when absent', async () => {
    mock.state.contents.main = { 'CLAUDE.md': 'rules from base\n', 'docs/a.md': 'a' }
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: 'CLAUDE.md' })
    expect(Array.isArray(data)).toBe(false)
    const file = data as { content: string; encoding: string }
    expect(file.encoding).toBe('base64')
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe('rules from base\n')
    const dir = await octokit.rest.repos.getContent({ owner, repo, path: 'docs', ref: 'main' })
    expect((dir.data as { name: string }[]).map(e => e.name)).toEqual(['a.md'])
    await expectStatus(octokit.rest.repos.getContent({ owner, repo, path: 'nope.md' }), 404)
    await expectStatus(
      octokit.rest.repos.getContent({ owner, repo, path: 'CLAUDE.md', ref: 'feature' }),
      404
    )
  })

  describe('issues and labels', () => {
    beforeEach(() => {
      mock.state.labels.push(
        { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
        { name: 'priority/high', color: 'b60205', description: null }
      )
      mock.state.issues.push(
        {
          number: 1,
          title: 'Crash',
          labels: ['bug'],
          created_at: '2024-01-01T00:00:00Z',
          user: { login: 'alice', type: 'User' }
        },
        { number: 2, title: 'Idea', created_at: '2024-01-02T00:00:00Z' },
        { number: 3, title: 'Old', state: 'closed', created_at: '2024-01-03T00:00:00Z' }
      )
      mock.state.pulls.push({ number: 4, title: 'A PR', created_at: '2024-01-04T00:00:00Z' })
    })

    it('lists issues like GitHub, pull requests included', async () => {
      const open = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo })
      expect(open.map(i => i.number)).toEqual([4, 2, 1])
      expect(open[0]?.pull_request).toBeDefined()
      expect(open[1]?.pull_request).toBeUndefined()
      const asc = await octokit.rest.issues.listForRepo({
        owner,
        repo,
        state: 'all',
        direction: 'asc',
        per_page: 2
      })
      expect(asc.data.map(i => i.number)).toEqual([1, 2])
      expect(asc.headers.link).toContain('rel="next"')
      const labeled = await octokit.rest.issues.listForRepo({ owner, repo, labels: 'bug' })
      expect(labeled.data.map(i => i.number)).toEqual([1])
      const both = await octokit.rest.issues.listForRepo({
        owner,
        repo,
        labels: 'bug,priority/high'
      })
      expect(both.data).toHaveLength(0)
    })

    it('adds labels, creating unknown ones like GitHub, and records timeline events', async () => {
      const res = await octokit.rest.issues.addLabels({
        owner,
        repo,
        issue_number: 2,
        labels: ['priority/high', 'brand-new']
      })
      expect(res.data.map(l => l.name)).toEqual(['priority/high', 'brand-new'])
      expect(mock.state.labels.map(l => l.name)).toContain('brand-new')
      const timeline = await octokit.paginate(octokit.rest.issues.listEventsForTimeline, {
        owner,
        repo,
        issue_number: 2
      })
      expect(
        timeline.map(e => {
          const ev = e as { event?: string; label?: { name: string }; actor?: { type?: string } }
          return [ev.event, ev.label?.name, ev.actor?.type]
        })
      ).toEqual([
        ['labeled', 'priority/high', 'Bot'],
        ['labeled', 'brand-new', 'Bot']
      ])
      // adding an existing label again changes nothing
      await octokit.rest.issues.addLabels({ owner, repo, issue_number: 2, labels: ['brand-new'] })
      expect(mock.state.timeline).toHaveLength(2)
      // removing (name with a slash) records an unlabeled event; removing it again is a 404
      await octokit.rest.issues.removeLabel({ owner, repo, issue_number: 2, name: 'priority/high' })
      expect(mock.state.issues.find(i => i.number === 2)?.labels).toEqual(['brand-new'])
      expect(mock.state.timeline.at(-1)).toMatchObject({
        event: 'unlabeled',
        label: { name: 'priority/high' }
      })
      await expectStatus(
        octokit.rest.issues.removeLabel({ owner, repo, issue_number: 2, name: 'priority/high' }),
        404
      )
    })

    it('creates labels (422 when present) and issues, and patches issues', async () => {
      await expectStatus(octokit.rest.issues.createLabel({ owner, repo, name: 'Bug' }), 422)
      const label = await octokit.rest.issues.createLabel({
        owner,
        repo,
        name: 'claude-auth-health',
        color: 'fbca04',
        description: 'Claude login needs attention'
      })
      expect(label.status).toBe(201)
      const issue = await octokit.rest.issues.create({
        owner,
        repo,
        title: 'Claude login expiring',
        body: '<!-- claude-subscription-action:health -->',
        labels: ['claude-auth-health']
      })
      expect(issue.data.number).toBe(5)
      expect(issue.data.user?.login).toBe('github-actions[bot]')
      const found = await octokit.rest.issues.listForRepo({
        owner,
        repo,
        labels: 'claude-auth-health'
      })
      expect(found.data.map(i => i.number)).toEqual([5])
      const closed = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: 5,
        state: 'closed'
      })
      expect(closed.data.state).toBe('closed')
      expect(closed.data.closed_at).not.toBeNull()
      await expectStatus(octokit.rest.issues.get({ owner, repo, issue_number: 99 }), 404)
      const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo })
      expect(labels.map(l => l.name)).toEqual(['bug', 'priority/high', 'claude-auth-health'])
    })
  })

  describe('secrets', () => {
    async function seal(key: string, value: string): Promise<string> {
      await sodium.ready
      const sealed = sodium.crypto_box_seal(
        value,
        sodium.from_base64(key, sodium.base64_variants.ORIGINAL)
      )
      return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL)
    }

    it('round-trips a repository secret through a sealed box', async () => {
      const { data: key } = await octokit.rest.actions.getRepoPublicKey({ owner, repo })
      await expectStatus(
        octokit.rest.actions.getRepoSecret({ owner, repo, secret_name: 'CLAUDE_AUTH' }),
        404
      )
      const put = {
        owner,
        repo,
        secret_name: 'CLAUDE_AUTH',
        encrypted_value: await seal(key.key, 'bundle-v1'),
        key_id: key.key_id
      }
      expect((await octokit.rest.actions.createOrUpdateRepoSecret(put)).status).toBe(201)
      expect(mock.decryptSecret({}, 'CLAUDE_AUTH')).toBe('bundle-v1')
      const again = { ...put, encrypted_value: await seal(key.key, 'bundle-v2') }
      expect((await octokit.rest.actions.createOrUpdateRepoSecret(again)).status).toBe(204)
      expect(mock.decryptSecret({ repo: `${owner}/${repo}` }, 'CLAUDE_AUTH')).toBe('bundle-v2')
      const got = await octokit.rest.actions.getRepoSecret({
        owner,
        repo,
        secret_name: 'CLAUDE_AUTH'
      })
      expect(Object.keys(got.data).sort()).toEqual(['created_at', 'name', 'updated_at'])
      await expectStatus(
        octokit.rest.actions.createOrUpdateRepoSecret({ ...put, key_id: '123' }),
        422
      )
      mock.rotateSecretKey({})
      await expectStatus(octokit.rest.actions.createOrUpdateRepoSecret(put), 422)
    })

    it('handles environment and organization secrets, keeping org visibility', async () => {
      await expectStatus(
        octokit.rest.actions.getEnvironmentPublicKey({
          owner,
          repo,
          environment_name: 'production'
        }),
        404
      )
      mock.state.environments.production = { secrets: {} }
      const envKey = await octokit.rest.actions.getEnvironmentPublicKey({
        owner,
        repo,
        environment_name: 'production'
      })
      await octokit.rest.actions.createOrUpdateEnvironmentSecret({
        owner,
        repo,
        environment_name: 'production',
        secret_name: 'CLAUDE_AUTH',
        encrypted_value: await seal(envKey.data.key, 'env-bundle'),
        key_id: envKey.data.key_id
      })
      expect(mock.decryptSecret({ env: 'production' }, 'CLAUDE_AUTH')).toBe('env-bundle')

      const orgKey = await octokit.rest.actions.getOrgPublicKey({ org: owner })
      expect(orgKey.data.key_id).not.toBe(envKey.data.key_id)
      const arranged = mock.sealSecret({ org: owner }, 'old')
      mock.orgs[owner]!.secrets.CLAUDE_AUTH = {
        name: 'CLAUDE_AUTH',
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
        visibility: 'selected',
        selected_repository_ids: [1, 2],
        ...arranged
      }
      const existing = await octokit.rest.actions.getOrgSecret({
        org: owner,
        secret_name: 'CLAUDE_AUTH'
      })
      expect(existing.data.visibility).toBe('selected')
      const res = await octokit.rest.actions.createOrUpdateOrgSecret({
        org: owner,
        secret_name: 'CLAUDE_AUTH',
        encrypted_value: await seal(orgKey.data.key, 'org-bundle'),
        key_id: orgKey.data.key_id,
        visibility: existing.data.visibility
      })
      expect(res.status).toBe(204)
      expect(mock.orgs[owner]?.secrets.CLAUDE_AUTH).toMatchObject({
        visibility: 'selected',
        selected_repository_ids: [1, 2]
      })
      expect(mock.decryptSecret({ org: owner }, 'CLAUDE_AUTH')).toBe('org-bundle')
      await expectStatus(octokit.rest.actions.getOrgPublicKey({ org: 'other-org' }), 404)
      expect(mock.writes().map(c => c.method)).toEqual(['PUT', 'PUT'])
    })
  })

  it('injects failures with failNext', async () => {
    mock.failNext('GET', /\/repos\/[^/]+\/[^/]+$/, 500, 2)
    await expectStatus(octokit.rest.repos.get({ owner, repo }), 500)
    await expectStatus(octokit.rest.repos.get({ owner, repo }), 500)
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200)

    mock.failNext('POST', 'labels', 403, 1, { retryAfter: 7 })
    mock.state.issues.push({ number: 1, title: 't' })
    try {
      await octokit.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ['x'] })
      throw new Error('expected a 403')
    } catch (err) {
      const e = err as { status: number; response: { headers: Record<string, string> } }
      expect(e.status).toBe(403)
      expect(e.response.headers['retry-after']).toBe('7')
    }
    expect(mock.state.labels).toHaveLength(0)
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ['x'] })
    expect(mock.state.labels.map(l => l.name)).toEqual(['x'])
    expect(mock.calls.map(c => c.status)).toEqual([500, 500, 200, 403, 200])
  })

  it('afterStore: the write is stored, then the answer is 502 (and a refused write is not)', async () => {
    mock.state.issues.push({ number: 1, title: 't' })
    mock.failNext('POST', /\/issues\/1\/comments$/, 502, 1, { afterStore: true })
    await expectStatus(
      octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'hi' }),
      502
    )
    expect(mock.state.issueComments.map(c => c.body)).toEqual(['hi'])
    mock.failNext('POST', /\/issues\/1\/comments$/, 502, 1, { afterStore: true })
    await expectStatus(
      octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: '' }),
      422
    )
    // The refused write left the fault armed: the next one is stored and answered 502.
    await expectStatus(
      octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'again' }),
      502
    )
    expect(mock.state.issueComments.map(c => c.body)).toEqual(['hi', 'again'])
    expect(mock.calls.map(c => c.status)).toEqual([502, 422, 502])
  })
})
