/**
 * Review threads end to end: dist/index.js with the real CLI, the mock model and the mock GitHub's
 * GraphQL review threads. After a push, the action resolves its own threads whose lines changed and
 * whose finding was not raised again (with a reply naming the commit), leaves every other thread
 * alone, and does not raise again a finding a person dismissed.
 */
import { describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import { scenarios } from '../../__fixtures__/mock-anthropic.js'
import {
  BOT,
  fakeSha,
  fileFromPatch,
  type MockReviewComment
} from '../../__fixtures__/mock-github.js'
import { DAY } from '../../__fixtures__/logins.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { CLAUDE } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const GH_TOKEN = 'ghs_FAKE_test_token_1234567890'
const REPO = 'octo-org/octo-repo'
const MARKER = '<!-- claude-subscription-action:review -->'
const ALICE = { login: 'alice', type: 'User' as const }

const world = useWorld({ github: true })
world.secrets.push(GH_TOKEN)

const HEAD1 = fakeSha('threads-head-1')
const HEAD2 = fakeSha('threads-head-2')
const BASE = fakeSha('threads-base')

const patch = (...lines: string[]): string => lines.join('\n')
const CALC_BROKEN = patch(
  '@@ -1,3 +1,3 @@',
  ' export function add(a: number, b: number): number {',
  '-  return a + b',
  '+  return a - b',
  ' }'
)
const UTIL = patch(
  '@@ -10,3 +10,4 @@',
  ' const x = 1',
  '+const password = "hunter2"',
  ' const y = 2',
  ' const z = 3'
)

const ADD_SUBTRACTS = {
  path: 'src/calc.ts',
  line: 2,
  quote: 'return a - b',
  severity: 'critical',
  title: 'add subtracts',
  body: '`add` now returns a - b.'
}
const PASSWORD = {
  path: 'src/util.ts',
  line: 11,
  quote: 'const password = "hunter2"',
  severity: 'critical',
  title: 'Hard-coded password',
  body: 'Move it to a secret.'
}

function arrangePr(): void {
  world.gh.state.pulls = [
    {
      number: 12,
      title: 'Fix the calculator',
      body: 'Makes add right.',
      user: { login: 'alice', type: 'User' },
      head: { sha: HEAD1, ref: 'fix', repo: { full_name: REPO } },
      base: { sha: BASE, ref: 'main', repo: { full_name: REPO } },
      files: [fileFromPatch('src/calc.ts', CALC_BROKEN), fileFromPatch('src/util.ts', UTIL)],
      commits: [{ sha: HEAD1, parents: [BASE] }]
    }
  ]
}

/** A push to HEAD2: the pull request's files now, and what changed since HEAD1. */
function push(files: Record<string, string>, changed: Record<string, string>): void {
  const pull = world.gh.state.pulls[0]!
  pull.head = { sha: HEAD2, ref: 'fix', repo: { full_name: REPO } }
  pull.files = Object.entries(files).map(([name, p]) => fileFromPatch(name, p))
  world.gh.state.compares[`${HEAD1}...${HEAD2}`] = {
    status: 'ahead',
    ahead_by: 1,
    merge_base_commit: { sha: HEAD1 },
    files: Object.entries(changed).map(([name, p]) => fileFromPatch(name, p))
  }
}

async function review(findings: unknown[], inputs: Record<string, string> = {}, action = 'opened') {
  world.api.script(scenarios.structured({ summary: 'Reviewed.', findings }))
  const { secret } = world.login({ loginEndsInMs: 20 * DAY })
  const main = await world.runner.main({
    inputs: {
      claude_path: CLAUDE,
      model: 'claude-haiku-4-5',
      claude_auth: secret,
      github_token: GH_TOKEN,
      ...inputs
    },
    env: world.env(),
    event: { name: 'pull_request', payload: webhookPayload('pull_request', action, 12) }
  })
  world.api.requests.length = 0
  return main
}

const secondPush = (findings: unknown[], inputs: Record<string, string> = {}) =>
  review(findings, inputs, 'synchronize')

/** The action's own first comment of the thread on `path`. */
function ownRoot(path: string): MockReviewComment {
  const c = world.gh.state.reviewComments.find(
    x => x.path === path && x.in_reply_to_id === undefined && x.user.login === BOT.login
  )
  if (!c) throw new Error(`no comment of the action on ${path}`)
  return c
}

const repliesTo = (c: MockReviewComment) =>
  world.gh.state.reviewComments.filter(x => x.in_reply_to_id === c.id)
const resolveCalls = () =>
  world.gh.calls.filter(c => c.path === '/graphql' && /resolveReviewThread/.test(c.body?.query))
const summary = () => world.gh.state.issueComments.find(c => c.body.includes(MARKER))?.body ?? ''

/** The thread of comment `c` as the mock's GraphQL shows it to the action. */
async function graphThread(
  c: MockReviewComment
): Promise<{ isOutdated: boolean; isResolved: boolean }> {
  const res = await fetch(`${world.gh.url}/graphql`, {
    method: 'POST',
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query { repository { pullRequest { reviewThreads(first: 100) { nodes { id } } } } }',
      variables: { owner: 'octo-org', repo: 'octo-repo', number: 12 }
    })
  })
  const json = (await res.json()) as {
    data: {
      repository: {
        pullRequest: {
          reviewThreads: { nodes: Array<{ id: string; isOutdated: boolean; isResolved: boolean }> }
        }
      }
    }
  }
  const t = json.data.repository.pullRequest.reviewThreads.nodes.find(n => n.id === `PRRT_${c.id}`)
  if (!t) throw new Error(`no thread for comment ${c.id}`)
  return t
}

