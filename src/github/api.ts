/**
 * The small interface the jobs use to read and write GitHub, so a job is logic over plain objects.
 * `restApi` implements it with Octokit; `dryRunApi` wraps any implementation so that reads go
 * through and writes are only described.
 */
import type { PrFile, TimelineEvent } from './types.js'
import type { Octokit } from './octokit.js'

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
}

export interface Comment {
  id: number
  body: string
  url: string
  author?: string
  createdAt?: string
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

export interface CompareResult {
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

export interface ListIssuesQuery {
  state: 'open' | 'closed' | 'all'
  labels?: string
  sort?: 'created' | 'updated'
  direction?: 'asc' | 'desc'
  /** Stop after this many (pull requests are skipped and do not count). */
  limit: number
  /** Only issues with no label at all. */
  unlabeled?: boolean
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
  listTimeline(issue: number): Promise<TimelineEvent[]>
  /** The login the token writes as (see `restApi` for how it is learnt). */
  whoami(): Promise<string>
}

/** The login GitHub's default GITHUB_TOKEN writes as. */
export const ACTIONS_BOT = 'github-actions[bot]'

/**
 * Whether a comment (or issue) carrying one of the action's markers was written by the action: by
 * exactly the login `github_token` writes as. Anyone can paste a marker into a comment, and any
 * App can post as some other `[bot]`; a PR author who could make the action adopt their comment
 * could hide a review, skip a push, or have the action overwrite their text.
 */
export function isOwnComment(comment: { author?: string | undefined }, self: string): boolean {
  return (comment.author ?? '').toLowerCase() === self.toLowerCase()
}

/** The GitHub REST implementation for one repository. */
export function restApi(octokit: Octokit, owner: string, repo: string): GitHubApi {
  const r = { owner, repo }
  const toFile = (f: {
    filename: string
    status: string
    additions: number
    deletions: number
    changes: number
    patch?: string
    previous_filename?: string
  }): PrFile => ({
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {})
  })
  const toComment = (c: {
    id: number
    body?: string | null
    html_url: string
    user?: { login: string } | null
    created_at?: string
  }): Comment => ({
    id: c.id,
    body: c.body ?? '',
    url: c.html_url,
    ...(c.user ? { author: c.user.login } : {}),
    ...(c.created_at ? { createdAt: c.created_at } : {})
  })
  const toIssue = (i: {
    number: number
    title: string
    body?: string | null
    state: string
    labels: Array<string | { name?: string }>
    pull_request?: unknown
    html_url: string
    created_at?: string
    user?: { login: string } | null
  }): Issue => ({
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    state: i.state,
    labels: i.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    isPullRequest: i.pull_request !== undefined && i.pull_request !== null,
    url: i.html_url,
    ...(i.created_at ? { createdAt: i.created_at } : {}),
    ...(i.user ? { author: i.user.login } : {})
  })

