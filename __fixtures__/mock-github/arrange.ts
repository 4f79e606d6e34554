/** Helpers tests use to arrange state: the bot user, PR files from patches, fake SHAs, defaults. */
import { createHash } from 'node:crypto'
import type { MockFileStatus, MockPullFile, MockUser, RepoState } from './types.js'

/** The default actor: GITHUB_TOKEN writes as github-actions[bot]. */
export const BOT: MockUser = Object.freeze({
  login: 'github-actions[bot]',
  type: 'Bot',
  id: 41898282
}) as MockUser

/** Counts additions/deletions of a GitHub patch. */
export function countPatch(patch: string): { additions: number; deletions: number } {
  let additions = 0
  let deletions = 0
  for (const line of patch.split('\n')) {
    if (line.startsWith('@@')) continue
    if (line.startsWith('+')) additions++
    else if (line.startsWith('-')) deletions++
  }
  return { additions, deletions }
}

/** A PR file entry with counts computed from the patch. */
export function fileFromPatch(
  filename: string,
  patch: string,
  status: MockFileStatus = 'modified',
  previous_filename?: string
): MockPullFile {
  const { additions, deletions } = countPatch(patch)
  const file: MockPullFile = {
    filename,
    status,
    additions,
    deletions,
    changes: additions + deletions,
    patch
  }
  if (previous_filename !== undefined) file.previous_filename = previous_filename
  return file
}

/** A deterministic 40-hex fake SHA. */
export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

/** A repository with nothing in it: private, default branch main, owned by an organization. */
export function defaultRepoState(owner = 'octo-org', repo = 'octo-repo'): RepoState {
  return {
    owner,
    repo,
    repository: {
      default_branch: 'main',
      private: true,
      owner: { login: owner, type: 'Organization' },
      fork: false,
      archived: false,
      description: null
    },
    pulls: [],
    commits: [],
    compares: {},
    refs: {},
    contents: {},
    issues: [],
    issueComments: [],
    reviews: [],
    reviewComments: [],
    labels: [],
    timeline: [],
    reactions: [],
    permissions: {},
    secrets: {},
    environments: {}
  }
}
