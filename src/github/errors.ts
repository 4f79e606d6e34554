/** GitHub's failures in words: what was asked, what GitHub answered, and the likely fix. */

/** The shape of Octokit's RequestError, as far as the wording needs it. */
interface RequestErrorLike {
  status: number
  message: string
  request: { method: string; url: string }
  /** GitHub's answer; absent when the request never got one (Octokit then says status 500). */
  response?: unknown
  cause?: unknown
}

/** Whether `err` is a failed GitHub request (Octokit's RequestError or alike). */
export function isRequestError(err: unknown): err is RequestErrorLike {
  const e = err as Partial<RequestErrorLike> | undefined
  return typeof e?.status === 'number' && typeof e.request?.url === 'string'
}

/**
 * The network error code of a request that got no answer (Octokit wraps fetch's failure as a
 * status 500 with no response: `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_CONNECT_TIMEOUT`…), else
 * undefined: then GitHub did answer.
 */
export function networkFailure(err: RequestErrorLike): string | undefined {
  if (err.status !== 500 || err.response !== undefined) return undefined
  let cause: unknown = err.cause
  for (let depth = 0; cause && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code
    if (typeof code === 'string' && code) return code
    cause = (cause as { cause?: unknown }).cause
  }
  const named = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(err.message)?.[1]
  if (named) return named
  return err.cause !== undefined || /fetch failed|network|socket|timed? ?out/i.test(err.message)
    ? err.message.split('\n')[0]
    : undefined
}

/** A GitHub API failure in one sentence, with the likely fix. */
export function githubFailure(err: RequestErrorLike): string {
  const url = err.request.url.replace(/\?.*$/, '')
  const code = networkFailure(err)
  if (code !== undefined) {
    return `Could not reach ${url}: ${code} (no HTTP status, ${err.request.method}): check the runner's network and proxy, and GITHUB_API_URL on GitHub Enterprise Server, then run it again.`
  }
  const where = `${err.request.method} ${url}`
  const why = err.message.split(' - ')[0]
  const fix =
    err.status === 401
      ? 'github_token is not valid'
      : err.status === 403
        ? 'github_token lacks a permission this mode needs (see the permissions in the example workflows)'
        : err.status === 404
          ? 'check pr_number / issue_number, and that github_token can see this repository'
          : 'GitHub may be having trouble: run it again'
  return `GitHub answered HTTP ${err.status} to ${where} (${why}): ${fix}.`
}
