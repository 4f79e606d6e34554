/**
 * Taking deferred items up: after its own job, a run in any mode lists the open pull requests and
 * issues labelled `claude-deferred` whose notice the action wrote and whose reset time has passed,
 * and runs what their notice queued (see `run-item.ts`: a review of the pull request's current
 * head through the review job's own preparation, so the draft, fork and author rules hold unless a
 * command asked for it; triage for an issue; the questions asked there), at most
 * `backfill_limit` of them. Re-entrancy: right before an item, its label is read again and taken
 * off before anything is posted; a run that finds it gone leaves the item to the run that took it.
 * The usage limit stops the pickup (the item at hand gets its label back). Under dry_run it only
 * says which items it would take up. A deferred item's
 * problem is a warning, never the run's failure. Main loads this module (and with it the review
 * and triage jobs) only when the run goes looking.
 */
import * as core from '@actions/core'
import type { JobKind } from '../../claude/sandbox.js'
import type { Issue } from '../../github/api.js'
import { SecretLeakError } from '../../known-secrets.js'
import { iso } from '../../time.js'
import type { JobContext, PreContext, WorkItem } from '../context.js'
import { checkUsageCeiling } from './ceiling.js'
import {
  DEFERRED_LABEL,
  labelIsOurs,
  noticeDue,
  ownNotice,
  selectDeferred,
  type Labelled,
  type Selection
} from './deferred.js'
import { queueName, queueOf } from './queue.js'
import { KeptOutputs, runQueued, type ItemEnd } from './run-item.js'

/** The login and the CLI, as main prepared them for this run (prepared on the first call). */
export type ReadyClaude = (kind: JobKind) => Promise<Pick<JobContext, 'auth' | 'claude'>>

/** Lists, selects and takes up the due deferred items; never throws but for a withheld write. */
export async function pickUpDeferred(
  pre: PreContext,
  ready: ReadyClaude,
  mode: string
): Promise<void> {
  let labelled: Issue[]
  try {
    // Closed ones too: a pull request merged (or an issue closed) while it waited loses its label.
    labelled = await pre.github.listIssues({
      state: 'all',
      labels: DEFERRED_LABEL.name,
      pulls: true,
      limit: 100
    })
  } catch (err) {
    // A token that may not read issues (a prompt or setup job's) has queued nothing: no warning.
    core.info(`Deferred items: could not list them (${(err as Error).message}).`)
    return
  }
  if (labelled.length === 0) return
  try {
    await pickUp(pre, ready, labelled, mode)
  } catch (err) {
    if (err instanceof SecretLeakError) throw err
    core.warning(`Deferred items were not taken up: ${(err as Error).message}`)
  }
}

async function pickUp(
  pre: PreContext,
  ready: ReadyClaude,
  labelled: Issue[],
  mode: string
): Promise<void> {
  const { github } = pre
  const limit = pre.inputs.backfill_limit
  const self = await github.whoami()
  const items: Labelled[] = []
  for (const i of labelled) {
    const notice = ownNotice(await github.listIssueComments(i.number), self)
    if (i.state !== 'open') {
      if (notice) await dropClosed(pre, i.number)
      continue
    }
    const due = noticeDue(notice?.body)
    const ours = due !== undefined && labelIsOurs(await github.listTimeline(i.number), self, due)
    items.push({
      number: i.number,
      isPullRequest: i.isPullRequest,
      due: ours ? due : undefined,
      queue: queueOf(notice?.body)
    })
  }
  if (items.length === 0) return
  const now = pre.now()
  const selection = selectDeferred(items, now, limit)
  const left = [
    ...selection.waiting.map(w => `#${w.number} waits for its reset (${iso(w.due)})`),
    ...selection.later.map(n => `#${n} is due, beyond backfill_limit ${limit}`),
    ...selection.notOurs.map(
      n => `#${n} carries the label without the action's notice (left alone)`
    )
  ]
  if (selection.take.length === 0) {
    core.info(`Deferred items: none taken up; ${left.join('; ')}.`)
    return
  }
  if (pre.inputs.dry_run) return describeOnly(pre, selection, left)
  const rows = await takeUp(pre, ready, selection.take, mode)
  const done = rows.filter(r => r.taken)
  const list = (of: typeof rows): string =>
    of.map(r => `#${r.item.number} (${queueName(r.item)}: ${r.text})`).join(', ')
  const notTaken = rows.filter(r => !r.taken)
  core.info(
    `Deferred items: took up ${done.length} of ${selection.take.length} due${done.length > 0 ? `: ${list(done)}` : ''}${notTaken.length > 0 ? `; not taken: ${list(notTaken)}` : ''}${left.length > 0 ? `; ${left.join('; ')}` : ''}.`
  )
  pre.summary.table(
    [
      ...rows.map((r): [string, string] => [`#${r.item.number} (${queueName(r.item)})`, r.text]),
      ...left.map((l): [string, string] => [l.split(' ')[0] as string, l.slice(l.indexOf(' ') + 1)])
    ],
    [`Deferred items taken up: ${done.length}`, '']
  )
}

