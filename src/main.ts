/**
 * The main step: inputs → auth (decode, validate, refresh, restore) → claude (install) → the job →
 * report. The only place that fails the step.
 */
import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import { AuthError, InputError } from './auth/errors.js'
import { refreshIfNeeded, tokenHash, writeBackConfig } from './auth/lifecycle.js'
import { loadAuth, type LoadedAuth } from './auth/load.js'
import { authFailure, reauthBlock, type ReauthContext } from './auth/messages.js'
import { shouldRefresh } from './auth/refresh.js'
import { assumingRefresh } from './auth/validate.js'
import { configDirFromInput } from './auth/paths.js'
import { isDefaultConfigDir, planRestore, restoreLogin } from './auth/restore.js'
import type { CliAuth } from './claude/env.js'
import { CancelledError } from './claude/run.js'
import {
  CHECKOUT_TOKEN_WARNING,
  checkoutLeftToken,
  cliSandbox,
  isUntrusted,
  restoresBundleSettings,
  sandboxPaths,
  type JobKind
} from './claude/sandbox.js'
import { installClaude } from './claude/install.js'
import { readEvent } from './event.js'
import { dryRunApi, restApi, type DescribedWrite, type GitHubApi } from './github/api.js'
import { OutboundGuard } from './github/guard.js'
import { createOctokit } from './github/octokit.js'
import { formatSpan } from './duration.js'
import { getInputs, type Inputs } from './inputs.js'
import { cliRunner, type ClaudeRunner } from './jobs/claude-runner.js'
import type { EventInfo, JobContext, JobResult, PreContext, Prepared } from './jobs/context.js'
import { healthVerdict, syncTrackingIssue } from './jobs/health.js'
import { readPrompt, runPromptJob } from './jobs/prompt.js'
import { prepareReview } from './jobs/review/run.js'
import { prepareTriage } from './jobs/triage/run.js'
import { SecretLeakError } from './known-secrets.js'
import { resolveMode, type ConcreteMode } from './mode.js'
import { Outputs } from './report/outputs.js'
import { Summary } from './report/summary.js'
import { load, save } from './state.js'

/** Set when this run rotated the login and could not store it: the sentence saying why. */
let unstoredLogin: string | undefined

/** Runs the main step. Never throws: every failure ends in `core.setFailed` with one message. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  unstoredLogin = undefined
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
  outputs.set('rotated', false)
  outputs.set('secret_updated', false)
  try {
    const inputs = getInputs()
    reauth = reauthContext(inputs, env)
    const event = await readEvent(env)
    const prompt = await readPrompt(inputs).catch(() => '')
    mode = resolveMode(inputs.mode, event.name, prompt.trim() !== '')
    summary.heading(`Claude subscription action: ${mode}`)
    const dryRunWrites: DescribedWrite[] = []
    const pre: PreContext = {
      inputs,
      event,
      github: githubFor(inputs, event, dryRunWrites, guard),
      dryRunWrites,
      summary,
      outputs,
      now: Date.now
    }
    try {
      const result =
        mode === 'health' ? await runHealth(pre, env, reauth) : await runJob(mode, pre, env)
      // A withheld write fails the step even when the job took the failed write as a warning.
      if (guard.tripped) throw guard.tripped
      finish(withUnstoredLogin(result), outputs, summary, reauth)
    } finally {
      reportDryRun(inputs, dryRunWrites, summary)
    }
  } catch (err) {
    fail(guard.tripped ?? err, outputs, summary, reauth, mode)
  } finally {
    await summary.write()
  }
}

/** setup, prompt, review and triage: skip early, else load, refresh, restore, install, run. */
async function runJob(
  mode: ConcreteMode,
  pre: PreContext,
  env: NodeJS.ProcessEnv
): Promise<JobResult> {
  const { inputs } = pre
  // Skips are decided before the login is even decoded: a draft or a bot's PR (whose workflows get
  // no secrets) is a skip, never an auth failure.
  let prepared: Prepared | undefined
  if (mode === 'review') prepared = await prepareReview(pre)
  if (mode === 'triage') prepared = await prepareTriage(pre)
  if (prepared && 'skip' in prepared) return { conclusion: 'skipped', reason: prepared.skip }
  // Before the login is even decoded: a config_dir the model could read is refused.
  const configDir = await configDirOf(inputs, env)

  const now = Date.now()
  const auth = await refreshed(await loadReported(pre, now), pre, env, now)
  const a = auth.assessment
  if (a.status === 'expired' || a.status === 'invalid') {
    throw new AuthError(a.reason ?? `The login is ${a.status}.`, 'expired')
  }
  if (a.status === 'expiring') core.warning(a.reason ?? 'The login ends soon.')

  const claude = await prepareClaude(inputs, auth, env, {
    kind: mode,
    configDir,
    exportForLaterSteps: mode === 'setup'
  })
  if (mode === 'setup') {
    pre.summary.table(
      [
        ['Mode', 'setup'],
        ['Claude Code', `${claude.version} at ${claude.path}`],
        ['Auth', `${a.kind}, ${a.status}`],
        ['Access token left', a.expiresAt === undefined ? 'n/a' : formatSpan(a.expiresAt - now)],
        ['Config dir', claude.configDir]
      ],
      ['Ready for later steps', '']
    )
    return { conclusion: 'success' }
  }
  const ctx: JobContext = { ...pre, auth, claude }
  return prepared ? prepared.run(ctx) : runPromptJob(ctx)
}

