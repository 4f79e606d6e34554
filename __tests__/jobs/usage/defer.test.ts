/**
 * deferItem and deferOnUsageStop over the in-memory GitHub: the notice before the label, one notice
 * updated in place, the label created when missing, and only a usage stop under `defer` defers.
 */
import { describe, expect, it } from '@jest/globals'
import { FakeGitHub } from '../../../__fixtures__/github-fake.js'
import { getInputs } from '../../../src/inputs.js'
import { deferItem, deferOnUsageStop } from '../../../src/jobs/usage/defer.js'
import { queueOf } from '../../../src/jobs/usage/queue.js'

const NOW = Date.UTC(2026, 11, 1, 16, 0, 0)
const RESET = Date.UTC(2026, 11, 1, 18, 0, 0)

const methods = (gh: FakeGitHub): string[] => gh.writes.map(w => w.method)

describe('deferItem', () => {
  it('writes the notice, creates the label when missing, then adds it; a second deferral updates the notice', async () => {
    const gh = new FakeGitHub()
    gh.addIssue(12, { isPullRequest: true })
    const ctx = { github: gh.api, now: () => NOW }
    expect(await deferItem(ctx, { kind: 'pull', number: 12 }, RESET)).toBe(RESET)
    expect(methods(gh)).toEqual(['createIssueComment', 'createLabel', 'addLabels'])
    expect(gh.writes[1]?.args[0]).toMatchObject({
      name: 'claude-deferred',
      description: expect.any(String)
    })
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0]?.body).toContain('2026-12-01T18:00:00.000Z')

    gh.labels.push({ name: 'claude-deferred' })
    gh.writes = []
    await deferItem(ctx, { kind: 'pull', number: 12 }, RESET + 3_600_000)
    expect(methods(gh)).toEqual(['updateIssueComment', 'addLabels'])
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0]?.body).toContain('2026-12-01T19:00:00.000Z')
  })
})

describe('deferItem and the queue', () => {
  const question = (id: number) => ({
    kind: 'issue' as const,
    id,
    updatedAt: '2026-12-01T15:00:00Z',
    permission: 'write' as const,
    trigger: 7
  })

  it('while the item is labelled a deferral adds to the queue; once the label is off it replaces it', async () => {
    const gh = new FakeGitHub()
    const issue = gh.addIssue(12, { isPullRequest: true })
    const ctx = { github: gh.api, now: () => NOW }
    await deferItem(ctx, { kind: 'pull', number: 12 }, RESET)
    issue.labels = ['claude-deferred']
    const asked = { job: 'none' as const, questions: [question(1)] }
    await deferItem(ctx, { kind: 'pull', number: 12, queue: asked }, RESET)
    expect(queueOf(gh.comments[0]?.body)).toEqual({ job: 'auto', questions: [question(1)] })

    // Taken up: the label came off. The next deferral is the only thing queued.
    issue.labels = []
    const again = { job: 'none' as const, questions: [question(2)] }
    await deferItem(ctx, { kind: 'pull', number: 12, queue: again }, RESET)
    expect(gh.comments).toHaveLength(1)
    expect(queueOf(gh.comments[0]?.body)).toEqual(again)
  })
})

describe('deferOnUsageStop', () => {
  const pre = (onUsageLimit: string, gh: FakeGitHub) => ({
    inputs: getInputs(name => ({ mode: 'review', on_usage_limit: onUsageLimit })[name] ?? ''),
    github: gh.api,
    now: () => NOW
  })
  const stop = {
    conclusion: 'skipped' as const,
    reason: 'usage limit reached; resets at 2026-12-01T18:00:00.000Z',
    usageLimit: { resetsAt: RESET }
  }

  it('defer: labels the item and says so in the skip reason, with the time', async () => {
    const gh = new FakeGitHub()
    gh.addIssue(7)
    const end = await deferOnUsageStop(pre('defer', gh), { kind: 'issue', number: 7 }, stop)
    expect(end).toMatchObject({ conclusion: 'skipped' })
    expect(end.conclusion === 'skipped' && end.reason).toBe(
      'usage limit reached; resets at 2026-12-01T18:00:00.000Z; deferred to the first run after 2026-12-01T18:00:00.000Z (label claude-deferred on #7)'
    )
    expect(methods(gh)).toContain('addLabels')
  })

  it('skip, an ordinary skip, a success, or no item: writes nothing', async () => {
    const gh = new FakeGitHub()
    const item = { kind: 'pull' as const, number: 12 }
    expect(await deferOnUsageStop(pre('skip', gh), item, stop)).toBe(stop)
    const draft = { conclusion: 'skipped' as const, reason: 'a draft' }
    expect(await deferOnUsageStop(pre('defer', gh), item, draft)).toBe(draft)
    const ok = { conclusion: 'success' as const }
    expect(await deferOnUsageStop(pre('defer', gh), item, ok)).toBe(ok)
    expect(await deferOnUsageStop(pre('defer', gh), undefined, stop)).toBe(stop)
    expect(gh.writes).toEqual([])
  })
})
