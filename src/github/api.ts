/**
 * The small interface the jobs use to read and write GitHub, so a job is logic over plain objects.
 * `restApi` implements it with Octokit; `dryRunApi` wraps any implementation so that reads go
 * through and writes are only described.
 */
import { issuesApi } from './issues.js'
import { labelsApi } from './labels.js'
import type { Octokit } from './octokit.js'
import { pullsApi } from './pulls.js'
import { reactionsApi } from './reactions.js'
import { restContext } from './rest.js'
import { threadsApi } from './threads.js'
import type { PrFile, TimelineEvent } from './types.js'

export interface PullRequest {
  number: number
  title: string
  body: string
  draft: boolean
  author: { login: string; type: string }
  headSha: string
  headRepo: string | undefined
  baseSha: string
  baseRef: string
  baseRepo: string
  url: string
  /** `closed` for a closed or merged pull request (undefined: not read, taken as open). */
  state?: 'open' | 'closed'
  merged?: boolean
}

export interface Comment {
  id: number
  body: string
  url: string
  author?: string
  /** The author's account type (`User`, `Bot`). */
  authorType?: string
  createdAt?: string
  /** Changes when the body is edited (a command read again compares it). */
  updatedAt?: string
  /** A review comment that replies in a thread: the thread's first comment. */
  inReplyTo?: number
  /** A review comment: its file, its line, and the diff hunk it points at. */
  path?: string
  line?: number
  diffHunk?: string
}

export interface Issue {
  number: number
  title: string
  body: string
  state: string
  labels: string[]
  isPullRequest: boolean
  url: string
  createdAt?: string
  /** The login that opened it. */
  author?: string
}

export interface Label {
  name: string
  description?: string
}

interface CompareResult {
  status: string
  files: PrFile[]
}

export interface ReviewComment {
  path: string
  line: number
  side: 'RIGHT'
  start_line?: number
  start_side?: 'RIGHT'
  body: string
}

/** A comment of a review thread, as the jobs see it. */
export interface ThreadComment {
  /** The REST id (replies go to it). */
  id: number
  body: string
  author?: string
  createdAt?: string
  /** 👎 reactions by anyone but the login the token writes as. */
  thumbsDownByOthers: number
}

/** A review thread: an inline comment and its replies. */
export interface ReviewThread {
  /** The GraphQL node id (resolves go to it). */
  id: string
  isResolved: boolean
  /** GitHub's word: the lines it points at changed since it was written. */
  isOutdated: boolean
  path: string
  /** The line on the head's new side; null when outdated. */
  line: number | null
  /** Oldest first: the first is the thread's own comment. */
  comments: ThreadComment[]
}

/** A comment a reaction goes on: an issue (or PR conversation) comment, or a review comment. */
export interface CommentRef {
  kind: 'issue' | 'review'
  id: number
}

interface ListIssuesQuery {
  state: 'open' | 'closed' | 'all'
  labels?: string
  sort?: 'created' | 'updated'
  direction?: 'asc' | 'desc'
  /** Stop after this many (pull requests are skipped and do not count). */
  limit: number
  /** Only issues with no label at all. */
  unlabeled?: boolean
  /** Pull requests too (they are skipped otherwise). */
  pulls?: boolean
}

