/**
 * The newer limit and failure messages (issue 13, "Messages"), with the real CLI run by
 * dist/index.js against the mock Anthropic API: a dated reset, paid extra usage, an organization
 * that disabled subscription access (and its past-due wording for a max login), an unreachable API
 * and an unreachable GitHub. Each sentence names the problem and the fix; no token is written.
 */
import { describe, expect, it } from '@jest/globals'
import net from 'node:net'
import { errorBodies, rejectedRateLimitHeaders } from '../../__fixtures__/mock-anthropic.js'
import { DAY, fakeBundle } from '../../__fixtures__/logins.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { CLAUDE } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const GH_TOKEN = 'ghs_FAKE_test_token_messages_0987654321'
const world = useWorld({ github: true })
world.secrets.push(GH_TOKEN)

function login(subscriptionType = 'max'): string {
  const { secret, credentials } = fakeBundle({
    loginEndsInMs: 20 * DAY,
    extra: { subscriptionType }
  })
  const oauth = credentials.claudeAiOauth
  world.secrets.push(secret, oauth.accessToken, oauth.refreshToken as string)
  return secret
}

async function step(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return world.runner.main({
    inputs: {
      claude_path: CLAUDE,
      model: 'claude-haiku-4-5',
      prompt: 'hi',
      mode: 'prompt',
      ...inputs
    },
    env: { ...world.env(), ...env }
  })
}

/** A 127.0.0.1 port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

const error403 = (message: string) => ({
  type: 'error' as const,
  status: 403,
  body: { type: 'error', error: { type: 'permission_error', message } }
})
const NOT_ALLOWED = 'OAuth authentication is currently not allowed for this organization.'

describe('limit messages', () => {
  it('a reset more than a day away ("resets Dec 11, 4:13pm (UTC)") is given as ISO 8601', async () => {
    const secret = login()
    const resets = Math.floor(Date.now() / 1000) + 10 * 86400
    const iso = new Date(resets * 1000).toISOString()
    const limited = () => ({
      type: 'error' as const,
      status: 429,
      body: errorBodies.usageLimit429,
      headers: rejectedRateLimitHeaders(resets)
    })
    world.api.script([limited()])
    const failed = await step({ claude_auth: secret })
    expect(failed.exitCode).toBe(1)
    expect(failed.errors[0]).toContain(
      `The subscription's usage limit is reached. It resets at ${iso}.`
    )
    world.api.script([limited()])
    const skipped = await step({ claude_auth: secret, on_usage_limit: 'skip' })
    expect(skipped.outputs).toMatchObject({
      conclusion: 'skipped',
      skip_reason: `usage limit reached; resets at ${iso}`
    })
  })

  it('a 429 with no rate-limit header, only the text "resets Sep 12, 8pm (UTC)": the reset is read from the text', async () => {
    const secret = login()
    const now = Date.now()
    const year = new Date(now).getUTCFullYear()
    // Without a year the next such date (a date more than a day behind the clock is next year's).
    const at = (y: number) => Date.UTC(y, 8, 12, 20, 0)
    const iso = new Date(at(year) < now - 86_400_000 ? at(year + 1) : at(year)).toISOString()
    const textOnly = () => ({
      type: 'error' as const,
      status: 429,
      body: {
        type: 'error',
        error: {
          type: 'rate_limit_error',
          message: "You've hit your usage limit · resets Sep 12, 8pm (UTC)"
        }
      }
    })
    world.api.script([textOnly(), textOnly(), textOnly(), textOnly(), textOnly()])
    const skipped = await step({ claude_auth: secret, on_usage_limit: 'skip' })
    expect(skipped.outputs).toMatchObject({
      conclusion: 'skipped',
      skip_reason: `usage limit reached; resets at ${iso}`
    })
    // The CLI asked the API, and no header told it a figure: the reset came from the text alone.
    expect(world.api.messageRequests().length).toBeGreaterThan(0)
    expect(skipped.outputs.usage ?? '').toBe('')
  })

  it('"Extra usage is required for long context requests": a usage failure that never suggests paying', async () => {
    const secret = login()
    world.api.script([
      {
        type: 'error',
        status: 429,
        body: {
          type: 'error',
          error: {
            type: 'rate_limit_error',
            message: 'Extra usage is required for long context requests.'
          }
        }
      }
    ])
    const main = await step({ claude_auth: secret })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(
      /^The request needed paid extra usage \(a long-context request\), which the action never turns on: send less context \(a smaller diff_budget/
    )
    expect(main.errors[0]).not.toMatch(/turn on usage credits|usage limit is reached/)
  })

  it('"Your organization has disabled Claude subscription access": an auth failure with the re-auth block', async () => {
    const secret = login('team')
    world.api.script([error403(NOT_ALLOWED)])
    const main = await step({ claude_auth: secret })
    expect(main.exitCode).toBe(1)
    expect(main.outputs.conclusion).toBe('failure')
    expect(main.errors[0]).toMatch(
      /^The login's organization has disabled Claude subscription access \(HTTP 403\): an admin of that organization must allow Claude Code with subscriptions, or use a login of another account\./
    )
    expect(main.errors[0]).toContain('claude setup-token')
  })

  it('the same 403 for a max login reads as a past-due payment: an auth failure naming billing', async () => {
    const secret = login('max')
    world.api.script([error403(NOT_ALLOWED)])
    const main = await step({ claude_auth: secret })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(
      /^Claude Code cannot use the login's subscription, usually because a payment is past due \(HTTP 403\): pay or renew/
    )
    expect(main.errors[0]).toContain('claude setup-token')
  })
})

describe('unreachable services', () => {
  it('an API that refuses connections: "could not reach the API", never timeout advice', async () => {
    const secret = login()
    const port = await closedPort()
    const main = await step(
      { claude_auth: secret },
      { ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, CLAUDE_CODE_MAX_RETRIES: '2' }
    )
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toBe(
      "Claude Code could not reach the API: 2 retries, no HTTP status (ECONNREFUSED). Check the runner's network, proxy (HTTPS_PROXY) and ANTHROPIC_BASE_URL, then run it again."
    )
    expect(main.errors[0]).not.toMatch(/timeout_minutes/)
  })

  it('a GitHub API that refuses connections: "Could not reach <url>: ECONNREFUSED", not "GitHub answered 500"', async () => {
    const secret = login()
    const port = await closedPort()
    const main = await world.runner.main({
      inputs: {
        claude_path: CLAUDE,
        model: 'claude-haiku-4-5',
        claude_auth: secret,
        github_token: GH_TOKEN
      },
      env: { ...world.env(), GITHUB_API_URL: `http://127.0.0.1:${port}` },
      event: { name: 'pull_request', payload: webhookPayload('pull_request', 'opened', 12) }
    })
    expect(main.exitCode).toBe(1)
    expect(main.outputs.conclusion).toBe('failure')
    expect(main.errors[0]).toMatch(
      new RegExp(
        `^Could not reach http://127\\.0\\.0\\.1:${port}/repos/octo-org/octo-repo/\\S+: ECONNREFUSED \\(no HTTP status, GET\\): check the runner's network and proxy`
      )
    )
    expect(main.errors[0]).not.toMatch(/answered HTTP 500/)
    expect(world.api.messageRequests()).toHaveLength(0)
  })
})
