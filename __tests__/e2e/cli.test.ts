/**
 * The real Claude CLI (the pinned dev dependency) run by dist/index.js against a local mock of the
 * Anthropic API, behind a proxy that refuses every CONNECT: every classification reached, the
 * right conclusion, outputs and message, and nothing leaked.
 */
import { describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { scenarios, toolResults } from '../../__fixtures__/mock-anthropic.js'
import { DAY, fakeSetupTokenBundle, fakeToken } from '../../__fixtures__/logins.js'
import { CLAUDE, type StepOptions } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const world = useWorld()

function login(): { secret: string; access: string } {
  const { secret, access } = world.login()
  return { secret, access }
}

async function step(inputs: Record<string, string>, extra: StepOptions = {}) {
  return world.runner.main({
    inputs: { claude_path: CLAUDE, model: 'claude-haiku-4-5', ...inputs },
    env: { ...world.env(), ...extra.env },
    ...(extra.event ? { event: extra.event } : {})
  })
}

describe('mode: prompt', () => {
  it('success: outputs, summary, and the restored bearer token on the wire', async () => {
    const { secret, access } = login()
    world.api.script(scenarios.ok('All good here.'))
    const main = await step({ mode: 'prompt', claude_auth: secret, prompt: 'Say something.' })
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      conclusion: 'success',
      result: 'All good here.',
      turns: '1'
    })
    expect(main.outputs.session_id).toMatch(/[0-9a-f-]{36}/)
    expect(Number(main.outputs.cost_usd)).toBeGreaterThan(0)
    expect(Number(main.outputs.duration_ms)).toBeGreaterThan(0)
    const req = world.api.messageRequests()[0]
    expect(req?.headers.authorization).toBe(`Bearer ${access}`)
    expect(JSON.stringify(req?.body.messages)).toContain('Say something.')
    const summary = await fs.readFile(world.runner.files.summary, 'utf8')
    expect(summary).toContain('| Mode | prompt |')
    expect(summary).toMatch(
      /API-equivalent cost \| \$0\.\d{4}: what this run would have cost on pay-per-token pricing, covered by your subscription/
    )
    // Nothing from a CONNECT got through the world.proxy.
    const post = await world.runner.post()
    expect(post.exitCode).toBe(0)
  })

  it('a Bash tool call made by the model sees no INPUT_* variable and no runner token', async () => {
    const { secret } = login()
    world.api.script(scenarios.toolUseEnv())
    const main = await step(
      {
        mode: 'prompt',
        claude_auth: secret,
        prompt: 'Print the environment.',
        claude_args: '--allowedTools Bash'
      },
      {
        env: {
          ACTIONS_RUNTIME_TOKEN: 'runtime-token-FAKE-test-123456',
          ANTHROPIC_API_KEY: 'sk-ant-api03-FAKE-test-stray-key'
        }
      }
    )
    expect(main.exitCode).toBe(0)
    const results = world.api.messageRequests().flatMap(r => toolResults(r))
    const envDump = results.join('\n')
    expect(envDump).toContain('PATH=')
    expect(envDump).toContain('CLAUDE_CONFIG_DIR=')
    expect(envDump).not.toMatch(/INPUT_/)
    expect(envDump).not.toContain('ACTIONS_RUNTIME_TOKEN')
    expect(envDump).not.toContain('ANTHROPIC_API_KEY')
    expect(envDump).not.toContain(secret)
  })

  it('structured output from a --json-schema in claude_args', async () => {
    const { secret } = login()
    world.api.script(scenarios.structured({ answer: 42 }))
    const main = await step({
      mode: 'prompt',
      claude_auth: secret,
      prompt: 'Answer.',
      claude_args: `--json-schema '{"type":"object","properties":{"answer":{"type":"number"}},"required":["answer"]}'`
    })
    expect(main.exitCode).toBe(0)
    expect(JSON.parse(main.outputs.structured_output as string)).toEqual({ answer: 42 })
  })

  it('a setup-token goes to the CLI and onto the wire', async () => {
    const { secret, token } = fakeSetupTokenBundle(200 * DAY)
    world.secrets.push(secret, token)
    world.api.script(scenarios.ok())
    const main = await step({ mode: 'prompt', claude_auth: secret, prompt: 'hi' })
    expect(main.exitCode).toBe(0)
    expect(world.api.messageRequests()[0]?.headers.authorization).toBe(`Bearer ${token}`)
  })

  it('an empty prompt is a clear input error, before any call', async () => {
    const { secret } = login()
    const main = await step({ mode: 'prompt', claude_auth: secret, prompt: '   ' })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toBe('mode prompt needs a task: set the prompt input, or prompt_file.')
    expect(world.api.messageRequests()).toHaveLength(0)
  })
})