/** Decodes, masks and assesses the login, and reports the auth outputs. */
async function loadReported(pre: PreContext, now: number): Promise<LoadedAuth> {
  const { inputs, outputs } = pre
  let auth: LoadedAuth
  try {
    auth = await loadAuth(inputs, {
      now,
      minValidityMs: inputs.min_validity,
      warnWithinMs: inputs.warn_within
    })
  } catch (err) {
    if (err instanceof AuthError) outputs.set('auth_status', err.status)
    throw err
  }
  for (const w of auth.warnings) core.warning(w)
  for (const n of auth.assessment.notices) core.notice(n)
  outputs.auth(auth.assessment, now)
  return auth
}

/** Refreshes (and writes back) when the login needs it and the inputs allow it. */
async function refreshed(
  auth: LoadedAuth,
  pre: PreContext,
  env: NodeJS.ProcessEnv,
  now: number
): Promise<LoadedAuth> {
  const { inputs, outputs } = pre
  const lifecycle = await refreshIfNeeded(auth, {
    refresh: inputs.refresh,
    writeBack: writeBackConfig(inputs, env),
    assess: { now, minValidityMs: inputs.min_validity, warnWithinMs: inputs.warn_within },
    startedAt: load('startedAt') ?? new Date(now).toISOString()
  })
  save('generation', String(lifecycle.generation))
  if (lifecycle.rotated) {
    outputs.set('rotated', true)
    outputs.set('secret_updated', lifecycle.secretUpdated)
    outputs.auth(lifecycle.auth.assessment, now)
    if (lifecycle.secretUpdated) save('lastWriteAt', new Date().toISOString())
  }
  if (lifecycle.writeBackProblem) {
    // The post step tries once more, from the credentials file the run leaves.
    save('writeBackPending', 'true')
    unstoredLogin = `The new login could not be stored: ${lifecycle.writeBackProblem} The job runs with the new login, but unless the post step stores it, the secret holds a refresh token that no longer works and the next run fails.`
  }
  return lifecycle.auth
}

/** A rotated login that could not be stored fails the step; the job's own result stays in the log. */
function withUnstoredLogin(result: JobResult): JobResult {
  if (!unstoredLogin) return result
  if (result.conclusion === 'failure') {
    if (result.message.includes(unstoredLogin)) return result
    return {
      ...result,
      message: `${unstoredLogin} The job failed too: ${result.message}`,
      auth: true
    }
  }
  core.info(
    `The job itself: ${result.conclusion}${result.conclusion === 'skipped' ? ` (${result.reason})` : ''}.`
  )
  return { conclusion: 'failure', message: unstoredLogin, auth: true }
}

/**
 * mode health: the login's status with no network, optionally one tiny live call, and one tracking
 * issue kept open while action is needed.
 */
