/**
 * Runs the real Claude CLI (2.1.332) against the mock Anthropic API, behind a proxy that refuses
 * every CONNECT, so each fixture scenario is known to produce what the real CLI reports.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {
  allowedRateLimitHeaders,
  CLAUDE_BINARY,
  DEFAULT_TEXT,
  FAKE_ACCESS_TOKEN,
  FAKE_SETUP_TOKEN,
  fakeCredentials,
  hermeticCliEnv,
  scenarios,
  startMockAnthropic,
  toolNames,
  toolResultBlocks,
  toolResults,
  type MockAnthropic,
  type Turn
} from '../../__fixtures__/mock-anthropic.js'
import { startRefusingProxy, type RefusingProxy } from '../../__fixtures__/proxy.js'

const MODEL = 'claude-haiku-4-5'
const RUN_TIMEOUT_MS = 30_000
/** The only host a run with a stored login may try (GET /api/oauth/profile), refused by the proxy. */
const PROFILE_HOST = 'api.anthropic.com:443'
const REFRESH_HOST = 'platform.claude.com:443'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  /** stream-json lines (or the one json object) parsed. */
  lines: Json[]
  result: Json
  ms: number
}

interface RunOptions {
  args?: string[]
  format?: 'stream-json' | 'json' | 'text'
  /** Write a .credentials.json (default: a login valid for 8 h). `null`: none. */
  credentials?: object | null
  env?: Record<string, string>
}

let mock: MockAnthropic
let proxy: RefusingProxy
let tmp: string

beforeEach(async () => {
  mock = await startMockAnthropic()
  proxy = await startRefusingProxy()
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-anthropic-test-'))
})

