import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import {
  buildBundle,
  decodeAuth,
  encodeBundle,
  jsonDepth,
  tokensOf,
  type Credentials
} from '../../src/auth/bundle.js'
import { AuthError } from '../../src/auth/errors.js'
import { fakeBundle, fakeCredentials, fakeToken, makeTar } from '../../__fixtures__/logins.js'

const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64')
const gz64 = (s: string): string => gzipSync(Buffer.from(s)).toString('base64')

async function decodeError(raw: string): Promise<AuthError> {
  try {
    await decodeAuth(raw)
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError)
    return err as AuthError
  }
  throw new Error('expected the input to be refused')
}

function bundleJson(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'claude-auth-bundle',
    version: 1,
    kind: 'oauth',
    capturedAt: '2026-11-28T12:00:00.000Z',
    source: 'file',
    generation: 1,
    credentials: fakeCredentials(),
    ...over
  }
}

describe('decodeAuth: good inputs', () => {
  it('the gzip+base64 bundle, with unknown credential fields kept', async () => {
    const { secret, credentials } = fakeBundle({
      extra: { rateLimitTier: 'default_claude_max_20x', accountUuid: 'u-1' },
      files: { 'settings.json': { model: 'opus' } }
    })
    const login = await decodeAuth(secret)
    expect(login.kind).toBe('oauth')
    if (login.kind !== 'oauth') return
    expect(login.credentials).toEqual(credentials)
    expect(login.credentials.claudeAiOauth.rateLimitTier).toBe('default_claude_max_20x')
    expect(login.files).toEqual({ 'settings.json': { model: 'opus' } })
    expect(login.generation).toBe(1)
    expect(login.origin).toBe('bundle')
  })

  it('ignores whitespace and line breaks inside base64', async () => {
    const { secret } = fakeBundle()
    const wrapped = `  ${secret.replace(/(.{60})/g, '$1\n')}\n`
    expect((await decodeAuth(wrapped)).kind).toBe('oauth')
  })

  it('the bundle not base64-encoded', async () => {
    const login = await decodeAuth(JSON.stringify(bundleJson()))
    expect(login.origin).toBe('bundle')
  })

  it('a bare .credentials.json, plain and base64', async () => {
    const creds = fakeCredentials()
    for (const raw of [JSON.stringify(creds), b64(JSON.stringify(creds, null, 2))]) {
      const login = await decodeAuth(raw)
      expect(login.origin).toBe('credentials-json')
      expect(login.kind === 'oauth' && login.credentials).toEqual(creds)
    }
  })

  it('a tar and a tar.gz of ~/.claude, under a top-level folder, taking only the named files', async () => {
    const creds = fakeCredentials()
    for (const prefix of ['', '.claude/', './', './.claude/', 'claude-hub/']) {
      for (const gzip of [false, true]) {
        const archive = await makeTar(
          [
            { name: `${prefix}.credentials.json`, content: JSON.stringify(creds) },
            { name: `${prefix}settings.json`, content: '{"theme":"dark"}' },
            { name: `${prefix}projects/x/transcript.jsonl`, content: 'secret history' },
            { name: `${prefix}history.jsonl`, content: 'more history' },
            { name: `${prefix}ide`, type: 'symlink', linkname: '/etc/passwd' }
          ],
          gzip
        )
        const login = await decodeAuth(archive.toString('base64'))
        expect(login.origin).toBe('tar')
        expect(login.kind === 'oauth' && login.credentials).toEqual(creds)
        expect(login.files).toEqual({ 'settings.json': { theme: 'dark' } })
      }
    }
  })

  it('a bare setup-token, plain and base64', async () => {
    const token = fakeToken('oat')
    for (const raw of [token, `${token}\n`, b64(token)]) {
      const login = await decodeAuth(raw)
      expect(login).toMatchObject({ kind: 'setup-token', token, origin: 'token' })
    }
  })

  it('a setup-token bundle keeps its expiry', async () => {
    const token = fakeToken('oat')
    const raw = gz64(
      JSON.stringify(
        bundleJson({
          kind: 'setup-token',
          source: 'setup-token',
          credentials: undefined,
          token,
          tokenExpiresAt: Date.UTC(2027, 10, 28)
        })
      )
    )
    const login = await decodeAuth(raw)
    expect(login).toMatchObject({
      kind: 'setup-token',
      token,
      tokenExpiresAt: Date.UTC(2027, 10, 28)
    })
  })

  it('tokensOf lists every token for masking', async () => {
    const creds = fakeCredentials()
    const login = await decodeAuth(JSON.stringify(creds))
    expect(tokensOf(login).sort()).toEqual(
      [creds.claudeAiOauth.accessToken, creds.claudeAiOauth.refreshToken].sort()
    )
  })
})

