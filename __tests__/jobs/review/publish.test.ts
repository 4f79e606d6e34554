/**
 * Publishing a review as a unit: plain findings and an in-memory GitHub (`__fixtures__/github-fake`)
 * that records every write. No CLI, no HTTP.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import { dryRunApi, type DescribedWrite, type PullRequest } from '../../../src/github/api.js'
import { getInputs } from '../../../src/inputs.js'
import { fingerprint, fingerprintMarker } from '../../../src/jobs/review/fingerprint.js'
import {
  publishReview,
  type PublishContext,
  type PublishInput
} from '../../../src/jobs/review/publish.js'
import { REVIEW_MARKER, reviewedShaOf } from '../../../src/jobs/review/summary.js'
import type { Finding, PrFile } from '../../../src/jobs/review/types.js'
import type { ReviewComment } from '../../../src/github/api.js'
import { Outputs } from '../../../src/report/outputs.js'
import { Summary } from '../../../src/report/summary.js'
import { FAKE_SELF, FakeGitHub } from '../../../__fixtures__/github-fake.js'

const HEAD = '3f2c1a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39'

const patch = [
  '@@ -10,6 +10,8 @@ export function total(items: Item[]) {',
  '   let sum = 0',
  '   for (const item of items) {',
  '-    sum += item.price',
  '+    sum += item.price * item.qty',
  '+    if (sum > LIMIT) throw new Error("over")',
  '   }',
  '   return sum',
  ' }',
  '+export const LIMIT = 1000'
].join('\n')

const FILES: PrFile[] = [
  { filename: 'src/cart.ts', status: 'modified', additions: 3, deletions: 1, changes: 4, patch }
]

const PR: PullRequest = {
  number: 7,
  title: 'Cart limits',
  body: '',
  draft: false,
  author: { login: 'octocat', type: 'User' },
  headSha: HEAD,
  headRepo: 'octo-org/octo-repo',
  baseSha: '1111111111111111111111111111111111111111',
  baseRef: 'main',
  baseRepo: 'octo-org/octo-repo',
  url: 'https://github.com/octo-org/octo-repo/pull/7'
}

const CRITICAL: Finding = {
  path: 'src/cart.ts',
  line: 13,
  quote: 'if (sum > LIMIT) throw new Error("over")',
  severity: 'critical',
  title: 'Throws on a full cart',
  body: 'Checkout fails for any cart over the limit.'
}
const MINOR: Finding = {
  path: 'src/cart.ts',
  line: 12,
  severity: 'minor',
  title: 'Quantity may be undefined',
  body: '`item.qty` is optional in `Item`.'
}
const NIT: Finding = {
  path: 'src/cart.ts',
  line: 18,
  severity: 'nit',
  title: 'Name the limit',
  body: 'A comment on why 1000 would help.'
}
const OFF_DIFF: Finding = {
  path: 'src/cart.ts',
  line: 250,
  severity: 'major',
  title: 'Tax is never applied',
  body: 'The total ignores `TAX_RATE`.'
}

interface World {
  gh: FakeGitHub
  ctx: PublishContext
  outputs: Outputs
  summary: Summary
  described: DescribedWrite[]
}

function world(values: Record<string, string> = {}): World {
  const gh = new FakeGitHub()
  gh.pulls.push(PR)
  const inputs = getInputs(name => ({ mode: 'review', ...values })[name] ?? '')
  const described: DescribedWrite[] = []
  const outputs = new Outputs()
  const summary = new Summary()
  const github = inputs.dry_run ? dryRunApi(gh.api, described) : gh.api
  return { gh, ctx: { inputs, github, outputs, summary }, outputs, summary, described }
}

function input(findings: Finding[], over: Partial<PublishInput> = {}): PublishInput {
  return {
    pr: PR,
    prFiles: FILES,
    modelFiles: FILES,
    skippedFiles: [],
    notes: [],
    review: { summary: 'Two problems in the cart total.', findings },
    telemetry: { turns: 3, durationMs: 4200, authKind: 'oauth' },
    ...over
  }
}

/** The body of the only issue comment on the pull request (the summary). */
function summaryComment(gh: FakeGitHub): string {
  const onPr = gh.comments.filter(c => c.issue === PR.number)
  expect(onPr).toHaveLength(1)
  return onPr[0]?.body ?? ''
}

