/** Running other programs (`security`, `gh`, `docker`, `claude`) with stdin and a time limit. */
import { spawn } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'

/** What a finished program left. */
interface RunResult {
  /** Exit code, or null when it was killed by a signal or never started. */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Set when the program could not be started (ENOENT: not installed) or timed out. */
  error?: NodeJS.ErrnoException
  timedOut: boolean
}

interface RunOptions {
  env: NodeJS.ProcessEnv
  /** Written to the program's stdin, then stdin is closed: the only way a secret is passed. */
  input?: string
  /** Killed (SIGTERM, then SIGKILL) after this long. */
  timeoutMs?: number
  cwd?: string
  /**
   * `terminal` hands our stdin and stderr to the program (an interactive `docker run`); its
   * stdout goes to our stderr too, so that our stdout only ever carries the bundle.
   */
  stdio?: 'pipe' | 'terminal'
}

/**
 * Runs `cmd args` without a shell (so no argument is ever re-parsed) and collects its output.
 * Never throws: a program that cannot start comes back with `error`.
 */
export function run(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise(resolve => {
    let stdout = ''
    let stderr = ''
    let timedOut = false
    let settled = false
    const done = (r: Omit<RunResult, 'stdout' | 'stderr' | 'timedOut'>): void => {
      if (settled) return
      settled = true
      if (timer) clearTimeout(timer)
      resolve({ ...r, stdout, stderr, timedOut })
    }
    const terminal = opts.stdio === 'terminal'
    let child: ReturnType<typeof spawn>
    try {
      child = spawn(cmd, args, {
        env: opts.env,
        cwd: opts.cwd,
        stdio: terminal ? [0, 2, 2] : ['pipe', 'pipe', 'pipe']
      })
    } catch (err) {
      done({ code: null, signal: null, error: err as NodeJS.ErrnoException })
      return
    }
    const timer =
      opts.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true
            child.kill('SIGTERM')
            setTimeout(() => child.kill('SIGKILL'), 3000).unref()
          }, opts.timeoutMs)
        : undefined
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', err => done({ code: null, signal: null, error: err }))
    child.on('close', (code, signal) => done({ code, signal }))
    if (child.stdin) {
      // A program that exits without reading its stdin must not crash us with EPIPE.
      child.stdin.on('error', () => undefined)
      child.stdin.end(opts.input ?? '')
    }
  })
}

/** Finds an executable on `PATH` the way a shell would; a name with a slash is taken as a path. */
export function which(cmd: string, env: NodeJS.ProcessEnv): string | undefined {
  const candidates = cmd.includes('/')
    ? [cmd]
    : (env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map(dir => path.join(dir, cmd))
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK)
      if (statSync(file).isFile()) return file
    } catch {
      // not here: try the next directory
    }
  }
  return undefined
}

/** The first line of a program's complaint, short enough for one sentence. */
export function firstLine(text: string, max = 160): string {
  const line =
    text
      .split(/\r?\n/)
      .map(l => l.trim())
      .find(l => l.length > 0) ?? ''
  return line.length > max ? `${line.slice(0, max)}…` : line
}
