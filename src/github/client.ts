/**
 * The GitHub client the jobs get: Octokit made on first use, writes only described under dry_run,
 * and the outbound guard around both, so a write holding a secret is neither made nor printed.
 */
import * as core from '@actions/core'
import { InputError } from '../errors.js'
import { dryRunApi, restApi, type DescribedWrite, type GitHubApi } from './api.js'
import type { OutboundGuard } from './guard.js'

/**
 * The client for `owner/repo` with `token`; with `dryRun`, writes are pushed to `writes` instead of
 * made. An empty token gives a client whose every call fails with the sentence naming the fix.
 */
export function githubFor(opts: {
  token: string
  dryRun: boolean
  owner: string
  repo: string
  writes: DescribedWrite[]
  guard: OutboundGuard
}): GitHubApi {
  const { token } = opts
  const api = token
    ? lazyApi(async () => {
        const { createOctokit } = await import('./octokit.js')
        return restApi(
          createOctokit(token, { log: line => core.info(line) }),
          opts.owner,
          opts.repo
        )
      })
    : missingTokenApi()
  return opts.guard.wrap(opts.dryRun ? dryRunApi(api, opts.writes) : api)
}

/** Every method of `GitHubApi`: the lazy client below needs their names before it exists. */
const API_METHODS: { [K in keyof GitHubApi]: true } = {
  getPull: true,
  listPullFiles: true,
  compare: true,
  getFileText: true,
  listReviewComments: true,
  createReview: true,
  listReviewThreads: true,
  replyToReviewComment: true,
  resolveReviewThread: true,
  listIssueComments: true,
  createIssueComment: true,
  updateIssueComment: true,
  getIssue: true,
  listIssues: true,
  createIssue: true,
  updateIssue: true,
  listLabels: true,
  createLabel: true,
  addLabels: true,
  removeLabel: true,
  listTimeline: true,
  whoami: true,
  getPermission: true,
  addReaction: true,
  deleteReaction: true
}

/** A client made on its first call: a run that never calls GitHub never loads Octokit. */
export function lazyApi(make: () => Promise<GitHubApi>): GitHubApi {
  type Method = (...args: unknown[]) => Promise<unknown>
  let api: Promise<GitHubApi> | undefined
  const methods: Record<string, Method> = {}
  for (const name of Object.keys(API_METHODS)) {
    methods[name] = async (...args) => {
      const real = (await (api ??= make())) as unknown as Record<string, Method>
      return (real[name] as Method).apply(real, args)
    }
  }
  return methods as unknown as GitHubApi
}

/**
 * Every call fails with the sentence that says what is missing. A plain object of every method, so
 * dry_run's wrapper (which copies the methods) keeps them too.
 */
function missingTokenApi(): GitHubApi {
  const missing = (): Promise<never> =>
    Promise.reject(
      new InputError(
        'github_token is empty: leave it at its default (${{ github.token }}) or pass a token that may read and write issues and pull requests.'
      )
    )
  return Object.fromEntries(
    Object.keys(API_METHODS).map(name => [name, missing])
  ) as unknown as GitHubApi
}
