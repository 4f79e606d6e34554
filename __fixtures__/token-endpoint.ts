/**
 * A local stand-in for the OAuth token endpoint (`POST /v1/oauth/token` on platform.claude.com),
 * for `refreshLogin` directly and, behind the TLS proxy of `tls-proxy.ts`, for the real CLI.
 *
 * Listens on 127.0.0.1 only, on a random port. Every token it issues is fake. Like the real
 * endpoint it rotates: a refresh token it has already accepted is refused (`invalid_grant`) when
 * it comes back, which is what a second runner holding a stale copy of the login sees.
 */
import http from 'node:http'
import { fakeToken } from './logins.js'
import { listenLocal } from './listen.js'

/**
 * How the endpoint answers the next token requests:
 * - `rotate`: 200 with a new access and refresh token each call (a reused refresh token gets `invalid_grant`)
 * - `rotateAccessOnly`: 200 with a new access token and no `refresh_token`
 * - `invalid_grant`: 400 `{"error":"invalid_grant"}`
 * - `cloudflare403` / `cloudflare429`: Cloudflare's block page (`error code: 1010`, text/html, `cf-ray`)
 * - `server500ThenOk`: 500 for the next `failures` calls (default 1), then as `rotate`
 * - `slow`: `rotate`, but only after `delayMs` (default 5 s)
 */
export type TokenScenario =
  | 'rotate'
  | 'rotateAccessOnly'
  | 'invalid_grant'
  | 'cloudflare403'
  | 'cloudflare429'
  | 'server500ThenOk'
  | 'slow'

export interface ScenarioOptions {
  /** `expires_in` of issued access tokens, seconds (default 28800, eight hours). */
  expiresIn?: number
  /** `refresh_token_expires_in`, seconds; left out of the answer when not set. */
  refreshTokenExpiresIn?: number
  /**
   * `scope` of the answer. Default: the scope the request asked for, as the real endpoint does
   * (the CLI saves a refreshed login only when the answer's scope includes `user:inference`);
   * `null` leaves the field out.
   */
  scope?: string | null
  /** `server500ThenOk`: how many 500s before success. */
  failures?: number
  /** `slow`: how long to wait before answering. */
  delayMs?: number
}

export interface TokenRequest {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

export interface IssuedTokens {
  accessToken: string
  refreshToken: string
}

export interface TokenEndpoint {
  /** The full token URL: `http://127.0.0.1:<port>/v1/oauth/token`. */
  url: string
  /** Every request received, on every path, in order. */
  requests: TokenRequest[]
  /** Tokens handed out by successful answers, in order. */
  issued: IssuedTokens[]
  /** Switches how the next requests are answered (resets the 500 counter). */
  setScenario(s: TokenScenario, opts?: ScenarioOptions): void
  close(): Promise<void>
}

export const TOKEN_PATH = '/v1/oauth/token'

/** Starts the mock; the scenario is `rotate` until `setScenario` says otherwise. */
export async function startTokenEndpoint(
  scenario: TokenScenario = 'rotate',
  options: ScenarioOptions = {}
): Promise<TokenEndpoint> {
  const requests: TokenRequest[] = []
  const issued: IssuedTokens[] = []
  // Refresh tokens already exchanged: the real endpoint refuses them from then on.
  const spent = new Set<string>()
  let current = scenario
  let opts = options
  let failuresLeft = options.failures ?? 1
  const timers = new Set<NodeJS.Timeout>()

  const success = (res: http.ServerResponse, body: Record<string, unknown>): void => {
    const refreshToken = body.refresh_token
    if (typeof refreshToken !== 'string' || refreshToken === '') {
      sendJson(res, 400, { error: 'invalid_request', error_description: 'refresh_token missing' })
      return
    }
    if (spent.has(refreshToken)) {
      sendJson(res, 400, {
        error: 'invalid_grant',
        error_description: 'Refresh token not found or invalid'
      })
      return
    }
    const accessOnly = current === 'rotateAccessOnly'
    // Without a new refresh token the old one stays good, as some OAuth servers do.
    if (!accessOnly) spent.add(refreshToken)
    const requested = typeof body.scope === 'string' ? body.scope : null
    const scope = opts.scope === undefined ? requested : opts.scope
    const accessToken = fakeToken('oat')
    const rotated = accessOnly ? refreshToken : fakeToken('ort')
    issued.push({ accessToken, refreshToken: rotated })
    sendJson(res, 200, {
      token_type: 'Bearer',
      access_token: accessToken,
      ...(accessOnly ? {} : { refresh_token: rotated }),
      expires_in: opts.expiresIn ?? 28_800,
      ...(opts.refreshTokenExpiresIn !== undefined
        ? { refresh_token_expires_in: opts.refreshTokenExpiresIn }
        : {}),
      ...(scope !== null ? { scope } : {}),
      // Fields the real endpoint adds and clients must ignore.
      account: { uuid: '00000000-0000-4000-8000-00000000FAKE', email_address: 'test@example.com' },
      organization: { uuid: '00000000-0000-4000-8000-0000000FAKE2' }
    })
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let body: unknown
      try {
        body = raw ? JSON.parse(raw) : {}
      } catch {
        body = raw
      }
      const path = req.url ?? '/'
      requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers }, body })
      if (req.method !== 'POST' || path.split('?')[0] !== TOKEN_PATH) {
        sendJson(res, 404, { error: 'not_found' })
        return
      }
      const fields =
        typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
      if (fields.grant_type !== 'refresh_token') {
        sendJson(res, 400, { error: 'unsupported_grant_type' })
        return
      }
      switch (current) {
        case 'invalid_grant':
          sendJson(res, 400, {
            error: 'invalid_grant',
            error_description: 'Refresh token not found or invalid'
          })
          return
        case 'cloudflare403':
        case 'cloudflare429': {
          const text = 'error code: 1010'
          res.writeHead(current === 'cloudflare403' ? 403 : 429, {
            'content-type': 'text/html; charset=UTF-8',
            'content-length': Buffer.byteLength(text),
            server: 'cloudflare',
            'cf-ray': '8f0000000FAKE000-IAD'
          })
          res.end(text)
          return
        }
        case 'server500ThenOk':
          if (failuresLeft > 0) {
            failuresLeft--
            sendJson(res, 500, { error: 'server_error' })
            return
          }
          success(res, fields)
          return
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer)
            if (!res.destroyed) success(res, fields)
          }, opts.delayMs ?? 5000)
          timers.add(timer)
          return
        }
        default:
          success(res, fields)
      }
    })
  })
  const { port, close } = await listenLocal(server)

  return {
    url: `http://127.0.0.1:${port}${TOKEN_PATH}`,
    requests,
    issued,
    setScenario(s: TokenScenario, o: ScenarioOptions = {}) {
      current = s
      opts = o
      failuresLeft = o.failures ?? 1
    },
    close: () => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      return close()
    }
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}
