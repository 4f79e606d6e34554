/** Renderers shared by several resources: users, labels, repositories, branch refs, files, commits. */
import { fakeSha } from './arrange.js'
import { apiRepo, fullName, type Core } from './core.js'
import type {
  MockBranchRef,
  MockCommit,
  MockLabel,
  MockPullFile,
  MockUser,
  RepoState
} from './types.js'
import { lc, numericId, WEB } from './util.js'

/** A user as the REST API renders it. */
export function renderUser(core: Core, u: MockUser): Record<string, unknown> {
  const id = u.id ?? numericId(`user:${u.login}`)
  return {
    login: u.login,
    id,
    node_id: `U_${id}`,
    type: u.type,
    site_admin: false,
    html_url: `${WEB}/${u.login}`,
    url: `${core.baseUrl}/users/${encodeURIComponent(u.login)}`
  }
}

/** The repository label with this name, case-insensitively. */
export function findLabel(s: RepoState, name: string): MockLabel | undefined {
  return s.labels.find(l => lc(l.name) === lc(name))
}

/** A label with the repository's color and description (defaults when unknown). */
export function renderLabel(core: Core, s: RepoState, name: string): Record<string, unknown> {
  const l = findLabel(s, name)
  const id = l?.id ?? numericId(`label:${fullName(s)}:${name}`)
  return {
    id,
    node_id: `LA_${id}`,
    url: `${apiRepo(core, s)}/labels/${encodeURIComponent(l?.name ?? name)}`,
    name: l?.name ?? name,
    color: l?.color ?? 'ededed',
    default: l?.default ?? false,
    description: l?.description ?? null
  }
}

/** A repository as the REST API renders it. */
export function renderRepo(core: Core, s: RepoState): Record<string, unknown> {
  const full = fullName(s)
  return {
    id: s.repository.id,
    node_id: `R_${s.repository.id}`,
    name: s.repo,
    full_name: full,
    owner: renderUser(core, s.repository.owner),
    private: s.repository.private,
    visibility: s.repository.private ? 'private' : 'public',
    fork: s.repository.fork ?? false,
    archived: s.repository.archived ?? false,
    description: s.repository.description ?? null,
    default_branch: s.repository.default_branch,
    html_url: `${WEB}/${full}`,
    url: apiRepo(core, s)
  }
}

/** A PR's head or base; a deleted fork's repo renders as null. */
export function renderBranchRef(
  core: Core,
  s: RepoState,
  ref: MockBranchRef
): Record<string, unknown> {
  const repoFull = ref.repo?.full_name
  const [o, r] = (repoFull ?? '/').split('/')
  const known = repoFull ? core.repos[lc(repoFull)] : undefined
  return {
    label: `${o}:${ref.ref}`,
    ref: ref.ref,
    sha: ref.sha,
    user: renderUser(core, { login: o ?? '', type: 'User' }),
    repo: repoFull
      ? known
        ? renderRepo(core, known)
        : {
            id: numericId(`repo:${repoFull}`),
            name: r,
            full_name: repoFull,
            owner: renderUser(core, { login: o ?? '', type: 'User' }),
            private: s.repository.private,
            fork: lc(repoFull) !== lc(fullName(s)),
            html_url: `${WEB}/${repoFull}`,
            url: `${core.baseUrl}/repos/${repoFull}`
          }
      : null
  }
}

/** A changed file (PR files, compare files) at a ref. */
export function renderFile(
  core: Core,
  s: RepoState,
  f: MockPullFile,
  ref: string
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    sha: fakeSha(`${f.filename}:${f.patch ?? ''}`),
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    blob_url: `${WEB}/${fullName(s)}/blob/${ref}/${f.filename}`,
    raw_url: `${WEB}/${fullName(s)}/raw/${ref}/${f.filename}`,
    contents_url: `${apiRepo(core, s)}/contents/${f.filename}?ref=${ref}`
  }
  if (f.patch !== undefined) out.patch = f.patch
  if (f.previous_filename !== undefined) out.previous_filename = f.previous_filename
  return out
}

/** A commit as list-commits and compare render it. */
export function renderCommit(core: Core, s: RepoState, c: MockCommit): Record<string, unknown> {
  const author = c.author ?? {
    name: 'Octo Cat',
    email: 'octocat@example.com',
    date: '2024-01-01T00:00:00Z'
  }
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${apiRepo(core, s)}/commits/${c.sha}`,
    html_url: `${WEB}/${fullName(s)}/commit/${c.sha}`,
    commit: {
      message: c.message ?? '',
      author: { name: author.name, email: author.email, date: author.date },
      committer: { name: author.name, email: author.email, date: author.date }
    },
    author: author.login ? renderUser(core, { login: author.login, type: 'User' }) : null,
    parents: (c.parents ?? []).map(sha => ({ sha, url: `${apiRepo(core, s)}/commits/${sha}` }))
  }
}
