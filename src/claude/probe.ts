/**
 * One tiny live call with the cheapest model: health's live check and the usage ceiling's probe
 * share it, so both cost the same and read the same `rate_limit_event`.
 */
import type { ClaudeRun, ClaudeRunner } from './runner.js'
import type { JobKind } from './sandbox.js'

/** The cheapest model the subscription offers. */
export const PROBE_MODEL = 'claude-haiku-4-5'

/** The probe's whole system prompt: the CLI's default is 28 KB of instructions for tool use. */
const PROBE_SYSTEM = 'Answer in one word.'

/**
 * Runs the probe: a fixed one-word prompt, one turn, no tools, a one-line system prompt (about
 * 2 KB sent instead of 31 KB: a few hundred tokens of the allowance), at most 5 minutes.
 */
export function probe(
  runner: ClaudeRunner,
  opts: { kind: JobKind; label: string; timeoutMinutes: number; model?: string }
): Promise<ClaudeRun> {
  return runner.run({
    kind: opts.kind,
    prompt: 'Reply with the single word: ok',
    label: opts.label,
    model: opts.model || PROBE_MODEL,
    maxTurns: 1,
    tools: [],
    systemPrompt: PROBE_SYSTEM,
    timeoutMinutes: Math.min(opts.timeoutMinutes, 5)
  })
}
