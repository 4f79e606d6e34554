/**
 * A local stand-in for the Anthropic Messages API, checked against the real Claude CLI
 * (2.1.332). See docs/mock-anthropic.md for what the CLI sends and what this answers.
 *
 * Listens on 127.0.0.1 only, on a random port. Every token it sees is fake.
 */
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import { listenLocal } from './listen.js'

export type Turn =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input: unknown }
  | { type: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: 'slow'; delayMs: number; then: Turn }
  /** A 200 event stream that ends without a single event: the CLI falls back to one non-streaming call. */
  | { type: 'empty_stream' }
  /**
   * Decided when the request arrives, from what it carries: a scripted model that reacts to its
   * tool results (for example one that echoes them back in its answer).
   */
  | { type: 'dynamic'; build: (req: RecordedRequest) => Turn }

export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  raw: string
}

export interface MockAnthropic {
  /** http://127.0.0.1:<random port>: the CLI's ANTHROPIC_BASE_URL. */
  url: string
  /** Every request received, on every path, in order. */
  requests: RecordedRequest[]
  /** Only the POST /v1/messages calls (query string ignored). */
  messageRequests(): RecordedRequest[]
  /** Answers to successive /v1/messages calls (replaces the current script and restarts it). */
  script(turns: Turn[]): void
  /** Headers added to every successful /v1/messages answer (replaces the defaults). */
  setSuccessHeaders(headers: Record<string, string>): void
  close(): Promise<void>
}

export interface MockOptions {
  /**
   * Headers sent with every successful /v1/messages answer. Default: the subscription
   * `anthropic-ratelimit-unified-*` set of `allowedRateLimitHeaders()`, which makes the CLI
   * emit a `rate_limit_event` with `status:"allowed"`. Pass `{}` to send none.
   */
  successHeaders?: Record<string, string>
}

export const DEFAULT_TEXT = 'Hello from the mock Anthropic API.'

/** Obviously fake tokens, shaped like the real ones. */
export const FAKE_ACCESS_TOKEN = 'sk-ant-oat01-FAKE-test-access-aaaaaaaaaaaaaaaaaaaa'
export const FAKE_REFRESH_TOKEN = 'sk-ant-ort01-FAKE-test-refresh-bbbbbbbbbbbbbbbbbbbb'
export const FAKE_SETUP_TOKEN = 'sk-ant-oat01-FAKE-test-setup-token-cccccccccccccccc'

/** The real CLI executable (the platform package; `node_modules/.bin/claude` may be a stub). */
export const CLAUDE_BINARY = fileURLToPath(
  new URL('../node_modules/@anthropic-ai/claude-code-linux-x64/claude', import.meta.url)
)

/** A `.credentials.json` body for a Max login whose access token ends at `expiresAt` (epoch ms). */
export function fakeCredentials(expiresAt = Date.now() + 8 * 3600_000): {
  claudeAiOauth: Record<string, unknown>
} {
  return {
    claudeAiOauth: {
      accessToken: FAKE_ACCESS_TOKEN,
      refreshToken: FAKE_REFRESH_TOKEN,
      expiresAt,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'max'
    }
  }
}

/**
 * A minimal environment that keeps a CLI run offline and quick: the mock as base URL, the
 * refusing proxy for everything else, and NO_PROXY for 127.0.0.1 (without it the CLI sends even
 * the plain-http base URL through HTTPS_PROXY). Nothing is inherited but PATH.
 */
export function hermeticCliEnv(opts: {
  mockUrl: string
  proxyUrl: string
  home: string
  configDir?: string
  extra?: Record<string, string> | undefined
}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: opts.home,
    ...(opts.configDir ? { CLAUDE_CONFIG_DIR: opts.configDir } : {}),
    ANTHROPIC_BASE_URL: opts.mockUrl,
    HTTPS_PROXY: opts.proxyUrl,
    HTTP_PROXY: opts.proxyUrl,
    NO_PROXY: '127.0.0.1,localhost',
    CLAUDE_CODE_MAX_RETRIES: '0',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    TZ: 'UTC',
    ...opts.extra
  }
}

const nowSec = (): number => Math.floor(Date.now() / 1000)

/** The utilizations and status `allowedRateLimitHeaders` sends (5-hour 0.02, weekly 0.1 by default). */
export interface AllowedUsage {
  fiveHour?: number
  sevenDay?: number
  /** `allowed_warning` when a window passed its warning threshold (sent with `surpassed-threshold`). */
  status?: 'allowed' | 'allowed_warning'
  /** Which window is the representative claim (`five_hour` by default). */
  claim?: 'five_hour' | 'seven_day'
}

