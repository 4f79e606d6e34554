/**
 * Writes an Actions secret the way GitHub requires: fetch the scope's public key, seal the value
 * in a libsodium sealed box, PUT it. Shared by the capture tool and the action's write-back.
 * The value is never logged and never part of an error message.
 */
import sodium from 'libsodium-wrappers'
import type { Octokit } from '../github/octokit.js'
import { describeTarget, type SecretTarget } from './target.js'

export { describeTarget, type SecretTarget }

/** GitHub's rule for secret names. */
const SECRET_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Checks a secret name against GitHub's rules.
 * @returns one sentence naming the problem, or undefined when the name is fine.
 */
export function secretNameProblem(name: string): string | undefined {
  if (!SECRET_NAME_RE.test(name)) {
    return `The secret name ${JSON.stringify(name)} is not allowed: use letters, digits and underscores, not starting with a digit (such as CLAUDE_AUTH).`
  }
  if (/^GITHUB_/i.test(name)) {
    return `The secret name ${JSON.stringify(name)} is not allowed: names starting with GITHUB_ are reserved by GitHub.`
  }
  return undefined
}

/** The REST path of the target's secrets collection, without a trailing slash. */
function secretsPath(target: SecretTarget): string {
  switch (target.kind) {
    case 'repo':
      return `/repos/${repoPath(target.repo)}/actions/secrets`
    case 'env':
      return `/repos/${repoPath(target.repo)}/environments/${encodeURIComponent(target.environment)}/secrets`
    case 'org':
      return `/orgs/${encodeURIComponent(target.org)}/actions/secrets`
  }
}

function repoPath(repo: string): string {
  const parts = repo.split('/')
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new Error(`The repository ${JSON.stringify(repo)} is not of the form OWNER/REPO.`)
  }
  return `${encodeURIComponent(parts[0])}/${encodeURIComponent(parts[1])}`
}

interface PublicKey {
  key_id: string
  key: string
}

type OrgVisibility = 'all' | 'private' | 'selected'

/** Seals `value` for a base64 public key (libsodium `crypto_box_seal`), as base64. */
export async function sealSecret(value: string, publicKeyBase64: string): Promise<string> {
  await sodium.ready
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL)
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), key)
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL)
}

/**
 * Creates or updates the secret `name` in `target` with `value`.
 * An organisation secret keeps its visibility (and its selected repositories) on update and is
 * `private` when new. A key rotated between the GET and the PUT is fetched again once.
 * @returns whether the secret was created or updated.
 * @throws Error with one sentence naming the target and what GitHub answered (never the value).
 */
export async function writeSecret(
  octokit: Octokit,
  target: SecretTarget,
  name: string,
  value: string
): Promise<'created' | 'updated'> {
  const nameProblem = secretNameProblem(name)
  if (nameProblem) throw new Error(nameProblem)
  const base = secretsPath(target)
  const where = describeTarget(target)

  let visibility: OrgVisibility | undefined
  let existed: boolean | undefined
  if (target.kind === 'org') {
    const current = await getSecret(octokit, target, name)
    existed = current !== undefined
    visibility = (current?.visibility as OrgVisibility | undefined) ?? 'private'
  }

  for (let attempt = 1; ; attempt++) {
    const key = await call(where, 'read the public key of', () =>
      octokit.request(`GET ${base}/public-key`)
    )
    const { key_id, key: publicKey } = key.data as PublicKey
    const body: Record<string, unknown> = {
      encrypted_value: await sealSecret(value, publicKey),
      key_id
    }
    if (visibility) body.visibility = visibility
    try {
      const res = await octokit.request(`PUT ${base}/${encodeURIComponent(name)}`, body)
      if (res.status === 201) return 'created'
      if (res.status === 204) return 'updated'
      return existed === false ? 'created' : 'updated'
    } catch (err) {
      // GitHub answers 422 when the key rotated after we read it: read it again, once.
      if (status(err) === 422 && attempt === 1 && /key_id/i.test(errorText(err))) continue
      throw new Error(failure(where, `write the secret ${name} to`, err), { cause: err })
    }
  }
}

/**
 * When the secret `name` in `target` was last written (GitHub's `updated_at`).
 * @returns the ISO timestamp, or undefined when there is no such secret.
 */
export async function secretUpdatedAt(
  octokit: Octokit,
  target: SecretTarget,
  name: string
): Promise<string | undefined> {
  const secret = await getSecret(octokit, target, name)
  return typeof secret?.updated_at === 'string' ? secret.updated_at : undefined
}

/** What GitHub answered to reading a target's public key: its status and the classic scopes. */
export interface PublicKeyAnswer {
  status: number
  /** `x-oauth-scopes`: present only for classic PATs and OAuth app tokens. */
  scopes?: string
  /** GitHub's message on a refusal, or the network error. */
  message?: string
}

/**
 * Reads the public key of `target` (the first call of every write) and reports the answer instead
 * of throwing: how the action learns, before it refreshes, whether a write-back could work.
 */
export async function probePublicKey(
  octokit: Octokit,
  target: SecretTarget
): Promise<PublicKeyAnswer> {
  try {
    const res = await octokit.request(`GET ${secretsPath(target)}/public-key`)
    const scopes = (res.headers as Record<string, unknown>)['x-oauth-scopes']
    return { status: res.status, ...(typeof scopes === 'string' ? { scopes } : {}) }
  } catch (err) {
    return { status: status(err) ?? 0, message: errorText(err) }
  }
}

async function getSecret(
  octokit: Octokit,
  target: SecretTarget,
  name: string
): Promise<Record<string, unknown> | undefined> {
  const where = describeTarget(target)
  try {
    const res = await octokit.request(`GET ${secretsPath(target)}/${encodeURIComponent(name)}`)
    return res.data as Record<string, unknown>
  } catch (err) {
    if (status(err) === 404) {
      // A 404 means "no such secret" only if the scope itself is visible: check it by its key.
      await call(where, 'read the public key of', () =>
        octokit.request(`GET ${secretsPath(target)}/public-key`)
      )
      return undefined
    }
    throw new Error(failure(where, `read the secret ${name} of`, err), { cause: err })
  }
}

async function call<T>(where: string, doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw new Error(failure(where, doing, err), { cause: err })
  }
}

function status(err: unknown): number | undefined {
  const s = (err as { status?: unknown }).status
  return typeof s === 'number' ? s : undefined
}

function errorText(err: unknown): string {
  const data = (err as { response?: { data?: unknown } }).response?.data
  const message =
    data && typeof data === 'object' && 'message' in data
      ? String((data as { message: unknown }).message)
      : String((err as Error).message ?? err)
  return message.length > 200 ? `${message.slice(0, 200)}…` : message
}

/** One sentence: what failed, GitHub's answer, and the usual cause for that status. */
function failure(where: string, doing: string, err: unknown): string {
  const code = status(err)
  const answer = code ? `GitHub answered ${code} (${errorText(err)})` : errorText(err)
  let hint = ''
  if (code === 401) hint = ': the token is invalid or expired'
  else if (code === 403)
    hint =
      ': the token may not manage Actions secrets there (it needs "Secrets: write" on a fine-grained token, "repo" on a classic one, or "admin:org" for an organisation)'
  else if (code === 404)
    hint = where.startsWith('the environment')
      ? ': the repository or the environment does not exist, or the token cannot see it (create the environment under Settings → Environments first)'
      : ': it does not exist, or the token cannot see it'
  return `Could not ${doing} ${where}: ${answer}${hint}.`
}
