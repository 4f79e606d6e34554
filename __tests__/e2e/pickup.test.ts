/**
 * Taking deferred items up, the edges: a claimed item whose work fails for another reason than the
 * usage or the login (a review GitHub refuses with 403) gets its label back once and is dropped
 * with a warning on a second failure; the step's `tokens` output counts what the pick-up spent;
 * `dry_run` only says what it would take up; a closed or merged pull request is not reviewed.
 * dist/index.js with the real CLI against the mock Anthropic API and the mock GitHub.
 */
import { describe, expect, it } from '@jest/globals'
import { allowedRateLimitHeaders, scenarios, type Turn } from '../../__fixtures__/mock-anthropic.js'
import { fakeSha, fileFromPatch } from '../../__fixtures__/mock-github.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { resetPasses as passReset } from './deferred-clock.js'
import { oneJob, useWorld } from './world.js'

const GH_TOKEN = 'ghs_FAKE_test_token_pickup_1234567890'
const REPO = 'octo-org/octo-repo'
const HEAD = fakeSha('head-1')
const BASE = fakeSha('base')
const MARKER = '<!-- claude-subscription-action:deferred -->'

const world = useWorld({ github: true })
world.secrets.push(GH_TOKEN)

function pull(number: number): (typeof world.gh.state.pulls)[number] {
  return {
    number,
    title: `Fix the calculator (${number})`,
    body: 'Makes add right.',
    draft: false,
    user: { login: 'alice', type: 'User' },
    head: { sha: HEAD, ref: `fix-${number}`, repo: { full_name: REPO } },
    base: { sha: BASE, ref: 'main', repo: { full_name: REPO } },
    files: [
      fileFromPatch('src/calc.ts', '@@ -1,2 +1,2 @@\n function add() {\n-  return 1\n+  return 3')
    ],
    commits: [{ sha: HEAD, parents: [BASE] }]
  }
}

/** Pull requests #12 and #13, each deferred at the usage limit, their resets passed. */
async function deferred(numbers: number[] = [12]): Promise<void> {
  world.gh.state.pulls = numbers.map(pull)
  for (const n of numbers) {
    world.api.script(scenarios.usageLimit429(Math.floor(Date.now() / 1000) + 7200))
    const event = { name: 'pull_request', payload: webhookPayload('pull_request', 'opened', n) }
    const r = await run({ on_usage_limit: 'defer' }, event)
    expect(r.outputs.conclusion).toBe('skipped')
    resetPasses(n)
  }
  expect(numbers.map(labelsOf)).toEqual(numbers.map(() => ['claude-deferred']))
  world.api.setSuccessHeaders(allowedRateLimitHeaders(Math.floor(Date.now() / 1000) + 3600))
}

const resetPasses = (n: number): void => passReset(world.gh, n)

/** One job (main, then post); a scheduled run unless `event` says otherwise. */
const run = (
  inputs: Record<string, string>,
  event: { name: string; payload?: unknown } = { name: 'schedule', payload: {} }
) => oneJob(world, { githubToken: GH_TOKEN, inputs, event })

const labelsOf = (n: number): string[] =>
  world.gh.state.issues.find(i => i.number === n)?.labels ?? []
const warnings = (stdout: string): string[] =>
  stdout.split('\n').filter(l => l.startsWith('::warning::'))
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
const review = (): Turn => scenarios.structured(ONE_FINDING)[0] as Turn
const REFUSED = { message: 'Resource not accessible by integration', status: '403' }

