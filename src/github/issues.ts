/**
 * The issue part of the REST `GitHubApi`: issues, their comments and timelines. Pull requests are
 * issues to this API too; `isPullRequest` tells them apart and listings skip them.
 */
import type { Comment, GitHubApi, Issue } from './api.js'
import { isOwnComment } from './identity.js'
import { ONCE, createOnce, isRecent, toComment, type RestContext } from './rest.js'
import type { TimelineEvent } from './types.js'

type IssuesApi = Pick<
  GitHubApi,
  | 'listIssueComments'
  | 'createIssueComment'
  | 'updateIssueComment'
  | 'getIssue'
  | 'listIssues'
  | 'createIssue'
  | 'updateIssue'
  | 'listTimeline'
>

/** Issues, their comments and timelines, over one repository's REST context. */
export function issuesApi(ctx: RestContext): IssuesApi {
  const { octokit, r, whoami } = ctx
  const listIssueComments = async (issue: number): Promise<Comment[]> => {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...r,
      issue_number: issue,
      per_page: 100
    })
    return comments.map(toComment)
  }
  return {
    listIssueComments,
    createIssueComment: (issue, body) =>
      createOnce(
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
          return ownSince(await listIssueComments(issue), me, body, since)
        }
      ),
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
          if (issue.isPullRequest && !query.pulls) continue
          if (query.unlabeled && issue.labels.length > 0) continue
          out.push(issue)
          if (out.length >= query.limit) return out
        }
      }
      return out
    },
    createIssue: issue =>
      createOnce(
        async () => toIssue((await octokit.rest.issues.create({ ...r, ...ONCE, ...issue })).data),
        since => findOwnIssue(ctx, issue, since)
      ),
    async updateIssue(number, patch) {
      await octokit.rest.issues.update({ ...r, issue_number: number, ...patch })
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

/** The newest comment this action wrote since `since` with this body, if a create's answer was lost. */
function ownSince(
  comments: Comment[],
  me: string,
  body: string,
  since: number
): Comment | undefined {
  return comments
    .reverse()
    .find(c => isOwnComment(c, me) && c.body.trim() === body.trim() && isRecent(c.createdAt, since))
}

/** The issue this action opened since `since` with this title and body, if a create's answer was lost. */
async function findOwnIssue(
  { octokit, r, whoami }: RestContext,
  issue: { title: string; body: string },
  since: number
): Promise<Issue | undefined> {
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

function toIssue(i: {
  number: number
  title: string
  body?: string | null
  state: string
  labels: Array<string | { name?: string }>
  pull_request?: unknown
  html_url: string
  created_at?: string
  user?: { login: string } | null
}): Issue {
  return {
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    state: i.state,
    labels: i.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    isPullRequest: i.pull_request !== undefined && i.pull_request !== null,
    url: i.html_url,
    ...(i.created_at ? { createdAt: i.created_at } : {}),
    ...(i.user ? { author: i.user.login } : {})
  }
}
