/**
 * `npx tsx scripts/bench/commands.ts`: the command layer's overhead (issue #14). Wall time from an
 * `issue_comment` event (`@claude <question>` on an issue) to the action's reply reaching GitHub,
 * against the same action running a plain prompt, both through the e2e harness (dist/index.js run
 * as a runner runs it) with the real CLI against the local mocks; each run's own CLI time
 * (`duration_ms`) is taken off, so what is left is the action's share.
 *
 *   npm run bench                                     # part of the whole bench (index.ts)
 *   npm run bench -- --only commands [--write-docs]   # this part alone
 *   npx tsx scripts/bench/commands.ts                 # the same, directly (markdown to stdout)
 *   npx tsx scripts/bench/commands.ts --runs 5        # runs of each (default 7)
 *   npx tsx scripts/bench/commands.ts --write-docs    # also put them into docs/benchmarks.md
 *
 * Measured, never asserted: not part of `npm test`.
 */
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  scenarios,
  startMockAnthropic,
  type MockAnthropic
} from '../../__fixtures__/mock-anthropic.js'
import { startMockGitHub, type MockGitHub } from '../../__fixtures__/mock-github.js'
import { startRefusingProxy, type RefusingProxy } from '../../__fixtures__/proxy.js'
import { DAY, fakeBundle } from '../../__fixtures__/logins.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { CLAUDE, ROOT, Runner, type StepResult } from '../../__fixtures__/runner.js'
import { isMain } from '../entry.js'

const DOCS_FILE = path.join(ROOT, 'docs', 'benchmarks.md')
/** The block of docs/benchmarks.md this script owns (index.ts keeps it when it rewrites the page). */
const BLOCK_START = '<!-- bench:commands:start -->'
const BLOCK_END = '<!-- bench:commands:end -->'
/** The markers of this script's block in docs/benchmarks.md. */
export const COMMANDS_BLOCK = { start: BLOCK_START, end: BLOCK_END } as const
const GH_TOKEN = 'ghs_FAKE_bench_commands_1234567890'
const MODEL = 'claude-haiku-4-5'
const ISSUE = 3

interface Mocks {
  api: MockAnthropic
  gh: MockGitHub
  proxy: RefusingProxy
}

/** One timed run. */
export interface Run {
  /** Event (step start) to the reply stored by the mock GitHub; for a prompt, the step. */
  wall: number
  /** The CLI's own duration_ms. */
  cli: number
  githubCalls: number
}

function env(m: Mocks, runner: Runner): Record<string, string> {
  const tmp = path.join(runner.dir, 'tmp')
  return {
    ANTHROPIC_BASE_URL: m.api.url,
    GITHUB_API_URL: m.gh.url,
    HTTPS_PROXY: m.proxy.url,
    HTTP_PROXY: m.proxy.url,
    NO_PROXY: '127.0.0.1,localhost',
    TZ: 'UTC',
    CLAUDE_CODE_TMPDIR: tmp,
    TMPDIR: tmp
  }
}

function checked(what: string, step: StepResult): number {
  const cli = Number(step.outputs.duration_ms)
  if (step.exitCode !== 0 || step.outputs.conclusion !== 'success' || !(cli > 0)) {
    throw new Error(`${what}: exit ${step.exitCode}, ${step.errors[0] ?? step.stderr.slice(-300)}`)
  }
  return cli
}

/** The action in mode prompt: the plain run the command layer is compared with. */
async function promptRun(m: Mocks): Promise<Run> {
  const runner = await Runner.create()
  try {
    await fs.mkdir(path.join(runner.dir, 'tmp'), { mode: 0o700 })
    m.api.script(scenarios.ok())
    const calls = m.gh.calls.length
    const start = performance.now()
    const step = await runner.main({
      inputs: {
        mode: 'prompt',
        claude_path: CLAUDE,
        model: MODEL,
        claude_auth: fakeBundle({ loginEndsInMs: 25 * DAY }).secret,
        github_token: GH_TOKEN,
        prompt: 'What could make an app crash on start?'
      },
      env: env(m, runner)
    })
    const wall = performance.now() - start
    return { wall, cli: checked('mode prompt', step), githubCalls: m.gh.calls.length - calls }
  } finally {
    await runner.cleanup()
  }
}

let commentId = 90_000

