/**
 * What every job gets: the inputs, the event, the loaded login, where to report. A job is logic
 * over these small pieces, so tests can hand it plain objects.
 */
import type { LoadedAuth } from '../auth/load.js'
import type { Inputs } from '../inputs.js'
import type { Outputs } from '../report/outputs.js'
import type { Summary } from '../report/summary.js'
import type { ClaudeRunner } from './claude-runner.js'

/** The workflow event, as far as the jobs need it. */
export interface EventInfo {
  name: string
  payload: Record<string, unknown>
  owner: string
  repo: string
}

export interface JobContext {
  inputs: Inputs
  event: EventInfo
  auth: LoadedAuth
  outputs: Outputs
  summary: Summary
  /** Runs the CLI with the restored login; undefined in modes that never call it. */
  claude: ClaudeRunner
  now: () => number
}

/** A job's end: the step fails only through `failure`. */
export type JobResult =
  | { conclusion: 'success' }
  | { conclusion: 'skipped'; reason: string }
  | { conclusion: 'failure'; message: string; auth?: boolean }