afterEach(async () => {
  await mock.close()
  await proxy.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function runClaude(prompt: string, opts: RunOptions = {}): Promise<CliRun> {
  const home = path.join(tmp, 'home')
  const configDir = path.join(tmp, 'config')
  const work = path.join(tmp, 'work')
  for (const dir of [home, configDir, work]) fs.mkdirSync(dir, { recursive: true })
  const credentials = opts.credentials === undefined ? fakeCredentials() : opts.credentials
  if (credentials !== null) {
    fs.writeFileSync(path.join(configDir, '.credentials.json'), JSON.stringify(credentials), {
      mode: 0o600
    })
  }
  const format = opts.format ?? 'stream-json'
  const args = ['-p', prompt, '--model', MODEL, '--output-format', format]
  if (format === 'stream-json') args.push('--verbose')
  args.push(...(opts.args ?? []))
  const env = hermeticCliEnv({
    mockUrl: mock.url,
    proxyUrl: proxy.url,
    home,
    configDir,
    extra: opts.env
  })
  const started = Date.now()
  const child = spawn(CLAUDE_BINARY, args, { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', c => resolve(c))
  }).finally(() => clearTimeout(timer))
  const ms = Date.now() - started
  const lines: Json[] =
    format === 'text'
      ? []
      : stdout
          .split('\n')
          .filter(l => l.trim().startsWith('{'))
          .map(l => JSON.parse(l) as Json)
  const result = lines.find(l => l.type === 'result')
  return { code, stdout, stderr, lines, result, ms }
}

const ofType = (run: CliRun, type: string, subtype?: string): Json[] =>
  run.lines.filter(l => l.type === type && (subtype === undefined || l.subtype === subtype))

/** Hosts the proxy saw, other than the harmless profile call. */
const unexpectedHosts = (...allowed: string[]): string[] =>
  proxy.attempts.filter(a => ![PROFILE_HOST, ...allowed].includes(a))

const describeCli = fs.existsSync(CLAUDE_BINARY) ? describe : describe.skip

describeCli('the real CLI against the mock', () => {
  it('ok: result text, stored bearer token, rate_limit_event allowed', async () => {
    mock.script(scenarios.ok('Hello from the mock'))
    const run = await runClaude('say hello')
    expect(run.code).toBe(0)
    expect(run.result).toMatchObject({
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'Hello from the mock',
      num_turns: 1,
      api_error_status: null
    })
    expect(ofType(run, 'system', 'init')[0]).toMatchObject({ model: MODEL, apiKeySource: 'none' })
    expect(ofType(run, 'rate_limit_event')[0]?.rate_limit_info).toMatchObject({
      status: 'allowed',
      rateLimitType: 'five_hour'
    })

    const [req, ...more] = mock.messageRequests()
    expect(more).toHaveLength(0)
    expect(req?.path).toBe('/v1/messages?beta=true')
    expect(req?.headers.authorization).toBe(`Bearer ${FAKE_ACCESS_TOKEN}`)
    expect(req?.headers['x-api-key']).toBeUndefined()
    expect(String(req?.headers['anthropic-beta'])).toContain('oauth-2025-04-20')
    expect(req?.body).toMatchObject({ model: MODEL, stream: true })
    expect(JSON.stringify(req?.body.messages)).toContain('say hello')
    expect(mock.requests).toHaveLength(1)
    expect(unexpectedHosts()).toEqual([])
  })

  it('ok with --output-format json: one result object', async () => {
    const run = await runClaude('say hello', { format: 'json' })
    expect(run.code).toBe(0)
    expect(run.lines).toHaveLength(1)
    expect(run.result).toMatchObject({ is_error: false, result: DEFAULT_TEXT })
    expect(run.result.total_cost_usd).toBeGreaterThan(0)
  })

  it('tool use over two turns: Bash runs env when allowed, the tool_result reaches the mock', async () => {
    mock.script(scenarios.toolUseEnv())
    const run = await runClaude('print the environment', {
      args: ['--allowedTools', 'Bash(env)'],
      env: { MOCK_MARKER: 'marker-value-1234' }
    })
    expect(run.code).toBe(0)
    expect(run.result).toMatchObject({ is_error: false, result: 'Ran env.', num_turns: 2 })
    expect(run.result.permission_denials).toEqual([])
    const reqs = mock.messageRequests()
    expect(reqs).toHaveLength(2)
    expect(toolNames(reqs[0]!)).toContain('Bash')
    expect(toolResults(reqs[0]!)).toEqual([])
    const [env] = toolResults(reqs[1]!)
    expect(env).toContain('MOCK_MARKER=marker-value-1234')
    expect(env).toContain(`ANTHROPIC_BASE_URL=${mock.url}`)
    expect(env).not.toContain(FAKE_ACCESS_TOKEN)
  })

  it('tool use without an allow-list: env is denied and listed in permission_denials', async () => {
    mock.script(scenarios.toolUseEnv())
    const run = await runClaude('print the environment')
    expect(run.code).toBe(0)
    expect(run.result).toMatchObject({ is_error: false, result: 'Ran env.' })
    expect(run.result.permission_denials).toEqual([
      expect.objectContaining({
        tool_name: 'Bash',
        tool_input: expect.objectContaining({ command: 'env' })
      })
    ])
    const [block] = toolResultBlocks(mock.messageRequests()[1]!)
    expect(block).toMatchObject({ is_error: true })
    expect(block?.text).toContain('This command requires approval')
  })

  it('dynamic turn: a probing model echoes the tool results it got into its structured answer', async () => {
    fs.mkdirSync(path.join(tmp, 'work'), { recursive: true })
    fs.writeFileSync(path.join(tmp, 'work', 'notes.txt'), 'ECHO-ME-4411\n')
    const schema = {
      type: 'object',
      properties: { echoed: { type: 'array', items: { type: 'string' } } },
      required: ['echoed']
    }
    mock.script(
      scenarios.probeThenAnswer(
        [
          { name: 'Read', input: { file_path: path.join(tmp, 'work', 'notes.txt') } },
          { name: 'Read', input: { file_path: path.join(tmp, 'config', '.credentials.json') } }
        ],
        results => ({ echoed: results.map(r => `${r.is_error ? 'ERR' : 'OK'} ${r.text}`) })
      )
    )
    const run = await runClaude('probe', {
      args: ['--tools', 'Read', '--json-schema', JSON.stringify(schema)]
    })
    expect(run.code).toBe(0)
    const echoed = run.result.structured_output.echoed as string[]
    expect(echoed).toHaveLength(2)
    // The file inside the working directory is read; the login outside it is refused.
    expect(echoed[0]).toMatch(/^OK [\s\S]*ECHO-ME-4411/)
    expect(echoed[1]).toMatch(/^ERR /)
    expect(echoed[1]).not.toContain(FAKE_ACCESS_TOKEN)
    expect(mock.messageRequests()).toHaveLength(3)
  })

  it('401 expired: is_error, the facts text, one refresh attempt through the proxy', async () => {
    mock.script(scenarios.expired401())
    const run = await runClaude('say hello')
    expect(run.code).toBe(1)
    expect(run.result).toMatchObject({
      subtype: 'success',
      is_error: true,
      api_error_status: 401,
      api_error_type: 'authentication_error',
      total_cost_usd: 0,
      result:
        'Failed to authenticate. API Error: 401 OAuth token has expired. Please obtain a new token or refresh your existing token.'
    })
    expect(ofType(run, 'system', 'api_retry')[0]).toMatchObject({
      error_status: 401,
      error: 'authentication_failed'
    })
    // After the 401 it tries a refresh (refused), then asks once more with the same token.
    expect(mock.messageRequests()).toHaveLength(2)
    expect(proxy.attempts).toContain(REFRESH_HOST)
    expect(unexpectedHosts(REFRESH_HOST)).toEqual([])
  })

  it('403 revoked (json output): the facts text, api_error_status 403', async () => {
    mock.script(scenarios.revoked403())
    const run = await runClaude('say hello', { format: 'json' })
    expect(run.code).toBe(1)
    expect(run.lines).toHaveLength(1)
    expect(run.result).toMatchObject({
      subtype: 'success',
      is_error: true,
      api_error_status: 403,
      api_error_type: 'permission_error',
      result:
        'Failed to authenticate: OAuth token revoked. Please log in again or contact your administrator.'
    })
    // Like a 401, it tries a refresh and asks once more.
    expect(mock.messageRequests()).toHaveLength(2)
  })

  it('usage: allowed puts utilization only in unifiedWindows; usage tokens in the result', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600
    mock.setSuccessHeaders(allowedRateLimitHeaders(reset, { fiveHour: 0.73, sevenDay: 0.2 }))
    mock.script(scenarios.ok('ok'))
    const run = await runClaude('say ok')
    const info = ofType(run, 'rate_limit_event')[0]?.rate_limit_info
    expect(info).toMatchObject({
      status: 'allowed',
      rateLimitType: 'five_hour',
      resetsAt: reset,
      isUsingOverage: false,
      unifiedWindows: {
        five_hour: { utilization: 0.73, resetsAt: reset },
        seven_day: { utilization: 0.2, resetsAt: reset + 6 * 86400 }
      }
    })
    expect(info.utilization).toBeUndefined()
    expect(run.result.usage).toMatchObject({
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
      cache_read_input_tokens: expect.any(Number),
      cache_creation_input_tokens: expect.any(Number)
    })
  })

  it('usage: allowed_warning carries a top-level utilization', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600
    mock.setSuccessHeaders(
      allowedRateLimitHeaders(reset, { fiveHour: 0.85, status: 'allowed_warning' })
    )
    mock.script(scenarios.ok('ok'))
    const run = await runClaude('say ok')
    const info = ofType(run, 'rate_limit_event')[0]?.rate_limit_info
    expect(info).toMatchObject({
      status: 'allowed_warning',
      rateLimitType: 'five_hour',
      utilization: 0.85,
      resetsAt: reset
    })
  })

  it('usage: a weekly claim early in its window warns on its own; no headers still emit an event', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600
    mock.setSuccessHeaders(allowedRateLimitHeaders(reset, { sevenDay: 0.4, claim: 'seven_day' }))
    mock.script(scenarios.ok('ok'))
    const weekly = ofType(await runClaude('say ok'), 'rate_limit_event')[0]?.rate_limit_info
    mock.setSuccessHeaders({})
    mock.script(scenarios.ok('ok'))
    const none = ofType(await runClaude('say ok'), 'rate_limit_event')
    // The headers say allowed; the CLI warns itself: 40 % used with a sixth of the week gone.
    expect(weekly).toMatchObject({
      status: 'allowed_warning',
      rateLimitType: 'seven_day',
      utilization: 0.4,
      resetsAt: reset + 6 * 86400,
      unifiedWindows: { seven_day: { utilization: 0.4, status: 'allowed' } }
    })
    // Without any header the CLI still reports "allowed" with nothing else: not a usage figure.
    expect(none.map(e => e.rate_limit_info)).toEqual([{ status: 'allowed', isUsingOverage: false }])
  })

  it('429 usage limit: rate_limit_event rejected with resetsAt', async () => {
    const resetsAt = Math.floor(Date.now() / 1000) + 2 * 3600
    mock.script(scenarios.usageLimit429(resetsAt))
    const run = await runClaude('say hello')
    expect(run.code).toBe(1)
    expect(ofType(run, 'rate_limit_event')[0]?.rate_limit_info).toMatchObject({
      status: 'rejected',
      resetsAt,
      rateLimitType: 'five_hour'
    })
    expect(run.result).toMatchObject({
      is_error: true,
      api_error_status: 429,
      api_error: 'usage_limit_reached'
    })
    // The assistant error line carries it too; the json output format carries no resetsAt at all.
    expect(ofType(run, 'assistant')[0]?.api_error_params?.rate_limit_info).toMatchObject({
      status: 'rejected',
      resetsAt
    })
    expect(run.result.result).toMatch(
      /^You've hit your 5-hour limit · resets \d{1,2}(:\d\d)?[ap]m \(UTC\)$/
    )
    expect(mock.messageRequests()).toHaveLength(1)
  })

  it('529 overloaded (text output): the error text goes to stdout, exit 1', async () => {
    mock.script(scenarios.overloaded529())
    const run = await runClaude('say hello', { format: 'text' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^API Error: 529 Overloaded\. This is a server-side issue, usually temporary/
    )
    expect(run.stdout).toContain(`check your inference gateway (${new URL(mock.url).host})`)
    expect(mock.messageRequests()).toHaveLength(1)
  })

  it('structured output: the result carries structured_output', async () => {
    const json = { answer: 42, notes: ['a', 'b'] }
    const schema = {
      type: 'object',
      properties: {
        answer: { type: 'number' },
        notes: { type: 'array', items: { type: 'string' } }
      },
      required: ['answer'],
      additionalProperties: false
    }
    mock.script(scenarios.structured(json))
    const run = await runClaude('answer', { args: ['--json-schema', JSON.stringify(schema)] })
    expect(run.code).toBe(0)
    expect(run.result).toMatchObject({ is_error: false, structured_output: json })
    expect(JSON.parse(run.result.result)).toEqual(json)
    // It stops right after the StructuredOutput call: no second request.
    const reqs = mock.messageRequests()
    expect(reqs).toHaveLength(1)
    expect(toolNames(reqs[0]!)).toContain('StructuredOutput')
  })

  it('structured output that does not fit the schema: the CLI re-asks, then ends without it', async () => {
    const schema = {
      type: 'object',
      properties: { answer: { type: 'number' } },
      required: ['answer']
    }
    mock.script(scenarios.structured({ answer: 'not a number' }))
    const run = await runClaude('answer', { args: ['--json-schema', JSON.stringify(schema)] })
    expect(run.code).toBe(0)
    expect(run.result).toMatchObject({ is_error: false, result: 'Done.' })
    expect(run.result.structured_output).toBeUndefined()
    const reqs = mock.messageRequests()
    expect(reqs).toHaveLength(3)
    expect(toolResultBlocks(reqs[1]!)[0]).toMatchObject({ is_error: true })
    expect(toolResults(reqs[1]!)[0]).toContain(
      'Output does not match required schema: /answer: must be number'
    )
    expect(JSON.stringify(reqs[2]!.body.messages)).toContain('[structured-output-enforce]')
  })

  it('structured output invalid five times: error_max_structured_output_retries', async () => {
    const bad: Turn = { type: 'tool_use', name: 'StructuredOutput', input: { answer: 'x' } }
    mock.script([bad, bad, bad, bad, bad])
    const schema = { type: 'object', properties: { answer: { type: 'number' } } }
    const run = await runClaude('answer', { args: ['--json-schema', JSON.stringify(schema)] })
    expect(run.code).toBe(1)
    expect(run.result).toMatchObject({
      is_error: true,
      subtype: 'error_max_structured_output_retries',
      terminal_reason: 'structured_output_retry_exhausted'
    })
    expect(run.result.result).toBeUndefined()
    expect(mock.messageRequests()).toHaveLength(5)
  })

  it('setup-token through CLAUDE_CODE_OAUTH_TOKEN: its bearer, no login file, no outside call', async () => {
    mock.script(scenarios.toolUseEnv())
    const run = await runClaude('print the environment', {
      credentials: null,
      args: ['--allowedTools', 'Bash(env)'],
      env: { CLAUDE_CODE_OAUTH_TOKEN: FAKE_SETUP_TOKEN }
    })
    expect(run.code).toBe(0)
    expect(run.result).toMatchObject({ is_error: false, result: 'Ran env.' })
    const reqs = mock.messageRequests()
    expect(reqs.map(r => r.headers.authorization)).toEqual([
      `Bearer ${FAKE_SETUP_TOKEN}`,
      `Bearer ${FAKE_SETUP_TOKEN}`
    ])
    // The CLI strips its own token from the Bash tool's environment.
    expect(toolResults(reqs[1]!)[0]).not.toContain(FAKE_SETUP_TOKEN)
    expect(proxy.attempts).toEqual([])
    expect(fs.existsSync(path.join(tmp, 'config', '.credentials.json'))).toBe(false)
  })

  it('a stream that ends early: the CLI falls back to one non-streaming call', async () => {
    mock.script([{ type: 'empty_stream' }, { type: 'text', text: 'from the plain JSON answer' }])
    const run = await runClaude('say hello')
    expect(run.result).toMatchObject({ is_error: false, result: 'from the plain JSON answer' })
    expect(mock.messageRequests().map(r => r.body.stream)).toEqual([true, false])
  })

  it('slow: the CLI waits for a late answer', async () => {
    mock.script(scenarios.slow(1000))
    const run = await runClaude('say hello')
    expect(run.result).toMatchObject({ is_error: false, result: DEFAULT_TEXT })
    expect(run.ms).toBeGreaterThanOrEqual(1000)
  })
})

