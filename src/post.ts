/**
 * The post step: runs even when the job failed. Writes back a login the CLI rotated during the
 * run, then takes the restored login away and puts back what was there before. Only cleans up and
 * only warns: it never fails the job. What a write-back needs (the inputs, the bundle code, Octokit,
 * libsodium) is loaded only when there is one to make or to report.
 */
import * as core from '@actions/core'
import { isWiped } from './auth/credentials.js'
import type { WriteBackConfig } from './auth/lifecycle.js'
import { authFailure, type ReauthContext } from './auth/messages.js'
import {
  readRestoredCredentials,
  RestorePlanSchema,
  undoRestore,
  type RestorePlan
} from './auth/restore.js'
import { load, tokenHash } from './state.js'

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
 * The post step under the name `@github/local-action` calls (`--post src/post.ts`): `run`, as
 * main.ts names the main step's.
 */
export { post as run }

/**
 * Compares the refresh token on disk with the one restored: when the CLI rotated it during the run,
 * or the main step rotated it and could not store it, the login on disk is written back (or,
 * without secrets_token, a warning says the secret is stale). A login that still cannot be stored
 * is an error annotation with the re-auth steps; the post step itself never fails.
 */
async function readBack(plan: RestorePlan, env: NodeJS.ProcessEnv): Promise<void> {
  const restoredHash = load('restoredRefreshHash')
  const pending = load('writeBackPending') === 'true'
  if (!restoredHash && !pending) return
  const file = await readRestoredCredentials(plan)
  const oauth = (
    file as { claudeAiOauth?: { accessToken?: unknown; refreshToken?: unknown } } | undefined
  )?.claudeAiOauth
  const refreshToken = typeof oauth?.refreshToken === 'string' ? oauth.refreshToken : ''
  // The usual end: nothing pending, and the login on disk is the one restored (or gone).
  const unchanged = !isWiped(oauth) && tokenHash(refreshToken) === restoredHash
  if (!pending && (!oauth || unchanged)) return

  const [{ getInputs }, { decodeAuth }, { maskLogin }, lifecycle] = await Promise.all([
    import('./inputs.js'),
    import('./auth/bundle.js'),
    import('./auth/load.js'),
    import('./auth/lifecycle.js')
  ])
  const { loginFromFile, staleWarning, writeBackConfig, writeBackLogin } = lifecycle
  const inputs = getInputs()
  const cfg = writeBackConfig(inputs, env)
  const lost = (why: string): void => core.error(lostLogin(why, pending, cfg, env))
  if (!oauth) {
    if (pending) lost('the main step left no credentials file to store it from.')
    return
  }
  if (isWiped(oauth)) {
    const wiped =
      'The CLI wiped the login during the run (its refresh was refused): the stored secret is not updated; re-capture the login.'
    if (pending) lost(wiped)
    else core.warning(wiped)
    return
  }
  if (typeof oauth.accessToken === 'string') core.setSecret(oauth.accessToken)
  if (refreshToken) core.setSecret(refreshToken)

  if (!cfg.secretsToken) {
    core.warning(staleWarning(cfg))
    return
  }
  const original = await decodeAuth(inputs.claude_auth, { inputName: 'claude_auth' })
  maskLogin(original)
  if (original.kind !== 'oauth') return
  const rotated = loginFromFile(original, file)
  if (!rotated) {
    const odd =
      'The credentials file the CLI left is not a login this action understands: the stored secret is not updated.'
    if (pending) lost(odd)
    else core.warning(odd)
    return
  }
  const generation = Number(load('generation') ?? original.generation) + 1
  const since = load('lastWriteAt') ?? load('startedAt')
  const written = await writeBackLogin(rotated, generation, cfg, since)
  if (!written.stored) {
    lost(written.writeBackProblem)
    return
  }
  core.notice(
    pending
      ? `The login the main step rotated and could not store is now stored, on a second try (generation ${generation}).`
      : `The CLI rotated the login during the run; the new login was written back (generation ${generation}).`
  )
}

/** The error when a rotated login is lost: why, what it means, and the re-auth steps. */
function lostLogin(
  why: string,
  pending: boolean,
  cfg: WriteBackConfig,
  env: NodeJS.ProcessEnv
): string {
  const what = pending
    ? 'The new login could not be stored, on a second try either'
    : 'The login the CLI rotated during the run could not be stored'
  const sentence = `${what}: ${why} The secret ${cfg.secretName} now holds a refresh token that no longer works, so the next run will fail until the login is captured again.`
  return authFailure(sentence, reauthContext(cfg), env)
}

function reauthContext(cfg: WriteBackConfig): ReauthContext {
  return {
    repo: cfg.repo || 'OWNER/REPO',
    secretName: cfg.secretName,
    ...(cfg.environment ? { environment: cfg.environment } : {}),
    ...(cfg.org ? { org: cfg.org } : {})
  }
}
