/**
 * Where an Actions secret lives, and the words for it in messages. Apart from `secrets.ts` (which
 * re-exports both) so the messages need neither libsodium nor Octokit loaded.
 */

/** Where a secret lives: a repository, one of its environments, or an organisation. */
export type SecretTarget =
  | { kind: 'repo'; repo: string }
  | { kind: 'env'; repo: string; environment: string }
  | { kind: 'org'; org: string }

/** Words for a target in messages: `the repository octo/app`. */
export function describeTarget(target: SecretTarget): string {
  switch (target.kind) {
    case 'repo':
      return `the repository ${target.repo}`
    case 'env':
      return `the environment ${target.environment} of ${target.repo}`
    case 'org':
      return `the organisation ${target.org}`
  }
}
