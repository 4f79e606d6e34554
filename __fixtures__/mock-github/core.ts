/**
 * The mock's shared state and the types every resource module's handlers see: the core (repositories,
 * organizations, key pairs, recorded calls, pending failures, clock and ids), a request context and
 * a reply, plus the repository lookups and the defaults `normalize` fills in before a handler reads.
 */
import type http from 'node:http'
import { countPatch, defaultRepoState, fakeSha } from './arrange.js'
import type {
  FailOptions,
  MockGitHubOptions,
  MockIssue,
  MockOrg,
  MockPull,
  MockPullFile,
  MockUser,
  RecordedCall,
  RepoState
} from './types.js'
import { isoNow, lc, notFound, numericId, WEB } from './util.js'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Raw text body (content type text/plain or a diff). */
  text?: string
  contentType?: string
}

export interface Ctx {
  method: string
  params: Record<string, string>
  query: Record<string, string>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  headers: http.IncomingHttpHeaders
  rawPath: string
  path: string
}

export interface KeyPair {
  keyId: string
  publicKey: Uint8Array
  privateKey: Uint8Array
}

export interface Failure {
  method: string
  regex: RegExp
  status: number
  remaining: number
  options: FailOptions
}

/** A callback run before the next `remaining` requests matching method and path. */
export interface Hook {
  method: string
  regex: RegExp
  remaining: number
  run: () => void
}

/** A pull request after `normalize` filled its defaults. */
export type NormalPull = MockPull & Required<Omit<MockPull, 'labels'>>

/** Everything the handlers share; one per running mock. */
export interface Core {
  readonly options: MockGitHubOptions
  /** Keyed lower-case 'owner/repo'. */
  readonly repos: Record<string, RepoState>
  /** Keyed lower-case login. */
  readonly orgs: Record<string, MockOrg>
  readonly primary: RepoState
  /** Sealed-box key pairs by scope (`repo:o/r`, `env:o/r:name`, `org:login`). */
  readonly keys: Map<string, KeyPair>
  readonly failures: Failure[]
  /** Callbacks run before matching requests (`MockGitHub.beforeNext`). */
  readonly hooks: Hook[]
  readonly calls: RecordedCall[]
  /** `http://127.0.0.1:port` once listening. */
  baseUrl: string
  /** The user writes are attributed to: read on each write because tests may replace it. */
  actor: () => MockUser
  stamp: () => string
  newId: () => number
}

/** A handler of one route: gets the core and the request, returns or throws `HttpError`. */
export type Handler = (core: Core, ctx: Ctx) => Reply | Promise<Reply>

/** One row of a resource module's route table: method, pattern (`:param`, `*rest`), handler. */
export type RouteSpec = readonly [method: string, pattern: string, handler: Handler]

/** Builds the core: the primary repository, the extra ones and the organizations. */
export function createCore(
  init: Partial<RepoState> | undefined,
  options: MockGitHubOptions,
  actor: () => MockUser
): Core {
  const now = options.now ?? (() => new Date())
  let nextId = 1000
  const repos: Record<string, RepoState> = {}
  const primary = addRepo(repos, init?.owner ?? 'octo-org', init?.repo ?? 'octo-repo', init)
  for (const [full, partial] of Object.entries(options.repos ?? {})) {
    const [o, r] = full.split('/')
    if (!o || !r) throw new Error(`bad repo name ${full}`)
    addRepo(repos, o, r, partial)
  }
  const orgs: Record<string, MockOrg> = {}
  for (const login of options.orgs ?? [primary.owner]) {
    orgs[lc(login)] = { login, secrets: {} }
  }
  return {
    options,
    repos,
    orgs,
    primary,
    keys: new Map(),
    failures: [],
    hooks: [],
    calls: [],
    baseUrl: '',
    actor,
    stamp: () => isoNow(now),
    newId: () => ++nextId
  }
}

/** Registers a repository (defaults under the arranged parts) in `repos` and returns its state. */
export function addRepo(
  repos: Record<string, RepoState>,
  owner: string,
  repo: string,
  partial?: Partial<RepoState>
): RepoState {
  const state: RepoState = {
    ...defaultRepoState(owner, repo),
    ...(partial ?? {}),
    owner,
    repo
  }
  if (partial?.repository) {
    state.repository = { ...defaultRepoState(owner, repo).repository, ...partial.repository }
  }
  repos[lc(`${owner}/${repo}`)] = state
  return state
}

