/**
 * What every job gets: the inputs, the event, the loaded login, where to report. A job is logic
 * over these small pieces, so tests can hand it plain objects.
 */
import type { LoadedAuth } from '../auth/load.js'
import type { EventInfo } from '../event.js'
import type { DescribedWrite, GitHubApi } from '../github/api.js'
import type { Inputs, Permission } from '../inputs.js'
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
  /** What a deferral queues on it; without it, the item's own job (`auto`). */
  queue?: Queued
}

/** What a deferred item waits for: its job, and the questions asked on it (commands). */
export interface Queued {
  /**
   * `auto`: the item's own job (a review as a push gets it, or triage); `review` and
   * `full-review`: a review a command asked for (drafts and paused pull requests too); `none`:
   * only the questions.
   */
  job: 'auto' | 'review' | 'full-review' | 'none'
  questions: QueuedQuestion[]
  /**
   * Pickups whose work failed for another reason than the usage or the login (a write GitHub
   * refused, the network): the label goes back once, so a second failure drops the item.
   */
  attempts?: number
}

/** A question the usage stopped: which comment asked it, never its text. */
export interface QueuedQuestion {
  /** An issue (or pull request conversation) comment, or a review comment. */
  kind: 'issue' | 'review'
  id: number
  /** The comment's `updated_at` when it was asked: an edit since drops the question. */
  updatedAt: string
  /** `command_permission` when it was asked: its author must still have it. */
  permission: Permission
  /** The length of the trigger phrase the comment starts with. */
  trigger: number
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
  | {
      conclusion: 'skipped'
      reason: string
      usageLimit?: UsageStop
      /** Deferred (`on_usage_limit: defer`): until when, and what stopped it. */
      deferred?: { until: number; why: string }
    }
  | { conclusion: 'failure'; message: string; auth?: boolean }
