/** GitHub's failures in words: what was asked, what GitHub answered, and the likely fix. */

/** The shape of Octokit's RequestError, as far as the wording needs it. */
interface RequestErrorLike {
  status: number
  message: string
  request: { method: string; url: string }
}

/** Whether `err` is a failed GitHub request (Octokit's RequestError or alike). */
export function isRequestError(err: unknown): err is RequestErrorLike {
  const e = err as Partial<RequestErrorLike> | undefined
  return typeof e?.status === 'number' && typeof e.request?.url === 'string'
}

/** A GitHub API failure in one sentence, with the likely fix. */
export function githubFailure(err: RequestErrorLike): string {
  const where = `${err.request.method} ${err.request.url.replace(/\?.*$/, '')}`
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
