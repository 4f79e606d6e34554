/**
 * A stateful local mock of the GitHub REST API for end-to-end tests.
 *
 * It listens on 127.0.0.1 (random port) and answers the endpoints the action and the capture
 * tool use, the way GitHub does where it matters: `Link` pagination, 404 for unknown things, 422
 * for a review comment on a line outside the diff (and then nothing is stored), labels created on
 * the fly by "add labels", sealed-box secrets checked against the key the mock handed out.
 *
 * Tests arrange `mock.state` (or `mock.repos[...]`, `mock.orgs[...]`) directly and assert on the
 * state and on `mock.calls` / `mock.writes()` afterwards.
 */
import http from 'node:http'
import { createHash, randomInt } from 'node:crypto'
import sodium from 'libsodium-wrappers'
import parseDiff from 'parse-diff'

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export interface RecordedCall {
  method: string
  /** Path without the query, each segment percent-decoded (`/repos/o/r/labels/priority/high`). */
  path: string
  /** Path exactly as sent (`/repos/o/r/labels/priority%2Fhigh`). */
  rawPath: string
  query: Record<string, string>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  headers: Record<string, string | string[] | undefined>
  /** HTTP status the mock answered with (0 until the answer is sent). */
  status: number
}

export interface MockUser {
  login: string
  type: 'User' | 'Bot' | 'Organization'
  id?: number
}

export interface MockRepository {
  default_branch: string
  private: boolean
  owner: MockUser
  id?: number
  fork?: boolean
  archived?: boolean
  description?: string | null
}

export interface MockBranchRef {
  sha: string
  ref: string
  /** `null` when the head repository (a fork) was deleted. */
  repo: { full_name: string } | null
}

export type MockFileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

export interface MockPullFile {
  filename: string
  /** Default 'modified'. */
  status?: MockFileStatus
  /** Computed from `patch` when absent. */
  additions?: number
  deletions?: number
  changes?: number
  /** GitHub's patch: hunks only (`@@ -a,b +c,d @@` ...), no file headers. Absent for binary files. */
  patch?: string
  previous_filename?: string
}

export interface MockCommit {
  sha: string
  message?: string
  /** Parent SHAs: used to compute compare results that were not registered. */
  parents?: string[]
  author?: { name: string; email: string; date: string; login?: string }
  /** Files this commit changed (used by a computed compare). */
  files?: MockPullFile[]
}

export interface MockPull {
  number: number
  title?: string
  body?: string | null
  draft?: boolean
  state?: 'open' | 'closed'
  merged?: boolean
  user?: MockUser
  head?: MockBranchRef
  base?: MockBranchRef
  html_url?: string
  author_association?: string
  created_at?: string
  updated_at?: string
  /** Labels the PR starts with (copied onto its issue record the first time the mock sees it). */
  labels?: string[]
  files?: MockPullFile[]
  commits?: MockCommit[]
}

export interface MockCompare {
  status: 'ahead' | 'behind' | 'diverged' | 'identical'
  ahead_by: number
  behind_by?: number
  merge_base_commit: { sha: string }
  files?: MockPullFile[]
  commits?: MockCommit[]
}

export interface MockLabel {
  name: string
  color: string
  description: string | null
  id?: number
  default?: boolean
}

export interface MockIssue {
  number: number
  title: string
  body?: string | null
  state?: 'open' | 'closed'
  state_reason?: string | null
  /** Label names; rendered with the repository label's color and description. */
  labels?: string[]
  user?: MockUser
  created_at?: string
  updated_at?: string
  closed_at?: string | null
  locked?: boolean
  /** Set for a pull request: such issues appear in GET /issues too, as on GitHub. */
  pull_request?: { url?: string; html_url?: string }
  id?: number
}

export interface MockIssueComment {
  id: number
  issue_number: number
  body: string
  user: MockUser
  created_at: string
  updated_at: string
  html_url?: string
}

export interface MockReview {
  id: number
  pull_number: number
  body: string
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING' | 'DISMISSED'
  commit_id: string
  user: MockUser
  html_url: string
  submitted_at: string | null
}

export interface MockReviewComment {
  id: number
  pull_number: number
  review_id: number | null
  path: string
  line: number | null
  side: 'LEFT' | 'RIGHT'
  start_line: number | null
  start_side: 'LEFT' | 'RIGHT' | null
  position: number | null
  body: string
  user: MockUser
  commit_id: string
  created_at: string
  updated_at: string
  html_url: string
  diff_hunk: string
  in_reply_to_id?: number
}

export interface MockTimelineEvent {
  issue_number: number
  event: 'labeled' | 'unlabeled' | 'closed' | 'reopened' | 'renamed' | string
  actor: MockUser
  created_at: string
  label?: { name: string; color?: string }
  id?: number
}

export interface MockSecret {
  name: string
  created_at: string
  updated_at: string
  /** As uploaded (base64 sealed box); '' for a secret arranged by a test. */
  encrypted_value: string
  key_id: string
  /** Org secrets only. */
  visibility?: 'all' | 'private' | 'selected' | undefined
  selected_repository_ids?: number[]
}

export interface MockEnvironment {
  secrets: Record<string, MockSecret>
}

export interface MockOrg {
  login: string
  secrets: Record<string, MockSecret>
}

export interface RepoState {
  owner: string
  repo: string
  repository: MockRepository
  pulls: MockPull[]
  /** Known commits (a graph through `parents`): SHAs that compare knows. */
  commits: MockCommit[]
  /** Registered compare results, keyed `'BASE...HEAD'` exactly as requested. */
  compares: Record<string, MockCompare>
  /** Branch or tag name → SHA (resolves compare bases/heads and contents refs). */
  refs: Record<string, string>
  /** File contents: ref (branch name or SHA) → path → text. */
  contents: Record<string, Record<string, string>>
  issues: MockIssue[]
  issueComments: MockIssueComment[]
  reviews: MockReview[]
  reviewComments: MockReviewComment[]
  labels: MockLabel[]
  timeline: MockTimelineEvent[]
  secrets: Record<string, MockSecret>
  environments: Record<string, MockEnvironment>
}

export type SecretScope = { repo?: string; env?: string; org?: string }

export interface FailOptions {
  /** Response body (default depends on the status). */
  body?: unknown
  /** Extra headers; a 403/429 gets `retry-after` (see `retryAfter`) unless given here. */
  headers?: Record<string, string>
  /** Seconds for `retry-after` on 403/429 (default 1). */
  retryAfter?: number
  /**
   * Run the request first (a create is stored), then answer `status` anyway: GitHub stored the
   * write and then answered 502. Only requests the mock would have answered with success.
   */
  afterStore?: boolean
}

export interface MockGitHubOptions {
  /** Clock for created_at/updated_at (default: real time). */
  now?: () => Date
  /** Accept only these tokens (401 Bad credentials otherwise). Default: any non-empty token. */
  tokens?: string[]
  /** More repositories, keyed 'owner/repo'. */
  repos?: Record<string, Partial<RepoState>>
  /** Organizations that exist (default: the primary repository's owner). */
  orgs?: string[]
  /** Classic tokens: token → the `x-oauth-scopes` header GitHub sends back to it. */
  classicScopes?: Record<string, string>
}

