/**
 * One claimed deferred item, run: what its notice queued, in order (the job, then each question).
 * The job is prepared as a run of its mode on the item would be (a review a command asked for as
 * the command would: drafts and paused pull requests too); a question is read again and its gate
 * passed again (see `command/later.ts`). The usage limit or a login failure puts what is left back
 * in the queue and stops the pickup; a dropped question is one log line.
 */
import * as core from '@actions/core'
import { SecretLeakError } from '../../known-secrets.js'
import { Outputs } from '../../report/outputs.js'
import { iso } from '../../time.js'
import { answerLater, type Dropped } from '../command/later.js'
import type {
  JobContext,
  JobResult,
  PreContext,
  Prepared,
  Queued,
  QueuedQuestion,
  WorkItem
} from '../context.js'
import { prepareReview } from '../review/prepare.js'
import { prepareTriage } from '../triage/prepare.js'
import { deferItem } from './defer.js'
import { DEFERRED_LABEL } from './deferred.js'
import { AUTO, queueName } from './queue.js'

/** The login and the CLI a pickup runs with. */
export type Session = Pick<JobContext, 'auth' | 'claude'>

/** How one item ended, for the summary; `stop`: no later item is taken up. */
export interface ItemEnd {
  text: string
  stop?: boolean
}

/**
 * Outputs that are kept, not published: the step's outputs describe the run's own job. Only
 * `usage` and `tokens` go to the step's outputs (`step`): the pickup spends the step's allowance.
 */
export class KeptOutputs extends Outputs {
  constructor(private readonly step?: Outputs) {
    super()
  }

  override usageSink(): Outputs {
    return this.step?.usageSink() ?? this
  }

  override set(...[name, value]: Parameters<Outputs['set']>): void {
    this.values[name] = value === undefined ? '' : String(value)
  }
}

type Part = { job: Exclude<Queued['job'], 'none'> } | { question: QueuedQuestion }

/** Runs what the item's notice queued, part by part, until the end or a stop. */
export async function runQueued(
  pre: PreContext,
  session: Session,
  item: WorkItem,
  mode: string
): Promise<ItemEnd> {
  const queue = item.queue ?? AUTO
  const parts: Part[] = [
    ...(queue.job !== 'none' ? [{ job: queue.job }] : []),
    ...queue.questions.map(question => ({ question }))
  ]
  const texts: string[] = []
  const failed: Array<{ part: Part; message: string }> = []
  for (const [index, part] of parts.entries()) {
    const end = await runPart(pre, session, item, part, mode)
    if ('dropped' in end) {
      const q = (part as { question: QueuedQuestion }).question
      core.info(
        `Deferred question (${q.kind} comment ${q.id} on #${item.number}) dropped: ${end.dropped}.`
      )
      texts.push('dropped')
      continue
    }
    const rest: WorkItem = { ...item, queue: queueOfParts(parts.slice(index)) }
    const stop = await stopAt(pre, rest, end, index === 0)
    if (stop !== undefined) {
      await retryOrDrop(pre, item, failed)
      return { text: [...texts, stop].join(', '), stop: true }
    }
    if (end.conclusion === 'failure') failed.push({ part, message: end.message })
    texts.push(textOf(end))
  }
  const retry = await retryOrDrop(pre, item, failed)
  return { text: [...texts, ...(retry ? [retry] : [])].join(', ') }
}

/** The parts not yet done, as a queue. */
function queueOfParts(parts: Part[]): Queued {
  const job = parts.find((p): p is { job: Exclude<Queued['job'], 'none'> } => 'job' in p)
  return {
    job: job ? job.job : 'none',
    questions: parts.flatMap(p => ('question' in p ? [p.question] : []))
  }
}

/**
 * Parts that failed for another reason than the usage or the login (a write GitHub refused, the
 * network): the label goes back once, the attempt recorded in the notice's footer, so the next
 * run tries again; failing again, they are dropped with a warning instead of looping for ever.
 */
async function retryOrDrop(
  pre: PreContext,
  item: WorkItem,
  failed: ReadonlyArray<{ part: Part; message: string }>
): Promise<string | undefined> {
  if (failed.length === 0) return undefined
  const attempts = (item.queue?.attempts ?? 0) + 1
  const retry: WorkItem = {
    ...item,
    queue: { ...queueOfParts(failed.map(f => f.part)), attempts }
  }
  const why = failed.map(f => f.message).join('; ')
  const what = `Deferred #${item.number} (${queueName(retry)})`
  if (attempts > 1) {
    core.warning(`${what} failed again: ${why}; dropped after ${attempts} attempts.${hint(why)}`)
    return `dropped after ${attempts} attempts`
  }
  await deferItem(pre, retry, pre.now(), `the last attempt failed: ${why}`)
  core.warning(`${what} failed: ${why}; its label is back for one more attempt.${hint(why)}`)
  return 'label back for one more attempt'
}