async function runHealth(
  pre: PreContext,
  env: NodeJS.ProcessEnv,
  reauth: ReauthContext
): Promise<JobResult> {
  const { inputs, outputs, summary } = pre
  const now = Date.now()
  let problem: { message: string; status: string; auth: boolean } | undefined
  let warning: string | undefined
  let rows: Array<[string, string]>
  try {
    let auth = await loadReported(pre, now)
    if (auth.assessment.needsRefresh) {
      if (inputs.live_check) {
        auth = await refreshed(auth, pre, env, now)
      } else if (
        shouldRefresh(auth.assessment, {
          refresh: inputs.refresh,
          canWriteBack: inputs.secrets_token !== ''
        }).refresh
      ) {
        // Not used now, and the next run that uses it may refresh it: the login itself is what counts.
        const before = auth.assessment.notices.length
        auth = {
          ...auth,
          assessment: assumingRefresh(auth.assessment, { now, warnWithinMs: inputs.warn_within })
        }
        outputs.auth(auth.assessment, now)
        for (const n of auth.assessment.notices.slice(before)) core.notice(n)
      }
    }
    const verdict = healthVerdict(auth, now)
    rows = verdict.rows
    summary.table(rows, ['Claude login', ''])
    if (!verdict.ok) {
      problem = { message: verdict.message, status: auth.assessment.status, auth: true }
    } else {
      if (verdict.level === 'warning') warning = verdict.message
      if (inputs.live_check) problem = await liveCheck(pre, auth, env)
    }
    if (unstoredLogin) {
      // The login works today, but the secret now holds a dead refresh token: never "valid".
      outputs.set('auth_status', 'invalid')
      problem = { message: unstoredLogin, status: 'invalid', auth: true }
    }
  } catch (err) {
    if (!(err instanceof AuthError)) throw err
    outputs.set('auth_status', err.status)
    problem = { message: err.message, status: err.status, auth: true }
    rows = [['Status', err.status]]
    summary.table([...rows, ['Problem', err.message]], ['Claude login', ''])
  }
  if (warning) core.warning(warning)
  if (inputs.health_issue) {
    try {
      const did = await syncTrackingIssue(pre.github, {
        needsAction: problem !== undefined || warning !== undefined,
        status: problem?.status ?? outputs.values.auth_status ?? 'unknown',
        message: problem?.message ?? warning ?? '',
        rows,
        reauth: reauthBlock(reauth, env),
        runUrl: runUrl(env)
      })
      core.info(`Health tracking issue: ${did}.`)
      summary.text(`Tracking issue: ${did}.`)
    } catch (err) {
      core.warning(`Could not update the health tracking issue: ${(err as Error).message}`)
    }
  }
  return problem
    ? { conclusion: 'failure', message: problem.message, auth: problem.auth }
    : { conclusion: 'success' }
}

/** One tiny real call with the cheapest model; undefined when it worked. */
async function liveCheck(
  pre: PreContext,
  auth: LoadedAuth,
  env: NodeJS.ProcessEnv
): Promise<{ message: string; status: string; auth: boolean } | undefined> {
  const { inputs, outputs, summary } = pre
  const claude = await prepareClaude(inputs, auth, env, {
    kind: 'health',
    configDir: await configDirOf(inputs, env),
    exportForLaterSteps: false
  })
  const run = await claude.run({
    kind: 'health',
    prompt: 'Reply with the single word: ok',
    label: 'Claude Code: live check',
    model: inputs.model || 'claude-haiku-4-5',
    maxTurns: 1,
    tools: [],
    timeoutMinutes: Math.min(inputs.timeout_minutes, 5)
  })
  summary.table(
    [
      ['Live call', run.outcome.kind === 'success' ? 'ok' : run.outcome.kind],
      ['Duration', `${run.durationMs} ms`]
    ],
    ['Live check', '']
  )
  if (run.outcome.kind === 'success') return undefined
  if (run.outcome.kind === 'usage-limit') {
    // The login works: the subscription is only out of usage for now.
    core.warning(`Live check: ${run.outcome.message}`)
    return undefined
  }
  const isAuth = run.outcome.kind === 'auth'
  if (isAuth) outputs.set('auth_status', 'expired')
  return {
    message: `Live check failed: ${run.outcome.message}`,
    status: isAuth ? 'expired' : 'live check failed',
    auth: isAuth
  }
}

