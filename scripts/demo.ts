/**
 * `npm run demo`: the action at work with no account and no network. The bundled action
 * (dist/index.js, main step then post step) runs the way a runner runs it, with the real Claude CLI
 * from node_modules, against the stand-ins the tests use (started here, in this process): a GitHub
 * API holding a small sample pull request and issue, and an Anthropic API whose model gives the
 * scripted answers of __fixtures__/demo/. Everything else is refused by a local proxy. It prints
 * what a user would see: the log, the step summary, the review and the summary comment posted
 * (inline comments with path:line), and the labels applied.
 *
 *   npm run demo
 *
 * Exit code 0 when both jobs succeeded, 1 otherwise.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fakeBundle, DAY } from '../__fixtures__/logins.js'
import {
  scenarios,
  startMockAnthropic,
  type MockAnthropic
} from '../__fixtures__/mock-anthropic.js'
import {
  fakeSha,
  fileFromPatch,
  startMockGitHub,
  type MockGitHub
} from '../__fixtures__/mock-github.js'
import { webhookPayload } from '../__fixtures__/payloads.js'
import { startRefusingProxy } from '../__fixtures__/proxy.js'
import { CLAUDE, findLeaks, ROOT, Runner, type StepResult } from '../__fixtures__/runner.js'
import { isMain } from './entry.js'

const DEMO = path.join(ROOT, '__fixtures__', 'demo')
/** The workflow's GitHub token, as the stand-in GitHub expects one: not a real token. */
const GITHUB_TOKEN = 'ghs_DEMO_not_a_real_token_000000000000'

const demoFile = <T>(name: string): T =>
  JSON.parse(readFileSync(path.join(DEMO, name), 'utf8')) as T

interface SamplePull {
  number: number
  title: string
  body: string
  author: string
  files: Array<{ filename: string; patch: string[] }>
  rules: string
  rulesText: string
}
interface SampleIssue {
  number: number
  title: string
  body: string
  author: string
}

/** What the demo did, for its test. */
export interface DemoResult {
  exitCode: number
  /** Wall time of the whole demo, milliseconds. */
  ms: number
  review: { conclusion: string; inline: string[]; summaryComment: boolean }
  triage: { conclusion: string; labels: string[] }
  /** Tokens found in anything the action wrote (the log, outputs, summary, state): none. */
  leaks: string[]
}

/** The stand-ins, started for the demo. */
interface Stage {
  api: MockAnthropic
  gh: MockGitHub
  env: Record<string, string>
  secret: string
  /** Every token of the run: the login's, the bundle, the GitHub token. */
  tokens: string[]
  leaks: string[]
  print: (line: string) => void
}

/** Shown as GitHub renders it: HTML comments (the action's hidden markers) are invisible. */
const rendered = (markdown: string): string =>
  markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map(l => (l ? by + l : l))
    .join('\n')

/** A step's log as the runner shows it: commands rendered, masked values as ***. */
export function renderLog(step: StepResult): string {
  const masks = step.masked.filter(m => m.length > 0).sort((a, b) => b.length - a.length)
  const lines: string[] = []
  for (const raw of step.stdout.split('\n')) {
    if (raw.startsWith('::add-mask::') || raw.startsWith('::endgroup::') || raw === '') continue
    // The lines around untrusted text (logUntrusted): the runner shows them with the token masked.
    if (/^::(stop-commands::untrusted-|untrusted-[\w-]+::$)/.test(raw)) continue
    let line = raw
      .replace(/^::group::/, '▸ ')
      .replace(/^::(error|warning|notice)[^:]*::/, (_m, level: string) => `${level}: `)
      .replace(/^::debug::.*/, '')
      .replace(/%0A/g, '\n    ')
      .replace(/%25/g, '%')
    for (const m of masks) line = line.split(m).join('***')
    if (line) lines.push(line)
  }
  return lines.join('\n')
}

/** Runs one job as a runner does (main, then post) and prints its log and step summary. */
async function job(
  stage: Stage,
  event: { name: string; payload: unknown }
): Promise<{ main: StepResult }> {
  const { print } = stage
  const runner = await Runner.create()
  try {
    const inputs = { claude_auth: stage.secret, claude_path: CLAUDE, github_token: GITHUB_TOKEN }
    const main = await runner.main({ inputs, env: stage.env, event })
    print(`\n── Log: main step (exit code ${main.exitCode}) ──\n${renderLog(main)}`)
    const summary = readFileSync(runner.files.summary, 'utf8').trim()
    const post = await runner.post({ inputs, env: stage.env })
    print(`\n── Log: post step (exit code ${post.exitCode}) ──\n${renderLog(post)}`)
    print(`\n── Step summary (what the run's page shows) ──\n${summary}`)
    // As every e2e test does: no token in the log, the outputs, the summary, the state or GITHUB_ENV.
    stage.leaks.push(...findLeaks(await runner.everythingWritten(), stage.tokens))
    return { main }
  } finally {
    await runner.cleanup()
  }
}

