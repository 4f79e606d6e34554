/** Who may command, and what a comment means: the gate and the verb parser over plain objects. */
import { describe, expect, it } from '@jest/globals'
import { FakeGitHub, FAKE_SELF } from '../../../__fixtures__/github-fake.js'
import { gate, permits } from '../../../src/jobs/command/gate.js'
import {
  authorSkip,
  commandText,
  parseVerb,
  readCommentEvent
} from '../../../src/jobs/command/parse.js'

const INPUTS = { trigger_phrase: '@claude', command_permission: 'write' as const }

function issueComment(body: string, over: Record<string, unknown> = {}) {
  return {
    name: 'issue_comment',
    payload: {
      action: 'created',
      issue: { number: 7, pull_request: { url: 'u' } },
      comment: { id: 11, body, user: { login: 'maintainer', type: 'User' } },
      ...over
    }
  }
}

function fake(permissions: Record<string, string> = { maintainer: 'write' }): FakeGitHub {
  const gh = new FakeGitHub()
  gh.permissions = permissions
  return gh
}

describe('commandText', () => {
  it('takes a body that starts with the phrase, after leading blanks, in any case', () => {
    expect(commandText('@claude review', '@claude')).toBe('review')
    expect(commandText('  \n@Claude  full review ', '@claude')).toBe('full review')
    expect(commandText('@claude', '@claude')).toBe('')
    expect(commandText('@claude: why?', '@claude')).toBe('why?')
  })
  it('refuses a body that mentions the phrase later, or a longer word', () => {
    expect(commandText('thanks @claude review', '@claude')).toBeUndefined()
    expect(commandText('@claudebot review', '@claude')).toBeUndefined()
    expect(commandText('> @claude review', '@claude')).toBeUndefined()
  })
})

describe('parseVerb', () => {
  it('reads the verbs of a pull request, in any case, with trailing punctuation', () => {
    expect(parseVerb('review', true)).toBe('review')
    expect(parseVerb('Full  Review!', true)).toBe('full review')
    expect(parseVerb('pause.', true)).toBe('pause')
    expect(parseVerb('resume', true)).toBe('resume')
    expect(parseVerb('resolve', true)).toBe('resolve')
    expect(parseVerb('', true)).toBe('help')
  })
  it('an issue knows triage; a verb of the other place, unknown words and longer text are questions', () => {
    expect(parseVerb('triage', false)).toBe('triage')
    expect(parseVerb('review', false)).toBe('question')
    expect(parseVerb('triage', true)).toBe('question')
    expect(parseVerb('review please, and look at the tests', true)).toBe('question')
    expect(parseVerb('deploy', true)).toBe('question')
    expect(parseVerb('review\nfocus on security', true)).toBe('question')
  })
})

describe('readCommentEvent', () => {
  it('only a created comment of the two comment events', () => {
    expect(readCommentEvent('push', {})).toEqual({ skip: expect.stringContaining('"push"') })
    const edited = issueComment('@claude review', { action: 'edited' }).payload
    expect(readCommentEvent('issue_comment', edited)).toEqual({
      skip: 'the comment was edited: only a new comment is a command'
    })
  })
  it('a review comment: its thread root, hunk, path and line, and whether it is a fork', () => {
    const read = readCommentEvent('pull_request_review_comment', {
      action: 'created',
      pull_request: {
        number: 4,
        head: { repo: { full_name: 'fork/repo' } },
        base: { repo: { full_name: 'o/repo' } }
      },
      comment: {
        id: 9,
        in_reply_to_id: 5,
        body: '@claude why?',
        diff_hunk: '@@ -1 +1 @@',
        path: 'a.ts',
        line: 3,
        user: { login: 'm', type: 'User' }
      }
    })
    expect(read).toEqual({
      comment: expect.objectContaining({
        kind: 'review',
        number: 4,
        threadRootId: 5,
        diffHunk: '@@ -1 +1 @@',
        path: 'a.ts',
        line: 3,
        fromFork: true
      })
    })
  })
})

describe('authorSkip', () => {
  it('never a bot, by type or by name, nor the action itself', () => {
    expect(authorSkip({ login: 'renovate[bot]', type: 'User' }, FAKE_SELF)).toMatch(/bot/)
    expect(authorSkip({ login: 'some-app', type: 'Bot' }, FAKE_SELF)).toMatch(/bot/)
    expect(authorSkip({ login: 'Claude-Action', type: 'User' }, 'claude-action')).toMatch(/own/)
    expect(authorSkip({ login: 'maintainer', type: 'User' }, FAKE_SELF)).toBeUndefined()
  })
})

describe('permits', () => {
  it('orders read < triage < write < maintain < admin; none and unknown roles never pass', () => {
    expect(permits('write', 'write')).toBe(true)
    expect(permits('admin', 'write')).toBe(true)
    expect(permits('maintain', 'write')).toBe(true)
    expect(permits('triage', 'write')).toBe(false)
    expect(permits('read', 'triage')).toBe(false)
    expect(permits('none', 'read')).toBe(false)
    expect(permits('superuser', 'read')).toBe(false)
  })
})

describe('gate', () => {
  it('takes a command from a writer, with the text after the phrase', async () => {
    const taken = await gate(INPUTS, issueComment('@claude review'), fake().api)
    expect(taken).toEqual({
      comment: expect.objectContaining({ id: 11, number: 7, onPullRequest: true }),
      text: 'review'
    })
  })
  it('reads the permission from the API, not author_association', async () => {
    const event = issueComment('@claude review')
    ;(event.payload.comment as Record<string, unknown>).author_association = 'OWNER'
    expect(await gate(INPUTS, event, fake({ maintainer: 'read' }).api)).toEqual({
      skip: 'maintainer has read permission; command_permission needs write'
    })
    expect(
      await gate({ ...INPUTS, command_permission: 'read' }, event, fake({ maintainer: 'read' }).api)
    ).toHaveProperty('text', 'review')
  })
  it('skips without asking for the permission when the body is no command or the author a bot', async () => {
    const gh = fake()
    let asked = 0
    const api = {
      ...gh.api,
      getPermission: async (u: string) => (asked++, gh.api.getPermission(u))
    }
    expect(await gate(INPUTS, issueComment('looks good'), api)).toEqual({
      skip: 'the comment does not start with @claude'
    })
    const bot = issueComment('@claude review')
    ;(bot.payload.comment as Record<string, unknown>).user = { login: FAKE_SELF, type: 'Bot' }
    expect(await gate(INPUTS, bot, api)).toEqual({ skip: expect.stringContaining('own') })
    expect(asked).toBe(0)
    expect(gh.writes).toEqual([])
  })
})
