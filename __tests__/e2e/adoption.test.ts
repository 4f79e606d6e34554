/**
 * What a new user sees in the log and the job summary (issue 15, items 6 and 7), through
 * dist/index.js and the real CLI: a healthy check says so in one line, a prompt's answer is in the
 * summary and the log, a login that only needs a refresh points at secrets_token with the
 * min_validity it failed, and no time is ever shown as negative.
 */
import { describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import { scenarios } from '../../__fixtures__/mock-anthropic.js'
import { DAY, HOUR } from '../../__fixtures__/logins.js'
import { CLAUDE } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const world = useWorld()
const MIN = 60_000

async function step(inputs: Record<string, string>) {
  return world.runner.main({
    inputs: { claude_path: CLAUDE, model: 'claude-haiku-4-5', ...inputs },
    env: world.env()
  })
}

/** The log as a person reads it: the lines that are not workflow commands. */
function logLines(stdout: string): string[] {
  return stdout.split('\n').filter(l => l !== '' && !l.startsWith('::'))
}

describe('quiet successes', () => {
  it('a healthy health check writes one line saying so, with the expiry and the login end', async () => {
    const { secret } = world.login({ loginEndsInMs: 20 * DAY })
    const main = await step({ mode: 'health', claude_auth: secret, live_check: 'false' })
    expect(main.exitCode).toBe(0)
    const lines = logLines(main.stdout).filter(l => /^Login valid/.test(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^Login valid; access token expires in 7h 5\dm; the login ends in 19d 23h \(\d{4}-\d\d-\d\dT[\d:.]+Z\)\.$/
    )
  })

  it('prompt: the answer is in the step summary, whole, and in the log', async () => {
    const answer = 'Three TODOs:\n\n- `src/a.ts`: retry\n- docs | table\n- the end.'
    const { secret } = world.login()
    world.api.script(scenarios.ok(answer))
    const main = await step({ mode: 'prompt', claude_auth: secret, prompt: 'List the TODOs.' })
    expect(main.exitCode).toBe(0)
    expect(main.outputs.result).toBe(answer)
    const summary = await fs.readFile(world.runner.files.summary, 'utf8')
    expect(summary).toContain(`### Answer\n\n${answer}\n`)
    const log = main.stdout.split('\n').filter(l => !l.startsWith('::'))
    expect(log.join('\n')).toContain(`Answer:\n${answer}\n`)
    await world.runner.post()
  })

  it('prompt: an answer holding workflow commands is logged readable and inert, and whole in the summary', async () => {
    const answer = [
      'Done.',
      '::error::pwned',
      '::save-state name=isPost::false',
      '::save-state name=pwned::yes',
      '  ::add-mask::x',
      'legacy ##[warning]pwned too',
      '::stop-commands::mine',
      '::error::pwned after a stop the model chose',
      'The end.'
    ].join('\n')
    const { secret } = world.login()
    world.api.script(scenarios.ok(answer))
    const main = await step({ mode: 'prompt', claude_auth: secret, prompt: 'Say it.' })
    expect(main.exitCode).toBe(0)
    expect(main.errors).toEqual([])
    expect(main.warnings).toEqual([])
    expect(main.masked).not.toContain('x')
    expect(main.commands.filter(c => c.name === 'save-state')).toEqual([])
    expect(main.commands.filter(c => /pwned/.test(c.data))).toEqual([])
    // Readable: every line of the answer is in the log as it was written.
    const log = main.stdout.split('\n')
    for (const line of answer.split('\n')) expect(log).toContain(line)
    const summary = await fs.readFile(world.runner.files.summary, 'utf8')
    expect(summary).toContain(answer)
    const post = await world.runner.post()
    expect(post.exitCode).toBe(0)
    expect(post.commands.filter(c => c.name === 'error')).toEqual([])
  })
})

describe('messages that point the right way', () => {
  it('a login only a refresh can save, without secrets_token: secrets_token is the fix, with the min_validity it failed', async () => {
    const { secret } = world.login({ expiresInMs: 12 * MIN, loginEndsInMs: 20 * DAY })
    const main = await step({ mode: 'setup', claude_auth: secret })
    expect(main.exitCode).toBe(1)
    const [sentence, block] = (main.errors[0] as string).split('\n\n')
    expect(sentence).toMatch(
      /^The access token expires at \S+, in 1[01]m, less than min_validity 30m\./
    )
    expect(sentence).toMatch(
      /The fix: set the secrets_token input to a token that may write Actions secrets \(README, step 2b\): the action then refreshes the login before its run and stores the new one\./
    )
    // Capturing again stays the alternative, never the first thing said.
    expect(block?.split('\n')[0]).toBe('Or capture a new login instead:')
    // The first step is the download route (one file, Node alone); the clone comes after it.
    const steps = (block as string).split('\n').slice(1)
    expect(steps[0]).toContain(
      '`curl -fsSLO https://raw.githubusercontent.com/claude-subscription-action/claude-subscription-action/v1/dist/capture.js && node capture.js --repo octo-org/octo-repo`'
    )
    expect(steps[0]).not.toMatch(/in a clone|npm ci/)
    expect(steps.findIndex(l => /in a clone .* after `npm ci`/.test(l))).toBeGreaterThan(0)
    await world.runner.post()
  })

  it('a login that is gone: the re-auth steps lead with downloading capture.js', async () => {
    const { secret } = world.login({ expiresInMs: -HOUR, loginEndsInMs: -DAY })
    const main = await step({ mode: 'setup', claude_auth: secret })
    expect(main.exitCode).toBe(1)
    const block = (main.errors[0] as string).split('\n\n')[1] as string
    expect(block.split('\n')[0]).toBe('To fix it:')
    expect(block.split('\n')[1]).toMatch(
      /^1\. On your machine .*no clone needed.*`curl -fsSLO \S+\/v1\/dist\/capture\.js && node capture\.js --repo octo-org\/octo-repo`\.$/
    )
    expect(block).not.toMatch(/npm run capture/)
  })

  it('health: an expired access token shows "expired … ago", never a negative time left', async () => {
    const { secret } = world.login({ expiresInMs: -(HOUR + 2 * MIN), loginEndsInMs: 20 * DAY })
    const main = await step({ mode: 'health', claude_auth: secret, live_check: 'false' })
    expect(main.exitCode).toBe(1)
    const summary = await fs.readFile(world.runner.files.summary, 'utf8')
    expect(summary).toMatch(/\| Time left \| expired 1h [23]m ago \|/)
    expect(summary).not.toMatch(/-\d+h/)
    expect(main.errors[0]).toMatch(/secrets_token/)
  })
})
