/** `startMockGitHub`: builds the core, starts the server and hands tests the `MockGitHub` handle. */
import sodium from 'libsodium-wrappers'
import { BOT } from './arrange.js'
import { addRepo, createCore } from './core.js'
import { beforeNext, failNext } from './faults.js'
import { decryptSecret, sealSecret, secretStore } from './secret-store.js'
import { listen } from './server.js'
import type { MockGitHub, MockGitHubOptions, RecordedCall, RepoState } from './types.js'

/** Non-GET requests; a GraphQL query (`viewer`) reads, only a mutation would write. */
function writesOf(calls: RecordedCall[]): RecordedCall[] {
  return calls.filter(
    c =>
      c.method !== 'GET' &&
      c.method !== 'HEAD' &&
      !(c.path === '/graphql' && !/^\s*mutation\b/.test(String(c.body?.query ?? '')))
  )
}

/** Starts the mock with `init` as the primary repository (default octo-org/octo-repo). */
export async function startMockGitHub(
  init?: Partial<RepoState>,
  options: MockGitHubOptions = {}
): Promise<MockGitHub> {
  await sodium.ready
  // The core reads the actor through the handle: tests may replace `mock.actor`.
  const core = createCore(init, options, () => mock.actor)
  const server = await listen(core)
  const mock: MockGitHub = {
    url: core.baseUrl,
    state: core.primary,
    repos: core.repos,
    orgs: core.orgs,
    calls: core.calls,
    actor: { ...BOT },
    writes: () => writesOf(core.calls),
    decryptSecret: (scope, name) => decryptSecret(core, scope, name),
    sealSecret: (scope, value) => sealSecret(core, scope, value),
    rotateSecretKey: scope => {
      core.keys.delete(secretStore(core, scope).keyScope)
    },
    failNext: (method, pathRegex, status, times, failOptions) =>
      failNext(core, method, pathRegex, status, times, failOptions),
    beforeNext: (method, pathRegex, run, times) => beforeNext(core, method, pathRegex, run, times),
    addRepo: (fullName, partial) => {
      const [o, r] = fullName.split('/')
      if (!o || !r) throw new Error(`bad repo name ${fullName}`)
      return addRepo(core.repos, o, r, partial)
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close(err => (err ? reject(err) : resolve()))
      )
    }
  }
  return mock
}
