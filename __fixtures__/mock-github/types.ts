/** Public types of the GitHub mock: the state tests arrange and the handle they get back. */

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
  /** On a thread's first comment: the thread is resolved (GraphQL `isResolved`). */
  resolved?: boolean
  /** On a thread's first comment: decides `isOutdated` instead of comparing with the head's diff. */
  outdated?: boolean
  /** Reactions (REST `content`, e.g. `-1`) and who reacted. */
  reactions?: Array<{ content: string; user: MockUser; id?: number }>
}

/** A reaction on an issue comment (a review comment's are on the comment: `reactions`). */
export interface MockReaction {
  id: number
  comment_id: number
  content: string
  user: MockUser
  created_at: string
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
  /** Reactions on issue comments. */
  reactions: MockReaction[]
  /** Repository role by login (`admin`, `maintain`, `write`, `triage`, `read`); others: none. */
  permissions: Record<string, string>
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
  /** Runs `run` before the next `times` (default 1) requests matching method and path regex. */
  beforeNext(method: string, pathRegex: RegExp | string, run: () => void, times?: number): void
  /** Adds a repository (state with defaults), returns its state. */
  addRepo(fullName: string, init?: Partial<RepoState>): RepoState
  close(): Promise<void>
}
