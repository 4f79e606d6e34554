/**
 * Commands end to end, the verbs: `review` (drafts too), `full review`, `pause` then a push not
 * reviewed, `resume` then a push reviewed, `resolve` (the action's own outdated threads only) and
 * `triage` on an issue triaged before. dist/index.js with the real CLI, the mock model and the mock
 * GitHub, on real webhook payloads.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { scenarios } from '../../__fixtures__/mock-anthropic.js'
import { BOT, fakeSha, fileFromPatch } from '../../__fixtures__/mock-github.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import {
  arrange,
  botComments,
  CALC,
  GH_TOKEN,
  HEAD1,
  HEAD2,
  ISSUE,
  issueCommentEvent,
  PR,
  REPO,
  REVIEW_MARKER,
  step,
  threadRoot
} from './commands-world.js'
import { useWorld } from './world.js'

const world = useWorld({ github: true })
world.secrets.push(GH_TOKEN)
beforeEach(() => arrange(world))

const SUBTRACTS = {
  path: 'src/calc.ts',
  line: 2,
  quote: 'return a - b',
  severity: 'major',
  title: 'add subtracts',
  body: '`add` now returns a - b.'
}
const reviewAnswer = (findings: unknown[] = [SUBTRACTS]) =>
  scenarios.structured({ summary: 'Reviewed.', findings })
const summary = () => botComments(world, PR).find(c => c.body.includes(REVIEW_MARKER))
const PAUSED = '<!-- csa-review-paused -->'
const inline = () =>
  world.gh.state.reviewComments.filter(c => c.user.login === BOT.login).map(c => c.body)

/** A push from `from` to `to` (adding src/b.ts) and its `pull_request.synchronize` event. */
async function push(from = HEAD1, to = HEAD2) {
  const pull = world.gh.state.pulls[0]!
  pull.head = { sha: to, ref: 'fix', repo: { full_name: REPO } }
  pull.files = [fileFromPatch('src/calc.ts', CALC), fileFromPatch('src/b.ts', '@@ -0,0 +1 @@\n+x')]
  world.gh.state.compares[`${from}...${to}`] = {
    status: 'ahead',
    ahead_by: 1,
    merge_base_commit: { sha: from },
    files: [fileFromPatch('src/b.ts', '@@ -0,0 +1 @@\n+x')]
  }
  const event = { name: 'pull_request', payload: webhookPayload('pull_request', 'synchronize', PR) }
  world.api.requests.length = 0
  return step(world, event, { turns: reviewAnswer([]) })
}

