/**
 * Who the action writes as on GitHub, and whether a comment is its own: the rule that keeps the
 * action from adopting text someone else wrote with one of its markers.
 */
import type { Octokit } from './octokit.js'

/** The login GitHub's default GITHUB_TOKEN writes as. */
const ACTIONS_BOT = 'github-actions[bot]'

/**
 * Whether a comment (or issue) carrying one of the action's markers was written by the action: by
 * exactly the login `github_token` writes as. Anyone can paste a marker into a comment, and any
 * App can post as some other `[bot]`; a PR author who could make the action adopt their comment
 * could hide a review, skip a push, or have the action overwrite their text.
 */
export function isOwnComment(comment: { author?: string | undefined }, self: string): boolean {
  return (comment.author ?? '').toLowerCase() === self.toLowerCase()
}

/**
 * The login a token writes as. A user's token (PAT, OAuth) may read /user; an installation token
 * (the default GITHUB_TOKEN, an App's) may not ("Resource not accessible by integration"), but
 * GraphQL `viewer` answers for both kinds with the login the writes carry (`<app>[bot]`). When
 * neither answers (an old server, a proxy), the default GITHUB_TOKEN's bot is the best guess: the
 * input defaults to that token.
 */
export async function identityOf(octokit: Octokit): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login
  } catch {
    // An installation token: ask GraphQL.
  }
  try {
    const { viewer } = await octokit.graphql<{ viewer: { login: string } }>(
      'query { viewer { login } }'
    )
    if (viewer.login) return viewer.login
  } catch {
    // No GraphQL here: fall back below.
  }
  return ACTIONS_BOT
}
