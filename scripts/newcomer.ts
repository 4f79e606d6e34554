/**
 * `npm run newcomer` (issue #15, "Show"): a first-time user's path, followed literally.
 *
 * Clones this repository's committed state into a temporary folder, reads README.md there and runs
 * only what it says: the commands of its **Contributors:** line (`npm ci`, then `npm test`), then
 * the download-and-run capture tool (`dist/capture.js` copied alone into an empty folder, with
 * HOME pointing at a made-up `~/.claude/.credentials.json`) and the `node capture.js …` commands
 * the README gives. One line per step (✓ or ✗, the command, how long); exit 1 at the first
 * failure, with the tail of that step's output. The commands come from the README itself, so a
 * README that drifts from what works fails here.
 *
 *   npm run newcomer                  # everything (CI)
 *   npm run newcomer -- --skip-test   # skip the README's test command (a quick local run)
 *
 * `npm test` never runs this (it is its own CI step): the commands it starts carry CSA_NEWCOMER=1,
 * and the script refuses to start under it.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { isMain } from './entry.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
/** Set in the environment of every command this script starts: a run inside a run is refused. */
const GUARD = 'CSA_NEWCOMER'
/** A command that hangs fails the step instead of the whole CI job's timeout. */
const STEP_TIMEOUT_MS = 20 * 60_000

/** A README (or a step) that does not say what a newcomer needs: one sentence, exit 1. */
export class NewcomerError extends Error {}

/** The `node capture.js …` commands the newcomer runs, each as the README (or docs) spell it. */
export interface CaptureCommands {
  version: string
  stdout: string
  verifyStdin: string
  outFile: string
  verifyFile: string
  /** The file `outFile` writes and `verifyFile` reads. */
  file: string
}

/** What the README tells a newcomer to run. */
export interface ReadmeCommands {
  /** The Contributors line's commands, in order: the install commands, then the test command. */
  contributors: string[]
  capture: CaptureCommands
}

/** The backticked commands of the README's `**Contributors:**` line, in order. */
export function contributorCommands(readme: string): string[] {
  const line = /^\*\*Contributors:\*\*\s*(`[^`\n]+`(?:(?:,\s*then|,|\s+then|\s+and)\s+`[^`\n]+`)*)/m
  const m = line.exec(readme)
  if (!m) {
    throw new NewcomerError(
      'README.md has no "**Contributors:**" line naming the commands to run (`npm ci`, then `npm test`): put it back, since the newcomer test follows it literally.'
    )
  }
  const commands = [...(m[1] as string).matchAll(/`([^`]+)`/g)].map(c => (c[1] as string).trim())
  if (commands.length < 2) {
    throw new NewcomerError(
      `README.md's Contributors line names only \`${commands.join('')}\`: it must name the install command, then the test command (\`npm ci\`, then \`npm test\`).`
    )
  }
  return commands
}

/** Every `node capture.js …` command in the README, as argument lists, without duplicates. */
export function captureCommandsIn(readme: string): string[][] {
  const seen = new Map<string, string[]>()
  // Arguments run to a backtick, a line end, a comment or a gap of two spaces (the code blocks
  // align their comments that way).
  for (const m of readme.matchAll(/\bnode capture\.js((?: (?!#)[^\s`]+)*)/g)) {
    const args = (m[1] as string).split(' ').filter(Boolean)
    seen.set(args.join(' '), args)
  }
  return [...seen.values()]
}

/** `s` as one shell word. */
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`

const command = (args: string[]): string => ['node capture.js', ...args].join(' ')

/** The capture commands a newcomer can run offline, found in the README, or one clear error. */
export function captureCommands(readme: string): CaptureCommands {
  const found = captureCommandsIn(readme)
  const pick = (what: string, test: (args: string[]) => boolean): string[] => {
    const args = found.find(test)
    if (!args) {
      throw new NewcomerError(
        `README.md's download-and-run route gives no \`node capture.js ${what}\` command: put it back, since the newcomer test runs it.`
      )
    }
    return args
  }
  const version = pick('--version', a => a.length === 1 && ['--version', '-V'].includes(a[0] ?? ''))
  const out = pick('--out FILE', a => a.length === 2 && a[0] === '--out' && a[1] !== '-')
  const file = out[1] as string
  const verify = pick(`verify ${file}`, a => a.length === 2 && a[0] === 'verify' && a[1] === file)
  if (!readme.includes('`--out -`')) {
    throw new NewcomerError(
      'README.md no longer says that `--out -` prints the bundle on stdout: put it back, since the newcomer test runs `node capture.js --out -`.'
    )
  }
  return {
    version: command(version),
    stdout: command(['--out', '-']),
    // `verify FILE|-` (docs/capture.md): the same command, the bundle on stdin.
    verifyStdin: command(['verify', '-']),
    outFile: command(out),
    verifyFile: command(verify),
    file
  }
}

