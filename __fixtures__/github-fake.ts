/**
 * An in-memory GitHub for unit tests of the jobs: a `GitHubApi` over plain arrays that answers
 * reads from its state and records every write (method and arguments) in `writes`. Its
 * `removeLabel` records the call and throws, so a job's removal fails loudly, not only shows. Unlike
 * mock-github.ts (an HTTP server for the e2e tests), it runs in the test's own process.
 */
import type {
  Comment,
  GitHubApi,
  Issue,
  Label,
  PullRequest,
  ReviewComment,
  ReviewThread
} from '../src/github/api.js'
import type { PrFile, TimelineEvent } from '../src/github/types.js'

/** An issue as the fake stores it: with the update time `listIssues` sorts by. */
export interface FakeIssue extends Issue {
  updatedAt: string
}

/** One write the job made: the `GitHubApi` method and its arguments. */
export interface Write {
  method: string
  args: unknown[]
}

/** A review the fake stored. */
export interface FakeReview {
  id: number
  pull: number
  commitId: string
  body: string
  comments: ReviewComment[]
  url: string
}

/** The login the fake's token writes as. */
export const FAKE_SELF = 'github-actions[bot]'

export class FakeGitHub {
  labels: Label[] = []
  issues: FakeIssue[] = []
  timeline: Record<number, TimelineEvent[]> = {}
  comments: Array<Comment & { issue: number }> = []
  pulls: PullRequest[] = []
  pullFiles: Record<number, PrFile[]> = {}
  /** Inline review comments, by pull request; the action's own are added by `createReview`. */
  reviewComments: Array<Comment & { pull: number }> = []
  reviews: FakeReview[] = []
  /** Review threads, by pull request (tests arrange them; replies and resolves change them). */
  threads: Array<ReviewThread & { pull: number }> = []
  /** When set, `createReview` fails with this HTTP status (422: a line is not in the diff). */
  refuseReviews: number | undefined
  writes: Write[] = []
  /** Repository permission by login (`getPermission`); anyone else has none. */
  permissions: Record<string, string> = {}
  private nextId = 500

  issue(n: number): FakeIssue {
    const found = this.issues.find(i => i.number === n)
    if (!found) throw Object.assign(new Error(`Not Found: #${n}`), { status: 404 })
    return found
  }