describe('encode and build', () => {
  it('round-trips, keeping unknown bundle and credential fields', async () => {
    const raw = JSON.stringify(
      bundleJson({
        futureField: { kept: true },
        credentials: fakeCredentials({ extra: { organizationUuid: 'o-1' } })
      })
    )
    const login = await decodeAuth(raw)
    const next = buildBundle(login, { source: 'refresh', generation: login.generation + 1 })
    const again = await decodeAuth(encodeBundle(next))
    expect(again.generation).toBe(2)
    expect(again.source).toBe('refresh')
    expect((again.bundle as Record<string, unknown>).futureField).toEqual({ kept: true })
    expect(again.kind === 'oauth' && again.credentials.claudeAiOauth.organizationUuid).toBe('o-1')
  })

  it('refuses to encode a bundle over 48 KB', () => {
    const creds = fakeCredentials()
    const login = {
      kind: 'oauth' as const,
      credentials: creds,
      origin: 'bundle' as const,
      generation: 0,
      files: {},
      warnings: []
    }
    const files = { 'settings.json': { noise: randomBytes(60_000).toString('base64') } }
    expect(() =>
      encodeBundle(buildBundle(login, { source: 'file', generation: 1, files }))
    ).toThrow(/more than the 48 KB GitHub allows/)
  })
})

