/**
 * The small interface the jobs use to read and write GitHub, so a job is logic over plain objects.
 * `restApi` implements it with Octokit; `dryRunApi` wraps any implementation so that reads go
 * through and writes are only described.
 */
import type { PrFile } from '../jobs/review/types.js'
import type { TimelineEvent } from '../jobs/triage/timeline.js'
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
  listReviewCommentBodies(pull: number): Promise<string[]>
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
  /** The login the token writes as, when GitHub tells (an installation token cannot ask). */
  whoami(): Promise<string | undefined>
}

/**
 * Whether a comment carrying one of the action's markers was written by the action: by a bot, or by
 * the account the token belongs to. Anyone can paste a marker into a comment; a PR author who could
 * make the action adopt their comment could hide a review or have it overwrite their text.
 */
export function isOwnComment(comment: Comment, self: string | undefined): boolean {
  const author = comment.author ?? ''
  return author.endsWith('[bot]') || (self !== undefined && author === self)
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
  }): Comment => ({
    id: c.id,
    body: c.body ?? '',
    url: c.html_url,
    ...(c.user ? { author: c.user.login } : {})
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
  }): Issue => ({
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    state: i.state,
    labels: i.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    isPullRequest: i.pull_request !== undefined && i.pull_request !== null,
    url: i.html_url,
    ...(i.created_at ? { createdAt: i.created_at } : {})
  })

  let self: string | undefined | null = null
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
    async listReviewCommentBodies(pull) {
      const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        ...r,
        pull_number: pull,
        per_page: 100
      })
      return comments.map(c => c.body ?? '')
    },
    async createReview(pull, review) {
      const { data } = await octokit.rest.pulls.createReview({
        ...r,
        pull_number: pull,
        commit_id: review.commitId,
        event: 'COMMENT',
        body: review.body,
        comments: review.comments
      })
      return { url: data.html_url }
    },
    async listIssueComments(issue) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...r,
        issue_number: issue,
        per_page: 100
      })
      return comments.map(toComment)
    },
    async createIssueComment(issue, body) {
      const { data } = await octokit.rest.issues.createComment({ ...r, issue_number: issue, body })
      return toComment(data)
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
      const { data } = await octokit.rest.issues.create({ ...r, ...issue })
      return toIssue(data)
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
    async whoami() {
      if (self === null) {
        try {
          self = (await octokit.rest.users.getAuthenticated()).data.login
        } catch {
          // Installation tokens (GITHUB_TOKEN, Apps) may not read /user: they write as a bot.
          self = undefined
        }
      }
      return self
    },
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
