/**
 * One login, many repositories (issue 13 item 5): a consumer with `refresh: never` that finds the
 * access token inside its `min_validity` fails early (no model call, no refresh), and the failure
 * points at the scheduled rotator that should have kept the token fresh: the reusable workflow,
 * the docs page, and what to check. dist/index.js, the real CLI, the mock Anthropic API.
 */
import { describe, expect, it } from '@jest/globals'
import { DAY, HOUR } from '../../__fixtures__/logins.js'
import { CLAUDE } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const world = useWorld()

async function consumer(expiresInMs: number, inputs: Record<string, string> = {}) {
  const { secret } = world.login({ loginEndsInMs: 20 * DAY, expiresInMs })
  return world.runner.main({
    inputs: {
      mode: 'prompt',
      prompt: 'hi',
      claude_path: CLAUDE,
      model: 'claude-haiku-4-5',
      claude_auth: secret,
      refresh: 'never',
      min_validity: '3h',
      auth_secret_org: 'octo-org',
      ...inputs
    },
    env: world.env()
  })
}

/** The failure's first paragraph (the sentence) and the rest (the re-auth block). */
function failure(errors: string[]): { sentence: string; rest: string } {
  const text = errors.join('\n')
  const cut = text.indexOf('\n\n')
  return { sentence: text.slice(0, cut), rest: text.slice(cut + 2) }
}

describe('refresh: never inside min_validity', () => {
  it('fails early with one sentence that points at the rotator, then the re-auth block', async () => {
    const main = await consumer(2 * HOUR)
    expect(main.exitCode).not.toBe(0)
    expect(main.outputs.conclusion).toBe('failure')
    expect(main.outputs.auth_status).toBe('expired')
    const { sentence, rest } = failure(main.errors)
    expect(sentence).toMatch(/^The access token expires at \S+, in 1h 59m, less than min_validity/)
    expect(sentence).toContain('refresh is "never"')
    expect(sentence).toContain('scheduled rotator')
    expect(sentence).toContain('claude-rotate.yml')
    expect(sentence).toContain('docs/organisation.md')
    expect(sentence).toContain("its min_validity is longer than this job's (3h)")
    // One sentence: a single full stop, at the end.
    expect(sentence.match(/\.(\s|$)/g)).toHaveLength(1)
    expect(rest).toMatch(/^To fix it:\n1\. .*node capture.js --org octo-org/)
    // Early: no model call.
    expect(world.api.messageRequests()).toHaveLength(0)
  })

  it('an access token already expired gets the same pointer', async () => {
    const main = await consumer(-10 * 60_000, { min_validity: '30m' })
    expect(main.exitCode).not.toBe(0)
    const { sentence } = failure(main.errors)
    expect(sentence).toMatch(/^The access token expired at /)
    expect(sentence).toContain('claude-rotate.yml')
    expect(sentence).toContain("its min_validity is longer than this job's (30m)")
    expect(world.api.messageRequests()).toHaveLength(0)
  })

  it('a token that lasts min_validity runs as usual, with no pointer', async () => {
    const main = await consumer(6 * HOUR)
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('success')
    expect(main.stdout).not.toContain('claude-rotate.yml')
    expect(world.api.messageRequests().length).toBeGreaterThan(0)
  })
})
