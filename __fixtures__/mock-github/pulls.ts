/** Pull requests: list, one (JSON or diff), files and commits. */
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
import { paginate } from './routing.js'
import { renderBranchRef, renderCommit, renderFile, renderLabel, renderUser } from './render.js'
import type { RepoState } from './types.js'
import { numericId, parseIntParam } from './util.js'

function renderPull(core: Core, s: RepoState, p: NormalPull): Record<string, unknown> {
  const id = numericId(`pull:${fullName(s)}#${p.number}`)
  const issue = s.issues.find(i => i.number === p.number)
  const additions = p.files.reduce((a, f) => a + (f.additions ?? 0), 0)
  const deletions = p.files.reduce((a, f) => a + (f.deletions ?? 0), 0)
  return {
    url: `${apiRepo(core, s)}/pulls/${p.number}`,
    id,
    node_id: `PR_${id}`,
    html_url: p.html_url,
    diff_url: `${p.html_url}.diff`,
    patch_url: `${p.html_url}.patch`,
    issue_url: `${apiRepo(core, s)}/issues/${p.number}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: renderUser(core, p.user),
    body: p.body,
    labels: (issue?.labels ?? p.labels ?? []).map(name => renderLabel(core, s, name)),
    created_at: p.created_at,
    updated_at: p.updated_at,
    closed_at: p.state === 'closed' ? p.updated_at : null,
    merged_at: p.merged ? p.updated_at : null,
    draft: p.draft,
    head: renderBranchRef(core, s, p.head),
    base: renderBranchRef(core, s, p.base),
    author_association: p.author_association,
    merged: p.merged,
    comments: s.issueComments.filter(c => c.issue_number === p.number).length,
    review_comments: s.reviewComments.filter(c => c.pull_number === p.number).length,
    commits: p.commits.length,
    additions,
    deletions,
    changed_files: p.files.length
  }
}

function listPulls(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const state = ctx.query.state ?? 'open'
  const pulls = (s.pulls as NormalPull[])
    .filter(p => state === 'all' || p.state === state)
    .sort((a, b) => (ctx.query.direction === 'asc' ? a.number - b.number : b.number - a.number))
  return paginate(
    core,
    ctx,
    pulls.map(p => renderPull(core, s, p))
  )
}

function getPull(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const pull = pullOf(s, parseIntParam(ctx.params.n))
  const accept = String(ctx.headers.accept ?? '')
  if (/\.diff\b/.test(accept) || /\.patch\b/.test(accept)) {
    const text = pull.files
      .map(f => {
        const from = f.previous_filename ?? f.filename
        const a = f.status === 'added' ? '/dev/null' : `a/${from}`
        const b = f.status === 'removed' ? '/dev/null' : `b/${f.filename}`
        return `diff --git a/${from} b/${f.filename}\n--- ${a}\n+++ ${b}\n${f.patch ?? ''}\n`
      })
      .join('')
    return { status: 200, text, contentType: 'application/vnd.github.diff; charset=utf-8' }
  }
  return { status: 200, body: renderPull(core, s, pull) }
}

function listPullFiles(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const pull = pullOf(s, parseIntParam(ctx.params.n))
  return paginate(
    core,
    ctx,
    pull.files.map(f => renderFile(core, s, f, pull.head.sha))
  )
}

function listPullCommits(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const pull = pullOf(s, parseIntParam(ctx.params.n))
  return paginate(
    core,
    ctx,
    pull.commits.map(c => renderCommit(core, s, c))
  )
}

/** The pull routes, in match order. */
export const pullRoutes: RouteSpec[] = [
  ['GET', '/repos/:owner/:repo/pulls', listPulls],
  ['GET', '/repos/:owner/:repo/pulls/:n', getPull],
  ['GET', '/repos/:owner/:repo/pulls/:n/files', listPullFiles],
  ['GET', '/repos/:owner/:repo/pulls/:n/commits', listPullCommits]
]
