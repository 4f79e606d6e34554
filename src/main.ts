/**
 * The main step: inputs → auth (decode, validate, refresh, restore) → claude (install) → the job →
 * report. The only place that fails the step.
 */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { AuthError, InputError } from './auth/errors.js'
import { loadAuth, type LoadedAuth } from './auth/load.js'
import { authFailure, type ReauthContext } from './auth/messages.js'
import { isDefaultConfigDir, planRestore, resolveConfigDir, restoreLogin } from './auth/restore.js'
import { installClaude } from './claude/install.js'
import type { CliAuth } from './claude/env.js'
import { readEvent } from './event.js'
import { getInputs, type Inputs } from './inputs.js'
import { cliRunner, type ClaudeRunner } from './jobs/claude-runner.js'
import type { EventInfo, JobContext, JobResult } from './jobs/context.js'
import { healthVerdict } from './jobs/health.js'
import { readPrompt, runPromptJob } from './jobs/prompt.js'
import { resolveMode, type ConcreteMode } from './mode.js'
import { Outputs } from './report/outputs.js'
import { Summary } from './report/summary.js'
import { save } from './state.js'

/** Runs the main step. Never throws: every failure ends in `core.setFailed` with one message. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  save('isPost', 'true')
  save('startedAt', new Date().toISOString())
  const outputs = new Outputs()
  const summary = new Summary()
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
    const result = await runMode(mode, inputs, event, outputs, summary, env)
    finish(result, outputs, summary, reauth)
  } catch (err) {
    fail(err, outputs, summary, reauth, mode)
  } finally {
    await summary.write()
  }
}

async function runMode(
  mode: ConcreteMode,
  inputs: Inputs,
  event: EventInfo,
  outputs: Outputs,
  summary: Summary,
  env: NodeJS.ProcessEnv
): Promise<JobResult> {
  const now = Date.now()
  let auth: LoadedAuth
  try {
    auth = await loadAuth(inputs, {
      now,
      minValidityMs: inputs.min_validity,
      warnWithinMs: inputs.warn_within
    })
  } catch (err) {
    if (err instanceof AuthError) {
      outputs.set('auth_status', err.status)
      if (mode === 'health') {
        summary.table(
          [
            ['Status', err.status],
            ['Problem', err.message]
          ],
          ['Claude login', '']
        )
      }
    }
    throw err
  }
  for (const w of auth.warnings) core.warning(w)
  for (const n of auth.assessment.notices) core.notice(n)
  outputs.auth(auth.assessment, now)

  if (mode === 'health') return runHealth(inputs, auth, event, outputs, summary, env, now)

  const a = auth.assessment
  if (a.status === 'expired' || a.status === 'invalid') {
    throw new AuthError(
      refreshHint(a.reason ?? `The login is ${a.status}.`, a.needsRefresh),
      'expired'
    )
  }
  if (a.status === 'expiring') core.warning(a.reason ?? 'The login ends soon.')

  const claude = await prepareClaude(inputs, auth, env, { exportForLaterSteps: mode === 'setup' })
  if (mode === 'setup') return { conclusion: 'success' }
  const ctx: JobContext = { inputs, event, auth, outputs, summary, claude, now: Date.now }
  switch (mode) {
    case 'prompt':
      return runPromptJob(ctx)
    default:
      throw new InputError(`mode ${mode} is not available in this build.`)
  }
}

/** Restores the login into config_dir and installs the CLI; in setup mode, leaves both for later steps. */
async function prepareClaude(
  inputs: Inputs,
  auth: LoadedAuth,
  env: NodeJS.ProcessEnv,
  opts: { exportForLaterSteps: boolean }
): Promise<ClaudeRunner> {
  const configDir = resolveConfigDir(inputs.config_dir)
  const plan = await planRestore(configDir)
  // Saved before anything is written, so the post step can always put things back.
  save('restorePlan', JSON.stringify(plan))
  await restoreLogin(plan, auth.login)
  if (auth.login?.kind === 'oauth') {
    // A hash, never the token: the state file is written where tokens must not be.
    save('restoredRefreshHash', sha256(auth.login.credentials.claudeAiOauth.refreshToken ?? ''))
  }
  core.info(`Restored the ${auth.assessment.kind} login into ${configDir} (files 0600).`)

  const installed = await installClaude({
    version: inputs.claude_version,
    claudePath: inputs.claude_path || undefined
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
  return cliRunner({
    claudePath: installed.path,
    auth: cliAuth,
    baseEnv: env,
    cwd: env.GITHUB_WORKSPACE
  })
}

async function runHealth(
  inputs: Inputs,
  auth: LoadedAuth,
  _event: EventInfo,
  outputs: Outputs,
  summary: Summary,
  env: NodeJS.ProcessEnv,
  now: number
): Promise<JobResult> {
  const verdict = healthVerdict(auth, now)
  summary.table(verdict.rows, ['Claude login', ''])
  if (!verdict.ok) {
    throw new AuthError(refreshHint(verdict.message, auth.assessment.needsRefresh), 'expired')
  }
  if (verdict.level === 'warning') core.warning(verdict.message)
  if (inputs.live_check) {
    const claude = await prepareClaude(inputs, auth, env, { exportForLaterSteps: false })
    const run = await claude.run({
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
    if (run.outcome.kind === 'usage-limit') {
      // The login works: the subscription is only out of usage for now.
      core.warning(`Live check: ${run.outcome.message}`)
    } else if (run.outcome.kind !== 'success') {
      if (run.outcome.kind === 'auth') outputs.set('auth_status', 'expired')
      return {
        conclusion: 'failure',
        message: `Live check failed: ${run.outcome.message}`,
        auth: run.outcome.kind === 'auth'
      }
    }
  }
  return { conclusion: 'success' }
}

/** Until a refresh can happen here, say what would fix an access token a refresh could save. */
function refreshHint(reason: string, needsRefresh: boolean): string {
  if (!needsRefresh) return reason
  return `${reason.replace(/; a refresh can renew it\.$/, '')}: a refresh could renew it, but this run may not refresh it; re-capture the login, or use a setup-token.`
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
  } else if (err instanceof InputError) {
    message = err.message
  } else {
    // Unexpected: one line, no stack (a stack could carry data the masks have not seen).
    message = `Unexpected error${mode ? ` in mode ${mode}` : ''}: ${(err as Error)?.message ?? String(err)}`
    core.debug((err as Error)?.stack ?? '')
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

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
