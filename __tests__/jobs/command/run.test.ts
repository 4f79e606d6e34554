/**
 * A command's ends over the in-memory GitHub: a failure takes the 👀 back and replies with one
 * sentence (never a stack, never an unexpected error's text), and a skip at the gate writes
 * nothing at all.
 */
import { describe, expect, it } from '@jest/globals'
import { FakeGitHub } from '../../../__fixtures__/github-fake.js'
import { runCommand } from '../../../src/jobs/command/run.js'
import type { PreContext } from '../../../src/jobs/context.js'
import { Outputs } from '../../../src/report/outputs.js'
import { Summary } from '../../../src/report/summary.js'

function setup(body: string, permission = 'write') {
  const gh = new FakeGitHub()
  gh.permissions = { maintainer: permission }
  gh.issues.push({
    number: 3,
    title: 'Crash',
    body: 'It crashes.',
    state: 'open',
    labels: [],
    isPullRequest: false,
    url: '',
    updatedAt: ''
  })
  const pre = {
    inputs: { trigger_phrase: '@claude', command_permission: 'write', prompt: '' },
    event: {
      name: 'issue_comment',
      owner: 'o',
      repo: 'r',
      payload: {
        action: 'created',
        issue: { number: 3 },
        comment: { id: 42, body, user: { login: 'maintainer', type: 'User' } }
      }
    },
    github: gh.api,
    dryRunWrites: [],
    summary: new Summary(),
    outputs: new Outputs(),
    now: Date.now
  } as unknown as PreContext
  return { gh, pre }
}

const methods = (gh: FakeGitHub) => gh.writes.map(w => w.method)

describe('runCommand', () => {
  it('a thrown bug: the 👀 taken back, a reply that points to the log, the error thrown on', async () => {
    const { gh, pre } = setup('@claude why?')
    const bug = new TypeError(
      "Cannot read properties of undefined (reading 'x')\n    at f (a.js:1)"
    )
    await expect(runCommand(pre, async () => Promise.reject(bug))).rejects.toBe(bug)
    expect(methods(gh)).toEqual(['addReaction', 'deleteReaction', 'createIssueComment'])
    const body = gh.comments.at(-1)?.body ?? ''
    expect(body.split('\n')[0]).toBe(
      '⚠️ Could not answer: an unexpected error; the workflow log has the details'
    )
    expect(body).not.toContain('Cannot read')
  })

  it('a failed result: its first line only, and the conclusion stays failure', async () => {
    const { gh, pre } = setup('@claude why?')
    const result = await runCommand(pre, async () => ({
      conclusion: 'failure',
      message: 'Claude Code ran past timeout_minutes (20).\n\nMore details.'
    }))
    expect(result.conclusion).toBe('failure')
    expect(gh.comments.at(-1)?.body.split('\n')[0]).toBe(
      '⚠️ Could not answer: Claude Code ran past timeout_minutes (20).'
    )
  })

  it('a skip at the gate: no reaction, no reply, no model', async () => {
    const { gh, pre } = setup('@claude why?', 'triage')
    let asked = false
    const result = await runCommand(pre, async () => {
      asked = true
      return { conclusion: 'success' }
    })
    expect(result).toEqual({
      conclusion: 'skipped',
      reason: 'maintainer has triage permission; command_permission needs write'
    })
    expect(asked).toBe(false)
    expect(gh.writes).toEqual([])
  })
})
