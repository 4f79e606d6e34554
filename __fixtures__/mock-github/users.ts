/**
 * Who the token is: writes are attributed to the mock's `actor`. As on GitHub, an installation
 * token (GITHUB_TOKEN, an App; the default bot actor) may not read /user, but GraphQL `viewer`
 * answers.
 */
import type { Core, Ctx, Reply, RouteSpec } from './core.js'
import { renderUser } from './render.js'
import { asString, DOCS, HttpError } from './util.js'

function getUser(core: Core, _ctx: Ctx): Reply {
  if (core.actor().type === 'Bot') {
    throw new HttpError(403, {
      message: 'Resource not accessible by integration',
      documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
      status: '403'
    })
  }
  return { status: 200, body: { ...renderUser(core, core.actor()), name: core.actor().login } }
}

/** GraphQL's `viewer { login }` (review threads: threads.ts, which hands every other query here). */
export function graphql(core: Core, ctx: Ctx): Reply {
  const query = asString((ctx.body as Record<string, unknown> | undefined)?.query) ?? ''
  if (!/\bviewer\s*\{\s*login\s*\}/.test(query)) {
    return { status: 200, body: { errors: [{ message: 'mock-github: only viewer { login }' }] } }
  }
  return { status: 200, body: { data: { viewer: { login: core.actor().login } } } }
}

/** The user routes, in match order. */
export const userRoutes: RouteSpec[] = [
  ['GET', '/user', getUser],
  ['POST', '/graphql', graphql]
]
