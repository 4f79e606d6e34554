/**
 * Fork pull requests end to end: under `pull_request` a fork's run gets no secrets, so the skip
 * says so and points to the pull_request_target recipe; under `pull_request_target` the skip says
 * to set review_forks; and the recipe itself (pull_request_target, review_forks, no checkout of
 * the PR head) reviews the fork's change from the API diff alone.
 */
import { describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import { scenarios } from '../../__fixtures__/mock-anthropic.js'
import { fakeSha, fileFromPatch } from '../../__fixtures__/mock-github.js'
import { DAY } from '../../__fixtures__/logins.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { CLAUDE } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const GH_TOKEN = 'ghs_FAKE_forks_test_token_123456'
const REPO = 'octo-org/octo-repo'
const FORK = 'mallory/octo-repo'
const HEAD = fakeSha('fork-head')
const BASE = fakeSha('fork-base')

const world = useWorld({ github: true })
world.secrets.push(GH_TOKEN)

function arrangeForkPr(): void {
  world.gh.state.pulls = [
    {
      number: 12,
      title: 'Speed up add',
      body: 'From a fork.',
      draft: false,
      user: { login: 'mallory', type: 'User' },
      head: { sha: HEAD, ref: 'fast', repo: { full_name: FORK } },
      base: { sha: BASE, ref: 'main', repo: { full_name: REPO } },
      files: [
        fileFromPatch(
          'src/calc.ts',
          [
            '@@ -1,3 +1,3 @@',
            ' export function add(a, b) {',
            '-  return a + b',
            '+  return a - b',
            ' }'
          ].join('\n')
        )
      ],
      commits: [{ sha: HEAD, parents: [BASE] }]
    }
  ]
}

async function run(
  event: 'pull_request' | 'pull_request_target',
  inputs: Record<string, string> = {}
) {
  const { secret } = world.login({ loginEndsInMs: 20 * DAY })
  return world.runner.main({
    inputs: {
      claude_path: CLAUDE,
      model: 'claude-haiku-4-5',
      claude_auth: secret,
      github_token: GH_TOKEN,
      ...inputs
    },
    env: world.env(),
    event: { name: event, payload: webhookPayload('pull_request', 'opened', 12) }
  })
}

describe('fork pull requests', () => {
  it('under pull_request: skipped, saying forks get no secrets there and pointing to the pull_request_target recipe', async () => {
    arrangeForkPr()
    const main = await run('pull_request')
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('skipped')
    expect(main.outputs.skip_reason).toBe(
      `pull request #12 comes from a fork (${FORK}); under pull_request a fork's run gets no secrets, so review forks with the pull_request_target recipe in docs/review.md#forks`
    )
    expect(main.outputs.skip_reason).not.toContain('set review_forks')
    expect(world.gh.writes()).toEqual([])
    expect(world.api.messageRequests()).toHaveLength(0)
  })

  it('under pull_request_target: skipped, saying to set review_forks', async () => {
    arrangeForkPr()
    const main = await run('pull_request_target')
    expect(main.exitCode).toBe(0)
    expect(main.outputs.skip_reason).toBe(
      `pull request #12 comes from a fork (${FORK}); set review_forks to review forks (see docs/review.md#forks)`
    )
    expect(world.gh.writes()).toEqual([])
  })

  it('the recipe: pull_request_target + review_forks with no checkout reviews the diff from the API', async () => {
    arrangeForkPr()
    // Nothing of the fork is on disk: the workspace is empty, as in the recipe.
    expect(await fs.readdir(world.runner.workspace)).toEqual([])
    world.api.script(
      scenarios.structured({
        summary: 'add now subtracts.',
        findings: [
          {
            path: 'src/calc.ts',
            line: 2,
            quote: 'return a - b',
            severity: 'major',
            title: 'add subtracts',
            body: 'It returns a - b.'
          }
        ]
      })
    )
    const main = await run('pull_request_target', { review_forks: 'true' })
    expect(main.errors).toEqual([])
    expect(main.outputs).toMatchObject({ conclusion: 'success', findings: '1' })
    expect(world.gh.state.reviews).toHaveLength(1)
    const prompt = JSON.stringify(world.api.messageRequests()[0]?.body.messages ?? '')
    expect(prompt).toContain('return a - b')
    await world.runner.post()
  })
})
