/**
 * `mode: triage`: which run this is (one issue, a backfill of unlabeled issues, or a backtest), and
 * the run itself. The model only proposes labels through the triage schema; every rule is applied
 * here, in code (decide.ts), and every write to GitHub is made here.
 */
import * as core from '@actions/core'
import { InputError } from '../../auth/errors.js'
import { readOnlyExtraArgs, splitArgs } from '../../claude/args.js'
import type { Outcome } from '../../claude/classify.js'
import { isOwnComment, type GitHubApi, type Issue, type Label } from '../../github/api.js'
import { logSafe } from '../../github/guard.js'
import type { Inputs } from '../../inputs.js'
import { hasFooterMarker } from '../markers.js'
import { cleanUntrusted } from '../untrusted.js'
import type { ClaudeRun, ClaudeRunner } from '../claude-runner.js'
import type { JobContext, JobResult, PreContext, Prepared } from '../context.js'
import { outcomeResult, readPrompt } from '../prompt.js'
import { reportRun } from '../run-report.js'
import { tableCell } from '../../report/markdown.js'
import {
  renderBacktest,
  scoreBacktest,
  type BacktestCase,
  type BacktestResult
} from './backtest.js'
import { renderTriageComment, TRIAGE_MARKER } from './comment.js'
import { allowDenyCheck, decideLabels, type Decision } from './decide.js'
import { buildTriagePrompt, type TriageExample } from './prompt.js'
import { parseTriageOutput, TRIAGE_JSON_SCHEMA, type Triage } from './schema.js'
import { humanLabelHistory } from './timeline.js'

/** The `issues` actions that are triaged; any other action is a skip. */
export const TRIAGE_ACTIONS = ['opened', 'edited', 'reopened'] as const

/** How many labelled issues the prompt shows as examples. */
export const EXAMPLE_COUNT = 8

/** Unlabeled open issues counted at most, to say how many a backfill leaves. */
export const BACKFILL_COUNT_CAP = 1000

/** Everything one triage run needs besides GitHub and the CLI. */
export interface TriageSettings {
  /** `labels_allow` globs (empty: every label). */
  allow: string[]
  /** `labels_deny` globs. */
  deny: string[]
  /** `exclusive_labels` globs. */
  exclusive: string[]
  maxLabels: number
  minConfidence: number
  fallback?: string
  model?: string
  maxTurns?: number
  timeoutMinutes: number
  /** The workflow author's extra instructions (`prompt`/`prompt_file`). */
  instructions?: string
  /** `claude_args` left after the flags that would widen tools or load workspace config. */
  extraArgs: string[]
}

