/**
 * A deferred question, taken up after the reset: the comment that asked is read again by the id
 * the action's notice recorded, and the gate is passed again before the model is asked. The
 * comment must still be there, unedited since it was asked (its `updated_at`), still a question
 * after the trigger phrase, by a person (not a bot, not the action) whose repository permission
 * NOW is at least the `command_permission` it was asked under. Then it is answered exactly as the
 * command would have: one reply, in the review thread when it was asked there.
 */
import type { Comment } from '../../github/api.js'
import type { JobContext, JobResult, PreContext, QueuedQuestion, WorkItem } from '../context.js'
import { answerQuestion, prepareQuestion } from './answer.js'
import { permits, type Taken } from './gate.js'
import { authorSkip, commandText, parseVerb, type CommandComment } from './parse.js'
import { firstLine, replyFailure } from './reply.js'

/** Why a deferred question is not answered; it is dropped (the log says so). */
export interface Dropped {
  dropped: string
}

/** Reads the question again and checks it: the command it still is, or why it is dropped. */
export async function retake(
  pre: Pick<PreContext, 'github'>,
  item: WorkItem,
  q: QueuedQuestion
): Promise<Taken | Dropped> {
  const { github } = pre
  const onPullRequest = item.kind === 'pull'
  if (q.kind === 'review' && !onPullRequest) return { dropped: 'a review comment on an issue' }
  const comments =
    q.kind === 'review'
      ? await github.listReviewComments(item.number)
      : await github.listIssueComments(item.number)
  const found = comments.find(c => c.id === q.id)
  if (!found) return { dropped: 'it was deleted' }
  if (found.updatedAt !== q.updatedAt) return { dropped: 'it was edited since it was asked' }
  const author = { login: found.author ?? 'ghost', type: found.authorType ?? 'User' }
  const notAPerson = found.author ? authorSkip(author, await github.whoami()) : 'its author is gone'
  if (notAPerson) return { dropped: notAPerson }
  // The comment is unedited: it starts with the phrase it was asked with.
  const phrase = found.body.trimStart().slice(0, q.trigger)
  const text = q.trigger > 0 ? commandText(found.body, phrase) : undefined
  if (text === undefined || parseVerb(text, onPullRequest) !== 'question') {
    return { dropped: 'it is no question after the trigger phrase' }
  }
  const permission = await github.getPermission(author.login)
  if (!permits(permission, q.permission)) {
    return {
      dropped: `${author.login} has ${permission} permission now; command_permission needs ${q.permission}`
    }
  }
  return { comment: commandComment(found, author, item, q.kind), text }
}

/** The comment as the command job knows it (as its event would have described it). */
function commandComment(
  c: Comment,
  author: CommandComment['author'],
  item: WorkItem,
  kind: QueuedQuestion['kind']
): CommandComment {
  const base = {
    id: c.id,
    body: c.body,
    author,
    number: item.number,
    onPullRequest: item.kind === 'pull'
  }
  if (kind === 'issue') return { ...base, kind }
  return {
    ...base,
    kind,
    threadRootId: c.inReplyTo ?? c.id,
    ...(c.diffHunk !== undefined ? { diffHunk: c.diffHunk } : {}),
    ...(c.path !== undefined ? { path: c.path } : {}),
    ...(c.line !== undefined ? { line: c.line } : {})
  }
}

/** Answers a deferred question, or says why it was dropped (nothing written then). */
export async function answerLater(
  ctx: JobContext,
  item: WorkItem,
  q: QueuedQuestion
): Promise<JobResult | Dropped> {
  const taken = await retake(ctx, item, q)
  if ('dropped' in taken) return taken
  const context = await prepareQuestion(ctx, taken)
  const result = await answerQuestion(ctx, taken, context)
  // The person who asked hears of a failure as from the command; a login problem is requeued.
  if (result.conclusion === 'failure' && !result.auth) {
    await replyFailure(ctx.github, taken.comment, undefined, 'answer', firstLine(result.message))
  }
  return result
}
