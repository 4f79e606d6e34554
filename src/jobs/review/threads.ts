/**
 * The action's own review threads after a push: which findings a person dismissed (resolved with no
 * code change, 👎, "won't fix"/"false positive"), so they are not raised again on that pull request,
 * and which threads a push made outdated while the new review did not raise their finding again,
 * so they are resolved with a reply naming the commit. Other people's threads are never touched:
 * a thread counts only when its first comment is the action's own, by identity and footer marker.
 */
import * as core from '@actions/core'
import {
  isOwnComment,
  type GitHubApi,
  type PullRequest,
  type ReviewThread
} from '../../github/api.js'
import { SecretLeakError } from '../../known-secrets.js'
import { footerMarkers } from '../markers.js'
import { fingerprint, fingerprintsIn, normalisePath } from './fingerprint.js'
import { hunksOf } from './locate.js'
import { shortSha } from './summary.js'
import type { Finding, PlacedComment, PrFile, SetAside } from './types.js'

/** Where the review's findings went (as `placeFindings` returns it). */
interface Placement {
  placed: PlacedComment[]
  unplaced: SetAside[]
}

/** New-side lines a push changed, by path (from the compare since the reviewed head). */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number>>

/** One of the action's own threads, with the fingerprint its first comment carries. */
interface OwnThread {
  thread: ReviewThread
  fingerprint: string
}