/** The pull request job: arrange the PR, run, print the review and the summary comment. */
async function reviewDemo(stage: Stage): Promise<DemoResult['review']> {
  const pr = demoFile<SamplePull>('pull-request.json')
  const { review } = demoFile<{ review: unknown }>('answers.json')
  const head = fakeSha('demo-head')
  const base = fakeSha('demo-base')
  stage.gh.state.pulls = [
    {
      number: pr.number,
      title: pr.title,
      body: pr.body,
      draft: false,
      user: { login: pr.author, type: 'User' },
      head: { sha: head, ref: 'retry', repo: { full_name: 'octo-org/octo-repo' } },
      base: { sha: base, ref: 'main', repo: { full_name: 'octo-org/octo-repo' } },
      files: pr.files.map(f => fileFromPatch(f.filename, f.patch.join('\n'))),
      commits: [{ sha: head, parents: [base] }]
    }
  ]
  stage.gh.state.contents[base] = { [pr.rules]: pr.rulesText }
  stage.api.script(scenarios.structured(review))
  stage.print(`\n━━ 1. A pull request is opened: #${pr.number} "${pr.title}" by @${pr.author} ━━`)
  const payload = webhookPayload('pull_request', 'opened', pr.number)
  const { main } = await job(stage, { name: 'pull_request', payload })

  const inline = stage.gh.state.reviewComments.map(c => `${c.path}:${c.line ?? '?'}`)
  stage.print('\n── Posted on GitHub: the review ──')
  for (const r of stage.gh.state.reviews) {
    stage.print(`Review on #${r.pull_number} (${r.state}):\n${indent(rendered(r.body))}`)
  }
  for (const c of stage.gh.state.reviewComments) {
    stage.print(`  ${c.path}:${c.line ?? '?'}\n${indent(rendered(c.body), '      ')}`)
  }
  const summaries = stage.gh.state.issueComments.filter(c =>
    c.body.includes('claude-subscription-action:review')
  )
  stage.print('\n── Posted on GitHub: the summary comment ──')
  for (const c of summaries) stage.print(rendered(c.body))
  return {
    conclusion: main.outputs.conclusion ?? '',
    inline,
    summaryComment: summaries.length === 1
  }
}

/** The issue job: arrange the issue and the labels, run, print the labels applied. */
async function triageDemo(stage: Stage): Promise<DemoResult['triage']> {
  const issue = demoFile<SampleIssue>('issue.json')
  const { triage } = demoFile<{ triage: unknown }>('answers.json')
  const labels = demoFile<Array<{ name: string; description: string }>>('labels.json')
  stage.gh.state.labels = labels.map(l => ({ ...l, color: 'ededed' }))
  stage.gh.state.issues.push({
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: 'open',
    labels: [],
    user: { login: issue.author, type: 'User' },
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z'
  })
  const payload = webhookPayload('issues', 'opened', issue.number)
  Object.assign(payload.issue as object, { title: issue.title, body: issue.body, labels: [] })
  stage.api.script(scenarios.structured(triage))
  stage.print(
    `\n━━ 2. An issue is opened: #${issue.number} "${issue.title}" by @${issue.author} ━━`
  )
  const { main } = await job(stage, { name: 'issues', payload })
  const applied = stage.gh.state.issues.find(i => i.number === issue.number)?.labels ?? []
  stage.print('\n── Posted on GitHub: the labels ──')
  stage.print(`#${issue.number} now has: ${applied.join(', ') || '(none)'}`)
  stage.print(`labels output: ${main.outputs.labels ?? ''}`)
  return { conclusion: main.outputs.conclusion ?? '', labels: applied }
}

/** Runs the demo, printing as it goes. */
export async function runDemo(print: (line: string) => void = console.log): Promise<DemoResult> {
  const started = performance.now()
  const [api, gh, proxy] = await Promise.all([
    startMockAnthropic(),
    startMockGitHub(),
    startRefusingProxy()
  ])
  try {
    const env = {
      ANTHROPIC_BASE_URL: api.url,
      GITHUB_API_URL: gh.url,
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1,localhost',
      TZ: 'UTC'
    }
    // A made-up login: the stand-in API takes any token, and nothing reaches Anthropic.
    const { secret, credentials } = fakeBundle({ loginEndsInMs: 20 * DAY })
    const o = credentials.claudeAiOauth
    const tokens = [secret, o.accessToken, o.refreshToken ?? '', GITHUB_TOKEN]
    print('claude-subscription-action demo: dist/index.js and the real Claude CLI, against')
    print(
      `stand-ins for GitHub (${gh.url}) and the Anthropic API (${api.url}); no account, no network.`
    )
    const stage: Stage = { api, gh, env, secret, tokens, leaks: [], print }
    const review = await reviewDemo(stage)
    const triage = await triageDemo(stage)
    const ms = Math.round(performance.now() - started)
    const { leaks } = stage
    const ok = review.conclusion === 'success' && triage.conclusion === 'success' && !leaks.length
    const outside = proxy.attempts.length
      ? `${proxy.attempts.length} request(s) outside this machine attempted, all refused (${[...new Set(proxy.attempts)].join(', ')})`
      : 'no request outside this machine'
    print(
      `\n${ok ? 'Done' : 'FAILED'} in ${(ms / 1000).toFixed(1)} s: review ${review.conclusion}, triage ${triage.conclusion}; ${leaks.length ? `TOKENS LEAKED: ${leaks.join(', ')}` : 'no token in anything the action wrote'}; ${outside}.`
    )
    return { exitCode: ok ? 0 : 1, ms, review, triage, leaks }
  } finally {
    await Promise.all([api.close(), gh.close(), proxy.close()])
  }
}

if (isMain(import.meta.url)) {
  const result = await runDemo()
  process.exitCode = result.exitCode
}
