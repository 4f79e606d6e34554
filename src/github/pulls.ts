/**
 * The pull-request part of the REST `GitHubApi`: the pull request, its files and review comments,
 * the review the action posts, and the repository reads a review compares against (a diff between
 * two commits, a file at a ref).
 */
import type { GitHubApi } from './api.js'
import { isOwnComment } from './identity.js'
import { ONCE, createOnce, isRecent, toComment, unlessNotFound, type RestContext } from './rest.js'
import type { PrFile } from './types.js'

type PullsApi = Pick<
  GitHubApi,
  'getPull' | 'listPullFiles' | 'compare' | 'getFileText' | 'listReviewComments' | 'createReview'
>

/** Pull requests, their files and reviews, over one repository's REST context. */
export function pullsApi(ctx: RestContext): PullsApi {
  const { octokit, r } = ctx
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
        url: p.html_url,
        state: p.state === 'closed' ? 'closed' : 'open',
        merged: p.merged ?? false
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
    createReview: (pull, review) =>
      createOnce(
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
        since => findOwnReview(ctx, pull, review, since)
      )
  }
}

/**
 * The review this action posted since `since` with exactly this head, body and inline comments:
 * what a create whose answer was lost left behind.
 */
async function findOwnReview(
  { octokit, r, whoami }: RestContext,
  pull: number,
  review: { commitId: string; body: string; comments: ReadonlyArray<{ body: string }> },
  since: number
): Promise<{ url: string } | undefined> {
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

function sortedBodies(comments: ReadonlyArray<{ body?: string | null }>): string {
  return JSON.stringify(comments.map(c => (c.body ?? '').trim()).sort())
}

function toFile(f: {
  filename: string
  status: string
  additions: number
  deletions: number
  changes: number
  patch?: string
  previous_filename?: string
}): PrFile {
  return {
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {})
  }
}