/** The settings from the action's inputs; `dropped` names the claude_args flags left out. */
export function triageSettings(
  inputs: Inputs,
  instructions = ''
): { settings: TriageSettings; dropped: string[] } {
  const { kept, dropped } = readOnlyExtraArgs(splitArgs(inputs.claude_args))
  const settings: TriageSettings = {
    allow: inputs.labels_allow,
    deny: inputs.labels_deny,
    exclusive: inputs.exclusive_labels,
    maxLabels: inputs.max_labels,
    minConfidence: inputs.min_confidence,
    timeoutMinutes: inputs.timeout_minutes,
    extraArgs: kept,
    ...(inputs.fallback_label ? { fallback: inputs.fallback_label } : {}),
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.max_turns !== undefined ? { maxTurns: inputs.max_turns } : {}),
    ...(instructions.trim() ? { instructions } : {})
  }
  return { settings, dropped }
}

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
  const go = (job: (ctx: JobContext) => Promise<JobResult>): Prepared => ({
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

  if (event.name === 'issues') {
    const action = typeof event.payload.action === 'string' ? event.payload.action : ''
    if (!(TRIAGE_ACTIONS as readonly string[]).includes(action)) {
      return {
        skip: `issues event action "${action}" is not triaged: only ${TRIAGE_ACTIONS.join(', ')} are`
      }
    }
    const issue = event.payload.issue as
      { number?: unknown; pull_request?: unknown } | null | undefined
    if (!issue || typeof issue.number !== 'number') {
      return { skip: 'the issues event carries no issue number' }
    }
    if (issue.pull_request !== undefined && issue.pull_request !== null) {
      return { skip: `#${issue.number} is a pull request: triage labels issues only` }
    }
    const number = issue.number
    return go(ctx => singleJob(ctx, settings, number))
  }

  if (inputs.issue_number !== undefined) {
    const number = inputs.issue_number
    let issue: Issue
    try {
      issue = await pre.github.getIssue(number)
    } catch (err) {
      if ((err as { status?: number }).status === 404) {
        throw new InputError(
          `issue_number ${number} is not an issue in ${event.owner}/${event.repo} (GitHub answered 404): give the number of an existing issue.`
        )
      }
      throw err
    }
    if (issue.isPullRequest) {
      return { skip: `#${number} is a pull request: triage labels issues only` }
    }
    return go(ctx => singleJob(ctx, settings, number))
  }

  if (event.name === 'schedule' || event.name === 'workflow_dispatch') {
    const limit = inputs.backfill_limit ?? 20
    if (limit === 0) return { skip: 'backfill_limit is 0: no unlabeled issue is triaged' }
    const open = await pre.github.listIssues({
      state: 'open',
      sort: 'created',
      direction: 'asc',
      unlabeled: true,
      limit: Math.max(limit, BACKFILL_COUNT_CAP)
    })
    if (open.length === 0) return { skip: 'no unlabeled open issues' }
    const batch = open.slice(0, limit).map(i => i.number)
    const plan: BackfillPlan = {
      batch,
      total: open.length,
      capped: open.length >= Math.max(limit, BACKFILL_COUNT_CAP)
    }
    return go(ctx => backfillJob(ctx, settings, plan))
  }

  return {
    skip:
      `mode triage has nothing to do on a "${event.name}" event: it labels the issue of an ` +
      'issues event, the issue given as issue_number, or unlabeled open issues on schedule and ' +
      'workflow_dispatch'
  }
}

// ---------------------------------------------------------------------------------------------
// Shared: context, the model call, the decision
// ---------------------------------------------------------------------------------------------

/** What every issue of one job shares: the repository's labels and a few labelled examples. */
interface RepoContext {
  repoLabels: Label[]
  /** The labels the model may choose from (labels_allow/labels_deny applied). */
  offered: Label[]
  /** Recently updated labelled issues, their labels narrowed to the offered ones. */
  examples: Issue[]
}

const key = (name: string): string => name.trim().toLowerCase()

/** A predicate for labels that labels_allow/labels_deny let through. */
function offeredBy(settings: TriageSettings): (name: string) => boolean {
  const refused = allowDenyCheck(settings.allow, settings.deny)
  return name => refused(name) === undefined
}

async function loadRepoContext(github: GitHubApi, settings: TriageSettings): Promise<RepoContext> {
  const repoLabels = await github.listLabels()
  const offer = offeredBy(settings)
  const offered = repoLabels.filter(l => offer(l.name))
  const offeredKeys = new Set(offered.map(l => key(l.name)))
  // Examples show the taxonomy the model may use: labels it may not choose are left out of them.
  const recent = await github.listIssues({
    state: 'all',
    sort: 'updated',
    direction: 'desc',
    limit: 60
  })
  const examples = recent
    .map(i => ({ ...i, labels: i.labels.filter(n => offeredKeys.has(key(n))) }))
    .filter(i => i.labels.length > 0)
    .slice(0, EXAMPLE_COUNT + 1)
  return { repoLabels, offered, examples }
}

/** The model's answer for one issue: the run, and the validated triage or why there is none. */
interface Asked {
  run: ClaudeRun
  triage?: Triage
  /** Set when the run succeeded but its answer is missing or invalid. */
  invalid?: string
}

async function askModel(
  claude: ClaudeRunner,
  settings: TriageSettings,
  repo: RepoContext,
  issue: Issue
): Promise<Asked> {
  const examples: TriageExample[] = repo.examples
    .filter(e => e.number !== issue.number)
    .slice(0, EXAMPLE_COUNT)
    .map(e => ({ number: e.number, title: e.title, labels: e.labels }))
  const prompt = buildTriagePrompt({
    title: issue.title,
    body: issue.body,
    labels: repo.offered,
    examples,
    ...(settings.instructions ? { extra: settings.instructions } : {})
  })
  const run = await claude.run({
    prompt,
    label: `Claude Code: triage #${issue.number}`,
    ...(settings.model ? { model: settings.model } : {}),
    ...(settings.maxTurns !== undefined ? { maxTurns: settings.maxTurns } : {}),
    timeoutMinutes: settings.timeoutMinutes,
    jsonSchema: TRIAGE_JSON_SCHEMA,
    // Triage reads nothing but the prompt: no tools at all (the CLI still offers StructuredOutput).
    tools: [],
    kind: 'triage',
    extra: settings.extraArgs
  })
  if (run.outcome.kind !== 'success') return { run }
  if (run.structured === undefined || run.structured === null) {
    return {
      run,
      invalid:
        'Claude Code finished without a structured triage answer (expected a JSON object through --json-schema).'
    }
  }
  const parsed = parseTriageOutput(run.structured)
  if (!parsed.ok) return { run, invalid: parsed.error }
  return { run, triage: parsed.triage }
}

function decide(
  settings: TriageSettings,
  repo: RepoContext,
  triage: Triage,
  current: readonly string[],
  humanRemoved: ReadonlySet<string>,
  withFallback: boolean
): Decision {
  return decideLabels({
    proposed: triage.labels,
    repoLabels: repo.repoLabels,
    current,
    humanRemoved,
    allow: settings.allow,
    deny: settings.deny,
    exclusive: settings.exclusive,
    maxLabels: settings.maxLabels,
    minConfidence: settings.minConfidence,
    ...(withFallback && settings.fallback ? { fallback: settings.fallback } : {})
  })
}

// Model text and titles go into the log and the summary: one line, no hidden characters, no
// markup, so nothing in them can start a workflow command or bend a table.
function oneLine(text: string, max = 200): string {
  const out = cleanUntrusted(text).replace(/\s+/g, ' ').trim()
  return logSafe(out.length > max ? `${out.slice(0, max - 3).trimEnd()}...` : out)
}

/** A table cell of model or person text: cleaned of hidden characters, then escaped. */
const cell = (text: string): string => tableCell(cleanUntrusted(text))

const code = (name: string): string => `\`${name.replace(/`/g, "'")}\``
const conf = (n: number): string => n.toFixed(2)