  addIssue(
    number: number,
    over: Partial<FakeIssue> & { day?: number; updatedDay?: number } = {}
  ): FakeIssue {
    const { day = number, updatedDay = day, ...rest } = over
    const issue: FakeIssue = {
      number,
      title: `Issue ${number}`,
      body: `Body of issue ${number}.`,
      state: 'open',
      labels: [],
      isPullRequest: false,
      url: `https://github.com/octo-org/octo-repo/issues/${number}`,
      createdAt: new Date(Date.UTC(2026, 0, 1) + day * 86400_000).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 0, 1) + updatedDay * 86400_000).toISOString(),
      ...rest
    }
    this.issues.push(issue)
    return issue
  }

  pull(n: number): PullRequest {
    const found = this.pulls.find(p => p.number === n)
    if (!found) throw Object.assign(new Error(`Not Found: pull #${n}`), { status: 404 })
    return found
  }

  private record(method: string, args: unknown[]): void {
    this.writes.push({ method, args })
  }

  // Every read from the state above; every write recorded.
  readonly api: GitHubApi = {
    getPull: async n => ({ ...this.pull(n) }),
    listPullFiles: async n => (this.pullFiles[n] ?? []).map(f => ({ ...f })),
    compare: async () => undefined,
    getFileText: async () => undefined,
    listReviewComments: async pull =>
      this.reviewComments.filter(c => c.pull === pull).map(({ pull: _p, ...c }) => ({ ...c })),
    listReviewThreads: async pull =>
      this.threads
        .filter(t => t.pull === pull)
        .map(({ pull: _p, ...t }) => ({ ...t, comments: t.comments.map(c => ({ ...c })) })),
    replyToReviewComment: async (pull, commentId, body) => {
      this.record('replyToReviewComment', [pull, commentId, body])
      const thread = this.threads.find(t => t.pull === pull && t.comments[0]?.id === commentId)
      if (!thread) throw Object.assign(new Error('Not Found'), { status: 404 })
      const c = { id: this.nextId++, body, author: FAKE_SELF, thumbsDownByOthers: 0 }
      thread.comments.push(c)
      return { id: c.id, body, url: 'https://example.test/r', author: FAKE_SELF }
    },
    resolveReviewThread: async threadId => {
      this.record('resolveReviewThread', [threadId])
      const thread = this.threads.find(t => t.id === threadId)
      if (!thread)
        throw new Error(`Could not resolve to a node with the global id of '${threadId}'`)
      thread.isResolved = true
    },
    createReview: async (pull, review) => {
      this.record('createReview', [pull, review])
      if (this.refuseReviews !== undefined) {
        throw Object.assign(new Error('Unprocessable Entity: "Line could not be resolved"'), {
          status: this.refuseReviews
        })
      }
      const id = this.nextId++
      const url = `https://github.com/octo-org/octo-repo/pull/${pull}#pullrequestreview-${id}`
      this.reviews.push({ id, pull, ...review, url })
      for (const c of review.comments) {
        this.reviewComments.push({ id: this.nextId++, pull, body: c.body, url, author: FAKE_SELF })
      }
      return { url }
    },
    listIssueComments: async issue =>
      this.comments.filter(c => c.issue === issue).map(({ issue: _i, ...c }) => ({ ...c })),
    createIssueComment: async (issue, body) => {
      this.record('createIssueComment', [issue, body])
      const c = {
        id: this.nextId++,
        body,
        url: `https://example.test/c`,
        issue,
        author: FAKE_SELF
      }
      this.comments.push(c)
      return { id: c.id, body, url: c.url, author: c.author }
    },
    updateIssueComment: async (id, body) => {
      this.record('updateIssueComment', [id, body])
      const c = this.comments.find(x => x.id === id)
      if (!c) throw Object.assign(new Error('Not Found'), { status: 404 })
      c.body = body
      return { id, body, url: c.url }
    },
    whoami: async () => FAKE_SELF,
    getIssue: async n => {
      const { updatedAt: _u, ...issue } = this.issue(n)
      return { ...issue, labels: [...issue.labels] }
    },
    listIssues: async q => {
      const field = q.sort === 'updated' ? 'updatedAt' : 'createdAt'
      const dir = q.direction === 'asc' ? 1 : -1
      return this.issues
        .filter(i => q.state === 'all' || i.state === q.state)
        .filter(i => !i.isPullRequest)
        .filter(i => !q.unlabeled || i.labels.length === 0)
        .sort((a, b) => ((a[field] ?? '') < (b[field] ?? '') ? -dir : dir))
        .slice(0, q.limit)
        .map(({ updatedAt: _u, ...i }) => ({ ...i, labels: [...i.labels] }))
    },
    createIssue: async (...args) => {
      this.record('createIssue', args)
      throw new Error('createIssue is not implemented by the fake')
    },
    updateIssue: async (...args) => {
      this.record('updateIssue', args)
    },
    // Two pages, as GitHub would send them: the job must see all of them.
    listLabels: async () => [...this.labels.slice(0, 3), ...this.labels.slice(3)],
    createLabel: async (...args) => {
      this.record('createLabel', args)
    },
    addLabels: async (issue, labels) => {
      this.record('addLabels', [issue, [...labels]])
      const i = this.issue(issue)
      for (const l of labels) if (!i.labels.includes(l)) i.labels.push(l)
    },
    removeLabel: async (...args) => {
      this.record('removeLabel', args)
      throw new Error('removeLabel: the jobs the fake serves never take a label off')
    },
    listTimeline: async issue => this.timeline[issue] ?? [],
    getPermission: async user => this.permissions[user] ?? 'none',
    addReaction: async (...args) => {
      this.record('addReaction', args)
      return this.nextId++
    },
    deleteReaction: async (...args) => {
      this.record('deleteReaction', args)
    }
  }
}
