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
/** How far a model's line number is off when it is off (issue 12: "line off by 1–5"). */
const OFF_BY = 5
/** How much nearer than every other equal match the nearest must be to be taken. */
const CLEARLY_NEARER = 4

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
  /** Every line of the file is in the diff (a new file): no unchanged line lies outside it. */
  complete: boolean
  /** The file's lines at the head commit (as compared, and as written), when they were read. */
  head?: { keys: string[]; texts: string[] }
}

/** Code compared as the eye sees it: `a=b` is `a = b`, composed and decomposed accents alike. */
const keyOf = (s: string): string => s.normalize('NFC').replace(/\s+/g, '')

/**
 * Indexes a patch's new side, and the file's text at the head commit when given (it tells a line
 * outside the diff that holds the quote from a line number that is off).
 */
export function indexDiff(patch: string, headText?: string): DiffIndex {
  const lines = new Map<number, IndexedLine>()
  const oldToNew = new Map<number, number>()
  const parsed = hunksOf(patch)
  const hunks = parsed.map((h, i) => {
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
  const first = parsed[0]
  const complete = parsed.length === 1 && first?.oldStart === 0 && first.oldLines === 0
  const index: DiffIndex = { lines, hunks, oldToNew, complete }
  if (headText !== undefined) {
    const texts = headText.split(/\r?\n/).map(t => t.trimEnd())
    index.head = { keys: texts.map(keyOf), texts }
  }
  return index
}

/** Where a quote was found: on the given line, moved to another, or why not. */
export type Located =
  | { line: number; given: boolean }
  | { missing: 'absent' }
  | { missing: 'ambiguous'; lines: number[] }
  /** A line outside the diff (`at`) holds the quote: the model meant an unchanged line. */
  | { missing: 'unchanged'; at: number }

/**
 * A quote's lines, without blank lines at either end: `keys` as compared (no whitespace), `texts`
 * as written (indentation kept, the end trimmed), to tell apart lines that differ only in it.
 */
export interface Quote {
  keys: string[]
  texts: string[]
}

/** The quote as {@link locate} compares it; no lines for no quote. */
export function quoteOf(quote: string | undefined): Quote {
  const texts = (quote ?? '').split(/\r?\n/).map(t => t.trimEnd())
  while (texts.length > 0 && keyOf(texts[0] as string) === '') texts.shift()
  while (texts.length > 0 && keyOf(texts[texts.length - 1] as string) === '') texts.pop()
  return { keys: texts.map(keyOf), texts }
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

/** The same as {@link matchesAt} on the file's text at the head, in or out of the diff. */
function headMatchesAt(index: DiffIndex, at: number, quote: string[], mode: Mode): boolean {
  const keys = index.head?.keys
  return (
    keys !== undefined &&
    quote.every((q, i) => {
      const key = keys[at - 1 + i]
      return key !== undefined && (mode === 'whole' ? key === q : key.includes(q))
    })
  )
}

/** Whether the lines from `at` are the quote as written, indentation included. */
function verbatimAt(index: DiffIndex, at: number, texts: string[]): boolean {
  return texts.every(
    (t, i) => (index.lines.get(at + i)?.text.trimEnd() ?? index.head?.texts[at - 1 + i]) === t
  )
}

/**
 * Lines outside the diff within `reach` of any of `from` whose head text holds the quote: places
 * the model may have meant as much as one in the diff (none when the head text was not read).
 */
function unchangedTwins(
  index: DiffIndex,
  from: number[],
  reach: number,
  quote: string[],
  mode: Mode
): number[] {
  if (!index.head) return []
  const out = new Set<number>()
  for (const line of from) {
    for (let n = Math.max(1, line - reach); n <= line + reach; n++) {
      if (!index.lines.has(n) && headMatchesAt(index, n, quote, mode)) out.add(n)
    }
  }
  return [...out]
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

/** A quote's forms: as given, and without a `+` the model copied from the diff when that differs. */
function variants(quote: Quote): Quote[] {
  const plus = /^\+/
  if (!quote.keys.some(k => plus.test(k))) return [quote]
  const strip = (xs: string[]): string[] => xs.map(x => x.replace(plus, ''))
  // The `+` is the diff's first column: the text after it keeps its indentation.
  return [quote, { keys: strip(quote.keys), texts: quote.texts.map(t => t.replace(/^\s*\+/, '')) }]
}

const nonSpace = (quote: Quote): number => quote.keys.reduce((n, q) => n + q.length, 0)

/**
 * Of several lines that match equally, the one to take, if any. An indented quote that only one
 * of them within {@link NEAR} matches as written (indentation included) names that one: a trimmed
 * quote says nothing about indentation. Otherwise the one clearly nearest the given line: within
 * {@link OFF_BY} of it, and every other at least {@link CLEARLY_NEARER} lines further away, read
 * as the new-side number the model was shown; when the number read as an old-side one would pick
 * another line, none is taken.
 */
function preferred(
  index: DiffIndex,
  line: number,
  found: number[],
  quote: Quote
): number | undefined {
  const readings = readingsOf(index, line)
  let pool = found
  if (/^\s/.test(quote.texts[0] ?? '')) {
    const verbatim = found.filter(
      n => readings.some(r => Math.abs(n - r) <= NEAR) && verbatimAt(index, n, quote.texts)
    )
    if (verbatim.length === 1) return verbatim[0]
    if (verbatim.length > 1) pool = verbatim
  }
  // The new-side reading (the numbers the model was shown) picks; the old-side one can only veto.
  const [, moved] = readings
  const pick = clearlyNearest(pool, line)
  const other = moved === undefined ? undefined : clearlyNearest(pool, moved)
  return other === undefined || other === pick ? pick : undefined
}

/**
 * The lines a given number may mean: itself, and the new-side line it became when it is read as
 * an old-side number (models count that side too) and that differs.
 */
function readingsOf(index: DiffIndex, line: number): number[] {
  const moved = index.oldToNew.get(line)
  return moved === undefined || moved === line ? [line] : [line, moved]
}

/** The one of `pool` within {@link OFF_BY} of `from` with every other {@link CLEARLY_NEARER} further. */
function clearlyNearest(pool: number[], from: number): number | undefined {
  const away = (n: number): number => Math.abs(n - from)
  const [first, second] = [...pool].sort((a, b) => away(a) - away(b))
  if (first === undefined || second === undefined) return first
  return away(first) <= OFF_BY && away(second) - away(first) >= CLEARLY_NEARER ? first : undefined
}

/**
 * Finds the line a quote (see {@link quoteOf}) names near `line`: the given line when the quote is
 * that whole line; otherwise the one place that matches best: whole lines before fragments, the
 * 10-line window before the rest of the hunk, and among equal matches the one matching as written
 * or clearly nearest (see {@link preferred}). With the file's head text, unchanged lines holding
 * the quote compete as well, and a finding they win is about an unchanged line ('unchanged').
 * A pick with a rival nearly as near (see {@link rivalsOf}) is no answer either. Quotes under 8
 * non-space characters (`)`, `}`, `#`: on too many lines to say which one was meant) never match
 * as fragments, not even on the given line, and move only to a whole line within the window from
 * a line in the diff or past the end of a new file.
 */
export function locate(index: DiffIndex, line: number, quote: Quote): Located {
  const forms = variants(quote)
  const long = forms.filter(q => nonSpace(q) >= MIN_FRAGMENT)
  if (forms.some(q => matchesAt(index, line, q.keys, 'whole'))) return { line, given: true }
  if (!index.lines.has(line)) {
    const held =
      forms.some(q => headMatchesAt(index, line, q.keys, 'whole')) ||
      long.some(q => headMatchesAt(index, line, q.keys, 'fragment'))
    if (held) return { missing: 'unchanged', at: line }
  }
  const readings = readingsOf(index, line)
  const [near, far] = reach(index, line) as [number[], number[]]
  const search = (lines: number[], qs: Quote[], mode: Mode): Located | undefined => {
    for (const q of qs) {
      const found = lines.filter(n => matchesAt(index, n, q.keys, mode))
      // With the head text, unchanged lines near the given one that hold the quote compete.
      const twins = unchangedTwins(index, readings, NEAR, q.keys, mode)
      const all = [...new Set([...found, ...twins])].sort((a, b) => a - b)
      if (all.length === 0) continue
      const best = all.length === 1 ? all[0] : preferred(index, line, all, q)
      if (best === undefined) return { missing: 'ambiguous', lines: all }
      // Another place, in the diff or not, nearly as near as the pick: no answer after all.
      const rivals = rivalsOf(index, line, best, q.keys, mode).filter(n => !all.includes(n))
      if (rivals.length > 0) {
        return { missing: 'ambiguous', lines: [...all, ...rivals].sort((a, b) => a - b) }
      }
      return index.lines.has(best)
        ? { line: best, given: false }
        : { missing: 'unchanged', at: best }
    }
    return undefined
  }
  // A short line outside the diff (`}`, `else`, `/**`) is likely also on the unchanged lines around
  // it: moving it into the diff would be a guess. A new file has no unchanged lines.
  const short = index.lines.has(line) || index.complete ? forms : long
  const nearWhole = search(near, short, 'whole')
  if (nearWhole) return nearWhole
  // The given line holding a long quote as part of it beats a whole line further away.
  if (long.some(q => matchesAt(index, line, q.keys, 'fragment'))) return { line, given: true }
  return (
    search(far, long, 'whole') ??
    search(near, long, 'fragment') ??
    search(far, long, 'fragment') ?? { missing: 'absent' }
  )
}

/**
 * Lines other than `pick` that hold the quote (in the diff, or at the head outside it) and are
 * less than {@link CLEARLY_NEARER} lines further from the given line than the pick: a rival the
 * search window left out (just past it, or an unchanged line) makes the pick a guess.
 */
function rivalsOf(
  index: DiffIndex,
  line: number,
  pick: number,
  quote: string[],
  mode: Mode
): number[] {
  const within = Math.abs(pick - line) + CLEARLY_NEARER - 1
  const out: number[] = []
  for (let n = Math.max(1, line - within); n <= line + within; n++) {
    if (n === pick) continue
    if (
      index.lines.has(n) ? matchesAt(index, n, quote, mode) : headMatchesAt(index, n, quote, mode)
    )
      out.push(n)
  }
  return out
}