/** What api.anthropic.com sends a subscriber whose usage is within its limits. */
export function allowedRateLimitHeaders(
  resetsAtEpochSec = nowSec() + 5 * 3600,
  usage: AllowedUsage = {}
): Record<string, string> {
  const reset = String(resetsAtEpochSec)
  const status = usage.status ?? 'allowed'
  const claim = usage.claim ?? 'five_hour'
  const warned = claim === 'five_hour' ? '5h' : '7d'
  return {
    'anthropic-ratelimit-unified-status': status,
    'anthropic-ratelimit-unified-reset': reset,
    'anthropic-ratelimit-unified-representative-claim': claim,
    'anthropic-ratelimit-unified-5h-status': claim === 'five_hour' ? status : 'allowed',
    'anthropic-ratelimit-unified-5h-reset': reset,
    'anthropic-ratelimit-unified-5h-utilization': String(usage.fiveHour ?? 0.02),
    'anthropic-ratelimit-unified-7d-status': claim === 'seven_day' ? status : 'allowed',
    'anthropic-ratelimit-unified-7d-reset': String(resetsAtEpochSec + 6 * 86400),
    'anthropic-ratelimit-unified-7d-utilization': String(usage.sevenDay ?? 0.1),
    ...(status === 'allowed_warning'
      ? { [`anthropic-ratelimit-unified-${warned}-surpassed-threshold`]: '0.75' }
      : {}),
    'anthropic-ratelimit-unified-fallback-percentage': '0.5',
    'anthropic-ratelimit-unified-overage-status': 'rejected',
    'anthropic-ratelimit-unified-overage-disabled-reason': 'org_level_disabled'
  }
}

/** What api.anthropic.com sends with the 429 once a subscriber's 5-hour window is used up. */
export function rejectedRateLimitHeaders(resetsAtEpochSec: number): Record<string, string> {
  const reset = String(resetsAtEpochSec)
  return {
    'retry-after': String(Math.max(1, resetsAtEpochSec - nowSec())),
    'x-should-retry': 'false',
    'anthropic-ratelimit-unified-status': 'rejected',
    'anthropic-ratelimit-unified-reset': reset,
    'anthropic-ratelimit-unified-representative-claim': 'five_hour',
    'anthropic-ratelimit-unified-5h-status': 'rejected',
    'anthropic-ratelimit-unified-5h-reset': reset,
    'anthropic-ratelimit-unified-5h-utilization': '1.0',
    'anthropic-ratelimit-unified-7d-status': 'allowed',
    'anthropic-ratelimit-unified-7d-reset': String(resetsAtEpochSec + 6 * 86400),
    'anthropic-ratelimit-unified-7d-utilization': '0.4',
    'anthropic-ratelimit-unified-fallback-percentage': '0.5',
    'anthropic-ratelimit-unified-overage-status': 'rejected',
    'anthropic-ratelimit-unified-overage-disabled-reason': 'org_level_disabled'
  }
}

export const errorBodies = {
  expired401: {
    type: 'error',
    error: {
      type: 'authentication_error',
      message: 'OAuth token has expired. Please obtain a new token or refresh your existing token.'
    }
  },
  revoked403: {
    type: 'error',
    error: {
      type: 'permission_error',
      message: 'OAuth token has been revoked. Please obtain a new token.'
    }
  },
  usageLimit429: {
    type: 'error',
    error: {
      type: 'rate_limit_error',
      message: "This request would exceed your account's rate limit. Please try again later."
    }
  },
  overloaded529: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }
} as const

