/**
 * The OAuth refresh the action makes before a run (SPEC "Rotation", the `refresh` input), with the
 * same request the Claude CLI sends. Every refresh ROTATES the refresh token: the login this
 * returns replaces the old one everywhere, or the next run finds a dead refresh token.
 *
 * Messages are one sentence and never carry a token or a response body.
 */
import * as z from '../zod-mini.js'
import { fieldName, firstIssue } from '../zod-message.js'
import type { OauthLogin } from './bundle.js'
import { AuthError } from './errors.js'
import { SECRETS_TOKEN_FIX } from './messages.js'
import type { Assessment } from './validate.js'

/** Where the CLI refreshes; `CLAUDE_OAUTH_TOKEN_URL` overrides it (tests, proxies). */
const DEFAULT_TOKEN_URL = 'https://platform.claude.com/v1/oauth/token'
/** Claude Code's public OAuth client id. */
export const CLIENT_ID = '9d1c250a-e61b-44d9-88ed-5944d1962f5e'
/** The scopes the CLI (2.1.332) asks for on refresh. */
export const REFRESH_SCOPE =
  'user:profile user:inference user:sessions:claude_code user:mcp_servers user:file_upload user:plugins'
const DEFAULT_TIMEOUT_MS = 30_000
/** Tries in all, for network errors and 5xx only. */
const MAX_TRIES = 3

/** What the token endpoint answers on success; other fields (account, organization) are ignored. */
const TokenResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
  expires_in: z.number().check(z.positive()),
  refresh_token_expires_in: z.optional(z.number().check(z.positive())),
  scope: z.optional(z.string())
})

interface RefreshOptions {
  /** Default: `CLAUDE_OAUTH_TOKEN_URL`, else DEFAULT_TOKEN_URL. */
  tokenUrl?: string
  /** Clock, epoch ms. */
  now?: () => number
  /** Per try; default 30 s. */
  timeoutMs?: number
  fetchImpl?: typeof fetch
  /** Called with each new token as soon as the answer is parsed (the action passes `core.setSecret`). */
  onToken?: (token: string) => void
  /** First backoff between tries, doubled each time; default 1 s. */
  backoffMs?: number
}

/**
 * Exchanges the login's refresh token for new tokens and returns the rotated login: new access
 * token and `expiresAt`, the new refresh token (the old one when the answer has none),
 * `refreshTokenExpiresAt` and `scopes` when the answer gives them; every other field is kept.
 * Retries network errors and 5xx (3 tries, short backoff), never a timeout or a 4xx.
 * @throws AuthError (status `expired`: without the refresh the login cannot be used) naming the cause.
 */
export async function refreshLogin(
  login: OauthLogin,
  opts: RefreshOptions = {}
): Promise<OauthLogin> {
  const old = login.credentials.claudeAiOauth
  if (!old.refreshToken) {
    throw new AuthError('The login has no refresh token, so it cannot be refreshed.', 'expired')
  }
  const body = JSON.stringify({
    grant_type: 'refresh_token',
    refresh_token: old.refreshToken,
    client_id: CLIENT_ID,
    scope: REFRESH_SCOPE
  })
  const { res, text, sentAt } = await postWithRetries(body, opts)
  if (res.status !== 200) throw failure(res, text)
  const t = parseAnswer(text, opts.onToken)
  const oauth = {
    ...old,
    accessToken: t.access_token,
    refreshToken: t.refresh_token ?? old.refreshToken,
    expiresAt: sentAt + t.expires_in * 1000,
    ...(t.refresh_token_expires_in !== undefined
      ? { refreshTokenExpiresAt: sentAt + t.refresh_token_expires_in * 1000 }
      : {}),
    ...(t.scope !== undefined ? { scopes: t.scope.split(/\s+/).filter(s => s.length > 0) } : {})
  }
  return { ...login, credentials: { ...login.credentials, claudeAiOauth: oauth } }
}

/**
 * POSTs the refresh request: up to MAX_TRIES for network errors and 5xx, never again after a
 * timeout. Resolves to the last answer (any status) and when its request was sent.
 */
async function postWithRetries(
  body: string,
  opts: RefreshOptions
): Promise<{ res: Response; text: string; sentAt: number }> {
  const url = opts.tokenUrl ?? process.env.CLAUDE_OAUTH_TOKEN_URL ?? DEFAULT_TOKEN_URL
  const now = opts.now ?? Date.now
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const fetchImpl = opts.fetchImpl ?? fetch
  const backoffMs = opts.backoffMs ?? 1000
  for (let attempt = 1; ; attempt++) {
    // Taken before sending: the server's clock starts no earlier, so expiresAt errs early.
    const sentAt = now()
    let res: Response
    let text: string
    try {
      res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs)
      })
      text = await res.text()
    } catch (err) {
      // A try that timed out may have reached the server and rotated the token already: trying
      // again would only spend more time before the same invalid_grant.
      if (isTimeout(err)) {
        throw new AuthError(
          `The token endpoint did not answer within ${formatSeconds(timeoutMs)}, so the login could not be refreshed.`,
          'expired'
        )
      }
      if (attempt < MAX_TRIES) {
        await sleep(backoffMs * 2 ** (attempt - 1))
        continue
      }
      throw new AuthError(
        `The token endpoint could not be reached (${networkReason(err)}) after ${MAX_TRIES} tries, so the login could not be refreshed.`,
        'expired'
      )
    }
    if (res.status >= 500 && attempt < MAX_TRIES) {
      await sleep(backoffMs * 2 ** (attempt - 1))
      continue
    }
    return { res, text, sentAt }
  }
}

