/** Pull request reviews and review comments (replies, edits, deletes). */
import {
  apiRepo,
  fullName,
  pullOf,
  repoOf,
  type Core,
  type Ctx,
  type NormalPull,
  type Reply,
  type RouteSpec
} from './core.js'
import { renderUser } from './render.js'
import { checkCommitId, resolveComment, type ResolvedComment } from './review-lines.js'
import { paginate } from './routing.js'
import type { MockReview, MockReviewComment, RepoState } from './types.js'
import { asString, checkBody, notFound, parseIntParam, unprocessable, WEB } from './util.js'

function renderReview(core: Core, s: RepoState, r: MockReview): Record<string, unknown> {
  return {
    id: r.id,
    node_id: `PRR_${r.id}`,
    user: renderUser(core, r.user),
    body: r.body,
    state: r.state,
    html_url: r.html_url,
    pull_request_url: `${apiRepo(core, s)}/pulls/${r.pull_number}`,
    commit_id: r.commit_id,
    submitted_at: r.submitted_at,
    author_association: 'NONE'
  }
}

function renderReviewComment(
  core: Core,
  s: RepoState,
  c: MockReviewComment
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: c.id,
    node_id: `PRRC_${c.id}`,
    url: `${apiRepo(core, s)}/pulls/comments/${c.id}`,
    pull_request_review_id: c.review_id,
    pull_request_url: `${apiRepo(core, s)}/pulls/${c.pull_number}`,
    diff_hunk: c.diff_hunk,
    path: c.path,
    position: c.position,
    original_position: c.position,
    commit_id: c.commit_id,
    original_commit_id: c.commit_id,
    user: renderUser(core, c.user),
    body: c.body,
    created_at: c.created_at,
    updated_at: c.updated_at,
    html_url: c.html_url,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    line: c.line,
    original_line: c.line,
    side: c.side,
    start_line: c.start_line,
    original_start_line: c.start_line,
    start_side: c.start_side,
    subject_type: 'line'
  }
  if (c.in_reply_to_id !== undefined) out.in_reply_to_id = c.in_reply_to_id
  return out
}

function storeReviewComment(
  core: Core,
  s: RepoState,
  pull: NormalPull,
  resolved: ResolvedComment,
  reviewId: number | null,
  commitId: string
): MockReviewComment {
  const id = core.newId()
  const t = core.stamp()
  const comment: MockReviewComment = {
    id,
    pull_number: pull.number,
    review_id: reviewId,
    path: resolved.path,
    line: resolved.line,
    side: resolved.side,
    start_line: resolved.start_line,
    start_side: resolved.start_side,
    position: resolved.position,
    body: resolved.body,
    user: { ...core.actor() },
    commit_id: commitId,
    created_at: t,
    updated_at: t,
    html_url: `${WEB}/${fullName(s)}/pull/${pull.number}#discussion_r${id}`,
    diff_hunk: resolved.diff_hunk
  }
  if (resolved.in_reply_to_id !== undefined) comment.in_reply_to_id = resolved.in_reply_to_id
  s.reviewComments.push(comment)
  return comment
}

function listReviewComments(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const pull = pullOf(s, parseIntParam(ctx.params.n))
  const list = s.reviewComments.filter(c => c.pull_number === pull.number)
  if (ctx.query.direction === 'desc') list.reverse()
  return paginate(
    core,
    ctx,
    list.map(c => renderReviewComment(core, s, c))
  )
}

function createReviewComment(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const pull = pullOf(s, parseIntParam(ctx.params.n))
  const body = (ctx.body ?? {}) as Record<string, unknown>
  if (body.in_reply_to !== undefined) {
    const parent = s.reviewComments.find(
      c => c.id === Number(body.in_reply_to) && c.pull_number === pull.number
    )
    if (!parent) throw notFound()
    const text = asString(body.body)
    if (text === undefined) throw unprocessable(['body is missing'])
    const stored = storeReviewComment(
      core,
      s,
      pull,
      { ...parent, body: text, in_reply_to_id: parent.id },
      null,
      parent.commit_id
    )
    return { status: 201, body: renderReviewComment(core, s, stored) }
  }
  const commitId = checkCommitId(pull, body.commit_id)
  const resolved = resolveComment(pull, body)
  const stored = storeReviewComment(core, s, pull, resolved, null, commitId)
  return { status: 201, body: renderReviewComment(core, s, stored) }
}