  const listIssueComments = async (issue: number): Promise<Comment[]> => {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...r,
      issue_number: issue,
      per_page: 100
    })
    return comments.map(toComment)
  }
  let self: Promise<string> | undefined
  const whoami = (): Promise<string> => (self ??= identityOf(octokit))
  return {
    async getPull(number) {
      const { data: p } = await octokit.rest.pulls.get({ ...r, pull_number: number })
      return {
        number: p.number,
        title: p.title,
        body: p.body ?? '',
        draft: p.draft ?? false,
        author: { login: p.user?.login ?? '', type: p.user?.type ?? 'User' },
        headSha: p.head.sha,
        headRepo: p.head.repo?.full_name,
        baseSha: p.base.sha,
        baseRef: p.base.ref,
        baseRepo: p.base.repo.full_name,
        url: p.html_url
      }
    },
    async listPullFiles(number) {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        ...r,
        pull_number: number,
        per_page: 100
      })
      return files.map(toFile)
    },
    async compare(base, head) {
      const res = await unlessNotFound(
        octokit.rest.repos.compareCommitsWithBasehead({ ...r, basehead: `${base}...${head}` })
      )
      return res && { status: res.data.status, files: (res.data.files ?? []).map(toFile) }
    },
    async getFileText(path, ref) {
      const res = await unlessNotFound(octokit.rest.repos.getContent({ ...r, path, ref }))
      const data = res?.data
      if (!data || Array.isArray(data) || data.type !== 'file' || !('content' in data))
        return undefined
      return Buffer.from(data.content, 'base64').toString('utf8')
    },
    async listReviewComments(pull) {
      const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        ...r,
        pull_number: pull,
        per_page: 100
      })
      return comments.map(toComment)
    },
    async createReview(pull, review) {
      return createOnce(
        async () => {
          const { data } = await octokit.rest.pulls.createReview({
            ...r,
            ...ONCE,
            pull_number: pull,
            commit_id: review.commitId,
            event: 'COMMENT',
            body: review.body,
            comments: review.comments
          })
          return { url: data.html_url }
        },
        async since => {
          const me = await whoami()
          const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
            ...r,
            pull_number: pull,
            per_page: 100
          })
          const candidates = reviews
            .reverse()
            .filter(
              x =>
                isOwnComment({ author: x.user?.login }, me) &&
                x.commit_id === review.commitId &&
                (x.body ?? '').trim() === review.body.trim() &&
                isRecent(x.submitted_at ?? undefined, since)
            )
          // An earlier review of the same head reads the same: its inline comments tell them apart.
          const wanted = sortedBodies(review.comments)
          for (const x of candidates) {
            const comments = await octokit.paginate(octokit.rest.pulls.listCommentsForReview, {
              ...r,
              pull_number: pull,
              review_id: x.id,
              per_page: 100
            })
            if (sortedBodies(comments) === wanted) return { url: x.html_url }
          }
          return undefined
        }
      )
    },
    listIssueComments,
    async createIssueComment(issue, body) {
      return createOnce(
        async () => {
          const { data } = await octokit.rest.issues.createComment({
            ...r,
            ...ONCE,
            issue_number: issue,
            body
          })
          return toComment(data)
        },
        async since => {
          const me = await whoami()
          const comments = await listIssueComments(issue)
          return comments
            .reverse()
            .find(
              c =>
                isOwnComment(c, me) && c.body.trim() === body.trim() && isRecent(c.createdAt, since)
            )
        }
      )
    },
    async updateIssueComment(id, body) {
      const { data } = await octokit.rest.issues.updateComment({ ...r, comment_id: id, body })
      return toComment(data)
    },
    async getIssue(number) {
      const { data } = await octokit.rest.issues.get({ ...r, issue_number: number })
      return toIssue(data)
    },
    async listIssues(query) {
      const out: Issue[] = []
      const iterator = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
        ...r,
        state: query.state,
        ...(query.labels ? { labels: query.labels } : {}),
        sort: query.sort ?? 'created',
        direction: query.direction ?? 'desc',
        per_page: 100
      })
      for await (const page of iterator) {
        for (const raw of page.data) {
          const issue = toIssue(raw)
          if (issue.isPullRequest) continue
          if (query.unlabeled && issue.labels.length > 0) continue
          out.push(issue)
          if (out.length >= query.limit) return out
        }
      }
      return out
    },
    async createIssue(issue) {
      return createOnce(
        async () => toIssue((await octokit.rest.issues.create({ ...r, ...ONCE, ...issue })).data),
        async since => {
          const me = await whoami()
          // The newest issues are enough: the lost answer was for a create a moment ago.
          const { data } = await octokit.rest.issues.listForRepo({
            ...r,
            state: 'all',
            sort: 'created',
            direction: 'desc',
            per_page: 30
          })
          return data
            .map(toIssue)
            .find(
              i =>
                !i.isPullRequest &&
                isOwnComment(i, me) &&
                i.title === issue.title &&
                i.body.trim() === issue.body.trim() &&
                isRecent(i.createdAt, since)
            )
        }
      )
    },
    async updateIssue(number, patch) {
      await octokit.rest.issues.update({ ...r, issue_number: number, ...patch })
    },
    async listLabels() {
      const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
        ...r,
        per_page: 100
      })
      return labels.map(l => ({
        name: l.name,
        ...(l.description ? { description: l.description } : {})
      }))
    },
    async createLabel(label) {
      await octokit.rest.issues.createLabel({ ...r, ...label })
    },
    async addLabels(issue, labels) {
      await octokit.rest.issues.addLabels({ ...r, issue_number: issue, labels })
    },
    whoami,
    async listTimeline(issue) {
      const events = await octokit.paginate(octokit.rest.issues.listEventsForTimeline, {
        ...r,
        issue_number: issue,
        per_page: 100
      })
      return events as unknown as TimelineEvent[]
    }
  }
}

/**
 * The login a token writes as. A user's token (PAT, OAuth) may read /user; an installation token
 * (the default GITHUB_TOKEN, an App's) may not ("Resource not accessible by integration"), but
 * GraphQL `viewer` answers for both kinds with the login the writes carry (`<app>[bot]`). When
 * neither answers (an old server, a proxy), the default GITHUB_TOKEN's bot is the best guess: the
 * input defaults to that token.
 */
async function identityOf(octokit: Octokit): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login
  } catch {
    // An installation token: ask GraphQL.
  }
  try {
    const { viewer } = await octokit.graphql<{ viewer: { login: string } }>(
      'query { viewer { login } }'
    )
    if (viewer.login) return viewer.login
  } catch {
    // No GraphQL here: fall back below.
  }
  return ACTIONS_BOT
}

// Per request: plugin-retry must never repeat a create (GitHub may have stored it, then failed).
const ONCE = { request: { retries: 0 } }

/** Whether a failed create may still have been stored: a 5xx, a network error or a timeout. */
function mayHaveLanded(err: unknown): boolean {
  const status = (err as { status?: unknown } | undefined)?.status
  return typeof status !== 'number' || status >= 500
}

// How far GitHub's clock may be behind the runner's when telling this create from an older one.
const CLOCK_SKEW_MS = 5 * 60_000

/** Whether GitHub's timestamp is no older than the attempt (less the clock skew); unknown is. */
function isRecent(at: string | undefined, since: number): boolean {
  return at === undefined || Date.parse(at) >= since - CLOCK_SKEW_MS
}

function sortedBodies(comments: ReadonlyArray<{ body?: string | null }>): string {
  return JSON.stringify(comments.map(c => (c.body ?? '').trim()).sort())
}

/**
 * A create (review, comment, issue) that is never repeated blindly: when the answer leaves it open
 * whether GitHub stored it, the action looks for its own write (made since the attempt began)
 * first, and creates once more only when it is not there.
 */
async function createOnce<T>(
  create: () => Promise<T>,
  find: (since: number) => Promise<T | undefined>
): Promise<T> {
  const since = Date.now()
  try {
    return await create()
  } catch (err) {
    if (!mayHaveLanded(err)) throw err
    const found = await find(since).catch(() => undefined)
    if (found !== undefined) return found
    return create()
  }
}

/** The answer, or undefined when GitHub says 404 (a thing that is not there is not an error here). */
async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined
    throw err
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
    }
  }
}
