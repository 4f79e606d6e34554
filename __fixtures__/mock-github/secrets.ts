/** Actions secrets of a repository, an environment and an organization, and environments. */
import {
  apiRepo,
  fullName,
  repoOf,
  type Core,
  type Ctx,
  type Reply,
  type RouteSpec
} from './core.js'
import { publicKeyReply, putSecret, renderSecret } from './secret-store.js'
import type { MockEnvironment, MockOrg, RepoState } from './types.js'
import { lc, notFound } from './util.js'

const repoKeyScope = (s: RepoState): string => `repo:${lc(fullName(s))}`

function envOf(core: Core, ctx: Ctx): { s: RepoState; env: MockEnvironment; scope: string } {
  const s = repoOf(core, ctx)
  const name = ctx.params.env ?? ''
  const env = s.environments[name]
  if (!env) throw notFound()
  return { s, env, scope: `env:${lc(fullName(s))}:${name}` }
}

function orgOf(core: Core, ctx: Ctx): MockOrg {
  const org = core.orgs[lc(ctx.params.org ?? '')]
  if (!org) throw notFound()
  return org
}

function repoPublicKey(core: Core, ctx: Ctx): Reply {
  return publicKeyReply(core, repoKeyScope(repoOf(core, ctx)))
}

function listRepoSecrets(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const list = Object.values(s.secrets).map(x => renderSecret(core, x))
  return { status: 200, body: { total_count: list.length, secrets: list } }
}

function getRepoSecret(core: Core, ctx: Ctx): Reply {
  const secret = repoOf(core, ctx).secrets[ctx.params.name ?? '']
  if (!secret) throw notFound()
  return { status: 200, body: renderSecret(core, secret) }
}

function putRepoSecret(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  return putSecret(core, s.secrets, repoKeyScope(s), ctx.params.name ?? '', ctx.body ?? {}, false)
}

function deleteRepoSecret(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const name = ctx.params.name ?? ''
  if (!s.secrets[name]) throw notFound()
  delete s.secrets[name]
  return { status: 204 }
}

function getEnvironment(core: Core, ctx: Ctx): Reply {
  const { s } = envOf(core, ctx)
  return {
    status: 200,
    body: { name: ctx.params.env, url: `${apiRepo(core, s)}/environments/${ctx.params.env}` }
  }
}

function putEnvironment(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const name = ctx.params.env ?? ''
  s.environments[name] ??= { secrets: {} }
  return { status: 200, body: { name, url: `${apiRepo(core, s)}/environments/${name}` } }
}

function envPublicKey(core: Core, ctx: Ctx): Reply {
  return publicKeyReply(core, envOf(core, ctx).scope)
}

function listEnvSecrets(core: Core, ctx: Ctx): Reply {
  const list = Object.values(envOf(core, ctx).env.secrets).map(x => renderSecret(core, x))
  return { status: 200, body: { total_count: list.length, secrets: list } }
}

function getEnvSecret(core: Core, ctx: Ctx): Reply {
  const secret = envOf(core, ctx).env.secrets[ctx.params.name ?? '']
  if (!secret) throw notFound()
  return { status: 200, body: renderSecret(core, secret) }
}

function putEnvSecret(core: Core, ctx: Ctx): Reply {
  const { env, scope } = envOf(core, ctx)
  return putSecret(core, env.secrets, scope, ctx.params.name ?? '', ctx.body ?? {}, false)
}

function deleteEnvSecret(core: Core, ctx: Ctx): Reply {
  const { env } = envOf(core, ctx)
  const name = ctx.params.name ?? ''
  if (!env.secrets[name]) throw notFound()
  delete env.secrets[name]
  return { status: 204 }
}

function orgPublicKey(core: Core, ctx: Ctx): Reply {
  return publicKeyReply(core, `org:${lc(orgOf(core, ctx).login)}`)
}

function listOrgSecrets(core: Core, ctx: Ctx): Reply {
  const org = orgOf(core, ctx)
  const list = Object.values(org.secrets).map(x => renderSecret(core, x, org.login))
  return { status: 200, body: { total_count: list.length, secrets: list } }
}

function getOrgSecret(core: Core, ctx: Ctx): Reply {
  const org = orgOf(core, ctx)
  const secret = org.secrets[ctx.params.name ?? '']
  if (!secret) throw notFound()
  return { status: 200, body: renderSecret(core, secret, org.login) }
}

function putOrgSecret(core: Core, ctx: Ctx): Reply {
  const org = orgOf(core, ctx)
  return putSecret(
    core,
    org.secrets,
    `org:${lc(org.login)}`,
    ctx.params.name ?? '',
    ctx.body ?? {},
    true
  )
}

function deleteOrgSecret(core: Core, ctx: Ctx): Reply {
  const org = orgOf(core, ctx)
  const name = ctx.params.name ?? ''
  if (!org.secrets[name]) throw notFound()
  delete org.secrets[name]
  return { status: 204 }
}

/** The secret routes, in match order. */
export const secretRoutes: RouteSpec[] = [
  ['GET', '/repos/:owner/:repo/actions/secrets/public-key', repoPublicKey],
  ['GET', '/repos/:owner/:repo/actions/secrets', listRepoSecrets],
  ['GET', '/repos/:owner/:repo/actions/secrets/:name', getRepoSecret],
  ['PUT', '/repos/:owner/:repo/actions/secrets/:name', putRepoSecret],
  ['DELETE', '/repos/:owner/:repo/actions/secrets/:name', deleteRepoSecret],
  ['GET', '/repos/:owner/:repo/environments/:env', getEnvironment],
  ['PUT', '/repos/:owner/:repo/environments/:env', putEnvironment],
  ['GET', '/repos/:owner/:repo/environments/:env/secrets/public-key', envPublicKey],
  ['GET', '/repos/:owner/:repo/environments/:env/secrets', listEnvSecrets],
  ['GET', '/repos/:owner/:repo/environments/:env/secrets/:name', getEnvSecret],
  ['PUT', '/repos/:owner/:repo/environments/:env/secrets/:name', putEnvSecret],
  ['DELETE', '/repos/:owner/:repo/environments/:env/secrets/:name', deleteEnvSecret],
  ['GET', '/orgs/:org/actions/secrets/public-key', orgPublicKey],
  ['GET', '/orgs/:org/actions/secrets', listOrgSecrets],
  ['GET', '/orgs/:org/actions/secrets/:name', getOrgSecret],
  ['PUT', '/orgs/:org/actions/secrets/:name', putOrgSecret],
  ['DELETE', '/orgs/:org/actions/secrets/:name', deleteOrgSecret]
]
