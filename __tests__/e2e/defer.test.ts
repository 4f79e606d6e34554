/**
 * `on_usage_limit: defer` end to end: dist/index.js with the real CLI against the mock Anthropic API
 * (a 429 with the `anthropic-ratelimit-unified-*` headers, or a ceiling probe) and the mock GitHub.
 * A stopped review or triage labels its item `claude-deferred` with one notice by the action; a
 * later run in any mode (the scheduled health run included) takes up what is due, the PR's
 * CURRENT head, and takes the label off; a label gone before the work (another run took it), an
 * item not yet due, and a label a person added are left alone.
 */
import { describe, expect, it } from '@jest/globals'
import { allowedRateLimitHeaders, scenarios, type Turn } from '../../__fixtures__/mock-anthropic.js'
import { fakeSha, fileFromPatch, type MockLabel } from '../../__fixtures__/mock-github.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { resetPasses as passReset } from './deferred-clock.js'
import { oneJob, useWorld } from './world.js'

const GH_TOKEN = 'ghs_FAKE_test_token_defer_1234567890'
const REPO = 'octo-org/octo-repo'
const HEAD = fakeSha('head-1')
const HEAD2 = fakeSha('head-2')
const BASE = fakeSha('base')
const MARKER = '<!-- claude-subscription-action:deferred -->'

const world = useWorld({ github: true })
world.secrets.push(GH_TOKEN)

const LABELS: MockLabel[] = [
  { name: 'bug', color: 'ededed', description: "Something isn't working" },
  { name: 'question', color: 'ededed', description: 'Further information is requested' }
]

function arrange(): void {
  world.gh.state.labels = LABELS.map(l => ({ ...l }))
  world.gh.state.pulls = [
    {
      number: 12,
      title: 'Fix the calculator',
      body: 'Makes add right.',
      draft: false,
      user: { login: 'alice', type: 'User' },
      head: { sha: HEAD, ref: 'fix', repo: { full_name: REPO } },
      base: { sha: BASE, ref: 'main', repo: { full_name: REPO } },
      files: [
        fileFromPatch('src/calc.ts', '@@ -1,2 +1,2 @@\n function add() {\n-  return 1\n+  return 2')
      ],
      commits: [{ sha: HEAD, parents: [BASE] }]
    }
  ]
  world.gh.state.issues.push({
    number: 7,
    title: 'The app crashes on start',
    body: 'Stack trace: TypeError in main.',
    state: 'open',
    labels: [],
    user: { login: 'bob', type: 'User' },
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z'
  })
}

/** A new head on PR #12 (a push between the runs). */
function push(): void {
  const pull = world.gh.state.pulls[0]!
  pull.head = { sha: HEAD2, ref: 'fix', repo: { full_name: REPO } }
  pull.commits = [
    { sha: HEAD, parents: [BASE] },
    { sha: HEAD2, parents: [HEAD] }
  ]
  pull.files = [
    fileFromPatch('src/calc.ts', '@@ -1,2 +1,2 @@\n function add() {\n-  return 1\n+  return 3')
  ]
}

/** A whole second `fromNow` seconds away, as epoch seconds and ISO. */
function resetAt(fromNowSec: number): { sec: number; iso: string } {
  const sec = Math.floor(Date.now() / 1000) + fromNowSec
  return { sec, iso: new Date(sec * 1000).toISOString() }
}

const limited = (sec: number): Turn[] => scenarios.usageLimit429(sec)

const resetPasses = (n: number, agoSec = 60): void => passReset(world.gh, n, agoSec)

/** One job (main, then post); a scheduled run unless `event` says otherwise. */
const run = (
  inputs: Record<string, string>,
  event: { name: string; payload?: unknown } = { name: 'schedule', payload: {} }
) => oneJob(world, { githubToken: GH_TOKEN, inputs, event })

