/** Issues, issue comments and the timeline (label events and comments, oldest first). */
import {
  apiRepo,
  fullName,
  issueOf,
  normalize,
  repoOf,
  type Core,
  type Ctx,
  type Reply,
  type RouteSpec
} from './core.js'
import { addLabels, labelNames, recordEvent, setLabels } from './labels.js'
import { findLabel, renderLabel, renderUser } from './render.js'
import { paginate } from './routing.js'
import type { MockIssue, MockIssueComment, MockTimelineEvent, RepoState } from './types.js'
import { asString, checkBody, lc, notFound, parseIntParam, validationFailed, WEB } from './util.js'

function renderIssue(core: Core, s: RepoState, i: MockIssue): Record<string, unknown> {
  const kind = i.pull_request ? 'pull' : 'issues'
  const out: Record<string, unknown> = {
    url: `${apiRepo(core, s)}/issues/${i.number}`,
    repository_url: apiRepo(core, s),
    html_url: `${WEB}/${fullName(s)}/${kind}/${i.number}`,
    id: i.id,
    node_id: `I_${i.id}`,
    number: i.number,
    title: i.title,
    user: renderUser(core, i.user ?? { login: 'octocat', type: 'User' }),
    labels: (i.labels ?? []).map(name => renderLabel(core, s, name)),
    state: i.state,
    state_reason: i.state_reason ?? null,
    locked: i.locked ?? false,
    assignee: null,
    assignees: [],
    comments: s.issueComments.filter(c => c.issue_number === i.number).length,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at ?? null,
    author_association: 'CONTRIBUTOR',
    body: i.body ?? null
  }
  if (i.pull_request) out.pull_request = { ...i.pull_request }
  return out
}

