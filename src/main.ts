/**
 * The main step: inputs → the job of the mode (skip decisions, then the login, the CLI, the run) →
 * report. The only place that fails the step. A job's code, the installer and the GitHub client are
 * loaded when used (`import()`, their own chunks of dist/): a health check loads none of them.
 */
import * as core from '@actions/core'
import { enterLogin, type LoginReport, type LoginUse, type ReadyLogin } from './auth/entry.js'
import type { LoadedAuth } from './auth/load.js'
import { AuthError } from './auth/errors.js'
import { InputError } from './errors.js'
import { authFailure, type ReauthContext } from './auth/messages.js'
import { CancelledError } from './claude/cancelled.js'
import { configDirOf, prepareClaude, type PreparedClaude } from './claude/prepare.js'
import { isUntrusted, type JobKind } from './claude/sandbox.js'
import { readEvent } from './event.js'
import type { DescribedWrite } from './github/api.js'
import { githubFor } from './github/client.js'
import { githubFailure, isRequestError } from './github/errors.js'
import { commandFree, logUntrusted, OutboundGuard } from './github/guard.js'
import { getInputs, type Inputs } from './inputs.js'
import type { JobContext, JobResult, PreContext, Prepared } from './jobs/context.js'
import { runHealth } from './jobs/health.js'
import { readPrompt, runPromptJob } from './jobs/prompt.js'
import { runSetup } from './jobs/setup.js'
import { checkUsageCeiling } from './jobs/usage/ceiling.js'
import { deferOnUsageStop } from './jobs/usage/defer.js'
import { pickUpWanted } from './jobs/usage/deferred.js'
import { SecretLeakError } from './known-secrets.js'
import { resolveMode, type ConcreteMode } from './mode.js'
import { Outputs } from './report/outputs.js'
import { Summary } from './report/summary.js'
import { save } from './state.js'

/** What main gives a job besides the PreContext: the login, asked for once the job will run. */
interface Steps {
  env: NodeJS.ProcessEnv
  reauth: ReauthContext
  /** The login for `use`, reported in the outputs; see `enterLogin`. Entered once per run. */
  login(use: LoginUse, now: number): Promise<ReadyLogin>
  /** The CLI with the login restored, prepared once per run: a later caller gets the same. */
  claude(kind: JobKind, auth: LoadedAuth, configDir?: string): Promise<PreparedClaude>
}

/** A job once it runs: the login and the CLI are ready. */
type ReadyContext = JobContext & { claude: PreparedClaude }

/**
 * The jobs by mode. Review and triage decide their skips before the login is even decoded (a draft
 * or a bot's PR, whose workflows get no secrets, is a skip, never an auth failure), and their code
 * is loaded only when their mode runs.
 */
const JOBS: Record<ConcreteMode, (pre: PreContext, steps: Steps) => Promise<JobResult>> = {
  setup: (pre, steps) => withClaude('setup', { run: runSetup }, pre, steps),
  prompt: (pre, steps) => withClaude('prompt', { run: runPromptJob }, pre, steps),
  review: async (pre, steps) => {
    const { prepareReview } = await import('./jobs/review/prepare.js')
    return withClaude('review', await prepareReview(pre), pre, steps)
  },
  triage: async (pre, steps) => {
    const { prepareTriage } = await import('./jobs/triage/prepare.js')
    return withClaude('triage', await prepareTriage(pre), pre, steps)
  },
  health: runHealth,
  command: async (pre, steps) => {
    const { runCommand } = await import('./jobs/command/run.js')
    return runCommand(pre, prepared => withClaude('command', prepared, pre, steps))
  }
}