describe('decodeAuth: bad inputs each get their own clear sentence', () => {
  const creds = (): Credentials => fakeCredentials()
  const bad: Array<[string, () => string | Promise<string>, RegExp]> = [
    ['empty', () => '   \n', /is empty/],
    ['not base64', () => 'this is not a secret!', /is not base64/],
    [
      'base64 of random bytes',
      () => randomBytes(120).toString('base64'),
      /not gzip, a tar archive, JSON or a setup-token/
    ],
    ['truncated base64 (length % 4 = 1)', () => 'QUJDRAEAE', /is not base64/],
    [
      'truncated gzip',
      () => gzipSync(JSON.stringify(bundleJson())).subarray(0, 40).toString('base64'),
      /gzip data that is truncated or corrupt/
    ],
    [
      'gzip of text',
      () => gz64('hello world, not json'),
      /not gzip, a tar archive, JSON or a setup-token/
    ],
    ['JSON syntax error', () => b64('{"claudeAiOauth": {'), /is not valid JSON/],
    ['JSON array', () => b64('[1,2,3]'), /JSON but an array/],
    ['JSON number', () => b64('42 '), /not gzip, a tar archive, JSON or a setup-token/],
    ['JSON null in gzip', () => gz64('{"format":null}'), /field "format"/],
    [
      'JSON object of unknown shape',
      () => JSON.stringify({ hello: 'world' }),
      /without "format" or "claudeAiOauth" \(its keys: "hello"\)/
    ],
    [
      'expiresAt as a string',
      () =>
        JSON.stringify({ claudeAiOauth: { ...creds().claudeAiOauth, expiresAt: '1764331200000' } }),
      /field "claudeAiOauth.expiresAt" must be a number, not a string \(numbers are not quoted\)/
    ],
    [
      'expiresAt in seconds',
      () => JSON.stringify({ claudeAiOauth: { ...creds().claudeAiOauth, expiresAt: 1764331200 } }),
      /expiresAt 1764331200, which is seconds since the epoch; the CLI writes milliseconds \(1764331200000\)/
    ],
    [
      'refreshTokenExpiresAt in seconds',
      () =>
        JSON.stringify({
          claudeAiOauth: { ...creds().claudeAiOauth, refreshTokenExpiresAt: 1764331200 }
        }),
      /refreshTokenExpiresAt 1764331200, which is seconds/
    ],
    [
      'accessToken missing',
      () => JSON.stringify({ claudeAiOauth: { expiresAt: Date.now() } }),
      /field "claudeAiOauth.accessToken" is missing \(expected string\)/
    ],
    [
      'claudeAiOauth not an object',
      () => JSON.stringify({ claudeAiOauth: 'x' }),
      /field "claudeAiOauth" must be an object, not a string/
    ],
    [
      'wiped login (accessToken "")',
      () => JSON.stringify({ claudeAiOauth: { accessToken: '', refreshToken: '', expiresAt: 0 } }),
      /wiped login \(claudeAiOauth.accessToken is empty\)/
    ],
    [
      'bundle wrong format',
      () => gz64(JSON.stringify(bundleJson({ format: 'something-else' }))),
      /field "format" "something-else"; expected "claude-auth-bundle"/
    ],
    [
      'bundle newer version',
      () => gz64(JSON.stringify(bundleJson({ version: 2 }))),
      /version 2, newer than this action understands \(1\)/
    ],
    [
      'bundle wrong kind',
      () => gz64(JSON.stringify(bundleJson({ kind: 'password' }))),
      /field "kind" must be one of "oauth", "setup-token"/
    ],
    [
      'bundle without credentials',
      () => gz64(JSON.stringify(bundleJson({ credentials: undefined }))),
      /field "credentials" is required for kind "oauth"/
    ],
    [
      'bundle generation as string',
      () => gz64(JSON.stringify(bundleJson({ generation: '1' }))),
      /field "generation" must be a number, not a string/
    ],
    [
      'setup-token bundle without token',
      () => gz64(JSON.stringify(bundleJson({ kind: 'setup-token', credentials: undefined }))),
      /field "token" is required for kind "setup-token"/
    ],
    [
      'setup-token bundle with an API key',
      () =>
        gz64(
          JSON.stringify(
            bundleJson({ kind: 'setup-token', credentials: undefined, token: fakeToken('api') })
          )
        ),
      /is an Anthropic API key/
    ],
    [
      'an API key as claude_auth',
      () => fakeToken('api'),
      /is an Anthropic API key, not a subscription login: pass it as the anthropic_api_key input/
    ],
    [
      '10 MB input',
      () => 'A'.repeat(10 * 1024 * 1024),
      /is 10240 KB, more than the 48 KB GitHub allows/
    ],
    [
      'bundle over 48 KB',
      () => gz64(JSON.stringify(bundleJson({ pad: randomBytes(40_000).toString('base64') }))),
      /more than the 48 KB GitHub allows for a secret/
    ],
    [
      'gzip bomb past 1 MB',
      () => gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20)).toString('base64'),
      /decompresses to more than 1 MB/
    ],
    [
      'tar with ../evil',
      async () =>
        (
          await makeTar([
            { name: '../evil', content: 'x' },
            { name: '.credentials.json', content: JSON.stringify(creds()) }
          ])
        ).toString('base64'),
      /climbs out of its folder/
    ],
    [
      'tar with an absolute path',
      async () => (await makeTar([{ name: '/etc/cron.d/evil', content: 'x' }])).toString('base64'),
      /absolute path/
    ],
    [
      'tar whose .credentials.json is a symlink',
      async () =>
        (
          await makeTar(
            [{ name: '.claude/.credentials.json', type: 'symlink', linkname: '/root/.ssh/id_rsa' }],
            true
          )
        ).toString('base64'),
      /\.credentials\.json is a symlink, not a regular file/
    ],
    [
      'tar whose settings.json is a device',
      async () =>
        (await makeTar([{ name: 'settings.json', type: 'character-device' }])).toString('base64'),
      /settings\.json is a character-device/
    ],
    [
      'tar captured on a Mac (no .credentials.json)',
      async () =>
        (
          await makeTar(
            [
              { name: '.claude/settings.json', content: '{}' },
              { name: '.claude/history.jsonl', content: '' }
            ],
            true
          )
        ).toString('base64'),
      /captured on a Mac, where the login lives in the Keychain/
    ],
    [
      'tar with an empty .credentials.json',
      async () => (await makeTar([{ name: '.credentials.json', content: '' }])).toString('base64'),
      /empty \.credentials\.json \(0 bytes\)/
    ],
    [
      'tar with files in two folders',
      async () =>
        (
          await makeTar([
            { name: 'a/.credentials.json', content: JSON.stringify(creds()) },
            { name: 'b/settings.json', content: '{}' }
          ])
        ).toString('base64'),
      /more than one folder/
    ],
    [
      'tar truncated',
      async () =>
        (
          await makeTar([
            { name: '.credentials.json', content: JSON.stringify(creds()) + ' '.repeat(2000) }
          ])
        )
          .subarray(0, 1100)
          .toString('base64'),
      /tar archive that is truncated or corrupt/
    ]
  ]

  it('has at least 25 bad inputs', () => {
    expect(bad.length).toBeGreaterThanOrEqual(25)
  })

  it.each(bad)('%s', async (_name, make, message) => {
    const raw = await make()
    const err = await decodeError(raw)
    expect(err.message).toMatch(message)
    // One sentence, no stack, no token, no quoted input.
    expect(err.message).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/)
    expect(err.message).not.toMatch(/sk-ant-/)
    if (raw.length > 16) expect(err.message).not.toContain(raw.slice(0, 16))
  })

  it('messages are distinct', async () => {
    const messages = new Set<string>()
    for (const [, make] of bad) messages.add((await decodeError(await make())).message)
    expect(messages.size).toBeGreaterThanOrEqual(bad.length - 6)
  })

  it('a wiped login reports expired, an empty input reports missing', async () => {
    expect((await decodeError('{"claudeAiOauth":{"accessToken":"","expiresAt":0}}')).status).toBe(
      'expired'
    )
    expect((await decodeError('')).status).toBe('missing')
  })
})

