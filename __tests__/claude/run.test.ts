/**
 * runClaude against FAKE `claude` executables written to a temp dir: stream-json read into a typed
 * result, the prompt on stdin (never argv), the timeout killing the whole process group (a
 * grandchild included), and non-JSON output kept for the error message.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { promises as fs, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const startGroup = jest.fn<(name: string) => void>()
const endGroup = jest.fn<() => void>()
const info = jest.fn<(line: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({
  startGroup,
  endGroup,
  info,
  warning: jest.fn(),
  debug: jest.fn(),
  setSecret: jest.fn()
}))
// eslint-disable-next-line no-restricted-syntax
const { runClaude, CancelledError, KILL_GRACE_MS } = await import('../../src/claude/run.js')
// eslint-disable-next-line no-restricted-syntax
const { classify } = await import('../../src/claude/classify.js')

let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'csa-run-'))
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})
beforeEach(() => {
  startGroup.mockClear()
  endGroup.mockClear()
  info.mockClear()
})

/** Writes an executable shell script and returns its path. */
async function script(name: string, body: string): Promise<string> {
  const file = path.join(dir, name)
  await fs.writeFile(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 })
  return file
}

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  OUT_DIR: dir,
  ...extra
})

/** Gone, or a zombie nobody reaped yet (it runs no more either way). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return true
  }
}

async function waitGone(pid: number, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (isGone(pid)) return true
    await new Promise(r => setTimeout(r, 50))
  }
  return isGone(pid)
}

const STREAM = [
  '{"type":"system","subtype":"init","session_id":"sess-init","model":"claude-test-model","tools":["Read"]}',
  'plain text noise on stdout',
  '{"type":"assistant","message":{"content":[{"type":"text","text":"Looking at\\nthe code. "},{"type":"tool_use","id":"t1","name":"Read","input":{"file_path":"src/a.ts"}}]}}',
  '{"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"t1","content":"FAKE file"}]}}',
  '{"type":"system","subtype":"api_retry","attempt":1,"error":"authentication_failed","error_status":401}',
  '{"type":"rate_limit_event","rate_limit_info":{"status":"allowed_warning","resetsAt":1764378720}}',
  '{"type":"assistant","message":{"content":[{"type":"text","text":"Done."}]}}',
  '',
  '{"type":"result","subtype":"success","is_error":false,"result":"All good.","num_turns":2,"session_id":"sess-result","total_cost_usd":0.0002,"duration_ms":246,"api_error_status":null,"structured_output":{"summary":"ok"}}'
]

describe('runClaude with a fake CLI that streams a run', () => {
  it('reads every event, takes the prompt on stdin, and keeps it out of argv', async () => {
    const stream = path.join(dir, 'stream.jsonl')
    await fs.writeFile(stream, `${STREAM.join('\n')}\n`)
    const claude = await script(
      'claude-ok',
      [
        'for a in "$@"; do printf "%s\\n" "$a"; done > "$OUT_DIR/argv"',
        'cat > "$OUT_DIR/stdin"',
        'pwd > "$OUT_DIR/cwd"',
        'printf "%s" "$FAKE_MARK" > "$OUT_DIR/env"',
        `cat "${stream}"`,
        'echo "a warning on stderr" >&2',
        'exit 0'
      ].join('\n')
    )
    const prompt = `Review this PR.\nIt has "quotes", $DOLLARS, \`ticks\` and a FAKE-test secret-looking line.\n${'x'.repeat(200_000)}\nEND`
    const args = ['-p', '--output-format', 'stream-json', '--verbose', '--model', 'claude-test']
    const lines: string[] = []
    const cwd = await fs.mkdtemp(path.join(dir, 'cwd-'))
    const out = await runClaude({
      claudePath: claude,
      args,
      env: env({ FAKE_MARK: 'env-passed' }),
      prompt,
      timeoutMs: 30_000,
      cwd,
      label: 'Claude Code: test',
      log: l => lines.push(l)
    })

    // The prompt arrived whole on stdin, and argv is exactly the args.
    expect(await fs.readFile(path.join(dir, 'stdin'), 'utf8')).toBe(prompt)
    const argv = (await fs.readFile(path.join(dir, 'argv'), 'utf8')).split('\n').slice(0, -1)
    expect(argv).toEqual(args)
    expect(argv.join(' ')).not.toContain('Review this PR')
    expect(await fs.readFile(path.join(dir, 'env'), 'utf8')).toBe('env-passed')
    expect((await fs.readFile(path.join(dir, 'cwd'), 'utf8')).trim()).toBe(await fs.realpath(cwd))

    expect(out.exitCode).toBe(0)
    expect(out.signal).toBeNull()
    expect(out.timedOut).toBe(false)
    expect(out.durationMs).toBeGreaterThanOrEqual(0)
    expect(out.result).toMatchObject({
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'All good.',
      num_turns: 2,
      total_cost_usd: 0.0002,
      structured_output: { summary: 'ok' }
    })
    // The result's session id wins over the init line's.
    expect(out.sessionId).toBe('sess-result')
    expect(out.model).toBe('claude-test-model')
    expect(out.retries).toEqual(['authentication_failed'])
    expect(out.rateLimit).toEqual({ status: 'allowed_warning', resetsAt: 1_764_378_720_000 })
    expect(out.assistantText).toBe('Looking at\nthe code. Done.')
    expect(out.otherOutput.split('\n').sort()).toEqual(
      ['a warning on stderr', 'plain text noise on stdout'].sort()
    )

    expect(lines).toEqual(
      expect.arrayContaining([
        'Session sess-init started (model claude-test-model).',
        'Claude: Looking at the code.',
        'Tool Read: {"file_path":"src/a.ts"}',
        'API retry 1: authentication_failed',
        'Subscription usage: allowed_warning, resets 2025-11-29T01:12:00.000Z.',
        'Claude: Done.',
        'Finished: success, 2 turn(s), 246 ms.'
      ])
    )
    expect(lines.join('\n')).not.toContain('x'.repeat(100))
    expect(startGroup).toHaveBeenCalledWith('Claude Code: test')
    expect(endGroup).toHaveBeenCalledTimes(1)
    expect(info).not.toHaveBeenCalled()
    expect(classify(out, { timeoutMinutes: 20 })).toEqual({ kind: 'success' })
  })

  it('logs to core.info in a "Claude Code" group by default', async () => {
    const claude = await script(
      'claude-default-log',
      `cat > /dev/null\necho '${STREAM[0]}'\necho '${STREAM[8]}'`
    )
    const out = await runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'hi',
      timeoutMs: 30_000
    })
    expect(out.sessionId).toBe('sess-result')
    expect(startGroup).toHaveBeenCalledWith('Claude Code')
    expect(info).toHaveBeenCalledWith('Session sess-init started (model claude-test-model).')
    expect(endGroup).toHaveBeenCalledTimes(1)
  })

  it('does not block when the CLI never reads its stdin', async () => {
    const claude = await script('claude-no-stdin', `echo '${STREAM[8]}'\nexit 0`)
    const out = await runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'y'.repeat(1_000_000),
      timeoutMs: 20_000,
      log: () => undefined
    })
    expect(out.timedOut).toBe(false)
    expect(out.result?.result).toBe('All good.')
  })

  it('a rejected rate limit and an error result classify as a usage limit', async () => {
    const claude = await script(
      'claude-limited',
      [
        'cat > /dev/null',
        `echo '{"type":"rate_limit_event","rate_limit_info":{"status":"rejected","resetsAt":1764378720}}'`,
        `echo '{"type":"result","subtype":"success","is_error":true,"result":"API Error: 429","api_error_status":429}'`,
        'exit 1'
      ].join('\n')
    )
    const lines: string[] = []
    const out = await runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 30_000,
      log: l => lines.push(l)
    })
    expect(out.exitCode).toBe(1)
    expect(out.rateLimit).toEqual({ status: 'rejected', resetsAt: 1_764_378_720_000 })
    expect(lines).toContain('Subscription usage: rejected, resets 2025-11-29T01:12:00.000Z.')
    expect(lines).toContain('Finished: error, ? turn(s), ? ms.')
    expect(classify(out, { timeoutMinutes: 20 })).toEqual({
      kind: 'usage-limit',
      message: "The subscription's usage limit is reached. It resets at 2025-11-29T01:12:00.000Z.",
      resetsAt: 1_764_378_720_000
    })
  })
})

describe('runClaude timeout', () => {
  it('kills the whole process group, the grandchild included', async () => {
    const claude = await script(
      'claude-hang',
      [
        'sleep 40 &',
        'echo $! > "$OUT_DIR/grandchild.pid"',
        'echo $$ > "$OUT_DIR/child.pid"',
        `echo '{"type":"system","subtype":"init","session_id":"sess-hang"}'`,
        'sleep 40',
        'echo should-not-get-here'
      ].join('\n')
    )
    const lines: string[] = []
    const started = Date.now()
    const out = await runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 1500,
      log: l => lines.push(l)
    })
    const took = Date.now() - started
    const grandchild = Number(await fs.readFile(path.join(dir, 'grandchild.pid'), 'utf8'))
    const child = Number(await fs.readFile(path.join(dir, 'child.pid'), 'utf8'))

    expect(out.timedOut).toBe(true)
    expect(out.exitCode).toBeNull()
    expect(out.signal).toBe('SIGTERM')
    expect(out.sessionId).toBe('sess-hang')
    expect(out.otherOutput).not.toContain('should-not-get-here')
    // Well before the grandchild's own 40 s: its stdout would have held the run open.
    expect(took).toBeLessThan(10_000)
    expect(await waitGone(child)).toBe(true)
    expect(await waitGone(grandchild)).toBe(true)
    expect(lines).toContain('Stopping Claude Code: it ran past the timeout of 2 s.')
    expect(classify(out, { timeoutMinutes: 0.025 }).kind).toBe('timeout')
  })

  it('escalates to SIGKILL when SIGTERM is ignored', async () => {
    const claude = await script(
      'claude-stubborn',
      [
        "trap '' TERM",
        'sleep 40 &',
        'echo $! > "$OUT_DIR/stubborn-grandchild.pid"',
        'while true; do sleep 1; done'
      ].join('\n')
    )
    const started = Date.now()
    const out = await runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 500,
      killGraceMs: 300,
      log: () => undefined
    })
    const took = Date.now() - started
    const grandchild = Number(await fs.readFile(path.join(dir, 'stubborn-grandchild.pid'), 'utf8'))
    expect(out.timedOut).toBe(true)
    expect(out.signal).toBe('SIGKILL')
    // SIGTERM at 0.5 s, then the (short) grace; the action's own runs get 5 s.
    expect(took).toBeGreaterThanOrEqual(800)
    expect(took).toBeLessThan(KILL_GRACE_MS)
    expect(KILL_GRACE_MS).toBe(5000)
    expect(await waitGone(grandchild)).toBe(true)
  }, 30_000)
})

describe('runClaude when the action is cancelled', () => {
  /** Sends `signal` to this process's listeners once the fake CLI wrote its pid. */
  function cancelWhenStarted(pidFile: string, signal: NodeJS.Signals): void {
    const poll = setInterval(() => {
      fs.readFile(pidFile, 'utf8').then(
        () => {
          clearInterval(poll)
          process.emit(signal, signal)
        },
        () => undefined
      )
    }, 20)
  }

  it('SIGTERM kills the process group (the grandchild too), then rejects with CancelledError', async () => {
    const claude = await script(
      'claude-cancel',
      [
        'sleep 40 &',
        'echo $! > "$OUT_DIR/cancel-grandchild.pid"',
        'echo $$ > "$OUT_DIR/cancel-child.pid"',
        'sleep 40'
      ].join('\n')
    )
    const listeners = process.listenerCount('SIGTERM')
    const lines: string[] = []
    cancelWhenStarted(path.join(dir, 'cancel-child.pid'), 'SIGTERM')
    const started = Date.now()
    const run = runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 60_000,
      log: l => lines.push(l)
    })
    await expect(run).rejects.toThrow(CancelledError)
    await expect(run).rejects.toThrow(/^Cancelled \(SIGTERM\) while Claude Code ran/)
    expect(Date.now() - started).toBeLessThan(10_000)
    const child = Number(await fs.readFile(path.join(dir, 'cancel-child.pid'), 'utf8'))
    const grandchild = Number(await fs.readFile(path.join(dir, 'cancel-grandchild.pid'), 'utf8'))
    expect(await waitGone(child)).toBe(true)
    expect(await waitGone(grandchild)).toBe(true)
    expect(lines).toContain('Received SIGTERM: stopping Claude Code and every process it started.')
    expect(lines.some(l => /^Claude Code started \(pid \d+\)\.$/.test(l))).toBe(true)
    // The handler is gone with the run: a later SIGTERM is the runtime's again.
    expect(process.listenerCount('SIGTERM')).toBe(listeners)
  })

  it('SIGINT and a CLI that ignores SIGTERM: SIGKILL after the (short) grace', async () => {
    const claude = await script(
      'claude-cancel-stubborn',
      [
        "trap '' TERM",
        'echo $$ > "$OUT_DIR/stubborn-cancel.pid"',
        'while true; do sleep 1; done'
      ].join('\n')
    )
    cancelWhenStarted(path.join(dir, 'stubborn-cancel.pid'), 'SIGINT')
    const started = Date.now()
    const run = runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 60_000,
      killGraceMs: 300,
      log: () => undefined
    })
    await expect(run).rejects.toMatchObject({ name: 'CancelledError', signal: 'SIGINT' })
    const took = Date.now() - started
    expect(took).toBeGreaterThanOrEqual(300)
    expect(took).toBeLessThan(5000)
    const pid = Number(await fs.readFile(path.join(dir, 'stubborn-cancel.pid'), 'utf8'))
    expect(await waitGone(pid)).toBe(true)
  })
})

