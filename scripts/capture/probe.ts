/**
 * `--probe`: one tiny real call with the captured login through the real CLI, before anything is
 * uploaded. An oauth login runs from a throw-away CLAUDE_CONFIG_DIR holding only its credentials;
 * a setup-token runs through CLAUDE_CODE_OAUTH_TOKEN.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CredentialsSchema, type Credentials, type Login } from '../../src/auth/bundle.js'
import { isWiped } from '../../src/auth/credentials.js'
import { firstLine, run, which } from './exec.js'
import { redact } from './report.js'

const PROBE_MODEL = 'claude-haiku-4-5'
const PROBE_PROMPT = 'Reply with the single word OK.'
const PROBE_TIMEOUT_MS = 180_000

/** What the probe found. */
interface ProbeResult {
  ok: boolean
  /** One sentence: what answered, or what went wrong (tokens hidden). */
  message: string
  /**
   * The credentials after the call, when the CLI refreshed (rotated) them during it: the old
   * refresh token is then dead, so the bundle must carry these instead.
   */
  rotated?: Credentials
}

/** Variables that would make the CLI use another login than the one being probed. */
const AUTH_VARS = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN']

/** The CLI to run: CLAUDE_PATH, else `claude` on PATH. */
function findClaude(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CLAUDE_PATH) return which(env.CLAUDE_PATH, env)
  return which('claude', env)
}

/** Runs the probe call. Never throws: a failure is `ok: false` with the reason. */
export async function probe(login: Login, env: NodeJS.ProcessEnv): Promise<ProbeResult> {
  const claude = findClaude(env)
  if (!claude) {
    return {
      ok: false,
      message: env.CLAUDE_PATH
        ? `CLAUDE_PATH ${JSON.stringify(env.CLAUDE_PATH)} is not an executable file, so the probe cannot run.`
        : '--probe needs the Claude CLI, and `claude` is not on PATH: install it (`npm install -g @anthropic-ai/claude-code`) or set CLAUDE_PATH.'
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'claude-probe-'))
  try {
    chmodSync(dir, 0o700)
    const probeEnv: NodeJS.ProcessEnv = { ...env }
    for (const name of AUTH_VARS) delete probeEnv[name]
    Object.assign(probeEnv, {
      CLAUDE_CONFIG_DIR: dir,
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_MAX_RETRIES: '2'
    })
    const credsFile = path.join(dir, '.credentials.json')
    let before = ''
    if (login.kind === 'setup-token') {
      probeEnv.CLAUDE_CODE_OAUTH_TOKEN = login.token
    } else {
      before = JSON.stringify(login.credentials)
      writeFileSync(credsFile, before, { mode: 0o600 })
    }
    const args = [
      '-p',
      PROBE_PROMPT,
      '--max-turns',
      '1',
      '--model',
      PROBE_MODEL,
      '--output-format',
      'json'
    ]
    const res = await run(claude, args, {
      env: probeEnv,
      cwd: dir,
      timeoutMs: PROBE_TIMEOUT_MS
    })
    const rotated = login.kind === 'oauth' ? readRotated(credsFile, before) : undefined
    if (rotated === 'wiped') {
      return {
        ok: false,
        message:
          'The CLI tried to refresh the login and was refused (it wiped its copy): the login is no longer valid; log in again, then capture.'
      }
    }
    const verdict = judgeOutput(res.stdout, res.stderr, res.code, res.timedOut)
    return rotated ? { ...verdict, rotated } : verdict
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The credentials the CLI left, when they differ from what it was given. */
function readRotated(file: string, before: string): Credentials | 'wiped' | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  if (text === before) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  const creds = CredentialsSchema.safeParse(parsed)
  if (!creds.success) return undefined
  const was = JSON.parse(before) as Credentials
  const now = creds.data.claudeAiOauth
  if (isWiped(now)) return 'wiped'
  if (
    now.accessToken === was.claudeAiOauth.accessToken &&
    now.refreshToken === was.claudeAiOauth.refreshToken
  ) {
    return undefined
  }
  return creds.data
}

/** Reads the CLI's JSON result: `is_error` and `api_error_status` decide, never the exit code alone. */
function judgeOutput(
  stdout: string,
  stderr: string,
  code: number | null,
  timedOut: boolean
): Omit<ProbeResult, 'rotated'> {
  if (timedOut) {
    return {
      ok: false,
      message: `The probe call did not finish within ${PROBE_TIMEOUT_MS / 1000}s (is the network reachable?).`
    }
  }
  const result = lastResult(stdout)
  if (result && result.is_error === false) {
    const ms = typeof result.duration_ms === 'number' ? ` in ${result.duration_ms} ms` : ''
    return { ok: true, message: `The probe call answered${ms} (model ${PROBE_MODEL}).` }
  }
  const said = result
    ? typeof result.result === 'string' && result.result
      ? result.result
      : `${String(result.subtype ?? 'error')}${result.api_error_status ? ` (API status ${String(result.api_error_status)})` : ''}`
    : firstLine(stdout) || firstLine(stderr) || `exit code ${code}`
  return {
    ok: false,
    message: `The probe call failed: ${redact(firstLine(said, 240))}`
  }
}

function lastResult(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split(/\r?\n/).reverse()
  for (const line of lines) {
    const t = line.trim()
    if (!t.startsWith('{')) continue
    try {
      const v = JSON.parse(t) as Record<string, unknown>
      if (v && typeof v === 'object' && (v.type === 'result' || 'is_error' in v)) return v
    } catch {
      // not JSON: keep looking
    }
  }
  return undefined
}