/** As `who`, through the mock's REST API (what a person's click sends). */
async function as(who: typeof ALICE, method: string, path: string, body: unknown): Promise<void> {
  const saved = world.gh.actor
  world.gh.actor = who
  try {
    const res = await fetch(`${world.gh.url}${path}`, {
      method,
      headers: { authorization: 'token alice-token', 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
    expect(res.status).toBeLessThan(300)
  } finally {
    world.gh.actor = saved
  }
}

/** The fixing push: `add` adds again; util.ts untouched. */
function fixingPush(): void {
  const fixed = patch(
    '@@ -1,3 +1,3 @@',
    ' export function add(a: number, b: number): number {',
    '   return a + b',
    ' }'
  )
  push(
    { 'src/calc.ts': fixed, 'src/util.ts': UTIL },
    { 'src/calc.ts': patch('@@ -1,3 +1,3 @@', ' x', '-  return a - b', '+  return a + b', ' }') }
  )
}

describe('review threads', () => {
  it("resolves its own thread after the fixing push, with a reply naming the commit; someone else's thread is never touched", async () => {
    arrangePr()
    expect((await review([ADD_SUBTRACTS, PASSWORD])).exitCode).toBe(0)
    const root = ownRoot('src/calc.ts')
    // Someone else's comment on the same line, with the action's fingerprint pasted in.
    world.gh.state.reviewComments.push({
      ...root,
      id: 9001,
      review_id: null,
      user: ALICE,
      body: `I agree.\n\n${root.body.split('\n').pop() as string}`
    })
    fixingPush()
    const main = await secondPush([PASSWORD])
    expect(main.exitCode).toBe(0)

    const replies = repliesTo(root)
    expect(replies.map(r => r.body.split('\n')[0])).toEqual([
      `Resolved by ${HEAD2.slice(0, 7)}: the lines changed and the finding was not raised again.`
    ])
    expect(replies[0]?.user.login).toBe(BOT.login)
    expect(root.resolved).toBe(true)
    expect(summary()).toContain('1 outdated thread resolved')
    // Alice's thread: no reply, not resolved. The password thread (unchanged, raised again): alone.
    const alice = world.gh.state.reviewComments.find(c => c.id === 9001)
    expect(alice?.resolved).toBeUndefined()
    expect(repliesTo(alice!)).toEqual([])
    const pw = ownRoot('src/util.ts')
    expect(pw.resolved).toBeUndefined()
    expect(repliesTo(pw)).toEqual([])
    expect(resolveCalls()).toHaveLength(1)
    // Every reply and resolve went through as writes the guard saw (no secret anywhere: world).
  })

  it('leaves its thread alone when the push moved the lines but the finding persists', async () => {
    arrangePr()
    await review([ADD_SUBTRACTS])
    const root = ownRoot('src/calc.ts')
    // A line inserted above: the thread's line moved (outdated), `add` still subtracts.
    const moved = patch(
      '@@ -1,3 +1,4 @@',
      '+// calculator',
      ' export function add(a: number, b: number): number {',
      '-  return a + b',
      '+  return a - b',
      ' }'
    )
    push(
      { 'src/calc.ts': moved, 'src/util.ts': UTIL },
      { 'src/calc.ts': patch('@@ -1,1 +1,2 @@', '+// calculator', ' export function add') }
    )
    const main = await secondPush([{ ...ADD_SUBTRACTS, line: 3 }])
    expect(main.exitCode).toBe(0)
    // GitHub calls it outdated: only the finding raised again keeps it open.
    expect(await graphThread(root)).toMatchObject({ isOutdated: true, isResolved: false })
    expect(root.resolved).toBeUndefined()
    expect(repliesTo(root)).toEqual([])
    expect(resolveCalls()).toEqual([])
    // Not posted twice either.
    expect(world.gh.state.reviews).toHaveLength(1)
  })

  it('a deletion further down the file does not count as a change to a thread that lines added above only moved', async () => {
    arrangePr()
    await review([PASSWORD])
    const root = ownRoot('src/util.ts')
    // The push adds 5 lines at the top of util.ts and deletes old line 17, far below the password
    // (old line 11, now line 16). GitHub moves the thread to line 16: its text is unchanged.
    const top = ['+// a', '+// b', '+// c', '+// d', '+// e']
    push(
      {
        'src/calc.ts': CALC_BROKEN,
        'src/util.ts': patch(
          '@@ -1,2 +1,7 @@',
          ...top,
          ' import x',
          ' import y',
          '@@ -10,3 +15,4 @@',
          ' const x = 1',
          '+const password = "hunter2"',
          ' const y = 2',
          ' const z = 3',
          '@@ -15,3 +21,2 @@',
          ' const p = 1',
          '-const q = 2',
          ' const r = 3'
        )
      },
      {
        'src/util.ts': patch(
          '@@ -1,2 +1,7 @@',
          ...top,
          ' import x',
          ' import y',
          '@@ -16,3 +21,2 @@',
          ' const p = 1',
          '-const q = 2',
          ' const r = 3'
        )
      }
    )
    root.line = 16
    // The incremental review sees only the top and the deletion: the password is not raised again.
    const main = await secondPush([])
    expect(main.exitCode).toBe(0)
    expect(await graphThread(root)).toMatchObject({ isOutdated: false, isResolved: false })
    expect(repliesTo(root)).toEqual([])
    expect(resolveCalls()).toEqual([])
    expect(root.resolved).toBeUndefined()
  })

  it('a finding whose thread it resolved comes back as a new comment when a later push brings the problem back', async () => {
    arrangePr()
    await review([ADD_SUBTRACTS, PASSWORD])
    const root = ownRoot('src/calc.ts')
    fixingPush()
    await secondPush([PASSWORD])
    expect(root.resolved).toBe(true)
    // Push 3 undoes the fix: `add` subtracts again, and the model says so again.
    const HEAD3 = fakeSha('threads-head-3')
    const pull = world.gh.state.pulls[0]!
    pull.head = { sha: HEAD3, ref: 'fix', repo: { full_name: REPO } }
    pull.files = [fileFromPatch('src/calc.ts', CALC_BROKEN), fileFromPatch('src/util.ts', UTIL)]
    world.gh.state.compares[`${HEAD2}...${HEAD3}`] = {
      status: 'ahead',
      ahead_by: 1,
      merge_base_commit: { sha: HEAD2 },
      files: [
        fileFromPatch(
          'src/calc.ts',
          patch('@@ -1,3 +1,3 @@', ' x', '-  return a + b', '+  return a - b', ' }')
        )
      ]
    }
    const main = await secondPush([ADD_SUBTRACTS])
    expect(main.exitCode).toBe(0)
    expect(main.outputs.comments_posted).toBe('1')
    const again = world.gh.state.reviewComments.filter(
      c => c.path === 'src/calc.ts' && c.in_reply_to_id === undefined && c.id !== root.id
    )
    expect(again).toHaveLength(1)
    expect(again[0]?.body).toContain('add subtracts')
  })

  it('resolve_outdated: false resolves nothing', async () => {
    arrangePr()
    await review([ADD_SUBTRACTS])
    const root = ownRoot('src/calc.ts')
    fixingPush()
    expect((await secondPush([], { resolve_outdated: 'false' })).exitCode).toBe(0)
    expect(await graphThread(root)).toMatchObject({ isOutdated: true, isResolved: false })
    expect(root.resolved).toBeUndefined()
    expect(repliesTo(root)).toEqual([])
    expect(resolveCalls()).toEqual([])
  })

  it('dry_run describes the reply and the resolve without making them', async () => {
    arrangePr()
    await review([ADD_SUBTRACTS])
    const root = ownRoot('src/calc.ts')
    const writes = world.gh.writes().length
    fixingPush()
    const main = await secondPush([], { dry_run: 'true' })
    expect(main.exitCode).toBe(0)
    expect(main.stdout).toContain(`Would reply to review comment ${root.id} on #12`)
    expect(main.stdout).toContain(`Would resolve review thread PRRT_${root.id}`)
    expect(main.stdout).toContain(`Resolved by ${HEAD2.slice(0, 7)}`)
    expect(world.gh.writes()).toHaveLength(writes)
    expect(resolveCalls()).toEqual([])
    expect(root.resolved).toBeUndefined()
  })

  const dismissals: Array<[string, (root: MockReviewComment) => Promise<void>]> = [
    [
      'resolved by a person without a code change',
      async root => {
        root.resolved = true
      }
    ],
    [
      'marked 👎',
      root =>
        as(ALICE, 'POST', `/repos/${REPO}/pulls/comments/${root.id}/reactions`, { content: '-1' })
    ],
    [
      'answered "won\'t fix"',
      root =>
        as(ALICE, 'POST', `/repos/${REPO}/pulls/12/comments/${root.id}/replies`, {
          body: "Won't fix: subtraction is what the spec asks for here."
        })
    ]
  ]

  it.each(dismissals)(
    'a finding %s is not raised again, and the summary counts it',
    async (_how, dismiss) => {
      arrangePr()
      await review([ADD_SUBTRACTS, PASSWORD])
      const root = ownRoot('src/calc.ts')
      await dismiss(root)
      // A push to util.ts only; the model raises both findings again.
      const util2 = patch(
        '@@ -10,3 +10,5 @@',
        ' const x = 1',
        '+const password = "hunter2"',
        '+const retries = 3',
        ' const y = 2',
        ' const z = 3'
      )
      push(
        { 'src/calc.ts': CALC_BROKEN, 'src/util.ts': util2 },
        {
          'src/util.ts': patch(
            '@@ -11,2 +11,3 @@',
            ' const password = "hunter2"',
            '+const retries = 3',
            ' const y = 2'
          )
        }
      )
      const main = await secondPush([ADD_SUBTRACTS, PASSWORD], { fail_on: 'critical' })
      // Still red for the password, but the dismissed finding no longer counts.
      expect(main.outputs.findings).toBe('1')
      expect(summary()).toContain('not raised again: 1 (dismissed)')
      expect(summary()).toContain('1 critical finding to address')
      // The job summary on the run's page counts it too.
      const jobSummary = await fs.readFile(world.runner.files.summary, 'utf8')
      expect(jobSummary).toMatch(/Not raised again \(dismissed\)\s*\|\s*1\s*\|/)
      // The action wrote nothing on the dismissed thread.
      expect(repliesTo(root).filter(r => r.user.login === BOT.login)).toEqual([])
      expect(resolveCalls()).toEqual([])
    }
  )

  it('a reply saying "not a false positive" dismisses nothing: the finding still counts', async () => {
    arrangePr()
    await review([ADD_SUBTRACTS])
    const root = ownRoot('src/calc.ts')
    await as(ALICE, 'POST', `/repos/${REPO}/pulls/12/comments/${root.id}/replies`, {
      body: 'This is not a false positive, I will fix it.'
    })
    push(
      { 'src/calc.ts': CALC_BROKEN, 'src/util.ts': UTIL },
      { 'src/util.ts': patch('@@ -11,1 +11,2 @@', ' const password = "hunter2"', '+// soon') }
    )
    const main = await secondPush([ADD_SUBTRACTS], { fail_on: 'critical' })
    expect(main.outputs.findings).toBe('1')
    expect(main.exitCode).toBe(1)
    expect(summary()).not.toContain('(dismissed)')
  })

  it('a push that only deletes the flagged file reviews nothing, and still resolves the thread on it', async () => {
    arrangePr()
    await review([PASSWORD])
    const root = ownRoot('src/util.ts')
    const gone = patch(
      '@@ -1,13 +0,0 @@',
      ...Array.from({ length: 13 }, (_, i) =>
        i === 10 ? '-const password = "hunter2"' : `-// line ${i + 1}`
      )
    )
    const pull = world.gh.state.pulls[0]!
    pull.head = { sha: HEAD2, ref: 'fix', repo: { full_name: REPO } }
    pull.files = [
      fileFromPatch('src/calc.ts', CALC_BROKEN),
      fileFromPatch('src/util.ts', gone, 'removed')
    ]
    world.gh.state.compares[`${HEAD1}...${HEAD2}`] = {
      status: 'ahead',
      ahead_by: 1,
      merge_base_commit: { sha: HEAD1 },
      files: [fileFromPatch('src/util.ts', gone, 'removed')]
    }
    const main = await secondPush([])
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('skipped')
    expect(main.outputs.skip_reason).toContain('nothing to review in #12')
    expect(main.outputs.skip_reason).toContain('1 outdated thread of the action resolved')
    expect(root.resolved).toBe(true)
    expect(repliesTo(root).map(r => r.body.split('\n')[0])).toEqual([
      `Resolved by ${HEAD2.slice(0, 7)}: the lines changed, and the push left nothing to review.`
    ])
  })
})
