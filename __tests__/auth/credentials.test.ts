/**
 * The one rule for a login's credentials, shared by the action and the capture tool: wiped (an
 * empty access token, or an emptied file), missing (no file, not JSON, no Claude login) or ok; and
 * the token a login is named by.
 */
import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  credentialsState,
  isWiped,
  primaryToken,
  readCredentialsState
} from '../../src/auth/credentials.js'
import { fakeCredentials, fakeOauthLogin, fakeToken } from '../../__fixtures__/logins.js'
import { useScratch } from '../../__fixtures__/scratch.js'

const scratch = useScratch('csa-credentials')

describe('credentialsState', () => {
  it('a login with an access token is ok; an emptied access token is wiped', () => {
    const creds = fakeCredentials()
    expect(credentialsState(creds)).toBe('ok')
    expect(isWiped(creds.claudeAiOauth)).toBe(false)
    const wiped = { claudeAiOauth: { ...creds.claudeAiOauth, accessToken: '' } }
    expect(credentialsState(wiped)).toBe('wiped')
    expect(isWiped(wiped.claudeAiOauth)).toBe(true)
  })

  it('anything without a claudeAiOauth object holds no login', () => {
    for (const v of [undefined, null, 'text', [], {}, { claudeAiOauth: null }, { other: {} }]) {
      expect(credentialsState(v)).toBe('missing')
    }
    expect(isWiped(undefined)).toBe(false)
  })
})

describe('readCredentialsState', () => {
  const withFile = (text?: string): string => {
    const dir = scratch.dir('config')
    if (text !== undefined) writeFileSync(path.join(dir, '.credentials.json'), text)
    return dir
  }

  it('reads the file the CLI left: ok, wiped, emptied, absent, or not JSON', async () => {
    const creds = fakeCredentials()
    expect(await readCredentialsState(withFile(JSON.stringify(creds)))).toBe('ok')
    const wiped = { claudeAiOauth: { ...creds.claudeAiOauth, accessToken: '' } }
    expect(await readCredentialsState(withFile(JSON.stringify(wiped)))).toBe('wiped')
    expect(await readCredentialsState(withFile(' \n'))).toBe('wiped')
    expect(await readCredentialsState(withFile())).toBe('missing')
    expect(await readCredentialsState(withFile('{not json'))).toBe('missing')
  })
})

describe('primaryToken', () => {
  it('names a login by its access token or setup-token, loaded auth by its key first', () => {
    const login = fakeOauthLogin()
    const access = login.kind === 'oauth' ? login.credentials.claudeAiOauth.accessToken : ''
    expect(primaryToken(login)).toBe(access)
    const token = fakeToken()
    const setup = { ...login, kind: 'setup-token' as const, token }
    expect(primaryToken(setup)).toBe(token)
    const assessment = {
      kind: 'oauth' as const,
      status: 'valid' as const,
      needsRefresh: false,
      canRefresh: false,
      notices: []
    }
    const base = { input: 'claude_auth' as const, assessment, warnings: [] }
    expect(primaryToken({ ...base, login })).toBe(access)
    expect(primaryToken({ ...base, login, apiKey: 'key' })).toBe('key')
    expect(primaryToken(base)).toBeUndefined()
  })
})