describe('the mock alone', () => {
  const post = (body: object, p = '/v1/messages?beta=true') =>
    fetch(`${mock.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${FAKE_ACCESS_TOKEN}` },
      body: JSON.stringify(body)
    })

  it('streams SSE events in the API order', async () => {
    mock.script([{ type: 'tool_use', name: 'Bash', input: { command: 'env' } }])
    const res = await post({ model: MODEL, stream: true, messages: [] })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    expect(res.headers.get('anthropic-ratelimit-unified-status')).toBe('allowed')
    const events = (await res.text())
      .split('\n')
      .filter(l => l.startsWith('event: '))
      .map(l => l.slice(7))
    expect(events).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop'
    ])
  })

  it('answers plain JSON without stream, 404 elsewhere, and records everything', async () => {
    mock.script([
      { type: 'text', text: 'one' },
      { type: 'text', text: 'two' }
    ])
    const a = (await (await post({ model: MODEL, messages: [] })).json()) as Json
    expect(a).toMatchObject({
      type: 'message',
      model: MODEL,
      stop_reason: 'end_turn',
      content: [{ type: 'text', text: 'one' }]
    })
    const b = (await (await post({ model: MODEL, messages: [] })).json()) as Json
    expect(b.content[0].text).toBe('two')
    const c = (await (await post({ model: MODEL, messages: [] })).json()) as Json
    expect(c.content[0].text).toBe('two') // used up: the last text again
    const missing = await fetch(`${mock.url}/api/oauth/profile`)
    expect(missing.status).toBe(404)
    expect(mock.requests.map(r => r.path)).toEqual([
      '/v1/messages?beta=true',
      '/v1/messages?beta=true',
      '/v1/messages?beta=true',
      '/api/oauth/profile'
    ])
    expect(mock.messageRequests()).toHaveLength(3)
    expect(mock.requests[0]?.raw).toBe(JSON.stringify({ model: MODEL, messages: [] }))
  })

  it('keeps answering a final error turn (a revoked token stays revoked)', async () => {
    mock.script(scenarios.revoked403())
    for (let i = 0; i < 3; i++) {
      const res = await post({ model: MODEL, stream: true, messages: [] })
      expect(res.status).toBe(403)
      expect(((await res.json()) as Json).error.type).toBe('permission_error')
    }
  })

  it('sends the 429 usage-limit headers', async () => {
    mock.script(scenarios.usageLimit429(1_900_000_000))
    const res = await post({ model: MODEL, stream: true, messages: [] })
    expect(res.status).toBe(429)
    expect(res.headers.get('anthropic-ratelimit-unified-status')).toBe('rejected')
    expect(res.headers.get('anthropic-ratelimit-unified-reset')).toBe('1900000000')
    expect(res.headers.get('anthropic-ratelimit-unified-representative-claim')).toBe('five_hour')
  })
})

describe('the refusing proxy', () => {
  it('refuses CONNECT with 403 and records host:port', async () => {
    const { port } = new URL(proxy.url)
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write('CONNECT example.invalid:443 HTTP/1.1\r\nHost: example.invalid:443\r\n\r\n')
      })
      let data = ''
      socket.on('data', d => (data += d.toString()))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 403/)
    expect(proxy.attempts).toEqual(['example.invalid:443'])
  })

  it('refuses plain proxied requests', async () => {
    const { port } = new URL(proxy.url)
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write('GET http://example.invalid/x HTTP/1.1\r\nHost: example.invalid\r\n\r\n')
      })
      let data = ''
      socket.on('data', d => (data += d.toString()))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 403/)
    expect(proxy.attempts).toEqual(['http://example.invalid/x'])
  })
})
