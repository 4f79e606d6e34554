/**
 * Finds the line a finding's quote names, near the line the model gave. A comment on the wrong line
 * is worse than one in the summary, so the search is narrow and never guesses: only the hunk holding
 * the line (bounded, a bundled file is one hunk) and 10 lines either side; whole lines before
 * fragments, fragments only for quotes long enough to mean something, and two equally good places
 * are no answer at all.
 */
import parseDiff from 'parse-diff'

/** One line of a hunk; `text` is without the `+`/`-`/space prefix. */
export interface DiffLine {
  type: 'add' | 'del' | 'context'
  oldLine?: number
  newLine?: number
  text: string
}

/** One hunk of a patch. */
export interface Hunk {
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

/** How far from the given line a quote is looked for, outside the hunk holding the line. */
export const NEAR = 10
/** How far the hunk holding the line is searched (a bundled or generated file is one hunk). */
const HUNK_REACH = 100
/** Quotes shorter than this (non-space characters) must match a whole line. */
const MIN_FRAGMENT = 8

/** A new-side line: its text, the text as compared (no whitespace), its hunk. */
interface IndexedLine {
  text: string
  key: string
  hunk: number
}

/** A file's diff, indexed once for all the findings on it. */
export interface DiffIndex {
  lines: Map<number, IndexedLine>
  /** New-side range of each hunk (inclusive). */
  hunks: { newFrom: number; newTo: number }[]
  /** Old-side line → the new-side line it became (a deleted line: the new line in its place). */
  oldToNew: Map<number, number>
}

/** Code compared as the eye sees it: `a=b` is `a = b`, composed and decomposed accents alike. */
export const keyOf = (s: string): string => s.normalize('NFC').replace(/\s+/g, '')

/** Indexes a patch's new side. */
export function indexDiff(patch: string): DiffIndex {
  const lines = new Map<number, IndexedLine>()
  const oldToNew = new Map<number, number>()
  const hunks = hunksOf(patch).map((h, i) => {
    let next = h.newStart
    for (const l of h.lines) {
      if (l.newLine !== undefined) {
        lines.set(l.newLine, { text: l.text, key: keyOf(l.text), hunk: i })
        next = l.newLine + 1
      }
      if (l.oldLine !== undefined) oldToNew.set(l.oldLine, l.newLine ?? next)
    }
    return { newFrom: h.newStart, newTo: h.newStart + h.newLines - 1 }
  })
  return { lines, hunks, oldToNew }
}

/** Where a quote was found: on the given line, moved to another, or why not. */
export type Located =
  | { line: number; given: boolean }
  | { missing: 'absent' }
  | { missing: 'ambiguous'; lines: number[] }

/** The quote's lines as compared, without blank lines at either end; empty for no quote. */
export function quoteKeys(quote: string | undefined): string[] {
  const keys = (quote ?? '').split(/\r?\n/).map(keyOf)
  while (keys.length > 0 && keys[0] === '') keys.shift()
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop()
  return keys
}

type Mode = 'whole' | 'fragment'

/** Whether the quote starts at `at`, each of its lines equal to (or, as a fragment, inside) a line. */
function matchesAt(index: DiffIndex, at: number, quote: string[], mode: Mode): boolean {
  return quote.every((q, i) => {
    const line = index.lines.get(at + i)
    if (line === undefined) return false
    return mode === 'whole' ? line.key === q : line.key.includes(q)
  })
}

/**
 * The lines a quote may move to, nearest tier first: within {@link NEAR} of `line` (and of the
 * new-side line an old-side `line` became: models also count the old side); then the hunk holding
 * `line`, at most {@link HUNK_REACH} lines either way (a bundled or generated file is one hunk).
 */
function reach(index: DiffIndex, line: number): number[][] {
  const tier = (ranges: [number, number][]): number[] => {
    const seen = new Set<number>()
    for (const [from, to] of ranges)
      for (let n = Math.max(1, from); n <= to; n++) if (index.lines.has(n)) seen.add(n)
    return [...seen].sort((a, b) => a - b)
  }
  const near: [number, number][] = [[line - NEAR, line + NEAR]]
  const moved = index.oldToNew.get(line)
  if (moved !== undefined) near.push([moved - NEAR, moved + NEAR])
  const hunk = index.hunks.find(h => line >= h.newFrom && line <= h.newTo)
  const far: [number, number][] = hunk
    ? [[Math.max(hunk.newFrom, line - HUNK_REACH), Math.min(hunk.newTo, line + HUNK_REACH)]]
    : []
  return [tier(near), tier(far)]
}

/** The quote, and the quote without a `+` the model copied from the diff, when that differs. */
function variants(quote: string[]): string[][] {
  const stripped = quote.map(q => q.replace(/^\+/, ''))
  return stripped.some((s, i) => s !== quote[i]) ? [quote, stripped] : [quote]
}

const nonSpace = (quote: string[]): number => quote.reduce((n, q) => n + q.length, 0)

/**
 * Finds the line a quote (see {@link quoteKeys}) names near `line`: the given line when the quote
 * matches there; otherwise the one place that matches best: whole lines before fragments, the
 * 10-line window before the rest of the hunk. Two places equally good are no answer. Quotes under
 * 8 non-space characters (`)`, `}`, `#`: on too many lines to say which one was meant) never match
 * as fragments, and move only from a line in the diff to a whole line within the window.
 */
export function locate(index: DiffIndex, line: number, quote: string[]): Located {
  const forms = variants(quote)
  const long = forms.filter(q => nonSpace(q) >= MIN_FRAGMENT)
  if (forms.some(q => matchesAt(index, line, q, 'whole'))) return { line, given: true }
  const [near, far] = reach(index, line) as [number[], number[]]
  const search = (lines: number[], qs: string[][], mode: Mode): Located | undefined => {
    for (const q of qs) {
      const found = lines.filter(n => matchesAt(index, n, q, mode))
      if (found.length === 1) return { line: found[0] as number, given: false }
      if (found.length > 1) return { missing: 'ambiguous', lines: found }
    }
    return undefined
  }
  // A short line outside the diff (`}`, `else`, `/**`) is likely also on the unchanged lines around
  // it: moving it into the diff would be a guess.
  const short = index.lines.has(line) ? forms : long
  const whole = search(near, short, 'whole') ?? search(far, long, 'whole')
  if (whole) return whole
  if (long.some(q => matchesAt(index, line, q, 'fragment'))) return { line, given: true }
  if (shortHere(index, line, forms, near)) return { line, given: true }
  return search(near, long, 'fragment') ?? search(far, long, 'fragment') ?? { missing: 'absent' }
}

/**
 * A short quote (`)`, `#`) keeps the finding on the given line only when that line is in the diff,
 * holds the quote, and no other line of the diff within the window does: then the quote cannot
 * have meant another line nearby. Never a move.
 */
function shortHere(index: DiffIndex, line: number, forms: string[][], near: number[]): boolean {
  if (!index.lines.has(line)) return false
  return forms.some(
    q =>
      nonSpace(q) < MIN_FRAGMENT &&
      matchesAt(index, line, q, 'fragment') &&
      !near.some(n => n !== line && matchesAt(index, n, q, 'fragment'))
  )
}
