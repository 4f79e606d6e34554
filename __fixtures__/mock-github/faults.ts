/**
 * Fault injection (`MockGitHub.failNext`): the next matching requests answer an injected status,
 * either instead of running (nothing stored) or after running (GitHub stored the write, then
 * answered 502).
 */
import type { Core, Failure, Reply } from './core.js'
import type { FailOptions } from './types.js'
import { DOCS } from './util.js'

/** Queues `times` failures for requests matching method ('*' for any) and path regex. */
export function failNext(
  core: Core,
  method: string,
  pathRegex: RegExp | string,
  status: number,
  times = 1,
  options: FailOptions = {}
): void {
  core.failures.push({
    method: method.toUpperCase(),
    regex: typeof pathRegex === 'string' ? new RegExp(pathRegex) : pathRegex,
    status,
    remaining: times,
    options
  })
}

/** Takes one pending failure for this request (before or after it runs), if any. */
export function takeFailure(
  core: Core,
  method: string,
  path: string,
  afterStore: boolean
): Failure | undefined {
  const failures = core.failures
  const failure = failures.find(
    f =>
      f.remaining > 0 &&
      (f.options.afterStore ?? false) === afterStore &&
      (f.method === '*' || f.method === method) &&
      f.regex.test(path)
  )
  if (!failure) return undefined
  failure.remaining--
  if (failure.remaining === 0) failures.splice(failures.indexOf(failure), 1)
  return failure
}

/** The reply for an injected failure: a 403/429 carries `retry-after`. */
export function failureReply(failure: Failure): Reply {
  const headers: Record<string, string> = {}
  if (failure.status === 403 || failure.status === 429) {
    headers['retry-after'] = String(failure.options.retryAfter ?? 1)
  }
  Object.assign(headers, failure.options.headers ?? {})
  return {
    status: failure.status,
    body: failure.options.body ?? defaultFailureBody(failure.status),
    headers
  }
}

function defaultFailureBody(status: number): unknown {
  if (status === 403 || status === 429) {
    return {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
      status: String(status)
    }
  }
  if (status === 401) return { message: 'Bad credentials', status: '401' }
  if (status === 404) return { message: 'Not Found', status: '404' }
  if (status >= 500) return { message: 'Server Error', status: String(status) }
  return { message: `Injected failure ${status}`, status: String(status) }
}

/**
 * Runs `run` before the next `times` requests matching method ('*' for any) and path regex: a
 * change made between a client's reads (another run taking a label off, say).
 */
export function beforeNext(
  core: Core,
  method: string,
  pathRegex: RegExp | string,
  run: () => void,
  times = 1
): void {
  core.hooks.push({
    method: method.toUpperCase(),
    regex: typeof pathRegex === 'string' ? new RegExp(pathRegex) : pathRegex,
    remaining: times,
    run
  })
}

/** Runs (and uses up) the hooks that match this request. */
export function runHooks(core: Core, method: string, path: string): void {
  for (const hook of [...core.hooks]) {
    if (hook.remaining <= 0 || !(hook.method === '*' || hook.method === method)) continue
    if (!hook.regex.test(path)) continue
    hook.remaining--
    if (hook.remaining === 0) core.hooks.splice(core.hooks.indexOf(hook), 1)
    hook.run()
  }
}