describe('runClaude with a CLI that fails in text', () => {
  it('keeps the last 40 non-JSON lines of output, and the exit code', async () => {
    const claude = await script(
      'claude-text',
      [
        'cat > /dev/null',
        'i=1',
        'while [ $i -le 60 ]; do echo "line $i"; i=$((i+1)); done',
        'echo',
        'echo "   "',
        'echo "Not logged in · Please run /login"',
        'exit 1'
      ].join('\n')
    )
    const out = await runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 30_000,
      log: () => undefined
    })
    expect(out.exitCode).toBe(1)
    expect(out.result).toBeUndefined()
    const kept = out.otherOutput.split('\n')
    expect(kept).toHaveLength(40)
    expect(kept[0]).toBe('line 22')
    expect(kept[38]).toBe('line 60')
    expect(kept[39]).toBe('Not logged in · Please run /login')
    expect(classify(out, { timeoutMinutes: 20 })).toEqual({
      kind: 'auth',
      message: 'The CLI found no usable login (Not logged in).'
    })
  })

  it('keeps stderr, cuts very long lines, and reports a crash with the last line', async () => {
    const claude = await script(
      'claude-stderr',
      [
        'cat > /dev/null',
        `printf '%0700d\\n' 0 >&2`,
        'echo "Error: claude native binary not installed." >&2',
        'exit 1'
      ].join('\n')
    )
    const out = await runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 30_000,
      log: () => undefined
    })
    const kept = out.otherOutput.split('\n')
    expect(kept).toEqual([`${'0'.repeat(500)}…`, 'Error: claude native binary not installed.'])
    expect(classify(out, { timeoutMinutes: 20 })).toEqual({
      kind: 'crash',
      message:
        'Claude Code exited with code 1 without a result: Error: claude native binary not installed.'
    })
  })

  it('resolves, without throwing, when the executable does not exist', async () => {
    const missing = path.join(dir, 'no-such-claude')
    const out = await runClaude({
      claudePath: missing,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 30_000,
      log: () => undefined
    })
    expect(out.result).toBeUndefined()
    expect(out.timedOut).toBe(false)
    expect(out.otherOutput).toContain(`Could not start ${missing}:`)
    expect(out.otherOutput).toContain('ENOENT')
    expect(endGroup).toHaveBeenCalledTimes(1)
    expect(classify(out, { timeoutMinutes: 20 }).kind).toBe('crash')
  })
})

