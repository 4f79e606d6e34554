/**
 * How well would triage label this repository? Runs the labeler over the last N closed, labelled
 * issues with your own local `claude` login and prints per-label precision and recall. Writes
 * nothing to GitHub: only reads through the REST API.
 *
 *   GITHUB_TOKEN=$(gh auth token) npm run backtest -- --repo OWNER/REPO --count 20 [--model M]
 *
 * GITHUB_API_URL points at GitHub Enterprise Server; CLAUDE_PATH at a `claude` not on PATH.
 * Exit codes: 0 done, 1 failed or stopped early (the table is then partial), 2 usage.
 */
import { spawnSync } from 'node:child_process'
import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { restApi } from '../src/github/api.js'
import { createOctokit } from '../src/github/octokit.js'
import { cliRunner, type ClaudeRunner } from '../src/claude/runner.js'
import { runBacktest } from '../src/jobs/triage/backtest.js'
import type { TriageSettings } from '../src/jobs/triage/settings.js'
import { isMain } from './entry.js'

/** What the script touches outside itself. */
interface BacktestIO {
  env: NodeJS.ProcessEnv
  stdout: { write(chunk: string): unknown }
  stderr: { write(chunk: string): unknown }
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)

function intArg(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(
        `${name} "${value}" must be a whole number of at least ${min}.`
      )
    }
    return n
  }
}

function numberArg(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} "${value}" must be a number from ${min} to ${max}.`)
    }
    return n
  }
}

/**
 * The user's own CLI and login, as they are: no config dir is set and no login restored. The
 * GitHub token is taken out of the CLI's environment: the model has no use for it.
 */
function localRunner(
  claudePath: string,
  env: NodeJS.ProcessEnv,
  log: (l: string) => void
): ClaudeRunner {
  const cliEnv: NodeJS.ProcessEnv = { ...env }
  for (const k of ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN']) delete cliEnv[k]
  // No wiped-login check: a local login may live in the macOS Keychain, not in a file. No sandbox
  // flags: the user's own CLI with their own settings, and triage gives the model no tools at all.
  return cliRunner({ claudePath, sandbox: { env: cliEnv, flags: () => [] }, log })
}

/** Runs the tool; resolves to the exit code. */
async function main(argv: string[], io: BacktestIO): Promise<number> {
  const program = new Command('backtest')
    .description('Score triage against the labels people gave the last N closed issues.')
    .requiredOption('--repo <owner/repo>', 'the repository to read')
    .option('--count <n>', 'how many closed labelled issues to score', intArg('--count', 1), 20)
    .option('--model <model>', 'the model the CLI uses (default: your CLI default)')
    .option('--allow <globs>', 'labels_allow: comma-separated globs', list, [])
    .option('--deny <globs>', 'labels_deny: comma-separated globs', list, [])
    .option('--exclusive <globs>', 'exclusive_labels: comma-separated globs', list, [])
    .option('--max-labels <n>', 'max_labels', intArg('--max-labels', 1), 3)
    .option('--min-confidence <x>', 'min_confidence', numberArg('--min-confidence', 0, 1), 0.6)
    .option('--prompt <text>', 'extra instructions, as the prompt input gives them')
    .option('--timeout-minutes <n>', 'per issue', numberArg('--timeout-minutes', 0.1, 600), 10)
    .exitOverride()
    .configureOutput({
      writeOut: s => void io.stdout.write(s),
      writeErr: s => void io.stderr.write(s)
    })
  let opts: {
    repo: string
    count: number
    model?: string
    allow: string[]
    deny: string[]
    exclusive: string[]
    maxLabels: number
    minConfidence: number
    prompt?: string
    timeoutMinutes: number
  }
  try {
    program.parse(argv, { from: 'user' })
    opts = program.opts()
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2
    throw err
  }

  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(opts.repo)
  if (!m) {
    io.stderr.write(`backtest: --repo "${opts.repo}" must be OWNER/REPO.\n`)
    return 2
  }
  const [, owner, repo] = m as unknown as [string, string, string]
  const token = io.env.GITHUB_TOKEN?.trim()
  if (!token) {
    io.stderr.write(
      "backtest: GITHUB_TOKEN is not set: export a token that can read the repository's issues, e.g. GITHUB_TOKEN=$(gh auth token).\n"
    )
    return 2
  }
  const claudePath = io.env.CLAUDE_PATH?.trim() || 'claude'
  const version = spawnSync(claudePath, ['--version'], { encoding: 'utf8', env: io.env })
  if (version.error || version.status !== 0) {
    io.stderr.write(
      `backtest: could not run "${claudePath} --version": install Claude Code and log in (claude), or set CLAUDE_PATH.\n`
    )
    return 1
  }

  const log = (line: string): void => void io.stderr.write(`${line}\n`)
  log(`Claude Code ${version.stdout.trim()}; reading ${owner}/${repo}.`)
  const octokit = createOctokit(token, {
    ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}),
    log
  })
  const settings: TriageSettings = {
    allow: opts.allow,
    deny: opts.deny,
    exclusive: opts.exclusive,
    maxLabels: opts.maxLabels,
    minConfidence: opts.minConfidence,
    timeoutMinutes: opts.timeoutMinutes,
    extraArgs: [],
    ...(opts.model ? { model: opts.model } : {}),
    ...(opts.prompt ? { instructions: opts.prompt } : {})
  }

  // runClaude brackets each run in `::group::` workflow commands meant for a runner's log: send
  // them to stderr with the progress, so stdout carries only the table.
  const realWrite = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    io.stderr.write(String(chunk))
    return true
  }) as typeof process.stdout.write
  let report
  try {
    report = await runBacktest({
      github: restApi(octokit, owner, repo),
      claude: localRunner(claudePath, io.env, log),
      count: opts.count,
      settings,
      log,
      note: `${owner}/${repo}: last ${opts.count} closed issues with a label triage could give; min_confidence ${settings.minConfidence}, max_labels ${settings.maxLabels}${settings.model ? `, model ${settings.model}` : ''}.`
    })
  } catch (err) {
    const status = (err as { status?: number }).status
    io.stderr.write(
      `backtest: reading ${owner}/${repo} failed${status ? ` (HTTP ${status})` : ''}: ${(err as Error).message}\n`
    )
    return 1
  } finally {
    process.stdout.write = realWrite
  }
  io.stdout.write(report.markdown)
  if (report.stoppedBy) {
    io.stderr.write(`backtest: stopped early, the table is partial: ${report.stoppedBy.message}\n`)
    return 1
  }
  return 0
}

if (isMain(import.meta.url)) {
  main(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr
  }).then(
    code => {
      process.exitCode = code
    },
    (err: unknown) => {
      process.stderr.write(`backtest: ${(err as Error)?.message ?? String(err)}\n`)
      process.exitCode = 1
    }
  )
}
