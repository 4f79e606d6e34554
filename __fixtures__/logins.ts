/** Fake logins for tests: every token is obviously fake and unique per call. */
import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import tar from 'tar-stream'
import { buildBundle, encodeBundle, type Credentials, type Login } from '../src/auth/bundle.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A fake token of the given kind (oat = access, ort = refresh). */
export function fakeToken(kind: 'oat' | 'ort' | 'api' = 'oat'): string {
  return `sk-ant-${kind}01-FAKE-test-${randomBytes(36).toString('hex')}`
}

export interface CredOptions {
  now?: number
  expiresInMs?: number
  loginEndsInMs?: number | null
  refreshToken?: string | null
  extra?: Record<string, unknown>
}

/** `.credentials.json` contents as the CLI writes them. */
export function fakeCredentials(opts: CredOptions = {}): Credentials {
  const now = opts.now ?? Date.now()
  const oauth: Record<string, unknown> = {
    accessToken: fakeToken('oat'),
    expiresAt: now + (opts.expiresInMs ?? 8 * HOUR),
    scopes: ['user:inference', 'user:profile', 'user:sessions:claude_code'],
    subscriptionType: 'max',
    ...opts.extra
  }
  if (opts.refreshToken !== null) oauth.refreshToken = opts.refreshToken ?? fakeToken('ort')
  if (opts.loginEndsInMs !== null && opts.loginEndsInMs !== undefined) {
    oauth.refreshTokenExpiresAt = now + opts.loginEndsInMs
  }
  return { claudeAiOauth: oauth } as Credentials
}

/** An oauth login object, as the decoder returns it. */
export function fakeOauthLogin(opts: CredOptions = {}): Login {
  return {
    kind: 'oauth',
    credentials: fakeCredentials(opts),
    origin: 'bundle',
    generation: 1,
    files: {},
    warnings: []
  }
}

/** The secret string `capture` writes for an oauth login. */
export function fakeBundle(opts: CredOptions & { files?: Record<string, unknown> } = {}): {
  secret: string
  credentials: Credentials
} {
  const login = fakeOauthLogin(opts)
  if (login.kind !== 'oauth') throw new Error('unreachable')
  const bundle = buildBundle(login, { source: 'file', generation: 1, files: opts.files ?? {} })
  return { secret: encodeBundle(bundle), credentials: login.credentials }
}

/** A setup-token bundle. */
export function fakeSetupTokenBundle(expiresInMs: number = 300 * DAY): {
  secret: string
  token: string
} {
  const token = fakeToken('oat')
  const bundle = buildBundle(
    {
      kind: 'setup-token',
      token,
      tokenExpiresAt: Date.now() + expiresInMs,
      origin: 'token',
      generation: 0,
      files: {},
      warnings: []
    },
    { source: 'setup-token', generation: 1 }
  )
  return { secret: encodeBundle(bundle), token }
}

export interface TarEntry {
  name: string
  content?: string
  type?: 'file' | 'symlink' | 'directory' | 'character-device' | 'link'
  linkname?: string
}

/** A tar archive (optionally gzipped) built in memory. */
export async function makeTar(entries: TarEntry[], gzip = false): Promise<Buffer> {
  const pack = tar.pack()
  for (const e of entries) {
    const type = e.type ?? 'file'
    if (type === 'file') pack.entry({ name: e.name, mode: 0o600 }, e.content ?? '')
    else if (type === 'directory') pack.entry({ name: e.name, type: 'directory', mode: 0o700 })
    else pack.entry({ name: e.name, type, linkname: e.linkname ?? '/etc/passwd', mode: 0o600 })
  }
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of pack) chunks.push(chunk as Buffer)
  const buf = Buffer.concat(chunks)
  return gzip ? gzipSync(buf) : buf
}

export { DAY, HOUR }