/** 'owner/repo' as arranged. */
export const fullName = (s: RepoState): string => `${s.owner}/${s.repo}`
/** The repository's API URL on this mock. */
export const apiRepo = (core: Core, s: RepoState): string => `${core.baseUrl}/repos/${fullName(s)}`

/** The repository the `:owner/:repo` params name, normalized; 404 when unknown. */
export function repoOf(core: Core, ctx: Ctx): RepoState {
  const o = ctx.params.owner ?? ''
  const r = ctx.params.repo ?? ''
  const state = core.repos[lc(`${o}/${r}`)]
  if (!state) throw notFound()
  normalize(core, state)
  return state
}

/** The issue (or pull request) numbered `n`; 404 when there is none. */
export function issueOf(s: RepoState, n: number): MockIssue {
  const issue = s.issues.find(i => i.number === n)
  if (!issue) throw notFound()
  return issue
}

/** The pull request numbered `n`; 404 when there is none. */
export function pullOf(s: RepoState, n: number): NormalPull {
  const pull = s.pulls.find(p => p.number === n)
  if (!pull) throw notFound()
  return pull as NormalPull
}

/** A PR file's defaults: status 'modified', counts from the patch. */
export function normalizeFile(f: MockPullFile): void {
  f.status ??= 'modified'
  if (f.additions === undefined || f.deletions === undefined) {
    const counts = countPatch(f.patch ?? '')
    f.additions ??= counts.additions
    f.deletions ??= counts.deletions
  }
  f.changes ??= f.additions + f.deletions
}

/** Fills the defaults of everything a test arranged, so handlers read complete records. */
export function normalize(core: Core, s: RepoState): void {
  const full = fullName(s)
  s.repository.id ??= numericId(`repo:${full}`)
  for (const p of s.pulls) normalizePull(core, s, p)
  for (const i of s.issues) {
    i.id ??= numericId(`issue:${full}#${i.number}`)
    if (i.body === undefined) i.body = null
    i.state ??= 'open'
    i.labels ??= []
    i.user ??= { login: 'octocat', type: 'User' }
    i.created_at ??= core.stamp()
    i.updated_at ??= i.created_at
    if (i.closed_at === undefined) i.closed_at = i.state === 'closed' ? i.updated_at : null
    i.locked ??= false
  }
  for (const l of s.labels) {
    l.id ??= numericId(`label:${full}:${l.name}`)
    l.default ??= false
    if (l.description === undefined) l.description = null
  }
  for (const e of s.timeline) e.id ??= core.newId()
}

function normalizePull(core: Core, s: RepoState, p: MockPull): void {
  const full = fullName(s)
  p.title ??= `Pull request #${p.number}`
  if (p.body === undefined) p.body = null
  p.draft ??= false
  p.state ??= 'open'
  p.merged ??= false
  p.user ??= { login: 'octocat', type: 'User' }
  p.head ??= {
    sha: fakeSha(`${full}#${p.number}:head`),
    ref: `feature-${p.number}`,
    repo: { full_name: full }
  }
  p.base ??= {
    sha: fakeSha(`${full}#${p.number}:base`),
    ref: s.repository.default_branch,
    repo: { full_name: full }
  }
  p.html_url ??= `${WEB}/${full}/pull/${p.number}`
  p.author_association ??= 'CONTRIBUTOR'
  p.created_at ??= core.stamp()
  p.updated_at ??= p.created_at
  p.files ??= []
  p.files.forEach(normalizeFile)
  p.commits ??= [{ sha: p.head.sha, message: p.title, parents: [p.base.sha] }]
  // A pull request is also an issue (same number space).
  const issue = s.issues.find(i => i.number === p.number)
  const pullRef = { url: `${apiRepo(core, s)}/pulls/${p.number}`, html_url: p.html_url }
  if (!issue) {
    s.issues.push({
      number: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      labels: [...(p.labels ?? [])],
      user: p.user,
      created_at: p.created_at,
      updated_at: p.updated_at,
      pull_request: pullRef
    })
  } else {
    issue.pull_request ??= pullRef
  }
}
