/** The repository itself, compare (registered or computed from the commit graph) and file contents. */
import { fakeSha } from './arrange.js'
import {
  apiRepo,
  fullName,
  normalizeFile,
  repoOf,
  type Core,
  type Ctx,
  type NormalPull,
  type Reply,
  type RouteSpec
} from './core.js'
import { renderCommit, renderFile, renderRepo } from './render.js'
import type { MockCommit, MockCompare, MockPullFile, RepoState } from './types.js'
import { base64Lines, gitBlobSha, notFound, WEB } from './util.js'

function getRepo(core: Core, ctx: Ctx): Reply {
  return { status: 200, body: renderRepo(core, repoOf(core, ctx)) }
}

// ---- compare -----------------------------------------------------------------------------

function knownShas(s: RepoState): Map<string, MockCommit> {
  const map = new Map<string, MockCommit>()
  for (const c of s.commits) map.set(c.sha, c)
  for (const p of s.pulls as NormalPull[]) {
    for (const c of p.commits) if (!map.has(c.sha)) map.set(c.sha, c)
    if (!map.has(p.head.sha)) map.set(p.head.sha, { sha: p.head.sha })
    if (!map.has(p.base.sha)) map.set(p.base.sha, { sha: p.base.sha })
  }
  for (const sha of Object.values(s.refs)) if (!map.has(sha)) map.set(sha, { sha })
  return map
}

function ancestors(graph: Map<string, MockCommit>, sha: string): string[] {
  const seen = new Set<string>()
  const order: string[] = []
  const queue = [sha]
  while (queue.length > 0) {
    const cur = queue.shift() as string
    if (seen.has(cur)) continue
    seen.add(cur)
    order.push(cur)
    for (const parent of graph.get(cur)?.parents ?? []) queue.push(parent)
  }
  return order
}

function compareReply(
  core: Core,
  s: RepoState,
  base: string,
  head: string,
  result: MockCompare,
  graph: Map<string, MockCommit>
): Reply {
  const commits = result.commits ?? []
  const mergeBase = graph.get(result.merge_base_commit.sha) ?? result.merge_base_commit
  return {
    status: 200,
    body: {
      url: `${apiRepo(core, s)}/compare/${base}...${head}`,
      html_url: `${WEB}/${fullName(s)}/compare/${base}...${head}`,
      permalink_url: `${WEB}/${fullName(s)}/compare/${base}...${head}`,
      diff_url: `${WEB}/${fullName(s)}/compare/${base}...${head}.diff`,
      patch_url: `${WEB}/${fullName(s)}/compare/${base}...${head}.patch`,
      base_commit: renderCommit(core, s, graph.get(base) ?? { sha: base }),
      merge_base_commit: renderCommit(core, s, mergeBase),
      status: result.status,
      ahead_by: result.ahead_by,
      behind_by: result.behind_by ?? 0,
      total_commits: result.ahead_by,
      commits: commits.map(c => renderCommit(core, s, c)),
      files: (result.files ?? []).map(f => {
        normalizeFile(f)
        return renderFile(core, s, f, head)
      })
    }
  }
}

/** Compare computed from the commit graph: ahead/behind lists, merge base, files changed ahead. */
function computeCompare(graph: Map<string, MockCommit>, base: string, head: string): MockCompare {
  if (base === head) {
    return { status: 'identical', ahead_by: 0, behind_by: 0, merge_base_commit: { sha: base } }
  }
  const headAnc = ancestors(graph, head)
  const baseAnc = ancestors(graph, base)
  const baseSet = new Set(baseAnc)
  const headSet = new Set(headAnc)
  const mergeBase = headAnc.find(sha => baseSet.has(sha))
  if (mergeBase === undefined) throw notFound(`No common ancestor between ${base} and ${head}.`)
  const ahead = headAnc.filter(sha => !baseSet.has(sha)).reverse()
  const behind = baseAnc.filter(sha => !headSet.has(sha))
  const status: MockCompare['status'] =
    ahead.length === 0 && behind.length === 0
      ? 'identical'
      : behind.length === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged'
  const aheadCommits = ahead.map(sha => graph.get(sha) ?? { sha })
  const files = new Map<string, MockPullFile>()
  for (const c of aheadCommits) for (const f of c.files ?? []) files.set(f.filename, f)
  return {
    status,
    ahead_by: ahead.length,
    behind_by: behind.length,
    merge_base_commit: { sha: mergeBase },
    commits: aheadCommits,
    files: [...files.values()]
  }
}

