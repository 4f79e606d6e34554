/**
 * What a comment event asks for, read from the payload with no GitHub call: which comment, on
 * which pull request or issue, by whom, and the verb after the trigger phrase. Pure, so the rules
 * of who may command and what a comment means are tested with plain objects.
 */

/** The verbs a command may be; anything else is a question. */
export type Verb =
  'review' | 'full review' | 'pause' | 'resume' | 'resolve' | 'triage' | 'help' | 'question'

const PR_VERBS: readonly Verb[] = ['review', 'full review', 'pause', 'resume', 'resolve', 'help']
const ISSUE_VERBS: readonly Verb[] = ['triage', 'help']

/** The comment a command came in, as the event payload describes it. */
export interface CommandComment {
  /** Where a reaction or a reply goes: an issue (or PR conversation) comment, or a review comment. */
  kind: 'issue' | 'review'
  id: number
  body: string
  author: { login: string; type: string }
  /** The pull request or issue the comment is on. */
  number: number
  onPullRequest: boolean
  /** A review comment: the first comment of its thread (replies go there). */
  threadRootId?: number
  /** A review comment: the diff hunk it points at, its file and line. */
  diffHunk?: string
  path?: string
  line?: number
  /** A review comment on a pull request from a fork (such runs get no secrets). */
  fromFork?: boolean
  /** Its `updated_at` (else `created_at`): a deferred question must still be unedited later. */
  updatedAt?: string
}

/** A comment event read from the payload, or why it is no command at all. */
export type ReadEvent = { comment: CommandComment } | { skip: string }

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** The comment of an `issue_comment` or `pull_request_review_comment` event, `created` only. */
export function readCommentEvent(name: string, payload: Obj): ReadEvent {
  if (name !== 'issue_comment' && name !== 'pull_request_review_comment') {
    return {
      skip: `mode command answers issue_comment and pull_request_review_comment events, not "${name || 'unknown'}"`
    }
  }
  const action = str(payload.action) ?? ''
  if (action !== 'created') {
    return { skip: `the comment was ${action || 'changed'}: only a new comment is a command` }
  }
  const c = obj(payload.comment)
  const user = obj(c?.user)
  const id = num(c?.id)
  const login = str(user?.login)
  if (!c || id === undefined || !login) return { skip: 'the event carries no comment' }
  const updatedAt = str(c.updated_at) ?? str(c.created_at)
  const base = {
    id,
    body: str(c.body) ?? '',
    author: { login, type: str(user?.type) ?? 'User' },
    ...(updatedAt !== undefined ? { updatedAt } : {})
  }
  if (name === 'issue_comment') {
    const issue = obj(payload.issue)
    const number = num(issue?.number)
    if (number === undefined) return { skip: 'the event carries no issue number' }
    const onPullRequest = issue?.pull_request !== undefined && issue.pull_request !== null
    return { comment: { ...base, kind: 'issue', number, onPullRequest } }
  }
  return readReviewComment(payload, c, base)
}

function readReviewComment(
  payload: Obj,
  c: Obj,
  base: Pick<CommandComment, 'id' | 'body' | 'author' | 'updatedAt'>
): ReadEvent {
  const pr = obj(payload.pull_request)
  const number = num(pr?.number)
  if (number === undefined) return { skip: 'the event carries no pull request number' }
  const headRepo = str(obj(obj(pr?.head)?.repo)?.full_name)
  const baseRepo = str(obj(obj(pr?.base)?.repo)?.full_name)
  const line = num(c.line) ?? num(c.original_line)
  const hunk = str(c.diff_hunk)
  const path = str(c.path)
  return {
    comment: {
      ...base,
      kind: 'review',
      number,
      onPullRequest: true,
      threadRootId: num(c.in_reply_to_id) ?? base.id,
      ...(hunk !== undefined ? { diffHunk: hunk } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(line !== undefined ? { line } : {}),
      fromFork: (headRepo ?? '').toLowerCase() !== (baseRepo ?? '').toLowerCase()
    }
  }
}

/**
 * The text after the trigger phrase, or undefined when the body does not start with it (leading
 * whitespace ignored, any case; the phrase must end there: `@claudebot` is not `@claude`).
 */
export function commandText(body: string, trigger: string): string | undefined {
  const text = body.trimStart()
  if (text.slice(0, trigger.length).toLowerCase() !== trigger.toLowerCase()) return undefined
  const rest = text.slice(trigger.length)
  if (rest !== '' && !/^[\s,:.!?]/.test(rest)) return undefined
  return rest.replace(/^[,:]/, '').trim()
}

/**
 * The verb of a command text: the whole text, in any case, without trailing punctuation, when it
 * is one of the verbs of where it was asked (a pull request or an issue); empty is `help`. Anything
 * longer or unknown is a question.
 */
export function parseVerb(text: string, onPullRequest: boolean): Verb {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
  if (word === '') return 'help'
  const verbs = onPullRequest ? PR_VERBS : ISSUE_VERBS
  return (verbs as readonly string[]).includes(word) ? (word as Verb) : 'question'
}

/** Why a commenter is never obeyed: a bot (no loops between bots) or the action itself. */
export function authorSkip(author: CommandComment['author'], self: string): string | undefined {
  if (author.login.toLowerCase() === self.toLowerCase()) {
    return `the comment is the action's own (${author.login})`
  }
  if (author.type === 'Bot' || author.login.toLowerCase().endsWith('[bot]')) {
    return `the comment is by a bot (${author.login}): bots cannot command`
  }
  return undefined
}

/** The verbs of a pull request or an issue, for the help reply. */
export function verbsOf(onPullRequest: boolean): readonly Verb[] {
  return (onPullRequest ? PR_VERBS : ISSUE_VERBS).filter(v => v !== 'help')
}
