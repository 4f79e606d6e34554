/**
 * From the auth inputs to a decoded, masked and assessed login: which input wins, decoding, masking
 * every token the moment it is known, and the assessment against `min_validity` / `warn_within`.
 */
import { claudeTokenKind, remember, type SecretKind } from '../known-secrets.js'
import { decodeAuth, type Login } from './bundle.js'
import { AuthError } from './errors.js'
import { assessApiKey, assessLogin, type Assessment } from './validate.js'

/** The auth inputs, as `inputs.ts` reads them. */
interface AuthInputs {
  claude_auth: string
  claude_code_oauth_token: string
  anthropic_api_key: string
}

/** A login ready for use: exactly one of `login` or `apiKey`. */
export interface LoadedAuth {
  input: keyof AuthInputs
  login?: Login
  apiKey?: string
  assessment: Assessment
  /** Warnings to show (several inputs set, notes from decoding). */
  warnings: string[]
}

const ORDER: (keyof AuthInputs)[] = ['claude_auth', 'claude_code_oauth_token', 'anthropic_api_key']

/**
 * Masks a token and the forms it could be printed in (base64 at each alignment, JSON- and
 * URL-escaped), and remembers it for the outbound guard. The runner never shows a masked value.
 * Without a kind (a refresh answer's hook), the kind is told by the token's prefix.
 */
export function maskToken(token: string, kind: SecretKind = claudeTokenKind(token)): void {
  remember(kind, token)
}

/** Masks every token a login holds. */
export function maskLogin(login: Login): void {
  if (login.kind === 'setup-token') {
    maskToken(login.token, 'setup-token')
    return
  }
  const o = login.credentials.claudeAiOauth
  maskToken(o.accessToken, 'access token')
  if (o.refreshToken) maskToken(o.refreshToken, 'refresh token')
}

/**
 * Picks the auth input, decodes and masks it, and assesses it.
 * @throws AuthError when no input is set or the value cannot be decoded.
 */
export async function loadAuth(
  inputs: AuthInputs,
  opts: { now: number; minValidityMs: number; warnWithinMs: number }
): Promise<LoadedAuth> {
  const set = ORDER.filter(name => inputs[name].trim() !== '')
  const first = set[0]
  if (first === undefined) {
    throw new AuthError(
      'No login was given: set the claude_auth input to the secret the capture tool (`node capture.js`) stored (for example `claude_auth: ${{ secrets.CLAUDE_AUTH }}`); if it is set in the workflow, the secret is empty or not available to this event (secrets are not passed to workflows from forks).',
      'missing'
    )
  }
  const warnings: string[] = []
  if (set.length > 1) {
    warnings.push(
      `Several auth inputs are set (${set.join(', ')}): ${first} is used and the others are ignored; remove them to silence this warning.`
    )
  }
  if (first === 'anthropic_api_key') {
    const apiKey = inputs.anthropic_api_key.trim()
    maskToken(apiKey, 'API key')
    return { input: first, apiKey, assessment: assessApiKey(), warnings }
  }
  const login = await decodeAuth(inputs[first], { inputName: first })
  maskLogin(login)
  warnings.push(...login.warnings)
  return {
    input: first,
    login,
    assessment: assessLogin(login, opts),
    warnings
  }
}