export const scenarios = {
  ok(text: string = DEFAULT_TEXT): Turn[] {
    return [{ type: 'text', text }]
  },
  /** Bash runs `env`; the next request carries its tool_result; then a final text. */
  toolUseEnv(): Turn[] {
    return [
      {
        type: 'tool_use',
        name: 'Bash',
        input: { command: 'env', description: 'Print the environment' }
      },
      { type: 'text', text: 'Ran env.' }
    ]
  },
  /**
   * For a CLI run with --json-schema: the StructuredOutput tool call, then a short text. When the
   * JSON fits the schema the CLI stops right after the tool call (one request, the text is never
   * asked for); when it does not, the CLI sends the schema error back as a tool_result and gets
   * the text, then nudges once more, and ends with is_error:false and no structured_output.
   */
  structured(json: unknown): Turn[] {
    return [
      { type: 'tool_use', name: 'StructuredOutput', input: json },
      { type: 'text', text: 'Done.' }
    ]
  },
  /**
   * A model that probes: one tool call per turn (`calls`), then a StructuredOutput built from
   * every tool_result it received (`answer` gets them, oldest first), then a short text.
   */
  probeThenAnswer(
    calls: Array<{ name: string; input: unknown }>,
    answer: (results: ToolResultBlock[]) => unknown
  ): Turn[] {
    return [
      ...calls.map(c => ({ type: 'tool_use' as const, name: c.name, input: c.input })),
      {
        type: 'dynamic',
        build: req => ({
          type: 'tool_use',
          name: 'StructuredOutput',
          input: answer(toolResultBlocks(req))
        })
      },
      { type: 'text', text: 'Done.' }
    ]
  },
  expired401(): Turn[] {
    return [
      {
        type: 'error',
        status: 401,
        body: errorBodies.expired401,
        headers: { 'x-should-retry': 'false' }
      }
    ]
  },
  revoked403(): Turn[] {
    return [{ type: 'error', status: 403, body: errorBodies.revoked403 }]
  },
  usageLimit429(resetsAtEpochSec: number): Turn[] {
    return [
      {
        type: 'error',
        status: 429,
        body: errorBodies.usageLimit429,
        headers: rejectedRateLimitHeaders(resetsAtEpochSec)
      }
    ]
  },
  overloaded529(): Turn[] {
    return [{ type: 'error', status: 529, body: errorBodies.overloaded529 }]
  },
  slow(ms: number): Turn[] {
    return [{ type: 'slow', delayMs: ms, then: { type: 'text', text: DEFAULT_TEXT } }]
  }
}

export interface ToolResultBlock {
  tool_use_id: string
  is_error: boolean
  /** The block's text (string content, or its text parts joined). */
  text: string
}

/**
 * Every tool_result block the request carries (all user messages, oldest first). The CLI appends
 * a `<system-reminder>` to the text: match with `toContain`, not `toBe`.
 */
export function toolResultBlocks(req: RecordedRequest): ToolResultBlock[] {
  const messages: unknown = req.body?.messages
  if (!Array.isArray(messages)) return []
  const out: ToolResultBlock[] = []
  for (const message of messages) {
    if (!isRecord(message) || message.role !== 'user' || !Array.isArray(message.content)) continue
    for (const block of message.content) {
      if (!isRecord(block) || block.type !== 'tool_result') continue
      out.push({
        tool_use_id: typeof block.tool_use_id === 'string' ? block.tool_use_id : '',
        is_error: block.is_error === true,
        text: blockText(block.content)
      })
    }
  }
  return out
}

/** The text of every tool_result block the request carries (see toolResultBlocks). */
export function toolResults(req: RecordedRequest): string[] {
  return toolResultBlocks(req).map(b => b.text)
}

/** Names of the tools the request offered the model. */
export function toolNames(req: RecordedRequest): string[] {
  const tools: unknown = req.body?.tools
  if (!Array.isArray(tools)) return []
  return tools.flatMap(t => (isRecord(t) && typeof t.name === 'string' ? [t.name] : []))
}

function blockText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map(c => (isRecord(c) && c.type === 'text' && typeof c.text === 'string' ? c.text : ''))
    .join('')
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const isMessagesPath = (path: string): boolean => path.split('?')[0] === '/v1/messages'

function errorStatusType(status: number): string {
  if (status === 400) return 'invalid_request_error'
  if (status === 401) return 'authentication_error'
  if (status === 403) return 'permission_error'
  if (status === 404) return 'not_found_error'
  if (status === 413) return 'request_too_large'
  if (status === 429) return 'rate_limit_error'
  if (status === 529) return 'overloaded_error'
  return 'api_error'
}

let idCounter = 0
const nextId = (prefix: string): string =>
  `${prefix}_FAKE${(++idCounter).toString().padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`

type ContentBlock =
  { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown }

