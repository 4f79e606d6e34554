/** Whether secrets_token may write the target secret, judged from its public-key answer. */
import { describe, expect, it } from '@jest/globals'
import { writeAccess } from '../../src/auth/lifecycle.js'
import type { SecretTarget } from '../../src/auth/secrets.js'

const REPO: SecretTarget = { kind: 'repo', repo: 'octo-org/octo-repo' }
const ENV: SecretTarget = { kind: 'env', repo: 'octo-org/octo-repo', environment: 'production' }
const ORG: SecretTarget = { kind: 'org', org: 'octo-org' }

describe('writeAccess', () => {
  it('a readable key without x-oauth-scopes (fine-grained token or App) can write', () => {
    expect(writeAccess({ status: 200 }, REPO)).toEqual({ ok: true })
    expect(writeAccess({ status: 200 }, ORG)).toEqual({ ok: true })
  })

  it('a classic token needs repo for a repository or environment, admin:org for an organisation', () => {
    expect(writeAccess({ status: 200, scopes: 'repo, workflow' }, REPO)).toEqual({ ok: true })
    expect(writeAccess({ status: 200, scopes: 'repo' }, ENV)).toEqual({ ok: true })
    expect(writeAccess({ status: 200, scopes: 'admin:org, repo' }, ORG)).toEqual({ ok: true })
    const noRepo = writeAccess({ status: 200, scopes: 'public_repo, read:org' }, REPO)
    expect(noRepo.ok).toBe(false)
    if (!noRepo.ok) {
      expect(noRepo.why).toContain('classic token without the "repo" scope')
      expect(noRepo.why).toContain('public_repo, read:org')
    }
    const noAdmin = writeAccess({ status: 200, scopes: 'repo' }, ORG)
    expect(!noAdmin.ok && noAdmin.why).toContain('"admin:org"')
    const none = writeAccess({ status: 200, scopes: '' }, REPO)
    expect(!none.ok && none.why).toContain('it has none')
  })

  it('401: the token is invalid or expired', () => {
    const v = writeAccess({ status: 401, message: 'Bad credentials' }, REPO)
    expect(v).toEqual({
      ok: false,
      why: 'GitHub answered 401 (Bad credentials): the token is invalid or expired'
    })
  })

  it('403: the missing "Secrets: write" permission, and that GITHUB_TOKEN never has it', () => {
    const v = writeAccess({ status: 403 }, REPO)
    expect(v.ok).toBe(false)
    if (!v.ok) {
      expect(v.why).toMatch(/^GitHub answered 403: the token lacks the "Secrets: write" permission/)
      expect(v.why).toContain('GITHUB_TOKEN can never write secrets')
      expect(v.why).toContain('a classic token with "repo"')
    }
    const org = writeAccess({ status: 403 }, ORG)
    expect(!org.ok && org.why).toContain('a classic token with "admin:org"')
  })

  it('404: the target does not exist or is not visible, named', () => {
    const v = writeAccess({ status: 404, message: 'Not Found' }, ENV)
    expect(v).toEqual({
      ok: false,
      why: 'GitHub answered 404 (Not Found): the environment production of octo-org/octo-repo does not exist or the token cannot see it'
    })
  })

  it('anything else (5xx, no answer) is not a yes either', () => {
    expect(writeAccess({ status: 502 }, REPO)).toEqual({ ok: false, why: 'GitHub answered 502' })
    expect(writeAccess({ status: 0, message: 'ECONNREFUSED' }, REPO)).toEqual({
      ok: false,
      why: 'GitHub could not be reached (ECONNREFUSED)'
    })
  })
})