// ---------------------------------------------------------------------------------------------
// One issue (also each step of a backfill)
// ---------------------------------------------------------------------------------------------

type CommentAction = 'created' | 'updated' | 'unchanged' | 'none'

type IssueResult =
  | {
      kind: 'done'
      issue: Issue
      run: ClaudeRun
      triage: Triage
      decision: Decision
      comment: CommentAction
    }
  /** The CLI run did not succeed (usage limit, auth, timeout, ...). */
  | {
      kind: 'stopped'
      issue: Issue
      run: ClaudeRun
      outcome: Exclude<Outcome, { kind: 'success' }>
    }
  | { kind: 'invalid'; issue: Issue; run: ClaudeRun; error: string }
  /** Backfill only: the issue changed since it was listed (labelled or closed). */
  | { kind: 'passed'; issue: Issue; reason: string }

async function triageIssue(
  ctx: JobContext,
  settings: TriageSettings,
  repo: RepoContext,
  issue: Issue
): Promise<IssueResult> {
  const { humanRemoved } = humanLabelHistory(await ctx.github.listTimeline(issue.number))
  const asked = await askModel(ctx.claude, settings, repo, issue)
  if (asked.run.outcome.kind !== 'success') {
    return { kind: 'stopped', issue, run: asked.run, outcome: asked.run.outcome }
  }
  if (!asked.triage) {
    return { kind: 'invalid', issue, run: asked.run, error: asked.invalid ?? 'no answer' }
  }
  const triage = asked.triage
  const decision = decide(settings, repo, triage, issue.labels, humanRemoved, true)
  logDecision(ctx, issue.number, decision, triage)

  // Idempotent by construction: decideLabels never proposes a label already on the issue, so a
  // rerun has nothing to add and makes no write.
  const names = decision.apply.map(l => l.name)
  if (names.length > 0) await ctx.github.addLabels(issue.number, names)

  let comment: CommentAction = 'none'
  if (ctx.inputs.triage_comment && names.length > 0) {
    comment = await upsertComment(ctx, issue.number, decision, triage)
  }
  return { kind: 'done', issue, run: asked.run, triage, decision, comment }
}

