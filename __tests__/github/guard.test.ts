/**
 * The outbound guard with plain objects: every form of every known secret is found, every token
 * shape is found, ordinary code and prose are not, a hit withholds the write and every later one,
 * and the message names the kind and the write, never the value.
 */
import { describe, expect, it } from '@jest/globals'
import type { GitHubApi } from '../../src/github/api.js'
import { findLeak, logSafe, OutboundGuard } from '../../src/github/guard.js'
import {
  base64Inner,
  encodedForms,
  SecretLeakError,
  type KnownSecret,
  type SecretKind
} from '../../src/known-secrets.js'
import { Outputs } from '../../src/report/outputs.js'
import { Summary } from '../../src/report/summary.js'

const GH = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
const ACCESS = 'sk-ant-oat01-FAKE-guard-access-0123456789abcdefABCDEF_-xyz'
const PAT = 'ghp_' + 'Zq7Xw2Lr9Tk4Vm8Np3Hs6Jd1Fb5Gc0Ya2Ue'
const RAW_AUTH = 'H4sIAAAAAAAAA6tWSkksSVSyUlAqS8wpTgUA' + 'x'.repeat(40) + '\n' + 'y'.repeat(40)

const secret = (kind: SecretKind, value: string): KnownSecret => ({
  kind,
  value,
  forms: encodedForms(value)
})
const SECRETS = [
  secret('github_token', GH),
  secret('access token', ACCESS),
  secret('claude_auth', RAW_AUTH)
]

const b64 = (s: string, url = false): string =>
  Buffer.from(s).toString(url ? 'base64url' : 'base64')

describe('findLeak: known secrets in every form', () => {
  it.each([
    ['as is', `token: ${ACCESS}.`, /^$/],
    ['base64', `Encoded: ${b64(ACCESS)}`, /^base64$/],
    ['base64 after one byte', `x${b64('a' + ACCESS)}`, /^base64/],
    ['base64 after two bytes', b64(`ab${ACCESS}--trailing`), /^base64/],
    ['base64 inside a longer encoding', b64(`{"token":"${ACCESS}","more":1}`), /^base64/],
    ['base64url', b64(`?${ACCESS}>>`, true), /^base64/],
    ['basic auth', `Authorization: Basic ${b64(`x-access-token:${ACCESS}`)}`, /^base64$/],
    ['with zero-width characters inside', ACCESS.replace('ant', 'a\u200Bnt'), /^$/]
  ])('the access token %s', (_name, text, form) => {
    const leak = findLeak(text, SECRETS)
    expect(leak?.what).toBe('the access token')
    expect(leak?.form).toMatch(form)
  })

  it('finds base64url and URL-escaped forms of a secret with characters they change', () => {
    const value = 'H4sI+abc/def+ghi/jkl+mno/pqr=='
    const s = [secret('claude_auth', value)]
    expect(findLeak(`?auth=${encodeURIComponent(value)}`, s)).toEqual({
      what: 'the claude_auth input',
      form: 'URL-escaped'
    })
    // '???' is `Pz8/` in base64: its base64url differs at every alignment.
    const q = [secret('claude_auth', '?'.repeat(30))]
    for (const before of ['', '>', '>>']) {
      expect(findLeak(b64(`${before}${'?'.repeat(30)}`, true), q)).toEqual({
        what: 'the claude_auth input',
        form: 'base64url'
      })
    }
  })

  it('names each secret input by its kind', () => {
    expect(findLeak(`see ${GH}`, SECRETS)?.what).toBe('the github_token')
    expect(findLeak(`x${RAW_AUTH}y`, SECRETS)?.what).toBe('the claude_auth input')
  })

  it('finds one line of a multi-line input, and the input without its line breaks', () => {
    expect(findLeak(`a ${'y'.repeat(40)} b`, SECRETS)?.what).toBe('the claude_auth input')
    expect(findLeak(RAW_AUTH.replace('\n', ''), SECRETS)?.what).toBe('the claude_auth input')
  })

  it('finds the JSON-escaped form of a secret that has characters JSON escapes', () => {
    const json = '{"accessToken":"sk-ant-oat01-abc","x":"quote\\"d"}'
    const s = [secret('claude_auth', json)]
    expect(findLeak(JSON.stringify({ body: json }), s)).toEqual({
      what: 'the claude_auth input',
      form: 'JSON-escaped'
    })
  })

  it('a token has the basic-auth form, and no form twice', () => {
    expect(encodedForms(GH)).toContainEqual({
      form: 'basic auth',
      text: b64(`x-access-token:${GH}`)
    })
    // A token of letters, digits and `_` is the same JSON-, URL-escaped and in base64url: one form each.
    expect(encodedForms(GH).map(f => f.form)).toEqual([
      'as is',
      'base64',
      'base64',
      'base64',
      'basic auth',
      'hex',
      'hex'
    ])
  })

  it("base64Inner keeps only the characters that depend on the secret's bytes", () => {
    for (const shift of [0, 1, 2] as const) {
      for (const before of ['', 'k', 'ke', 'key', 'key:', 'key: ']) {
        const encoded = b64(`${before}${'-'.repeat(shift)}${ACCESS}!!`)
        const inner = base64Inner(ACCESS, ((before.length + shift) % 3) as 0 | 1 | 2)
        expect(encoded).toContain(inner)
      }
    }
  })
})