/** Runs the main step. Never throws: every failure ends in `core.setFailed` with one message. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  save('isPost', 'true')
  save('startedAt', new Date().toISOString())
  // Outputs and the job summary are published too: the guard checks them as it checks writes.
  const guard = new OutboundGuard()
  const outputs = new Outputs(guard)
  const summary = new Summary(guard)
  let reauth: ReauthContext = {
    repo: env.GITHUB_REPOSITORY ?? 'OWNER/REPO',
    secretName: 'CLAUDE_AUTH'
  }
  let mode: ConcreteMode | undefined
  /** Set when this run rotated the login and could not store it: the sentence saying why. */
  let unstored: string | undefined
  outputs.set('rotated', false)
  outputs.set('secret_updated', false)
  try {
    const given = getInputs()
    reauth = reauthContext(given, env)
    const event = await readEvent(env)
    // Read once, here: a prompt_file that cannot be read fails the step before anything is decided.
    const inputs: Inputs = { ...given, prompt: await readPrompt(given) }
    mode = resolveMode(inputs.mode, event.name, inputs.prompt.trim() !== '')
    summary.heading(`Claude subscription action: ${mode}`)
    const dryRunWrites: DescribedWrite[] = []
    const github = githubFor({
      token: inputs.github_token,
      dryRun: inputs.dry_run,
      owner: event.owner,
      repo: event.repo,
      writes: dryRunWrites,
      guard
    })
    const pre: PreContext = { inputs, event, github, dryRunWrites, summary, outputs, now: Date.now }
    const steps = runSteps(inputs, env, reauth, outputs, u => (unstored = u))
    try {
      const result = await JOBS[mode](pre, steps)
      if (!guard.tripped) await pickUpAfter(pre, steps, result, mode)
      // A withheld write fails the step even when the job took the failed write as a warning.
      if (guard.tripped) throw guard.tripped
      finish(withUnstoredLogin(result, unstored), outputs, summary, reauth)
    } finally {
      reportDryRun(inputs, dryRunWrites, summary)
    }
  } catch (err) {
    fail(guard.tripped ?? err, { outputs, summary, reauth, mode, unstored })
  } finally {
    await summary.write()
  }
}

/** A job that needs the CLI: skip early, else check config_dir, enter the login, prepare, run. */
async function withClaude(
  kind: JobKind,
  prepared: Prepared | { run: (ctx: ReadyContext) => Promise<JobResult> },
  pre: PreContext,
  steps: Steps
): Promise<JobResult> {
  if ('skip' in prepared) return { conclusion: 'skipped', reason: prepared.skip }
  // Before the login is even decoded: a config_dir the model could read is refused.
  const configDir = await configDirOf(pre.inputs, steps.env)
  const { auth } = await steps.login('run', Date.now())
  const claude = await steps.claude(kind, auth, configDir)
  // usage_ceiling: after the skips and the login, before the job's own model call.
  const stop = isUntrusted(kind) ? await checkUsageCeiling(pre, claude, kind) : undefined
  const result = stop ?? (await prepared.run({ ...pre, auth, claude }))
  return deferOnUsageStop(pre, 'item' in prepared ? prepared.item : undefined, result)
}

/**
 * The login and the CLI for this run, each made once (a second restore would clobber the first,
 * and a second refresh would spend a refresh token the first one already rotated).
 */
function runSteps(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  reauth: ReauthContext,
  outputs: Outputs,
  onUnstored: (sentence: string | undefined) => void
): Steps {
  let entered: { use: LoginUse; ready: ReadyLogin } | undefined
  let prepared: Promise<PreparedClaude> | undefined
  return {
    env,
    reauth,
    login: async (use, now) => {
      // A look (`status`) is no login to run with; a refreshed one serves every later use.
      if (entered && (entered.use !== 'status' || use === 'status')) return entered.ready
      const ready = await enterLogin(inputs, env, { use, now, report: loginReport(outputs) })
      onUnstored(ready.unstored)
      entered = { use, ready }
      return ready
    },
    claude: (kind, auth, dir) =>
      (prepared ??= (async () => {
        const configDir = dir ?? (await configDirOf(inputs, env))
        return prepareClaude(inputs, auth, env, { kind, configDir })
      })())
  }
}

/** After the job, deferred items of earlier runs are taken up (see `jobs/usage/pickup.ts`). */
async function pickUpAfter(
  pre: PreContext,
  steps: Steps,
  result: JobResult,
  mode: ConcreteMode
): Promise<void> {
  if (!pickUpWanted(pre.inputs, result, mode)) return
  const { pickUpDeferred } = await import('./jobs/usage/pickup.js')
  const ready = async (kind: JobKind) => {
    const { auth } = await steps.login('run', Date.now())
    return { auth, claude: await steps.claude(kind, auth) }
  }
  await pickUpDeferred(pre, ready, mode)
}