export interface MockGitHub {
  url: string
  /** The primary repository (default octo-org/octo-repo). */
  state: RepoState
  /** Every repository the mock knows, keyed lower-case 'owner/repo'. */
  repos: Record<string, RepoState>
  /** Organizations, keyed lower-case login. */
  orgs: Record<string, MockOrg>
  calls: RecordedCall[]
  /** Non-GET requests. */
  writes(): RecordedCall[]
  /** The user writes are attributed to (default github-actions[bot], type Bot). */
  actor: MockUser
  /** Opens a stored secret's sealed box with the key pair the mock generated for that scope. */
  decryptSecret(scope: SecretScope, name: string): string
  /** Encrypts like a client would (for arranging existing secrets). */
  sealSecret(scope: SecretScope, value: string): { encrypted_value: string; key_id: string }
  /** A new key pair for the scope: secrets PUT with the old key_id then get 422. */
  rotateSecretKey(scope: SecretScope): void
  /** The next `times` requests matching method ('*' for any) and path regex answer `status`. */
  failNext(
    method: string,
    pathRegex: RegExp | string,
    status: number,
    times?: number,
    options?: FailOptions
  ): void
  /** Adds a repository (state with defaults), returns its state. */
  addRepo(fullName: string, init?: Partial<RepoState>): RepoState
  close(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// Helpers exported for arranging state
// ---------------------------------------------------------------------------------------------

export const BOT: MockUser = Object.freeze({
  login: 'github-actions[bot]',
  type: 'Bot',
  id: 41898282
}) as MockUser

/** Counts additions/deletions of a GitHub patch. */
export function countPatch(patch: string): { additions: number; deletions: number } {
  let additions = 0
  let deletions = 0
  for (const line of patch.split('\n')) {
    if (line.startsWith('@@')) continue
    if (line.startsWith('+')) additions++
    else if (line.startsWith('-')) deletions++
  }
  return { additions, deletions }
}

/** A PR file entry with counts computed from the patch. */
export function fileFromPatch(
  filename: string,
  patch: string,
  status: MockFileStatus = 'modified',
  previous_filename?: string
): MockPullFile {
  const { additions, deletions } = countPatch(patch)
  const file: MockPullFile = {
    filename,
    status,
    additions,
    deletions,
    changes: additions + deletions,
    patch
  }
  if (previous_filename !== undefined) file.previous_filename = previous_filename
  return file
}

/** A deterministic 40-hex fake SHA. */
export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

export function defaultRepoState(owner = 'octo-org', repo = 'octo-repo'): RepoState {
  return {
    owner,
    repo,
    repository: {
      default_branch: 'main',
      private: true,
      owner: { login: owner, type: 'Organization' },
      fork: false,
      archived: false,
      description: null
    },
    pulls: [],
    commits: [],
    compares: {},
    refs: {},
    contents: {},
    issues: [],
    issueComments: [],
    reviews: [],
    reviewComments: [],
    labels: [],
    timeline: [],
    secrets: {},
    environments: {}
  }
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

const DOCS = 'https://docs.github.com/rest'
const WEB = 'https://github.com'
const MAX_BODY = 65536

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {}
  ) {
    super(`HTTP ${status}`)
  }
}

const notFound = (message = 'Not Found'): HttpError =>
  new HttpError(404, { message, documentation_url: DOCS, status: '404' })

const unprocessable = (errors: unknown[], message = 'Unprocessable Entity'): HttpError =>
  new HttpError(422, { message, errors, documentation_url: DOCS, status: '422' })

const validationFailed = (errors: unknown[]): HttpError =>
  unprocessable(errors, 'Validation Failed')

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Raw text body (content type text/plain or a diff). */
  text?: string
  contentType?: string
}

interface Ctx {
  method: string
  params: Record<string, string>
  query: Record<string, string>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  headers: http.IncomingHttpHeaders
  rawPath: string
  path: string
}

type Handler = (ctx: Ctx) => Reply | Promise<Reply>

interface Route {
  method: string
  segments: string[]
  handler: Handler
}

interface KeyPair {
  keyId: string
  publicKey: Uint8Array
  privateKey: Uint8Array
}

interface Failure {
  method: string
  regex: RegExp
  status: number
  remaining: number
  options: FailOptions
}

/** A pull request after `normalize` filled its defaults. */
type NormalPull = MockPull & Required<Omit<MockPull, 'labels'>>

interface Position {
  chunk: number
  /** New-side line (add or context). */
  right?: number
  /** Old-side line (del or context). */
  left?: number
  position: number
  headerIndex: number
}

interface PatchIndex {
  lines: string[]
  right: Map<number, Position>
  left: Map<number, Position>
  byPosition: Map<number, Position>
}

function indexPatch(patch: string | undefined): PatchIndex {
  const index: PatchIndex = { lines: [], right: new Map(), left: new Map(), byPosition: new Map() }
  if (!patch) return index
  index.lines = patch.split('\n')
  const files = parseDiff(`--- a/x\n+++ b/x\n${patch}`)
  const file = files[0]
  if (!file) return index
  let position = -1
  file.chunks.forEach((chunk, chunkNo) => {
    position++ // the @@ header: position 0 for the first hunk, counted for later ones
    const headerIndex = position
    for (const change of chunk.changes) {
      position++
      if (change.content.startsWith('\\')) continue // "\ No newline at end of file"
      const p: Position = { chunk: chunkNo, position, headerIndex }
      if (change.type === 'add') p.right = change.ln
      else if (change.type === 'del') p.left = change.ln
      else {
        p.left = change.ln1
        p.right = change.ln2
      }
      if (p.right !== undefined) index.right.set(p.right, p)
      if (p.left !== undefined) index.left.set(p.left, p)
      index.byPosition.set(position, p)
    }
  })
  return index
}

function isoNow(now: () => Date): string {
  return now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
}

