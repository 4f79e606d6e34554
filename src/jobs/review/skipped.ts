/**
 * The summary's account of files left out of a review: counted by reason, budget drops first (the
 * reason a maintainer can act on), then the built-in skips and `review_paths`, with names capped.
 */
import type { SkippedFile } from './files.js'

/** Names listed per reason at most: the counts say the rest. */
const MAX_NAMES_PER_REASON = 30

/** Skipped files of one reason. */
interface ReasonGroup {
  label: string
  files: SkippedFile[]
}

const count = (n: number): string => n.toLocaleString('en-US')
const files = (n: number): string => `${count(n)} ${n === 1 ? 'file' : 'files'}`

/** `60,000 tokens`: the budget as the summary names it. */
function budgetLabel(budgetTokens: number | undefined): string {
  return budgetTokens !== undefined && budgetTokens > 0 && Number.isFinite(budgetTokens)
    ? ` (${count(budgetTokens)} tokens)`
    : ''
}

/** Groups skipped files by reason: budget drops first, then the others, most files first. */
export function groupSkipped(
  skipped: readonly SkippedFile[],
  budgetTokens?: number
): ReasonGroup[] {
  const budget = skipped.filter(s => s.overBudgetTokens !== undefined)
  const byReason = new Map<string, SkippedFile[]>()
  for (const s of skipped) {
    if (s.overBudgetTokens !== undefined) continue
    byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s])
  }
  const others = [...byReason.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([reason, list]) => ({ label: `${files(list.length)} — ${reason}`, files: list }))
  const first =
    budget.length > 0
      ? [
          {
            label: `${files(budget.length)} over diff_budget${budgetLabel(budgetTokens)}`,
            files: budget
          }
        ]
      : []
  return [...first, ...others]
}

/** The visible note when the budget left files out: it names the input that brings them back. */
export function budgetNote(
  skipped: readonly SkippedFile[],
  budgetTokens?: number
): string | undefined {
  const n = skipped.filter(s => s.overBudgetTokens !== undefined).length
  if (n === 0) return undefined
  return (
    `${files(n)} over diff_budget${budgetLabel(budgetTokens)} ${n === 1 ? 'was' : 'were'} not ` +
    'reviewed: raise `diff_budget` or narrow `review_paths` to include them.'
  )
}

/**
 * The collapsed list of skipped files: one line per reason with its count, and at most
 * `maxNames` names per reason (0 = counts only).
 */
export function renderSkipped(
  skipped: readonly SkippedFile[],
  budgetTokens: number | undefined,
  maxNames: number
): string | undefined {
  if (skipped.length === 0) return undefined
  const cap = Math.min(maxNames, MAX_NAMES_PER_REASON)
  const lines = groupSkipped(skipped, budgetTokens).map(g => {
    const shown = g.files.slice(0, cap).map(s => `\`${s.path}\``)
    if (shown.length === 0) return `- **${g.label}**`
    const more =
      g.files.length > shown.length ? `, … and ${count(g.files.length - shown.length)} more` : ''
    return `- **${g.label}**: ${shown.join(', ')}${more}`
  })
  return `<details>\n<summary>${files(skipped.length)} not reviewed</summary>\n\n${lines.join('\n')}\n\n</details>`
}