/** `@claude <question>` on an issue, mode auto: from the event to the reply stored. */
async function commandRun(m: Mocks): Promise<Run> {
  const runner = await Runner.create()
  try {
    await fs.mkdir(path.join(runner.dir, 'tmp'), { mode: 0o700 })
    const id = ++commentId
    const body = '@claude what could make it crash on start?'
    const payload = webhookPayload('issue_comment', 'created', ISSUE) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    delete payload.issue.pull_request
    Object.assign(payload.comment, { id, body, user: { login: 'maintainer', type: 'User' } })
    const t = new Date().toISOString()
    m.gh.state.issueComments.push({
      id,
      issue_number: ISSUE,
      body,
      user: { login: 'maintainer', type: 'User' },
      created_at: t,
      updated_at: t
    })
    m.api.script(scenarios.structured({ answer: 'Most likely a missing config file.' }))
    const calls = m.gh.calls.length
    const bot = (): number =>
      m.gh.state.issueComments.filter(c => c.user.login === 'github-actions[bot]').length
    const before = bot()
    const replies = (): number => bot() - before
    let replied = 0
    const start = performance.now()
    const watch = setInterval(() => {
      if (!replied && replies() > 0) replied = performance.now() - start
    }, 2)
    const step = await runner.main({
      inputs: {
        claude_path: CLAUDE,
        model: MODEL,
        claude_auth: fakeBundle({ loginEndsInMs: 25 * DAY }).secret,
        github_token: GH_TOKEN
      },
      env: env(m, runner),
      event: { name: 'issue_comment', payload }
    })
    clearInterval(watch)
    const cli = checked('mode command', step)
    if (!replied) throw new Error('mode command: no reply was stored')
    return { wall: replied, cli, githubCalls: m.gh.calls.length - calls }
  } finally {
    await runner.cleanup()
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
const ms = (v: number): string => `${Math.round(v)} ms`

/** The docs block for the runs: the medians, between the block's markers. */
export function renderCommands(prompt: Run[], command: Run[]): string {
  const row = (what: string, runs: Run[]): string => {
    const wall = median(runs.map(r => r.wall))
    const cli = median(runs.map(r => r.cli))
    const own = median(runs.map(r => r.wall - r.cli))
    return `| ${what} | ${ms(wall)} | ${ms(cli)} | ${ms(own)} | ${median(runs.map(r => r.githubCalls))} |`
  }
  const layer = median(command.map(r => r.wall - r.cli)) - median(prompt.map(r => r.wall - r.cli))
  return [
    BLOCK_START,
    '## Commands: from the comment to the reply',
    '',
    `Medians of ${command.length} runs each on ${os.cpus().length} cores (Node ${process.version},`,
    `load ${(os.loadavg()[0] ?? 0).toFixed(1)}), \`npx tsx scripts/bench/commands.ts\`. A question`,
    '(`@claude …` on an issue, `mode: auto`) is timed from the start of the step that gets the',
    '`issue_comment` event to the reply stored by the mock GitHub; the plain run is `mode: prompt`',
    'with the same mock model, timed for its whole step. "The action\'s share" is the wall time less',
    "the CLI's own `duration_ms`.",
    '',
    "| run | wall | CLI `duration_ms` | the action's share | GitHub calls |",
    '| --- | ---: | ---: | ---: | ---: |',
    row('`mode: prompt`', prompt),
    row('`@claude` question → reply', command),
    '',
    `The command layer adds about ${ms(layer)} to a run. A prompt run makes no GitHub call; a`,
    "question asks who the token writes as, the commenter's permission, adds the 👀, reads the",
    "issue and its conversation, and posts the reply. Most of the difference is GitHub's pacing",
    'of writes, which the action keeps (plugin-throttling: one write a second): the identity query',
    'of an installation token is a GraphQL POST, so the 👀 waits a second after it, and the reply',
    'a second after the 👀; the mock answers at once, so here the wait shows in full, while with a',
    "real model the reply's wait is hidden behind the model's own seconds. The figures also move",
    'with the load: measured while other jobs shared the two cores (load above).',
    BLOCK_END
  ].join('\n')
}

/** Puts the block into docs/benchmarks.md, in place of an older one or at the end. */
export async function writeCommandsBlock(block: string): Promise<void> {
  const text = await fs.readFile(DOCS_FILE, 'utf8')
  const start = text.indexOf(BLOCK_START)
  const end = text.indexOf(BLOCK_END)
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${block}${text.slice(end + BLOCK_END.length)}`
      : `${text.trimEnd()}\n\n${block}\n`
  await fs.writeFile(DOCS_FILE, next)
}

/** Runs `runs` of each (after one warm-up of each) against fresh mocks; returns the docs block. */
export async function benchCommands(runs: number): Promise<string> {
  const m: Mocks = {
    api: await startMockAnthropic(),
    gh: await startMockGitHub(),
    proxy: await startRefusingProxy()
  }
  try {
    m.gh.state.issues.push({ number: ISSUE, title: 'Crash on start', body: 'It crashes.' })
    m.gh.state.permissions = { maintainer: 'write' }
    // Warm-up: the CLI binary into the page cache.
    await promptRun(m)
    await commandRun(m)
    const prompt: Run[] = []
    const command: Run[] = []
    for (let i = 0; i < runs; i++) {
      prompt.push(await promptRun(m))
      command.push(await commandRun(m))
    }
    return renderCommands(prompt, command)
  } finally {
    await m.api.close()
    await m.gh.close()
    await m.proxy.close()
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const at = argv.indexOf('--runs')
  const runs = at >= 0 ? Number(argv[at + 1]) : 7
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
    throw new Error('--runs takes a whole number from 1 to 50')
  }
  const block = await benchCommands(runs)
  process.stdout.write(`${block}\n`)
  if (argv.includes('--write-docs')) await writeCommandsBlock(block)
}

// Run directly (npx tsx scripts/bench/commands.ts); imported by index.ts, it runs nothing.
if (isMain(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  })
}