/** Everything the README tells a newcomer to run, or a NewcomerError saying what is missing. */
export function readmeCommands(readme: string): ReadmeCommands {
  return { contributors: contributorCommands(readme), capture: captureCommands(readme) }
}

/** The counts of a jest summary, or the sentence saying why it is not a passing one. */
export function jestSummary(output: string): { suites: number; tests: number } | string {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\x1b\[[0-9;]*m/g, '')
  const last = (re: RegExp): string | undefined => [...text.matchAll(re)].pop()?.[1]
  const suites = last(/^Test Suites:\s+(.+)$/gm)
  const tests = last(/^Tests:\s+(.+)$/gm)
  if (suites === undefined || tests === undefined) return 'no jest summary in the output'
  if (/failed/.test(`${suites} ${tests}`)) return `jest says: ${suites}; ${tests}`
  const passed = (s: string): number => Number(/(\d+) passed/.exec(s)?.[1] ?? 0)
  if (!passed(suites) || !passed(tests)) return `jest ran nothing: ${suites}; ${tests}`
  return { suites: passed(suites), tests: passed(tests) }
}

// ---- running commands ----

/** What one command did. */
export interface Ran {
  code: number | null
  stdout: string
  stderr: string
  /** stdout and stderr interleaved as they came. */
  all: string
}

interface RunOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  input?: string
  /** What the step's line shows, when not the command itself. */
  label?: string
}

/** The process groups of the commands running now: ended with this process on Ctrl-C. */
const running = new Set<number>()
/** Set once the run is interrupted: a command it killed is not a failed step. */
let stopped = false

/** Ends every running command's process group (each runs in its own, out of reach of Ctrl-C). */
const stopAll = (): void => {
  stopped = true
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

/** Runs `cmd` through `sh -c`, as a newcomer types it. */
export function run(cmd: string, opts: RunOptions): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', cmd], {
      cwd: opts.cwd,
      env: opts.env,
      detached: true, // its own process group, so a timeout ends npm and everything it started
      // No input: stdin is /dev/null, as for a command run with nothing typed.
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    const out: string[] = []
    const err: string[] = []
    const all: string[] = []
    const collect = (into: string[]) => (d: Buffer) => {
      into.push(d.toString())
      all.push(d.toString())
    }
    child.stdout?.on('data', collect(out))
    child.stderr?.on('data', collect(err))
    if (child.pid) running.add(child.pid)
    const timer = setTimeout(() => {
      all.push(`\n[newcomer: stopped after ${STEP_TIMEOUT_MS / 60_000} minutes]\n`)
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    }, STEP_TIMEOUT_MS)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      if (child.pid) running.delete(child.pid)
      resolve({ code, stdout: out.join(''), stderr: err.join(''), all: all.join('') })
    })
    if (child.stdin) {
      // A command that exits without reading its input is judged by its output, not an EPIPE.
      child.stdin.on('error', () => undefined)
      child.stdin.end(opts.input)
    }
  })
}

/**
 * The environment a newcomer's shell has: this one without what `npm run` adds (npm_* variables,
 * node_modules/.bin on PATH), plus the recursion guard.
 */
export function newcomerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD') continue
    clean[key] = value
  }
  clean.PATH = cleanPath(env.PATH)
  clean[GUARD] = '1'
  return clean
}

/** PATH without the node_modules folders `npm run` puts in front. */
const cleanPath = (p = ''): string =>
  p
    .split(path.delimiter)
    .filter(dir => dir && !dir.split(path.sep).includes('node_modules'))
    .join(path.delimiter)

// ---- steps ----

/** A step's verdict: what went wrong (nothing: it passed) and a short note for its line. */
export interface Verdict {
  problems: string[]
  note?: string
}

/** Thrown by a failed step, after its ✗ line and output tail are printed. */
export class StepFailed extends Error {}

/** Prints the steps' lines; `redact` lists the strings (fake tokens, bundles) never printed. */
export class Steps {
  readonly redact: string[] = []
  constructor(private readonly print: (line: string) => void = console.log) {}

  /** Runs `cmd`, judges it with `check`, prints its line; throws StepFailed when it failed. */
  async run(
    cmd: string,
    opts: RunOptions,
    check: (ran: Ran) => Verdict
  ): Promise<Ran & { ms: number }> {
    const started = performance.now()
    const ran = await run(cmd, opts)
    const ms = performance.now() - started
    const verdict: Verdict =
      ran.code === 0 ? check(ran) : { problems: [`exit code ${ran.code ?? 'none (killed)'}`] }
    const took = `${(ms / 1000).toFixed(1)} s`
    const label = opts.label ?? cmd
    if (stopped) throw new StepFailed(`${label}: interrupted`)
    if (!verdict.problems.length) {
      this.print(`✓ ${label} (${took})${verdict.note ? `: ${verdict.note}` : ''}`)
      return { ...ran, ms }
    }
    this.print(`✗ ${label} (${took}): ${verdict.problems.join('; ')}`)
    this.print(this.tail(ran.all))
    throw new StepFailed(`${label}: ${verdict.problems.join('; ')}`)
  }

