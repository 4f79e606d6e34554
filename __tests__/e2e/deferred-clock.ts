/**
 * The clock of deferred items in the end-to-end tests: the reset a deferral waits for passes by
 * moving the due time recorded in the action's own notice into the past (the mock model's reset is
 * hours away, and the notice stays the action's own comment).
 */
import type { MockGitHub } from '../../__fixtures__/mock-github.js'

/** The footer marker of the action's deferral notice. */
export const DEFERRED_MARKER = '<!-- claude-subscription-action:deferred -->'

/** The action's deferral notice on #n, if any. */
export function noticeOn(gh: MockGitHub, n: number) {
  return gh.state.issueComments.find(c => c.issue_number === n && c.body.includes(DEFERRED_MARKER))
}

/** The reset of the deferral on #n passes: its due time becomes `agoSec` seconds ago. */
export function resetPasses(gh: MockGitHub, n: number, agoSec = 60): void {
  const notice = noticeOn(gh, n)
  if (!notice) throw new Error(`no deferral notice on #${n}`)
  const past = new Date(Date.now() - agoSec * 1000).toISOString()
  notice.body = notice.body.replace(/deferred-until:[^ ]+ -->/, `deferred-until:${past} -->`)
}
