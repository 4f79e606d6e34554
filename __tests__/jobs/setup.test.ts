/** Which token setup mode hands later steps as `oauth_token`, from plain login objects. */
import { describe, expect, it } from '@jest/globals'
import { fakeOauthLogin } from '../../__fixtures__/logins.js'
import { loginTokenOf } from '../../src/jobs/setup.js'

describe('loginTokenOf', () => {
  it('an oauth login: its access token (the refreshed one, when the run refreshed)', () => {
    const login = fakeOauthLogin()
    if (login.kind !== 'oauth') throw new Error('unreachable')
    expect(loginTokenOf({ login })).toBe(login.credentials.claudeAiOauth.accessToken)
  })

  it('a setup-token login: the setup-token', () => {
    const login = {
      kind: 'setup-token' as const,
      token: 'sk-ant-oat01-FAKE-setup-test-0123456789',
      origin: 'token' as const,
      generation: 0,
      files: {},
      warnings: []
    }
    expect(loginTokenOf({ login })).toBe('sk-ant-oat01-FAKE-setup-test-0123456789')
  })

  it('an API key: empty (an API key is no OAuth token)', () => {
    expect(loginTokenOf({})).toBe('')
  })
})
