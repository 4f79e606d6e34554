/**
 * Sealed-box secrets: one key pair per scope (repository, environment, organization), writes
 * checked against the key the mock handed out, and the open/seal helpers tests call.
 */
import { randomInt } from 'node:crypto'
import sodium from 'libsodium-wrappers'
import type { Core, KeyPair, Reply } from './core.js'
import type { MockSecret, SecretScope } from './types.js'
import { asString, lc, unprocessable, validationFailed } from './util.js'

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The scope's key pair, made on first use. */
function keyFor(core: Core, scope: string): KeyPair {
  let pair = core.keys.get(scope)
  if (!pair) {
    const kp = sodium.crypto_box_keypair()
    pair = {
      keyId: String(randomInt(1e9, 2 ** 47)) + String(randomInt(1e5, 1e6)),
      publicKey: kp.publicKey,
      privateKey: kp.privateKey
    }
    core.keys.set(scope, pair)
  }
  return pair
}

/** The secrets a test's scope names, and the key scope they are sealed for. */
export function secretStore(
  core: Core,
  scope: SecretScope
): { secrets: Record<string, MockSecret>; keyScope: string } {
  if (scope.org !== undefined) {
    const org = core.orgs[lc(scope.org)]
    if (!org) throw new Error(`unknown org ${scope.org}`)
    return { secrets: org.secrets, keyScope: `org:${lc(scope.org)}` }
  }
  const repo = scope.repo === undefined ? core.primary : core.repos[lc(scope.repo)]
  if (!repo) throw new Error(`unknown repo ${scope.repo}`)
  const full = lc(`${repo.owner}/${repo.repo}`)
  if (scope.env !== undefined) {
    const env = repo.environments[scope.env]
    if (!env) throw new Error(`unknown environment ${scope.env}`)
    return { secrets: env.secrets, keyScope: `env:${full}:${scope.env}` }
  }
  return { secrets: repo.secrets, keyScope: `repo:${full}` }
}

/** Opens a stored secret with the scope's private key (`MockGitHub.decryptSecret`). */
export function decryptSecret(core: Core, scope: SecretScope, name: string): string {
  const { secrets, keyScope } = secretStore(core, scope)
  const secret = secrets[name]
  if (!secret) throw new Error(`no secret ${name} in ${keyScope}`)
  const pair = keyFor(core, keyScope)
  const opened = sodium.crypto_box_seal_open(
    sodium.from_base64(secret.encrypted_value, sodium.base64_variants.ORIGINAL),
    pair.publicKey,
    pair.privateKey
  )
  return sodium.to_string(opened)
}

/** Seals like a client would (`MockGitHub.sealSecret`). */
export function sealSecret(
  core: Core,
  scope: SecretScope,
  value: string
): { encrypted_value: string; key_id: string } {
  const pair = keyFor(core, secretStore(core, scope).keyScope)
  const sealed = sodium.crypto_box_seal(value, pair.publicKey)
  return {
    encrypted_value: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL),
    key_id: pair.keyId
  }
}

/** Checks name, fields, key id and that the box opens; GitHub's 422s otherwise. */
function checkSealed(
  core: Core,
  keyScope: string,
  name: string,
  body: Record<string, unknown>
): { encrypted: string; keyId: string } {
  if (!SECRET_NAME.test(name) || /^GITHUB_/i.test(name)) {
    throw validationFailed([
      { resource: 'Secret', code: 'invalid', field: 'name', message: 'Invalid secret name' }
    ])
  }
  const encrypted = asString(body.encrypted_value)
  const keyId = asString(body.key_id)
  if (encrypted === undefined || keyId === undefined) {
    throw validationFailed([
      {
        resource: 'Secret',
        code: 'missing_field',
        field: encrypted ? 'key_id' : 'encrypted_value'
      }
    ])
  }
  const pair = keyFor(core, keyScope)
  if (keyId !== pair.keyId) {
    throw unprocessable([], 'Bad request - key_id is not valid')
  }
  try {
    sodium.crypto_box_seal_open(
      sodium.from_base64(encrypted, sodium.base64_variants.ORIGINAL),
      pair.publicKey,
      pair.privateKey
    )
  } catch {
    throw unprocessable([], 'Bad request - encrypted_value could not be decrypted')
  }
  return { encrypted, keyId }
}

/** An org secret's visibility and selected repositories from the request body. */
function orgVisibility(body: Record<string, unknown>): {
  visibility: MockSecret['visibility']
  selected: number[] | undefined
} {
  const v = body.visibility
  if (v !== 'all' && v !== 'private' && v !== 'selected') {
    throw validationFailed([
      {
        resource: 'Secret',
        code: v === undefined ? 'missing_field' : 'invalid',
        field: 'visibility'
      }
    ])
  }
  const ids = body.selected_repository_ids
  return {
    visibility: v,
    selected: Array.isArray(ids) ? (ids as unknown[]).map(Number) : undefined
  }
}

/** PUT a secret: 201 when created, 204 when updated; nothing stored on a 422. */
export function putSecret(
  core: Core,
  secrets: Record<string, MockSecret>,
  keyScope: string,
  name: string,
  body: Record<string, unknown>,
  org: boolean
): Reply {
  const { encrypted, keyId } = checkSealed(core, keyScope, name, body)
  const scoped = org ? orgVisibility(body) : undefined
  const existing = secrets[name]
  const t = core.stamp()
  const secret: MockSecret = {
    name,
    created_at: existing?.created_at ?? t,
    updated_at: t,
    encrypted_value: encrypted,
    key_id: keyId
  }
  if (scoped) {
    secret.visibility = scoped.visibility
    if (scoped.visibility === 'selected') {
      secret.selected_repository_ids = scoped.selected ?? existing?.selected_repository_ids ?? []
    }
  }
  secrets[name] = secret
  return existing ? { status: 204 } : { status: 201, body: {} }
}

/** A secret as listed: never its value (org secrets add visibility). */
export function renderSecret(
  core: Core,
  secret: MockSecret,
  orgLogin?: string
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: secret.name,
    created_at: secret.created_at,
    updated_at: secret.updated_at
  }
  if (orgLogin !== undefined) {
    out.visibility = secret.visibility ?? 'private'
    if (secret.visibility === 'selected') {
      out.selected_repositories_url = `${core.baseUrl}/orgs/${orgLogin}/actions/secrets/${secret.name}/repositories`
    }
  }
  return out
}

/** The scope's public key, as clients fetch it before sealing. */
export function publicKeyReply(core: Core, keyScope: string): Reply {
  const pair = keyFor(core, keyScope)
  return {
    status: 200,
    body: {
      key_id: pair.keyId,
      key: sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL)
    }
  }
}
