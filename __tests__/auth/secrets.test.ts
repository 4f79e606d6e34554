/**
 * The sealed-box secret writer against the local mock of the GitHub secrets API: repository,
 * environment and organisation secrets, created and updated, visibility kept, a rotated key,
 * retries on 5xx and on a secondary rate limit, and errors that name the target (never the value).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import sodium from 'libsodium-wrappers'
import {
  describeTarget,
  probePublicKey,
  sealSecret,
  secretNameProblem,
  secretUpdatedAt,
  writeSecret
} from '../../src/auth/secrets.js'
import { createOctokit, type Octokit } from '../../src/github/octokit.js'
import { startMockGitHub, type MockGitHub } from '../../__fixtures__/mock-github.js'
import { decodeAuth } from '../../src/auth/bundle.js'
import { fakeBundle } from '../../__fixtures__/logins.js'

const REPO = 'octo-org/octo-repo'
let mock: MockGitHub
let octokit: Octokit

beforeEach(async () => {
  mock = await startMockGitHub({
    environments: { production: { secrets: {} } }
  })
  octokit = createOctokit('ghp_FAKE_test_token', { baseUrl: mock.url, throttle: false })
})
afterEach(async () => {
  await mock.close()
})

describe('sealSecret', () => {
  it('makes a sealed box the key pair opens (libsodium loads under jest ESM)', async () => {
    await sodium.ready
    const pair = sodium.crypto_box_keypair()
    const sealed = await sealSecret(
      'FAKE value',
      sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL)
    )
    const opened = sodium.crypto_box_seal_open(
      sodium.from_base64(sealed, sodium.base64_variants.ORIGINAL),
      pair.publicKey,
      pair.privateKey
    )
    expect(sodium.to_string(opened)).toBe('FAKE value')
  })
})

describe('writeSecret', () => {
  it('creates, then updates, a repository secret the mock can open', async () => {
    const { secret } = fakeBundle()
    const target = { kind: 'repo', repo: REPO } as const
    expect(await writeSecret(octokit, target, 'CLAUDE_AUTH', secret)).toBe('created')
    expect(mock.decryptSecret({ repo: REPO }, 'CLAUDE_AUTH')).toBe(secret)
    expect((await decodeAuth(mock.decryptSecret({ repo: REPO }, 'CLAUDE_AUTH'))).kind).toBe('oauth')
    expect(await writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE second')).toBe('updated')
    expect(mock.decryptSecret({ repo: REPO }, 'CLAUDE_AUTH')).toBe('FAKE second')
    const puts = mock.writes().filter(c => c.method === 'PUT')
    expect(puts).toHaveLength(2)
    // The value only ever travels sealed.
    for (const c of mock.calls) expect(JSON.stringify(c)).not.toContain(secret)
  })

  it('writes an environment secret', async () => {
    const target = { kind: 'env', repo: REPO, environment: 'production' } as const
    expect(await writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE env value')).toBe('created')
    expect(mock.decryptSecret({ repo: REPO, env: 'production' }, 'CLAUDE_AUTH')).toBe(
      'FAKE env value'
    )
  })

  it('says the environment must exist first', async () => {
    const target = { kind: 'env', repo: REPO, environment: 'staging' } as const
    await expect(writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE v')).rejects.toThrow(
      /the environment staging of octo-org\/octo-repo: GitHub answered 404.*Settings → Environments/
    )
  })

  it('makes a new organisation secret private', async () => {
    const target = { kind: 'org', org: 'octo-org' } as const
    expect(await writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE org value')).toBe('created')
    expect(mock.orgs['octo-org']?.secrets.CLAUDE_AUTH?.visibility).toBe('private')
    expect(mock.decryptSecret({ org: 'octo-org' }, 'CLAUDE_AUTH')).toBe('FAKE org value')
  })

  it('keeps an organisation secret’s visibility and selected repositories on update', async () => {
    const org = mock.orgs['octo-org']
    if (!org) throw new Error('no org')
    org.secrets.CLAUDE_AUTH = {
      name: 'CLAUDE_AUTH',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      ...mock.sealSecret({ org: 'octo-org' }, 'FAKE old'),
      visibility: 'selected',
      selected_repository_ids: [7, 8]
    }
    const target = { kind: 'org', org: 'octo-org' } as const
    expect(await writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE new')).toBe('updated')
    expect(org.secrets.CLAUDE_AUTH?.visibility).toBe('selected')
    expect(org.secrets.CLAUDE_AUTH?.selected_repository_ids).toEqual([7, 8])
    expect(mock.decryptSecret({ org: 'octo-org' }, 'CLAUDE_AUTH')).toBe('FAKE new')

    org.secrets.CLAUDE_AUTH.visibility = 'all'
    await writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE newer')
    expect(org.secrets.CLAUDE_AUTH?.visibility).toBe('all')
  })

  it('reads the key again when it rotated between reading and writing', async () => {
    const target = { kind: 'repo', repo: REPO } as const
    await writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE one') // the mock hands out a key
    // Rotate right after our next GET of the key: the PUT with the old key_id gets 422.
    let rotated = false
    octokit.hook.after('request', (_res, options) => {
      if (!rotated && String(options.url).endsWith('/public-key')) {
        rotated = true
        mock.rotateSecretKey({ repo: REPO })
      }
    })
    expect(await writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE two')).toBe('updated')
    expect(mock.decryptSecret({ repo: REPO }, 'CLAUDE_AUTH')).toBe('FAKE two')
    expect(mock.calls.filter(c => c.method === 'PUT').map(c => c.status)).toEqual([201, 422, 204])
  })

  it('retries a 5xx answer', async () => {
    const quick = createOctokit('ghp_FAKE_test_token', { baseUrl: mock.url, retries: 2 })
    mock.failNext('PUT', '/actions/secrets/CLAUDE_AUTH$', 502)
    expect(await writeSecret(quick, { kind: 'repo', repo: REPO }, 'CLAUDE_AUTH', 'FAKE v')).toBe(
      'created'
    )
    expect(mock.calls.filter(c => c.method === 'PUT')).toHaveLength(2)
  })

  it('waits out a secondary rate limit, a few times at most', async () => {
    const logs: string[] = []
    const client = createOctokit('ghp_FAKE_test_token', {
      baseUrl: mock.url,
      log: l => logs.push(l)
    })
    mock.failNext('GET', '/actions/secrets/public-key$', 403, 1, {
      retryAfter: 1,
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' }
    })
    expect(await writeSecret(client, { kind: 'repo', repo: REPO }, 'CLAUDE_AUTH', 'FAKE v')).toBe(
      'created'
    )
    expect(logs.join('\n')).toMatch(/secondary rate limit.*retrying/)
  })

  it('names the target and GitHub’s answer on failure, never the value', async () => {
    const value = 'FAKE-never-in-messages'
    mock.failNext('PUT', '/actions/secrets/CLAUDE_AUTH$', 403, 1, {
      body: { message: 'Resource not accessible by integration' }
    })
    const err = (await writeSecret(
      octokit,
      { kind: 'repo', repo: REPO },
      'CLAUDE_AUTH',
      value
    ).catch((e: unknown) => e)) as Error
    expect(err.message).toMatch(
      /Could not write the secret CLAUDE_AUTH to the repository octo-org\/octo-repo: GitHub answered 403 \(Resource not accessible by integration\): the token may not manage Actions secrets/
    )
    expect(err.message).not.toContain(value)

    await expect(
      writeSecret(octokit, { kind: 'repo', repo: 'octo-org/missing' }, 'CLAUDE_AUTH', value)
    ).rejects.toThrow(/octo-org\/missing: GitHub answered 404.*does not exist/)
  })

  it('refuses names GitHub refuses', async () => {
    await expect(
      writeSecret(octokit, { kind: 'repo', repo: REPO }, 'GITHUB_X', 'FAKE')
    ).rejects.toThrow(/reserved by GitHub/)
    expect(secretNameProblem('CLAUDE_AUTH')).toBeUndefined()
    expect(secretNameProblem('bad-name')).toMatch(/"bad-name" is not allowed/)
    expect(mock.writes()).toHaveLength(0)
  })
})

describe('secretUpdatedAt', () => {
  it('gives updated_at, or undefined when there is no such secret', async () => {
    const target = { kind: 'repo', repo: REPO } as const
    expect(await secretUpdatedAt(octokit, target, 'CLAUDE_AUTH')).toBeUndefined()
    await writeSecret(octokit, target, 'CLAUDE_AUTH', 'FAKE v')
    const at = await secretUpdatedAt(octokit, target, 'CLAUDE_AUTH')
    expect(at).toBe(mock.state.secrets.CLAUDE_AUTH?.updated_at)
    expect(Number.isNaN(Date.parse(at as string))).toBe(false)
    const org = { kind: 'org', org: 'octo-org' } as const
    expect(await secretUpdatedAt(octokit, org, 'CLAUDE_AUTH')).toBeUndefined()
  })

  it('fails clearly when the repository itself is not visible', async () => {
    await expect(
      secretUpdatedAt(octokit, { kind: 'repo', repo: 'octo-org/missing' }, 'CLAUDE_AUTH')
    ).rejects.toThrow(/the repository octo-org\/missing/)
  })
})

describe('probePublicKey', () => {
  const repo = { kind: 'repo', repo: REPO } as const
  it('reports 200, and no scopes for a token that is not classic', async () => {
    expect(await probePublicKey(octokit, repo)).toEqual({ status: 200 })
  })

  it('reports the x-oauth-scopes a classic token gets back', async () => {
    await mock.close()
    mock = await startMockGitHub(undefined, {
      classicScopes: { ghp_FAKE_test_token: 'repo, gist' }
    })
    octokit = createOctokit('ghp_FAKE_test_token', { baseUrl: mock.url, throttle: false })
    expect(await probePublicKey(octokit, repo)).toEqual({ status: 200, scopes: 'repo, gist' })
  })

  it('reports a refusal with its status and message instead of throwing', async () => {
    mock.failNext('GET', /public-key$/, 403, 1, {
      body: { message: 'Resource not accessible by integration' }
    })
    expect(await probePublicKey(octokit, repo)).toEqual({
      status: 403,
      message: 'Resource not accessible by integration'
    })
    const missing = { kind: 'env', repo: REPO, environment: 'nope' } as const
    expect(await probePublicKey(octokit, missing)).toMatchObject({ status: 404 })
  })
})

describe('describeTarget', () => {
  it('words each kind of target', () => {
    expect(describeTarget({ kind: 'repo', repo: 'o/r' })).toBe('the repository o/r')
    expect(describeTarget({ kind: 'env', repo: 'o/r', environment: 'prod' })).toBe(
      'the environment prod of o/r'
    )
    expect(describeTarget({ kind: 'org', org: 'o' })).toBe('the organisation o')
  })
})
