/**
 * Review threads as GitHub's GraphQL API shows them (`repository.pullRequest.reviewThreads`, the
 * `resolveReviewThread` mutation), built from the stored review comments: a thread is a comment
 * with no `in_reply_to_id` and its replies. Reactions on review comments (REST) feed the GraphQL
 * `reactionGroups`. Any other GraphQL query goes on to `users.ts` (`viewer`).
 */
import { pullOf, repoOf, type Core, type Ctx, type Reply, type RouteSpec } from './core.js'
import { indexPatch } from './patch-index.js'
import type { MockReviewComment, MockUser, RepoState } from './types.js'
import { asString, notFound, parseIntParam, unprocessable } from './util.js'
import { graphql as viewerQuery } from './users.js'

/** REST reaction content → GraphQL ReactionContent. */
const REACTIONS: Record<string, string> = {
  '+1': 'THUMBS_UP',
  '-1': 'THUMBS_DOWN',
  laugh: 'LAUGH',
  confused: 'CONFUSED',
  heart: 'HEART',
  hooray: 'HOORAY',
  rocket: 'ROCKET',
  eyes: 'EYES'
}

/** As GraphQL names an author: a bot's login without its `[bot]` suffix, and its type. */
function graphAuthor(u: MockUser): { __typename: string; login: string } {
  return u.type === 'Bot'
    ? { __typename: 'Bot', login: u.login.replace(/\[bot\]$/, '') }
    : { __typename: 'User', login: u.login }
}

/**
 * GitHub's word for a thread whose lines changed: the head moved and the commented line no longer
 * reads the same at that line of the pull request's diff (or is gone from it). A test may set
 * `outdated` on the first comment to decide it outright.
 */
function isOutdated(s: RepoState, root: MockReviewComment): boolean {
  if (root.outdated !== undefined) return root.outdated
  const pull = pullOf(s, root.pull_number)
  if (root.commit_id === pull.head.sha) return false
  const file = pull.files.find(f => f.filename === root.path)
  const index = indexPatch(file?.patch)
  const at = root.line === null ? undefined : index.right.get(root.line)
  if (!at) return true
  const was = root.diff_hunk.split('\n').pop() ?? ''
  return (index.lines[at.position] ?? '').slice(1) !== was.slice(1)
}

function renderComment(core: Core, c: MockReviewComment): Record<string, unknown> {
  const me = core.actor().login
  const groups = Object.entries(REACTIONS).map(([rest, content]) => {
    const mine = (c.reactions ?? []).filter(r => r.content === rest)
    return {
      content,
      viewerHasReacted: mine.some(r => r.user.login === me),
      // `users` is the deprecated name of `reactors`; GitHub still answers both.
      users: { totalCount: mine.length },
      reactors: { totalCount: mine.length }
    }
  })
  return {
    id: `PRRC_${c.id}`,
    databaseId: c.id,
    author: graphAuthor(c.user),
    body: c.body,
    createdAt: c.created_at,
    reactionGroups: groups
  }
}

function renderThread(core: Core, s: RepoState, root: MockReviewComment): Record<string, unknown> {
  const outdated = isOutdated(s, root)
  const replies = s.reviewComments.filter(c => c.in_reply_to_id === root.id)
  return {
    id: `PRRT_${root.id}`,
    isResolved: root.resolved === true,
    isOutdated: outdated,
    path: root.path,
    line: outdated ? null : root.line,
    comments: { nodes: [root, ...replies].slice(0, 50).map(c => renderComment(core, c)) }
  }
}

type Vars = Record<string, unknown>

function listThreads(core: Core, vars: Vars, query: string): Reply {
  const s = repoOf(core, {
    params: { owner: String(vars.owner), repo: String(vars.repo) }
  } as unknown as Ctx)
  const pull = pullOf(s, Number(vars.number))
  const roots = s.reviewComments.filter(
    c => c.pull_number === pull.number && c.in_reply_to_id === undefined
  )
  const size = Number(/reviewThreads\(first:\s*(\d+)/.exec(query)?.[1] ?? 100)
  const from = vars.cursor ? Number(vars.cursor) : 0
  const page = roots.slice(from, from + size)
  const next = from + page.length
  const reviewThreads = {
    pageInfo: { hasNextPage: next < roots.length, endCursor: String(next) },
    nodes: page.map(root => renderThread(core, s, root))
  }
  return { status: 200, body: { data: { repository: { pullRequest: { reviewThreads } } } } }
}

function resolveThread(core: Core, vars: Vars): Reply {
  const id = String(vars.id ?? '')
  const rootId = Number(/^PRRT_(\d+)$/.exec(id)?.[1])
  for (const s of Object.values(core.repos)) {
    const root = s.reviewComments.find(c => c.id === rootId && c.in_reply_to_id === undefined)
    if (!root) continue
    root.resolved = true
    return {
      status: 200,
      body: { data: { resolveReviewThread: { thread: { id, isResolved: true } } } }
    }
  }
  return {
    status: 200,
    body: {
      data: { resolveReviewThread: null },
      errors: [
        { type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${id}'.` }
      ]
    }
  }
}

function graphql(core: Core, ctx: Ctx): Reply | Promise<Reply> {
  const body = (ctx.body ?? {}) as Record<string, unknown>
  const query = asString(body.query) ?? ''
  const vars = (body.variables ?? {}) as Vars
  if (/\bresolveReviewThread\s*\(/.test(query)) return resolveThread(core, vars)
  if (/\breviewThreads\s*\(/.test(query)) return listThreads(core, vars, query)
  return viewerQuery(core, ctx)
}

/** `POST …/pulls/comments/:id/reactions`: the actor reacts (200 when it already had). */
function react(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const comment = s.reviewComments.find(c => c.id === parseIntParam(ctx.params.id))
  if (!comment) throw notFound()
  const content = asString((ctx.body as Record<string, unknown> | undefined)?.content) ?? ''
  if (!(content in REACTIONS)) throw unprocessable([`content "${content}" is not a reaction`])
  const user = { ...core.actor() }
  comment.reactions ??= []
  const had = comment.reactions.find(r => r.content === content && r.user.login === user.login)
  const id = had?.id ?? core.newId()
  if (!had) comment.reactions.push({ id, content, user })
  return { status: had ? 200 : 201, body: { id, content, user: { login: user.login } } }
}

/** The review-thread routes, in match order (before `users.ts`, whose GraphQL they extend). */
export const threadRoutes: RouteSpec[] = [
  ['POST', '/graphql', graphql],
  ['POST', '/repos/:owner/:repo/pulls/comments/:id/reactions', react]
]
