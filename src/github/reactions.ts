/**
 * The part of `GitHubApi` a command needs besides comments: the commenter's repository permission
 * (read from the API, never from the event's `author_association`) and the 👀 reaction on the
 * comment it answers.
 */
import type { GitHubApi } from './api.js'
import type { RestContext } from './rest.js'

/** GitHub's own repository roles; any other role_name is an organisation's custom role. */
const ROLES = ['read', 'triage', 'write', 'maintain', 'admin']

type ReactionsApi = Pick<GitHubApi, 'getPermission' | 'addReaction' | 'deleteReaction'>

/** Permission reads and comment reactions, over one repository's REST context. */
export function reactionsApi(ctx: RestContext): ReactionsApi {
  const { octokit, r } = ctx
  return {
    async getPermission(user) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          ...r,
          username: user
        })
        // role_name tells maintain and triage apart; `permission` folds them into write and read.
        // A custom role's name means nothing here: its base permission (`permission`) counts.
        const role = (data as { role_name?: string }).role_name ?? ''
        return ROLES.includes(role) ? role : data.permission || 'none'
      } catch (err) {
        // Not a user GitHub knows: no permission at all.
        if ((err as { status?: number }).status === 404) return 'none'
        throw err
      }
    },
    async addReaction(comment, content) {
      // Adding the same reaction twice answers 200 with the first one: safe to retry.
      const { data } =
        comment.kind === 'issue'
          ? await octokit.rest.reactions.createForIssueComment({
              ...r,
              comment_id: comment.id,
              content
            })
          : await octokit.rest.reactions.createForPullRequestReviewComment({
              ...r,
              comment_id: comment.id,
              content
            })
      return data.id
    },
    async deleteReaction(comment, reactionId) {
      if (comment.kind === 'issue') {
        await octokit.rest.reactions.deleteForIssueComment({
          ...r,
          comment_id: comment.id,
          reaction_id: reactionId
        })
      } else {
        await octokit.rest.reactions.deleteForPullRequestComment({
          ...r,
          comment_id: comment.id,
          reaction_id: reactionId
        })
      }
    }
  }
}
