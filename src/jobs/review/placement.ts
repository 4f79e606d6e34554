/**
 * Puts findings on lines GitHub accepts: a review comment may only target a line on the new side of
 * a hunk of the PR's diff, and a single bad line makes `createReview` fail with 422 for the whole
 * batch. So every finding is checked against the parsed patch, moved by its quote when the model's
 * line number is off, and set aside (for the summary) when it cannot be placed.
 */
import { cleanUntrusted } from '../untrusted.js'
import { defuseMarkers, fingerprint, fingerprintMarker, normalisePath } from './fingerprint.js'
import { hunksOf, indexDiff, locate, NEAR, quoteOf, type DiffIndex } from './locate.js'
import {
  SEVERITY_BADGE,
  type Finding,
  type PlacedComment,
  type PrFile,
  type SetAside
} from './types.js'

export { hunksOf }

/** The new-side (added and context) lines of a patch: line number → text. */
export function newSideLines(patch: string | undefined): Map<number, string> {
  const lines = new Map<number, string>()
  for (const hunk of hunksOf(patch)) {
    for (const l of hunk.lines) if (l.newLine !== undefined) lines.set(l.newLine, l.text)
  }
  return lines
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** The PR's files by every name a finding may use for them, built once per review. */
class FileNames {
  private readonly byName = new Map<string, PrFile>()

  constructor(files: PrFile[]) {
    // Current names win over a renamed file's old name (another file may have taken it).
    for (const f of files) this.byName.set(normalisePath(f.filename), f)
    for (const f of files) {
      const old = f.previous_filename && normalisePath(f.previous_filename)
      if (old && !this.byName.has(old)) this.byName.set(old, f)
    }
  }

  /**
   * The file a finding's path names: as given, without the diff's `a/`/`b/`, or without an
   * absolute workspace prefix (`/home/runner/work/<repo>/<repo>/`, `$GITHUB_WORKSPACE/`, a
   * container's `/github/workspace/`): the longest tail of the path that is a file of the PR.
   */
  find(path: string): PrFile | undefined {
    const raw = path.trim().replace(/\\/g, '/')
    const wanted = normalisePath(raw)
    const direct = this.byName.get(wanted)
    if (direct) return direct
    if (/^[ab]\//.test(wanted)) {
      const unprefixed = this.byName.get(wanted.slice(2))
      if (unprefixed) return unprefixed
    }
    if (!raw.startsWith('/') && !/^[A-Za-z]:\//.test(raw)) return undefined
    const parts = wanted.split('/')
    for (let i = 1; i < parts.length; i++) {
      const tail = this.byName.get(parts.slice(i).join('/'))
      if (tail) return tail
    }
    return undefined
  }
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
 * The files whose text at the head commit would help {@link placeFindings}: those where a quoted
 * finding is not on its given line (outside the diff, or a line that is not its quote). Its quote
 * may then be on an unchanged line near the given one, which the diff cannot show: the finding is
 * about that line (the summary), or the number is off (moved only when no unchanged line competes).
 */
export function filesToRead(findings: Finding[], files: PrFile[]): PrFile[] {
  const names = new FileNames(files)
  const indexes = new Map<PrFile, DiffIndex>()
  const wanted = new Set<PrFile>()
  for (const finding of findings) {
    const file = names.find(finding.path)
    const quote = quoteOf(finding.quote)
    if (!file?.patch || file.status === 'removed' || quote.keys.length === 0) continue
    if (wanted.has(file)) continue
    const index = indexFor(file as PrFile & { patch: string }, indexes, () => undefined)
    const found = locate(index, finding.line, quote)
    if (!('line' in found) || !found.given) wanted.add(file)
  }
  return [...wanted]
}

/**
 * Places each finding on a line of the diff (see the module comment). A quote that does not match
 * the given line moves the finding to the one line near it that the quote names (see
 * {@link locate}); a range becomes a multi-line comment only when it lies inside one hunk; a
 * suggestion becomes a one-click suggestion only when the finding has a quote that matched at the
 * line the model gave and the comment covers every quoted line. `headText` gives a file's text at
 * the head commit when it was read (see {@link filesToRead}).
 */
export function placeFindings(
  findings: Finding[],
  files: PrFile[],
  headText: (file: PrFile) => string | undefined = () => undefined
): Placement {
  const names = new FileNames(files)
  const order = new Map(files.map((f, i) => [f, i]))
  const indexes = new Map<PrFile, DiffIndex>()
  const placed: { comment: PlacedComment; file: number; order: number }[] = []
  const unplaced: SetAside[] = []

  findings.forEach((finding, i) => {
    const file = names.find(finding.path)
    const result = file ? placeOne(finding, file, indexes, headText) : notInPr(finding)
    if (typeof result === 'string') unplaced.push({ finding, reason: result })
    else placed.push({ comment: result, file: order.get(file as PrFile) ?? 0, order: i })
  })

  placed.sort((a, b) => a.file - b.file || a.comment.line - b.comment.line || a.order - b.order)
  return { placed: placed.map(p => p.comment), unplaced }
}

const notInPr = (finding: Finding): string =>
  `${finding.path} is not among the files changed in this pull request`

/** The file's index, built on first use. */
function indexFor(
  file: PrFile & { patch: string },
  indexes: Map<PrFile, DiffIndex>,
  headText: (file: PrFile) => string | undefined
): DiffIndex {
  let index = indexes.get(file)
  if (!index) {
    index = indexDiff(file.patch, headText(file))
    indexes.set(file, index)
  }
  return index
}

/**
 * Where a finding goes on its file, or the reason it cannot be placed. `given`: the anchor was not
 * moved by the quote; `partial`: it is only the first line of the range that is in the diff.
 */
type Anchor = { anchor: number; given: boolean; partial: boolean } | string

function anchorOf(finding: Finding, path: string, index: DiffIndex, span: number): Anchor {
  const { line } = finding
  const inDiff = index.lines.has(line)
  const quote = quoteOf(finding.quote)
  if (quote.keys.length > 0) {
    const found = locate(index, line, quote)
    if ('line' in found) return { anchor: found.line, given: found.given, partial: false }
    const where = inDiff
      ? `line ${line} of ${path} does not contain the quoted text`
      : `line ${line} of ${path} is not in the diff`
    if (found.missing === 'unchanged')
      return `line ${found.at} of ${path} holds the quoted text but is not in the diff, and GitHub takes comments only on lines of the diff`
    return found.missing === 'ambiguous'
      ? `${where}, and the quote matches ${found.lines.length} lines near it (${found.lines.join(', ')}): not guessing which`
      : `${where}, and the quote is not found in its hunk or within ${NEAR} lines of it`
  }
  if (inDiff) return { anchor: line, given: true, partial: false }
  const first = span > 0 ? firstInDiff(index, line, line + span) : undefined
  if (first === undefined) {
    return span > 0
      ? `lines ${line}–${line + span} of ${path} are not in the diff`
      : `line ${line} of ${path} is not in the diff`
  }
  // The anchor is merely the first line of the range that is in the diff (not moved by a quote).
  return { anchor: first, given: true, partial: true }
}

/** A placed comment, or the reason it cannot be placed. */
function placeOne(
  finding: Finding,
  file: PrFile,
  indexes: Map<PrFile, DiffIndex>,
  headText: (file: PrFile) => string | undefined
): PlacedComment | string {
  const path = file.filename
  if (file.status === 'removed') return `${path} is deleted in this pull request`
  if (!file.patch) {
    return `${path} has no diff to comment on (binary, too large for GitHub to show, or renamed without changes)`
  }
  const index = indexFor(file as PrFile & { patch: string }, indexes, headText)
  const { line } = finding
  const span =
    finding.end_line !== undefined && finding.end_line > line ? finding.end_line - line : 0
  const at = anchorOf(finding, path, index, span)
  if (typeof at === 'string') return at

  const fp = fingerprint({ ...finding, path })
  const start = at.anchor
  const end = at.anchor + span
  const oneHunk =
    !at.partial &&
    index.lines.has(end) &&
    index.lines.get(start)?.hunk === index.lines.get(end)?.hunk
  const base = { path, side: 'RIGHT' as const, finding, fingerprint: fp }
  // A one-click suggestion replaces exactly the lines commented on: only when they are the lines
  // the model named (a moved finding's suggestion was written for lines it may have miscounted).
  const loose = looseSuggestion(finding, at.anchor, span, at.given, oneHunk)
  const suggestion = loose ?? { attach: true as const }

  if (span > 0 && oneHunk) {
    return {
      ...base,
      start_line: start,
      start_side: 'RIGHT',
      line: end,
      body: commentBody(finding, fp, suggestion)
    }
  }
  return { ...base, line: start, body: commentBody(finding, fp, suggestion) }
}

/** Why the suggestion cannot be a one-click suggestion, or undefined when it can. */
function looseSuggestion(
  finding: Finding,
  anchor: number,
  span: number,
  given: boolean,
  oneHunk: boolean
): ({ attach: false } & LooseSuggestion) | undefined {
  if (!given) {
    return {
      attach: false,
      from: anchor,
      to: anchor + span,
      why: `the quoted text is on line ${anchor}, not on line ${finding.line} as given`
    }
  }
  if (span > 0 && !oneHunk) {
    return {
      attach: false,
      from: finding.line,
      to: finding.line + span,
      why: 'those lines are not all in one hunk of the diff'
    }
  }
  // Without a quote, only the model's number says which lines the code replaces: not enough to
  // let one click overwrite them.
  const quoted = quoteOf(finding.quote).keys.length
  if (quoted === 0) {
    const which = span === 0 ? 'that line' : 'those lines'
    return { attach: false, from: anchor, to: anchor + span, why: `no quote confirms ${which}` }
  }
  // A quote longer than the comment: the code was likely written for the quoted lines, and one
  // click would replace fewer of them (leaving the rest twice).
  if (quoted > span + 1) {
    const to = anchor + quoted - 1
    return {
      attach: false,
      from: anchor,
      to,
      why: `the quote spans lines ${anchor}–${to}, more than the comment covers`
    }
  }
  return undefined
}

/** The first new-side line of the diff from `from` to `to` (the range may be absurdly long). */
function firstInDiff(index: DiffIndex, from: number, to: number): number | undefined {
  let first: number | undefined
  for (const n of index.lines.keys()) {
    if (n >= from && n <= to && (first === undefined || n < first)) first = n
  }
  return first
}