describe('runClaude: what the model was reading', () => {
  it('keeps the last five Read/Grep/Glob targets, latest last, each once', async () => {
    const tool = (name: string, input: unknown): string =>
      JSON.stringify({
        type: 'assistant',
        message: { content: [{ type: 'tool_use', id: name, name, input }] }
      })
    const stream = path.join(dir, 'reading.jsonl')
    await fs.writeFile(
      stream,
      [
        tool('Read', { file_path: '/ws/src/one.ts' }),
        tool('Read', { file_path: '/ws/src/two.ts' }),
        tool('Bash', { command: 'ls' }),
        tool('Grep', { pattern: 'TODO', path: 'src' }),
        tool('Glob', { pattern: '**/*.md' }),
        tool('Read', { file_path: '/ws/src/three.ts' }),
        tool('Read', { file_path: '/ws/src/two.ts' }),
        tool('Read', { file_path: '/ws/src/four.ts' }),
        '{"type":"result","subtype":"error_max_turns","is_error":true,"num_turns":8}'
      ].join('\n') + '\n'
    )
    const claude = await script('claude-reading', `cat > /dev/null\ncat "${stream}"\nexit 1`)
    const out = await runClaude({
      claudePath: claude,
      args: [],
      env: env(),
      prompt: 'p',
      timeoutMs: 30_000,
      log: () => undefined
    })
    expect(out.reading).toEqual([
      'grep TODO in src',
      'glob **/*.md',
      '/ws/src/three.ts',
      '/ws/src/two.ts',
      '/ws/src/four.ts'
    ])
  })
})
