/**
 * Labels: the repository's labels and an issue's, as GitHub does it: adding an unknown label
 * creates it, and every add or remove is recorded on the timeline.
 */
import { issueOf, repoOf, type Core, type Ctx, type Reply, type RouteSpec } from './core.js'
import { findLabel, renderLabel } from './render.js'
import { paginate } from './routing.js'
import type { MockIssue, MockTimelineEvent, RepoState } from './types.js'
import { asString, lc, notFound, parseIntParam, validationFailed } from './util.js'

/** Appends a timeline event by the current actor (a label event carries its color). */
export function recordEvent(
  core: Core,
  s: RepoState,
  issueNumber: number,
  event: string,
  label?: string
): MockTimelineEvent {
  const e: MockTimelineEvent = {
    id: core.newId(),
    issue_number: issueNumber,
    event,
    actor: { ...core.actor() },
    created_at: core.stamp()
  }
  if (label !== undefined) {
    e.label = { name: label, color: findLabel(s, label)?.color ?? 'ededed' }
  }
  s.timeline.push(e)
  return e
}

/** Adds labels to an issue as GitHub does: unknown labels are created in the repository. */
export function addLabels(core: Core, s: RepoState, issue: MockIssue, names: string[]): void {
  issue.labels ??= []
  for (const raw of names) {
    const name = raw.trim()
    if (!name) continue
    let label = findLabel(s, name)
    if (!label) {
      label = { name, color: 'ededed', description: null, id: core.newId(), default: false }
      s.labels.push(label)
    }
    if (issue.labels.some(n => lc(n) === lc(label.name))) continue
    issue.labels.push(label.name)
    recordEvent(core, s, issue.number, 'labeled', label.name)
  }
  issue.updated_at = core.stamp()
}

function removeLabel(core: Core, s: RepoState, issue: MockIssue, name: string): boolean {
  issue.labels ??= []
  const idx = issue.labels.findIndex(n => lc(n) === lc(name))
  if (idx < 0) return false
  const [removed] = issue.labels.splice(idx, 1)
  recordEvent(core, s, issue.number, 'unlabeled', removed ?? name)
  issue.updated_at = core.stamp()
  return true
}

/** Replaces an issue's labels: removes the others, then adds the missing ones. */
export function setLabels(core: Core, s: RepoState, issue: MockIssue, names: string[]): void {
  const wanted = new Set(names.map(lc))
  for (const n of [...(issue.labels ?? [])]) {
    if (!wanted.has(lc(n))) removeLabel(core, s, issue, n)
  }
  addLabels(core, s, issue, names)
}

/** Label names from a body: `["a"]`, `{ labels: [...] }` or `[{ name }]`; 422 otherwise. */
export function labelNames(value: unknown): string[] {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { labels?: unknown }).labels)
      ? (value as { labels: unknown[] }).labels
      : undefined
  if (!list) {
    throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'labels' }])
  }
  return list.map(v =>
    typeof v === 'string'
      ? v
      : v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string'
        ? (v as { name: string }).name
        : String(v)
  )
}

function listIssueLabels(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  return paginate(
    core,
    ctx,
    (issue.labels ?? []).map(n => renderLabel(core, s, n))
  )
}

function addIssueLabels(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  addLabels(core, s, issue, labelNames(ctx.body))
  return { status: 200, body: (issue.labels ?? []).map(n => renderLabel(core, s, n)) }
}

function setIssueLabels(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  setLabels(core, s, issue, labelNames(ctx.body))
  return { status: 200, body: (issue.labels ?? []).map(n => renderLabel(core, s, n)) }
}

function clearIssueLabels(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  for (const n of [...(issue.labels ?? [])]) removeLabel(core, s, issue, n)
  return { status: 204 }
}

function removeIssueLabel(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const issue = issueOf(s, parseIntParam(ctx.params.n))
  if (!removeLabel(core, s, issue, ctx.params.name ?? '')) throw notFound('Label does not exist')
  return { status: 200, body: (issue.labels ?? []).map(n => renderLabel(core, s, n)) }
}

function listLabels(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  return paginate(
    core,
    ctx,
    s.labels.map(l => renderLabel(core, s, l.name))
  )
}

function getLabel(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const label = findLabel(s, ctx.params.name ?? '')
  if (!label) throw notFound()
  return { status: 200, body: renderLabel(core, s, label.name) }
}

function createLabel(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const body = (ctx.body ?? {}) as Record<string, unknown>
  const name = asString(body.name)?.trim()
  if (!name) throw validationFailed([{ resource: 'Label', code: 'missing_field', field: 'name' }])
  if (findLabel(s, name)) {
    throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }])
  }
  const color = (asString(body.color) ?? 'ededed').replace(/^#/, '')
  if (!/^[0-9a-fA-F]{6}$/.test(color)) {
    throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }])
  }
  const description = asString(body.description) ?? null
  if (description !== null && description.length > 100) {
    throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'description' }])
  }
  s.labels.push({ name, color: color.toLowerCase(), description, id: core.newId(), default: false })
  return { status: 201, body: renderLabel(core, s, name) }
}

function updateLabel(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const label = findLabel(s, ctx.params.name ?? '')
  if (!label) throw notFound()
  const body = (ctx.body ?? {}) as Record<string, unknown>
  const newName = asString(body.new_name)
  if (newName !== undefined && newName !== label.name) {
    if (findLabel(s, newName) && lc(newName) !== lc(label.name)) {
      throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }])
    }
    for (const i of s.issues) {
      i.labels = (i.labels ?? []).map(n => (lc(n) === lc(label.name) ? newName : n))
    }
    label.name = newName
  }
  const color = asString(body.color)
  if (color !== undefined) label.color = color.replace(/^#/, '').toLowerCase()
  if (body.description !== undefined) label.description = asString(body.description) ?? null
  return { status: 200, body: renderLabel(core, s, label.name) }
}

function deleteLabel(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const label = findLabel(s, ctx.params.name ?? '')
  if (!label) throw notFound()
  s.labels.splice(s.labels.indexOf(label), 1)
  for (const i of s.issues) i.labels = (i.labels ?? []).filter(n => lc(n) !== lc(label.name))
  return { status: 204 }
}

/** The label routes, in match order. */
export const labelRoutes: RouteSpec[] = [
  ['GET', '/repos/:owner/:repo/issues/:n/labels', listIssueLabels],
  ['POST', '/repos/:owner/:repo/issues/:n/labels', addIssueLabels],
  ['PUT', '/repos/:owner/:repo/issues/:n/labels', setIssueLabels],
  ['DELETE', '/repos/:owner/:repo/issues/:n/labels', clearIssueLabels],
  ['DELETE', '/repos/:owner/:repo/issues/:n/labels/:name', removeIssueLabel],
  ['GET', '/repos/:owner/:repo/labels', listLabels],
  ['GET', '/repos/:owner/:repo/labels/:name', getLabel],
  ['POST', '/repos/:owner/:repo/labels', createLabel],
  ['PATCH', '/repos/:owner/:repo/labels/:name', updateLabel],
  ['DELETE', '/repos/:owner/:repo/labels/:name', deleteLabel]
]
