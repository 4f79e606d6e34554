/**
 * `mode: health`: the login's status with no network, optionally one tiny live call, and one
 * tracking issue kept open while action is needed. The verdict itself is pure logic; the live call
 * and the tracking issue are added around it.
 */
import * as core from '@actions/core'
import type { LoginUse, ReadyLogin } from '../auth/entry.js'
import { AuthError } from '../auth/errors.js'
import { fingerprint, primaryToken } from '../auth/credentials.js'
import type { LoadedAuth } from '../auth/load.js'
import { reauthBlock, SECRETS_TOKEN_FIX, type ReauthContext } from '../auth/messages.js'
import type { ClaudeRunner } from '../claude/runner.js'
import { probe } from '../claude/probe.js'
import { formatSpan, iso, timeLeft } from '../time.js'
import { isOwnComment, type GitHubApi } from '../github/api.js'
import { markdownTable } from '../report/markdown.js'
import { setUsageOutputs, tokensSentence, usageSentence } from '../report/usage.js'
import type { JobResult, PreContext } from './context.js'
import { ensureLabel } from './labels.js'
import { hasFooterMarker, withFooter } from './markers.js'

/** What the health check asks of the step that runs it. */
interface HealthSteps {
  env: NodeJS.ProcessEnv
  reauth: ReauthContext
  /** The login, reported in the outputs (see `enterLogin`). */
  login(use: Exclude<LoginUse, 'run'>, now: number): Promise<ReadyLogin>
  /** The CLI with the login restored, prepared once per run (a later pickup reuses it). */
  claude(kind: 'health', auth: LoadedAuth): Promise<ClaudeRunner>
}

/** Why the check needs action; `auth`: the login itself is the problem. */
interface Problem {
  message: string
  status: string
  auth: boolean
}

/** Runs the health check: the verdict, the live call when asked, the tracking issue when asked. */
export async function runHealth(pre: PreContext, steps: HealthSteps): Promise<JobResult> {
  const { inputs, outputs, summary } = pre
  const now = Date.now()
  let problem: Problem | undefined
  let warning: string | undefined
  let rows: Array<[string, string]>
  let healthy: LoadedAuth['assessment'] | undefined
  try {
    const { auth, unstored } = await steps.login(inputs.live_check ? 'live-check' : 'status', now)
    healthy = auth.assessment
    const verdict = healthVerdict(auth, now)
    rows = verdict.rows
    summary.table(rows, ['Claude login', ''])
    if (!verdict.ok) {
      problem = { message: verdict.message, status: auth.assessment.status, auth: true }
    } else {
      if (verdict.level === 'warning') warning = verdict.message
      if (inputs.live_check) problem = await liveCheck(pre, auth, steps)
    }
    if (unstored) {
      // The login works today, but the secret now holds a dead refresh token: never "valid".
      outputs.set('auth_status', 'invalid')
      problem = { message: unstored, status: 'invalid', auth: true }
    }
  } catch (err) {
    if (!(err instanceof AuthError)) throw err
    outputs.set('auth_status', err.status)
    problem = { message: err.message, status: err.status, auth: true }
    rows = [['Status', err.status]]
    summary.table([...rows, ['Problem', err.message]], ['Claude login', ''])
  }
  if (warning) core.warning(warning)
  else if (!problem && healthy) core.info(healthyLine(healthy, now))
  if (inputs.health_issue) await reportOnIssue(pre, steps, { problem, warning, rows })
  return problem
    ? { conclusion: 'failure', message: problem.message, auth: problem.auth }
    : { conclusion: 'success' }
}

/** One tiny real call with the cheapest model; undefined when it worked. */
async function liveCheck(
  pre: PreContext,
  auth: LoadedAuth,
  steps: Pick<HealthSteps, 'claude'>
): Promise<Problem | undefined> {
  const { inputs, outputs, summary } = pre
  const claude = await steps.claude('health', auth)
  const run = await probe(claude, {
    kind: 'health',
    label: 'Claude Code: live check',
    model: inputs.model,
    timeoutMinutes: inputs.timeout_minutes
  })
  summary.table(
    [
      ['Live call', run.outcome.kind === 'success' ? 'ok' : run.outcome.kind],
      ['Duration', `${run.durationMs} ms`],
      ['Tokens', tokensSentence(run.tokens) ?? 'not reported'],
      ['Subscription usage', usageSentence(run.usage, Date.now()) ?? 'not reported']
    ],
    ['Live check', '']
  )
  setUsageOutputs(outputs, run.usage, run.tokens)
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

/** Keeps the tracking issue in step with the check; a failure to do so is only a warning. */
async function reportOnIssue(
  pre: PreContext,
  steps: HealthSteps,
  found: {
    problem?: Problem | undefined
    warning?: string | undefined
    rows: Array<[string, string]>
  }
): Promise<void> {
  const { problem, warning, rows } = found
  const url = runUrl(steps.env)
  try {
    const did = await syncTrackingIssue(pre.github, {
      needsAction: problem !== undefined || warning !== undefined,
      status: problem?.status ?? pre.outputs.values.auth_status ?? 'unknown',
      message: problem?.message ?? warning ?? '',
      rows,
      reauth: reauthBlock(steps.reauth, steps.env),
      ...(url !== undefined ? { runUrl: url } : {})
    })
    core.info(`Health tracking issue: ${did}.`)
    pre.summary.text(`Tracking issue: ${did}.`)
  } catch (err) {
    core.warning(`Could not update the health tracking issue: ${(err as Error).message}`)
  }
}

/** This workflow run's page, for the tracking issue. */
function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
}

/**
 * The one log line of a healthy check: "Login valid; access token expires in 5h 57m; the login
 * ends in 19d 23h (ISO)." (a quiet success still says what it found).
 */