// A reply that dismisses a finding. Curly or straight apostrophe, with or without space or dash.
const DISMISSING_REPLY = /\bwon['’]?t[\s-]?fix\b|\bwontfix\b|\bfalse[\s-]positives?\b/i
// "Not a false positive" says the opposite: a negation up to four words before it (with no comma
// between: "No, a false positive" dismisses) takes the phrase out before the test.
const NEGATED_FALSE_POSITIVE =
  /\b(?:not|no|never|hardly|\w+n['’]t)(?:\s+[\w'’]+){0,4}?\s+false[\s-]positives?\b/gi

/** Whether a person's reply dismisses the finding ("won't fix", "false positive"). */
function dismisses(body: string): boolean {
  return DISMISSING_REPLY.test(body.replace(NEGATED_FALSE_POSITIVE, ''))
}

const RESOLVED_MARKER = /^<!-- csa-resolved:[0-9a-f]{7,64} -->$/

/**
 * Lines on the new side a push added, or next to what it deleted: a thread there points at
 * changed code even when GitHub has not called it outdated. Threads are numbered on the new
 * side, so a deletion counts as the two new lines around the gap it left (its old number means
 * another line once lines were added or removed above it).
 */
export function changedLinesOf(files: readonly PrFile[]): ChangedLines {
  const out = new Map<string, Set<number>>()
  for (const f of files) {
    if (!f.patch) continue
    const lines = new Set<number>()
    for (const hunk of hunksOf(f.patch)) {
      let next = hunk.newStart
      for (const l of hunk.lines) {
        if (l.newLine !== undefined) {
          if (l.type === 'add') lines.add(l.newLine)
          next = l.newLine + 1
        } else lines.add(next - 1).add(next)
      }
    }
    out.set(normalisePath(f.filename), lines)
  }
  return out
}

/** The action's own threads: first comment written by `self`, carrying a fingerprint marker. */
function ownThreads(threads: readonly ReviewThread[], self: string): OwnThread[] {
  const out: OwnThread[] = []
  for (const thread of threads) {
    const first = thread.comments[0]
    if (!first || !isOwnComment(first, self)) continue
    const [fp] = fingerprintsIn([first.body])
    if (fp) out.push({ thread, fingerprint: fp })
  }
  return out
}

/** Whether the lines a thread points at changed (GitHub says outdated, or the push touched them). */
function linesChanged(thread: ReviewThread, changed: ChangedLines): boolean {
  if (thread.isOutdated) return true
  const lines = changed.get(normalisePath(thread.path))
  return thread.line !== null && lines !== undefined && lines.has(thread.line)
}

/** Whether the action itself resolved this thread (its own reply with the resolved marker). */
function resolvedByAction(thread: ReviewThread, self: string): boolean {
  return thread.comments
    .slice(1)
    .some(c => isOwnComment(c, self) && footerMarkers(c.body).some(m => RESOLVED_MARKER.test(m)))
}

/** Why a person dismissed this thread's finding, or undefined when nobody did. */
function dismissal(t: OwnThread, self: string, changed: ChangedLines): string | undefined {
  const { thread } = t
  const first = thread.comments[0]
  if (first && first.thumbsDownByOthers > 0) return '👎'
  const replies = thread.comments.slice(1).filter(c => !isOwnComment(c, self))
  if (replies.some(c => dismisses(c.body))) return 'answered "won\'t fix"'
  if (thread.isResolved && !linesChanged(thread, changed) && !resolvedByAction(thread, self)) {
    return 'resolved without a code change'
  }
  return undefined
}

/**
 * Fingerprints a person dismissed on this pull request, with why: they are not raised again.
 * @param changed lines the push changed since the reviewed head (empty for a full review).
 */
export function dismissedFingerprints(
  threads: readonly ReviewThread[],
  self: string,
  changed: ChangedLines
): Map<string, string> {
  const out = new Map<string, string>()
  for (const t of ownThreads(threads, self)) {
    const why = dismissal(t, self, changed)
    if (why) out.set(t.fingerprint, why)
  }
  return out
}

/**
 * Fingerprints whose every own thread is resolved (the problem was fixed, or a person resolved
 * it): raised again, such a finding is a new comment, not a repeat of one still open. Dismissals
 * are dropped before this counts.
 */
export function settledFingerprints(threads: readonly ReviewThread[], self: string): Set<string> {
  const own = ownThreads(threads, self)
  const open = new Set(own.filter(t => !t.thread.isResolved).map(t => t.fingerprint))
  return new Set(own.map(t => t.fingerprint).filter(fp => !open.has(fp)))
}

/**
 * The action's own open threads whose lines changed and whose finding the new review did not
 * raise again (`raised`: the fingerprints of every finding of this review).
 */
export function threadsToResolve(
  threads: readonly ReviewThread[],
  self: string,
  changed: ChangedLines,
  raised: ReadonlySet<string>
): ReviewThread[] {
  return ownThreads(threads, self)
    .filter(t => !t.thread.isResolved && !raised.has(t.fingerprint))
    .filter(t => linesChanged(t.thread, changed))
    .map(t => t.thread)
}

/**
 * The one-line reply the action leaves on a thread it resolves, with its footer marker.
 * @param why the line itself, when it is not a push's review that resolves the thread.
 */
export function resolvedReply(headSha: string, why?: string): string {
  return [
    why ??
      `Resolved by ${shortSha(headSha)}: the lines changed and the finding was not raised again.`,
    '',
    `<!-- csa-resolved:${headSha.toLowerCase()} -->`
  ].join('\n')
}

/** The threads of a pull request as this run found them, and what they mean for the review. */
export interface ThreadState {
  threads: ReviewThread[]
  self: string
  changed: ChangedLines
  /** Fingerprint → why a person dismissed it. */
  dismissed: Map<string, string>
  /** For the summary, when the threads could not be read. */
  notes: string[]
}

/**
 * Reads the pull request's review threads once.
 * @param changedFiles the files a push changed since the reviewed head (none for a full review).
 */
export async function readThreads(
  github: GitHubApi,
  pull: number,
  changedFiles: readonly PrFile[]
): Promise<ThreadState> {
  const self = await github.whoami()
  const changed = changedLinesOf(changedFiles)
  let threads: ReviewThread[]
  try {
    threads = await github.listReviewThreads(pull)
  } catch (err) {
    // The review matters more than its threads: post it, and say what was not checked.
    const note = `The review threads could not be read (${(err as Error).message.split('\n')[0]}): dismissed findings and outdated threads were not checked.`
    core.warning(note)
    return { threads: [], self, changed, dismissed: new Map(), notes: [note] }
  }
  return {
    threads,
    self,
    changed,
    dismissed: dismissedFingerprints(threads, self, changed),
    notes: []
  }
}

/** Every fingerprint the review raised, placed on a line or not. */
export function raisedFingerprints(placement: Placement): Set<string> {
  return new Set([
    ...placement.placed.map(c => c.fingerprint),
    ...placement.unplaced.map(u => fingerprint(u.finding))
  ])
}

/** The placement without dismissed findings, and the findings dropped. */
export function dropDismissed(
  placement: Placement,
  dismissed: ReadonlyMap<string, string>
): { placement: Placement; dropped: Finding[] } {
  const dropped: Finding[] = []
  const keep = (fp: string, f: Finding): boolean => {
    if (!dismissed.has(fp)) return true
    dropped.push(f)
    return false
  }
  return {
    placement: {
      placed: placement.placed.filter(c => keep(c.fingerprint, c.finding)),
      unplaced: placement.unplaced.filter(u => keep(fingerprint(u.finding), u.finding))
    },
    dropped
  }
}

/**
 * Resolves the action's own outdated threads whose finding was not raised again, each with a reply
 * naming the head commit first (so the reason is on the thread even if the resolve fails). A
 * failed thread does not stop the others or the summary; a withheld write (the guard) does.
 * @returns how many threads were resolved, and why each failed one failed.
 */
export async function resolveOutdated(
  github: GitHubApi,
  pr: PullRequest,
  state: ThreadState,
  raised: ReadonlySet<string>,
  why?: string
): Promise<{ resolved: number; failed: string[] }> {
  const todo = threadsToResolve(state.threads, state.self, state.changed, raised)
  const failed: string[] = []
  for (const thread of todo) {
    try {
      const first = thread.comments[0]
      if (first) {
        await github.replyToReviewComment(pr.number, first.id, resolvedReply(pr.headSha, why))
      }
      await github.resolveReviewThread(thread.id)
    } catch (err) {
      if (err instanceof SecretLeakError) throw err
      failed.push((err as Error).message.split('\n')[0] as string)
      core.warning(`Could not resolve the outdated thread on ${thread.path}: ${failed.at(-1)}`)
    }
  }
  return { resolved: todo.length - failed.length, failed }
}