  /** The last lines of an output, with every string of `redact` replaced. */
  tail(output: string, lines = 40): string {
    let text = output
    for (const s of this.redact) if (s) text = text.split(s).join('[redacted]')
    const kept = text.trimEnd().split('\n').slice(-lines)
    return kept.map(l => `    ${l}`).join('\n')
  }
}

// ---- the capture tool, alone ----

/** A made-up `.credentials.json`, as the CLI writes it (every token fake and unique). */
function fakeCredentials(): { json: string; tokens: Record<string, string> } {
  const token = (kind: string): string =>
    `sk-ant-${kind}01-FAKE-newcomer-${randomBytes(36).toString('hex')}`
  const access = token('oat')
  const refresh = token('ort')
  const json = JSON.stringify({
    claudeAiOauth: {
      accessToken: access,
      refreshToken: refresh,
      expiresAt: Date.now() + 8 * 3_600_000,
      scopes: ['user:inference', 'user:profile', 'user:sessions:claude_code'],
      subscriptionType: 'max'
    }
  })
  return { json, tokens: { 'access token': access, 'refresh token': refresh } }
}

/** The folders above `dir` (and `dir`) that hold a node_modules: none, for a true download. */
const nodeModulesNear = (dir: string): string[] => {
  const found: string[] = []
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) found.push(path.join(d, 'node_modules'))
    if (path.dirname(d) === d) return found
  }
}

const BUNDLE_LINE = /^[A-Za-z0-9+/]+=*\n$/

/** Problems when a text names any of the tokens (by kind, never by value). */
const leaks = (text: string, tokens: Record<string, string>): string[] =>
  Object.entries(tokens)
    .filter(([, value]) => text.includes(value))
    .map(([kind]) => `printed the ${kind}`)

const accepted = (ran: Ran, tokens: Record<string, string>): Verdict => {
  const text = ran.stdout + ran.stderr
  const problems = leaks(text, tokens)
  if (!/kind:\s+oauth/.test(text)) problems.push('no "kind: oauth" in its report')
  if (!/access token:\s+expires \d{4}-/.test(text)) problems.push('no access token expiry')
  if (!text.includes('The action will accept this bundle.')) problems.push('bundle not accepted')
  return { problems, note: 'kind oauth, expiry shown, no token' }
}

export interface CaptureAloneOptions {
  /** The dist/capture.js to copy (from the clone, or this checkout in the unit test). */
  captureJs: string
  /** The version `--version` must print (the clone's package.json). */
  version: string
  commands: CaptureCommands
  steps: Steps
}

/**
 * The download-and-run route: `capture.js` copied alone into an empty folder, HOME a temporary
 * home holding a made-up `~/.claude/.credentials.json`, PATH without node_modules, then the
 * README's commands: the version, the bundle on stdout, `verify -`, `--out FILE` (0600), `verify
 * FILE`.
 */
export async function captureAlone(o: CaptureAloneOptions): Promise<void> {
  const base = mkdtempSync(path.join(tmpdir(), 'newcomer-capture-'))
  try {
    const folder = path.join(base, 'download')
    const home = path.join(base, 'home')
    mkdirSync(folder)
    mkdirSync(path.join(home, '.claude'), { recursive: true, mode: 0o700 })
    const near = nodeModulesNear(folder)
    if (near.length) throw new NewcomerError(`${near.join(', ')} is near ${folder}: not alone.`)
    copyFileSync(o.captureJs, path.join(folder, 'capture.js'))
    const { json, tokens } = fakeCredentials()
    writeFileSync(path.join(home, '.claude', '.credentials.json'), json, { mode: 0o600 })
    o.steps.redact.push(...Object.values(tokens))
    // Only what a newcomer's shell has for this: PATH (without node_modules) and HOME.
    const env = { PATH: cleanPath(process.env.PATH), HOME: home }
    const opts = { cwd: folder, env }
    const { commands: c } = o

    await o.steps.run(c.version, opts, ran => ({
      problems: ran.stdout === `${o.version}\n` ? [] : [`printed "${ran.stdout.trim()}"`],
      note: o.version
    }))
    const printed = await o.steps.run(c.stdout, opts, ran => {
      const problems = leaks(ran.stderr, tokens)
      if (!BUNDLE_LINE.test(ran.stdout)) problems.push('stdout is not one bundle line')
      if (existsSync(path.join(folder, '-'))) problems.push('wrote a file named "-"')
      return { problems, note: `one bundle line on stdout (${ran.stdout.length - 1} characters)` }
    })
    o.steps.redact.push(printed.stdout.trim())
    await o.steps.run(c.verifyStdin, { ...opts, input: printed.stdout }, ran =>
      accepted(ran, tokens)
    )
    await o.steps.run(c.outFile, opts, ran => {
      const file = path.join(folder, c.file)
      if (!existsSync(file)) return { problems: [`no ${c.file}`] }
      const mode = statSync(file).mode & 0o777
      const content = readFileSync(file, 'utf8')
      o.steps.redact.push(content.trim())
      const problems = leaks(ran.stdout + ran.stderr, tokens)
      if (ran.stdout !== '') problems.push('printed something on stdout')
      if (mode !== 0o600) problems.push(`${c.file} has mode ${mode.toString(8)}, not 600`)
      if (!BUNDLE_LINE.test(content)) problems.push(`${c.file} is not one bundle line`)
      return { problems, note: `${c.file}, mode 600` }
    })
    await o.steps.run(c.verifyFile, opts, ran => accepted(ran, tokens))
  } finally {
    rmSync(base, { recursive: true, force: true })
  }
}

