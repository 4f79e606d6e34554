/**
 * Who may command: the gate every comment passes before anything is written or any login is
 * decoded. A comment is taken only when it is new, starts with the trigger phrase, and was written
 * by a person (not a bot, not the action) whose repository permission, read from the API, is at
 * least `command_permission`.
 */
import type { GitHubApi } from '../../github/api.js'
import { PERMISSIONS, type Inputs, type Permission } from '../../inputs.js'
import { authorSkip, commandText, readCommentEvent, type CommandComment } from './parse.js'

/** A comment the action acts on, with the text after the trigger phrase. */
export interface Taken {
  comment: CommandComment
  text: string
}

/** A permission's rank (read 0 … admin 4); -1 for none or anything GitHub may add later. */
function permissionRank(permission: string): number {
  return PERMISSIONS.indexOf(permission.toLowerCase() as Permission)
}

/** Whether `permission` is at least `least`. */
export function permits(permission: string, least: Permission): boolean {
  const rank = permissionRank(permission)
  return rank >= 0 && rank >= permissionRank(least)
}

/** Decides whether the comment of this event is a command: taken, or a skip with why. */
export async function gate(
  inputs: Pick<Inputs, 'trigger_phrase' | 'command_permission'>,
  event: { name: string; payload: Record<string, unknown> },
  github: Pick<GitHubApi, 'whoami' | 'getPermission'>
): Promise<Taken | { skip: string }> {
  const read = readCommentEvent(event.name, event.payload)
  if ('skip' in read) return read
  const { comment } = read
  const text = commandText(comment.body, inputs.trigger_phrase)
  if (text === undefined) {
    return { skip: `the comment does not start with ${inputs.trigger_phrase}` }
  }
  const notAPerson = authorSkip(comment.author, await github.whoami())
  if (notAPerson) return { skip: notAPerson }
  if (comment.fromFork) {
    // Review-comment runs of a fork's pull request get no secrets and a read-only token.
    return {
      skip: `#${comment.number} comes from a fork, and a review comment's run of a fork gets no secrets: ask in the pull request's conversation instead`
    }
  }
  const permission = await github.getPermission(comment.author.login)
  if (!permits(permission, inputs.command_permission)) {
    return {
      skip: `${comment.author.login} has ${permission} permission; command_permission needs ${inputs.command_permission}`
    }
  }
  return { comment, text }
}
