/**
 * The mocks an end-to-end test file runs against, started and stopped with the file, and the leak
 * scan run after every test: everything the action wrote and everything the mocks received (auth
 * headers aside, where tokens belong) is searched for every token the test registered.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals'
import { DAY, fakeBundle } from '../../__fixtures__/logins.js'
import { startMockAnthropic, type MockAnthropic } from '../../__fixtures__/mock-anthropic.js'
import { startMockGitHub, type MockGitHub } from '../../__fixtures__/mock-github.js'
import { startRefusingProxy } from '../../__fixtures__/proxy.js'
import { CLAUDE, findLeaks, Runner } from '../../__fixtures__/runner.js'

const AUTH_HEADERS = ['authorization', 'x-api-key']

/** Recorded requests as one text, without the headers that are meant to carry a token. */
export function receivedText(
  requests: ReadonlyArray<{
    headers: Record<string, unknown>
    raw?: string
    body?: unknown
    rawPath?: string
  }>
): string {
  return requests
    .map(r => {
      const headers = Object.fromEntries(
        Object.entries(r.headers).filter(([k]) => !AUTH_HEADERS.includes(k.toLowerCase()))
      )
      return `${r.rawPath ?? ''} ${JSON.stringify(headers)} ${r.raw ?? JSON.stringify(r.body ?? '')}`
    })
    .join('\n')
}

export interface World {
  api: MockAnthropic
  proxy: Awaited<ReturnType<typeof startRefusingProxy>>
  /** A fresh mock GitHub per test (when asked for). */
  gh: MockGitHub
  /** A fresh runner per test. */
  runner: Runner
  /** Every token to scan for: tests push theirs. */
  secrets: string[]
  /** The environment that points the action and the CLI at the mocks. */
  env(): Record<string, string>
  /** A fresh captured login (default: valid, ending in 20 days), its tokens added to `secrets`. */
  login(opts?: Parameters<typeof fakeBundle>[0]): {
    secret: string
    access: string
    refresh: string
  }
}

/** Registers the hooks and returns the world the tests use (its fields change per test). */
export function useWorld(opts: { github?: boolean; workspaceInHome?: boolean } = {}): World {
  const runners: Runner[] = []
  const world = { secrets: [] as string[] } as unknown as World
  world.login = (login = { loginEndsInMs: 20 * DAY }) => {
    const { secret, credentials } = fakeBundle(login)
    const access = credentials.claudeAiOauth.accessToken
    const refresh = credentials.claudeAiOauth.refreshToken as string
    world.secrets.push(secret, access, refresh)
    return { secret, access, refresh }
  }
  world.env = () => ({
    ANTHROPIC_BASE_URL: world.api.url,
    HTTPS_PROXY: world.proxy.url,
    HTTP_PROXY: world.proxy.url,
    NO_PROXY: '127.0.0.1,localhost',
    TZ: 'UTC',
    ...(opts.github ? { GITHUB_API_URL: world.gh.url } : {})
  })
  beforeAll(async () => {
    world.api = await startMockAnthropic()
    world.proxy = await startRefusingProxy()
  })
  afterAll(async () => {
    await world.api.close()
    await world.proxy.close()
    for (const r of runners) await r.cleanup()
  })
  beforeEach(async () => {
    world.runner = await Runner.create({ workspaceInHome: opts.workspaceInHome ?? false })
    runners.push(world.runner)
    world.api.requests.length = 0
    if (opts.github) world.gh = await startMockGitHub()
  })
  afterEach(async () => {
    expect(findLeaks(await world.runner.everythingWritten(), world.secrets)).toEqual([])
    expect(findLeaks(receivedText(world.api.requests), world.secrets)).toEqual([])
    if (opts.github) {
      expect(findLeaks(receivedText(world.gh.calls), world.secrets)).toEqual([])
      await world.gh.close()
    }
  })
  return world
}

/**
 * One job as a separate workflow run has it: a fresh login, the main step with the real CLI, then
 * the post step (config_dir put back before the next job). Returns the main step.
 */
export async function oneJob(
  world: World,
  opts: {
    githubToken: string
    inputs: Record<string, string>
    event: { name: string; payload?: unknown }
    model?: string
  }
) {
  const { secret } = world.login({ loginEndsInMs: 20 * DAY })
  const main = await world.runner.main({
    inputs: {
      claude_path: CLAUDE,
      model: opts.model ?? 'claude-sonnet-4-5',
      claude_auth: secret,
      github_token: opts.githubToken,
      ...opts.inputs
    },
    env: world.env(),
    event: opts.event
  })
  await world.runner.post({ inputs: { claude_auth: secret, github_token: opts.githubToken } })
  return main
}
