/**
 * What every part of the REST implementation of `GitHubApi` shares: the client, the repository,
 * the login the token writes as (learnt once), creates that are never repeated blindly, 404 as
 * "not there", and the comment shape both pulls and issues return.
 */
import type { Comment } from './api.js'
import { identityOf } from './identity.js'
import type { Octokit } from './octokit.js'

/** One repository's REST client, shared by `pullsApi`, `issuesApi` and `labelsApi`. */
export interface RestContext {
  octokit: Octokit
  /** `{ owner, repo }`, spread into every request. */
  r: { owner: string; repo: string }
  /** The login the token writes as, asked once per client. */
  whoami(): Promise<string>
}

/** The shared context for one repository. */
export function restContext(octokit: Octokit, owner: string, repo: string): RestContext {
  let self: Promise<string> | undefined
  return { octokit, r: { owner, repo }, whoami: () => (self ??= identityOf(octokit)) }
}

/** A REST comment (issue, review or inline) as the jobs see it. */
export function toComment(c: {
  id: number
  body?: string | null
  html_url: string
  user?: { login: string; type?: string } | null
  created_at?: string
  updated_at?: string
  in_reply_to_id?: number
  path?: string
  line?: number | null
  original_line?: number | null
  diff_hunk?: string
}): Comment {
  const line = c.line ?? c.original_line ?? undefined
  return {
    id: c.id,
    body: c.body ?? '',
    url: c.html_url,
    ...(c.user ? { author: c.user.login } : {}),
    ...(c.user?.type ? { authorType: c.user.type } : {}),
    ...(c.created_at ? { createdAt: c.created_at } : {}),
    ...(c.updated_at ? { updatedAt: c.updated_at } : {}),
    ...(c.in_reply_to_id !== undefined ? { inReplyTo: c.in_reply_to_id } : {}),
    ...(c.path !== undefined ? { path: c.path } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(c.diff_hunk !== undefined ? { diffHunk: c.diff_hunk } : {})
  }
}

// Per request: plugin-retry must never repeat a create (GitHub may have stored it, then failed).
export const ONCE = { request: { retries: 0 } }

/** Whether a failed create may still have been stored: a 5xx, a network error or a timeout. */
function mayHaveLanded(err: unknown): boolean {
  const status = (err as { status?: unknown } | undefined)?.status
  return typeof status !== 'number' || status >= 500
}

// How far GitHub's clock may be behind the runner's when telling this create from an older one.
const CLOCK_SKEW_MS = 5 * 60_000

/** Whether GitHub's timestamp is no older than the attempt (less the clock skew); unknown is. */
export function isRecent(at: string | undefined, since: number): boolean {
  return at === undefined || Date.parse(at) >= since - CLOCK_SKEW_MS
}

/**
 * A create (review, comment, issue) that is never repeated blindly: when the answer leaves it open
 * whether GitHub stored it, the action looks for its own write (made since the attempt began)
 * first, and creates once more only when it is not there.
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  find: (since: number) => Promise<T | undefined>
): Promise<T> {
  const since = Date.now()
  try {
    return await create()
  } catch (err) {
    if (!mayHaveLanded(err)) throw err
    const found = await find(since).catch(() => undefined)
    if (found !== undefined) return found
    return create()
  }
}

/** The answer, or undefined when GitHub says 404 (a thing that is not there is not an error here). */
export async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined
    throw err
  }
}
