/**
 * The small interface jobs use to run the CLI: a prompt and options in, a classified outcome and
 * the telemetry out. The real one wraps install/run/classify; tests can pass a fake.
 */
import { readCredentialsState } from '../auth/credentials.js'
import { buildArgs, type ArgOptions } from './args.js'
import { classify, type Outcome } from './classify.js'
import { runClaude, type RunResult } from './run.js'
import type { CliSandbox, JobKind } from './sandbox.js'
import { tokensOf, type Tokens, type UsageState } from './usage.js'

/** One run's telemetry and outcome. */
export interface ClaudeRun {
  outcome: Outcome
  raw: RunResult
  result: string
  structured?: unknown
  // The CLI may not report these: undefined means "not reported".
  sessionId?: string | undefined
  turns?: number | undefined
  costUsd?: number | undefined
  durationMs: number
  model?: string | undefined
  /** The subscription's usage the CLI last reported. */
  usage?: UsageState | undefined
  /** The tokens the run used (the result's `usage`). */
  tokens?: Tokens | undefined
}

export interface ClaudeRunOptions extends Omit<ArgOptions, 'sandbox'> {
  /** Which job runs: decides what the CLI may load and read (see `claude/sandbox.ts`). */
  kind: JobKind
  prompt: string
  label?: string
  timeoutMinutes: number
}

export interface ClaudeRunner {
  run(opts: ClaudeRunOptions): Promise<ClaudeRun>
}

/** The real runner over an installed CLI. */
export function cliRunner(config: {
  claudePath: string
  /** The CLI's environment and its flags per job kind (see `cliSandbox`). */
  sandbox: CliSandbox
  cwd?: string
  /** The restored config dir, checked after each run for a login the CLI wiped. */
  wipeCheckDir?: string
  log?: (line: string) => void
}): ClaudeRunner {
  return {
    async run(opts) {
      const raw = await runClaude({
        claudePath: config.claudePath,
        args: buildArgs({ ...opts, sandbox: config.sandbox.flags(opts.kind) }),
        env: config.sandbox.env,
        prompt: opts.prompt,
        timeoutMs: opts.timeoutMinutes * 60_000,
        ...(config.cwd !== undefined ? { cwd: config.cwd } : {}),
        ...(opts.label !== undefined ? { label: opts.label } : {}),
        ...(config.log ? { log: config.log } : {})
      })
      const wiped = config.wipeCheckDir ? await credentialsWiped(config.wipeCheckDir) : false
      const outcome = classify(raw, {
        timeoutMinutes: opts.timeoutMinutes,
        credentialsWiped: wiped,
        ...(opts.maxTurns !== undefined ? { maxTurns: opts.maxTurns } : {})
      })
      const r = raw.result
      return {
        outcome,
        raw,
        result: r?.result ?? raw.assistantText,
        structured: r?.structured_output,
        sessionId: raw.sessionId,
        turns: r?.num_turns,
        costUsd: r?.total_cost_usd,
        durationMs: r?.duration_ms ?? raw.durationMs,
        model: raw.model ?? opts.model,
        usage: raw.rateLimit,
        tokens: tokensOf(r?.usage)
      }
    }
  }
}

/** The CLI wipes the login when a refresh is refused, and a login gone after the run is one too. */
async function credentialsWiped(configDir: string): Promise<boolean> {
  return (await readCredentialsState(configDir)) !== 'ok'
}
