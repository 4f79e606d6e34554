/**
 * Runs `claude -p` once: prompt on stdin, stream-json read line by line into readable progress in a
 * collapsible log group, the whole process group killed at the timeout, a typed result returned.
 */
import * as core from '@actions/core'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createInterface } from 'node:readline'
import { commandFree } from '../github/guard.js'
import { CancelledError } from './cancelled.js'
import { parseEventLine, ResultEventSchema, type ResultEvent } from './events.js'
import { usageOf, type UsageState } from './usage.js'

/** Everything one run produced. */
export interface RunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  durationMs: number
  result?: ResultEvent
  sessionId?: string
  model?: string
  /** The last rate-limit state the CLI reported (`rate_limit_event`). */
  rateLimit?: UsageState
  /** Retries the CLI reported (`system/api_retry`), with their error kinds. */
  retries: string[]
  /** Non-JSON stdout and stderr, last lines only: where text-mode errors end up. */
  otherOutput: string
  /** Text the model wrote, for the final result when the CLI gave none. */
  assistantText: string
  /**
   * What the model was last reading (Read/Grep/Glob inputs, latest last, at most
   * {@link KEEP_READING}): named when a run stops at max_turns or the timeout.
   */
  reading?: string[]
}

interface RunOptions {
  claudePath: string
  args: string[]
  env: NodeJS.ProcessEnv
  prompt: string
  timeoutMs: number
  cwd?: string
  /** A name for the log group. */
  label?: string
  /** Where progress lines go (the log by default). */
  log?: (line: string) => void
  /** How long the CLI gets after SIGTERM before SIGKILL (at the timeout or a cancel); 5 s. */
  killGraceMs?: number
}

export { CancelledError }

const KEEP_OTHER = 40
/** How many of the model's last Read/Grep/Glob targets a run keeps. */
export const KEEP_READING = 5
/** The default of `killGraceMs`. */
export const KILL_GRACE_MS = 5000

/**
 * Runs the CLI and resolves when it and its output are done. Never rejects for CLI failures.
 * @throws CancelledError when the action got SIGTERM/SIGINT during the run (after the CLI is gone).
 */
export async function runClaude(opts: RunOptions): Promise<RunResult> {
  const log = opts.log ?? ((line: string) => core.info(line))
  const started = Date.now()
  const out: RunResult = {
    exitCode: null,
    signal: null,
    timedOut: false,
    durationMs: 0,
    retries: [],
    otherOutput: '',
    assistantText: '',
    reading: []
  }
  const other: string[] = []
  const keep = (line: string): void => {
    if (line.trim() === '') return
    other.push(line.length > 500 ? `${line.slice(0, 500)}…` : line)
    if (other.length > KEEP_OTHER) other.shift()
  }
  let stopper: Stopper | undefined

  core.startGroup(opts.label ?? 'Claude Code')
  try {
    const child = spawn(opts.claudePath, opts.args, {
      env: opts.env,
      cwd: opts.cwd,
      // Its own process group, so the timeout takes down every tool process the CLI started.
      detached: process.platform !== 'win32',
      stdio: ['pipe', 'pipe', 'pipe']
    })
    // The pid in the log: on a cancelled job it tells which process to look for.
    if (child.pid !== undefined) log(`Claude Code started (pid ${child.pid}).`)
    stopper = watchRun(child, opts, out, log)

    const exited = new Promise<void>(resolve => {
      child.on('close', (code, signal) => {
        out.exitCode = code
        out.signal = signal
        resolve()
      })
      child.on('error', err => {
        keep(`Could not start ${opts.claudePath}: ${err.message}`)
        resolve()
      })
    })

    child.stdin.on('error', () => undefined)
    child.stdin.end(opts.prompt)

    const stdoutDone = (async () => {
      for await (const line of createInterface({ input: child.stdout })) {
        const event = parseEventLine(line)
        if (!event) {
          keep(line)
          continue
        }
        handleEvent(event, out, log)
      }
    })()
    const stderrDone = (async () => {
      for await (const line of createInterface({ input: child.stderr })) keep(line)
    })()

    try {
      await Promise.all([exited, stdoutDone, stderrDone])
    } finally {
      stopper.dispose()
    }
  } finally {
    out.durationMs = Date.now() - started
    out.otherOutput = other.join('\n')
    core.endGroup()
  }
  const cancelled = stopper?.cancelled()
  if (cancelled) throw new CancelledError(cancelled)
  return out
}

interface Stopper {
  /** The signal that cancelled the job during the run, if one did. */
  cancelled(): NodeJS.Signals | undefined
  /** Stops watching: the CLI is gone. */
  dispose(): void
}