describe('classification of failures', () => {
  it('401 expired: an auth failure with the re-auth block, never a success', async () => {
    const { secret } = login()
    world.api.script(scenarios.expired401())
    const main = await step({ mode: 'prompt', claude_auth: secret, prompt: 'hi' })
    expect(main.exitCode).toBe(1)
    expect(main.outputs.conclusion).toBe('failure')
    expect(main.errors[0]).toMatch(/^The access token was refused as expired \(HTTP 401\)\./)
    expect(main.errors[0]).toContain('node capture.js --repo octo-org/octo-repo')
  })

  it('403 revoked: an auth failure', async () => {
    const { secret } = login()
    world.api.script(scenarios.revoked403())
    const main = await step({ mode: 'prompt', claude_auth: secret, prompt: 'hi' })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(/^The login was revoked \(HTTP 403\)/)
    expect(main.errors[0]).toContain('claude setup-token')
  })

  it('429 usage limit: fails with the reset time; with on_usage_limit: skip, a skipped conclusion', async () => {
    const { secret } = login()
    const resets = Math.floor(Date.now() / 1000) + 3600
    const iso = new Date(resets * 1000).toISOString()
    world.api.script(scenarios.usageLimit429(resets))
    const failed = await step({ mode: 'prompt', claude_auth: secret, prompt: 'hi' })
    expect(failed.exitCode).toBe(1)
    expect(failed.errors[0]).toContain(
      `The subscription's usage limit is reached. It resets at ${iso}.`
    )

    world.api.script(scenarios.usageLimit429(resets))
    const skipped = await step({
      mode: 'prompt',
      claude_auth: secret,
      prompt: 'hi',
      on_usage_limit: 'skip'
    })
    expect(skipped.exitCode).toBe(0)
    expect(skipped.outputs).toMatchObject({
      conclusion: 'skipped',
      skip_reason: `usage limit reached; resets at ${iso}`
    })
    expect(skipped.notices.join('\n')).toContain(iso)
  })

  it('529 overloaded: an API error', async () => {
    const { secret } = login()
    world.api.script(scenarios.overloaded529())
    const main = await step({ mode: 'prompt', claude_auth: secret, prompt: 'hi' })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(/^Claude Code ended with an error.*529/)
  })

  it('max turns: the run stops and says so', async () => {
    const { secret } = login()
    world.api.script(scenarios.toolUseEnv())
    const main = await step({
      mode: 'prompt',
      claude_auth: secret,
      prompt: 'hi',
      max_turns: '1',
      claude_args: '--allowedTools Bash'
    })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(/^Claude Code stopped at max_turns \(1\)/)
  })

  it('timeout: the whole process group is stopped at timeout_minutes', async () => {
    const { secret } = login()
    world.api.script(scenarios.slow(60_000))
    const started = Date.now()
    const main = await step({
      mode: 'prompt',
      claude_auth: secret,
      prompt: 'hi',
      timeout_minutes: '0.05'
    })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(/^Claude Code ran past timeout_minutes \(0\.05\)/)
    expect(Date.now() - started).toBeLessThan(30_000)
  })
})

describe('mode: health with the live call', () => {
  it('healthy: one tiny call with max-turns 1', async () => {
    const { secret } = login()
    world.api.script(scenarios.ok('ok'))
    const main = await step({ mode: 'health', claude_auth: secret, model: '' })
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('success')
    const req = world.api.messageRequests()[0]
    expect(req?.body.model).toMatch(/haiku/)
    const summary = await fs.readFile(world.runner.files.summary, 'utf8')
    expect(summary).toContain('| Live call | ok |')
    await world.runner.post()
    expect((await fs.readdir(world.runner.home)).includes('.claude')).toBe(false)
  })

  it('a login the API refuses fails the health check', async () => {
    const { secret } = login()
    world.api.script(scenarios.expired401())
    const main = await step({ mode: 'health', claude_auth: secret })
    expect(main.exitCode).toBe(1)
    expect(main.outputs.auth_status).toBe('expired')
    expect(main.errors[0]).toMatch(/^Live check failed: The access token was refused as expired/)
  })
})

describe('hermetic', () => {
  it('the only way out is the mock: every CONNECT is refused', async () => {
    const { secret } = login()
    world.api.script(scenarios.ok())
    world.proxy.attempts.length = 0
    await step({ mode: 'prompt', claude_auth: secret, prompt: 'hi' })
    for (const host of world.proxy.attempts)
      expect(host).toMatch(/anthropic\.com|claude\.com|claude\.ai/)
    expect(world.api.messageRequests().length).toBeGreaterThan(0)
  })

  it('an API key is sent as x-api-key and no stray key from the runner wins', async () => {
    const key = fakeToken('api')
    world.secrets.push(key)
    world.api.script(scenarios.ok())
    const main = await step({ mode: 'prompt', anthropic_api_key: key, prompt: 'hi' })
    expect(main.exitCode).toBe(0)
    expect(world.api.messageRequests()[0]?.headers['x-api-key']).toBe(key)
    await fs.access(path.join(world.runner.home, '.claude'))
  })
})
