/**
 * Puts findings on lines GitHub accepts: a review comment may only target a line on the new side of
 * a hunk of the PR's diff, and a single bad line makes `createReview` fail with 422 for the whole
 * batch. So every finding is checked against the parsed patch, moved by its quote when the model's
 * line number is off, and set aside (for the summary) when it cannot be placed.
 */
import parseDiff from 'parse-diff'
import { cleanUntrusted } from '../untrusted.js'
import { defuseMarkers, fingerprint, fingerprintMarker, normalisePath } from './fingerprint.js'
import {
  SEVERITY_BADGE,
  type Finding,
  type PlacedComment,
  type PrFile,
  type SetAside
} from './types.js'

/** One line of a hunk; `text` is without the `+`/`-`/space prefix. */
interface DiffLine {
  type: 'add' | 'del' | 'context'
  oldLine?: number
  newLine?: number
  text: string
}

/** One hunk of a patch. */
interface Hunk {
  oldStart: number
  oldLines: number
  newStart: number
  newLines: number
  lines: DiffLine[]
}

/** Parses a GitHub `patch` (hunks without file headers) into hunks. */
export function hunksOf(patch: string | undefined): Hunk[] {
  if (!patch) return []
  // parse-diff expects a whole git diff: give it the file headers GitHub leaves out.
  const [file] = parseDiff(`--- a/f\n+++ b/f\n${patch}`)
  if (!file) return []
  return file.chunks.map(chunk => ({
    oldStart: chunk.oldStart,
    oldLines: chunk.oldLines,
    newStart: chunk.newStart,
    newLines: chunk.newLines,
    lines: chunk.changes
      // "\ No newline at end of file" is reported as a copy of the line before it.
      .filter(c => !c.content.startsWith('\\'))
      .map((c): DiffLine => {
        const text = c.content.slice(1).replace(/\r$/, '')
        if (c.type === 'add') return { type: 'add', newLine: c.ln, text }
        if (c.type === 'del') return { type: 'del', oldLine: c.ln, text }
        return { type: 'context', oldLine: c.ln1, newLine: c.ln2, text }
      })
  }))
}

/** The new-side (added and context) lines of a patch: line number → text. */
export function newSideLines(patch: string | undefined): Map<number, string> {
  const lines = new Map<number, string>()
  for (const hunk of hunksOf(patch)) {
    for (const l of hunk.lines) if (l.newLine !== undefined) lines.set(l.newLine, l.text)
  }
  return lines
}

interface NewLine {
  text: string
  hunk: number
}

