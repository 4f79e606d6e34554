import { describe, expect, it } from '@jest/globals'
import type { SkippedFile } from '../../../src/jobs/review/files.js'
import { budgetNote, groupSkipped, renderSkipped } from '../../../src/jobs/review/skipped.js'
import { renderSummary } from '../../../src/jobs/review/summary.js'

/** A 3,000-file PR: 200 binaries first in PR order, then 1,224 over the budget, then the rest. */
function bigPr(): SkippedFile[] {
  const out: SkippedFile[] = []
  for (let i = 0; i < 200; i++) out.push({ path: `assets/img${i}.png`, reason: 'binary file' })
  for (let i = 0; i < 1224; i++) {
    out.push({
      path: `src/mod${i}.ts`,
      reason: 'over the diff budget (1,200 tokens)',
      overBudgetTokens: 1200
    })
  }
  for (let i = 0; i < 1300; i++) out.push({ path: `dist/f${i}.js`, reason: 'generated file' })
  out.push({ path: 'package-lock.json', reason: 'lock file' })
  return out
}

describe('skipped files in the summary', () => {
  it('counts by reason, budget drops first, then the most common reasons', () => {
    const groups = groupSkipped(bigPr(), 60_000).map(g => g.label)
    expect(groups).toEqual([
      '1,224 files over diff_budget (60,000 tokens)',
      '1,300 files — generated file',
      '200 files — binary file',
      '1 file — lock file'
    ])
  })

  it('lists at most 30 names per reason and says how many more', () => {
    const text = renderSkipped(bigPr(), 60_000, Infinity) ?? ''
    expect(text).toContain('<summary>2,725 files not reviewed</summary>')
    expect(text).toContain(
      '- **1,224 files over diff_budget (60,000 tokens)**: `src/mod0.ts`, `src/mod1.ts`'
    )
    expect(text).toContain('`src/mod29.ts`, … and 1,194 more')
    expect(text).not.toContain('src/mod30.ts')
    expect(text).toContain('- **1 file — lock file**: `package-lock.json`')
    // Counts only when the comment is short of room.
    expect(renderSkipped(bigPr(), 60_000, 0)).toContain('- **200 files — binary file**\n')
  })

  it('the summary says "budget" up front, with the fix', () => {
    const text = renderSummary({
      headSha: '3f2c1a9e'.padEnd(40, '0'),
      review: { summary: 'ok', findings: [] },
      inline: [],
      unplaced: [],
      collapsed: [],
      skippedFiles: bigPr(),
      diffBudget: 60_000
    })
    const warn = text.indexOf(
      '> ⚠️ 1,224 files over diff_budget (60,000 tokens) were not reviewed: raise `diff_budget` or narrow `review_paths` to include them.'
    )
    expect(warn).toBeGreaterThan(0)
    expect(warn).toBeLessThan(text.indexOf('not reviewed</summary>'))
    expect(text).not.toContain('… and 2524 more')
  })

  it('no budget drop, no budget note', () => {
    expect(budgetNote([{ path: 'a.png', reason: 'binary file' }], 60_000)).toBeUndefined()
    expect(renderSkipped([], 60_000, Infinity)).toBeUndefined()
  })
})