/** `POST …/pulls/:n/comments/:id/replies`: a reply in that comment's thread. */
function replyToReviewComment(core: Core, ctx: Ctx): Reply {
  const body = (ctx.body ?? {}) as Record<string, unknown>
  return createReviewComment(core, {
    ...ctx,
    body: { body: body.body, in_reply_to: ctx.params.id }
  })
}

function updateReviewComment(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const id = parseIntParam(ctx.params.id)
  const comment = s.reviewComments.find(c => c.id === id)
  if (!comment) throw notFound()
  const text = asString((ctx.body as Record<string, unknown> | undefined)?.body)
  if (text === undefined) throw unprocessable(['body is missing'])
  checkBody('body', text, 'PullRequestReviewComment')
  comment.body = text
  comment.updated_at = core.stamp()
  return { status: 200, body: renderReviewComment(core, s, comment) }
}

function deleteReviewComment(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const id = parseIntParam(ctx.params.id)
  const idx = s.reviewComments.findIndex(c => c.id === id)
  if (idx < 0) throw notFound()
  s.reviewComments.splice(idx, 1)
  return { status: 204 }
}

function listReviews(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const pull = pullOf(s, parseIntParam(ctx.params.n))
  return paginate(
    core,
    ctx,
    s.reviews.filter(r => r.pull_number === pull.number).map(r => renderReview(core, s, r))
  )
}

function listCommentsOfReview(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const pull = pullOf(s, parseIntParam(ctx.params.n))
  const id = parseIntParam(ctx.params.id)
  if (!s.reviews.some(r => r.id === id && r.pull_number === pull.number)) throw notFound()
  return paginate(
    core,
    ctx,
    s.reviewComments.filter(c => c.review_id === id).map(c => renderReviewComment(core, s, c))
  )
}

function createReview(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const pull = pullOf(s, parseIntParam(ctx.params.n))
  const body = (ctx.body ?? {}) as Record<string, unknown>
  const event = body.event
  const states: Record<string, MockReview['state']> = {
    COMMENT: 'COMMENTED',
    APPROVE: 'APPROVED',
    REQUEST_CHANGES: 'CHANGES_REQUESTED'
  }
  if (event !== undefined && (typeof event !== 'string' || !(event in states))) {
    throw unprocessable([`Invalid event: ${String(event)}`])
  }
  const reviewBody = asString(body.body) ?? ''
  checkBody('body', reviewBody, 'PullRequestReview')
  const rawComments = body.comments ?? []
  if (!Array.isArray(rawComments)) throw unprocessable(['comments must be an array'])
  if (
    (event === 'REQUEST_CHANGES' || event === 'COMMENT') &&
    reviewBody === '' &&
    rawComments.length === 0
  ) {
    throw unprocessable([
      `Review Can not ${event === 'COMMENT' ? 'comment' : 'request changes'} without a body`
    ])
  }
  const commitId = checkCommitId(pull, body.commit_id)
  // Validate everything before storing anything: a 422 leaves no trace.
  const resolved = rawComments.map(c => resolveComment(pull, c))
  const id = core.newId()
  const review: MockReview = {
    id,
    pull_number: pull.number,
    body: reviewBody,
    state: typeof event === 'string' ? (states[event] ?? 'PENDING') : 'PENDING',
    commit_id: commitId,
    user: { ...core.actor() },
    html_url: `${WEB}/${fullName(s)}/pull/${pull.number}#pullrequestreview-${id}`,
    submitted_at: event === undefined ? null : core.stamp()
  }
  s.reviews.push(review)
  for (const r of resolved) storeReviewComment(core, s, pull, r, id, commitId)
  return { status: 200, body: renderReview(core, s, review) }
}

/** The review routes, in match order. */
export const reviewRoutes: RouteSpec[] = [
  ['GET', '/repos/:owner/:repo/pulls/:n/comments', listReviewComments],
  ['POST', '/repos/:owner/:repo/pulls/:n/comments', createReviewComment],
  ['POST', '/repos/:owner/:repo/pulls/:n/comments/:id/replies', replyToReviewComment],
  ['PATCH', '/repos/:owner/:repo/pulls/comments/:id', updateReviewComment],
  ['DELETE', '/repos/:owner/:repo/pulls/comments/:id', deleteReviewComment],
  ['GET', '/repos/:owner/:repo/pulls/:n/reviews', listReviews],
  ['GET', '/repos/:owner/:repo/pulls/:n/reviews/:id/comments', listCommentsOfReview],
  ['POST', '/repos/:owner/:repo/pulls/:n/reviews', createReview]
]
