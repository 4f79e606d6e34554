/**
 * The login's lifecycle around a run: refresh before the run when the access token cannot last
 * `min_validity` (and only when the rotated login can be written back), write the rotated login
 * back to the secret, and tell when another run rotated the secret first. Octokit and libsodium
 * are loaded only when a secret is actually read or written.
 */
import * as core from '@actions/core'
import type { Inputs } from '../inputs.js'
import { inputSpan } from '../time.js'
import {
  buildBundle,
  CredentialsSchema,
  encodeBundle,
  type Login,
  type OauthLogin
} from './bundle.js'
import { isWiped } from './credentials.js'
import { AuthError } from './errors.js'
import { maskToken, type LoadedAuth } from './load.js'
import { rotatorPointer } from './messages.js'
import { refreshLogin, shouldRefresh, type RefreshMode } from './refresh.js'
import type { PublicKeyAnswer } from './secrets.js'
import { describeTarget, type SecretTarget } from './target.js'
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
function secretTarget(cfg: WriteBackConfig): SecretTarget {
  if (cfg.org) return { kind: 'org', org: cfg.org }
  if (cfg.environment) return { kind: 'env', repo: cfg.repo, environment: cfg.environment }
  return { kind: 'repo', repo: cfg.repo }
}

export { tokenHash } from '../state.js'

