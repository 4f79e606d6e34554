/**
 * The login's lifecycle around a run: refresh before the run when the access token cannot last
 * `min_validity` (and only when the rotated login can be written back), write the rotated login
 * back to the secret, and tell when another run rotated the secret first.
 */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { createOctokit } from '../github/octokit.js'
import type { Inputs } from '../inputs.js'
import {
  buildBundle,
  CredentialsSchema,
  encodeBundle,
  type Login,
  type OauthLogin
} from './bundle.js'
import { AuthError } from './errors.js'
import { maskToken, type LoadedAuth } from './load.js'
import { refreshLogin, shouldRefresh, type RefreshMode } from './refresh.js'
import { describeTarget, secretUpdatedAt, writeSecret, type SecretTarget } from './secrets.js'
import { assessLogin, type AssessOptions } from './validate.js'

/** Where rotated logins are written back, from the inputs. */
export interface WriteBackConfig {
  secretsToken: string
  secretName: string
  environment: string
  org: string
  /** OWNER/REPO of the workflow's repository. */
  repo: string
}

/** Where rotated logins go, from the inputs. */
export function writeBackConfig(
  inputs: Pick<
    Inputs,
    'secrets_token' | 'auth_secret_name' | 'auth_secret_environment' | 'auth_secret_org'
  >,
  env: NodeJS.ProcessEnv
): WriteBackConfig {
  return {
    secretsToken: inputs.secrets_token,
    secretName: inputs.auth_secret_name,
    environment: inputs.auth_secret_environment,
    org: inputs.auth_secret_org,
    repo: env.GITHUB_REPOSITORY ?? ''
  }
}

/** The secret the inputs name. */
export function secretTarget(cfg: WriteBackConfig): SecretTarget {
  if (cfg.org) return { kind: 'org', org: cfg.org }
  if (cfg.environment) return { kind: 'env', repo: cfg.repo, environment: cfg.environment }
  return { kind: 'repo', repo: cfg.repo }
}

/** SHA-256 hex of a token: how state remembers a token without holding it. */
export function tokenHash(token: string | undefined): string {
  return createHash('sha256')
    .update(token ?? '')
    .digest('hex')
}

/** The outcome of the pre-run refresh decision. */
export interface PreparedLogin {
  auth: LoadedAuth
  rotated: boolean
  secretUpdated: boolean
  /** The generation the secret holds after this step (for the post step's next write). */
  generation: number
}

/**
 * Refreshes the login when the inputs allow and it is needed, writing the rotated login back.
 * @throws AuthError when the access token cannot last and may not be refreshed, or the refresh fails.
 */
export async function refreshIfNeeded(
  auth: LoadedAuth,
  opts: {
    refresh: RefreshMode
    writeBack: WriteBackConfig
    assess: AssessOptions
    startedAt: string
  }
): Promise<PreparedLogin> {
  const login = auth.login
  const generation = login?.generation ?? 0
  const unchanged = { auth, rotated: false, secretUpdated: false, generation }
  if (!login || login.kind !== 'oauth') return unchanged
  const canWriteBack = opts.writeBack.secretsToken !== ''
  const decision = shouldRefresh(auth.assessment, { refresh: opts.refresh, canWriteBack })
  if (!decision.refresh) {
    if (auth.assessment.needsRefresh) {
      throw new AuthError(`${auth.assessment.reason ?? ''} ${decision.reason}`.trim(), 'expired')
    }
    return unchanged
  }
  if (!canWriteBack) core.warning(decision.reason)
  core.info(`Refreshing the login: ${decision.reason}`)
  const fresh = await refreshLogin(login, { onToken: maskToken })
  const assessment = assessLogin(fresh, opts.assess)
  const next: LoadedAuth = { ...auth, login: fresh, assessment }
  if (!canWriteBack) {
    core.warning(staleWarning(opts.writeBack))
    return { auth: next, rotated: true, secretUpdated: false, generation }
  }
  const written = await writeBackLogin(fresh, generation + 1, opts.writeBack, opts.startedAt)
  return {
    auth: next,
    rotated: true,
    secretUpdated: written,
    generation: written ? generation + 1 : generation
  }
}

/** The warning when a rotated login cannot be stored: the secret now holds a dead refresh token. */
export function staleWarning(cfg: WriteBackConfig): string {
  return `The login was rotated, but without secrets_token it cannot be written back: ${describeTarget(secretTarget(cfg))}'s secret ${cfg.secretName} now holds a refresh token that no longer works, and the next run will fail. Set secrets_token (a token that may write Actions secrets) so the action stores rotated logins, or use a setup-token, which never rotates.`
}

/**
 * Writes a rotated login back as a new bundle (`generation`, `source: "refresh"`). Never writes a
 * wiped login. Warns when the secret changed after this run started (another run rotated it).
 * @returns whether the secret was written.
 */
export async function writeBackLogin(
  login: Login,
  generation: number,
  cfg: WriteBackConfig,
  startedAt: string | undefined
): Promise<boolean> {
  if (login.kind === 'oauth' && login.credentials.claudeAiOauth.accessToken === '') {
    core.warning('The login was wiped by the CLI (a refused refresh): it is not written back.')
    return false
  }
  const octokit = createOctokit(cfg.secretsToken, { log: line => core.info(line) })
  const target = secretTarget(cfg)
  try {
    const updatedAt = await secretUpdatedAt(octokit, target, cfg.secretName).catch(() => undefined)
    if (updatedAt && startedAt && Date.parse(updatedAt) > Date.parse(startedAt)) {
      core.warning(
        `The secret ${cfg.secretName} was changed at ${updatedAt}, after this run started: another run rotated the same login. Give every job that uses it one concurrency group (see the README) so two runs never hold the same login.`
      )
    }
    const bundle = buildBundle(login, { source: 'refresh', generation })
    const value = encodeBundle(bundle)
    core.setSecret(value)
    const how = await writeSecret(octokit, target, cfg.secretName, value)
    core.info(
      `Wrote the rotated login back to ${describeTarget(target)} (secret ${cfg.secretName} ${how}, generation ${generation}).`
    )
    return true
  } catch (err) {
    core.warning(
      `Could not write the rotated login back to ${describeTarget(target)}: ${(err as Error).message} The stored secret is now stale: re-capture the login, and check that secrets_token may write Actions secrets.`
    )
    return false
  }
}

/** The oauth login as it stands in the credentials file after the run, or undefined. */
export function loginFromFile(base: OauthLogin, file: unknown): OauthLogin | undefined {
  const parsed = CredentialsSchema.safeParse(file)
  return parsed.success ? { ...base, credentials: parsed.data } : undefined
}
