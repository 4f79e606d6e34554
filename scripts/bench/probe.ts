/**
 * The cost of the usage ceiling's probe (issue #13): the one tiny call with the cheapest model that
 * `usage_ceiling` makes before a review (src/claude/probe.ts, src/jobs/usage/ceiling.ts), next to
 * the review it guards. Each run is dist/index.js with the real CLI against the mock Anthropic API
 * and a fresh mock GitHub, alternating:
 * - a review without a ceiling;
 * - the same review with `usage_ceiling: 0.99` (the probe, then the review);
 * - a ceiling skip (`usage_ceiling: 0.8` with the 5-hour window at 85 %): the probe alone.
 * Wall time is the step's; what the model was sent is taken from the mock's requests (the mock
 * answers every call with the same fixed usage, so bytes sent are the figure that tracks real cost).
 */
import { performance } from 'node:perf_hooks'
import {
  allowedRateLimitHeaders,
  scenarios,
  type MockAnthropic,
  type RecordedRequest
} from '../../__fixtures__/mock-anthropic.js'
import { fakeSha, fileFromPatch, startMockGitHub } from '../../__fixtures__/mock-github.js'
import { DAY, fakeBundle } from '../../__fixtures__/logins.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { CLAUDE, type Runner, type StepResult } from '../../__fixtures__/runner.js'
import { PROBE_MODEL } from '../../src/claude/probe.js'

const GH_TOKEN = 'ghs_FAKE_bench_probe_token_1234567890'
const REPO = 'octo-org/octo-repo'
const REVIEW_MODEL = 'claude-sonnet-4-5'
const FINDINGS = { summary: 'Looks fine.', findings: [] }

/** What the bench lends this part: fresh runners, and the environment that points at the mocks. */
export interface ProbeDeps {
  api: MockAnthropic
  newRunner(): Promise<Runner>
  dropRunner(runner: Runner): Promise<void>
  env(): Record<string, string>
  expectStep(what: string, step: StepResult): void
}

/** The model calls of one step, split by who made them. */
interface Calls {
  count: number
  bytes: number
  /** Of `bytes`: the system prompt, the tool definitions, the messages (JSON as sent). */
  parts: { system: number; tools: number; messages: number }
  tokens: string
}

const NO_CALLS: Calls = {
  count: 0,
  bytes: 0,
  parts: { system: 0, tools: 0, messages: 0 },
  tokens: ''
}

/** What the step sent the model, in all. */
function callsOf(requests: RecordedRequest[], tokens: string): Calls {
  const size = (v: unknown): number => (v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v)))
  const parts = { system: 0, tools: 0, messages: 0 }
  for (const r of requests) {
    parts.system += size(r.body?.system)
    parts.tools += size(r.body?.tools)
    parts.messages += size(r.body?.messages)
  }
  const bytes = requests.reduce((n, r) => n + Buffer.byteLength(r.raw), 0)
  return { count: requests.length, bytes, parts, tokens }
}

export interface ProbeFigures {
  runs: number
  reviewWall: number[]
  withProbeWall: number[]
  skipWall: number[]
  /** The probe's calls (the ceiling skip: nothing else runs), the review's, and both. */
  probe: Calls
  review: Calls
  withProbe: Calls
}

type Variant = 'review' | 'with-probe' | 'skip'

