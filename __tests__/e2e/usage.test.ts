/**
 * Usage reporting end to end: dist/index.js runs the real CLI against the mock Anthropic API sending
 * the `anthropic-ratelimit-unified-*` headers; the `usage` and `tokens` outputs and the summary row
 * come from what the CLI made of them.
 */
import { describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import { allowedRateLimitHeaders, scenarios } from '../../__fixtures__/mock-anthropic.js'
import { DAY } from '../../__fixtures__/logins.js'
import { CLAUDE } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const world = useWorld()

function login(): string {
  const { secret } = world.login({ loginEndsInMs: 20 * DAY })
  return secret
}

/** A reset two hours away on a whole minute, and how the summary words it. */
function resetIn2h(): { sec: number; words: string; iso: string } {
  const sec = Math.floor(Date.now() / 60_000) * 60 + 2 * 3600
  const d = new Date(sec * 1000)
  const hhmm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  return { sec, words: `${hhmm} UTC`, iso: d.toISOString() }
}

async function step(inputs: Record<string, string>) {
  return world.runner.main({
    inputs: { claude_path: CLAUDE, model: 'claude-haiku-4-5', ...inputs },
    env: world.env()
  })
}

const summary = (): Promise<string> => fs.readFile(world.runner.files.summary, 'utf8')

describe('usage and tokens', () => {
  it('prompt at allowed (5-hour window 0.73): outputs usage and tokens, the summary row in words', async () => {
    const reset = resetIn2h()
    world.api.setSuccessHeaders(allowedRateLimitHeaders(reset.sec, { fiveHour: 0.73 }))
    world.api.script(scenarios.ok('Done.'))
    const main = await step({ mode: 'prompt', claude_auth: login(), prompt: 'Say done.' })
    expect(main.exitCode).toBe(0)
    expect(JSON.parse(main.outputs.usage ?? '')).toEqual({
      status: 'allowed',
      type: 'five_hour',
      utilization: 0.73,
      resets_at: reset.iso,
      overage: false
    })
    const tokens = JSON.parse(main.outputs.tokens ?? '')
    expect(tokens).toEqual({
      input: expect.any(Number),
      output: expect.any(Number),
      cache_read: expect.any(Number),
      cache_creation: expect.any(Number)
    })
    expect(tokens.input + tokens.output).toBeGreaterThan(0)
    expect(await summary()).toContain(
      `| Subscription usage | 5-hour window: 73 % used, resets ${reset.words} |`
    )
    expect(await summary()).toMatch(
      /\| Tokens \| \d+ in, \d+ out, \d+ cache read, \d+ cache write \|/
    )
  })

  it('prompt at allowed_warning (0.85): the warning status and the top-level utilization', async () => {
    const reset = resetIn2h()
    world.api.setSuccessHeaders(
      allowedRateLimitHeaders(reset.sec, { fiveHour: 0.85, status: 'allowed_warning' })
    )
    world.api.script(scenarios.ok('Done.'))
    const main = await step({ mode: 'prompt', claude_auth: login(), prompt: 'Say done.' })
    expect(main.exitCode).toBe(0)
    expect(JSON.parse(main.outputs.usage ?? '')).toMatchObject({
      status: 'allowed_warning',
      type: 'five_hour',
      utilization: 0.85
    })
    expect(await summary()).toContain(
      `| Subscription usage | 5-hour window: 85 % used, nearing its limit, resets ${reset.words} |`
    )
  })

  it('weekly window as the representative claim: "weekly window" in the row (the CLI warns early)', async () => {
    const reset = resetIn2h()
    world.api.setSuccessHeaders(
      allowedRateLimitHeaders(reset.sec, { sevenDay: 0.4, claim: 'seven_day' })
    )
    world.api.script(scenarios.ok('Done.'))
    const main = await step({ mode: 'prompt', claude_auth: login(), prompt: 'Say done.' })
    expect(main.exitCode).toBe(0)
    expect(JSON.parse(main.outputs.usage ?? '')).toMatchObject({
      type: 'seven_day',
      utilization: 0.4
    })
    expect(await summary()).toMatch(
      /\| Subscription usage \| Weekly window: 40 % used, nearing its limit, resets \w{3} \d+, \d\d:\d\d UTC \|/
    )
  })

  it('no rate-limit headers: usage is empty, tokens are still reported', async () => {
    world.api.setSuccessHeaders({})
    world.api.script(scenarios.ok('Done.'))
    const main = await step({ mode: 'prompt', claude_auth: login(), prompt: 'Say done.' })
    expect(main.exitCode).toBe(0)
    expect(main.outputs.usage).toBe('')
    expect(main.outputs.tokens).not.toBe('')
    expect(await summary()).toContain('| Subscription usage | not reported |')
  })

  it("health's live check reports the usage in its table and the outputs", async () => {
    const reset = resetIn2h()
    world.api.setSuccessHeaders(allowedRateLimitHeaders(reset.sec, { fiveHour: 0.73 }))
    world.api.script(scenarios.ok('ok'))
    const main = await step({
      mode: 'health',
      claude_auth: login(),
      live_check: 'true',
      health_issue: 'false'
    })
    expect(main.exitCode).toBe(0)
    expect(JSON.parse(main.outputs.usage ?? '')).toMatchObject({
      status: 'allowed',
      utilization: 0.73,
      resets_at: reset.iso
    })
    expect(JSON.parse(main.outputs.tokens ?? '')).toMatchObject({ input: expect.any(Number) })
    const text = await summary()
    expect(text).toContain('| Live call | ok |')
    expect(text).toContain(
      `| Subscription usage | 5-hour window: 73 % used, resets ${reset.words} |`
    )
  })
})