describe('review and full review', () => {
  it('review on a merged pull request and full review on a closed one: "Not done", no model call', async () => {
    const pull = world.gh.state.pulls[0]!
    pull.state = 'closed'
    pull.merged = true
    world.api.requests.length = 0
    const merged = await step(world, issueCommentEvent(world, '@claude review'))
    expect(merged.outputs.conclusion).toBe('skipped')
    expect(botComments(world, PR).at(-1)?.body).toMatch(/^Not done: #12 is merged\./)
    pull.merged = false
    const closed = await step(world, issueCommentEvent(world, '@claude full review'))
    expect(closed.outputs.conclusion).toBe('skipped')
    expect(botComments(world, PR).at(-1)?.body).toMatch(/^Not done: #12 is closed\./)
    expect(world.api.messageRequests()).toHaveLength(0)
    expect(world.gh.state.reviews).toHaveLength(0)
  })

  it('review: a draft is reviewed now; the same head again is not, with a reply; full review is', async () => {
    world.gh.state.pulls[0]!.draft = true
    const first = await step(world, issueCommentEvent(world, '@claude review'), {
      turns: reviewAnswer()
    })
    expect(first.outputs.conclusion).toBe('success')
    expect(world.gh.state.reviews).toHaveLength(1)
    expect(inline()).toEqual([expect.stringContaining('add subtracts')])
    expect(summary()?.body).toContain('1 major finding')

    world.api.requests.length = 0
    const again = await step(world, issueCommentEvent(world, '@claude review'))
    expect(again.outputs.conclusion).toBe('skipped')
    expect(world.api.messageRequests()).toHaveLength(0)
    expect(botComments(world, PR).at(-1)?.body).toMatch(
      /^Not done: head [0-9a-f]{7} of #12 was already reviewed\./
    )

    const full = await step(world, issueCommentEvent(world, '@claude Full Review'), {
      turns: reviewAnswer([{ ...SUBTRACTS, title: 'still subtracts', line: 2 }])
    })
    expect(full.outputs.conclusion).toBe('success')
    expect(world.api.messageRequests().length).toBeGreaterThan(0)
    expect(full.outputs.findings).toBe('1')
    expect(inline()).toEqual([
      expect.stringContaining('add subtracts'),
      expect.stringContaining('still subtracts')
    ])
  })
})

describe('pause and resume', () => {
  it('pause: a push is not reviewed (and says how to resume); review still works; resume: the next push is', async () => {
    await step(world, issueCommentEvent(world, '@claude review'), { turns: reviewAnswer() })
    const paused = await step(world, issueCommentEvent(world, '@claude pause'))
    expect(paused.outputs.conclusion).toBe('success')
    expect(summary()?.body).toContain('Automatic reviews of this pull request are paused')
    expect(summary()?.body.trimEnd().endsWith(PAUSED)).toBe(true)

    const writesBefore = world.gh.writes().length
    const skipped = await push()
    expect(skipped.outputs.conclusion).toBe('skipped')
    expect(skipped.outputs.skip_reason).toBe(
      'automatic reviews of #12 are paused: comment "@claude resume" on it to resume them'
    )
    expect(world.api.messageRequests()).toHaveLength(0)
    expect(world.gh.writes()).toHaveLength(writesBefore)

    // An explicit review while paused: reviewed, and the summary still says paused.
    await step(world, issueCommentEvent(world, '@claude review'), { turns: reviewAnswer([]) })
    expect(summary()?.body).toContain('Reviewed changes since')
    expect(summary()?.body.trimEnd().endsWith(PAUSED)).toBe(true)

    const resumed = await step(world, issueCommentEvent(world, '@claude resume'))
    expect(resumed.outputs.conclusion).toBe('success')
    expect(summary()?.body).not.toContain('are paused')
    expect(summary()?.body).not.toContain(PAUSED)
    expect(botComments(world, PR).at(-1)?.body).toMatch(/^▶️ Resumed automatic reviews/)

    const reviewed = await push(HEAD2, fakeSha('commands-head-3'))
    expect(reviewed.outputs.conclusion).toBe('success')
    expect(world.api.messageRequests().length).toBeGreaterThan(0)
    expect(summary()?.body).toContain('Reviewed 3e5e375')
  })

  it('pause on a pull request never reviewed: the summary comment is created paused', async () => {
    await step(world, issueCommentEvent(world, '@claude pause'))
    expect(summary()?.body).toContain('are paused')
    const skipped = await push()
    expect(skipped.outputs.conclusion).toBe('skipped')
    expect(skipped.outputs.skip_reason).toMatch(/paused/)
  })
})

describe('resolve', () => {
  it("resolves the action's own outdated threads now, never someone else's", async () => {
    const own = threadRoot(world, 'add subtracts.\n\n<!-- csa-fp:0123456789abcdef -->')
    const other = threadRoot(world, 'Nit: naming.', { login: 'alice', type: 'User' })
    const fresh = threadRoot(world, 'still true.\n\n<!-- csa-fp:fedcba9876543210 -->')
    for (const c of world.gh.state.reviewComments) c.outdated = c.id !== fresh
    const main = await step(world, issueCommentEvent(world, '@claude resolve'))
    expect(main.outputs.conclusion).toBe('success')
    const byId = (id: number) => world.gh.state.reviewComments.find(c => c.id === id)!
    expect(byId(own).resolved).toBe(true)
    expect(byId(other).resolved).toBeFalsy()
    expect(byId(fresh).resolved).toBeFalsy()
    const replies = world.gh.state.reviewComments.filter(c => c.in_reply_to_id === own)
    expect(replies.map(r => r.body)).toEqual([
      expect.stringMatching(/^Resolved at [0-9a-f]{7} on request of @maintainer/)
    ])
    expect(botComments(world, PR).at(-1)?.body).toMatch(/^✅ Resolved 1 outdated review thread/)
    expect(world.api.messageRequests()).toHaveLength(0)
  })
})

describe('help', () => {
  it('the phrase alone lists the commands of the place it was written, without the model', async () => {
    const main = await step(world, issueCommentEvent(world, '@claude'))
    expect(main.outputs.conclusion).toBe('success')
    expect(world.api.messageRequests()).toHaveLength(0)
    const body = botComments(world, PR).at(-1)?.body ?? ''
    for (const verb of ['review', 'full review', 'pause', 'resume', 'resolve']) {
      expect(body).toContain(`\`@claude ${verb}\``)
    }
    expect(body).not.toContain('@claude triage')
  })
})

describe('triage', () => {
  it('triage on an issue triaged before: labelled now, with a one-line reply', async () => {
    world.gh.state.labels = [
      { name: 'bug', color: 'ededed', description: "Something isn't working" },
      { name: 'question', color: 'ededed', description: null }
    ]
    world.gh.state.issues.find(i => i.number === ISSUE)!.labels = ['question']
    const main = await step(world, issueCommentEvent(world, '@claude triage', { number: ISSUE }), {
      turns: scenarios.structured({ labels: [{ name: 'bug', confidence: 0.9, reason: 'crash' }] })
    })
    expect(main.outputs.conclusion).toBe('success')
    expect(world.gh.state.issues.find(i => i.number === ISSUE)!.labels).toEqual(['question', 'bug'])
    expect(main.outputs.labels).toBe('["bug"]')
    expect(botComments(world, ISSUE).map(c => c.body.split('\n')[0])).toEqual([
      '🏷️ Triaged: added `bug`.'
    ])
  })
})