describe('taking deferred items up', () => {
  it('a review GitHub refuses (403) gets its label back once, the warning names the item and the reason; failing again, it is dropped with a warning', async () => {
    await deferred()
    world.gh.failNext('POST', /\/pulls\/12\/reviews$/, 403, 1, { body: REFUSED })
    world.api.script([...scenarios.ok('ok'), review()])
    const first = await run({})
    expect(first.exitCode).toBe(0)
    expect(first.outputs.conclusion).toBe('success')
    expect(world.gh.state.reviews).toHaveLength(0)
    expect(labelsOf(12)).toEqual(['claude-deferred'])
    const notice = world.gh.state.issueComments.find(c => c.body.includes(MARKER))!
    expect(notice.body).toContain('<!-- claude-subscription-action:deferred-attempts:1 -->')
    expect(warnings(first.stdout)).toEqual([
      expect.stringMatching(
        /^::warning::Deferred #12 \(review\) failed: .*Resource not accessible by integration.*; its label is back for one more attempt/
      )
    ])
    expect(warnings(first.stdout)[0]).toContain('`pull-requests: write`')

    world.gh.failNext('POST', /\/pulls\/12\/reviews$/, 403, 1, { body: REFUSED })
    world.api.script([...scenarios.ok('ok'), review()])
    const second = await run({})
    expect(second.outputs.conclusion).toBe('success')
    expect(labelsOf(12)).toEqual([])
    expect(warnings(second.stdout)).toEqual([
      expect.stringMatching(
        /^::warning::Deferred #12 \(review\) failed again: .*Resource not accessible by integration.*; dropped after 2 attempts/
      )
    ])
  })

  it("the step's tokens output counts the live check and both items taken up; usage is the latest report", async () => {
    await deferred([12, 13])
    world.api.script([...scenarios.ok('ok'), review(), review()])
    const health = await run({})
    expect(health.outputs.conclusion).toBe('success')
    expect(world.gh.state.reviews).toHaveLength(2)
    expect(JSON.parse(health.outputs.tokens ?? '')).toMatchObject({ input: 36, output: 24 })
    expect(JSON.parse(health.outputs.usage ?? '')).toMatchObject({ status: 'allowed' })
  })

  it('dry_run: the pick-up says which items it would take up, and claims and runs none', async () => {
    await deferred([12, 13])
    world.api.script(scenarios.ok('ok'))
    const before = world.api.messageRequests().length
    const health = await run({ dry_run: 'true', backfill_limit: '1' })
    expect(health.outputs.conclusion).toBe('success')
    // The live check only: no model call, no probe for the pick-up.
    expect(world.api.messageRequests().length - before).toBe(1)
    expect(world.gh.state.reviews).toHaveLength(0)
    expect([labelsOf(12), labelsOf(13)]).toEqual([['claude-deferred'], ['claude-deferred']])
    expect(health.stdout).toContain(
      'Deferred items (dry run): would take up 1 of 2 due: #12 (review); #13 is due, beyond backfill_limit 1.'
    )
    expect(health.stdout).not.toContain('remove label')
  })

  it('a deferred pull request merged before its reset is not reviewed: its label comes off with one log line', async () => {
    await deferred([12, 13])
    // #12 merged, #13 closed right before the run claims it.
    Object.assign(world.gh.state.pulls[0]!, { state: 'closed', merged: true })
    world.gh.state.issues.find(i => i.number === 12)!.state = 'closed'
    world.gh.beforeNext('GET', /\/issues\/13$/, () => {
      world.gh.state.pulls[1]!.state = 'closed'
      world.gh.state.issues.find(i => i.number === 13)!.state = 'closed'
    })
    world.api.script(scenarios.ok('ok'))
    const before = world.api.messageRequests().length
    const health = await run({})
    expect(health.outputs.conclusion).toBe('success')
    expect(world.api.messageRequests().length - before).toBe(1)
    expect(world.gh.state.reviews).toHaveLength(0)
    expect([labelsOf(12), labelsOf(13)]).toEqual([[], []])
    expect(health.stdout).toContain(
      'Deferred #12 is closed: its label is taken off, nothing is run.'
    )
    expect(health.stdout).toContain(
      'Deferred #13 is closed: its label is taken off, nothing is run.'
    )
  })
})