/** A refused write most often means the workflow's token lacks a permission: say which. */
function hint(why: string): string {
  return /\b403\b|not accessible by integration/i.test(why)
    ? " (A review needs the workflow's `pull-requests: write`, a label or a comment `issues: write`.)"
    : ''
}

/** One part; anything thrown (but a withheld write) is that part's failure. */
async function runPart(
  pre: PreContext,
  session: Session,
  item: WorkItem,
  part: Part,
  mode: string
): Promise<JobResult | Dropped> {
  try {
    if ('question' in part) {
      const ctx = { ...itemPre(pre, item, mode === 'command'), ...session }
      return await answerLater(ctx, item, part.question)
    }
    return await runJob(pre, session, item, part.job, mode)
  } catch (err) {
    if (err instanceof SecretLeakError) throw err
    return { conclusion: 'failure', message: (err as Error).message }
  }
}

/**
 * The usage limit again, or the login: what is left goes back in the queue (label and notice)
 * and the pickup stops here. Returns the item's text then; undefined goes on.
 */
async function stopAt(
  pre: PreContext,
  rest: WorkItem,
  result: JobResult,
  first: boolean
): Promise<string | undefined> {
  if (result.conclusion === 'skipped' && result.usageLimit) {
    const due = await deferItem(pre, rest, result.usageLimit.resetsAt, result.reason)
    core.info(
      `Deferred #${rest.number} again, to the first run after ${iso(due)}: ${result.reason}.`
    )
    return `deferred again until ${iso(due)} (${result.reason})`
  }
  if (result.conclusion !== 'failure' || !result.auth) return undefined
  core.warning(`Deferred #${rest.number} (${queueName(rest)}) failed: ${result.message}`)
  // The login, not the item: what is left keeps its place in the queue, due at once.
  if (first) await pre.github.addLabels(rest.number, [DEFERRED_LABEL.name])
  else await deferItem(pre, rest, pre.now(), 'the login failed')
  return `left queued: ${result.message}`
}

/** What a part's result means for the summary; a failure is a warning, never the run's. */
function textOf(result: JobResult): string {
  if (result.conclusion === 'success') return 'done'
  if (result.conclusion === 'skipped') return `skipped: ${result.reason}`
  return `failed: ${result.message}`
}

/**
 * The run's context for the item: outputs kept back, the item as the job's target, and
 * `on_usage_limit: defer` (a limit met now ends as a skip that puts the item back, whatever this
 * run's setting). The run's prompt is the job's extra instructions only when the run is of that
 * job's mode (`sameMode`): a prompt run's task, or a health run's, is no instruction for a review.
 */
function itemPre(pre: PreContext, item: WorkItem, sameMode: boolean): PreContext {
  return {
    ...pre,
    inputs: {
      ...pre.inputs,
      on_usage_limit: 'defer',
      backtest: 0,
      prompt: sameMode ? pre.inputs.prompt : '',
      prompt_file: sameMode ? pre.inputs.prompt_file : '',
      pr_number: item.kind === 'pull' ? item.number : undefined,
      issue_number: item.kind === 'issue' ? item.number : undefined
    },
    event: { ...pre.event, name: 'workflow_dispatch', payload: {} },
    outputs: new KeptOutputs(pre.outputs)
  }
}

/** The item's job: its own (`auto`), or the review a command asked for. */
async function runJob(
  pre: PreContext,
  session: Session,
  item: WorkItem,
  job: Exclude<Queued['job'], 'none'>,
  mode: string
): Promise<JobResult> {
  const own = item.kind === 'pull' ? 'review' : 'triage'
  const asked = job === 'review' || job === 'full-review'
  const ctx = itemPre(pre, item, mode === (asked ? 'command' : own))
  let prepared: Prepared
  if (item.kind === 'issue') prepared = await prepareTriage(ctx)
  else if (asked)
    prepared = await prepareReview(ctx, { number: item.number, full: job === 'full-review' })
  else prepared = await prepareReview(ctx)
  if ('skip' in prepared) return { conclusion: 'skipped', reason: prepared.skip }
  return prepared.run({ ...ctx, ...session })
}
