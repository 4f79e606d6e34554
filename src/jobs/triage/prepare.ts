/**
 * `mode: triage`: which run this is (one issue, a backfill of unlabeled issues, or a backtest),
 * decided before any login is loaded. The model only proposes labels through the triage schema;
 * every rule is applied in code (decide.ts), and every write to GitHub is made in issue.ts.
 */
import * as core from '@actions/core'
import { InputError } from '../../errors.js'
import type { Issue } from '../../github/api.js'
import type { JobContext, JobResult, PreContext, Prepared, WorkItem } from '../context.js'
import { readPrompt } from '../prompt.js'
import { backfillJob, DEFAULT_BACKFILL_LIMIT, planBackfill } from './backfill.js'
import { backtestJob } from './backtest.js'
import { singleJob } from './issue.js'
import { triageSettings, type TriageSettings } from './settings.js'

/** The `issues` actions that are triaged; any other action is a skip. */
const TRIAGE_ACTIONS = ['opened', 'edited', 'reopened'] as const

type Go = (job: (ctx: JobContext) => Promise<JobResult>, item?: WorkItem) => Prepared

/**
 * Decides which triage run this is, before any login is loaded: one issue (an `issues` event, or
 * `issue_number`), a backtest (`backtest` > 0), or a backfill (`schedule`/`workflow_dispatch`
 * without an issue). Only reads from GitHub; a skip calls no model and writes nothing.
 */
export async function prepareTriage(pre: PreContext): Promise<Prepared> {
  const { inputs, event } = pre
  // Read (and checked) now, so a bad prompt_file or claude_args fails before the login is touched.
  const instructions = await readPrompt(inputs)
  const { settings, dropped } = triageSettings(inputs, instructions)
  // The warning about dropped claude_args comes once the job really runs (a skip stays quiet).
  const go: Go = (job, item) => ({
    ...(item ? { item } : {}),
    run: ctx => {
      if (dropped.length > 0) {
        core.warning(
          `claude_args: dropped ${dropped.map(d => `"${d}"`).join(', ')}: triage gives the model no ` +
            'tools and loads no configuration from the workspace, so these flags cannot apply.'
        )
      }
      return job(ctx)
    }
  })

  if (inputs.backtest > 0) {
    return go(ctx => backtestJob(ctx, settings, inputs.backtest))
  }
  if (event.name === 'issues') return fromIssuesEvent(pre, settings, go)
  if (inputs.issue_number !== undefined) {
    return fromIssueNumber(pre, settings, go, inputs.issue_number)
  }
  if (event.name === 'schedule' || event.name === 'workflow_dispatch') {
    const plan = await planBackfill(pre.github, inputs.backfill_limit ?? DEFAULT_BACKFILL_LIMIT)
    return 'skip' in plan ? plan : go(ctx => backfillJob(ctx, settings, plan))
  }

  return {
    skip:
      `mode triage has nothing to do on a "${event.name}" event: it labels the issue of an ` +
      'issues event, the issue given as issue_number, or unlabeled open issues on schedule and ' +
      'workflow_dispatch'
  }
}

/** An `issues` event: its issue, when the action is one triage handles and it is no PR. */
function fromIssuesEvent(pre: PreContext, settings: TriageSettings, go: Go): Prepared {
  const { payload } = pre.event
  const action = typeof payload.action === 'string' ? payload.action : ''
  if (!(TRIAGE_ACTIONS as readonly string[]).includes(action)) {
    return {
      skip: `issues event action "${action}" is not triaged: only ${TRIAGE_ACTIONS.join(', ')} are`
    }
  }
  const issue = payload.issue as { number?: unknown; pull_request?: unknown } | null | undefined
  if (!issue || typeof issue.number !== 'number') {
    return { skip: 'the issues event carries no issue number' }
  }
  if (issue.pull_request !== undefined && issue.pull_request !== null) {
    return { skip: `#${issue.number} is a pull request: triage labels issues only` }
  }
  const number = issue.number
  return go(ctx => singleJob(ctx, settings, number), { kind: 'issue', number })
}

/** `issue_number`: that issue, which must exist and be no pull request. */
async function fromIssueNumber(
  pre: PreContext,
  settings: TriageSettings,
  go: Go,
  number: number
): Promise<Prepared> {
  let issue: Issue
  try {
    issue = await pre.github.getIssue(number)
  } catch (err) {
    if ((err as { status?: number }).status === 404) {
      throw new InputError(
        `issue_number ${number} is not an issue in ${pre.event.owner}/${pre.event.repo} (GitHub answered 404): give the number of an existing issue.`
      )
    }
    throw err
  }
  if (issue.isPullRequest) {
    return { skip: `#${number} is a pull request: triage labels issues only` }
  }
  return go(ctx => singleJob(ctx, settings, number), { kind: 'issue', number })
}