/** A registered result (as requested, then with refs resolved) wins over a computed one. */
function compare(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const basehead = ctx.params.basehead ?? ''
  const m = /^(.+?)\.\.\.(.+)$/.exec(basehead)
  if (!m) throw notFound()
  const baseName = m[1] as string
  const headName = m[2] as string
  const graph = knownShas(s)
  const registered = s.compares[basehead]
  if (registered) return compareReply(core, s, baseName, headName, registered, graph)
  const base = s.refs[baseName] ?? baseName
  const head = s.refs[headName] ?? headName
  const registeredResolved = s.compares[`${base}...${head}`]
  if (registeredResolved) return compareReply(core, s, base, head, registeredResolved, graph)
  if (!graph.has(base) || !graph.has(head)) throw notFound()
  return compareReply(core, s, base, head, computeCompare(graph, base, head), graph)
}

// ---- contents ----------------------------------------------------------------------------

function fileReply(core: Core, s: RepoState, path: string, ref: string, text: string): Reply {
  const name = path.split('/').pop() ?? path
  return {
    status: 200,
    body: {
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(text, 'utf8'),
      name,
      path,
      content: base64Lines(text),
      sha: gitBlobSha(text),
      url: `${apiRepo(core, s)}/contents/${path}?ref=${ref}`,
      html_url: `${WEB}/${fullName(s)}/blob/${ref}/${path}`,
      git_url: `${apiRepo(core, s)}/git/blobs/${gitBlobSha(text)}`,
      download_url: `https://raw.githubusercontent.com/${fullName(s)}/${ref}/${path}`
    }
  }
}

/** A directory: its direct children (404 when nothing lies under the path). */
function dirReply(
  core: Core,
  s: RepoState,
  path: string,
  ref: string,
  tree: Record<string, string>
): Reply {
  const prefix = path === '' ? '' : `${path}/`
  const children = new Map<string, 'file' | 'dir'>()
  for (const p of Object.keys(tree)) {
    if (!p.startsWith(prefix)) continue
    const rest = p.slice(prefix.length)
    const [first, ...more] = rest.split('/')
    if (!first) continue
    if (more.length > 0) children.set(first, 'dir')
    else if (!children.has(first)) children.set(first, 'file')
  }
  if (children.size === 0) throw notFound()
  return {
    status: 200,
    body: [...children.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, type]) => {
        const childPath = `${prefix}${name}`
        const content = tree[childPath]
        return {
          type,
          name,
          path: childPath,
          size: content === undefined ? 0 : Buffer.byteLength(content, 'utf8'),
          sha: content === undefined ? fakeSha(`tree:${childPath}`) : gitBlobSha(content),
          url: `${apiRepo(core, s)}/contents/${childPath}?ref=${ref}`
        }
      })
  }
}

/** A file (JSON with base64 content, or raw on request) or a directory listing at a ref. */
function getContents(core: Core, ctx: Ctx): Reply {
  const s = repoOf(core, ctx)
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '')
  const refName = ctx.query.ref ?? s.repository.default_branch
  const tree = s.contents[refName] ?? s.contents[s.refs[refName] ?? '\0']
  if (!tree) throw notFound(`No commit found for the ref ${refName}`)
  const text = tree[path]
  if (text === undefined) return dirReply(core, s, path, refName, tree)
  if (/\.raw\b|vnd\.github\.raw/.test(String(ctx.headers.accept ?? ''))) {
    return { status: 200, text, contentType: 'application/vnd.github.raw; charset=utf-8' }
  }
  return fileReply(core, s, path, refName, text)
}

/** The contents routes, in match order. */
export const contentsRoutes: RouteSpec[] = [
  ['GET', '/repos/:owner/:repo', getRepo],
  ['GET', '/repos/:owner/:repo/compare/:basehead', compare],
  ['GET', '/repos/:owner/:repo/contents/*path', getContents],
  ['GET', '/repos/:owner/:repo/contents', getContents]
]