function indexLines(patch: string): Map<number, NewLine> {
  const index = new Map<number, NewLine>()
  hunksOf(patch).forEach((hunk, i) => {
    for (const l of hunk.lines)
      if (l.newLine !== undefined) index.set(l.newLine, { text: l.text, hunk: i })
  })
  return index
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** The quote's lines, squashed, without blank lines at either end. */
function quoteLines(quote: string): string[] {
  const lines = quote.split(/\r?\n/).map(squash)
  while (lines.length > 0 && lines[0] === '') lines.shift()
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Whether the quote (one or more lines, each possibly a substring) starts at `at`. */
function quoteAt(index: Map<number, NewLine>, at: number, quote: string[]): boolean {
  return quote.every((q, i) => {
    const line = index.get(at + i)
    return line !== undefined && squash(line.text).includes(q)
  })
}

/** Lines where the quote starts, nearest to `near` first (the earlier one on a tie). */
function findQuote(index: Map<number, NewLine>, near: number, quote: string[]): number | undefined {
  const search = (q: string[]): number | undefined => {
    let best: number | undefined
    for (const n of index.keys()) {
      if (!quoteAt(index, n, q)) continue
      const d = Math.abs(n - near)
      const bd = best === undefined ? Infinity : Math.abs(best - near)
      if (d < bd || (d === bd && n < (best as number))) best = n
    }
    return best
  }
  // Models sometimes copy the diff's `+` prefix into the quote: try without it when nothing matches.
  return search(quote) ?? search(quote.map(q => squash(q.replace(/^\+/, ''))))
}

/** A file of the PR by the path a finding names (also by a renamed file's old name). */
function fileFor(files: PrFile[], path: string): PrFile | undefined {
  const wanted = normalisePath(path)
  const candidates = [wanted]
  // `a/src/x.ts` and `b/src/x.ts` are the diff's names for src/x.ts.
  if (/^[ab]\//.test(wanted)) candidates.push(wanted.slice(2))
  for (const c of candidates) {
    const f =
      files.find(file => normalisePath(file.filename) === c) ??
      files.find(file => file.previous_filename && normalisePath(file.previous_filename) === c)
    if (f) return f
  }
  return undefined
}

/** Collapses a model-written title to one clean line. */
export function formatTitle(title: string): string {
  return squash(cleanUntrusted(title))
}

/** Model-written markdown without HTML comments (no forged markers) or hidden characters. */
export function formatMarkdown(text: string): string {
  return cleanUntrusted(text).trim()
}

/** A fenced code block that the code itself cannot close. */
export function codeBlock(code: string, info = ''): string {
  const longest = Math.max(0, ...Array.from(code.matchAll(/`+/g), m => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${info}\n${defuseMarkers(code)}\n${fence}`
}

/**
 * The suggestion's code: a fence the model wrapped it in is removed, a trailing newline dropped.
 * Empty means no suggestion (an empty suggestion block would delete the lines).
 */
export function suggestionCode(suggestion: string | undefined): string | undefined {
  if (suggestion === undefined) return undefined
  let code = suggestion.replace(/\r\n/g, '\n')
  const fenced = /^\s*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n?\1\s*$/.exec(code)
  if (fenced) code = fenced[2] as string
  code = code.replace(/\n+$/, '')
  return code.trim() === '' ? undefined : code
}

// GitHub refuses comment bodies over 65,536 characters.
const MAX_BODY = 60_000

function limit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n\n… (truncated)`
}

/** How a suggestion that cannot be a one-click suggestion is shown instead. */
interface LooseSuggestion {
  /** The lines it was meant to replace. */
  from: number
  to: number
  why: string
}

/** The markdown of an inline comment: badge and title, body, suggestion, fingerprint marker. */
function commentBody(
  finding: Finding,
  fp: string,
  suggestion: { attach: true } | ({ attach: false } & LooseSuggestion)
): string {
  const parts = [`**${SEVERITY_BADGE[finding.severity]}** · **${formatTitle(finding.title)}**`]
  const body = formatMarkdown(finding.body)
  if (body) parts.push(limit(body, MAX_BODY))
  const code = suggestionCode(finding.suggestion)
  if (code !== undefined) {
    if (suggestion.attach) {
      parts.push(codeBlock(code, 'suggestion'))
    } else {
      const lines =
        suggestion.from === suggestion.to
          ? `line ${suggestion.from}`
          : `lines ${suggestion.from}–${suggestion.to}`
      parts.push(`Suggested replacement for ${lines} (${suggestion.why}):\n\n${codeBlock(code)}`)
    }
  }
  parts.push(fingerprintMarker(fp))
  return parts.join('\n\n')
}

/** The result of {@link placeFindings}. */
interface Placement {
  /** In the PR's file order, then by line. */
  placed: PlacedComment[]
  /** In the model's order. */
  unplaced: SetAside[]
}

/**
 * Places each finding on a line of the diff (see the module comment). A quote that does not match
 * the given line moves the finding to the nearest line matching it; a range becomes a multi-line
 * comment only when it lies inside one hunk; a suggestion becomes a one-click suggestion only when
 * the comment covers exactly the lines it replaces.
 */
export function placeFindings(findings: Finding[], files: PrFile[]): Placement {
  const indexes = new Map<PrFile, Map<number, NewLine>>()
  const placed: { comment: PlacedComment; file: number; order: number }[] = []
  const unplaced: SetAside[] = []

  findings.forEach((finding, order) => {
    const result = placeOne(finding, files, indexes)
    if (typeof result === 'string') unplaced.push({ finding, reason: result })
    else
      placed.push({
        comment: result,
        file: files.indexOf(fileFor(files, finding.path) as PrFile),
        order
      })
  })

  placed.sort((a, b) => a.file - b.file || a.comment.line - b.comment.line || a.order - b.order)
  return { placed: placed.map(p => p.comment), unplaced }
}

/** A placed comment, or the reason it cannot be placed. */
function placeOne(
  finding: Finding,
  files: PrFile[],
  indexes: Map<PrFile, Map<number, NewLine>>
): PlacedComment | string {
  const { line } = finding
  const file = fileFor(files, finding.path)
  if (!file) return `${finding.path} is not among the files changed in this pull request`
  const path = file.filename
  if (file.status === 'removed') return `${path} is deleted in this pull request`
  if (!file.patch) {
    return `${path} has no diff to comment on (binary, too large for GitHub to show, or renamed without changes)`
  }
  let index = indexes.get(file)
  if (!index) {
    index = indexLines(file.patch)
    indexes.set(file, index)
  }

  const span =
    finding.end_line !== undefined && finding.end_line > line ? finding.end_line - line : 0
  const quote = finding.quote === undefined ? [] : quoteLines(finding.quote)
  const inDiff = index.has(line)

  let anchor: number
  // True when the anchor is merely the first line of the range that is in the diff.
  let partial = false
  if (quote.length > 0) {
    if (inDiff && quoteAt(index, line, quote)) {
      anchor = line
    } else {
      const found = findQuote(index, line, quote)
      if (found === undefined) {
        return inDiff
          ? `line ${line} of ${path} does not contain the quoted text, and the quote is found nowhere in the diff`
          : `line ${line} of ${path} is not in the diff, and the quoted text is found nowhere in the diff`
      }
      anchor = found
    }
  } else if (inDiff) {
    anchor = line
  } else {
    const first = span > 0 ? range(line, line + span).find(n => index.has(n)) : undefined
    if (first === undefined) {
      return span > 0
        ? `lines ${line}–${line + span} of ${path} are not in the diff`
        : `line ${line} of ${path} is not in the diff`
    }
    anchor = first
    partial = true
  }

  const fp = fingerprint({ ...finding, path })
  const start = anchor
  const end = anchor + span
  const oneHunk = !partial && index.get(start)?.hunk === index.get(end)?.hunk && index.has(end)
  const base = { path, side: 'RIGHT' as const, finding, fingerprint: fp }

  if (span > 0 && oneHunk) {
    return {
      ...base,
      start_line: start,
      start_side: 'RIGHT',
      line: end,
      body: commentBody(finding, fp, { attach: true })
    }
  }
  const attach = span === 0
  const loose = {
    attach: false as const,
    from: line,
    to: line + span,
    why: 'those lines are not all in one hunk of the diff'
  }
  return {
    ...base,
    line: anchor,
    body: commentBody(finding, fp, attach ? { attach: true } : loose)
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}
