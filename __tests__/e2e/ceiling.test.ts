/**
 * usage_ceiling end to end: dist/index.js runs the real CLI against the mock Anthropic API sending
 * the `anthropic-ratelimit-unified-*` headers. Before a review's model call one probe (the cheapest
 * model) reads the utilization; at or above the ceiling the review is skipped, writing nothing.
 */
import { describe, expect, it } from '@jest/globals'
import { allowedRateLimitHeaders, scenarios } from '../../__fixtures__/mock-anthropic.js'
import { fakeSha, fileFromPatch } from '../../__fixtures__/mock-github.js'
import { DAY } from '../../__fixtures__/logins.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { CLAUDE } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const GH_TOKEN = 'ghs_FAKE_test_token_1234567890'
const REPO = 'octo-org/octo-repo'
const HEAD = fakeSha('head-1')
const BASE = fakeSha('base')

const world = useWorld({ github: true })
world.secrets.push(GH_TOKEN)

function arrangePr(): void {
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
}

/** A reset two hours away on a whole minute, as epoch seconds and ISO. */
function resetIn2h(): { sec: number; iso: string } {
  const sec = Math.floor(Date.now() / 60_000) * 60 + 2 * 3600
  return { sec, iso: new Date(sec * 1000).toISOString() }
}

async function review(inputs: Record<string, string>) {
  const { secret } = world.login({ loginEndsInMs: 20 * DAY })
  return world.runner.main({
    inputs: {
      claude_path: CLAUDE,
      model: 'claude-sonnet-4-5',
      claude_auth: secret,
      github_token: GH_TOKEN,
      ...inputs
    },
    env: world.env(),
    event: { name: 'pull_request', payload: webhookPayload('pull_request', 'opened', 12) }
  })
}

const models = (): unknown[] => world.api.messageRequests().map(r => r.body.model)
const FINDINGS = { summary: 'Looks fine.', findings: [] }

describe('usage_ceiling', () => {
  it('0.8 with the 5-hour window at 0.85: skipped with the figure and the reset, one probe request, nothing written', async () => {
    arrangePr()
    const reset = resetIn2h()
    world.api.setSuccessHeaders(allowedRateLimitHeaders(reset.sec, { fiveHour: 0.85 }))
    world.api.script([...scenarios.ok('ok'), ...scenarios.structured(FINDINGS)])
    const main = await review({ usage_ceiling: '0.8' })
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('skipped')
    expect(main.outputs.skip_reason).toBe(
      `5-hour window at 85 % (usage_ceiling 80 %); resets ${reset.iso}`
    )
    expect(JSON.parse(main.outputs.usage ?? '')).toMatchObject({ utilization: 0.85 })
    expect(world.gh.writes()).toEqual([])
    expect(world.gh.state.reviews).toHaveLength(0)
    // The probe only, with the cheapest model (not the job's model).
    expect(models()).toEqual(['claude-haiku-4-5'])
    // And small: its own one-line system prompt instead of the CLI's 28 KB default (measured:
    // about 2 KB against 31 KB), so a probe spends a few hundred tokens, not 7,500.
    const sent = JSON.stringify(world.api.messageRequests()[0]?.body).length
    expect(sent).toBeLessThan(4_000)
  })

  it('0.8 with the 5-hour window at 0.5: the review runs after the probe', async () => {
    arrangePr()
    world.api.setSuccessHeaders(allowedRateLimitHeaders(resetIn2h().sec, { fiveHour: 0.5 }))
    world.api.script([...scenarios.ok('ok'), ...scenarios.structured(FINDINGS)])
    const main = await review({ usage_ceiling: '0.8' })
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('success')
    expect(main.stdout).toContain(
      'Usage ceiling: 5-hour window at 50 % (usage_ceiling 80 %); the job runs.'
    )
    const m = models()
    expect(m[0]).toBe('claude-haiku-4-5')
    expect(m.slice(1)).toContain('claude-sonnet-4-5')
    expect(world.gh.writes().length).toBeGreaterThan(0)
    // The probe is spent from the same allowance: `tokens` counts it with the review's run.
    // (The mock reports 12 in and 8 out for each of the two runs.)
    expect(JSON.parse(main.outputs.tokens ?? '')).toEqual({
      input: 24,
      output: 16,
      cache_read: 0,
      cache_creation: 0
    })
  })

  it('0.8 with the 5-hour window at 0.3 and the weekly one at 0.9: skipped on the weekly window, with its reset', async () => {
    arrangePr()
    const reset = resetIn2h()
    world.api.setSuccessHeaders(
      allowedRateLimitHeaders(reset.sec, { fiveHour: 0.3, sevenDay: 0.9 })
    )
    world.api.script([...scenarios.ok('ok'), ...scenarios.structured(FINDINGS)])
    const main = await review({ usage_ceiling: '0.8' })
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('skipped')
    const weekly = new Date((reset.sec + 6 * 86400) * 1000).toISOString()
    expect(main.outputs.skip_reason).toBe(
      `weekly window at 90 % (usage_ceiling 80 %); resets ${weekly}`
    )
    expect(models()).toEqual(['claude-haiku-4-5'])
    expect(world.gh.writes()).toEqual([])
  })

  it('no ceiling: no probe request', async () => {
    arrangePr()
    world.api.setSuccessHeaders(allowedRateLimitHeaders(resetIn2h().sec, { fiveHour: 0.95 }))
    world.api.script(scenarios.structured(FINDINGS))
    const main = await review({})
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('success')
    expect(models()).not.toContain('claude-haiku-4-5')
  })

  it('a bad ceiling fails the step with one sentence', async () => {
    arrangePr()
    const main = await review({ usage_ceiling: '80' })
    expect(main.exitCode).not.toBe(0)
    expect(main.stdout).toContain('usage_ceiling "80" must be a fraction above 0 and at most 1')
    expect(world.api.messageRequests()).toHaveLength(0)
  })
})
