/**
 * What every job gets: the inputs, the event, the loaded login, where to report. A job is logic
 * over these small pieces, so tests can hand it plain objects.
 */
import type { LoadedAuth } from '../auth/load.js'
import type { EventInfo } from '../event.js'
import type { DescribedWrite, GitHubApi } from '../github/api.js'
import type { Inputs } from '../inputs.js'
import type { Outputs } from '../report/outputs.js'
import type { Summary } from '../report/summary.js'
import type { ClaudeRunner } from '../claude/runner.js'

export type { EventInfo }

/** What a job may look at before any login is loaded: enough to decide a skip. */
export interface PreContext {
  /**
   * The inputs, with `prompt` read once by main: the `prompt` input, or `prompt_file`'s contents
   * (the task in prompt mode, extra instructions in review and triage).
   */
  inputs: Inputs
  event: EventInfo
  /** Reads from GitHub; with dry_run, writes are only described (see `dryRunWrites`). */
  github: GitHubApi
  /** Writes dry_run described instead of making, to print at the end. */
  dryRunWrites: DescribedWrite[]
  summary: Summary
  outputs: Outputs
  now: () => number
}

/**
 * What a job's preparation decided, before any login is loaded: skip (nothing written, no model
 * called), or the rest of the job to run once the login and the CLI are ready.
 */
export type Prepared =
  | { skip: string }
  | {
      run: (ctx: JobContext) => Promise<JobResult>
      /** The pull request or issue the job works on: deferred under `on_usage_limit: defer`. */
      item?: WorkItem
    }

/** A pull request or an issue a job works on. */
export interface WorkItem {
  kind: 'pull' | 'issue'
  number: number
}

/** Why a job stopped at the subscription's usage (the limit, or `usage_ceiling`). */
export interface UsageStop {
  /** When the window resets (epoch ms), when it was reported. */
  resetsAt?: number
}

export interface JobContext extends PreContext {
  auth: LoadedAuth
  /** Runs the CLI with the restored login. */
  claude: ClaudeRunner
}

/** A job's end: the step fails only through `failure`. */
export type JobResult =
  | { conclusion: 'success' }
  | { conclusion: 'skipped'; reason: string; usageLimit?: UsageStop }
  | { conclusion: 'failure'; message: string; auth?: boolean }
