/**
 * Where a review comment lands: its line (or legacy position) resolved against the file's patch
 * the way GitHub does, with GitHub's 422 wording for a line outside the diff.
 */
import type { NormalPull } from './core.js'
import { indexPatch, type PatchIndex, type Position } from './patch-index.js'
import { asString, checkBody, unprocessable } from './util.js'

export interface ResolvedComment {
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

/** The diff hunk GitHub shows with a comment: from the hunk header to the commented line. */
const hunkOf = (index: PatchIndex, p: Position): string =>
  index.lines.slice(p.headerIndex, p.position + 1).join('\n')

/** A legacy `position` comment: the position counts lines of the file's patch. */
function byPosition(
  index: PatchIndex,
  c: Record<string, unknown>,
  path: string,
  body: string
): ResolvedComment {
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
    diff_hunk: hunkOf(index, p)
  }
}

/** A multi-line comment's start: in the same hunk as, and before, the end line. */
function startOf(
  index: PatchIndex,
  c: Record<string, unknown>,
  side: 'LEFT' | 'RIGHT',
  at: Position
): { start_line: number | null; start_side: 'LEFT' | 'RIGHT' | null } {
  if (c.start_line === undefined || c.start_line === null) {
    return { start_line: null, start_side: null }
  }
  const startLine = Number(c.start_line)
  const startSide = c.start_side === 'LEFT' ? 'LEFT' : c.start_side === 'RIGHT' ? 'RIGHT' : side
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
  return { start_line: startLine, start_side: startSide }
}

/** Resolves one comment of a review or a single comment; 422 (GitHub's wording) when it cannot. */
export function resolveComment(pull: NormalPull, raw: unknown): ResolvedComment {
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
  if (c.line === undefined && c.position !== undefined) return byPosition(index, c, path, body)
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
  return {
    path,
    line,
    side,
    ...startOf(index, c, side, at),
    position: at.position,
    body,
    diff_hunk: hunkOf(index, at)
  }
}

/** The commit a comment is made on: the head unless the PR has the given SHA. */
export function checkCommitId(pull: NormalPull, commitId: unknown): string {
  if (commitId === undefined || commitId === null) return pull.head.sha
  const sha = String(commitId)
  const known = sha === pull.head.sha || pull.commits.some(c => c.sha === sha)
  if (!known) throw unprocessable(['commit_id is not part of the pull request'])
  return sha
}
