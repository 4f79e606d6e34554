/**
 * The action's own review threads after a push: which findings a person dismissed and which
 * outdated threads are resolved. Plain threads for the decisions; publishing over the in-memory
 * GitHub (`__fixtures__/github-fake`) for the writes.
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
import {
  dryRunApi,
  type DescribedWrite,
  type PullRequest,
  type ReviewThread,
  type ThreadComment
} from '../../../src/github/api.js'
import { getInputs } from '../../../src/inputs.js'
import { fingerprint, fingerprintMarker } from '../../../src/jobs/review/fingerprint.js'
import { publishReview } from '../../../src/jobs/review/publish.js'
import {
  changedLinesOf,
  dismissedFingerprints,
  resolvedReply,
  settledFingerprints,
  threadsToResolve
} from '../../../src/jobs/review/threads.js'
import type { Finding, PrFile } from '../../../src/jobs/review/types.js'
import { Outputs } from '../../../src/report/outputs.js'
import { Summary } from '../../../src/report/summary.js'
import { FAKE_SELF, FakeGitHub } from '../../../__fixtures__/github-fake.js'

const HEAD = '3f2c1a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39'
const SELF = FAKE_SELF
const NONE = new Map<string, Set<number>>()

const FINDING: Finding = {
  path: 'src/cart.ts',
  line: 13,
  quote: 'if (sum > LIMIT) throw new Error("over")',
  severity: 'critical',
  title: 'Throws on a full cart',
  body: 'Checkout fails for any cart over the limit.'
}
const FP = fingerprint(FINDING)

function comment(over: Partial<ThreadComment> = {}): ThreadComment {
  return {
    id: 101,
    body: `Finding.\n\n${fingerprintMarker(FP)}`,
    author: SELF,
    thumbsDownByOthers: 0,
    ...over
  }
}

function thread(over: Partial<ReviewThread> = {}, replies: ThreadComment[] = []): ReviewThread {
  return {
    id: 'PRRT_1',
    isResolved: false,
    isOutdated: false,
    path: 'src/cart.ts',
    line: 13,
    comments: [comment(), ...replies],
    ...over
  }
}

describe('dismissedFingerprints', () => {
  it('a thread a person resolved while its lines stayed the same is dismissed', () => {
    expect(dismissedFingerprints([thread({ isResolved: true })], SELF, NONE).get(FP)).toBe(
      'resolved without a code change'
    )
  })

  it('a resolved thread whose lines changed is not a dismissal (outdated, or in a changed hunk)', () => {
    expect(
      dismissedFingerprints([thread({ isResolved: true, isOutdated: true })], SELF, NONE).size
    ).toBe(0)
    const changed = new Map([['src/cart.ts', new Set([13])]])
    expect(dismissedFingerprints([thread({ isResolved: true })], SELF, changed).size).toBe(0)
  })

  it('a thread the action resolved itself is not a dismissal', () => {
    const reply = comment({ id: 102, body: resolvedReply(HEAD) })
    expect(dismissedFingerprints([thread({ isResolved: true }, [reply])], SELF, NONE).size).toBe(0)
  })

  it('a 👎 by someone else dismisses; none does not', () => {
    const down = thread({ comments: [comment({ thumbsDownByOthers: 1 })] })
    expect(dismissedFingerprints([down], SELF, NONE).get(FP)).toBe('👎')
    expect(dismissedFingerprints([thread()], SELF, NONE).size).toBe(0)
  })

  it.each([
    "Won't fix, this is intended.",
    'wontfix',
    'WON’T FIX',
    'That is a false positive.',
    'No, this is a false positive.'
  ])('a reply by someone else saying %p dismisses', text => {
    const t = thread({}, [comment({ id: 102, author: 'alice', body: text })])
    expect(dismissedFingerprints([t], SELF, NONE).has(FP)).toBe(true)
  })

  it.each([
    "This is not a false positive, it's a real bug.",
    'Not a false-positive: fixing it.',
    "I don't think it's a false positive",
    'It is no false positive.',
    'This is not actually a false positive, please fix it.',
    'Not at all a false positive',
    "It's hardly a false positive.",
    'I do not think this is a false positive'
  ])('a reply saying %p does not dismiss', text => {
    const t = thread({}, [comment({ id: 102, author: 'alice', body: text })])
    expect(dismissedFingerprints([t], SELF, NONE).size).toBe(0)
  })

  it("the action's own words never dismiss, nor a reply that only discusses the finding", () => {
    const own = thread({}, [comment({ id: 102, body: "won't fix" })])
    const talk = thread({}, [comment({ id: 103, author: 'alice', body: 'Good catch, fixing.' })])
    expect(dismissedFingerprints([own, talk], SELF, NONE).size).toBe(0)
  })

  it("someone else's thread with a pasted fingerprint dismisses nothing", () => {
    const theirs = thread({ isResolved: true, comments: [comment({ author: 'mallory' })] })
    const forged = thread({
      comments: [comment({ author: 'mallory', thumbsDownByOthers: 3 })]
    })
    expect(dismissedFingerprints([theirs, forged], SELF, NONE).size).toBe(0)
  })
})

describe('settledFingerprints', () => {
  it('names fingerprints whose own threads are all resolved; one still open keeps it posted', () => {
    const other = fingerprint({ ...FINDING, title: 'Another finding' })
    const otherComment = comment({ id: 201, body: `Other.\n\n${fingerprintMarker(other)}` })
    const settled = settledFingerprints(
      [
        thread({ isResolved: true }),
        thread({ id: 'T2', isResolved: true, comments: [otherComment] }),
        thread({ id: 'T3', isResolved: false, comments: [otherComment] }),
        // Someone else's resolved thread with the fingerprint pasted in counts for nothing.
        thread({ id: 'T4', isResolved: true, comments: [comment({ author: 'mallory' })] })
      ],
      SELF
    )
    expect([...settled]).toEqual([FP])
  })
})

describe('threadsToResolve', () => {
  it('an own open thread GitHub calls outdated, not raised again, is resolved', () => {
    expect(threadsToResolve([thread({ isOutdated: true })], SELF, NONE, new Set())).toHaveLength(1)
  })

  it('an own thread whose line falls in a hunk changed since the reviewed head is resolved', () => {
    const changed = changedLinesOf([
      {
        filename: 'src/cart.ts',
        status: 'modified',
        additions: 1,
        deletions: 1,
        changes: 2,
        patch: '@@ -12,3 +12,3 @@\n a\n-old\n+new\n b'
      }
    ])
    expect(changed.get('src/cart.ts')).toEqual(new Set([12, 13]))
    expect(threadsToResolve([thread()], SELF, changed, new Set())).toHaveLength(1)
    expect(threadsToResolve([thread({ line: 20 })], SELF, changed, new Set())).toHaveLength(0)
  })

  it('counts a deletion as the new lines around its gap, not by its old number', () => {
    const file = (patch: string): PrFile => ({
      filename: 'src/cart.ts',
      status: 'modified',
      additions: 3,
      deletions: 1,
      changes: 4,
      patch
    })
    // 3 lines added at the top, old line 21 deleted: it was between new lines 23 and 24.
    const changed = changedLinesOf([
      file(
        '@@ -1,1 +1,4 @@\n+a\n+b\n+c\n x\n@@ -20,3 +23,2 @@\n p\n-q\n r\n\\ No newline at end of file'
      )
    ])
    expect(changed.get('src/cart.ts')).toEqual(new Set([1, 2, 3, 23, 24]))
    // A deletion at the very top: before new line 1.
    expect(changedLinesOf([file('@@ -1,2 +1,1 @@\n-gone\n kept')]).get('src/cart.ts')).toEqual(
      new Set([0, 1])
    )
  })

  it('is left alone when the finding was raised again, already resolved, or untouched by the push', () => {
    expect(threadsToResolve([thread({ isOutdated: true })], SELF, NONE, new Set([FP]))).toEqual([])
    expect(
      threadsToResolve([thread({ isOutdated: true, isResolved: true })], SELF, NONE, new Set())
    ).toEqual([])
    expect(threadsToResolve([thread()], SELF, NONE, new Set())).toEqual([])
  })

  it("someone else's thread is never resolved, even with the action's marker pasted in", () => {
    const theirs = thread({ isOutdated: true, comments: [comment({ author: 'alice' })] })
    const bare = thread({ isOutdated: true, comments: [comment({ body: 'no marker' })] })
    expect(threadsToResolve([theirs, bare], SELF, NONE, new Set())).toEqual([])
  })
})

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

const FILES: PrFile[] = [
  {
    filename: 'src/cart.ts',
    status: 'modified',
    additions: 2,
    deletions: 0,
    changes: 2,
    patch: [
      '@@ -10,3 +10,5 @@',
      '   let sum = 0',
      '+  sum += 1',
      '+  if (sum > LIMIT) throw new Error("over")',
      '   return sum',
      ' }'
    ].join('\n')
  }
]

function publishWorld(values: Record<string, string> = {}) {
  const gh = new FakeGitHub()
  gh.pulls.push(PR)
  const inputs = getInputs(name => ({ mode: 'review', ...values })[name] ?? '')
  const described: DescribedWrite[] = []
  const github = inputs.dry_run ? dryRunApi(gh.api, described) : gh.api
  const outputs = new Outputs()
  const ctx = { inputs, github, outputs, summary: new Summary() }
  const publish = (findings: Finding[]) =>
    publishReview(ctx, {
      pr: PR,
      prFiles: FILES,
      modelFiles: FILES,
      skippedFiles: [],
      notes: [],
      review: { summary: 'ok', findings },
      telemetry: {}
    })
  return { gh, described, outputs, publish }
}

const savedOutput = process.env.GITHUB_OUTPUT
beforeAll(() => {
  delete process.env.GITHUB_OUTPUT
})
afterAll(() => {
  if (savedOutput !== undefined) process.env.GITHUB_OUTPUT = savedOutput
})
beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => {
  jest.restoreAllMocks()
})

describe('publishReview with threads', () => {
  const OTHER: Finding = { ...FINDING, title: 'Another problem', line: 12, quote: 'sum += 1' }

  it('resolves the outdated own thread with a reply naming the commit, then summarises', async () => {
    const w = publishWorld()
    w.gh.threads.push({ pull: 7, ...thread({ isOutdated: true }) })
    await w.publish([OTHER])
    expect(w.gh.writes.map(x => x.method)).toEqual([
      'createReview',
      'replyToReviewComment',
      'resolveReviewThread',
      'createIssueComment'
    ])
    const reply = w.gh.writes[1]?.args as [number, number, string]
    expect(reply.slice(0, 2)).toEqual([7, 101])
    expect(reply[2]).toMatch(
      /^Resolved by 3f2c1a9: the lines changed and the finding was not raised again\./
    )
    expect(w.gh.threads[0]?.isResolved).toBe(true)
    expect(w.gh.comments[0]?.body).toContain('1 outdated thread resolved')
  })

  it('resolve_outdated: false resolves nothing', async () => {
    const w = publishWorld({ resolve_outdated: 'false' })
    w.gh.threads.push({ pull: 7, ...thread({ isOutdated: true }) })
    await w.publish([OTHER])
    expect(w.gh.writes.map(x => x.method)).toEqual(['createReview', 'createIssueComment'])
  })

  it('dry_run describes the reply and the resolve without making them', async () => {
    const w = publishWorld({ dry_run: 'true' })
    w.gh.threads.push({ pull: 7, ...thread({ isOutdated: true }) })
    await w.publish([])
    expect(w.gh.writes).toEqual([])
    expect(w.described.map(d => d.action)).toEqual([
      'reply to review comment 101 on #7',
      'resolve review thread PRRT_1',
      'comment on #7'
    ])
  })

  it('a dismissed finding is not raised again, not counted, and named in the summary', async () => {
    const w = publishWorld({ fail_on: 'critical' })
    w.gh.threads.push({ pull: 7, ...thread({ comments: [comment({ thumbsDownByOthers: 1 })] }) })
    const end = await w.publish([FINDING])
    expect(end).toEqual({ conclusion: 'success' })
    expect(w.gh.reviews).toHaveLength(0)
    expect(w.outputs.values.findings).toBe('0')
    const body = w.gh.comments[0]?.body ?? ''
    expect(body).toContain('not raised again: 1 (dismissed)')
    expect(body).not.toContain('Throws on a full cart')
  })

  it('threads that cannot be read: the review is still posted, and the summary says what was not checked', async () => {
    const w = publishWorld()
    w.gh.api.listReviewThreads = async () => {
      throw new Error('Resource not accessible by integration')
    }
    expect(await w.publish([FINDING])).toEqual({ conclusion: 'success' })
    expect(w.gh.reviews).toHaveLength(1)
    expect(w.gh.comments[0]?.body).toContain(
      'The review threads could not be read (Resource not accessible by integration)'
    )
  })

  it('a resolve GitHub refuses does not stop the other threads or the summary, and fails the step', async () => {
    const w = publishWorld()
    w.gh.threads.push(
      { pull: 7, ...thread({ id: 'PRRT_gone', isOutdated: true }) },
      { pull: 7, ...thread({ id: 'PRRT_2', isOutdated: true, comments: [comment({ id: 202 })] }) }
    )
    const resolve = w.gh.api.resolveReviewThread
    w.gh.api.resolveReviewThread = async id => {
      if (id === 'PRRT_gone')
        throw new Error("Could not resolve to a node with the global id of 'PRRT_gone'.")
      return resolve(id)
    }
    const result = await w.publish([])
    expect(result).toEqual({
      conclusion: 'failure',
      message:
        "1 outdated review thread(s) could not be resolved (Could not resolve to a node with the global id of 'PRRT_gone'.); the review and its summary were posted."
    })
    expect(w.gh.threads.map(t => t.isResolved)).toEqual([false, true])
    expect(w.gh.comments[0]?.body).toContain('1 outdated thread resolved')
  })
})