/** Everything the jobs read from and write to GitHub. */
export interface GitHubApi {
  getPull(number: number): Promise<PullRequest>
  listPullFiles(number: number): Promise<PrFile[]>
  /** Undefined when GitHub does not know one of the commits (a force-push dropped it). */
  compare(base: string, head: string): Promise<CompareResult | undefined>
  /** The file's text at a ref, or undefined when it is not there. */
  getFileText(path: string, ref: string): Promise<string | undefined>
  /** Every review comment on the pull request (inline comments and replies), with its author. */
  listReviewComments(pull: number): Promise<Comment[]>
  /** Every review thread of the pull request, with its comments and 👎 counts. */
  listReviewThreads(pull: number): Promise<ReviewThread[]>
  /** A reply in the thread of review comment `commentId`. */
  replyToReviewComment(pull: number, commentId: number, body: string): Promise<Comment>
  /** Marks a review thread resolved (`threadId` is its GraphQL node id). */
  resolveReviewThread(threadId: string): Promise<void>
  createReview(
    pull: number,
    review: { commitId: string; body: string; comments: ReviewComment[] }
  ): Promise<{ url: string }>
  listIssueComments(issue: number): Promise<Comment[]>
  createIssueComment(issue: number, body: string): Promise<Comment>
  updateIssueComment(id: number, body: string): Promise<Comment>
  getIssue(number: number): Promise<Issue>
  listIssues(query: ListIssuesQuery): Promise<Issue[]>
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<Issue>
  updateIssue(
    number: number,
    patch: { body?: string; state?: 'open' | 'closed'; title?: string }
  ): Promise<void>
  listLabels(): Promise<Label[]>
  createLabel(label: { name: string; color: string; description: string }): Promise<void>
  addLabels(issue: number, labels: string[]): Promise<void>
  /** Takes a label off an issue or pull request; false when it was not on it (GitHub's 404). */
  removeLabel(issue: number, label: string): Promise<boolean>
  listTimeline(issue: number): Promise<TimelineEvent[]>
  /** The login the token writes as (see `restApi` for how it is learnt). */
  whoami(): Promise<string>
  /**
   * A user's permission on the repository: `admin`, `maintain`, `write`, `triage`, `read` or
   * `none` (not a user GitHub knows).
   */
  getPermission(user: string): Promise<string>
  /** Reacts to a comment; returns the reaction's id (to take it back). */
  addReaction(comment: CommentRef, content: 'eyes'): Promise<number>
  deleteReaction(comment: CommentRef, reactionId: number): Promise<void>
}

export { isOwnComment } from './identity.js'

/**
 * The GitHub REST implementation for one repository: its pulls, issues and labels parts over one
 * shared context (see `rest.ts`), so the login the token writes as is learnt once.
 */
export function restApi(octokit: Octokit, owner: string, repo: string): GitHubApi {
  const ctx = restContext(octokit, owner, repo)
  return {
    ...pullsApi(ctx),
    ...threadsApi(ctx),
    ...issuesApi(ctx),
    ...labelsApi(ctx),
    ...reactionsApi(ctx),
    whoami: ctx.whoami
  }
}

/** A write that dry_run described instead of making. */
export interface DescribedWrite {
  action: string
  detail: string
}

/** Reads go to `api`; writes are recorded and described, never made. */
export function dryRunApi(api: GitHubApi, writes: DescribedWrite[]): GitHubApi {
  const note = (action: string, detail: string): void => {
    writes.push({ action, detail })
  }
  let nextId = -1
  return {
    ...api,
    async createReview(pull, review) {
      note(
        `create a review on #${pull} with ${review.comments.length} inline comment(s)`,
        [
          review.body,
          ...review.comments.map(
            c => `${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}\n${c.body}`
          )
        ].join('\n\n---\n\n')
      )
      return { url: '' }
    },
    async replyToReviewComment(pull, commentId, body) {
      note(`reply to review comment ${commentId} on #${pull}`, body)
      return { id: nextId--, body, url: '' }
    },
    async resolveReviewThread(threadId) {
      note(`resolve review thread ${threadId}`, '')
    },
    async createIssueComment(issue, body) {
      note(`comment on #${issue}`, body)
      return { id: nextId--, body, url: '' }
    },
    async updateIssueComment(id, body) {
      note(`update comment ${id}`, body)
      return { id, body, url: '' }
    },
    async createIssue(issue) {
      note(`open an issue "${issue.title}"`, issue.body)
      return {
        number: 0,
        title: issue.title,
        body: issue.body,
        state: 'open',
        labels: issue.labels,
        isPullRequest: false,
        url: ''
      }
    },
    async updateIssue(number, patch) {
      note(`update issue #${number}`, JSON.stringify(patch))
    },
    async createLabel(label) {
      note(`create the label ${label.name}`, label.description)
    },
    async addLabels(issue, labels) {
      note(`add labels to #${issue}`, labels.join(', '))
    },
    async addReaction(comment, content) {
      note(`react with ${content} to ${comment.kind} comment ${comment.id}`, '')
      return nextId--
    },
    async deleteReaction(comment, reactionId) {
      note(`remove reaction ${reactionId} from ${comment.kind} comment ${comment.id}`, '')
    },
    async removeLabel(issue, label) {
      note(`remove the label ${label} from #${issue}`, '')
      return true
    }
  }
}