describe('findLeak: a known token cut up or disguised', () => {
  const hex = (t: string): string => Buffer.from(t).toString('hex')
  const tail = ACCESS.slice('sk-ant-oat01-'.length)
  it.each([
    ['one half of it, without the prefix', `Part two: ${tail.slice(20)}`],
    ['spaced out', `It is ${tail.split('').join(' ')}`],
    ['cut by line breaks and backticks', tail.match(/.{1,8}/g)!.join('`\n`')],
    ['with unicode dashes', ACCESS.replace(/-/g, '\u2011')],
    [
      'in full-width letters',
      ACCESS.replace(/[A-Za-z0-9]/g, c => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    ],
    ['hex, either case', `0x${hex(ACCESS).toUpperCase()}`],
    ['hex, spaced in bytes', hex(ACCESS).match(/../g)!.join(' ')],
    ['reversed', `Backwards: ${[...ACCESS].reverse().join('')}`],
    [
      'as decimal HTML character references',
      [...ACCESS].map(c => `&#${c.charCodeAt(0)};`).join('')
    ],
    [
      'as hex HTML character references, no semicolons',
      [...tail].map(c => `&#x${c.charCodeAt(0).toString(16)}`).join('')
    ],
    ['with empty tags between its characters', [...tail].join('<b></b>')]
  ])('%s', (_, text) => {
    expect(findLeak(text, SECRETS)).toEqual({
      what: 'the access token',
      form: expect.stringMatching(/^(hex|in pieces or disguised|)$/)
    })
  })

  it("the gzip header every encoded bundle starts with is not a piece of this run's bundle", () => {
    const bundle =
      'H4sIAAAAAAACA13QPW/cMAwG4P/C2Qr0ZVvSdkO7ZMhyU4MgoCk6Z9xFMiQ5SHG4/x74mg7tSIJ8STxX'
    const s = [secret('claude_auth', bundle)]
    expect(findLeak('Fixture: H4sIAAAAAAACA13QPW/other/bundle==', s)).toBeUndefined()
    expect(findLeak(`Half of it: ${bundle.slice(30)}`, s)).toEqual({
      what: 'the claude_auth input',
      form: 'in pieces or disguised'
    })
  })

  it('a piece shorter than 16 letters and digits is not a hit, nor the key names of a JSON bundle', () => {
    const json = JSON.stringify({
      claudeAiOauth: { accessToken: ACCESS, refreshToken: 'r'.repeat(8) }
    })
    const s = [secret('claude_auth', json)]
    expect(
      findLeak('"claudeAiOauth": { "accessToken": "…", "refreshToken": "…" }', s)
    ).toBeUndefined()
    expect(findLeak(`Starts with ${tail.slice(0, 15)}…`, SECRETS)).toBeUndefined()
  })

  it('ordinary HTML and markdown are not hits: references that are no characters stay as they are', () => {
    const text =
      '<details><summary>Why</summary>\n\n`a &lt; b &amp;&amp; c &#x110000; &#0;` <br/> x < y > z</details>'
    expect(findLeak(text, SECRETS)).toBeUndefined()
  })
})

describe('findLeak: token shapes nobody registered', () => {
  it.each([
    ['an Anthropic token', 'sk-ant-api03-' + 'Ab3_'.repeat(10)],
    ['an Anthropic token', 'sk-ant-admin01-' + 'q'.repeat(30)],
    ['a GitHub personal access token', 'ghp_' + 'A1b2C3d4E5'.repeat(4)],
    ['a GitHub OAuth token', 'gho_' + 'A1b2C3d4E5'.repeat(4)],
    ['a GitHub user token', 'ghu_' + 'A1b2C3d4E5'.repeat(4)],
    ['a GitHub installation token', 'ghs_' + 'A1b2C3d4E5'.repeat(4)],
    ['a GitHub refresh token', 'ghr_' + 'A1b2C3d4E5'.repeat(4)],
    ['a fine-grained GitHub token', 'github_pat_11ABCDEFG0' + 'a1B2_c3D4'.repeat(8)],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...'],
    ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
    ['a private key', '-----BEGIN PRIVATE KEY-----'],
    ['a private key', '-----BEGIN ENCRYPTED PRIVATE KEY-----']
  ])('%s: %s', (what, token) => {
    expect(findLeak(`Found \`${token}\` in the diff.`, [])).toEqual({ what, form: 'by its shape' })
  })

  it.each([
    'const token = process.env.GITHUB_TOKEN ?? core.getInput("github_token")',
    'Classic tokens start with ghp_ and fine-grained ones with github_pat_; keys with sk-ant-.',
    'if (key.startsWith("sk-ant-api03-")) return "api-key"',
    'const ghp_count = 3; // ghp_ prefix counter',
    '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----',
    '-----BEGIN CERTIFICATE-----',
    'sha: 3f2c1a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39, base64: aGVsbG8gd29ybGQ=',
    'The `add` function now returns `a - b`.\n\n```suggestion\n  return a + b\n```'
  ])('no false positive: %s', text => {
    expect(findLeak(text, SECRETS)).toBeUndefined()
  })
})

/** A GitHubApi of plain functions that records the writes it gets. */
function recordingApi(): { api: GitHubApi; writes: string[] } {
  const writes: string[] = []
  const write =
    (name: string) =>
    async (...args: unknown[]): Promise<never> => {
      writes.push(`${name} ${JSON.stringify(args)}`)
      return { id: 1, body: '', url: 'u', number: 3 } as never
    }
  const api = {
    getPull: async () => ({ number: 1 }),
    whoami: async () => 'github-actions[bot]',
    listIssueComments: async () => [],
    createReview: write('createReview'),
    createIssueComment: write('createIssueComment'),
    updateIssueComment: write('updateIssueComment'),
    createIssue: write('createIssue'),
    updateIssue: write('updateIssue'),
    createLabel: write('createLabel'),
    addLabels: write('addLabels'),
    replyToReviewComment: write('replyToReviewComment')
  } as unknown as GitHubApi
  return { api, writes }
}

describe('OutboundGuard', () => {
  const guarded = () => {
    const { api, writes } = recordingApi()
    const guard = new OutboundGuard(() => SECRETS)
    return { guard, api: guard.wrap(api), writes }
  }

  it('lets clean writes and every read through', async () => {
    const { api, writes, guard } = guarded()
    await api.createIssueComment(12, 'A clean summary.')
    await api.createReview(12, {
      commitId: 'abc',
      body: 'ok',
      comments: [{ path: 'a.ts', line: 1, side: 'RIGHT', body: 'nit' }]
    })
    expect(await api.whoami()).toBe('github-actions[bot]')
    expect(writes).toHaveLength(2)
    expect(guard.tripped).toBeUndefined()
  })

  it('withholds a write whose inline comment holds a secret, with one sentence naming the kind and the write', async () => {
    const { api, writes, guard } = guarded()
    const attempt = api.createReview(12, {
      commitId: 'abc',
      body: 'ok',
      comments: [{ path: 'a.ts', line: 1, side: 'RIGHT', body: `leak ${b64(GH)}` }]
    })
    await expect(attempt).rejects.toBeInstanceOf(SecretLeakError)
    expect(writes).toEqual([])
    const message = guard.tripped?.message ?? ''
    expect(message).toBe(
      'The outbound guard withheld the review on #12, and every later write of this run, because its text holds the github_token (base64); nothing of it was sent to GitHub (a model that writes a secret was likely steered by the text it read).'
    )
    expect(message).not.toContain(GH)
    expect(message).not.toContain(b64(GH))
  })

  it('withholds every later write, clean or not, and keeps the first sentence', async () => {
    const { api, writes, guard } = guarded()
    await expect(api.createIssueComment(7, `x ${ACCESS}`)).rejects.toThrow(/a comment on #7/)
    const first = guard.tripped
    await expect(api.addLabels(7, ['bug'])).rejects.toBe(first)
    await expect(api.updateIssue(7, { state: 'closed' })).rejects.toBe(first)
    expect(writes).toEqual([])
    expect(guard.tripped?.message).toMatch(/the access token;/)
  })

  it.each([
    ['an issue title', (api: GitHubApi) => api.createIssue({ title: GH, body: 'b', labels: [] })],
    [
      "an issue's new body",
      (api: GitHubApi) => api.updateIssue(3, { body: `-----BEGIN EC PRIVATE KEY-----` })
    ],
    ['a comment update', (api: GitHubApi) => api.updateIssueComment(9, encodeURIComponent(GH))],
    [
      'a label description',
      (api: GitHubApi) => api.createLabel({ name: 'x', color: 'ffffff', description: GH })
    ],
    ['a label name', (api: GitHubApi) => api.addLabels(3, [`a${GH}`])],
    [
      'a write the guard has never heard of (a reply)',
      (api: GitHubApi) =>
        (
          api as unknown as { replyToReviewComment: (n: number, b: string) => Promise<unknown> }
        ).replyToReviewComment(5, `see ${ACCESS}`)
    ]
  ])('checks %s', async (_name, write) => {
    const { api, writes } = guarded()
    await expect(write(api)).rejects.toBeInstanceOf(SecretLeakError)
    expect(writes).toEqual([])
  })

  it('sees secrets remembered after it was made (a refreshed token)', async () => {
    const later: KnownSecret[] = []
    const { api, writes } = recordingApi()
    const guard = new OutboundGuard(() => later)
    const g = guard.wrap(api)
    await g.createIssueComment(1, 'fine')
    later.push(secret('refresh token', 'sk-ant-ort01-FAKE-rotated-0123456789abcdef'))
    await expect(
      g.createIssueComment(1, 'sk-ant-ort01-FAKE-rotated-0123456789abcdef')
    ).rejects.toThrow(/the refresh token/)
    expect(writes).toHaveLength(1)
  })
})

describe('what the runner publishes: outputs and the job summary', () => {
  it('an output holding a secret is set empty, trips the guard, and later outputs still go', () => {
    const guard = new OutboundGuard(() => SECRETS)
    const outputs = new Outputs(guard)
    outputs.set('result', `The token, spaced: ${ACCESS.split('').join(' ')}`)
    outputs.set('conclusion', 'failure')
    expect(outputs.values).toEqual({ result: '', conclusion: 'failure' })
    expect(guard.tripped?.message).toMatch(/withheld the output result, .* the access token/)
    expect(guard.tripped?.message).not.toContain(ACCESS)
  })

  it('a summary part holding a secret is replaced by a note; the other parts stay', () => {
    const guard = new OutboundGuard(() => SECRETS)
    const summary = new Summary(guard)
      .heading('Triage of #1', 3)
      .table([['bug', `because ${b64(GH)}`]], ['label', 'reason'])
      .text('Done.')
    expect(summary.toString()).toContain('Triage of #1')
    expect(summary.toString()).toContain('Done.')
    expect(summary.toString()).toContain('withheld')
    expect(summary.toString()).not.toContain(b64(GH).slice(4, 40))
    expect(guard.tripped?.message).toMatch(/the github_token \(base64\)/)
  })

  it('logSafe replaces a line with a disguised secret by a note naming the kind', () => {
    expect(logSafe('Claude: all good')).toBe('Claude: all good')
    expect(logSafe(`Claude: ${PAT}`)).toBe(
      '(not shown: it holds a GitHub personal access token, by its shape)'
    )
  })
})

describe('oauth_token: the one output that carries the login on purpose', () => {
  const REFRESH = 'sk-ant-ort01-FAKE-guard-refresh-0123456789abcdefABCDEF'
  const SETUP = 'sk-ant-oat01-FAKE-guard-setup-token-0123456789abcdef'
  const BARE = 'sk-ant-oat01-FAKE-guard-bare-claude-auth-0123456789'
  const login = [
    ...SECRETS,
    secret('refresh token', REFRESH),
    secret('setup-token', SETUP),
    secret('claude_auth', BARE)
  ]

  it.each([
    ['the access token', ACCESS],
    ['a setup-token', SETUP],
    ['a bare setup-token given as claude_auth', BARE],
    ['nothing (an API key login)', '']
  ])('carries %s, and the guard stays clear', (_name, token) => {
    const guard = new OutboundGuard(() => login)
    const outputs = new Outputs(guard)
    outputs.loginToken(token)
    expect(outputs.values.oauth_token).toBe(token)
    expect(guard.tripped).toBeUndefined()
  })

  it.each([
    ['the refresh token', REFRESH, /held the refresh token/],
    ['the github_token', GH, /held the github_token/],
    ['the whole claude_auth bundle', RAW_AUTH, /held the claude_auth input/],
    ['the access token with text around it', `token=${ACCESS}`, /a value this run never masked/],
    ['a token the run never masked', 'sk-ant-oat01-FAKE-never-seen-0123456789', /never masked/]
  ])('never carries %s: set empty, and the step fails', (_name, value, message) => {
    const guard = new OutboundGuard(() => login)
    const outputs = new Outputs(guard)
    outputs.loginToken(value)
    expect(outputs.values.oauth_token).toBe('')
    expect(guard.tripped?.message).toMatch(message)
    expect(guard.tripped?.message).not.toContain(value.trim())
  })

  it('after oauth_token is set, the same token is still withheld from every other output, the summary and GitHub', async () => {
    const guard = new OutboundGuard(() => login)
    const outputs = new Outputs(guard)
    outputs.loginToken(ACCESS)
    expect(guard.tripped).toBeUndefined()
    outputs.set('result', `use ${ACCESS}`)
    expect(outputs.values.result).toBe('')
    expect(guard.tripped?.message).toMatch(/withheld the output result, .* the access token/)
    const summary = new Summary(new OutboundGuard(() => login)).text(`token ${ACCESS}`)
    expect(summary.toString()).not.toContain(ACCESS)
    const { api, writes } = recordingApi()
    const fresh = new OutboundGuard(() => login)
    const o2 = new Outputs(fresh)
    o2.loginToken(ACCESS)
    await expect(fresh.wrap(api).createIssueComment(1, ACCESS)).rejects.toThrow(/the access token/)
    expect(writes).toHaveLength(0)
  })
})
