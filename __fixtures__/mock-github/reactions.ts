/**
 * Reactions on issue comments (add, which answers the existing one when the user already reacted
 * so, and delete), the delete of a review comment's reaction (added by `threads.ts`, which keeps
 * them on the comment for GraphQL), and a collaborator's permission, as a command's gate reads
 * it. Permissions are arranged in `state.permissions` (login → role); the repository owner is
 * `admin`, anyone else `none`.
 */
import { repoOf, type Core, type Ctx, type Reply, type RouteSpec } from './core.js'
import { renderUser } from './render.js'
import type { MockReaction } from './types.js'
import { asString, lc, notFound, parseIntParam, unprocessable } from './util.js'

const CONTENTS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes']

/** The legacy `permission` field GitHub sends beside `role_name`. */
const LEGACY: Record<string, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none'
}

function render(core: Core, r: MockReaction): Record<string, unknown> {
  return {
    id: r.id,
    node_id: `REA_${r.id}`,
    user: renderUser(core, r.user),
    content: r.content,
    created_at: r.created_at
  }
}

function addReaction(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const comment_id = parseIntParam(ctx.params.id)
  if (!s.issueComments.some(c => c.id === comment_id)) throw notFound()
  const content = asString((ctx.body as Record<string, unknown> | undefined)?.content)
  if (!content || !CONTENTS.includes(content)) throw unprocessable([`Invalid content ${content}`])
  const actor = core.actor()
  const same = s.reactions.find(
    r =>
      r.comment_id === comment_id && r.content === content && lc(r.user.login) === lc(actor.login)
  )
  if (same) return { status: 200, body: render(core, same) }
  const reaction: MockReaction = {
    id: core.newId(),
    comment_id,
    content,
    user: { ...actor },
    created_at: core.stamp()
  }
  s.reactions.push(reaction)
  return { status: 201, body: render(core, reaction) }
}

function deleteReaction(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const comment_id = parseIntParam(ctx.params.id)
  const id = parseIntParam(ctx.params.rid)
  const i = s.reactions.findIndex(r => r.id === id && r.comment_id === comment_id)
  if (i < 0) throw notFound()
  s.reactions.splice(i, 1)
  return { status: 204 }
}

function deleteReviewReaction(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const comment = s.reviewComments.find(c => c.id === parseIntParam(ctx.params.id))
  const id = parseIntParam(ctx.params.rid)
  const i = comment?.reactions?.findIndex(r => r.id === id) ?? -1
  if (!comment || i < 0) throw notFound()
  comment.reactions?.splice(i, 1)
  return { status: 204 }
}

function getPermission(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const login = ctx.params.user ?? ''
  const role =
    Object.entries(s.permissions).find(([u]) => lc(u) === lc(login))?.[1] ??
    (lc(login) === lc(s.owner) ? 'admin' : 'none')
  return {
    status: 200,
    body: {
      permission: LEGACY[role] ?? 'none',
      role_name: role,
      user: renderUser(core, { login, type: 'User' })
    }
  }
}

/** The reaction and permission routes, in match order. */
export const reactionRoutes: RouteSpec[] = [
  ['POST', '/repos/:owner/:repo/issues/comments/:id/reactions', addReaction],
  ['DELETE', '/repos/:owner/:repo/issues/comments/:id/reactions/:rid', deleteReaction],
  ['DELETE', '/repos/:owner/:repo/pulls/comments/:id/reactions/:rid', deleteReviewReaction],
  ['GET', '/repos/:owner/:repo/collaborators/:user/permission', getPermission]
]
