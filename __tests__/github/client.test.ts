/**
 * The GitHub client main hands the jobs (made on first use, dry_run, no token) and GitHub's
 * failures in one sentence.
 */
import { describe, expect, it, jest } from '@jest/globals'
import net from 'node:net'
import { InputError } from '../../src/errors.js'
import type { DescribedWrite, GitHubApi } from '../../src/github/api.js'
import { githubFor, lazyApi } from '../../src/github/client.js'
import { githubFailure, isRequestError, networkFailure } from '../../src/github/errors.js'
import { createOctokit } from '../../src/github/octokit.js'
import { OutboundGuard } from '../../src/github/guard.js'

const requestError = (status: number, message = 'Nope - https://docs.github.com/rest') => ({
  status,
  message,
  request: { method: 'GET', url: 'https://api.github.com/repos/o/r/pulls/7?per_page=100' }
})

describe('githubFailure', () => {
  it('names the request (without its query), what GitHub said, and the likely fix', () => {
    expect(githubFailure(requestError(404, 'Not Found - https://docs.github.com/rest'))).toBe(
      'GitHub answered HTTP 404 to GET https://api.github.com/repos/o/r/pulls/7 (Not Found): check pr_number / issue_number, and that github_token can see this repository.'
    )
    expect(githubFailure(requestError(401))).toMatch(/: github_token is not valid\.$/)
    expect(githubFailure(requestError(403))).toMatch(/lacks a permission this mode needs/)
    expect(githubFailure(requestError(502))).toMatch(
      /GitHub may be having trouble: run it again\.$/
    )
  })

  it('a request that got no answer: could not reach the URL, with the network code, never "answered 500"', () => {
    const refused = {
      ...requestError(500, 'connect ECONNREFUSED 127.0.0.1:9'),
      cause: Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
          code: 'ECONNREFUSED'
        })
      })
    }
    expect(githubFailure(refused)).toBe(
      "Could not reach https://api.github.com/repos/o/r/pulls/7: ECONNREFUSED (no HTTP status, GET): check the runner's network and proxy, and GITHUB_API_URL on GitHub Enterprise Server, then run it again."
    )
    expect(networkFailure({ ...requestError(500, 'getaddrinfo ENOTFOUND ghe.example') })).toBe(
      'ENOTFOUND'
    )
    // GitHub's own 500 carries its response: that one did answer.
    expect(githubFailure({ ...requestError(500), response: { status: 500 } })).toMatch(
      /^GitHub answered HTTP 500 to GET/
    )
    expect(networkFailure(requestError(500, 'Server Error'))).toBeUndefined()
  })

  it('a real Octokit call to a closed port is worded as unreachable', async () => {
    const server = net.createServer()
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as net.AddressInfo).port
    await new Promise<void>(resolve => server.close(() => resolve()))
    const octokit = createOctokit('ghs_notarealtoken000000000000000000000', {
      baseUrl: `http://127.0.0.1:${port}`,
      retries: 0,
      throttle: false
    })
    const err = await octokit.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 7 }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(isRequestError(err)).toBe(true)
    const text = githubFailure(err as Parameters<typeof githubFailure>[0])
    expect(text).toBe(
      `Could not reach http://127.0.0.1:${port}/repos/o/r/pulls/7: ECONNREFUSED (no HTTP status, GET): check the runner's network and proxy, and GITHUB_API_URL on GitHub Enterprise Server, then run it again.`
    )
    expect(text).not.toContain('ghs_')
  })

  it('isRequestError: a status and a request URL, nothing less', () => {
    expect(isRequestError(requestError(500))).toBe(true)
    expect(isRequestError(new Error('boom'))).toBe(false)
    expect(isRequestError({ status: 500 })).toBe(false)
    expect(isRequestError(undefined)).toBe(false)
  })
})

describe('lazyApi', () => {
  it('makes the client on the first call only, and passes the arguments through', async () => {
    const getIssue = jest.fn(async (n: number) => ({ number: n }))
    const make = jest.fn(async () => ({ getIssue }) as unknown as GitHubApi)
    const api = lazyApi(make)
    expect(make).not.toHaveBeenCalled()
    await expect(api.getIssue(3)).resolves.toEqual({ number: 3 })
    await api.getIssue(4)
    expect(make).toHaveBeenCalledTimes(1)
    expect(getIssue.mock.calls).toEqual([[3], [4]])
  })
})

describe('githubFor', () => {
  const client = (token: string, dryRun: boolean, writes: DescribedWrite[] = []) =>
    githubFor({ token, dryRun, owner: 'o', repo: 'r', writes, guard: new OutboundGuard() })

  it('an empty github_token: every call fails with the sentence naming the fix', async () => {
    for (const dryRun of [false, true]) {
      const api = client('', dryRun)
      const read = api.getPull(1)
      await expect(read).rejects.toBeInstanceOf(InputError)
      await expect(read).rejects.toThrow(/^github_token is empty: leave it at its default/)
    }
  })

  it('dry_run: a write is described, not made (and no client is made for it)', async () => {
    const writes: DescribedWrite[] = []
    const api = client('ghs_FAKE_token_for_dry_run_1234', true, writes)
    await api.createIssueComment(5, 'Hello')
    expect(writes).toEqual([{ action: 'comment on #5', detail: 'Hello' }])
  })
})