/** One step of a variant on a fresh runner and mock GitHub: its wall time and model calls. */
async function step(deps: ProbeDeps, variant: Variant): Promise<{ wall: number; calls: Calls }> {
  const { api } = deps
  const gh = await startMockGitHub()
  const runner = await deps.newRunner()
  try {
    arrangePr(gh)
    const fiveHour = variant === 'skip' ? 0.85 : 0.5
    api.setSuccessHeaders(allowedRateLimitHeaders(undefined, { fiveHour }))
    api.script(
      variant === 'review'
        ? scenarios.structured(FINDINGS)
        : [...scenarios.ok('ok'), ...scenarios.structured(FINDINGS)]
    )
    api.requests.length = 0
    const ceiling =
      variant === 'review' ? {} : { usage_ceiling: variant === 'skip' ? '0.8' : '0.99' }
    const start = performance.now()
    const result = await runner.main({
      inputs: {
        mode: 'review',
        claude_path: CLAUDE,
        model: REVIEW_MODEL,
        claude_auth: fakeBundle({ loginEndsInMs: 25 * DAY }).secret,
        github_token: GH_TOKEN,
        ...ceiling
      },
      env: { ...deps.env(), GITHUB_API_URL: gh.url },
      event: { name: 'pull_request', payload: webhookPayload('pull_request', 'opened', 12) }
    })
    const wall = performance.now() - start
    const expected = variant === 'skip' ? 'skipped' : 'success'
    if (result.exitCode !== 0 || result.outputs.conclusion !== expected) {
      deps.expectStep(`review (${variant})`, result)
      throw new Error(`review (${variant}): conclusion ${result.outputs.conclusion}`)
    }
    const requests = api.messageRequests()
    if (variant === 'skip' && requests.some(r => r.body?.model !== PROBE_MODEL)) {
      throw new Error(`the ceiling skip called a model other than ${PROBE_MODEL}`)
    }
    return { wall, calls: callsOf(requests, result.outputs.tokens ?? '') }
  } finally {
    api.setSuccessHeaders(allowedRateLimitHeaders())
    await deps.dropRunner(runner)
    await gh.close()
  }
}

function arrangePr(gh: Awaited<ReturnType<typeof startMockGitHub>>): void {
  const head = fakeSha('probe-head')
  const base = fakeSha('probe-base')
  gh.state.pulls = [
    {
      number: 12,
      title: 'Fix the calculator',
      body: 'Makes add right.',
      draft: false,
      user: { login: 'alice', type: 'User' },
      head: { sha: head, ref: 'fix', repo: { full_name: REPO } },
      base: { sha: base, ref: 'main', repo: { full_name: REPO } },
      files: [
        fileFromPatch('src/calc.ts', '@@ -1,2 +1,2 @@\n function add() {\n-  return 1\n+  return 2')
      ],
      commits: [{ sha: head, parents: [base] }]
    }
  ]
}

/** One warm-up of each, then `runs` of each variant, alternating. */
export async function benchProbe(runs: number, deps: ProbeDeps): Promise<ProbeFigures> {
  for (const v of ['review', 'with-probe', 'skip'] as const) await step(deps, v)
  const f: ProbeFigures = {
    runs,
    reviewWall: [],
    withProbeWall: [],
    skipWall: [],
    probe: NO_CALLS,
    review: NO_CALLS,
    withProbe: NO_CALLS
  }
  for (let i = 0; i < runs; i++) {
    const r = await step(deps, 'review')
    f.reviewWall.push(r.wall)
    f.review = r.calls
    const w = await step(deps, 'with-probe')
    f.withProbeWall.push(w.wall)
    f.withProbe = w.calls
    const s = await step(deps, 'skip')
    f.skipWall.push(s.wall)
    f.probe = s.calls
  }
  return f
}

type Table = (head: string[], rows: string[][], align: string) => string