/** config_dir, absolute; an InputError when the model could read it there. */
function configDirOf(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<string> {
  return configDirFromInput(inputs.config_dir, {
    home: os.homedir(),
    ...(env.GITHUB_WORKSPACE ? { workspace: env.GITHUB_WORKSPACE } : {})
  })
}

/** Restores the login into config_dir and installs the CLI; in setup mode, leaves both for later steps. */
async function prepareClaude(
  inputs: Inputs,
  auth: LoadedAuth,
  env: NodeJS.ProcessEnv,
  opts: { kind: JobKind; configDir: string; exportForLaterSteps: boolean }
): Promise<ClaudeRunner & { version: string; path: string; configDir: string }> {
  if (isUntrusted(opts.kind) && (await checkoutLeftToken(env.GITHUB_WORKSPACE))) {
    core.warning(CHECKOUT_TOKEN_WARNING)
  }
  const plan = await planRestore(opts.configDir, undefined, env.RUNNER_TEMP || os.tmpdir())
  const configDir = plan.configDir
  if (plan.divertedFrom) {
    core.notice(
      `${plan.divertedFrom} holds another run's login (a self-hosted runner with a shared HOME): this run restores into ${configDir} instead, and leaves the other one alone.`
    )
  }
  // Saved before anything is written, so the post step can always put things back.
  save('restorePlan', JSON.stringify(plan))
  await restoreLogin(plan, auth.login, { withSettings: restoresBundleSettings(opts.kind) })
  if (auth.login?.kind === 'oauth') {
    // A hash, never the token: the state file is written where tokens must not be.
    save('restoredRefreshHash', tokenHash(auth.login.credentials.claudeAiOauth.refreshToken))
  }
  core.info(`Restored the ${auth.assessment.kind} login into ${configDir} (files 0600).`)

  const installed = await installClaude({
    version: inputs.claude_version,
    claudePath: inputs.claude_path || undefined,
    env
  })
  core.info(`Claude Code ${installed.version} (${installed.from}): ${installed.path}`)

  if (opts.exportForLaterSteps) {
    if (!isDefaultConfigDir(configDir)) core.exportVariable('CLAUDE_CONFIG_DIR', configDir)
    core.addPath(path.dirname(installed.path))
    // Later steps need the key itself; it is masked, and only setup mode with an API key does this.
    if (auth.apiKey) core.exportVariable('ANTHROPIC_API_KEY', auth.apiKey)
  }

  const cliAuth: CliAuth = auth.apiKey
    ? { kind: 'api-key', configDir, apiKey: auth.apiKey }
    : auth.login?.kind === 'setup-token'
      ? { kind: 'setup-token', configDir, token: auth.login.token }
      : { kind: 'oauth', configDir }
  const paths = await sandboxPaths(env, configDir, {
    home: os.homedir(),
    ...(plan.hadDir ? { backupDir: plan.backupDir } : {}),
    ...(plan.divertedFrom ? { otherLogin: plan.divertedFrom } : {})
  })
  const runner = cliRunner({
    claudePath: installed.path,
    sandbox: cliSandbox(env, cliAuth, paths),
    cwd: env.GITHUB_WORKSPACE,
    ...(cliAuth.kind === 'oauth' ? { wipeCheckDir: configDir } : {})
  })
  return { ...runner, version: installed.version, path: installed.path, configDir }
}

/**
 * The GitHub client for the jobs; with dry_run, writes are described instead of made. The outbound
 * guard sits outside both: a write holding a secret is neither made nor printed.
 */
function githubFor(
  inputs: Inputs,
  event: EventInfo,
  writes: DescribedWrite[],
  guard: OutboundGuard
): GitHubApi {
  const token = inputs.github_token
  const api = token
    ? restApi(createOctokit(token, { log: line => core.info(line) }), event.owner, event.repo)
    : missingTokenApi()
  return guard.wrap(inputs.dry_run ? dryRunApi(api, writes) : api)
}

/** Every call fails with the sentence that says what is missing. */
function missingTokenApi(): GitHubApi {
  return new Proxy({} as GitHubApi, {
    get: () => () =>
      Promise.reject(
        new InputError(
          'github_token is empty: leave it at its default (${{ github.token }}) or pass a token that may read and write issues and pull requests.'
        )
      )
  })
}

function reportDryRun(inputs: Inputs, writes: DescribedWrite[], summary: Summary): void {
  if (!inputs.dry_run) return
  if (writes.length === 0) {
    core.info('Dry run: nothing would be written to GitHub.')
    return
  }
  core.startGroup(`Dry run: ${writes.length} write(s) to GitHub were not made`)
  for (const w of writes) core.info(`Would ${w.action}:\n${w.detail}\n`)
  core.endGroup()
  summary.details(
    `Dry run: ${writes.length} write(s) to GitHub were not made`,
    writes.map(w => `**Would ${w.action}**\n\n${w.detail}`).join('\n\n---\n\n')
  )
}

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

function fail(
  err: unknown,
  outputs: Outputs,
  summary: Summary,
  reauth: ReauthContext,
  mode?: string
): void {
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
  if (unstoredLogin) {
    const more = err instanceof AuthError ? unstoredLogin : authFailure(unstoredLogin, reauth)
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

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
}

interface RequestErrorLike {
  status: number
  message: string
  request: { method: string; url: string }
}

function isRequestError(err: unknown): err is RequestErrorLike {
  const e = err as Partial<RequestErrorLike> | undefined
  return typeof e?.status === 'number' && typeof e.request?.url === 'string'
}

/** A GitHub API failure in one sentence, with the likely fix. */
function githubFailure(err: RequestErrorLike): string {
  const where = `${err.request.method} ${err.request.url.replace(/\?.*$/, '')}`
  const why = err.message.split(' - ')[0]
  const fix =
    err.status === 401
      ? 'github_token is not valid'
      : err.status === 403
        ? 'github_token lacks a permission this mode needs (see the permissions in the example workflows)'
        : err.status === 404
          ? 'check pr_number / issue_number, and that github_token can see this repository'
          : 'GitHub may be having trouble: run it again'
  return `GitHub answered HTTP ${err.status} to ${where} (${why}): ${fix}.`
}