/** The step's outputs, as the login entry reports to them. */
function loginReport(outputs: Outputs): LoginReport {
  return {
    auth: (a, now) => outputs.auth(a, now),
    rotated: stored => {
      outputs.set('rotated', true)
      outputs.set('secret_updated', stored)
    }
  }
}

/** A rotated login that could not be stored fails the step; the job's own result stays in the log. */
function withUnstoredLogin(result: JobResult, unstored: string | undefined): JobResult {
  if (!unstored) return result
  if (result.conclusion === 'failure') {
    if (result.message.includes(unstored)) return result
    return { ...result, message: `${unstored} The job failed too: ${result.message}`, auth: true }
  }
  core.info(
    `The job itself: ${result.conclusion}${result.conclusion === 'skipped' ? ` (${result.reason})` : ''}.`
  )
  return { conclusion: 'failure', message: unstored, auth: true }
}

function reportDryRun(inputs: Inputs, writes: DescribedWrite[], summary: Summary): void {
  if (!inputs.dry_run) return
  if (writes.length === 0) {
    core.info('Dry run: nothing would be written to GitHub.')
    return
  }
  core.startGroup(`Dry run: ${writes.length} write(s) to GitHub were not made`)
  // The texts are the model's and people's: inert in the log (see logUntrusted).
  for (const w of writes) {
    core.info(commandFree(`Would ${w.action}:`))
    logUntrusted(`${w.detail}\n`)
  }
  core.endGroup()
  summary.details(
    `Dry run: ${writes.length} write(s) to GitHub were not made`,
    writes.map(w => `**Would ${w.action}**\n\n${w.detail}`).join('\n\n---\n\n')
  )
}

/** Ends the step with the job's result. */
function finish(
  result: JobResult,
  outputs: Outputs,
  summary: Summary,
  reauth: ReauthContext
): void {
  if (result.conclusion === 'success') {
    outputs.conclusion('success')
    return
  }
  if (result.conclusion === 'skipped') {
    outputs.conclusion('skipped', result.reason)
    core.notice(`Skipped: ${result.reason}`)
    summary.text(`Skipped: ${result.reason}`)
    return
  }
  outputs.conclusion('failure')
  const message = result.auth ? authFailure(result.message, reauth) : result.message
  summary.text(`**Failed:** ${message.replace(/\n/g, '  \n')}`)
  core.setFailed(message)
}

/** Ends the step with what was thrown, in one message (no stack). */
function fail(
  err: unknown,
  at: {
    outputs: Outputs
    summary: Summary
    reauth: ReauthContext
    mode: string | undefined
    unstored: string | undefined
  }
): void {
  const { outputs, summary, reauth, mode, unstored } = at
  outputs.conclusion('failure')
  let message: string
  if (err instanceof AuthError) {
    outputs.set('auth_status', err.status)
    message = authFailure(err.message, reauth)
  } else if (
    err instanceof InputError ||
    err instanceof CancelledError ||
    err instanceof SecretLeakError
  ) {
    message = err.message
  } else if (isRequestError(err)) {
    message = githubFailure(err)
  } else {
    // Unexpected: one line, no stack (a stack could carry data the masks have not seen).
    message = `Unexpected error${mode ? ` in mode ${mode}` : ''}: ${(err as Error)?.message ?? String(err)}`
  }
  // A refreshed login that could not be stored must not go unmentioned behind another failure.
  if (unstored) {
    const more = err instanceof AuthError ? unstored : authFailure(unstored, reauth)
    message = `${message}\n\n${more}`
  }
  summary.text(`**Failed:** ${message.replace(/\n/g, '  \n')}`)
  core.setFailed(message)
}

function reauthContext(inputs: Inputs, env: NodeJS.ProcessEnv): ReauthContext {
  return {
    repo: env.GITHUB_REPOSITORY ?? 'OWNER/REPO',
    secretName: inputs.auth_secret_name,
    ...(inputs.auth_secret_environment ? { environment: inputs.auth_secret_environment } : {}),
    ...(inputs.auth_secret_org ? { org: inputs.auth_secret_org } : {})
  }
}