/** The section of the report: the probe next to the review it guards. */
export function renderProbe(
  f: ProbeFigures,
  table: Table,
  median: (v: number[]) => number
): string {
  const ms = (v: number): string => `${Math.round(v)} ms`
  const spread = (v: number[]): string =>
    `${ms(median(v))} (${ms(Math.min(...v))} – ${ms(Math.max(...v))})`
  // Paired: each review with the probe against the review without it that ran just before.
  const added = median(f.withProbeWall.map((w, i) => w - (f.reviewWall[i] as number)))
  const row = (name: string, wall: number[], c: Calls): string[] => [
    name,
    spread(wall),
    String(c.count),
    bytes(c.bytes),
    bytes(c.parts.system),
    bytes(c.parts.tools),
    bytes(c.parts.messages),
    c.tokens
  ]
  const rows = [
    row('review, no ceiling', f.reviewWall, f.review),
    row('review with usage_ceiling (probe + review)', f.withProbeWall, f.withProbe),
    row('ceiling skip (the probe alone)', f.skipWall, f.probe)
  ]
  const head = ['Step', 'Wall time', 'Model calls', 'Bytes sent', 'system', 'tools', 'messages']
  return [
    `${'### Cost of the usage ceiling probe'}: ${f.runs} run${f.runs === 1 ? '' : 's'} of each, alternating`,
    '',
    table([...head, '`tokens` output'], rows, 'lrrrrrrl'),
    '',
    (added < HIDDEN_MS
      ? `The probe adds no measurable time to a review here (median of the paired differences: ` +
        `${ms(added)}; the last sentence says why), and sends`
      : `The probe adds ${ms(added)} to a review (median of the paired differences), ` +
        `${pct(added, median(f.reviewWall))} of it, and sends`) +
      ` ${bytes(f.probe.bytes)} in ` +
      `${f.probe.count} call${f.probe.count === 1 ? '' : 's'} against the review's ` +
      `${bytes(f.review.bytes)} in ${f.review.count} (${pct(f.probe.bytes, f.review.bytes)}), ` +
      `about ${approxTokens(f.probe.bytes)} input tokens at 4 bytes a token (largest part: ` +
      `${largestPart(f.probe.parts)}). The mock answers every call with the same usage (12 tokens in, ` +
      '8 out), so the `tokens` output counts calls here; the bytes sent are what a real bill ' +
      'follows. Wall time is the whole step (`dist/index.js` spawned to exit). With the mocks a ' +
      "review step also waits for GitHub's request pacing (@octokit/plugin-throttling spaces " +
      'writes 1 s apart and counts GraphQL queries as writes; the first one, the token identity, ' +
      'goes out before the model is asked): a probe that ends within that second adds no wall ' +
      'time here. On a runner the model takes longer than that, and the probe adds its own time: ' +
      'at most the ceiling skip step above.'
  ].join('\n')
}

/** The biggest part of what was sent, in words: "the system prompt, 330 B". */
function largestPart(parts: { system: number; tools: number; messages: number }): string {
  const names = {
    system: 'the system prompt',
    tools: 'the tool definitions',
    messages: 'the messages'
  }
  const [name, size] = (Object.entries(parts) as [keyof typeof names, number][]).sort(
    (a, b) => b[1] - a[1]
  )[0] as [keyof typeof names, number]
  return `${names[name]}, ${size.toLocaleString('en-US')} B`
}

/** Under this, the paired difference is noise: the probe ran inside the step's pacing wait. */
const HIDDEN_MS = 100

/** The summary's line on the probe. */
export function probeSummary(f: ProbeFigures, median: (v: number[]) => number): string {
  const added = median(f.withProbeWall.map((w, i) => w - (f.reviewWall[i] as number)))
  const time =
    added < HIDDEN_MS
      ? `no time measurable on top of a review here (it runs while the step waits for GitHub's ` +
        `request pacing; alone, as a step, ${Math.round(median(f.skipWall))} ms)`
      : `${Math.round(added)} ms added to a review`
  return (
    `- The usage ceiling's probe (\`usage_ceiling\`): ${time}, ` +
    `and ${bytes(f.probe.bytes)} sent to the model in ${f.probe.count} call ` +
    `(${pct(f.probe.bytes, f.review.bytes)} of what the review itself sends).`
  )
}

const approxTokens = (b: number): string => (Math.round(b / 4 / 100) * 100).toLocaleString('en-US')
const bytes = (n: number): string => `${n.toLocaleString('en-US')} B`
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(0)} %`
