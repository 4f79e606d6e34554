/**
 * The backtest: triage dry-run over closed issues, and its scoring: how the labels triage would
 * apply compare with the labels those issues ended up with, per label and overall. Shared by
 * `backtest` > 0 in the action and `npm run backtest`; it never writes to GitHub.
 */
import * as core from '@actions/core'
import type { Outcome } from '../../claude/classify.js'
import type { GitHubApi, Issue } from '../../github/api.js'
import { tableCell } from '../../report/markdown.js'
import type { ClaudeRun, ClaudeRunner } from '../../claude/runner.js'
import type { JobContext, JobResult } from '../context.js'
import { outcomeResult, usageLimitResult } from '../outcome.js'
import { reportRun, sumRuns } from '../run-report.js'
import { askModel } from './ask.js'
import {
  BACKFILL_COUNT_CAP,
  labelKey,
  loadRepoContext,
  offeredBy,
  type RepoContext
} from './context.js'
import { decideFor } from './decide.js'
import { cell, oneLine, progressText } from './render.js'
import type { TriageSettings } from './settings.js'

/** One scored issue: the labels it ended with and the ones triage would have applied. */
interface BacktestCase {
  issue: number
  truth: readonly string[]
  predicted: readonly string[]
}

/** Counts and ratios for one label; a ratio is null when undefined (0/0). */
interface LabelScore {
  label: string
  tp: number
  fp: number
  fn: number
  precision: number | null
  recall: number | null
}

