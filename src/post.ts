/**
 * The post step: runs even when the job failed. Writes back a login the CLI rotated during the
 * run, then takes the restored login away and puts back what was there before. Only cleans up and
 * only warns: it never fails the job.
 */
import * as core from '@actions/core'
import { decodeAuth } from './auth/bundle.js'
import {
  loginFromFile,
  staleWarning,
  tokenHash,
  writeBackConfig,
  writeBackLogin
} from './auth/lifecycle.js'
import { maskLogin } from './auth/load.js'
import {
  readRestoredCredentials,
  RestorePlanSchema,
  undoRestore,
  type RestorePlan
} from './auth/restore.js'
import { getInputs } from './inputs.js'
import { load } from './state.js'

/** Runs the post step; every problem is a warning. */
export async function post(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const raw = load('restorePlan')
  if (!raw) {
    core.info('Nothing to clean up: the main step restored no login.')
    return
  }
  let plan: RestorePlan
  try {
    plan = RestorePlanSchema.parse(JSON.parse(raw))
  } catch {
    core.warning(
      'Post step: the saved restore plan is unreadable, so the restored login was not removed.'
    )
    return
  }
  try {
    await readBack(plan, env)
  } catch (err) {
    core.warning(`Post step: could not check the login for a rotation: ${(err as Error).message}`)
  }
  try {
    const problems = await undoRestore(plan)
    for (const p of problems) core.warning(`Post step: ${p}`)
    if (problems.length === 0) {
      core.info(
        `Removed the restored login from ${plan.configDir}${plan.hadDir ? ' and put back what was there before' : ''}.`
      )
    }
  } catch (err) {
    core.warning(`Post step: ${(err as Error).message}`)
  }
}

/**
 * Compares the refresh token on disk with the one restored: when the CLI rotated it during the run,
 * the new login is written back (or, without secrets_token, a warning says the secret is stale).
 */
async function readBack(plan: RestorePlan, env: NodeJS.ProcessEnv): Promise<void> {
  const restoredHash = load('restoredRefreshHash')
  if (!restoredHash) return
  const file = await readRestoredCredentials(plan)
  const oauth = (
    file as { claudeAiOauth?: { accessToken?: unknown; refreshToken?: unknown } } | undefined
  )?.claudeAiOauth
  if (!oauth) return
  if (oauth.accessToken === '') {
    core.warning(
      'The CLI wiped the login during the run (its refresh was refused): the stored secret is not updated; re-capture the login.'
    )
    return
  }
  const refreshToken = typeof oauth.refreshToken === 'string' ? oauth.refreshToken : ''
  if (tokenHash(refreshToken) === restoredHash) return
  if (typeof oauth.accessToken === 'string') core.setSecret(oauth.accessToken)
  if (refreshToken) core.setSecret(refreshToken)

  const inputs = getInputs()
  const cfg = writeBackConfig(inputs, env)
  if (!cfg.secretsToken) {
    core.warning(staleWarning(cfg))
    return
  }
  const original = await decodeAuth(inputs.claude_auth, { inputName: 'claude_auth' })
  maskLogin(original)
  if (original.kind !== 'oauth') return
  const rotated = loginFromFile(original, file)
  if (!rotated) {
    core.warning(
      'The credentials file the CLI left is not a login this action understands: the stored secret is not updated.'
    )
    return
  }
  const generation = Number(load('generation') ?? original.generation) + 1
  const since = load('lastWriteAt') ?? load('startedAt')
  if (await writeBackLogin(rotated, generation, cfg, since)) {
    core.notice(
      `The CLI rotated the login during the run; the new login was written back (generation ${generation}).`
    )
  }
}