function numericId(seed: string): number {
  return parseInt(createHash('sha1').update(seed).digest('hex').slice(0, 8), 16)
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function parseIntParam(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw notFound()
  return Number(value)
}

function lc(s: string): string {
  return s.toLowerCase()
}

function checkBody(field: string, value: unknown, resource: string): void {
  if (typeof value === 'string' && value.length > MAX_BODY) {
    throw validationFailed([
      {
        resource,
        code: 'custom',
        field,
        message: `${field} is too long (maximum is ${MAX_BODY} characters)`
      }
    ])
  }
}

function gitBlobSha(text: string): string {
  const buf = Buffer.from(text, 'utf8')
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${buf.length}\0`), buf]))
    .digest('hex')
}

function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64')
  return (b64.match(/.{1,60}/g) ?? ['']).join('\n') + '\n'
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

export async function startMockGitHub(
  init?: Partial<RepoState>,
  options: MockGitHubOptions = {}
): Promise<MockGitHub> {
  await sodium.ready
  const now = options.now ?? (() => new Date())
  const stamp = (): string => isoNow(now)
  let nextId = 1000
  const newId = (): number => ++nextId

  const repos: Record<string, RepoState> = {}
  const orgs: Record<string, MockOrg> = {}
  const keys = new Map<string, KeyPair>()
  const failures: Failure[] = []
  const calls: RecordedCall[] = []
  let baseUrl = ''

  const makeRepo = (owner: string, repo: string, partial?: Partial<RepoState>): RepoState => {
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

  const primary = makeRepo(init?.owner ?? 'octo-org', init?.repo ?? 'octo-repo', init)
  for (const [full, partial] of Object.entries(options.repos ?? {})) {
    const [o, r] = full.split('/')
    if (!o || !r) throw new Error(`bad repo name ${full}`)
    makeRepo(o, r, partial)
  }
  for (const login of options.orgs ?? [primary.owner]) {
    orgs[lc(login)] = { login, secrets: {} }
  }

  const mock: MockGitHub = {
    url: '',
    state: primary,
    repos,
    orgs,
    calls,
    actor: { ...BOT },
    // A GraphQL query (`viewer`) reads; only a mutation would write.
    writes: () =>
      calls.filter(
        c =>
          c.method !== 'GET' &&
          c.method !== 'HEAD' &&
          !(c.path === '/graphql' && !/^\s*mutation\b/.test(String(c.body?.query ?? '')))
      ),
    decryptSecret: (scope, name) => {
      const { secrets, keyScope } = secretStore(scope)
      const secret = secrets[name]
      if (!secret) throw new Error(`no secret ${name} in ${keyScope}`)
      const pair = keyFor(keyScope)
      const opened = sodium.crypto_box_seal_open(
        sodium.from_base64(secret.encrypted_value, sodium.base64_variants.ORIGINAL),
        pair.publicKey,
        pair.privateKey
      )
      return sodium.to_string(opened)
    },
    sealSecret: (scope, value) => {
      const { keyScope } = secretStore(scope)
      const pair = keyFor(keyScope)
      const sealed = sodium.crypto_box_seal(value, pair.publicKey)
      return {
        encrypted_value: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL),
        key_id: pair.keyId
      }
    },
    rotateSecretKey: scope => {
      keys.delete(secretStore(scope).keyScope)
    },
    failNext: (method, pathRegex, status, times = 1, failOptions = {}) => {
      failures.push({
        method: method.toUpperCase(),
        regex: typeof pathRegex === 'string' ? new RegExp(pathRegex) : pathRegex,
        status,
        remaining: times,
        options: failOptions
      })
    },
    addRepo: (fullName, partial) => {
      const [o, r] = fullName.split('/')
      if (!o || !r) throw new Error(`bad repo name ${fullName}`)
      return makeRepo(o, r, partial)
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close(err => (err ? reject(err) : resolve()))
      )
    }
  }

  // ---- secrets ------------------------------------------------------------------------------

  function keyFor(scope: string): KeyPair {
    let pair = keys.get(scope)
    if (!pair) {
      const kp = sodium.crypto_box_keypair()
      pair = {
        keyId: String(randomInt(1e9, 2 ** 47)) + String(randomInt(1e5, 1e6)),
        publicKey: kp.publicKey,
        privateKey: kp.privateKey
      }
      keys.set(scope, pair)
    }
    return pair
  }

  function secretStore(scope: SecretScope): {
    secrets: Record<string, MockSecret>
    keyScope: string
  } {
    if (scope.org !== undefined) {
      const org = orgs[lc(scope.org)]
      if (!org) throw new Error(`unknown org ${scope.org}`)
      return { secrets: org.secrets, keyScope: `org:${lc(scope.org)}` }
    }
    const repo = scope.repo === undefined ? primary : repos[lc(scope.repo)]
    if (!repo) throw new Error(`unknown repo ${scope.repo}`)
    const full = lc(`${repo.owner}/${repo.repo}`)
    if (scope.env !== undefined) {
      const env = repo.environments[scope.env]
      if (!env) throw new Error(`unknown environment ${scope.env}`)
      return { secrets: env.secrets, keyScope: `env:${full}:${scope.env}` }
    }
    return { secrets: repo.secrets, keyScope: `repo:${full}` }
  }

  const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

  function putSecret(
    secrets: Record<string, MockSecret>,
    keyScope: string,
    name: string,
    body: Record<string, unknown>,
    org: boolean
  ): Reply {
    if (!SECRET_NAME.test(name) || /^GITHUB_/i.test(name)) {
      throw validationFailed([
        { resource: 'Secret', code: 'invalid', field: 'name', message: 'Invalid secret name' }
      ])
    }
    const encrypted = asString(body.encrypted_value)
    const keyId = asString(body.key_id)
    if (encrypted === undefined || keyId === undefined) {
      throw validationFailed([
        {
          resource: 'Secret',
          code: 'missing_field',
          field: encrypted ? 'key_id' : 'encrypted_value'
        }
      ])
    }
    const pair = keyFor(keyScope)
    if (keyId !== pair.keyId) {
      throw unprocessable([], 'Bad request - key_id is not valid')
    }
    try {
      sodium.crypto_box_seal_open(
        sodium.from_base64(encrypted, sodium.base64_variants.ORIGINAL),
        pair.publicKey,
        pair.privateKey
      )
    } catch {
      throw unprocessable([], 'Bad request - encrypted_value could not be decrypted')
    }
    let visibility: MockSecret['visibility']
    let selected: number[] | undefined
    if (org) {
      const v = body.visibility
      if (v !== 'all' && v !== 'private' && v !== 'selected') {
        throw validationFailed([
          {
            resource: 'Secret',
            code: v === undefined ? 'missing_field' : 'invalid',
            field: 'visibility'
          }
        ])
      }
      visibility = v
      if (Array.isArray(body.selected_repository_ids)) {
        selected = (body.selected_repository_ids as unknown[]).map(Number)
      }
    }
    const existing = secrets[name]
    const t = stamp()
    const secret: MockSecret = {
      name,
      created_at: existing?.created_at ?? t,
      updated_at: t,
      encrypted_value: encrypted,
      key_id: keyId
    }
    if (org) {
      secret.visibility = visibility
      if (visibility === 'selected') {
        secret.selected_repository_ids = selected ?? existing?.selected_repository_ids ?? []
      }
    }
    secrets[name] = secret
    return existing ? { status: 204 } : { status: 201, body: {} }
  }

  function renderSecret(secret: MockSecret, orgLogin?: string): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: secret.name,
      created_at: secret.created_at,
      updated_at: secret.updated_at
    }
    if (orgLogin !== undefined) {
      out.visibility = secret.visibility ?? 'private'
      if (secret.visibility === 'selected') {
        out.selected_repositories_url = `${baseUrl}/orgs/${orgLogin}/actions/secrets/${secret.name}/repositories`
      }
    }
    return out
  }

  function publicKeyReply(keyScope: string): Reply {
    const pair = keyFor(keyScope)
    return {
      status: 200,
      body: {
        key_id: pair.keyId,
        key: sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL)
      }
    }
  }

  // ---- normalization and rendering ---------------------------------------------------------

  const repoOf = (ctx: Ctx): RepoState => {
    const o = ctx.params.owner ?? ''
    const r = ctx.params.repo ?? ''
    const state = repos[lc(`${o}/${r}`)]
    if (!state) throw notFound()
    normalize(state)
    return state
  }

  const fullName = (s: RepoState): string => `${s.owner}/${s.repo}`
  const apiRepo = (s: RepoState): string => `${baseUrl}/repos/${fullName(s)}`

  function normalizeFile(f: MockPullFile): void {
    f.status ??= 'modified'
    if (f.additions === undefined || f.deletions === undefined) {
      const counts = countPatch(f.patch ?? '')
      f.additions ??= counts.additions
      f.deletions ??= counts.deletions
    }
    f.changes ??= f.additions + f.deletions
  }

  function normalize(s: RepoState): void {
    const full = fullName(s)
    s.repository.id ??= numericId(`repo:${full}`)
    for (const p of s.pulls) {
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
      p.created_at ??= stamp()
      p.updated_at ??= p.created_at
      p.files ??= []
      p.files.forEach(normalizeFile)
      p.commits ??= [{ sha: p.head.sha, message: p.title, parents: [p.base.sha] }]
      // A pull request is also an issue (same number space).
      const issue = s.issues.find(i => i.number === p.number)
      const pullRef = { url: `${apiRepo(s)}/pulls/${p.number}`, html_url: p.html_url }
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
    for (const i of s.issues) {
      i.id ??= numericId(`issue:${full}#${i.number}`)
      if (i.body === undefined) i.body = null
      i.state ??= 'open'
      i.labels ??= []
      i.user ??= { login: 'octocat', type: 'User' }
      i.created_at ??= stamp()
      i.updated_at ??= i.created_at
      if (i.closed_at === undefined) i.closed_at = i.state === 'closed' ? i.updated_at : null
      i.locked ??= false
    }
    for (const l of s.labels) {
      l.id ??= numericId(`label:${full}:${l.name}`)
      l.default ??= false
      if (l.description === undefined) l.description = null
    }
    for (const e of s.timeline) e.id ??= newId()
  }

  function renderUser(u: MockUser): Record<string, unknown> {
    const id = u.id ?? numericId(`user:${u.login}`)
    return {
      login: u.login,
      id,
      node_id: `U_${id}`,
      type: u.type,
      site_admin: false,
      html_url: `${WEB}/${u.login}`,
      url: `${baseUrl}/users/${encodeURIComponent(u.login)}`
    }
  }

  function findLabel(s: RepoState, name: string): MockLabel | undefined {
    return s.labels.find(l => lc(l.name) === lc(name))
  }

  function renderLabel(s: RepoState, name: string): Record<string, unknown> {
    const l = findLabel(s, name)
    const id = l?.id ?? numericId(`label:${fullName(s)}:${name}`)
    return {
      id,
      node_id: `LA_${id}`,
      url: `${apiRepo(s)}/labels/${encodeURIComponent(l?.name ?? name)}`,
      name: l?.name ?? name,
      color: l?.color ?? 'ededed',
      default: l?.default ?? false,
      description: l?.description ?? null
    }
  }

  function renderRepo(s: RepoState): Record<string, unknown> {
    const full = fullName(s)
    return {
      id: s.repository.id,
      node_id: `R_${s.repository.id}`,
      name: s.repo,
      full_name: full,
      owner: renderUser(s.repository.owner),
      private: s.repository.private,
      visibility: s.repository.private ? 'private' : 'public',
      fork: s.repository.fork ?? false,
      archived: s.repository.archived ?? false,
      description: s.repository.description ?? null,
      default_branch: s.repository.default_branch,
      html_url: `${WEB}/${full}`,
      url: apiRepo(s)
    }
  }

  function renderBranchRef(s: RepoState, ref: MockBranchRef): Record<string, unknown> {
    const repoFull = ref.repo?.full_name
    const [o, r] = (repoFull ?? '/').split('/')
    const known = repoFull ? repos[lc(repoFull)] : undefined
    return {
      label: `${o}:${ref.ref}`,
      ref: ref.ref,
      sha: ref.sha,
      user: renderUser({ login: o ?? '', type: 'User' }),
      repo: repoFull
        ? known
          ? renderRepo(known)
          : {
              id: numericId(`repo:${repoFull}`),
              name: r,
              full_name: repoFull,
              owner: renderUser({ login: o ?? '', type: 'User' }),
              private: s.repository.private,
              fork: lc(repoFull) !== lc(fullName(s)),
              html_url: `${WEB}/${repoFull}`,
              url: `${baseUrl}/repos/${repoFull}`
            }
        : null
    }
  }

  function issueOf(s: RepoState, n: number): MockIssue {
    const issue = s.issues.find(i => i.number === n)
    if (!issue) throw notFound()
    return issue
  }

  function pullOf(s: RepoState, n: number): NormalPull {
    const pull = s.pulls.find(p => p.number === n)
    if (!pull) throw notFound()
    return pull as NormalPull
  }

  function renderPull(s: RepoState, p: NormalPull): Record<string, unknown> {
    const id = numericId(`pull:${fullName(s)}#${p.number}`)
    const issue = s.issues.find(i => i.number === p.number)
    const additions = p.files.reduce((a, f) => a + (f.additions ?? 0), 0)
    const deletions = p.files.reduce((a, f) => a + (f.deletions ?? 0), 0)
    return {
      url: `${apiRepo(s)}/pulls/${p.number}`,
      id,
      node_id: `PR_${id}`,
      html_url: p.html_url,
      diff_url: `${p.html_url}.diff`,
      patch_url: `${p.html_url}.patch`,
      issue_url: `${apiRepo(s)}/issues/${p.number}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: renderUser(p.user),
      body: p.body,
      labels: (issue?.labels ?? p.labels ?? []).map(name => renderLabel(s, name)),
      created_at: p.created_at,
      updated_at: p.updated_at,
      closed_at: p.state === 'closed' ? p.updated_at : null,
      merged_at: p.merged ? p.updated_at : null,
      draft: p.draft,
      head: renderBranchRef(s, p.head),
      base: renderBranchRef(s, p.base),
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

  function renderFile(s: RepoState, f: MockPullFile, ref: string): Record<string, unknown> {
    const out: Record<string, unknown> = {
      sha: fakeSha(`${f.filename}:${f.patch ?? ''}`),
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.changes,
      blob_url: `${WEB}/${fullName(s)}/blob/${ref}/${f.filename}`,
      raw_url: `${WEB}/${fullName(s)}/raw/${ref}/${f.filename}`,
      contents_url: `${apiRepo(s)}/contents/${f.filename}?ref=${ref}`
    }
    if (f.patch !== undefined) out.patch = f.patch
    if (f.previous_filename !== undefined) out.previous_filename = f.previous_filename
    return out
  }

  function renderCommit(s: RepoState, c: MockCommit): Record<string, unknown> {
    const author = c.author ?? {
      name: 'Octo Cat',
      email: 'octocat@example.com',
      date: '2024-01-01T00:00:00Z'
    }
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      url: `${apiRepo(s)}/commits/${c.sha}`,
      html_url: `${WEB}/${fullName(s)}/commit/${c.sha}`,
      commit: {
        message: c.message ?? '',
        author: { name: author.name, email: author.email, date: author.date },
        committer: { name: author.name, email: author.email, date: author.date }
      },
      author: author.login ? renderUser({ login: author.login, type: 'User' }) : null,
      parents: (c.parents ?? []).map(sha => ({ sha, url: `${apiRepo(s)}/commits/${sha}` }))
    }
  }

  function renderIssue(s: RepoState, i: MockIssue): Record<string, unknown> {
    const kind = i.pull_request ? 'pull' : 'issues'
    const out: Record<string, unknown> = {
      url: `${apiRepo(s)}/issues/${i.number}`,
      repository_url: apiRepo(s),
      html_url: `${WEB}/${fullName(s)}/${kind}/${i.number}`,
      id: i.id,
      node_id: `I_${i.id}`,
      number: i.number,
      title: i.title,
      user: renderUser(i.user ?? { login: 'octocat', type: 'User' }),
      labels: (i.labels ?? []).map(name => renderLabel(s, name)),
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

  function renderIssueComment(s: RepoState, c: MockIssueComment): Record<string, unknown> {
    const issue = s.issues.find(i => i.number === c.issue_number)
    const kind = issue?.pull_request ? 'pull' : 'issues'
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${apiRepo(s)}/issues/comments/${c.id}`,
      html_url:
        c.html_url ?? `${WEB}/${fullName(s)}/${kind}/${c.issue_number}#issuecomment-${c.id}`,
      issue_url: `${apiRepo(s)}/issues/${c.issue_number}`,
      body: c.body,
      user: renderUser(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR'
    }
  }

  function renderReview(s: RepoState, r: MockReview): Record<string, unknown> {
    return {
      id: r.id,
      node_id: `PRR_${r.id}`,
      user: renderUser(r.user),
      body: r.body,
      state: r.state,
      html_url: r.html_url,
      pull_request_url: `${apiRepo(s)}/pulls/${r.pull_number}`,
      commit_id: r.commit_id,
      submitted_at: r.submitted_at,
      author_association: 'NONE'
    }
  }

  function renderReviewComment(s: RepoState, c: MockReviewComment): Record<string, unknown> {
    const out: Record<string, unknown> = {
      id: c.id,
      node_id: `PRRC_${c.id}`,
      url: `${apiRepo(s)}/pulls/comments/${c.id}`,
      pull_request_review_id: c.review_id,
      pull_request_url: `${apiRepo(s)}/pulls/${c.pull_number}`,
      diff_hunk: c.diff_hunk,
      path: c.path,
      position: c.position,
      original_position: c.position,
      commit_id: c.commit_id,
      original_commit_id: c.commit_id,
      user: renderUser(c.user),
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

  function renderTimelineEvent(s: RepoState, e: MockTimelineEvent): Record<string, unknown> {
    const out: Record<string, unknown> = {
      id: e.id,
      node_id: `LE_${e.id}`,
      url: `${apiRepo(s)}/issues/events/${e.id}`,
      actor: renderUser(e.actor),
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

  // ---- pagination --------------------------------------------------------------------------

  function paginate(ctx: Ctx, items: unknown[]): Reply {
    const perPageRaw = Number(ctx.query.per_page ?? 30)
    const perPage = Math.min(100, Math.max(1, Number.isFinite(perPageRaw) ? perPageRaw : 30))
    const pageRaw = Number(ctx.query.page ?? 1)
    const page = Math.max(1, Number.isFinite(pageRaw) ? Math.floor(pageRaw) : 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const slice = items.slice((page - 1) * perPage, page * perPage)
    const headers: Record<string, string> = {}
    if (last > 1 || page > 1) {
      const link = (p: number, rel: string): string => {
        const q = new URLSearchParams(ctx.query)
        q.set('page', String(p))
        return `<${baseUrl}${ctx.rawPath}?${q.toString()}>; rel="${rel}"`
      }
      const parts: string[] = []
      if (page > 1) parts.push(link(Math.min(page - 1, last), 'prev'))
      if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'))
      if (page > 1) parts.push(link(1, 'first'))
      headers.link = parts.join(', ')
    }
    return { status: 200, body: slice, headers }
  }

  // ---- labels and timeline -----------------------------------------------------------------

  function recordEvent(
    s: RepoState,
    issueNumber: number,
    event: string,
    label?: string
  ): MockTimelineEvent {
    const e: MockTimelineEvent = {
      id: newId(),
      issue_number: issueNumber,
      event,
      actor: { ...mock.actor },
      created_at: stamp()
    }
    if (label !== undefined) {
      e.label = { name: label, color: findLabel(s, label)?.color ?? 'ededed' }
    }
    s.timeline.push(e)
    return e
  }

  /** Adds labels to an issue as GitHub does: unknown labels are created in the repository. */
  function addLabels(s: RepoState, issue: MockIssue, names: string[]): void {
    issue.labels ??= []
    for (const raw of names) {
      const name = raw.trim()
      if (!name) continue
      let label = findLabel(s, name)
      if (!label) {
        label = { name, color: 'ededed', description: null, id: newId(), default: false }
        s.labels.push(label)
      }
      if (issue.labels.some(n => lc(n) === lc(label.name))) continue
      issue.labels.push(label.name)
      recordEvent(s, issue.number, 'labeled', label.name)
    }
    issue.updated_at = stamp()
  }

  function removeLabel(s: RepoState, issue: MockIssue, name: string): boolean {
    issue.labels ??= []
    const idx = issue.labels.findIndex(n => lc(n) === lc(name))
    if (idx < 0) return false
    const [removed] = issue.labels.splice(idx, 1)
    recordEvent(s, issue.number, 'unlabeled', removed ?? name)
    issue.updated_at = stamp()
    return true
  }

  function setLabels(s: RepoState, issue: MockIssue, names: string[]): void {
    const wanted = new Set(names.map(lc))
    for (const n of [...(issue.labels ?? [])]) {
      if (!wanted.has(lc(n))) removeLabel(s, issue, n)
    }
    addLabels(s, issue, names)
  }

  function labelNames(value: unknown): string[] {
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

  // ---- review validation -------------------------------------------------------------------

  interface ResolvedComment {
    path: string
    line: number | null
    side: 'LEFT' | 'RIGHT'
    start_line: number | null
    start_side: 'LEFT' | 'RIGHT' | null
    position: number | null
    body: string
    diff_hunk: string
    in_reply_to_id?: number
  }

  function resolveComment(pull: NormalPull, raw: unknown): ResolvedComment {
    if (!raw || typeof raw !== 'object') throw unprocessable(['Invalid comment'])
    const c = raw as Record<string, unknown>
    const path = asString(c.path)
    const body = asString(c.body)
    if (path === undefined || body === undefined) {
      throw unprocessable([`${path === undefined ? 'path' : 'body'} is missing`])
    }
    checkBody('body', body, 'PullRequestReviewComment')
    const file = pull.files.find(f => f.filename === path)
    if (!file) throw unprocessable(['Path could not be resolved'])
    const index = indexPatch(file.patch)
    const hunk = (p: Position): string =>
      index.lines.slice(p.headerIndex, p.position + 1).join('\n')

    if (c.line === undefined && c.position !== undefined) {
      const position = Number(c.position)
      const p = index.byPosition.get(position)
      if (!Number.isInteger(position) || !p) throw unprocessable(['Position could not be resolved'])
      return {
        path,
        line: p.right ?? p.left ?? null,
        side: p.right !== undefined ? 'RIGHT' : 'LEFT',
        start_line: null,
        start_side: null,
        position,
        body,
        diff_hunk: hunk(p)
      }
    }
    const line = Number(c.line)
    if (c.line === undefined || !Number.isInteger(line)) {
      throw unprocessable(['Line could not be resolved'])
    }
    const side = c.side === 'LEFT' ? 'LEFT' : 'RIGHT'
    if (c.side !== undefined && c.side !== 'LEFT' && c.side !== 'RIGHT') {
      throw unprocessable(['Side is invalid'])
    }
    const at = (side === 'RIGHT' ? index.right : index.left).get(line)
    if (!at) throw unprocessable(['Line could not be resolved'])
    let startLine: number | null = null
    let startSide: 'LEFT' | 'RIGHT' | null = null
    if (c.start_line !== undefined && c.start_line !== null) {
      startLine = Number(c.start_line)
      startSide = c.start_side === 'LEFT' ? 'LEFT' : c.start_side === 'RIGHT' ? 'RIGHT' : side
      if (!Number.isInteger(startLine)) throw unprocessable(['Line could not be resolved'])
      const start = (startSide === 'RIGHT' ? index.right : index.left).get(startLine)
      if (!start) throw unprocessable(['Line could not be resolved'])
      if (start.chunk !== at.chunk) {
        throw unprocessable([
          'pull_request_review_thread.start_line must be part of the same hunk as the line.'
        ])
      }
      if (start.position >= at.position) {
        throw unprocessable(['pull_request_review_thread.start_line must precede the end line.'])
      }
    }
    return {
      path,
      line,
      side,
      start_line: startLine,
      start_side: startSide,
      position: at.position,
      body,
      diff_hunk: hunk(at)
    }
  }

  function storeReviewComment(
    s: RepoState,
    pull: NormalPull,
    resolved: ResolvedComment,
    reviewId: number | null,
    commitId: string
  ): MockReviewComment {
    const id = newId()
    const t = stamp()
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
      user: { ...mock.actor },
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

  function checkCommitId(pull: NormalPull, commitId: unknown): string {
    if (commitId === undefined || commitId === null) return pull.head.sha
    const sha = String(commitId)
    const known = sha === pull.head.sha || pull.commits.some(c => c.sha === sha)
    if (!known) throw unprocessable(['commit_id is not part of the pull request'])
    return sha
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
        url: `${apiRepo(s)}/compare/${base}...${head}`,
        html_url: `${WEB}/${fullName(s)}/compare/${base}...${head}`,
        permalink_url: `${WEB}/${fullName(s)}/compare/${base}...${head}`,
        diff_url: `${WEB}/${fullName(s)}/compare/${base}...${head}.diff`,
        patch_url: `${WEB}/${fullName(s)}/compare/${base}...${head}.patch`,
        base_commit: renderCommit(s, graph.get(base) ?? { sha: base }),
        merge_base_commit: renderCommit(s, mergeBase),
        status: result.status,
        ahead_by: result.ahead_by,
        behind_by: result.behind_by ?? 0,
        total_commits: result.ahead_by,
        commits: commits.map(c => renderCommit(s, c)),
        files: (result.files ?? []).map(f => {
          normalizeFile(f)
          return renderFile(s, f, head)
        })
      }
    }
  }

  function compare(ctx: Ctx): Reply {
    const s = repoOf(ctx)
    const basehead = ctx.params.basehead ?? ''
    const m = /^(.+?)\.\.\.(.+)$/.exec(basehead)
    if (!m) throw notFound()
    const baseName = m[1] as string
    const headName = m[2] as string
    const graph = knownShas(s)
    const registered = s.compares[basehead]
    if (registered) return compareReply(s, baseName, headName, registered, graph)
    const base = s.refs[baseName] ?? baseName
    const head = s.refs[headName] ?? headName
    const registeredResolved = s.compares[`${base}...${head}`]
    if (registeredResolved) return compareReply(s, base, head, registeredResolved, graph)
    if (!graph.has(base) || !graph.has(head)) throw notFound()
    if (base === head) {
      return compareReply(
        s,
        base,
        head,
        { status: 'identical', ahead_by: 0, behind_by: 0, merge_base_commit: { sha: base } },
        graph
      )
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
    return compareReply(
      s,
      base,
      head,
      {
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        merge_base_commit: { sha: mergeBase },
        commits: aheadCommits,
        files: [...files.values()]
      },
      graph
    )
  }

  // ---- contents ----------------------------------------------------------------------------

  function getContents(ctx: Ctx): Reply {
    const s = repoOf(ctx)
    const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '')
    const refName = ctx.query.ref ?? s.repository.default_branch
    const tree = s.contents[refName] ?? s.contents[s.refs[refName] ?? '\0']
    if (!tree) throw notFound(`No commit found for the ref ${refName}`)
    const resolvedRef = refName
    const text = tree[path]
    const accept = String(ctx.headers.accept ?? '')
    if (text !== undefined) {
      if (/\.raw\b|vnd\.github\.raw/.test(accept)) {
        return { status: 200, text, contentType: 'application/vnd.github.raw; charset=utf-8' }
      }
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
          url: `${apiRepo(s)}/contents/${path}?ref=${resolvedRef}`,
          html_url: `${WEB}/${fullName(s)}/blob/${resolvedRef}/${path}`,
          git_url: `${apiRepo(s)}/git/blobs/${gitBlobSha(text)}`,
          download_url: `https://raw.githubusercontent.com/${fullName(s)}/${resolvedRef}/${path}`
        }
      }
    }
    // A directory: list its direct children.
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
            url: `${apiRepo(s)}/contents/${childPath}?ref=${resolvedRef}`
          }
        })
    }
  }

  // ---- routes ------------------------------------------------------------------------------

  const routes: Route[] = []
  const route = (method: string, pattern: string, handler: Handler): void => {
    routes.push({ method, segments: pattern.split('/').filter(Boolean), handler })
  }

  // Who the token is: writes are attributed to `mock.actor`. As on GitHub, an installation token
  // (GITHUB_TOKEN, an App; the default bot actor) may not read /user, but GraphQL `viewer` answers.
  route('GET', '/user', () => {
    if (mock.actor.type === 'Bot') {
      throw new HttpError(403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
        status: '403'
      })
    }
    return { status: 200, body: { ...renderUser(mock.actor), name: mock.actor.login } }
  })
  route('POST', '/graphql', ctx => {
    const query = asString((ctx.body as Record<string, unknown> | undefined)?.query) ?? ''
    if (!/\bviewer\s*\{\s*login\s*\}/.test(query)) {
      return { status: 200, body: { errors: [{ message: 'mock-github: only viewer { login }' }] } }
    }
    return { status: 200, body: { data: { viewer: { login: mock.actor.login } } } }
  })

  route('GET', '/repos/:owner/:repo', ctx => ({ status: 200, body: renderRepo(repoOf(ctx)) }))

  // Pull requests
  route('GET', '/repos/:owner/:repo/pulls', ctx => {
    const s = repoOf(ctx)
    const state = ctx.query.state ?? 'open'
    const pulls = (s.pulls as NormalPull[])
      .filter(p => state === 'all' || p.state === state)
      .sort((a, b) => (ctx.query.direction === 'asc' ? a.number - b.number : b.number - a.number))
    return paginate(
      ctx,
      pulls.map(p => renderPull(s, p))
    )
  })

  route('GET', '/repos/:owner/:repo/pulls/:n', ctx => {
    const s = repoOf(ctx)
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
    return { status: 200, body: renderPull(s, pull) }
  })

  route('GET', '/repos/:owner/:repo/pulls/:n/files', ctx => {
    const s = repoOf(ctx)
    const pull = pullOf(s, parseIntParam(ctx.params.n))
    return paginate(
      ctx,
      pull.files.map(f => renderFile(s, f, pull.head.sha))
    )
  })

  route('GET', '/repos/:owner/:repo/pulls/:n/commits', ctx => {
    const s = repoOf(ctx)
    const pull = pullOf(s, parseIntParam(ctx.params.n))
    return paginate(
      ctx,
      pull.commits.map(c => renderCommit(s, c))
    )
  })

  route('GET', '/repos/:owner/:repo/pulls/:n/comments', ctx => {
    const s = repoOf(ctx)
    const pull = pullOf(s, parseIntParam(ctx.params.n))
    const list = s.reviewComments.filter(c => c.pull_number === pull.number)
    if (ctx.query.direction === 'desc') list.reverse()
    return paginate(
      ctx,
      list.map(c => renderReviewComment(s, c))
    )
  })

  route('POST', '/repos/:owner/:repo/pulls/:n/comments', ctx => {
    const s = repoOf(ctx)
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
        s,
        pull,
        { ...parent, body: text, in_reply_to_id: parent.id },
        null,
        parent.commit_id
      )
      return { status: 201, body: renderReviewComment(s, stored) }
    }
    const commitId = checkCommitId(pull, body.commit_id)
    const resolved = resolveComment(pull, body)
    const stored = storeReviewComment(s, pull, resolved, null, commitId)
    return { status: 201, body: renderReviewComment(s, stored) }
  })

  route('PATCH', '/repos/:owner/:repo/pulls/comments/:id', ctx => {
    const s = repoOf(ctx)
    const id = parseIntParam(ctx.params.id)
    const comment = s.reviewComments.find(c => c.id === id)
    if (!comment) throw notFound()
    const text = asString((ctx.body as Record<string, unknown> | undefined)?.body)
    if (text === undefined) throw unprocessable(['body is missing'])
    checkBody('body', text, 'PullRequestReviewComment')
    comment.body = text
    comment.updated_at = stamp()
    return { status: 200, body: renderReviewComment(s, comment) }
  })

  route('DELETE', '/repos/:owner/:repo/pulls/comments/:id', ctx => {
    const s = repoOf(ctx)
    const id = parseIntParam(ctx.params.id)
    const idx = s.reviewComments.findIndex(c => c.id === id)
    if (idx < 0) throw notFound()
    s.reviewComments.splice(idx, 1)
    return { status: 204 }
  })

  route('GET', '/repos/:owner/:repo/pulls/:n/reviews', ctx => {
    const s = repoOf(ctx)
    const pull = pullOf(s, parseIntParam(ctx.params.n))
    return paginate(
      ctx,
      s.reviews.filter(r => r.pull_number === pull.number).map(r => renderReview(s, r))
    )
  })

  route('GET', '/repos/:owner/:repo/pulls/:n/reviews/:id/comments', ctx => {
    const s = repoOf(ctx)
    const pull = pullOf(s, parseIntParam(ctx.params.n))
    const id = parseIntParam(ctx.params.id)
    if (!s.reviews.some(r => r.id === id && r.pull_number === pull.number)) throw notFound()
    return paginate(
      ctx,
      s.reviewComments.filter(c => c.review_id === id).map(c => renderReviewComment(s, c))
    )
  })

  route('POST', '/repos/:owner/:repo/pulls/:n/reviews', ctx => {
    const s = repoOf(ctx)
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
    const id = newId()
    const review: MockReview = {
      id,
      pull_number: pull.number,
      body: reviewBody,
      state: typeof event === 'string' ? (states[event] ?? 'PENDING') : 'PENDING',
      commit_id: commitId,
      user: { ...mock.actor },
      html_url: `${WEB}/${fullName(s)}/pull/${pull.number}#pullrequestreview-${id}`,
      submitted_at: event === undefined ? null : stamp()
    }
    s.reviews.push(review)
    for (const r of resolved) storeReviewComment(s, pull, r, id, commitId)
    return { status: 200, body: renderReview(s, review) }
  })

  // Compare and contents
  route('GET', '/repos/:owner/:repo/compare/:basehead', compare)
  route('GET', '/repos/:owner/:repo/contents/*path', getContents)
  route('GET', '/repos/:owner/:repo/contents', getContents)

  // Issues
  route('GET', '/repos/:owner/:repo/issues', ctx => {
    const s = repoOf(ctx)
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
    const commentsOf = (n: number): number =>
      s.issueComments.filter(c => c.issue_number === n).length
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
      ctx,
      list.map(i => renderIssue(s, i))
    )
  })

  route('POST', '/repos/:owner/:repo/issues', ctx => {
    const s = repoOf(ctx)
    const body = (ctx.body ?? {}) as Record<string, unknown>
    const title = body.title
    if (typeof title !== 'string' && typeof title !== 'number') {
      throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }])
    }
    const text = asString(body.body) ?? null
    checkBody('body', text, 'Issue')
    const number = Math.max(0, ...s.issues.map(i => i.number), ...s.pulls.map(p => p.number)) + 1
    const t = stamp()
    const issue: MockIssue = {
      number,
      title: String(title),
      body: text,
      state: 'open',
      labels: [],
      user: { ...mock.actor },
      created_at: t,
      updated_at: t,
      closed_at: null
    }
    s.issues.push(issue)
    normalize(s)
    if (body.labels !== undefined) addLabels(s, issue, labelNames(body.labels))
    return { status: 201, body: renderIssue(s, issue) }
  })

  route('GET', '/repos/:owner/:repo/issues/comments/:id', ctx => {
    const s = repoOf(ctx)
    const id = parseIntParam(ctx.params.id)
    const comment = s.issueComments.find(c => c.id === id)
    if (!comment) throw notFound()
    return { status: 200, body: renderIssueComment(s, comment) }
  })

  route('PATCH', '/repos/:owner/:repo/issues/comments/:id', ctx => {
    const s = repoOf(ctx)
    const id = parseIntParam(ctx.params.id)
    const comment = s.issueComments.find(c => c.id === id)
    if (!comment) throw notFound()
    const text = asString((ctx.body as Record<string, unknown> | undefined)?.body)
    if (text === undefined) {
      throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }])
    }
    checkBody('body', text, 'IssueComment')
    comment.body = text
    comment.updated_at = stamp()
    return { status: 200, body: renderIssueComment(s, comment) }
  })

  route('DELETE', '/repos/:owner/:repo/issues/comments/:id', ctx => {
    const s = repoOf(ctx)
    const id = parseIntParam(ctx.params.id)
    const idx = s.issueComments.findIndex(c => c.id === id)
    if (idx < 0) throw notFound()
    s.issueComments.splice(idx, 1)
    return { status: 204 }
  })

  route('GET', '/repos/:owner/:repo/issues/:n', ctx => {
    const s = repoOf(ctx)
    return { status: 200, body: renderIssue(s, issueOf(s, parseIntParam(ctx.params.n))) }
  })

  route('PATCH', '/repos/:owner/:repo/issues/:n', ctx => {
    const s = repoOf(ctx)
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
        issue.closed_at = body.state === 'closed' ? stamp() : null
        issue.state_reason =
          body.state === 'closed' ? (asString(body.state_reason) ?? 'completed') : 'reopened'
        recordEvent(s, issue.number, body.state === 'closed' ? 'closed' : 'reopened')
        const pull = s.pulls.find(p => p.number === issue.number)
        if (pull) pull.state = body.state
      }
    }
    if (body.labels !== undefined) setLabels(s, issue, labelNames(body.labels))
    issue.updated_at = stamp()
    return { status: 200, body: renderIssue(s, issue) }
  })

  route('GET', '/repos/:owner/:repo/issues/:n/comments', ctx => {
    const s = repoOf(ctx)
    const issue = issueOf(s, parseIntParam(ctx.params.n))
    const since = ctx.query.since
    return paginate(
      ctx,
      s.issueComments
        .filter(c => c.issue_number === issue.number)
        .filter(c => since === undefined || c.updated_at >= since)
        .map(c => renderIssueComment(s, c))
    )
  })

  route('POST', '/repos/:owner/:repo/issues/:n/comments', ctx => {
    const s = repoOf(ctx)
    const issue = issueOf(s, parseIntParam(ctx.params.n))
    const text = asString((ctx.body as Record<string, unknown> | undefined)?.body)
    if (text === undefined || text === '') {
      throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }])
    }
    checkBody('body', text, 'IssueComment')
    const t = stamp()
    const comment: MockIssueComment = {
      id: newId(),
      issue_number: issue.number,
      body: text,
      user: { ...mock.actor },
      created_at: t,
      updated_at: t
    }
    s.issueComments.push(comment)
    issue.updated_at = t
    return { status: 201, body: renderIssueComment(s, comment) }
  })

  route('GET', '/repos/:owner/:repo/issues/:n/timeline', ctx => {
    const s = repoOf(ctx)
    const issue = issueOf(s, parseIntParam(ctx.params.n))
    type Entry = { at: string; seq: number; body: Record<string, unknown> }
    const entries: Entry[] = []
    let seq = 0
    for (const e of s.timeline) {
      if (e.issue_number !== issue.number) continue
      entries.push({ at: e.created_at, seq: seq++, body: renderTimelineEvent(s, e) })
    }
    for (const c of s.issueComments) {
      if (c.issue_number !== issue.number) continue
      entries.push({
        at: c.created_at,
        seq: seq++,
        body: { ...renderIssueComment(s, c), event: 'commented', actor: renderUser(c.user) }
      })
    }
    entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq))
    return paginate(
      ctx,
      entries.map(e => e.body)
    )
  })

  route('GET', '/repos/:owner/:repo/issues/:n/labels', ctx => {
    const s = repoOf(ctx)
    const issue = issueOf(s, parseIntParam(ctx.params.n))
    return paginate(
      ctx,
      (issue.labels ?? []).map(n => renderLabel(s, n))
    )
  })

  route('POST', '/repos/:owner/:repo/issues/:n/labels', ctx => {
    const s = repoOf(ctx)
    const issue = issueOf(s, parseIntParam(ctx.params.n))
    addLabels(s, issue, labelNames(ctx.body))
    return { status: 200, body: (issue.labels ?? []).map(n => renderLabel(s, n)) }
  })

  route('PUT', '/repos/:owner/:repo/issues/:n/labels', ctx => {
    const s = repoOf(ctx)
    const issue = issueOf(s, parseIntParam(ctx.params.n))
    setLabels(s, issue, labelNames(ctx.body))
    return { status: 200, body: (issue.labels ?? []).map(n => renderLabel(s, n)) }
  })

  route('DELETE', '/repos/:owner/:repo/issues/:n/labels', ctx => {
    const s = repoOf(ctx)
    const issue = issueOf(s, parseIntParam(ctx.params.n))
    for (const n of [...(issue.labels ?? [])]) removeLabel(s, issue, n)
    return { status: 204 }
  })

  route('DELETE', '/repos/:owner/:repo/issues/:n/labels/:name', ctx => {
    const s = repoOf(ctx)
    const issue = issueOf(s, parseIntParam(ctx.params.n))
    if (!removeLabel(s, issue, ctx.params.name ?? '')) throw notFound('Label does not exist')
    return { status: 200, body: (issue.labels ?? []).map(n => renderLabel(s, n)) }
  })

  // Repository labels
  route('GET', '/repos/:owner/:repo/labels', ctx => {
    const s = repoOf(ctx)
    return paginate(
      ctx,
      s.labels.map(l => renderLabel(s, l.name))
    )
  })

  route('GET', '/repos/:owner/:repo/labels/:name', ctx => {
    const s = repoOf(ctx)
    const label = findLabel(s, ctx.params.name ?? '')
    if (!label) throw notFound()
    return { status: 200, body: renderLabel(s, label.name) }
  })

  route('POST', '/repos/:owner/:repo/labels', ctx => {
    const s = repoOf(ctx)
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
    s.labels.push({ name, color: color.toLowerCase(), description, id: newId(), default: false })
    return { status: 201, body: renderLabel(s, name) }
  })

  route('PATCH', '/repos/:owner/:repo/labels/:name', ctx => {
    const s = repoOf(ctx)
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
    return { status: 200, body: renderLabel(s, label.name) }
  })

  route('DELETE', '/repos/:owner/:repo/labels/:name', ctx => {
    const s = repoOf(ctx)
    const label = findLabel(s, ctx.params.name ?? '')
    if (!label) throw notFound()
    s.labels.splice(s.labels.indexOf(label), 1)
    for (const i of s.issues) i.labels = (i.labels ?? []).filter(n => lc(n) !== lc(label.name))
    return { status: 204 }
  })

  // Secrets: repository
  const repoKeyScope = (s: RepoState): string => `repo:${lc(fullName(s))}`
  route('GET', '/repos/:owner/:repo/actions/secrets/public-key', ctx =>
    publicKeyReply(repoKeyScope(repoOf(ctx)))
  )
  route('GET', '/repos/:owner/:repo/actions/secrets', ctx => {
    const s = repoOf(ctx)
    const list = Object.values(s.secrets).map(x => renderSecret(x))
    return { status: 200, body: { total_count: list.length, secrets: list } }
  })
  route('GET', '/repos/:owner/:repo/actions/secrets/:name', ctx => {
    const secret = repoOf(ctx).secrets[ctx.params.name ?? '']
    if (!secret) throw notFound()
    return { status: 200, body: renderSecret(secret) }
  })
  route('PUT', '/repos/:owner/:repo/actions/secrets/:name', ctx => {
    const s = repoOf(ctx)
    return putSecret(s.secrets, repoKeyScope(s), ctx.params.name ?? '', ctx.body ?? {}, false)
  })
  route('DELETE', '/repos/:owner/:repo/actions/secrets/:name', ctx => {
    const s = repoOf(ctx)
    const name = ctx.params.name ?? ''
    if (!s.secrets[name]) throw notFound()
    delete s.secrets[name]
    return { status: 204 }
  })

  // Secrets: environment
  const envOf = (ctx: Ctx): { s: RepoState; env: MockEnvironment; scope: string } => {
    const s = repoOf(ctx)
    const name = ctx.params.env ?? ''
    const env = s.environments[name]
    if (!env) throw notFound()
    return { s, env, scope: `env:${lc(fullName(s))}:${name}` }
  }
  route('GET', '/repos/:owner/:repo/environments/:env', ctx => {
    const { s } = envOf(ctx)
    return {
      status: 200,
      body: { name: ctx.params.env, url: `${apiRepo(s)}/environments/${ctx.params.env}` }
    }
  })
  route('PUT', '/repos/:owner/:repo/environments/:env', ctx => {
    const s = repoOf(ctx)
    const name = ctx.params.env ?? ''
    s.environments[name] ??= { secrets: {} }
    return { status: 200, body: { name, url: `${apiRepo(s)}/environments/${name}` } }
  })
  route('GET', '/repos/:owner/:repo/environments/:env/secrets/public-key', ctx =>
    publicKeyReply(envOf(ctx).scope)
  )
  route('GET', '/repos/:owner/:repo/environments/:env/secrets', ctx => {
    const list = Object.values(envOf(ctx).env.secrets).map(x => renderSecret(x))
    return { status: 200, body: { total_count: list.length, secrets: list } }
  })
  route('GET', '/repos/:owner/:repo/environments/:env/secrets/:name', ctx => {
    const secret = envOf(ctx).env.secrets[ctx.params.name ?? '']
    if (!secret) throw notFound()
    return { status: 200, body: renderSecret(secret) }
  })
  route('PUT', '/repos/:owner/:repo/environments/:env/secrets/:name', ctx => {
    const { env, scope } = envOf(ctx)
    return putSecret(env.secrets, scope, ctx.params.name ?? '', ctx.body ?? {}, false)
  })
  route('DELETE', '/repos/:owner/:repo/environments/:env/secrets/:name', ctx => {
    const { env } = envOf(ctx)
    const name = ctx.params.name ?? ''
    if (!env.secrets[name]) throw notFound()
    delete env.secrets[name]
    return { status: 204 }
  })

  // Secrets: organization
  const orgOf = (ctx: Ctx): MockOrg => {
    const org = orgs[lc(ctx.params.org ?? '')]
    if (!org) throw notFound()
    return org
  }
  route('GET', '/orgs/:org/actions/secrets/public-key', ctx =>
    publicKeyReply(`org:${lc(orgOf(ctx).login)}`)
  )
  route('GET', '/orgs/:org/actions/secrets', ctx => {
    const org = orgOf(ctx)
    const list = Object.values(org.secrets).map(x => renderSecret(x, org.login))
    return { status: 200, body: { total_count: list.length, secrets: list } }
  })
  route('GET', '/orgs/:org/actions/secrets/:name', ctx => {
    const org = orgOf(ctx)
    const secret = org.secrets[ctx.params.name ?? '']
    if (!secret) throw notFound()
    return { status: 200, body: renderSecret(secret, org.login) }
  })
  route('PUT', '/orgs/:org/actions/secrets/:name', ctx => {
    const org = orgOf(ctx)
    return putSecret(
      org.secrets,
      `org:${lc(org.login)}`,
      ctx.params.name ?? '',
      ctx.body ?? {},
      true
    )
  })
  route('DELETE', '/orgs/:org/actions/secrets/:name', ctx => {
    const org = orgOf(ctx)
    const name = ctx.params.name ?? ''
    if (!org.secrets[name]) throw notFound()
    delete org.secrets[name]
    return { status: 204 }
  })

  function match(
    method: string,
    segments: string[]
  ): { route: Route; params: Record<string, string> } | undefined {
    for (const r of routes) {
      if (r.method !== method) continue
      const params: Record<string, string> = {}
      let ok = true
      for (let i = 0; i < r.segments.length; i++) {
        const pat = r.segments[i] as string
        if (pat.startsWith('*')) {
          const rest = segments.slice(i)
          if (rest.length === 0) {
            ok = false
            break
          }
          params[pat.slice(1)] = rest.join('/')
          return { route: r, params }
        }
        const seg = segments[i]
        if (seg === undefined) {
          ok = false
          break
        }
        if (pat.startsWith(':')) params[pat.slice(1)] = seg
        else if (pat !== seg) {
          ok = false
          break
        }
      }
      if (ok && segments.length === r.segments.length) return { route: r, params }
    }
    return undefined
  }

  // ---- request handling --------------------------------------------------------------------

  function defaultFailureBody(status: number): unknown {
    if (status === 403 || status === 429) {
      return {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
        status: String(status)
      }
    }
    if (status === 401) return { message: 'Bad credentials', status: '401' }
    if (status === 404) return { message: 'Not Found', status: '404' }
    if (status >= 500) return { message: 'Server Error', status: String(status) }
    return { message: `Injected failure ${status}`, status: String(status) }
  }

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let rawPath = url.pathname
    // GitHub also serves /repositories/{id}/... (used in Link headers and by some clients).
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(rawPath)
    if (byId) {
      const target = Object.values(repos).find(
        s => (s.repository.id ?? numericId(`repo:${fullName(s)}`)) === Number(byId[1])
      )
      if (target) rawPath = `/repos/${fullName(target)}${byId[2] ?? ''}`
    }
    const segments = rawPath
      .split('/')
      .filter(Boolean)
      .map(seg => {
        try {
          return decodeURIComponent(seg)
        } catch {
          return seg
        }
      })
    const path = '/' + segments.join('/')
    const query: Record<string, string> = {}
    url.searchParams.forEach((v, k) => {
      query[k] = v
    })
    const text = await readBody(req)
    const call: RecordedCall = {
      method,
      path,
      rawPath: url.pathname,
      query,
      body: undefined,
      headers: { ...req.headers },
      status: 0
    }
    calls.push(call)
    const bearer = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1]
    const scopes = bearer === undefined ? undefined : options.classicScopes?.[bearer]

    const send = (reply: Reply): void => {
      call.status = reply.status
      const headers: Record<string, string> = {
        ...(scopes !== undefined ? { 'x-oauth-scopes': scopes } : {}),
        'x-github-request-id': fakeSha(String(calls.length)).slice(0, 16).toUpperCase(),
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        ...(reply.headers ?? {})
      }
      if (reply.status === 204 || (reply.body === undefined && reply.text === undefined)) {
        res.writeHead(reply.status, headers)
        res.end()
        return
      }
      const payload = reply.text ?? JSON.stringify(reply.body)
      headers['content-type'] = reply.contentType ?? 'application/json; charset=utf-8'
      headers['content-length'] = String(Buffer.byteLength(payload))
      res.writeHead(reply.status, headers)
      res.end(payload)
    }

    if (text.trim() !== '') {
      try {
        call.body = JSON.parse(text)
      } catch {
        call.body = text
        send({ status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } })
        return
      }
    }

    const auth = req.headers.authorization
    const token = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(auth ?? '')?.[1]
    if (!token) {
      send({
        status: 401,
        body: { message: 'Requires authentication', documentation_url: DOCS, status: '401' }
      })
      return
    }
    if (options.tokens && !options.tokens.includes(token)) {
      send({
        status: 401,
        body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' }
      })
      return
    }

    const failureFor = (afterStore: boolean): Failure | undefined => {
      const failure = failures.find(
        f =>
          f.remaining > 0 &&
          (f.options.afterStore ?? false) === afterStore &&
          (f.method === '*' || f.method === method) &&
          f.regex.test(path)
      )
      if (!failure) return undefined
      failure.remaining--
      if (failure.remaining === 0) failures.splice(failures.indexOf(failure), 1)
      return failure
    }
    const sendFailure = (failure: Failure): void => {
      const headers: Record<string, string> = {}
      if (failure.status === 403 || failure.status === 429) {
        headers['retry-after'] = String(failure.options.retryAfter ?? 1)
      }
      Object.assign(headers, failure.options.headers ?? {})
      send({
        status: failure.status,
        body: failure.options.body ?? defaultFailureBody(failure.status),
        headers
      })
    }
    const failure = failureFor(false)
    if (failure) {
      sendFailure(failure)
      return
    }

    const found = match(method, segments)
    if (!found) {
      send({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } })
      return
    }
    try {
      const reply = await found.route.handler({
        method,
        params: found.params,
        query,
        body: call.body,
        headers: req.headers,
        rawPath: url.pathname,
        path
      })
      const stored = reply.status < 400 ? failureFor(true) : undefined
      if (stored) sendFailure(stored)
      else send(reply)
    } catch (err) {
      if (err instanceof HttpError)
        send({ status: err.status, body: err.body, headers: err.headers })
      else {
        send({
          status: 500,
          body: { message: `mock-github: ${err instanceof Error ? err.stack : String(err)}` }
        })
      }
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(err => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `mock-github: ${String(err)}` }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('mock-github: no address')
  baseUrl = `http://127.0.0.1:${address.port}`
  mock.url = baseUrl
  return mock
}