function renderIssueComment(
  core: Core,
  s: RepoState,
  c: MockIssueComment
): Record<string, unknown> {
  const issue = s.issues.find(i => i.number === c.issue_number)
  const kind = issue?.pull_request ? 'pull' : 'issues'
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${apiRepo(core, s)}/issues/comments/${c.id}`,
    html_url: c.html_url ?? `${WEB}/${fullName(s)}/${kind}/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${apiRepo(core, s)}/issues/${c.issue_number}`,
    body: c.body,
    user: renderUser(core, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR'
  }
}

function renderTimelineEvent(
  core: Core,
  s: RepoState,
  e: MockTimelineEvent
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: e.id,
    node_id: `LE_${e.id}`,
    url: `${apiRepo(core, s)}/issues/events/${e.id}`,
    actor: renderUser(core, e.actor),
    event: e.event,
    commit_id: null,
    commit_url: null,
    created_at: e.created_at
  }
  if (e.label) {
    out.label = {
      name: e.label.name,
      color: e.label.color ?? findLabel(s, e.label.name)?.color ?? 'ededed'
    }
  }
  return out
}

function listIssues(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const state = ctx.query.state ?? 'open'
  if (!['open', 'closed', 'all'].includes(state)) {
    throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }])
  }
  const wanted = (ctx.query.labels ?? '')
    .split(',')
    .map(l => l.trim())
    .filter(Boolean)
    .map(lc)
  const since = ctx.query.since
  const creator = ctx.query.creator
  const sort = ctx.query.sort ?? 'created'
  const dir = ctx.query.direction === 'asc' ? 1 : -1
  const commentsOf = (n: number): number => s.issueComments.filter(c => c.issue_number === n).length
  const key = (i: MockIssue): string | number =>
    sort === 'updated'
      ? (i.updated_at ?? '')
      : sort === 'comments'
        ? commentsOf(i.number)
        : (i.created_at ?? '')
  const list = s.issues
    .filter(i => state === 'all' || i.state === state)
    .filter(i => wanted.every(w => (i.labels ?? []).some(n => lc(n) === w)))
    .filter(i => since === undefined || (i.updated_at ?? '') >= since)
    .filter(i => creator === undefined || lc(i.user?.login ?? '') === lc(creator))
    .sort((a, b) => {
      const ka = key(a)
      const kb = key(b)
      if (ka < kb) return -dir
      if (ka > kb) return dir
      return (a.number - b.number) * dir
    })
  return paginate(
    core,
    ctx,
    list.map(i => renderIssue(core, s, i))
  )
}

function createIssue(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const body = (ctx.body ?? {}) as Record<string, unknown>
  const title = body.title
  if (typeof title !== 'string' && typeof title !== 'number') {
    throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }])
  }
  const text = asString(body.body) ?? null
  checkBody('body', text, 'Issue')
  const number = Math.max(0, ...s.issues.map(i => i.number), ...s.pulls.map(p => p.number)) + 1
  const t = core.stamp()
  const issue: MockIssue = {
    number,
    title: String(title),
    body: text,
    state: 'open',
    labels: [],
    user: { ...core.actor() },
    created_at: t,
    updated_at: t,
    closed_at: null
  }
  s.issues.push(issue)
  normalize(core, s)
  if (body.labels !== undefined) addLabels(core, s, issue, labelNames(body.labels))
  return { status: 201, body: renderIssue(core, s, issue) }
}

function getIssueComment(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const id = parseIntParam(ctx.params.id)
  const comment = s.issueComments.find(c => c.id === id)
  if (!comment) throw notFound()
  return { status: 200, body: renderIssueComment(core, s, comment) }
}

function updateIssueComment(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const id = parseIntParam(ctx.params.id)
  const comment = s.issueComments.find(c => c.id === id)
  if (!comment) throw notFound()
  const text = asString((ctx.body as Record<string, unknown> | undefined)?.body)
  if (text === undefined) {
    throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }])
  }
  checkBody('body', text, 'IssueComment')
  comment.body = text
  comment.updated_at = core.stamp()
  return { status: 200, body: renderIssueComment(core, s, comment) }
}

function deleteIssueComment(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const id = parseIntParam(ctx.params.id)
  const idx = s.issueComments.findIndex(c => c.id === id)
  if (idx < 0) throw notFound()
  s.issueComments.splice(idx, 1)
  return { status: 204 }
}

function getIssue(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  return { status: 200, body: renderIssue(core, s, issueOf(s, parseIntParam(ctx.params.n))) }
}

function updateIssue(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  const body = (ctx.body ?? {}) as Record<string, unknown>
  if (body.title !== undefined) {
    if (typeof body.title !== 'string' || body.title === '') {
      throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'title' }])
    }
    issue.title = body.title
  }
  if (body.body !== undefined) {
    checkBody('body', body.body, 'Issue')
    issue.body = body.body === null ? null : String(body.body)
  }
  if (body.state !== undefined) {
    if (body.state !== 'open' && body.state !== 'closed') {
      throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }])
    }
    if (body.state !== issue.state) {
      issue.state = body.state
      issue.closed_at = body.state === 'closed' ? core.stamp() : null
      issue.state_reason =
        body.state === 'closed' ? (asString(body.state_reason) ?? 'completed') : 'reopened'
      recordEvent(core, s, issue.number, body.state === 'closed' ? 'closed' : 'reopened')
      const pull = s.pulls.find(p => p.number === issue.number)
      if (pull) pull.state = body.state
    }
  }
  if (body.labels !== undefined) setLabels(core, s, issue, labelNames(body.labels))
  issue.updated_at = core.stamp()
  return { status: 200, body: renderIssue(core, s, issue) }
}

function listIssueComments(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  const since = ctx.query.since
  return paginate(
    core,
    ctx,
    s.issueComments
      .filter(c => c.issue_number === issue.number)
      .filter(c => since === undefined || c.updated_at >= since)
      .map(c => renderIssueComment(core, s, c))
  )
}

function createIssueComment(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  const text = asString((ctx.body as Record<string, unknown> | undefined)?.body)
  if (text === undefined || text === '') {
    throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }])
  }
  checkBody('body', text, 'IssueComment')
  const t = core.stamp()
  const comment: MockIssueComment = {
    id: core.newId(),
    issue_number: issue.number,
    body: text,
    user: { ...core.actor() },
    created_at: t,
    updated_at: t
  }
  s.issueComments.push(comment)
  issue.updated_at = t
  return { status: 201, body: renderIssueComment(core, s, comment) }
}

function listTimeline(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  type Entry = { at: string; seq: number; body: Record<string, unknown> }
  const entries: Entry[] = []
  let seq = 0
  for (const e of s.timeline) {
    if (e.issue_number !== issue.number) continue
    entries.push({ at: e.created_at, seq: seq++, body: renderTimelineEvent(core, s, e) })
  }
  for (const c of s.issueComments) {
    if (c.issue_number !== issue.number) continue
    entries.push({
      at: c.created_at,
      seq: seq++,
      body: {
        ...renderIssueComment(core, s, c),
        event: 'commented',
        actor: renderUser(core, c.user)
      }
    })
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq))
  return paginate(
    core,
    ctx,
    entries.map(e => e.body)
  )
}

/** The issue routes, in match order. */
export const issueRoutes: RouteSpec[] = [
  ['GET', '/repos/:owner/:repo/issues', listIssues],
  ['POST', '/repos/:owner/:repo/issues', createIssue],
  ['GET', '/repos/:owner/:repo/issues/comments/:id', getIssueComment],
  ['PATCH', '/repos/:owner/:repo/issues/comments/:id', updateIssueComment],
  ['DELETE', '/repos/:owner/:repo/issues/comments/:id', deleteIssueComment],
  ['GET', '/repos/:owner/:repo/issues/:n', getIssue],
  ['PATCH', '/repos/:owner/:repo/issues/:n', updateIssue],
  ['GET', '/repos/:owner/:repo/issues/:n/comments', listIssueComments],
  ['POST', '/repos/:owner/:repo/issues/:n/comments', createIssueComment],
  ['GET', '/repos/:owner/:repo/issues/:n/timeline', listTimeline]
]
