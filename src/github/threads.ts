/**
 * The review-thread part of `GitHubApi`: threads (resolved or not, outdated or not, their comments
 * and 👎 counts) read over GraphQL, a reply in a thread over REST, and the resolve mutation.
 */
import type { GitHubApi, ReviewThread } from './api.js'
import { isOwnComment } from './identity.js'
import { ONCE, createOnce, isRecent, toComment, type RestContext } from './rest.js'

type ThreadsApi = Pick<
  GitHubApi,
  'listReviewThreads' | 'replyToReviewComment' | 'resolveReviewThread'
>

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated path line
          comments(first: 50) {
            nodes {
              id databaseId author { __typename login } body createdAt
              reactionGroups { content viewerHasReacted reactors { totalCount } }
            }
          }
        }
      }
    }
  }
}`

const RESOLVE_MUTATION = `mutation($id: ID!) {
  resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } }
}`

interface RawComment {
  databaseId: number
  author: { __typename?: string; login: string } | null
  body: string
  createdAt: string
  reactionGroups: Array<{
    content: string
    viewerHasReacted: boolean
    reactors: { totalCount: number }
  }> | null
}

interface RawThread {
  id: string
  isResolved: boolean
  isOutdated: boolean
  path: string
  line: number | null
  comments: { nodes: RawComment[] }
}

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null }
        nodes: RawThread[]
      }
    } | null
  } | null
}

// Every page, but not forever: 50 pages are 5,000 threads.
const MAX_PAGES = 50

/** Review threads over GraphQL, replies and resolves, over one repository's context. */
export function threadsApi(ctx: RestContext): ThreadsApi {
  const { octokit, r } = ctx
  return {
    async listReviewThreads(pull) {
      const out = []
      let cursor: string | null = null
      for (let page = 0; page < MAX_PAGES; page++) {
        const data: ThreadsPage = await octokit.graphql<ThreadsPage>(THREADS_QUERY, {
          owner: r.owner,
          repo: r.repo,
          number: pull,
          cursor
        })
        const threads = data.repository?.pullRequest?.reviewThreads
        if (!threads) break
        out.push(...threads.nodes.map(toThread))
        if (!threads.pageInfo.hasNextPage) break
        cursor = threads.pageInfo.endCursor
      }
      return out
    },
    replyToReviewComment: (pull, commentId, body) =>
      createOnce(
        async () => {
          const { data } = await octokit.rest.pulls.createReplyForReviewComment({
            ...r,
            ...ONCE,
            pull_number: pull,
            comment_id: commentId,
            body
          })
          return toComment(data)
        },
        async since => {
          const me = await ctx.whoami()
          const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
            ...r,
            pull_number: pull,
            per_page: 100
          })
          const found = all.find(
            c =>
              isOwnComment({ author: c.user?.login }, me) &&
              c.in_reply_to_id === commentId &&
              c.body.trim() === body.trim() &&
              isRecent(c.created_at, since)
          )
          return found && toComment(found)
        }
      ),
    async resolveReviewThread(threadId) {
      // Resolving twice is harmless, so the mutation may be retried.
      await octokit.graphql(RESOLVE_MUTATION, { id: threadId })
    }
  }
}

function toThread(t: RawThread): ReviewThread {
  return {
    id: t.id,
    isResolved: t.isResolved,
    isOutdated: t.isOutdated,
    path: t.path,
    line: t.line,
    comments: t.comments.nodes.map(c => {
      const down = (c.reactionGroups ?? []).find(g => g.content === 'THUMBS_DOWN')
      // The action never reacts; if the token's login did, that one is not a reader's 👎.
      const thumbsDown = down ? down.reactors.totalCount - (down.viewerHasReacted ? 1 : 0) : 0
      return {
        id: c.databaseId,
        body: c.body,
        ...(c.author ? { author: restLogin(c.author) } : {}),
        createdAt: c.createdAt,
        thumbsDownByOthers: Math.max(0, thumbsDown)
      }
    })
  }
}

/**
 * GraphQL names a bot without the `[bot]` suffix REST and `viewer` give it (`github-actions`):
 * put it back, so the identity check compares like with like.
 */
function restLogin(author: { __typename?: string; login: string }): string {
  return author.__typename === 'Bot' && !author.login.endsWith('[bot]')
    ? `${author.login}[bot]`
    : author.login
}