/** Creates the triage comment, or updates it in place (found by its marker) when its text changed. */
async function upsertComment(
  ctx: JobContext,
  number: number,
  decision: Decision,
  triage: Triage
): Promise<CommentAction> {
  const body = renderTriageComment(decision, {
    issueNumber: number,
    ...(triage.duplicate_of !== undefined ? { duplicateOf: triage.duplicate_of } : {}),
    ...(triage.comment ? { note: triage.comment } : {})
  })
  const self = await ctx.github.whoami()
  const existing = (await ctx.github.listIssueComments(number)).find(
    c => hasFooterMarker(c.body, TRIAGE_MARKER) && isOwnComment(c, self)
  )
  if (!existing) {
    await ctx.github.createIssueComment(number, body)
    return 'created'
  }
  if (existing.body.trim() === body.trim()) return 'unchanged'
  await ctx.github.updateIssueComment(existing.id, body)
  return 'updated'
}

function logDecision(ctx: JobContext, number: number, decision: Decision, triage: Triage): void {
  const would = ctx.inputs.dry_run ? 'Dry run: would add' : 'Adding'
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

async function singleJob(
  ctx: JobContext,
  settings: TriageSettings,
  number: number
): Promise<JobResult> {
  ctx.outputs.set('labels', '[]')
  const repo = await loadRepoContext(ctx.github, settings)
  const issue = await ctx.github.getIssue(number)
  const result = await triageIssue(ctx, settings, repo, issue)
  if (result.kind === 'passed') return { conclusion: 'skipped', reason: result.reason }
  reportRun(ctx, result.run, 'triage')
  if (result.kind === 'stopped') return outcomeResult(ctx, result.outcome)
  if (result.kind === 'invalid') {
    ctx.summary.text(
      `Triage of #${number}: the model's answer was not usable; nothing was written.`
    )
    return {
      conclusion: 'failure',
      message: `Triage of #${number} wrote nothing: ${result.error}`
    }
  }

  const { decision, triage } = result
  const applied = decision.apply.map(l => l.name)
  ctx.outputs.set('labels', JSON.stringify(applied))
  ctx.outputs.set('structured_output', JSON.stringify(triage))

  ctx.summary.heading(`Triage of #${number}`, 3)
  if (ctx.inputs.dry_run) ctx.summary.text('Dry run: these are the decisions; nothing was written.')
  if (applied.length === 0) {
    ctx.summary.text(
      decision.rejected.some(r => r.reason === 'already on the issue')
        ? 'No label added: the labels that qualify are already on the issue.'
        : 'No label added: no proposed label qualified.'
    )
  } else {
    ctx.summary.text(
      `${ctx.inputs.dry_run ? 'Would add' : 'Added'} ${applied.length} label${applied.length === 1 ? '' : 's'}` +
        `${decision.fallbackApplied ? ' (the fallback_label: nothing else qualified)' : ''}:\n\n${appliedTable(decision)}`
    )
  }
  if (decision.rejected.length > 0) {
    ctx.summary.details(`Not applied (${decision.rejected.length})`, rejectedTable(decision))
  }
  if (triage.duplicate_of !== undefined && triage.duplicate_of !== number) {
    ctx.summary.text(
      `Possible duplicate of #${triage.duplicate_of} (only mentioned, never acted on).`
    )
  }
  if (result.comment !== 'none') {
    ctx.summary.text(`Triage comment: ${ctx.inputs.dry_run ? 'would be ' : ''}${result.comment}.`)
  }
  return { conclusion: 'success' }
}

// ---------------------------------------------------------------------------------------------
// Backfill
// ---------------------------------------------------------------------------------------------

interface BackfillPlan {
  /** Issue numbers to triage, oldest first (at most backfill_limit). */
  batch: number[]
  /** Unlabeled open issues found when the run was planned. */
  total: number
  /** The count stopped at BACKFILL_COUNT_CAP: there may be more. */
  capped: boolean
}

/** One CLI run's numbers summed over several runs, for the run report. */
function sumRuns(runs: readonly ClaudeRun[]): ClaudeRun | undefined {
  const last = runs[runs.length - 1]
  if (!last) return undefined
  const costs = runs.map(r => r.costUsd).filter((c): c is number => c !== undefined)
  const turns = runs.map(r => r.turns).filter((t): t is number => t !== undefined)
  return {
    ...last,
    turns: turns.length ? turns.reduce((a, b) => a + b, 0) : undefined,
    costUsd: costs.length ? costs.reduce((a, b) => a + b, 0) : undefined,
    durationMs: runs.reduce((a, r) => a + r.durationMs, 0)
  }
}

function usageLimitEnd(
  ctx: JobContext,
  outcome: Extract<Outcome, { kind: 'usage-limit' }>,
  done: number,
  total: number,
  left: string
): JobResult {
  const when = outcome.resetsAt ? ` (resets at ${new Date(outcome.resetsAt).toISOString()})` : ''
  const counts = `after ${done} of ${total} issues; ${left} left${when}`
  if (ctx.inputs.on_usage_limit === 'skip') {
    return { conclusion: 'skipped', reason: `usage limit reached ${counts}` }
  }
  return {
    conclusion: 'failure',
    message: `The subscription's usage limit was reached ${counts}. Set on_usage_limit: skip to skip instead of failing.`
  }
}

async function backfillJob(
  ctx: JobContext,
  settings: TriageSettings,
  plan: BackfillPlan
): Promise<JobResult> {
  ctx.outputs.set('labels', '[]')
  const repo = await loadRepoContext(ctx.github, settings)
  const total = plan.batch.length
  const applied = new Map<string, string>()
  const runs: ClaudeRun[] = []
  const rows: string[] = []
  const decisions: string[] = []
  const failed: string[] = []
  let done = 0
  let end: JobResult | undefined

  for (const number of plan.batch) {
    const issue = await ctx.github.getIssue(number)
    let result: IssueResult
    if (issue.state !== 'open' || issue.labels.length > 0 || issue.isPullRequest) {
      result = { kind: 'passed', issue, reason: 'labelled or closed since it was listed' }
    } else {
      result = await triageIssue(ctx, settings, repo, issue)
    }
    if (result.kind !== 'passed') runs.push(result.run)

    if (result.kind === 'stopped') {
      const o = result.outcome
      if (o.kind === 'usage-limit') {
        end = usageLimitEnd(ctx, o, done, total, leftText(plan, done))
        break
      }
      if (o.kind === 'auth') {
        // Every later run would fail the same way.
        end = outcomeResult(ctx, o)
        break
      }
      failed.push(`#${number} (${oneLine(o.message, 120)})`)
      rows.push(`| #${number} | not triaged | ${cell(o.message)} |`)
      done++
      continue
    }
    done++
    if (result.kind === 'passed') {
      rows.push(`| #${number} | none | ${result.reason} |`)
      continue
    }
    if (result.kind === 'invalid') {
      failed.push(`#${number} (${oneLine(result.error, 120)})`)
      rows.push(`| #${number} | not triaged | ${cell(result.error)} |`)
      continue
    }
    const names = result.decision.apply.map(l => l.name)
    for (const n of names) if (!applied.has(key(n))) applied.set(key(n), n)
    const got = result.decision.apply
      .map(
        l => `${code(l.name)}${result.decision.fallbackApplied ? '' : ` (${conf(l.confidence)})`}`
      )
      .join(', ')
    rows.push(
      `| #${number} | ${got || 'none'} | ${result.decision.fallbackApplied ? 'fallback_label' : names.length === 0 ? 'no proposed label qualified' : ''} |`
    )
    if (result.decision.apply.length + result.decision.rejected.length > 0) {
      decisions.push(
        `#### #${number}\n\n` +
          (names.length ? `${appliedTable(result.decision)}\n\n` : '') +
          (result.decision.rejected.length ? rejectedTable(result.decision) : '')
      )
    }
  }

  ctx.outputs.set('labels', JSON.stringify([...applied.values()]))
  const summed = sumRuns(runs)
  if (summed)
    reportRun(ctx, summed, `triage (backfill, ${runs.length} run${runs.length === 1 ? '' : 's'})`)

  ctx.summary.heading('Triage backfill', 3)
  if (ctx.inputs.dry_run) ctx.summary.text('Dry run: these are the decisions; nothing was written.')
  const failures = failed.length ? `, ${failed.length} of them failed` : ''
  ctx.summary.text(
    `Worked on ${done} of ${total} planned issue${total === 1 ? '' : 's'} (open, unlabeled, oldest ` +
      `first; backfill_limit ${ctx.inputs.backfill_limit ?? 20})${failures}; ${leftText(plan, done)} ` +
      `unlabeled open issue${plan.total - done === 1 ? '' : 's'} left for a later run.`
  )
  if (rows.length > 0) {
    ctx.summary.text(['| issue | labels | note |', '|---|---|---|', ...rows].join('\n'))
  }
  if (decisions.length > 0) ctx.summary.details('Decisions per issue', decisions.join('\n\n'))
  core.info(
    `Triage backfill: ${done} of ${total} issues triaged, ${leftText(plan, done)} left; labels ${ctx.inputs.dry_run ? 'that would be ' : ''}added: ${[...applied.values()].join(', ') || 'none'}.`
  )

  if (end) {
    ctx.summary.text(
      end.conclusion === 'skipped'
        ? `Stopped: ${end.reason}.`
        : end.conclusion === 'failure'
          ? `Stopped: ${end.message}`
          : ''
    )
    return end
  }
  if (failed.length > 0) {
    return {
      conclusion: 'failure',
      message: `Triage failed for ${failed.length} of ${total} issues (the others were labelled): ${failed.join('; ')}.`
    }
  }
  return { conclusion: 'success' }
}

function leftText(plan: BackfillPlan, done: number): string {
  const left = Math.max(0, plan.total - done)
  return plan.capped ? `at least ${left}` : String(left)
}

// ---------------------------------------------------------------------------------------------
// Backtest
// ---------------------------------------------------------------------------------------------

/** What {@link runBacktest} needs: shared by the action and `npm run backtest`. */
export interface BacktestRunOptions {
  github: GitHubApi
  claude: ClaudeRunner
  /** How many closed labelled issues to score. */
  count: number
  settings: TriageSettings
  /** Progress lines (default: the log). */
  log?: (line: string) => void
  /** A line under the table's heading. */
  note?: string
}

/** A backtest's outcome; nothing was written to GitHub. */
export interface BacktestReport {
  result: BacktestResult
  cases: BacktestCase[]
  /** The markdown table (renderBacktest), with notes on what could not be scored. */
  markdown: string
  /** How many closed issues with labels triage could predict were selected. */
  selected: number
  /** Issues that were selected but not scored, and why. */
  unscored: Array<{ issue: number; reason: string }>
  /** Set when a CLI outcome (usage limit, auth) stopped the backtest early. */
  stoppedBy?: Exclude<Outcome, { kind: 'success' }>
  runs: ClaudeRun[]
}

/**
 * Dry-runs triage over the last `count` closed issues that carry a label triage could have given
 * (exists in the repository, passes labels_allow/labels_deny), and scores what it would have added
 * against those labels. Calls no write method of `github` at all.
 */
export async function runBacktest(opts: BacktestRunOptions): Promise<BacktestReport> {
  const { github, claude, settings, count } = opts
  const log = opts.log ?? ((line: string) => core.info(line))
  const repo = await loadRepoContext(github, settings)
  const offer = offeredBy(settings)
  const repoSpelling = new Map(repo.repoLabels.map(l => [key(l.name), l.name]))
  const truthOf = (issue: Issue): string[] =>
    issue.labels
      .filter(n => repoSpelling.has(key(n)) && offer(n))
      .map(n => repoSpelling.get(key(n)) as string)

  const closed = await github.listIssues({
    state: 'closed',
    sort: 'updated',
    direction: 'desc',
    limit: Math.min(count * 5 + 20, BACKFILL_COUNT_CAP)
  })
  const selected = closed.filter(i => truthOf(i).length > 0).slice(0, count)

  const cases: BacktestCase[] = []
  const unscored: BacktestReport['unscored'] = []
  const runs: ClaudeRun[] = []
  let stoppedBy: BacktestReport['stoppedBy']
  for (const [i, issue] of selected.entries()) {
    log(`Backtest ${i + 1}/${selected.length}: #${issue.number}`)
    const asked = await askModel(claude, settings, repo, issue)
    runs.push(asked.run)
    const outcome = asked.run.outcome
    if (outcome.kind !== 'success') {
      if (outcome.kind === 'usage-limit' || outcome.kind === 'auth') {
        stoppedBy = outcome
        for (const rest of selected.slice(i)) {
          unscored.push({ issue: rest.number, reason: `not reached: ${outcome.kind}` })
        }
        break
      }
      unscored.push({ issue: issue.number, reason: oneLine(outcome.message, 160) })
      continue
    }
    if (!asked.triage) {
      unscored.push({ issue: issue.number, reason: oneLine(asked.invalid ?? 'no answer', 160) })
      continue
    }
    // As if the issue were new: nothing on it, nobody removed anything, no fallback.
    const decision = decide(settings, repo, asked.triage, [], new Set(), false)
    const predicted = decision.apply.map(l => l.name)
    const truth = truthOf(issue)
    cases.push({ issue: issue.number, truth, predicted })
    log(
      `  #${issue.number}: predicted ${predicted.join(', ') || 'nothing'}; humans gave ${truth.join(', ')}`
    )
  }

  const result = scoreBacktest(cases)
  const parts = [
    renderBacktest(result, {
      note:
        opts.note ??
        `Last ${count} closed issues with a label triage could give; min_confidence ${settings.minConfidence}, max_labels ${settings.maxLabels}.`
    }).trimEnd()
  ]
  if (selected.length < count) {
    parts.push(
      `Only ${selected.length} closed issue${selected.length === 1 ? '' : 's'} with such labels ${selected.length === 1 ? 'was' : 'were'} found (asked for ${count}).`
    )
  }
  if (unscored.length > 0) {
    parts.push(
      `Not scored (${unscored.length}):\n\n` +
        unscored.map(u => `- #${u.issue}: ${cell(u.reason)}`).join('\n')
    )
  }
  if (stoppedBy) parts.push(`Stopped early: ${cell(stoppedBy.message)}`)
  return {
    result,
    cases,
    markdown: `${parts.join('\n\n')}\n`,
    selected: selected.length,
    unscored,
    ...(stoppedBy ? { stoppedBy } : {}),
    runs
  }
}

async function backtestJob(
  ctx: JobContext,
  settings: TriageSettings,
  count: number
): Promise<JobResult> {
  ctx.outputs.set('labels', '[]')
  // ctx.claude and reads only: a backtest never calls a write method, dry_run or not.
  const report = await runBacktest({ github: ctx.github, claude: ctx.claude, count, settings })
  const summed = sumRuns(report.runs)
  if (summed) reportRun(ctx, summed, `triage (backtest, ${report.runs.length} runs)`)
  ctx.summary.text(report.markdown)
  const m = report.result.micro
  core.info(
    `Triage backtest over ${report.result.issues} issues: precision ${m.precision === null ? 'n/a' : m.precision.toFixed(2)}, recall ${m.recall === null ? 'n/a' : m.recall.toFixed(2)}.`
  )
  const stop = report.stoppedBy
  if (stop?.kind === 'usage-limit') {
    const scored =
      report.cases.length + report.unscored.filter(u => !u.reason.startsWith('not reached')).length
    return usageLimitEnd(ctx, stop, scored, report.selected, String(report.selected - scored))
  }
  if (stop) return outcomeResult(ctx, stop)
  return { conclusion: 'success' }
}
