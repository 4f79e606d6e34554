/** What every mode that ran the CLI shows: outputs and a summary table of the run. */
import { formatSpan, timeLeft } from '../time.js'
import type { ClaudeRun } from '../claude/runner.js'
import { sumTokens } from '../claude/usage.js'
import { setUsageOutputs, tokensSentence, usageSentence } from '../report/usage.js'
import type { JobContext } from './context.js'

/** Sets the run outputs and adds the run table to the summary. */
export function reportRun(ctx: JobContext, run: ClaudeRun, mode: string): void {
  ctx.outputs.set('session_id', run.sessionId ?? '')
  ctx.outputs.set('turns', run.turns ?? '')
  ctx.outputs.set('cost_usd', run.costUsd ?? '')
  ctx.outputs.set('duration_ms', run.durationMs)
  setUsageOutputs(ctx.outputs, run.usage, run.tokens)
  const a = ctx.auth.assessment
  const now = ctx.now()
  ctx.summary.table(
    [
      ['Mode', mode],
      ['Model', run.model ?? 'default'],
      ['Outcome', run.outcome.kind],
      ['Turns', String(run.turns ?? '?')],
      ['Duration', formatSpan(run.durationMs)],
      [
        'API-equivalent cost',
        run.costUsd === undefined
          ? 'unknown'
          : `$${run.costUsd.toFixed(4)}: what this run would have cost on pay-per-token pricing, covered by your subscription`
      ],
      ['Tokens', tokensSentence(run.tokens) ?? 'not reported'],
      ['Subscription usage', usageSentence(run.usage, now) ?? 'not reported'],
      ['Auth', `${a.kind}, ${a.status}`],
      ['Access token left', a.expiresAt === undefined ? 'n/a' : timeLeft(a.expiresAt, now)]
    ],
    ['Claude Code run', '']
  )
}

/** Several CLI runs' numbers summed into one, for one run report; undefined when there was none. */
export function sumRuns(runs: readonly ClaudeRun[]): ClaudeRun | undefined {
  const last = runs[runs.length - 1]
  if (!last) return undefined
  const costs = runs.map(r => r.costUsd).filter((c): c is number => c !== undefined)
  const turns = runs.map(r => r.turns).filter((t): t is number => t !== undefined)
  return {
    ...last,
    turns: turns.length ? turns.reduce((a, b) => a + b, 0) : undefined,
    costUsd: costs.length ? costs.reduce((a, b) => a + b, 0) : undefined,
    durationMs: runs.reduce((a, r) => a + r.durationMs, 0),
    // The allowance is shared: the latest report is the current one.
    usage: runs
      .map(r => r.usage)
      .filter(u => u !== undefined)
      .pop(),
    tokens: sumTokens(runs.map(r => r.tokens))
  }
}