export function healthyLine(a: LoadedAuth['assessment'], now: number): string {
  if (a.kind === 'api-key') return 'API key set: no expiry to check.'
  const ends =
    a.loginExpiresAt === undefined
      ? ''
      : `; the login ends in ${formatSpan(a.loginExpiresAt - now)} (${iso(a.loginExpiresAt)})`
  if (a.kind === 'setup-token') {
    return a.expiresAt === undefined
      ? 'Login valid: a setup-token whose expiry is not recorded.'
      : `Login valid: a setup-token that expires in ${formatSpan(a.expiresAt - now)} (${iso(a.expiresAt)}).`
  }
  const token =
    a.expiresAt === undefined
      ? ''
      : a.expiresAt > now
        ? `; access token expires in ${formatSpan(a.expiresAt - now)}`
        : `; access token expired ${formatSpan(now - a.expiresAt)} ago (the next run that uses the login refreshes it)`
  return `Login valid${token}${ends}.`
}

/** What the health check concludes before any live call. */
interface HealthVerdict {
  ok: boolean
  /** `warning` inside warn_within, `error` when the login cannot be used. */
  level: 'ok' | 'warning' | 'error'
  /** The sentence for the annotation and the tracking issue; empty when healthy. */
  message: string
  rows: Array<[string, string]>
}

/** Judges a loaded login at `now`. */
export function healthVerdict(auth: LoadedAuth, now: number): HealthVerdict {
  const a = auth.assessment
  const token = primaryToken(auth)
  const when = (ms: number | undefined): string =>
    ms === undefined
      ? 'unknown'
      : `${iso(ms)} (${ms > now ? 'in ' : ''}${formatSpan(Math.abs(ms - now))}${ms > now ? '' : ' ago'})`
  const rows: Array<[string, string]> = [
    ['Auth kind', a.kind],
    ['Status', a.status],
    ['Access token expires', a.kind === 'api-key' ? 'n/a (API key)' : when(a.expiresAt)],
    ['Login ends', a.kind === 'api-key' ? 'n/a (API key)' : when(a.loginExpiresAt)],
    ['Time left', a.expiresAt === undefined ? 'unknown' : timeLeft(a.expiresAt, now)],
    ['Token fingerprint', token ? `…${fingerprint(token)} (last 4 of SHA-256)` : 'none']
  ]
  if (auth.login?.generation !== undefined && auth.login.origin === 'bundle') {
    rows.push(['Bundle generation', String(auth.login.generation)])
  }
  if (a.status === 'valid') {
    return { ok: true, level: 'ok', message: a.notices.join(' '), rows }
  }
  if (a.status === 'expiring') {
    return { ok: true, level: 'warning', message: a.reason ?? 'The login ends soon.', rows }
  }
  const fix = a.needsRefresh
    ? ` A refresh could renew it, but this run may not refresh it (no secrets_token, or refresh: never). ${SECRETS_TOKEN_FIX}`
    : ''
  return {
    ok: false,
    level: 'error',
    message: `${a.reason ?? `The login is ${a.status}.`}${fix}`,
    rows
  }
}

/** Finds the tracking issue again among open issues with the label (in the body's footer). */
export const HEALTH_MARKER = '<!-- claude-subscription-action:health -->'
/** The label every tracking issue carries (created when missing). */
export const HEALTH_LABEL = 'claude-auth-health'

/** What the tracking issue should say. */
interface TrackingState {
  /** Action is needed: the login is expiring, expired, invalid or missing, or the live call failed. */
  needsAction: boolean
  status: string
  message: string
  rows: Array<[string, string]>
  /** The re-auth steps, as `messages.ts` words them. */
  reauth: string
  runUrl?: string
}

/**
 * Keeps one tracking issue: opened or updated while action is needed, closed with a comment when
 * the login is healthy again. Returns what it did, for the log.
 */
export async function syncTrackingIssue(github: GitHubApi, state: TrackingState): Promise<string> {
  const open = await github.listIssues({ state: 'open', labels: HEALTH_LABEL, limit: 50 })
  const marked = open.filter(i => hasFooterMarker(i.body, HEALTH_MARKER))
  // Only an issue the action opened: anyone who may label an issue could otherwise have the
  // action rewrite (and later close) theirs.
  const self = marked.length > 0 ? await github.whoami() : ''
  const existing = marked.find(i => isOwnComment(i, self))
  if (!state.needsAction) {
    if (!existing) return 'no tracking issue open: nothing to do'
    await github.createIssueComment(
      existing.number,
      `The Claude login is healthy again (status ${state.status}). Closing.${state.runUrl ? `\n\nChecked by ${state.runUrl}` : ''}`
    )
    await github.updateIssue(existing.number, { state: 'closed' })
    return `closed tracking issue #${existing.number}`
  }
  const text = [
    `**The Claude login used by this repository's workflows needs attention: ${state.status}.**`,
    '',
    state.message,
    '',
    markdownTable(['', ''], state.rows),
    '',
    state.reauth,
    '',
    `_Updated by the scheduled health check${state.runUrl ? ` (${state.runUrl})` : ''}; closed automatically once the login is healthy again._`
  ].join('\n')
  const body = withFooter(text, [HEALTH_MARKER])
  const title = `Claude login needs attention: ${state.status}`
  if (existing) {
    await github.updateIssue(existing.number, { title, body })
    return `updated tracking issue #${existing.number}`
  }
  await ensureLabel(github, {
    name: HEALTH_LABEL,
    color: 'd93f0b',
    description: 'The Claude login of the workflows needs attention'
  })
  const created = await github.createIssue({ title, body, labels: [HEALTH_LABEL] })
  return `opened tracking issue #${created.number}`
}