/**
 * dry_run: which items a run would take up, in the log and the summary. Nothing is claimed and no
 * model runs (a dry run spends none of the allowance on deferred work).
 */
function describeOnly(pre: PreContext, selection: Selection, left: string[]): void {
  const { take, later } = selection
  const names = take.map(i => `#${i.number} (${queueName(i)})`)
  core.info(
    `Deferred items (dry run): would take up ${take.length} of ${take.length + later.length} due: ${names.join(', ')}${left.length > 0 ? `; ${left.join('; ')}` : ''}.`
  )
  pre.summary.table(
    [
      ...names.map((n): [string, string] => [n, 'would be taken up (dry run)']),
      ...left.map((l): [string, string] => [l.split(' ')[0] as string, l.slice(l.indexOf(' ') + 1)])
    ],
    ['Deferred items (dry run): nothing taken up', '']
  )
}

/** Takes up the selected items in order until one says stop. */
async function takeUp(
  pre: PreContext,
  ready: ReadyClaude,
  take: WorkItem[],
  mode: string
): Promise<Array<{ item: WorkItem; text: string; taken: boolean }>> {
  const rows: Array<{ item: WorkItem; text: string; taken: boolean }> = []
  let session: Pick<JobContext, 'auth' | 'claude'>
  try {
    // Before any label comes off: without a login, every item stays queued.
    session = await ready(take[0]?.kind === 'issue' ? 'triage' : 'review')
  } catch (err) {
    core.warning(`Deferred items wait: the login could not be prepared (${(err as Error).message})`)
    return take.map(item => ({ item, text: 'left queued (no login)', taken: false }))
  }
  const ceiling = await checkUsageCeiling(
    { ...pre, outputs: new KeptOutputs(pre.outputs) },
    session.claude,
    'review'
  )
  if (ceiling) {
    const why =
      ceiling.conclusion === 'skipped'
        ? ceiling.reason
        : ceiling.conclusion === 'failure'
          ? ceiling.message
          : ''
    core.info(`Deferred items wait: ${why}.`)
    return take.map(item => ({ item, text: `left queued (${why})`, taken: false }))
  }
  for (const [index, item] of take.entries()) {
    const end = await takeUpOne(pre, session, item, mode)
    rows.push({ item, text: end.text, taken: end.taken })
    if (end.stop) {
      for (const rest of take.slice(index + 1))
        rows.push({ item: rest, text: 'left queued', taken: false })
      break
    }
  }
  return rows
}

/** One item: claim it (label read again, then taken off), run its queue, report its end. */
async function takeUpOne(
  pre: PreContext,
  session: Pick<JobContext, 'auth' | 'claude'>,
  item: WorkItem,
  mode: string
): Promise<ItemEnd & { taken: boolean }> {
  const { github } = pre
  const fresh = await github.getIssue(item.number)
  const labelled = fresh.labels.some(l => l.toLowerCase() === DEFERRED_LABEL.name)
  if (labelled && fresh.state !== 'open') {
    await dropClosed(pre, item.number)
    return { text: 'closed since it was listed: label taken off', taken: false }
  }
  if (!labelled || !(await github.removeLabel(item.number, DEFERRED_LABEL.name))) {
    return {
      text: 'taken by another run, or closed or unlabelled since it was listed',
      taken: false
    }
  }
  // Its queue read again once claimed: a deferral since the listing may have added to it.
  const notice = ownNotice(await github.listIssueComments(item.number), await github.whoami())
  const claimed = { ...item, queue: queueOf(notice?.body) }
  return { ...(await runQueued(pre, session, claimed, mode)), taken: true }
}

/** A closed (or merged) item is not taken up: its label comes off, in one log line. */
async function dropClosed(pre: PreContext, number: number): Promise<void> {
  await pre.github.removeLabel(number, DEFERRED_LABEL.name)
  core.info(`Deferred #${number} is closed: its label is taken off, nothing is run.`)
}