function messageFor(turn: Turn & { type: 'text' | 'tool_use' }, model: string) {
  const content: ContentBlock[] =
    turn.type === 'text'
      ? [{ type: 'text', text: turn.text }]
      : [{ type: 'tool_use', id: nextId('toolu'), name: turn.name, input: turn.input }]
  return {
    id: nextId('msg'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: turn.type === 'text' ? 'end_turn' : 'tool_use',
    stop_sequence: null,
    usage: {
      input_tokens: 12,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: 8,
      service_tier: 'standard'
    }
  }
}

/** The SSE events the real API streams for one message. */
export function sseEvents(message: ReturnType<typeof messageFor>): Array<Record<string, unknown>> {
  const events: Array<Record<string, unknown>> = [
    {
      type: 'message_start',
      message: {
        ...message,
        content: [],
        stop_reason: null,
        usage: { ...message.usage, output_tokens: 1 }
      }
    },
    { type: 'ping' }
  ]
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } })
      // Two deltas, as the real API splits text.
      const mid = Math.ceil(block.text.length / 2)
      for (const part of [block.text.slice(0, mid), block.text.slice(mid)]) {
        if (part) {
          events.push({
            type: 'content_block_delta',
            index,
            delta: { type: 'text_delta', text: part }
          })
        }
      }
    } else {
      events.push({
        type: 'content_block_start',
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} }
      })
      const json = JSON.stringify(block.input ?? {})
      events.push({
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: '' }
      })
      events.push({
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: json }
      })
    }
    events.push({ type: 'content_block_stop', index })
  })
  events.push({
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: message.usage.output_tokens }
  })
  events.push({ type: 'message_stop' })
  return events
}

export async function startMockAnthropic(
  turns: Turn[] = [],
  options: MockOptions = {}
): Promise<MockAnthropic> {
  const requests: RecordedRequest[] = []
  let script: Turn[] = [...turns]
  let cursor = 0
  let successHeaders = options.successHeaders ?? allowedRateLimitHeaders()
  const timers = new Set<NodeJS.Timeout>()

  /** The turn for the next /v1/messages call. */
  const nextTurn = (): Turn => {
    if (cursor < script.length) return script[cursor++] as Turn
    // Used up: an error keeps answering (a revoked token stays revoked); otherwise the last text.
    const last = script[script.length - 1]
    if (last && isErrorTurn(last)) return last
    for (let i = script.length - 1; i >= 0; i--) {
      const t = script[i] as Turn
      const inner = unwrap(t)
      if (inner.type === 'text') return inner
    }
    return { type: 'text', text: DEFAULT_TEXT }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let body: unknown = raw
      if (raw) {
        try {
          body = JSON.parse(raw)
        } catch {
          body = raw
        }
      }
      const path = req.url ?? '/'
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        headers: { ...req.headers },
        body,
        raw
      }
      requests.push(recorded)
      if (recorded.method === 'POST' && isMessagesPath(path)) {
        answer(nextTurn(), recorded, res)
      } else if (recorded.method === 'POST' && path.split('?')[0] === '/v1/messages/count_tokens') {
        sendJson(res, 200, { input_tokens: 42 })
      } else {
        sendJson(res, 404, {
          type: 'error',
          error: { type: 'not_found_error', message: `Not found: ${recorded.method} ${path}` }
        })
      }
    })
  })

  const answer = (turn: Turn, req: RecordedRequest, res: http.ServerResponse): void => {
    if (turn.type === 'dynamic') {
      answer(turn.build(req), req, res)
      return
    }
    if (turn.type === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer)
        if (!res.destroyed) answer(turn.then, req, res)
      }, turn.delayMs)
      timers.add(timer)
      return
    }
    if (turn.type === 'error') {
      const body = turn.body ?? {
        type: 'error',
        error: { type: errorStatusType(turn.status), message: `Mock error ${turn.status}` }
      }
      sendJson(res, turn.status, body, { 'request-id': nextId('req'), ...(turn.headers ?? {}) })
      return
    }
    if (turn.type === 'empty_stream') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'request-id': nextId('req')
      })
      res.end()
      return
    }
    const model = typeof req.body?.model === 'string' ? req.body.model : 'claude-haiku-4-5'
    const message = messageFor(turn, model)
    const headers = { 'request-id': nextId('req'), ...successHeaders }
    if (req.body?.stream === true) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        ...headers
      })
      for (const event of sseEvents(message)) {
        res.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`)
      }
      res.end()
    } else {
      sendJson(res, 200, message, headers)
    }
  }

  const { port, close } = await listenLocal(server)

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    messageRequests: () => requests.filter(r => r.method === 'POST' && isMessagesPath(r.path)),
    script(next: Turn[]) {
      script = [...next]
      cursor = 0
    },
    setSuccessHeaders(headers: Record<string, string>) {
      successHeaders = { ...headers }
    },
    close: () => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      return close()
    }
  }
}

function unwrap(turn: Turn): Exclude<Turn, { type: 'slow' }> {
  // A dynamic turn is only known per request: it counts as neither text nor error here.
  return turn.type === 'slow' ? unwrap(turn.then) : turn
}

function isErrorTurn(turn: Turn): boolean {
  return unwrap(turn).type === 'error'
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}