/** Per-label scores (sorted by name) and the micro average over all labels. */
interface BacktestResult {
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
interface RenderBacktestOptions {
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

/** What {@link runBacktest} needs: shared by the action and `npm run backtest`. */
interface BacktestRunOptions {
  github: GitHubApi
  claude: ClaudeRunner
  /** How many closed labelled issues to score. */
  count: number
  settings: TriageSettings
  /** Progress lines (default: the log). */
  log?: (line: string) => void
  /** A line under the table's heading. */
  note?: string
}

/** A backtest's outcome; nothing was written to GitHub. */
interface BacktestReport {
  result: BacktestResult
  cases: BacktestCase[]
  /** The markdown table (renderBacktest), with notes on what could not be scored. */
  markdown: string
  /** How many closed issues with labels triage could predict were selected. */
  selected: number
  /** Issues that were selected but not scored, and why. */
  unscored: Array<{ issue: number; reason: string }>
  /** Set when a CLI outcome (usage limit, auth) stopped the backtest early. */
  stoppedBy?: Exclude<Outcome, { kind: 'success' }>
  runs: ClaudeRun[]
}

/** The cases, the issues not scored and the runs of a backtest, as the loop leaves them. */
type Scored = Pick<BacktestReport, 'cases' | 'unscored' | 'runs' | 'stoppedBy'>

/**
 * Dry-runs triage over the last `count` closed issues that carry a label triage could have given
 * (exists in the repository, passes labels_allow/labels_deny), and scores what it would have added
 * against those labels. Calls no write method of `github` at all.
 */
export async function runBacktest(opts: BacktestRunOptions): Promise<BacktestReport> {
  const { github, settings, count } = opts
  const repo = await loadRepoContext(github, settings)
  const truthOf = truthFor(settings, repo)
  const closed = await github.listIssues({
    state: 'closed',
    sort: 'updated',
    direction: 'desc',
    limit: Math.min(count * 5 + 20, BACKFILL_COUNT_CAP)
  })
  const selected = closed.filter(i => truthOf(i).length > 0).slice(0, count)
  const scored = await askAll(opts, repo, selected, truthOf)
  const result = scoreBacktest(scored.cases)
  return {
    result,
    cases: scored.cases,
    markdown: backtestMarkdown(opts, result, selected.length, scored),
    selected: selected.length,
    unscored: scored.unscored,
    ...(scored.stoppedBy ? { stoppedBy: scored.stoppedBy } : {}),
    runs: scored.runs
  }
}

/** An issue's labels that triage could have given, in the repository's spelling. */
function truthFor(settings: TriageSettings, repo: RepoContext): (issue: Issue) => string[] {
  const offer = offeredBy(settings)
  const repoSpelling = new Map(repo.repoLabels.map(l => [labelKey(l.name), l.name]))
  return issue =>
    issue.labels
      .filter(n => repoSpelling.has(labelKey(n)) && offer(n))
      .map(n => repoSpelling.get(labelKey(n)) as string)
}

/** Asks the model about each selected issue in turn; a usage limit or auth failure stops it. */
async function askAll(
  opts: BacktestRunOptions,
  repo: RepoContext,
  selected: readonly Issue[],
  truthOf: (issue: Issue) => string[]
): Promise<Scored> {
  const { claude, settings } = opts
  const log = opts.log ?? ((line: string) => core.info(line))
  const out: Scored = { cases: [], unscored: [], runs: [] }
  for (const [i, issue] of selected.entries()) {
    log(`Backtest ${i + 1}/${selected.length}: #${issue.number}`)
    const asked = await askModel(claude, settings, repo, issue)
    out.runs.push(asked.run)
    const outcome = asked.run.outcome
    if (outcome.kind !== 'success') {
      if (outcome.kind === 'usage-limit' || outcome.kind === 'auth') {
        out.stoppedBy = outcome
        for (const rest of selected.slice(i)) {
          out.unscored.push({ issue: rest.number, reason: `not reached: ${outcome.kind}` })
        }
        break
      }
      out.unscored.push({ issue: issue.number, reason: oneLine(outcome.message, 160) })
      continue
    }
    if (!asked.triage) {
      out.unscored.push({ issue: issue.number, reason: oneLine(asked.invalid ?? 'no answer', 160) })
      continue
    }
    // As if the issue were new: nothing on it, nobody removed anything, no fallback.
    const decision = decideFor(settings, repo.repoLabels, asked.triage, [], new Set(), false)
    const predicted = decision.apply.map(l => l.name)
    const truth = truthOf(issue)
    out.cases.push({ issue: issue.number, truth, predicted })
    log(
      `  #${issue.number}: predicted ${predicted.join(', ') || 'nothing'}; humans gave ${truth.join(', ')}`
    )
  }
  return out
}

/** The table, with notes on too few issues, what was not scored and an early stop. */
function backtestMarkdown(
  opts: BacktestRunOptions,
  result: BacktestResult,
  selected: number,
  scored: Scored
): string {
  const { count, settings } = opts
  const parts = [
    renderBacktest(result, {
      note:
        opts.note ??
        `Last ${count} closed issues with a label triage could give; min_confidence ${settings.minConfidence}, max_labels ${settings.maxLabels}.`
    }).trimEnd()
  ]
  if (selected < count) {
    parts.push(
      `Only ${selected} closed issue${selected === 1 ? '' : 's'} with such labels ${selected === 1 ? 'was' : 'were'} found (asked for ${count}).`
    )
  }
  const { unscored, stoppedBy } = scored
  if (unscored.length > 0) {
    parts.push(
      `Not scored (${unscored.length}):\n\n` +
        unscored.map(u => `- #${u.issue}: ${cell(u.reason)}`).join('\n')
    )
  }
  if (stoppedBy) parts.push(`Stopped early: ${cell(stoppedBy.message)}`)
  return `${parts.join('\n\n')}\n`
}

/** The action's backtest job (`backtest` > 0): reads only, writes the table to the summary. */
export async function backtestJob(
  ctx: JobContext,
  settings: TriageSettings,
  count: number
): Promise<JobResult> {
  ctx.outputs.set('labels', '[]')
  // ctx.claude and reads only: a backtest never calls a write method, dry_run or not.
  const report = await runBacktest({ github: ctx.github, claude: ctx.claude, count, settings })
  const summed = sumRuns(report.runs)
  if (summed) reportRun(ctx, summed, `triage (backtest, ${report.runs.length} runs)`)
  ctx.summary.text(report.markdown)
  const m = report.result.micro
  core.info(
    `Triage backtest over ${report.result.issues} issues: precision ${m.precision === null ? 'n/a' : m.precision.toFixed(2)}, recall ${m.recall === null ? 'n/a' : m.recall.toFixed(2)}.`
  )
  const stop = report.stoppedBy
  if (stop?.kind === 'usage-limit') {
    const scored =
      report.cases.length + report.unscored.filter(u => !u.reason.startsWith('not reached')).length
    const left = String(report.selected - scored)
    return usageLimitResult(ctx, stop, progressText(scored, report.selected, left))
  }
  if (stop) return outcomeResult(ctx, stop)
  return { conclusion: 'success' }
}
