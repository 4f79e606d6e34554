/**
 * The one way a step gets its login: decode, mask and assess it, refresh it when it must and may
 * (writing the rotated login back), and report each assessment as it changes. Main calls it once
 * per job; the health check asks for a look without a refresh.
 */
import * as core from '@actions/core'
import type { Inputs } from '../inputs.js'
import { load, save } from '../state.js'
import { AuthError } from './errors.js'
import { refreshIfNeeded, writeBackConfig } from './lifecycle.js'
import { loadAuth, type LoadedAuth } from './load.js'
import { shouldRefresh } from './refresh.js'
import { assumingRefresh, type Assessment } from './validate.js'

/**
 * What the login is for. `run`: a job runs with it, so it is refreshed when needed and an expired or
 * invalid login is an AuthError. `live-check`: one live call, refreshed when needed, judged by the
 * caller. `status`: a look with no call: never refreshed, and a login the next run may refresh is
 * judged as refreshed.
 */
export type LoginUse = 'run' | 'live-check' | 'status'

/** Where the login's state is reported (the step's outputs). */
export interface LoginReport {
  /** The login's assessment, each time it changes. */
  auth(a: Assessment, now: number): void
  /** This run rotated the login; `stored`: the secret holds the new one. */
  rotated(stored: boolean): void
}

/** The login, ready for its use. */
export interface ReadyLogin {
  auth: LoadedAuth
  /**
   * Set when this run rotated the login and could not store it: the sentence saying why. The step
   * must fail with it, whatever the job did.
   */
  unstored?: string
}

/**
 * Loads the login for `use` at `now`, reporting it as it goes.
 * @throws AuthError when there is no usable login (for `run`: also when it is expired or invalid).
 */
export async function enterLogin(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  opts: { use: LoginUse; now: number; report: LoginReport }
): Promise<ReadyLogin> {
  const { use, now, report } = opts
  const loaded = await loadAuth(inputs, {
    now,
    minValidityMs: inputs.min_validity,
    warnWithinMs: inputs.warn_within
  })
  for (const w of loaded.warnings) core.warning(w)
  for (const n of loaded.assessment.notices) core.notice(n)
  report.auth(loaded.assessment, now)
  if (use === 'status') return { auth: assumedRefreshed(loaded, inputs, now, report) }
  if (use === 'live-check' && !loaded.assessment.needsRefresh) return { auth: loaded }
  const ready = await refreshed(loaded, inputs, env, now, report)
  if (use === 'run') usableOrThrow(ready.auth.assessment)
  return ready
}

/** Refreshes (and writes back) when the login needs it and the inputs allow it. */
async function refreshed(
  auth: LoadedAuth,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  now: number,
  report: LoginReport
): Promise<ReadyLogin> {
  const lifecycle = await refreshIfNeeded(auth, {
    refresh: inputs.refresh,
    writeBack: writeBackConfig(inputs, env),
    assess: { now, minValidityMs: inputs.min_validity, warnWithinMs: inputs.warn_within },
    startedAt: load('startedAt') ?? new Date(now).toISOString()
  })
  save('generation', String(lifecycle.generation))
  if (lifecycle.rotated) {
    report.rotated(lifecycle.secretUpdated)
    report.auth(lifecycle.auth.assessment, now)
    if (lifecycle.secretUpdated) save('lastWriteAt', new Date().toISOString())
  }
  if (!lifecycle.writeBackProblem) return { auth: lifecycle.auth }
  // The post step tries once more, from the credentials file the run leaves.
  save('writeBackPending', 'true')
  return {
    auth: lifecycle.auth,
    unstored: `The new login could not be stored: ${lifecycle.writeBackProblem} The job runs with the new login, but unless the post step stores it, the secret holds a refresh token that no longer works and the next run fails.`
  }
}

/**
 * With no call to make, a short access token the next run that uses the login may refresh is no
 * problem: the login itself is what counts.
 */
function assumedRefreshed(
  auth: LoadedAuth,
  inputs: Inputs,
  now: number,
  report: LoginReport
): LoadedAuth {
  if (!auth.assessment.needsRefresh) return auth
  const policy = { refresh: inputs.refresh, canWriteBack: inputs.secrets_token !== '' }
  if (!shouldRefresh(auth.assessment, policy).refresh) return auth
  const before = auth.assessment.notices.length
  const assessment = assumingRefresh(auth.assessment, { now, warnWithinMs: inputs.warn_within })
  report.auth(assessment, now)
  for (const n of assessment.notices.slice(before)) core.notice(n)
  return { ...auth, assessment }
}

/** An expired or invalid login cannot run a job; one that ends soon can, with a warning. */
function usableOrThrow(a: Assessment): void {
  if (a.status === 'expired' || a.status === 'invalid') {
    throw new AuthError(a.reason ?? `The login is ${a.status}.`, 'expired')
  }
  if (a.status === 'expiring') core.warning(a.reason ?? 'The login ends soon.')
}