/** The 200 answer's tokens, masked before they are checked; refuses a body without them. */
function parseAnswer(
  text: string,
  onToken: RefreshOptions['onToken']
): z.infer<typeof TokenResponseSchema> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new AuthError(
      'The token endpoint answered 200 with a body that is not JSON, so the login could not be refreshed.',
      'expired'
    )
  }
  maskTokens(json, onToken)
  const parsed = TokenResponseSchema.safeParse(json)
  if (!parsed.success) {
    const field = fieldName(firstIssue(parsed.error).path, 'dots') || 'body'
    throw new AuthError(
      `The token endpoint answered 200 without a usable "${field}", so the login could not be refreshed.`,
      'expired'
    )
  }
  return parsed.data
}

/** Masks the tokens of an answer before anything else looks at it, valid or not. */
function maskTokens(json: unknown, onToken: ((t: string) => void) | undefined): void {
  if (!onToken || typeof json !== 'object' || json === null) return
  const record = json as Record<string, unknown>
  for (const key of ['access_token', 'refresh_token']) {
    const value = record[key]
    if (typeof value === 'string' && value.length > 0) onToken(value)
  }
}

/** Turns a non-200 answer into one sentence; the body is read but never quoted. */
function failure(res: Response, text: string): AuthError {
  const status = res.status
  const oauthError = oauthErrorCode(text)
  if ((status === 400 || status === 401) && oauthError === 'invalid_grant') {
    return new AuthError(
      'The refresh token was refused (invalid_grant): the login was revoked, ended, or another machine refreshed it first.',
      'expired'
    )
  }
  if ((status === 403 || status === 429) && looksLikeCloudflare(res, text, oauthError)) {
    const code = /error code: (\d{3,5})/i.exec(text)?.[1]
    return new AuthError(
      `The token endpoint blocked this runner (HTTP ${status} from Cloudflare${code ? `, error code ${code}` : ''}), so the login cannot be refreshed from here: store a setup-token (\`claude setup-token\`, then \`node capture.js --from token\`) instead.`,
      'expired'
    )
  }
  const detail = oauthError ? ` (${oauthError})` : ''
  return new AuthError(
    `The login could not be refreshed: the token endpoint answered HTTP ${status}${detail}.`,
    'expired'
  )
}

/** The OAuth `error` code of a JSON error body, when it is a plain identifier (safe to print). */
function oauthErrorCode(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return undefined
    const error = (value as Record<string, unknown>).error
    // Some APIs nest it: {"error":{"type":"…"}}.
    const code =
      typeof error === 'string'
        ? error
        : typeof error === 'object' && error !== null
          ? (error as Record<string, unknown>).type
          : undefined
    return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : undefined
  } catch {
    return undefined
  }
}

/**
 * Cloudflare's own refusals are plain text (`error code: 1010`) or an HTML page. The API sits
 * behind Cloudflare, so `cf-ray` alone proves nothing: it counts only when the body is not the
 * endpoint's own JSON error.
 */
function looksLikeCloudflare(res: Response, text: string, oauthError: string | undefined): boolean {
  if (/^\s*error code: \d+/i.test(text)) return true
  if (/^\s*</.test(text) || /text\/html/i.test(res.headers.get('content-type') ?? '')) return true
  if (res.headers.get('cf-mitigated')) return true
  return res.headers.has('cf-ray') && oauthError === undefined
}

function isTimeout(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name
  return name === 'TimeoutError' || name === 'AbortError'
}

/** A short cause for a network failure: the system error code when there is one. */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause
  if (cause && typeof cause.code === 'string' && /^[A-Z_]{2,40}$/.test(cause.code)) {
    return cause.code
  }
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) return code
  return 'network error'
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/** The `refresh` input. */
export type RefreshMode = 'auto' | 'always' | 'never'

/** Whether the action refreshes before the run, and why (for the log). */
interface RefreshDecision {
  refresh: boolean
  reason: string
}

/**
 * Decides whether to refresh before the run. `auto` refreshes only when the access token cannot
 * last `min_validity` AND the rotated login can be written back (else the stored secret would hold
 * a dead refresh token); `always` whenever a refresh token can be used; `never` never.
 */
export function shouldRefresh(
  assessment: Assessment,
  opts: { refresh: RefreshMode; canWriteBack: boolean }
): RefreshDecision {
  if (assessment.kind !== 'oauth') {
    return { refresh: false, reason: `A ${assessment.kind} login has no refresh token.` }
  }
  if (opts.refresh === 'never') {
    return { refresh: false, reason: 'refresh is "never".' }
  }
  if (!assessment.canRefresh) {
    return {
      refresh: false,
      reason: 'The login has no usable refresh token (none stored, or the login has ended).'
    }
  }
  if (opts.refresh === 'always') {
    return {
      refresh: true,
      reason: opts.canWriteBack
        ? 'refresh is "always".'
        : 'refresh is "always", but without secrets_token the rotated login cannot be written back: the stored secret will be stale.'
    }
  }
  if (!assessment.needsRefresh) {
    return { refresh: false, reason: 'The access token lasts min_validity.' }
  }
  if (!opts.canWriteBack) {
    return {
      refresh: false,
      reason: `This run may not refresh it: without secrets_token, a refresh would leave the stored secret holding a dead refresh token (a setup-token, never refreshed, avoids this too). ${SECRETS_TOKEN_FIX}`
    }
  }
  return { refresh: true, reason: 'The access token cannot last min_validity.' }
}
