/** remember(): every form masked, the secret kept by kind for the guard; short and long values. */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'

const setSecret = jest.fn<(value: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({ setSecret }))
// eslint-disable-next-line no-restricted-syntax
const secrets = await import('../src/known-secrets.js')
const { claudeTokenKind, encodedForms, forgetSecrets, knownSecrets, remember } = secrets

const masked = (): string[] => setSecret.mock.calls.map(c => c[0])
const TOKEN = 'ghs_FAKE_known_secrets_0123456789abcdef'

beforeEach(() => {
  setSecret.mockClear()
  forgetSecrets()
})

describe('remember', () => {
  it('masks the value, every encoded form and the whole base64, and keeps it by kind', () => {
    remember('github_token', `  ${TOKEN}\n`)
    expect(masked()).toEqual([
      ...new Set([
        TOKEN,
        ...encodedForms(TOKEN).map(f => f.text),
        Buffer.from(TOKEN).toString('base64')
      ])
    ])
    expect(knownSecrets().map(k => [k.kind, k.value])).toEqual([['github_token', TOKEN]])
  })

  it('remembers a value once, under the kind it was first given', () => {
    remember('github_token', TOKEN)
    const n = masked().length
    remember('secrets_token', TOKEN)
    expect(masked()).toHaveLength(n)
    expect(knownSecrets().map(k => k.kind)).toEqual(['github_token'])
  })

  it('a blank value is ignored; a very short one is masked but not searched for', () => {
    remember('API key', '   ')
    expect(masked()).toEqual([])
    remember('API key', 'abc')
    expect(masked()).toEqual(['abc', 'YWJj'])
    expect(knownSecrets()).toEqual([])
  })

  it('a whole bundle is masked as itself only, and still searched for in every form', () => {
    const bundle = 'H4sI' + 'A'.repeat(10_000)
    remember('claude_auth', bundle)
    expect(masked()).toEqual([bundle])
    expect(knownSecrets()[0]?.forms.map(f => f.form)).toContain('base64')
  })
})

describe('claudeTokenKind', () => {
  it.each([
    ['sk-ant-oat01-x', 'access token'],
    ['sk-ant-ort01-x', 'refresh token'],
    ['sk-ant-api03-x', 'API key'],
    ['something-else', 'OAuth token']
  ])('%s is an %s', (token, kind) => {
    expect(claudeTokenKind(token)).toBe(kind)
  })
})