const savedOutput = process.env.GITHUB_OUTPUT
beforeAll(() => {
  // Outputs go to stdout as workflow commands; the test reads Outputs.values instead.
  delete process.env.GITHUB_OUTPUT
})
afterAll(() => {
  if (savedOutput !== undefined) process.env.GITHUB_OUTPUT = savedOutput
})
let stdout: string[] = []
beforeEach(() => {
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
})

describe('publishReview', () => {
  it('posts the inline comments as one review on the head, then one summary comment', async () => {
    const w = world()
    const result = await publishReview(w.ctx, input([CRITICAL, MINOR, OFF_DIFF]))
    expect(result).toEqual({ conclusion: 'success' })

    expect(w.gh.writes.map(x => x.method)).toEqual(['createReview', 'createIssueComment'])
    expect(w.gh.reviews).toHaveLength(1)
    const review = w.gh.reviews[0]
    expect(review?.pull).toBe(7)
    expect(review?.commitId).toBe(HEAD)
    // Most severe first; the finding off the diff is not inline.
    expect(review?.comments.map((c: ReviewComment) => [c.path, c.line, c.side])).toEqual([
      ['src/cart.ts', 13, 'RIGHT'],
      ['src/cart.ts', 12, 'RIGHT']
    ])
    expect(review?.comments[0]?.body).toContain(fingerprintMarker(fingerprint(CRITICAL)))

    const body = summaryComment(w.gh)
    expect(body).toContain(REVIEW_MARKER)
    expect(body).toContain('Tax is never applied')
    expect(w.outputs.values).toMatchObject({
      findings: '3',
      comments_posted: '2',
      review_url: review?.url
    })
    const table = w.summary.toString()
    expect(table).toContain('| Inline comments | 2 |')
    expect(table).toContain('| In the summary only | 1 |')
  })

  it('a 422 from GitHub puts every inline comment into the summary instead, and fails the step', async () => {
    const w = world()
    w.gh.refuseReviews = 422
    const result = await publishReview(w.ctx, input([CRITICAL, MINOR]))
    expect(result).toEqual({
      conclusion: 'failure',
      message: expect.stringMatching(
        /^Posting the review failed, so its findings are only in the summary comment: /
      )
    })
    expect(w.gh.writes.map(x => x.method)).toEqual(['createReview', 'createIssueComment'])
    expect(w.gh.reviews).toEqual([])

    const body = summaryComment(w.gh)
    expect(body).toContain('Throws on a full cart')
    expect(body).toContain('Quantity may be undefined')
    expect(body).toContain('GitHub refused the inline comment')
    expect(w.outputs.values.comments_posted).toBe('0')
    // No review: the summary comment is the link.
    expect(w.outputs.values.review_url).toBe('https://example.test/c')
    expect(w.summary.toString()).toContain('| In the summary only | 2 |')
    // Not recorded as reviewed: the next run tries again.
    expect(body).not.toContain('csa-reviewed-sha')
  })

  it('any other refusal is not swallowed: the step fails, the findings are in the summary comment', async () => {
    const w = world()
    w.gh.refuseReviews = 403
    const result = await publishReview(w.ctx, input([CRITICAL]))
    expect(result).toEqual({
      conclusion: 'failure',
      message: expect.stringMatching(
        /^Posting the review failed, so its findings are only in the summary comment: /
      )
    })
    const body = summaryComment(w.gh)
    expect(body).toContain('Throws on a full cart')
    expect(body).toContain('the review could not be posted')
    // The head is not recorded as reviewed: running the job again posts the review.
    expect(reviewedShaOf(body)).toBeUndefined()
  })

  it('a summary comment GitHub refuses ends red, and the job summary keeps every finding', async () => {
    const w = world()
    const refused = Object.assign(new Error('Forbidden - https://docs.github.com'), {
      status: 403,
      request: { method: 'POST', url: 'https://api.github.com/repos/o/r/issues/7/comments' }
    })
    w.ctx.github = {
      ...w.gh.api,
      createIssueComment: async () => {
        throw refused
      }
    }
    const result = await publishReview(w.ctx, input([CRITICAL, OFF_DIFF]))
    expect(result).toEqual({
      conclusion: 'failure',
      message:
        'Posting the review failed, so its findings are only in the job summary: GitHub answered HTTP 403 to POST https://api.github.com/repos/o/r/issues/7/comments (Forbidden): github_token lacks a permission this mode needs (see the permissions in the example workflows).'
    })
    // The inline review went out; the finding off the diff lives in the job summary.
    expect(w.gh.reviews).toHaveLength(1)
    expect(w.summary.toString()).toContain('Tax is never applied')
  })

  it("a finding already posted is not repeated; only the action's own comments count", async () => {
    const w = world()
    const marker = fingerprintMarker(fingerprint(CRITICAL))
    w.gh.reviewComments.push(
      {
        id: 1,
        pull: 7,
        body: `old\n\n${fingerprintMarker(fingerprint(MINOR))}`,
        url: 'u',
        author: FAKE_SELF
      },
      // Pasted by someone else to suppress a finding: ignored.
      { id: 2, pull: 7, body: `nothing to see\n\n${marker}`, url: 'u', author: 'octocat' }
    )
    await publishReview(w.ctx, input([CRITICAL, MINOR]))
    expect(w.gh.reviews).toHaveLength(1)
    expect(w.gh.reviews[0]?.comments.map((c: ReviewComment) => c.line)).toEqual([13])
    expect(w.summary.toString()).toContain('| Already posted before | 1 |')
    expect(w.outputs.values.comments_posted).toBe('1')
  })

  it('nothing inline to post: no review is created, the summary still is', async () => {
    const w = world()
    await publishReview(w.ctx, input([OFF_DIFF]))
    expect(w.gh.writes.map(x => x.method)).toEqual(['createIssueComment'])
    expect(w.outputs.values.comments_posted).toBe('0')
  })

  it('min_severity and max_comments leave findings in the summary only', async () => {
    const w = world({ min_severity: 'minor', max_comments: '1' })
    await publishReview(w.ctx, input([CRITICAL, MINOR, NIT]))
    expect(w.gh.reviews[0]?.comments.map((c: ReviewComment) => c.line)).toEqual([13])
    expect(w.summary.toString()).toContain('| In the summary only | 2 |')
    const body = summaryComment(w.gh)
    expect(body).toContain('Quantity may be undefined')
    expect(body).toContain('Name the limit')
  })

  it('dry_run: writes are only described, and no comment counts as posted', async () => {
    const w = world({ dry_run: 'true' })
    const result = await publishReview(w.ctx, input([CRITICAL, MINOR, OFF_DIFF]))
    expect(result).toEqual({ conclusion: 'success' })
    expect(w.gh.writes).toEqual([])
    expect(w.described.map(d => d.action)).toEqual([
      'create a review on #7 with 2 inline comment(s)',
      'comment on #7'
    ])
    expect(w.outputs.values).toMatchObject({ findings: '3', comments_posted: '0' })
    expect(w.summary.toString()).toContain('| Inline comments | 2 |')
  })

  it('fail_on fails the step after everything is posted, counting findings at or above it', async () => {
    const w = world({ fail_on: 'major' })
    const result = await publishReview(w.ctx, input([CRITICAL, MINOR, OFF_DIFF]))
    expect(result).toEqual({
      conclusion: 'failure',
      message: 'The review found 2 finding(s) of severity major or worse (fail_on: major).'
    })
    expect(w.gh.writes.map(x => x.method)).toEqual(['createReview', 'createIssueComment'])

    const calm = world({ fail_on: 'critical' })
    expect(await publishReview(calm.ctx, input([MINOR]))).toEqual({ conclusion: 'success' })
  })

  it('the summary comment from an earlier run is updated in place', async () => {
    const w = world()
    w.gh.comments.push({
      id: 42,
      issue: 7,
      body: 'the earlier summary',
      url: 'https://example.test/42',
      author: FAKE_SELF
    })
    await publishReview(w.ctx, input([OFF_DIFF], { summaryCommentId: 42 }))
    expect(w.gh.writes.map(x => x.method)).toEqual(['updateIssueComment'])
    expect(w.gh.writes[0]?.args[0]).toBe(42)
    expect(w.gh.comments).toHaveLength(1)
    expect(w.gh.comments[0]?.body).toContain('Tax is never applied')
    expect(w.outputs.values.review_url).toBe('https://example.test/42')
  })

  it('the notes and file counts reach the job summary', async () => {
    const w = world()
    const skipped = [{ path: 'package-lock.json', reason: 'generated file' }]
    await publishReview(
      w.ctx,
      input([OFF_DIFF], { notes: ['Changes since abc1234 only.'], skippedFiles: skipped })
    )
    const table = w.summary.toString()
    expect(table).toContain('| Pull request | \\#7 at 3f2c1a9 |')
    expect(table).toContain('| Files reviewed | 1 |')
    expect(table).toContain('| Files skipped | 1 |')
    expect(table).toContain('Changes since abc1234 only.')
  })
})
