/**
 * How triage shows what it decided: log lines and the job summary's markdown. Model text and
 * titles are untrusted: every piece of it passes `oneLine` or `cell` on its way out.
 */
import * as core from '@actions/core'
import { tableCell } from '../../report/markdown.js'
import type { Summary } from '../../report/summary.js'
import { cleanUntrusted } from '../untrusted.js'
import type { Decision } from './decide.js'
import type { Triage } from './schema.js'
import { commandFree } from '../../github/guard.js'

/** What became of the triage comment. */
export type CommentAction = 'created' | 'updated' | 'unchanged' | 'none'

// Model text and titles go into the log and the summary: one line, no hidden characters, no
// markup, so nothing in them can start a workflow command or bend a table.
export function oneLine(text: string, max = 200): string {
  const out = cleanUntrusted(text).replace(/\s+/g, ' ').trim()
  return commandFree(out.length > max ? `${out.slice(0, max - 3).trimEnd()}...` : out)
}

/** A table cell of model or person text: cleaned of hidden characters, then escaped. */
export const cell = (text: string): string => tableCell(cleanUntrusted(text))

const code = (name: string): string => `\`${name.replace(/`/g, "'")}\``
const conf = (n: number): string => n.toFixed(2)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** How far a job over several issues got, for its usage-limit ending. */
export function progressText(done: number, total: number, left: string): string {
  return `after ${done} of ${total} issues; ${left} left`
}

/** Logs what triage adds to one issue, what not and why, and a possible duplicate. */
export function logDecision(
  dryRun: boolean,
  number: number,
  decision: Decision,
  triage: Triage
): void {
  const would = dryRun ? 'Dry run: would add' : 'Adding'
  if (decision.apply.length === 0) {
    core.info(`Triage of #${number}: no label to add.`)
  }
  for (const l of decision.apply) {
    const why = l.reason ? `: ${oneLine(l.reason)}` : ''
    core.info(`Triage of #${number}: ${would} ${l.name} (${conf(l.confidence)})${why}`)
  }
  for (const r of decision.rejected) {
    core.info(
      `Triage of #${number}: not adding ${oneLine(r.name, 80)} (${conf(r.confidence)}): ${r.reason}`
    )
  }
  if (triage.duplicate_of !== undefined && triage.duplicate_of !== number) {
    core.info(
      `Triage of #${number}: the model thinks it may duplicate #${triage.duplicate_of} (mentioned only).`
    )
  }
}

function appliedTable(decision: Decision): string {
  const rows = decision.apply.map(
    l =>
      `| ${code(l.name)} | ${decision.fallbackApplied ? 'fallback' : conf(l.confidence)} | ${l.reason ? cell(l.reason) : ''} |`
  )
  return ['| label | confidence | reason |', '|---|---:|---|', ...rows].join('\n')
}

function rejectedTable(decision: Decision): string {
  const rows = decision.rejected.map(
    r => `| ${cell(r.name)} | ${conf(r.confidence)} | ${cell(r.reason)} |`
  )
  return ['| label | confidence | why not |', '|---|---:|---|', ...rows].join('\n')
}

/** The summary of a one-issue run: what was added (or would be), what not, the comment. */
export function renderIssueSummary(
  summary: Summary,
  dryRun: boolean,
  result: { number: number; decision: Decision; triage: Triage; comment: CommentAction }
): void {
  const { number, decision, triage } = result
  const applied = decision.apply.map(l => l.name)
  summary.heading(`Triage of #${number}`, 3)
  if (dryRun) summary.text('Dry run: these are the decisions; nothing was written.')
  if (applied.length === 0) {
    summary.text(
      decision.rejected.some(r => r.reason === 'already on the issue')
        ? 'No label added: the labels that qualify are already on the issue.'
        : 'No label added: no proposed label qualified.'
    )
  } else {
    summary.text(
      `${dryRun ? 'Would add' : 'Added'} ${plural(applied.length, 'label')}` +
        `${decision.fallbackApplied ? ' (the fallback_label: nothing else qualified)' : ''}:\n\n${appliedTable(decision)}`
    )
  }
  if (decision.rejected.length > 0) {
    summary.details(`Not applied (${decision.rejected.length})`, rejectedTable(decision))
  }
  if (triage.duplicate_of !== undefined && triage.duplicate_of !== number) {
    summary.text(`Possible duplicate of #${triage.duplicate_of} (only mentioned, never acted on).`)
  }
  if (result.comment !== 'none') {
    summary.text(`Triage comment: ${dryRun ? 'would be ' : ''}${result.comment}.`)
  }
}

/** A backfill table row for an issue that was not triaged, and why. */
export const notTriagedRow = (number: number, why: string): string =>
  `| #${number} | not triaged | ${cell(why)} |`

/** A backfill table row for an issue triaged: the labels added (or none) and a note. */
export function decidedRow(number: number, decision: Decision): string {
  const got = decision.apply
    .map(l => `${code(l.name)}${decision.fallbackApplied ? '' : ` (${conf(l.confidence)})`}`)
    .join(', ')
  const note = decision.fallbackApplied
    ? 'fallback_label'
    : decision.apply.length === 0
      ? 'no proposed label qualified'
      : ''
  return `| #${number} | ${got || 'none'} | ${note} |`
}

/** One issue's decision tables for the backfill's details, or undefined when there is nothing. */
export function decisionDetails(number: number, decision: Decision): string | undefined {
  if (decision.apply.length + decision.rejected.length === 0) return undefined
  return (
    `#### #${number}\n\n` +
    (decision.apply.length ? `${appliedTable(decision)}\n\n` : '') +
    (decision.rejected.length ? rejectedTable(decision) : '')
  )
}

/** What a backfill shows in the summary. */
interface BackfillReport {
  dryRun: boolean
  /** backfill_limit as the workflow set it (or its default). */
  limit: number
  done: number
  /** Issues planned for this run. */
  total: number
  /** Issues left for a later run (`at least N` when the count was capped). */
  left: string
  /** Unlabeled open issues found when planned, less the ones done. */
  leftCount: number
  failed: number
  rows: string[]
  decisions: string[]
}

/** The backfill's summary: counts, one row per issue, the decisions per issue. */
export function renderBackfillSummary(summary: Summary, r: BackfillReport): void {
  summary.heading('Triage backfill', 3)
  if (r.dryRun) summary.text('Dry run: these are the decisions; nothing was written.')
  const failures = r.failed ? `, ${r.failed} of them failed` : ''
  summary.text(
    `Worked on ${r.done} of ${r.total} planned issue${r.total === 1 ? '' : 's'} (open, unlabeled, oldest ` +
      `first; backfill_limit ${r.limit})${failures}; ${r.left} ` +
      `unlabeled open issue${r.leftCount === 1 ? '' : 's'} left for a later run.`
  )
  if (r.rows.length > 0) {
    summary.text(['| issue | labels | note |', '|---|---|---|', ...r.rows].join('\n'))
  }
  if (r.decisions.length > 0) summary.details('Decisions per issue', r.decisions.join('\n\n'))
}