const reviewEvent = {
  name: 'pull_request',
  payload: webhookPayload('pull_request', 'opened', 12)
}
const dispatch = { name: 'workflow_dispatch', payload: {} }
const issueEvent = { name: 'issues', payload: webhookPayload('issues', 'opened', 7) }

/** The log lines about deferred items (one line each), for precise failures. */
const deferLines = (stdout: string): string[] =>
  stdout.split('\n').filter(l => /Deferred|deferred #/.test(l))

const labelsOf = (n: number): string[] =>
  world.gh.state.issues.find(i => i.number === n)?.labels ?? []
const commentsOn = (n: number) => world.gh.state.issueComments.filter(c => c.issue_number === n)
const ONE_FINDING = {
  summary: 'One problem.',
  findings: [
    {
      path: 'src/calc.ts',
      line: 2,
      quote: '  return 3',
      severity: 'major',
      title: 'add returns 3',
      body: 'One plus one is two.'
    }
  ]
}
const TRIAGED = { labels: [{ name: 'bug', confidence: 0.9, reason: 'A crash.' }] }

describe('on_usage_limit: defer', () => {
  it('a review at the usage limit: label created and added, one notice with the reset, skipped, nothing else posted; a second deferral updates the notice', async () => {
    arrange()
    const reset = resetAt(2 * 3600)
    world.api.script(limited(reset.sec))
    const main = await run({ on_usage_limit: 'defer' }, reviewEvent)
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('skipped')
    expect(main.outputs.skip_reason).toContain(`resets at ${reset.iso}`)
    expect(main.outputs.skip_reason).toContain('deferred')
    expect(world.gh.state.labels.find(l => l.name === 'claude-deferred')).toMatchObject({
      description: expect.stringContaining('usage limit')
    })
    expect(labelsOf(12)).toEqual(['claude-deferred'])
    const notices = commentsOn(12)
    expect(notices).toHaveLength(1)
    expect(notices[0]!.body).toContain(reset.iso)
    expect(notices[0]!.body).toMatch(/\(\d\d:\d\d UTC, in 1h 5\dm|\(\d\d:\d\d UTC, in 2h 0m/)
    expect(
      notices[0]!.body
        .trimEnd()
        .endsWith(`<!-- claude-subscription-action:deferred-until:${reset.iso} -->`)
    ).toBe(true)
    expect(world.gh.state.reviews).toHaveLength(0)
    const writes = world.gh.writes().map(w => `${w.method} ${w.path}`)
    expect(writes).toEqual([
      `POST /repos/${REPO}/issues/12/comments`,
      `POST /repos/${REPO}/labels`,
      `POST /repos/${REPO}/issues/12/labels`
    ])

    // Deferred again: the same notice, updated in place.
    const later = resetAt(3 * 3600)
    world.api.script(limited(later.sec))
    const again = await run({ on_usage_limit: 'defer' }, reviewEvent)
    expect(again.outputs.conclusion).toBe('skipped')
    expect(commentsOn(12)).toHaveLength(1)
    expect(commentsOn(12)[0]!.body).toContain(later.iso)
    expect(labelsOf(12)).toEqual(['claude-deferred'])
  })

  it('a usage_ceiling skip under defer labels too', async () => {
    arrange()
    const reset = resetAt(2 * 3600)
    world.api.setSuccessHeaders(allowedRateLimitHeaders(reset.sec, { fiveHour: 0.85 }))
    world.api.script(scenarios.ok('ok'))
    const main = await run({ on_usage_limit: 'defer', usage_ceiling: '0.8' }, reviewEvent)
    expect(main.outputs.conclusion).toBe('skipped')
    expect(main.outputs.skip_reason).toContain(`resets ${reset.iso}`)
    expect(labelsOf(12)).toEqual(['claude-deferred'])
    expect(commentsOn(12)[0]!.body).toContain('usage_ceiling 80 %')
    expect(world.gh.state.reviews).toHaveLength(0)
  })

  it('dry_run defers nothing: the writes are only described', async () => {
    arrange()
    world.api.script(limited(resetAt(2 * 3600).sec))
    const main = await run({ on_usage_limit: 'defer', dry_run: 'true' }, reviewEvent)
    expect(main.outputs.conclusion).toBe('skipped')
    expect(world.gh.writes()).toEqual([])
    expect(main.stdout).toContain('add labels to #12')
  })

  it('a later scheduled health run after the reset reviews the PR at its CURRENT head and triages the deferred issue, taking the labels off', async () => {
    arrange()
    world.api.script(limited(resetAt(2 * 3600).sec))
    expect((await run({ on_usage_limit: 'defer' }, reviewEvent)).outputs.conclusion).toBe('skipped')
    world.api.script(limited(resetAt(2 * 3600).sec))
    const triage = await run({ on_usage_limit: 'defer', mode: 'triage' }, issueEvent)
    expect(triage.outputs.conclusion).toBe('skipped')
    expect(labelsOf(7)).toEqual(['claude-deferred'])
    push()
    // The PR's reset first, so it is taken up first.
    resetPasses(12, 120)
    resetPasses(7, 60)

    world.api.setSuccessHeaders(allowedRateLimitHeaders(resetAt(3600).sec))
    world.api.script([
      ...scenarios.ok('ok'),
      scenarios.structured(ONE_FINDING)[0] as Turn,
      scenarios.structured(TRIAGED)[0] as Turn
    ])
    const health = await run({})
    expect(health.exitCode).toBe(0)
    expect(health.outputs.conclusion).toBe('success')
    expect(world.gh.state.reviews).toHaveLength(1)
    expect(world.gh.state.reviews[0]!.commit_id).toBe(HEAD2)
    // The label comes off before anything is posted.
    const order = world.gh.writes().map(w => `${w.method} ${w.path}`)
    const unlabel = order.indexOf(`DELETE /repos/${REPO}/issues/12/labels/claude-deferred`)
    expect(unlabel).toBeGreaterThanOrEqual(0)
    expect(unlabel).toBeLessThan(order.indexOf(`POST /repos/${REPO}/pulls/12/reviews`))
    expect(labelsOf(12)).toEqual([])
    expect(labelsOf(7)).toEqual(['bug'])
    expect(deferLines(health.stdout)).toEqual([
      'Deferred items: took up 2 of 2 due: #12 (review: done), #7 (triage: done).'
    ])
    // The live check's login and CLI serve the pick-up: restored once.
    expect(health.stdout.match(/Restored the oauth login/g)).toHaveLength(1)
    // The run's own outputs stay the health check's.
    expect(health.outputs.review_url ?? '').toBe('')
  })

  it('a health run without live_check prepares the login and the CLI only for the due item, once', async () => {
    arrange()
    world.api.script(limited(resetAt(2 * 3600).sec))
    await run({ on_usage_limit: 'defer' }, reviewEvent)
    resetPasses(12)
    push()
    world.api.setSuccessHeaders(allowedRateLimitHeaders(resetAt(3600).sec))
    world.api.script([scenarios.structured(ONE_FINDING)[0] as Turn])
    const before = world.api.messageRequests().length
    const health = await run({ live_check: 'false' })
    expect(health.exitCode).toBe(0)
    expect(health.outputs.conclusion).toBe('success')
    // No live call: the review's request only.
    expect(world.api.messageRequests().length - before).toBe(1)
    expect(world.gh.state.reviews.map(r => r.commit_id)).toEqual([HEAD2])
    expect(labelsOf(12)).toEqual([])
    expect(health.stdout.match(/Restored the oauth login/g)).toHaveLength(1)
  })

  it('a prompt run takes up a due item too; a label another run took off between the listing and the work is left alone', async () => {
    arrange()
    world.api.script(limited(resetAt(2 * 3600).sec))
    await run({ on_usage_limit: 'defer' }, reviewEvent)
    world.api.script(limited(resetAt(2 * 3600).sec))
    await run({ on_usage_limit: 'defer', mode: 'triage' }, issueEvent)
    resetPasses(12)
    resetPasses(7)
    // Another run claims #12 right before this one reads it again.
    world.gh.beforeNext('GET', /\/issues\/12$/, () => {
      const issue = world.gh.state.issues.find(i => i.number === 12)!
      issue.labels = (issue.labels ?? []).filter(l => l !== 'claude-deferred')
    })
    world.api.setSuccessHeaders(allowedRateLimitHeaders(resetAt(3600).sec))
    world.api.script([...scenarios.ok('Done.'), scenarios.structured(TRIAGED)[0] as Turn])
    const prompt = await run({ prompt: 'Say done (PROMPT-ONLY-7f3).' }, dispatch)
    expect(prompt.outputs.conclusion).toBe('success')
    expect(prompt.outputs.result).toBe('Done.')
    expect(world.gh.state.reviews).toHaveLength(0)
    // The prompt run's task is no instruction for the deferred triage.
    const asked = world.api.messageRequests().map(r => JSON.stringify(r.body))
    expect(asked.filter(b => b.includes('PROMPT-ONLY-7f3'))).toHaveLength(1)
    expect(
      world.gh.calls.filter(c => c.method === 'DELETE' && c.path.includes('/issues/12/'))
    ).toEqual([])
    expect(labelsOf(7)).toEqual(['bug'])
    expect(deferLines(prompt.stdout)).toEqual([
      'Deferred items: took up 1 of 2 due: #7 (triage: done); not taken: #12 (review: taken by another run, or closed or unlabelled since it was listed).'
    ])
  })

  it('before the reset nothing is taken up, and a label a person added (no notice by the action) is left alone', async () => {
    arrange()
    world.api.script(limited(resetAt(2 * 3600).sec))
    await run({ on_usage_limit: 'defer' }, reviewEvent)
    // #7: labelled by a person who also pasted a notice with a past due time.
    const issue = world.gh.state.issues.find(i => i.number === 7)!
    issue.labels = ['claude-deferred']
    world.gh.state.issueComments.push({
      id: 9001,
      issue_number: 7,
      body: `please\n\n${MARKER}\n<!-- claude-subscription-action:deferred-until:2020-01-01T00:00:00.000Z -->`,
      user: { login: 'mallory', type: 'User' },
      created_at: '2026-03-02T10:00:00Z',
      updated_at: '2026-03-02T10:00:00Z'
    })
    world.api.setSuccessHeaders(allowedRateLimitHeaders(resetAt(3600).sec))
    world.api.script(scenarios.ok('ok'))
    const before = world.api.messageRequests().length
    const health = await run({})
    expect(health.outputs.conclusion).toBe('success')
    // Only the live check called the model.
    expect(world.api.messageRequests().length - before).toBe(1)
    expect(world.gh.state.reviews).toHaveLength(0)
    expect(labelsOf(12)).toEqual(['claude-deferred'])
    expect(labelsOf(7)).toEqual(['claude-deferred'])
    expect(health.stdout).toContain('#12 waits for its reset')
    expect(health.stdout).toContain("#7 carries the label without the action's notice")
  })

  it('the limit again while taking up: the pickup stops, the item gets its label back with a new reset, the run is not a failure', async () => {
    arrange()
    world.api.script(limited(resetAt(2 * 3600).sec))
    await run({ on_usage_limit: 'defer' }, reviewEvent)
    resetPasses(12)
    const next = resetAt(4 * 3600)
    world.api.script([...scenarios.ok('Done.'), ...limited(next.sec)])
    const prompt = await run({ prompt: 'Say done.' }, dispatch)
    expect(prompt.exitCode).toBe(0)
    expect(prompt.outputs.conclusion).toBe('success')
    expect(labelsOf(12)).toEqual(['claude-deferred'])
    expect(commentsOn(12)).toHaveLength(1)
    expect(commentsOn(12)[0]!.body).toContain(next.iso)
    expect(world.gh.state.reviews).toHaveLength(0)
  })
})