/** The outcome of the pre-run refresh decision. */
interface PreparedLogin {
  auth: LoadedAuth
  rotated: boolean
  secretUpdated: boolean
  /** The generation the secret holds after this step (for the post step's next write). */
  generation: number
  /** Set when the login was rotated but could not be stored: why, in one sentence. */
  writeBackProblem?: string
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
  let decision = shouldRefresh(auth.assessment, { refresh: opts.refresh, canWriteBack })
  let cannotWrite: string | undefined
  if (decision.refresh && canWriteBack) {
    // A refresh rotates the stored refresh token away: make sure the new one can be stored first.
    cannotWrite = await cannotWriteReason(opts.writeBack)
    if (cannotWrite) decision = { refresh: false, reason: cannotWrite }
  }
  if (!decision.refresh) {
    if (auth.assessment.needsRefresh && opts.refresh === 'never') {
      // A login nobody but a rotator refreshes: point at the rotator (docs/organisation.md).
      const reason = auth.assessment.reason ?? 'The access token cannot last min_validity.'
      throw new AuthError(rotatorPointer(reason, inputSpan(opts.assess.minValidityMs)), 'expired')
    }
    if (auth.assessment.needsRefresh) {
      throw new AuthError(`${auth.assessment.reason ?? ''} ${decision.reason}`.trim(), 'expired')
    }
    if (cannotWrite) core.warning(cannotWrite)
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
  if (!written.stored) {
    return {
      auth: next,
      rotated: true,
      secretUpdated: false,
      generation,
      writeBackProblem: written.writeBackProblem
    }
  }
  return { auth: next, rotated: true, secretUpdated: true, generation: generation + 1 }
}

/** Whether secrets_token may write the target secret: the verdict on its public-key answer. */
type WriteAccess = { ok: true } | { ok: false; why: string }

/**
 * Judges GitHub's answer to reading the target's public key with secrets_token. A classic token
 * (it answers with `x-oauth-scopes`) must also hold the scope that writing secrets there needs.
 */
export function writeAccess(answer: PublicKeyAnswer, target: SecretTarget): WriteAccess {
  const need = target.kind === 'org' ? 'admin:org' : 'repo'
  const said = answer.message ? ` (${answer.message})` : ''
  switch (answer.status) {
    case 200:
      break
    case 401:
      return { ok: false, why: `GitHub answered 401${said}: the token is invalid or expired` }
    case 403:
      return {
        ok: false,
        why: `GitHub answered 403${said}: the token lacks the "Secrets: write" permission there (a workflow's GITHUB_TOKEN can never write secrets; use a fine-grained token with "Secrets: write", a classic token with "${need}", or a GitHub App)`
      }
    case 404:
      return {
        ok: false,
        why: `GitHub answered 404${said}: ${describeTarget(target)} does not exist or the token cannot see it`
      }
    default:
      return {
        ok: false,
        why: answer.status
          ? `GitHub answered ${answer.status}${said}`
          : `GitHub could not be reached${said}`
      }
  }
  if (answer.scopes === undefined) return { ok: true }
  const scopes = answer.scopes
    .split(',')
    .map(x => x.trim())
    .filter(x => x !== '')
  if (scopes.includes(need)) return { ok: true }
  return {
    ok: false,
    why: `the token is a classic token without the "${need}" scope (it has ${scopes.length ? scopes.join(', ') : 'none'})`
  }
}

/** Undefined when secrets_token can write the target secret, else the sentence saying why not. */
async function cannotWriteReason(cfg: WriteBackConfig): Promise<string | undefined> {
  const target = secretTarget(cfg)
  const { octokit, secrets } = await secretsClient(cfg)
  const access = writeAccess(await secrets.probePublicKey(octokit, target), target)
  if (access.ok) return undefined
  return `The login is not refreshed, because secrets_token cannot write ${describeTarget(target)}'s secret ${cfg.secretName}: ${access.why}; a refresh would leave the stored secret with a dead refresh token.`
}

/** Octokit for secrets_token, and the secrets module (libsodium): loaded on first use. */
async function secretsClient(cfg: WriteBackConfig) {
  const [{ createOctokit }, secrets] = await Promise.all([
    import('../github/octokit.js'),
    import('./secrets.js')
  ])
  return { octokit: createOctokit(cfg.secretsToken, { log: line => core.info(line) }), secrets }
}

/** The warning when a rotated login cannot be stored: the secret now holds a dead refresh token. */
export function staleWarning(cfg: WriteBackConfig): string {
  return `The login was rotated, but without secrets_token it cannot be written back: ${describeTarget(secretTarget(cfg))}'s secret ${cfg.secretName} now holds a refresh token that no longer works, and the next run will fail. Set secrets_token (a token that may write Actions secrets) so the action stores rotated logins, or use a setup-token, which never rotates.`
}

/**
 * Writes a rotated login back as a new bundle (`generation`, `source: "refresh"`). Never writes a
 * wiped login. Warns when the secret changed after this run started (another run rotated it).
 * @returns whether the secret was written, and when not, one sentence saying why.
 */
export async function writeBackLogin(
  login: Login,
  generation: number,
  cfg: WriteBackConfig,
  startedAt: string | undefined
): Promise<WriteBackResult> {
  if (login.kind === 'oauth' && isWiped(login.credentials.claudeAiOauth)) {
    return {
      stored: false,
      writeBackProblem:
        'the CLI wiped the login (a refused refresh), so there is nothing to write back.'
    }
  }
  const { octokit, secrets } = await secretsClient(cfg)
  const target = secretTarget(cfg)
  try {
    const updatedAt = await secrets
      .secretUpdatedAt(octokit, target, cfg.secretName)
      .catch(() => undefined)
    if (updatedAt && startedAt && Date.parse(updatedAt) > Date.parse(startedAt)) {
      core.warning(
        `The secret ${cfg.secretName} was changed at ${updatedAt}, after this run started: another run rotated the same login. Give every job that uses it one concurrency group (see the README) so two runs never hold the same login.`
      )
    }
    const bundle = buildBundle(login, { source: 'refresh', generation })
    const value = encodeBundle(bundle)
    core.setSecret(value)
    const how = await secrets.writeSecret(octokit, target, cfg.secretName, value)
    core.info(
      `Wrote the rotated login back to ${describeTarget(target)} (secret ${cfg.secretName} ${how}, generation ${generation}).`
    )
    return { stored: true }
  } catch (err) {
    return {
      stored: false,
      writeBackProblem: (err as Error).message
    }
  }
}

/** A span as an input writes it: `3h`, `30m`, `1h 30m`. */
/** What a write-back did. */
type WriteBackResult = { stored: true } | { stored: false; writeBackProblem: string }

/** The oauth login as it stands in the credentials file after the run, or undefined. */
export function loginFromFile(base: OauthLogin, file: unknown): OauthLogin | undefined {
  const parsed = CredentialsSchema.safeParse(file)
  return parsed.success ? { ...base, credentials: parsed.data } : undefined
}
