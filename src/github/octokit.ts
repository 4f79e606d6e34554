/**
 * The one way this project talks to the GitHub REST API: @actions/github's client with retries on
 * server errors and GitHub's rate limits honoured. Used by the action and by the capture tool.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

/** The client `createOctokit` returns (REST methods, `request`, `paginate`). */
export type Octokit = ReturnType<typeof getOctokit>

/** How often a request hit by a rate limit is tried again before it fails. */
const RATE_LIMIT_RETRIES = 3
/** A primary rate limit that resets later than this is not waited for: it fails at once. */
const MAX_RATE_LIMIT_WAIT_S = 60

interface OctokitOptions {
  /** REST API root; default `GITHUB_API_URL`, else https://api.github.com. */
  baseUrl?: string
  /** Where rate-limit waits are reported (default: nowhere). Never given a token. */
  log?: (message: string) => void
  /** Retries on 5xx and network errors (default 3). */
  retries?: number
  /**
   * GitHub's pacing of writes (one a second, one notifying write every three) and rate-limit
   * waits; default on. Off only where nothing is GitHub: unit tests against the local mock.
   */
  throttle?: boolean
}

/**
 * Creates an authenticated client: 5xx answers are retried (plugin-retry), and rate limits are
 * waited out a few times (plugin-throttling) before the request fails with GitHub's error. A
 * create that is not idempotent opts out of plugin-retry per request (`request: { retries: 0 }`):
 * GitHub may have stored it before answering 502, so `api.ts` looks for it before trying again.
 */
export function createOctokit(token: string, opts: OctokitOptions = {}): Octokit {
  const log = opts.log ?? ((): void => undefined)
  const baseUrl = (opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(
    /\/+$/,
    ''
  )
  return getOctokit(
    token,
    {
      baseUrl,
      retry: {
        retries: opts.retries ?? 3,
        // 4xx answers other than rate limits are final: retrying them only delays the error.
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451]
      },
      throttle: {
        enabled: opts.throttle ?? true,
        onRateLimit: (retryAfter, options, _octokit, retryCount) => {
          const what = `${options.method} ${options.url}`
          if (retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_S) {
            log(`GitHub rate limit hit on ${what}: retrying in ${retryAfter}s.`)
            return true
          }
          log(`GitHub rate limit hit on ${what}: giving up (resets in ${retryAfter}s).`)
          return false
        },
        onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
          const what = `${options.method} ${options.url}`
          if (retryCount < RATE_LIMIT_RETRIES) {
            log(`GitHub secondary rate limit hit on ${what}: retrying in ${retryAfter}s.`)
            return true
          }
          log(`GitHub secondary rate limit hit on ${what}: giving up after ${retryCount} retries.`)
          return false
        }
      }
    },
    retry,
    throttling
  )
}
