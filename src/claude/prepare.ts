/**
 * The CLI made ready for a job: the login restored into config_dir (where the post step can put
 * things back), the pinned CLI installed, and the runner built over the sandbox for the job's kind.
 * In setup mode, both are left for the workflow's later steps.
 */
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { LoadedAuth } from '../auth/load.js'
import { configDirFromInput } from '../auth/paths.js'
import { isDefaultConfigDir, planRestore, restoreLogin, type RestorePlan } from '../auth/restore.js'
import type { Inputs } from '../inputs.js'
import { save, tokenHash } from '../state.js'
import type { CliAuth } from './env.js'
import type { ClaudeRunner } from './runner.js'
import {
  CHECKOUT_TOKEN_WARNING,
  checkoutLeftToken,
  cliSandbox,
  isUntrusted,
  restoresBundleSettings,
  sandboxPaths,
  type JobKind
} from './sandbox.js'

/** The runner, and where the CLI and its login are. */
export type PreparedClaude = ClaudeRunner & { version: string; path: string; configDir: string }

/** config_dir, absolute; an InputError when the model could read it there. */
export function configDirOf(
  inputs: Pick<Inputs, 'config_dir'>,
  env: NodeJS.ProcessEnv
): Promise<string> {
  return configDirFromInput(inputs.config_dir, {
    home: os.homedir(),
    ...(env.GITHUB_WORKSPACE ? { workspace: env.GITHUB_WORKSPACE } : {})
  })
}

/** Restores the login into config_dir and installs the CLI; in setup mode, leaves both for later steps. */
export async function prepareClaude(
  inputs: Inputs,
  auth: LoadedAuth,
  env: NodeJS.ProcessEnv,
  opts: { kind: JobKind; configDir: string }
): Promise<PreparedClaude> {
  if (isUntrusted(opts.kind) && (await checkoutLeftToken(env.GITHUB_WORKSPACE))) {
    core.warning(CHECKOUT_TOKEN_WARNING)
  }
  const plan = await restored(auth, env, { ...opts, asked: inputs.config_dir })
  const configDir = plan.configDir

  const { installClaude } = await import('./install.js')
  const installed = await installClaude({
    version: inputs.claude_version,
    ...(inputs.claude_path ? { claudePath: inputs.claude_path } : {}),
    env
  })
  core.info(`Claude Code ${installed.version} (${installed.from}): ${installed.path}`)
  if (opts.kind === 'setup') exportForLaterSteps(configDir, installed.path, auth)

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
  const { cliRunner } = await import('./runner.js')
  const runner = cliRunner({
    claudePath: installed.path,
    sandbox: cliSandbox(env, cliAuth, paths),
    ...(env.GITHUB_WORKSPACE !== undefined ? { cwd: env.GITHUB_WORKSPACE } : {}),
    ...(cliAuth.kind === 'oauth' ? { wipeCheckDir: configDir } : {})
  })
  return { ...runner, version: installed.version, path: installed.path, configDir }
}

/** The config_dir input's default: the CLI's own folder. */
const DEFAULT_CONFIG_DIR = '~/.claude'

/**
 * True off a GitHub runner (GITHUB_ACTIONS=true and RUNNER_TEMP are not both set: a developer's
 * machine, `@github/local-action`) with config_dir left at its default, where restoring would
 * move the developer's own Claude Code login aside until a post step that may never run.
 */
export function keepsOwnLogin(configDirInput: string, env: NodeJS.ProcessEnv): boolean {
  const onRunner = env.GITHUB_ACTIONS === 'true' && Boolean(env.RUNNER_TEMP)
  return !onRunner && configDirInput.trim() === DEFAULT_CONFIG_DIR
}

/** Where to restore: config_dir, or off a runner with the default, a fresh temporary directory. */
function restoreDir(env: NodeJS.ProcessEnv, opts: { configDir: string; asked: string }): string {
  if (!keepsOwnLogin(opts.asked, env)) return opts.configDir
  // Unguessable, and created 0700 by the restore (which fails on a directory someone else made).
  const dir = path.join(os.tmpdir(), `claude-subscription-action-${randomBytes(9).toString('hex')}`)
  core.notice(
    `Not on a GitHub runner (GITHUB_ACTIONS=true and RUNNER_TEMP are not both set): the login is restored into ${dir} and your own ~/.claude is left alone; set config_dir to choose another folder (its absolute path to use ~/.claude itself).`
  )
  return dir
}

/** Plans the restore (saved for the post step before anything is written) and restores the login. */
async function restored(
  auth: LoadedAuth,
  env: NodeJS.ProcessEnv,
  opts: { kind: JobKind; configDir: string; asked: string }
): Promise<RestorePlan> {
  const dir = restoreDir(env, opts)
  const plan = await planRestore(dir, undefined, env.RUNNER_TEMP || os.tmpdir())
  if (plan.divertedFrom) {
    core.notice(
      `${plan.divertedFrom} holds another run's login (a self-hosted runner with a shared HOME): this run restores into ${plan.configDir} instead, and leaves the other one alone.`
    )
  }
  // Saved before anything is written, so the post step can always put things back.
  save('restorePlan', JSON.stringify(plan))
  await restoreLogin(plan, auth.login, { withSettings: restoresBundleSettings(opts.kind) })
  if (auth.login?.kind === 'oauth') {
    // A hash, never the token: the state file is written where tokens must not be.
    save('restoredRefreshHash', tokenHash(auth.login.credentials.claudeAiOauth.refreshToken))
  }
  core.info(`Restored the ${auth.assessment.kind} login into ${plan.configDir} (files 0600).`)
  return plan
}

/** Setup mode: later steps find the CLI on PATH and the login where it was restored. */
function exportForLaterSteps(configDir: string, claudePath: string, auth: LoadedAuth): void {
  if (!isDefaultConfigDir(configDir)) core.exportVariable('CLAUDE_CONFIG_DIR', configDir)
  core.addPath(path.dirname(claudePath))
  // Later steps need the key itself; it is masked, and only setup mode with an API key does this.
  if (auth.apiKey) core.exportVariable('ANTHROPIC_API_KEY', auth.apiKey)
}
