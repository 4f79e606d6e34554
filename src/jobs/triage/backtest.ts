/**
 * Backtest scoring: how the labels triage would apply compare with the labels closed issues ended
 * up with, per label and overall.
 */
import { tableCell } from '../../report/markdown.js'

/** One scored issue: the labels it ended with and the ones triage would have applied. */
export interface BacktestCase {
  issue: number
  truth: readonly string[]
  predicted: readonly string[]
}

/** Counts and ratios for one label; a ratio is null when undefined (0/0). */
export interface LabelScore {
  label: string
  tp: number
  fp: number
  fn: number
  precision: number | null
  recall: number | null
}

/** Per-label scores (sorted by name) and the micro average over all labels. */
export interface BacktestResult {
  /** How many issues were scored. */
  issues: number
  perLabel: LabelScore[]
  micro: { precision: number | null; recall: number | null; tp: number; fp: number; fn: number }
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den)

// Case-insensitive, locale-independent, so the table reads the same on every runner.
function byName(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  if (x !== y) return x < y ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Scores predictions against truth. Names compare case-insensitively (GitHub labels do); each label
 * is shown with its first spelling seen, truth first. precision = tp/(tp+fp), recall = tp/(tp+fn).
 */
export function scoreBacktest(cases: readonly BacktestCase[]): BacktestResult {
  const scores = new Map<string, LabelScore>()
  const entry = (name: string): LabelScore => {
    const k = name.trim().toLowerCase()
    let s = scores.get(k)
    if (!s) {
      s = { label: name.trim(), tp: 0, fp: 0, fn: 0, precision: null, recall: null }
      scores.set(k, s)
    }
    return s
  }
  const uniq = (names: readonly string[]): Map<string, string> =>
    new Map(
      names.filter(n => n.trim() !== '').map(n => [n.trim().toLowerCase(), n] as [string, string])
    )

  for (const c of cases) {
    const truth = uniq(c.truth)
    const predicted = uniq(c.predicted)
    for (const [k, name] of truth) {
      if (predicted.has(k)) entry(name).tp++
      else entry(name).fn++
    }
    for (const [k, name] of predicted) if (!truth.has(k)) entry(name).fp++
  }

  const perLabel = [...scores.values()]
    .map(s => ({ ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) }))
    .sort((a, b) => byName(a.label, b.label))
  const tp = perLabel.reduce((n, s) => n + s.tp, 0)
  const fp = perLabel.reduce((n, s) => n + s.fp, 0)
  const fn = perLabel.reduce((n, s) => n + s.fn, 0)
  return {
    issues: cases.length,
    perLabel,
    micro: { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), tp, fp, fn }
  }
}

/** Options for {@link renderBacktest}. */
export interface RenderBacktestOptions {
  /** Heading; default "Triage backtest". */
  title?: string
  /** A line under the heading, e.g. which issues were scored and with which settings. */
  note?: string
}

const fmt = (n: number | null): string => (n === null ? 'n/a' : n.toFixed(2))

/** Renders a result as a markdown table for the job summary: labels by name, two decimals. */
export function renderBacktest(result: BacktestResult, opts: RenderBacktestOptions = {}): string {
  const lines = [`### ${opts.title ?? 'Triage backtest'}`, '']
  if (opts.note) lines.push(opts.note, '')
  const n = result.issues
  lines.push(
    `Scored ${n} closed issue${n === 1 ? '' : 's'}: the labels triage would add against the ` +
      'labels each issue ended with.',
    ''
  )
  if (result.perLabel.length === 0) {
    lines.push('No labels to score.')
    return `${lines.join('\n')}\n`
  }
  lines.push('| label | tp | fp | fn | precision | recall |', '|---|---:|---:|---:|---:|---:|')
  for (const s of result.perLabel) {
    lines.push(
      `| ${tableCell(s.label)} | ${s.tp} | ${s.fp} | ${s.fn} | ${fmt(s.precision)} | ${fmt(s.recall)} |`
    )
  }
  const m = result.micro
  lines.push(
    `| **all (micro)** | ${m.tp} | ${m.fp} | ${m.fn} | ${fmt(m.precision)} | ${fmt(m.recall)} |`
  )
  return `${lines.join('\n')}\n`
}