/**
 * Stops the CLI's whole process group at the timeout or when the job is cancelled (SIGTERM, then
 * SIGKILL after the grace period).
 */
function watchRun(
  child: ChildProcessWithoutNullStreams,
  opts: RunOptions,
  out: RunResult,
  log: (line: string) => void
): Stopper {
  const graceMs = opts.killGraceMs ?? KILL_GRACE_MS
  let cancelled: NodeJS.Signals | undefined
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, signal)
      else child.kill(signal)
    } catch {
      // Already gone.
    }
  }
  let killTimer: NodeJS.Timeout | undefined
  const stop = (): void => {
    killGroup('SIGTERM')
    killTimer ??= setTimeout(() => killGroup('SIGKILL'), graceMs)
  }
  const timer = setTimeout(() => {
    out.timedOut = true
    log(`Stopping Claude Code: it ran past the timeout of ${Math.round(opts.timeoutMs / 1000)} s.`)
    stop()
  }, opts.timeoutMs)
  // A cancelled job: the CLI runs in its own process group, so nothing else would stop it, and it
  // would go on with the login the post step is about to remove.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (cancelled) return
    cancelled = signal
    log(`Received ${signal}: stopping Claude Code and every process it started.`)
    stop()
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  return {
    cancelled: () => cancelled,
    dispose() {
      process.off('SIGTERM', onSignal)
      process.off('SIGINT', onSignal)
      clearTimeout(timer)
      if (killTimer) clearTimeout(killTimer)
    }
  }
}

function handleEvent(
  event: ReturnType<typeof parseEventLine>,
  out: RunResult,
  log: (l: string) => void
): void {
  if (!event) return
  const e = event as Record<string, unknown> & { type: string }
  switch (e.type) {
    case 'system': {
      if (e.subtype === 'init') {
        if (typeof e.session_id === 'string') out.sessionId = e.session_id
        if (typeof e.model === 'string') out.model = e.model
        log(
          commandFree(`Session ${out.sessionId ?? '?'} started (model ${out.model ?? 'default'}).`)
        )
      } else if (e.subtype === 'api_retry') {
        const why = typeof e.error === 'string' ? e.error : JSON.stringify(e.error ?? 'error')
        out.retries.push(why)
        log(commandFree(`API retry${typeof e.attempt === 'number' ? ` ${e.attempt}` : ''}: ${why}`))
      }
      return
    }
    case 'assistant': {
      const content = (e.message as { content?: unknown })?.content
      if (!Array.isArray(content)) return
      for (const block of content as Array<Record<string, unknown>>) {
        if (block.type === 'text' && typeof block.text === 'string') {
          out.assistantText += block.text
          log(`Claude: ${shown(block.text, 300)}`)
        } else if (block.type === 'tool_use') {
          log(
            commandFree(
              `Tool ${String(block.name)}: ${shown(JSON.stringify(block.input ?? {}), 200)}`
            )
          )
          noteReading(out, block.name, block.input)
        }
      }
      return
    }
    case 'user':
      return
    case 'rate_limit_event': {
      const usage = usageOf(e.rate_limit_info)
      out.rateLimit = usage
      if (usage.status && usage.status !== 'allowed') {
        const when = usage.resetsAt ? `, resets ${new Date(usage.resetsAt).toISOString()}` : ''
        log(`Subscription usage: ${usage.status}${when}.`)
      }
      return
    }
    case 'result': {
      const parsed = ResultEventSchema.safeParse(e)
      if (parsed.success) {
        out.result = parsed.data
        if (parsed.data.session_id !== undefined) out.sessionId = parsed.data.session_id
        log(
          `Finished: ${parsed.data.is_error ? 'error' : parsed.data.subtype}, ${parsed.data.num_turns ?? '?'} turn(s), ${parsed.data.duration_ms ?? '?'} ms.`
        )
      }
      return
    }
    default:
      return
  }
}

/** Remembers what a Read/Grep/Glob call looked at: a path, or a pattern and where. */
function noteReading(out: RunResult, name: unknown, input: unknown): void {
  const i = (input ?? {}) as Record<string, unknown>
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() !== '' ? oneLine(v, 200) : undefined
  let what: string | undefined
  if (name === 'Read') what = str(i.file_path)
  else if (name === 'Grep' || name === 'Glob') {
    const pattern = str(i.pattern)
    const where = str(i.path)
    if (pattern) what = `${String(name).toLowerCase()} ${pattern}${where ? ` in ${where}` : ''}`
  }
  if (!what) return
  out.reading = [...(out.reading ?? []).filter(r => r !== what), what].slice(-KEEP_READING)
}

/** The model's text or a tool's input as the log shows it: one line, no disguised secret. */
function shown(text: string, max: number): string {
  return commandFree(oneLine(text, max))
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