describe('decodeAuth: JSON nested deeper than 32 levels is refused at decode', () => {
  const nested = (depth: number, open = '[', close = ']'): string =>
    `${open.repeat(depth)}${close.repeat(depth)}`
  const deepSettings = (depth: number): string => {
    const bundle = JSON.stringify(bundleJson({ files: { 'settings.json': 'HOLE' } }))
    return bundle.replace('"HOLE"', nested(depth))
  }
  const SENTENCE =
    'The claude_auth secret holds JSON nested deeper than 32 levels, which no captured login does: store the output of `node capture.js` (or `npm run -s capture` in a clone) again.'

  it('counts depth without parsing, ignoring brackets inside strings', () => {
    expect(jsonDepth('{}')).toBe(1)
    expect(jsonDepth('{"a":[{"b":1}]}')).toBe(3)
    expect(jsonDepth('{"a":"[[[[{{{{\\"}')).toBe(1)
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1)
    expect(jsonDepth(nested(1_000_000), 32)).toBe(33)
  })

  it.each([
    ['a bundle whose settings.json nests 100 000 levels, gzip+base64', gz64(deepSettings(100_000))],
    ['the same, plain JSON (10 000 levels: under 48 KB)', deepSettings(10_000)],
    ['33 levels, just past the limit', gz64(deepSettings(32))],
    ['a bare array nested half a million levels (1 MB once inflated)', gz64(nested(500_000))],
    ['objects nested deep', gz64(`{"claudeAiOauth":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)]
  ])('%s', async (_name, raw) => {
    const err = await decodeError(raw)
    expect(err.message).toBe(SENTENCE)
    expect(err.status).toBe('invalid')
  })

  it('a tar whose settings.json nests too deep is refused, naming the file', async () => {
    const tarball = await makeTar([
      { name: '.claude/.credentials.json', content: JSON.stringify(fakeCredentials()) },
      { name: '.claude/settings.json', content: nested(10_000) }
    ])
    const err = await decodeError(tarball.toString('base64'))
    expect(err.message).toBe(
      "The claude_auth secret's settings.json holds JSON nested deeper than 32 levels, which no captured login does: store the output of `node capture.js` (or `npm run -s capture` in a clone) again."
    )
  })

  it('32 levels in all are accepted', async () => {
    // The bundle object is level 1, files 2, settings.json 3: 29 more arrays inside make 32.
    const login = await decodeAuth(gz64(deepSettings(29)))
    expect(login.kind).toBe('oauth')
    expect(JSON.stringify(login.files['settings.json'])).toBe(nested(29))
  })
})