// ---- the whole path ----

/** Usage: the one flag, or one sentence. */
export function parseArgs(argv: string[]): { skipTest: boolean } {
  const unknown = argv.filter(a => a !== '--skip-test')
  if (unknown.length) {
    throw new NewcomerError(
      `Unknown argument ${unknown[0]}: the only option is --skip-test (skip the README's test command).`
    )
  }
  return { skipTest: argv.includes('--skip-test') }
}

/** Clone, the Contributors commands, the capture tool alone. */
export async function newcomer(argv: string[], print = console.log): Promise<number> {
  if (process.env[GUARD]) {
    print(
      `newcomer: ${GUARD} is set, so this runs inside a newcomer run; npm test must not run it.`
    )
    return 2
  }
  let skipTest: boolean
  try {
    ;({ skipTest } = parseArgs(argv))
  } catch (err) {
    print(`newcomer: ${(err as Error).message}`)
    return 2
  }
  const started = performance.now()
  const base = mkdtempSync(path.join(tmpdir(), 'newcomer-'))
  // Interrupted, it still removes the clone (and its node_modules) and what it started.
  // The removal is asynchronous: tsx, which runs this file, kills a child that does not answer a
  // relayed signal within 30 ms. A second signal while removing changes nothing.
  let stopping = false
  const interrupted = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    stopAll()
    print(`newcomer: stopped by ${signal}; removing ${base}.`)
    void rm(base, { recursive: true, force: true }).finally(() => process.exit(130))
  }
  process.on('SIGINT', interrupted).on('SIGTERM', interrupted)
  const clone = path.join(base, 'repo')
  const steps = new Steps(print)
  try {
    const env = newcomerEnv()
    const head = (await run('git rev-parse HEAD', { cwd: ROOT, env })).stdout.trim()
    const dirty = (await run('git status --porcelain', { cwd: ROOT, env })).stdout.trim()
    const left = dirty ? `; ${dirty.split('\n').length} uncommitted change(s) left out` : ''
    // The clone's HEAD is printed last, to check it is the commit this checkout is at.
    await steps.run(
      `git clone ${quote(ROOT)} ${quote(clone)} && git -C ${quote(clone)} rev-parse HEAD`,
      { cwd: base, env, label: `git clone ${ROOT} $TMP/repo` },
      ran => ({
        problems:
          ran.stdout.trim().split('\n').pop() === head ? [] : [`the clone is not at ${head}`],
        note: `${head.slice(0, 12)}, the committed state only${left}`
      })
    )
    const readme = readFileSync(path.join(clone, 'README.md'), 'utf8')
    const { contributors, capture } = readmeCommands(readme)
    const test = contributors[contributors.length - 1] as string
    for (const cmd of contributors) {
      if (cmd === test && skipTest) {
        print(`- ${cmd} (skipped: --skip-test)`)
        continue
      }
      await steps.run(cmd, { cwd: clone, env }, ran => {
        if (cmd !== test) return { problems: [] }
        const summary = jestSummary(ran.all)
        return typeof summary === 'string'
          ? { problems: [summary] }
          : { problems: [], note: `${summary.suites} suites, ${summary.tests} tests passed` }
      })
    }
    const pkg = JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')) as {
      version: string
    }
    const captureJs = path.join(clone, 'dist', 'capture.js')
    await captureAlone({ captureJs, version: pkg.version, commands: capture, steps })
    print(`newcomer: done in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
    return 0
  } catch (err) {
    if (!(err instanceof StepFailed)) print(`newcomer: ${(err as Error).message}`)
    return 1
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted)
    rmSync(base, { recursive: true, force: true })
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = await newcomer(process.argv.slice(2))
}
