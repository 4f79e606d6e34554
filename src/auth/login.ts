/**
 * What a decoded login is, whatever form it came in: the CLI's credentials shape, the login
 * types the action works with, and the field checks every form shares (wiped tokens, epoch
 * seconds where milliseconds belong, a wrong shape named by its first wrong field).
 */
import * as z from '../zod-mini.js'
import { fieldName, firstIssue, kindOf, withArticle, type FirstIssue } from '../zod-message.js'
import type { Bundle } from './bundle-format.js'
import { isWiped } from './credentials.js'
import { AuthError } from './errors.js'
import { setupTokenProblem } from './token-text.js'

/** The login as the CLI stores it under `claudeAiOauth`; unknown fields survive a round trip. */
const OauthSchema = z.looseObject({
  accessToken: z.string(),
  refreshToken: z.optional(z.string()),
  expiresAt: z.number(),
  refreshTokenExpiresAt: z.optional(z.number()),
  scopes: z.optional(z.array(z.string())),
  subscriptionType: z.nullish(z.string())
})
type Oauth = z.infer<typeof OauthSchema>

/** The whole `.credentials.json`; fields beside `claudeAiOauth` survive too. */
export const CredentialsSchema = z.looseObject({ claudeAiOauth: OauthSchema })
export type Credentials = z.infer<typeof CredentialsSchema>

export const SourceSchema = z.enum(['file', 'keychain', 'container', 'setup-token', 'refresh'])
export type Source = z.infer<typeof SourceSchema>

/** Where a decoded login came from, for messages and the summary. */
type Origin = 'bundle' | 'credentials-json' | 'tar' | 'token'

interface LoginBase {
  origin: Origin
  /** Generation of the bundle it came from (0 for the older forms). */
  generation: number
  source?: Source
  capturedAt?: string
  /** Small extra files to restore beside the credentials, by name. */
  files: Record<string, unknown>
  /** The bundle as decoded, so a write-back keeps fields this version does not know. */
  bundle?: Bundle
  /** Things that did not stop decoding but that the user should hear about. */
  warnings: string[]
}

/** A subscription login with access and refresh tokens. */
export interface OauthLogin extends LoginBase {
  kind: 'oauth'
  credentials: Credentials
}

/** A `claude setup-token` token: one year, never refreshed. */
interface SetupTokenLogin extends LoginBase {
  kind: 'setup-token'
  token: string
  tokenExpiresAt?: number
}

export type Login = OauthLogin | SetupTokenLogin

/** Every secret string a login holds, for masking. */
export function tokensOf(login: Login): string[] {
  if (login.kind === 'setup-token') return [login.token]
  const o = login.credentials.claudeAiOauth
  return [o.accessToken, o.refreshToken ?? ''].filter(t => t.length > 0)
}

/** A setup-token login from a bare token; refuses an API key and other `sk-ant-` strings. */
export function fromToken(token: string, what: string): SetupTokenLogin {
  const problem = setupTokenProblem(token, what)
  if (problem) throw new AuthError(problem)
  return { kind: 'setup-token', token, origin: 'token', generation: 0, files: {}, warnings: [] }
}

/** Refuses a wiped login and timestamps in the wrong unit. */
export function checkOauth(o: Oauth, what: string, prefix: string): void {
  if (isWiped(o)) {
    throw new AuthError(
      `${what} holds a wiped login (${prefix}accessToken is empty), as the CLI leaves it after a refused refresh: the login is gone.`,
      'expired'
    )
  }
  checkEpochMs(o.expiresAt, `${prefix}expiresAt`, what)
  checkEpochMs(o.refreshTokenExpiresAt, `${prefix}refreshTokenExpiresAt`, what)
}

/** Epoch seconds where milliseconds belong would make every login look expired in 1970. */
export function checkEpochMs(value: number | undefined, field: string, what: string): void {
  if (value === undefined || value === 0) return
  if (value > 0 && value < 100_000_000_000) {
    throw new AuthError(
      `${what} has ${field} ${value}, which is seconds since the epoch; the CLI writes milliseconds (${value * 1000}): re-capture the login rather than editing it by hand.`
    )
  }
  if (value < 0 || !Number.isFinite(value)) {
    throw new AuthError(`${what} has ${field} ${value}; expected milliseconds since the epoch.`)
  }
}

/** The value as the schema parses it, or an AuthError naming the first wrong field. */
export function parseShape<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
  what: string
): z.infer<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const first = firstIssue(result.error, value)
  const field = fieldName(first.path, 'dots') || '(top level)'
  throw new AuthError(`${what} has the wrong shape: field "${field}" ${shapeDetail(first)}.`)
}

/** What is wrong with the field: missing, the wrong type, or outside its values. */
function shapeDetail({ issue, value }: FirstIssue): string {
  if (issue?.code === 'invalid_type') {
    const received = kindOf(value)
    if (received === 'missing') return `is missing (expected ${issue.expected})`
    const detail = `must be ${withArticle(issue.expected)}, not ${received}`
    return issue.expected === 'number' && received === 'a string'
      ? `${detail} (numbers are not quoted)`
      : detail
  }
  if (issue?.code === 'invalid_value') {
    return `must be one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}`
  }
  if (issue?.code === 'too_small') return `is too small (${issue.message})`
  return issue?.message ?? 'is invalid'
}
