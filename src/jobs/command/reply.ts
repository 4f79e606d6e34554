/**
 * Every reply of a command: in the review thread it was asked in, else a comment on the pull
 * request or issue, with the command marker in the footer. A failed command turns its 👀 into a
 * one-line reply saying what went wrong (never a stack: one sentence, and the guard checks it).
 */
import * as core from '@actions/core'
import { AuthError } from '../../auth/errors.js'
import { CancelledError } from '../../claude/cancelled.js'
import { InputError } from '../../errors.js'
import type { Comment, GitHubApi } from '../../github/api.js'
import { githubFailure, isRequestError } from '../../github/errors.js'
import { withFooter } from '../markers.js'
import { cleanUntrusted } from '../untrusted.js'
import type { CommandComment } from './parse.js'

/** The footer marker of the action's command replies. */
export const COMMAND_MARKER = '<!-- claude-subscription-action:command -->'

const MAX_LINE = 300

/** Posts one reply to the command's comment. */
export function reply(github: GitHubApi, comment: CommandComment, text: string): Promise<Comment> {
  const body = withFooter(text, [COMMAND_MARKER])
  return comment.kind === 'review'
    ? github.replyToReviewComment(comment.number, comment.threadRootId ?? comment.id, body)
    : github.createIssueComment(comment.number, body)
}

/**
 * The first line of someone's text, cleaned and cut short: all a reply ever quotes of a question
 * (the SPEC: nothing of the question beyond one line; the rest is the asker's, not the reply's).
 */
export function oneLine(text: string, max = 120): string {
  const line =
    cleanUntrusted(text)
      .split(/\r?\n/)
      .map(l => l.replace(/\s+/g, ' ').trim())
      .find(l => l !== '') ?? ''
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`
}

/** What went wrong, in one sentence for a comment: a message's first line, cut short. */
export function sentenceOf(err: unknown): string {
  let text: string
  if (err instanceof AuthError) text = err.message
  else if (isRequestError(err)) text = githubFailure(err)
  else if (err instanceof InputError || err instanceof CancelledError) text = err.message
  // Anything else may be a bug: its message stays in the log, the comment only says where.
  else text = 'an unexpected error; the workflow log has the details'
  return firstLine(text)
}

/** A message's first line, cut at MAX_LINE characters. */
export function firstLine(message: string): string {
  const line = message.split('\n')[0]?.trim() ?? ''
  return line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 1).trimEnd()}…`
}

/**
 * The end of a failed command on GitHub: the 👀 taken back and one line saying what went wrong.
 * Best effort: the step fails either way, with the whole message in the log.
 */
export async function replyFailure(
  github: GitHubApi,
  comment: CommandComment,
  reaction: number | undefined,
  what: string,
  sentence: string
): Promise<void> {
  try {
    if (reaction !== undefined) {
      await github.deleteReaction({ kind: comment.kind, id: comment.id }, reaction)
    }
    await reply(github, comment, `⚠️ Could not ${what}: ${sentence}`)
  } catch (err) {
    // A withheld write (the guard tripped) or GitHub refusing: the step's own failure says it.
    core.info(`The failure reply was not posted: ${firstLine((err as Error).message)}`)
  }
}
