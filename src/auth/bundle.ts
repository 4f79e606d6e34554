/**
 * The auth bundle: the one string `capture` writes and the action reads (base64 of gzip of JSON),
 * and every older form the SPEC still accepts: a bare `.credentials.json`, a tar or tar.gz of a
 * captured `~/.claude`, a bare setup-token, each base64-encoded or not.
 *
 * Decoding never logs and never quotes the input: every message names the problem and the fix.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import { z } from 'zod'
import { fieldName, firstIssue, kindOf, withArticle, type FirstIssue } from '../zod-message.js'
import { isWiped } from './credentials.js'
import { AuthError } from './errors.js'

/** GitHub refuses secrets over 48 KB: anything larger cannot be a genuine secret. */
export const MAX_SECRET_BYTES = 48 * 1024
/** Decompression stops here: a real login is a few kilobytes. */
export const MAX_DECOMPRESSED_BYTES = 1024 * 1024
/** The newest bundle version this code writes and understands. */
export const BUNDLE_VERSION = 1
export const BUNDLE_FORMAT = 'claude-auth-bundle'
/** No captured login nests JSON this deep; deeper input could overflow the stack later. */
export const MAX_JSON_DEPTH = 32
/** Files besides the credentials that a bundle may carry and `restore` may write. */
export const EXTRA_FILES = ['settings.json', 'settings.local.json'] as const

const TOKEN_RE = /^sk-ant-[a-z]{3}\d{2}-[A-Za-z0-9_-]{8,}$/

/** The login as the CLI stores it under `claudeAiOauth`; unknown fields survive a round trip. */
export const OauthSchema = z.looseObject({
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  expiresAt: z.number(),
  refreshTokenExpiresAt: z.number().optional(),
  scopes: z.array(z.string()).optional(),
  subscriptionType: z.string().nullish()
})
export type Oauth = z.infer<typeof OauthSchema>

/** The whole `.credentials.json`; fields beside `claudeAiOauth` survive too. */
export const CredentialsSchema = z.looseObject({ claudeAiOauth: OauthSchema })
export type Credentials = z.infer<typeof CredentialsSchema>

export const SourceSchema = z.enum(['file', 'keychain', 'container', 'setup-token', 'refresh'])
export type Source = z.infer<typeof SourceSchema>

const FilesSchema = z.record(z.string(), z.unknown())

/** Version 1 of the bundle, exactly as the SPEC writes it. */
export const BundleSchema = z
  .looseObject({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    kind: z.enum(['oauth', 'setup-token']),
    capturedAt: z.string(),
    source: SourceSchema,
    generation: z.number().int().min(0),
    credentials: CredentialsSchema.optional(),
    token: z.string().optional(),
    tokenExpiresAt: z.number().optional(),
    files: FilesSchema.optional()
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'oauth' && !b.credentials) {
      ctx.addIssue({
        code: 'custom',
        path: ['credentials'],
        message: 'is required for kind "oauth"'
      })
    }
    if (b.kind === 'setup-token' && !b.token) {
      ctx.addIssue({
        code: 'custom',
        path: ['token'],
        message: 'is required for kind "setup-token"'
      })
    }
  })
export type Bundle = z.infer<typeof BundleSchema>

/** Where a decoded login came from, for messages and the summary. */
export type Origin = 'bundle' | 'credentials-json' | 'tar' | 'token'

interface LoginBase {
  origin: Origin
  /** Generation of the bundle it came from (0 for the older forms). */
  generation: number
  source?: Source
  capturedAt?: string
  /** Small extra files to restore beside the credentials, by name. */
  files: Record<string, unknown>
  /** The bundle as decoded, so a write-back keeps fields this version does not know. */
  bundle?: Bundle
  /** Things that did not stop decoding but that the user should hear about. */
  warnings: string[]
}

/** A subscription login with access and refresh tokens. */
export interface OauthLogin extends LoginBase {
  kind: 'oauth'
  credentials: Credentials
}

/** A `claude setup-token` token: one year, never refreshed. */
export interface SetupTokenLogin extends LoginBase {
  kind: 'setup-token'
  token: string
  tokenExpiresAt?: number
}

export type Login = OauthLogin | SetupTokenLogin

/** Every secret string a login holds, for masking. */
export function tokensOf(login: Login): string[] {
  if (login.kind === 'setup-token') return [login.token]
  const o = login.credentials.claudeAiOauth
  return [o.accessToken, o.refreshToken ?? ''].filter(t => t.length > 0)
}

/** Options for naming the input in messages. */
export interface DecodeOptions {
  /** The input the value came from, e.g. `claude_auth`. */
  inputName?: string
}

/**
 * Decodes any accepted form of the secret into a login.
 * @throws AuthError with one sentence naming the problem.
 */
export async function decodeAuth(raw: string, opts: DecodeOptions = {}): Promise<Login> {
  const what = `The ${opts.inputName ?? 'claude_auth'} secret`
  if (raw.length > MAX_SECRET_BYTES) {
    throw new AuthError(
      `${what} is ${kb(raw.length)}, more than the 48 KB GitHub allows for a secret, so it cannot be a captured login: store the output of \`npm run capture\` instead.`
    )
  }
  const text = raw.trim()
  if (text.length === 0) throw new AuthError(`${what} is empty.`, 'missing')

  if (text.startsWith('{') || text.startsWith('[')) return fromJsonText(text, what, 'as given')
  if (TOKEN_RE.test(text)) return fromToken(text, what)

  const compact = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new AuthError(
      `${what} is not base64, and not a JSON credentials file or a setup-token either: paste the whole output of \`npm run capture\` (one base64 line).`
    )
  }
  const bytes = Buffer.from(compact, 'base64')
  return fromBytes(bytes, what, 'after base64 decoding')
}

async function fromBytes(bytes: Buffer, what: string, stage: string): Promise<Login> {
  if (bytes.length === 0) throw new AuthError(`${what} decodes to nothing (0 bytes) ${stage}.`)
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    let inflated: Buffer
    try {
      inflated = gunzipSync(bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new AuthError(
          `${what} decompresses to more than 1 MB, which no captured login does: store the output of \`npm run capture\`.`
        )
      }
      throw new AuthError(
        `${what} is gzip data that is truncated or corrupt (${zlibReason(err)}): copy the whole value again, it was probably cut short.`
      )
    }
    return fromPlain(inflated, what, 'after gunzip')
  }
  return fromPlain(bytes, what, stage)
}

async function fromPlain(bytes: Buffer, what: string, stage: string): Promise<Login> {
  if (bytes.length >= 512 && bytes.subarray(257, 262).toString('latin1') === 'ustar') {
    // tar-stream is evaluated only for a tar input. Eager: bundled with this module, no chunk of
    // its own, so dist/capture.js stays one file.
    const { readClaudeTar } = await import(/* webpackMode: "eager" */ './tar.js')
    const files = await readClaudeTar(bytes, what)
    return fromTarFiles(files, what)
  }
  const head = bytes.subarray(0, 64).toString('utf8').trimStart()
  if (head.startsWith('{') || head.startsWith('[')) {
    return fromJsonText(bytes.toString('utf8'), what, stage)
  }
  const asText = bytes.toString('utf8').trim()
  if (TOKEN_RE.test(asText)) return fromToken(asText, what)
  throw new AuthError(
    `${what} ${stage} is ${bytes.length} bytes that are not gzip, a tar archive, JSON or a setup-token: store the output of \`npm run capture\`.`
  )
}

function fromToken(token: string, what: string): SetupTokenLogin {
  if (/^sk-ant-api\d{2}-/.test(token)) {
    throw new AuthError(
      `${what} is an Anthropic API key, not a subscription login: pass it as the anthropic_api_key input instead.`
    )
  }
  if (!/^sk-ant-oat\d{2}-/.test(token)) {
    throw new AuthError(
      `${what} looks like a token but not an OAuth access token (sk-ant-oat…): use the token \`claude setup-token\` prints.`
    )
  }
  return { kind: 'setup-token', token, origin: 'token', generation: 0, files: {}, warnings: [] }
}

/**
 * The deepest nesting of objects and arrays in a JSON text, counted without parsing it (so a
 * crafted input cannot overflow the stack here), stopping as soon as it passes `limit`.
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // a backslash escapes the next character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > deepest) deepest = depth
      if (deepest > limit) return deepest
    } else if (c === 0x7d || c === 0x5d) {
      depth--
    }
  }
  return deepest
}

/** Refuses JSON nested deeper than MAX_JSON_DEPTH, before anything parses or walks it. */
function checkDepth(text: string, what: string): void {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new AuthError(
      `${what} holds JSON nested deeper than ${MAX_JSON_DEPTH} levels, which no captured login does: store the output of \`npm run capture\` again.`
    )
  }
}

function fromJsonText(text: string, what: string, stage: string): Login {
  checkDepth(text, what)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    const pos = /position (\d+)/.exec(String((err as Error).message))
    const where = pos ? ` near character ${pos[1]}` : ''
    throw new AuthError(
      `${what} ${stage} is not valid JSON (it breaks${where}): copy the whole value again, or re-capture it.`
    )
  }
  return fromJsonValue(value, what)
}

function fromJsonValue(value: unknown, what: string): Login {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`
    throw new AuthError(
      `${what} is JSON but ${got}; expected an object: a claude-auth-bundle or a .credentials.json with "claudeAiOauth".`
    )
  }
  const obj = value as Record<string, unknown>
  if ('format' in obj || 'version' in obj) return fromBundle(obj, what)
  if ('claudeAiOauth' in obj) {
    const credentials = parseShape(CredentialsSchema, obj, what)
    checkOauth(credentials.claudeAiOauth, what, 'claudeAiOauth.')
    return {
      kind: 'oauth',
      credentials,
      origin: 'credentials-json',
      generation: 0,
      files: {},
      warnings: []
    }
  }
  const keys = Object.keys(obj)
    .slice(0, 5)
    .map(k => JSON.stringify(k.slice(0, 30)))
  throw new AuthError(
    `${what} is a JSON object without "format" or "claudeAiOauth" (its keys: ${keys.join(', ') || 'none'}): it is neither a claude-auth-bundle nor a .credentials.json.`
  )
}

function fromBundle(obj: Record<string, unknown>, what: string): Login {
  if (obj.format !== BUNDLE_FORMAT) {
    throw new AuthError(
      `${what} has field "format" ${JSON.stringify(String(obj.format).slice(0, 40))}; expected "${BUNDLE_FORMAT}".`
    )
  }
  if (typeof obj.version === 'number' && obj.version > BUNDLE_VERSION) {
    throw new AuthError(
      `${what} is a bundle of version ${obj.version}, newer than this action understands (${BUNDLE_VERSION}): update the action to a newer release, or capture with the matching version of the capture tool.`
    )
  }
  const bundle = parseShape(BundleSchema, obj, what)
  const files = pickFiles(bundle.files ?? {})
  const base = {
    generation: bundle.generation,
    source: bundle.source,
    capturedAt: bundle.capturedAt,
    files: files.files,
    bundle,
    warnings: files.warnings,
    origin: 'bundle' as const
  }
  if (bundle.kind === 'setup-token') {
    const token = fromToken(bundle.token as string, what).token
    checkEpochMs(bundle.tokenExpiresAt, 'tokenExpiresAt', what)
    return {
      ...base,
      kind: 'setup-token',
      token,
      ...(bundle.tokenExpiresAt !== undefined ? { tokenExpiresAt: bundle.tokenExpiresAt } : {})
    }
  }
  const credentials = bundle.credentials as Credentials
  checkOauth(credentials.claudeAiOauth, what, 'credentials.claudeAiOauth.')
  return { ...base, kind: 'oauth', credentials }
}

function fromTarFiles(files: Map<string, Buffer>, what: string): Login {
  const creds = files.get('.credentials.json')
  if (!creds) {
    throw new AuthError(
      `${what} is an archive of a Claude directory without a .credentials.json: it was probably captured on a Mac, where the login lives in the Keychain; run \`npm run capture\` there instead, which reads the Keychain.`
    )
  }
  if (creds.length === 0 || creds.toString('utf8').trim() === '') {
    throw new AuthError(
      `${what} holds an empty .credentials.json (0 bytes): log in with \`claude\` again, then re-capture.`
    )
  }
  const login = fromJsonText(creds.toString('utf8'), `${what}'s .credentials.json`, 'as archived')
  if (login.kind !== 'oauth' || login.origin !== 'credentials-json') {
    throw new AuthError(
      `${what}'s .credentials.json is not a credentials file (no "claudeAiOauth"): log in with \`claude\` again, then re-capture.`
    )
  }
  const extras: Record<string, unknown> = {}
  const warnings: string[] = []
  for (const name of EXTRA_FILES) {
    const buf = files.get(name)
    if (!buf) continue
    const text = buf.toString('utf8')
    checkDepth(text, `${what}'s ${name}`)
    try {
      extras[name] = JSON.parse(text)
    } catch {
      warnings.push(`${name} in the archive is not valid JSON and was left out.`)
    }
  }
  return { ...login, origin: 'tar', files: extras, warnings }
}

function pickFiles(raw: Record<string, unknown>): {
  files: Record<string, unknown>
  warnings: string[]
} {
  const files: Record<string, unknown> = {}
  const warnings: string[] = []
  for (const [name, content] of Object.entries(raw)) {
    if ((EXTRA_FILES as readonly string[]).includes(name)) files[name] = content
    else warnings.push(`The bundle carries a file "${name.slice(0, 60)}" that is not restored.`)
  }
  return { files, warnings }
}

function checkOauth(o: Oauth, what: string, prefix: string): void {
  if (isWiped(o)) {
    throw new AuthError(
      `${what} holds a wiped login (${prefix}accessToken is empty), as the CLI leaves it after a refused refresh: the login is gone.`,
      'expired'
    )
  }
  checkEpochMs(o.expiresAt, `${prefix}expiresAt`, what)
  checkEpochMs(o.refreshTokenExpiresAt, `${prefix}refreshTokenExpiresAt`, what)
}

/** Epoch seconds where milliseconds belong would make every login look expired in 1970. */
function checkEpochMs(value: number | undefined, field: string, what: string): void {
  if (value === undefined || value === 0) return
  if (value > 0 && value < 100_000_000_000) {
    throw new AuthError(
      `${what} has ${field} ${value}, which is seconds since the epoch; the CLI writes milliseconds (${value * 1000}): re-capture the login rather than editing it by hand.`
    )
  }
  if (value < 0 || !Number.isFinite(value)) {
    throw new AuthError(`${what} has ${field} ${value}; expected milliseconds since the epoch.`)
  }
}

function parseShape<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const first = firstIssue(result.error, value)
  const field = fieldName(first.path, 'dots') || '(top level)'
  throw new AuthError(`${what} has the wrong shape: field "${field}" ${shapeDetail(first)}.`)
}

/** What is wrong with the field: missing, the wrong type, or outside its values. */
function shapeDetail({ issue, value }: FirstIssue): string {
  if (issue?.code === 'invalid_type') {
    const received = kindOf(value)
    if (received === 'missing') return `is missing (expected ${issue.expected})`
    const detail = `must be ${withArticle(issue.expected)}, not ${received}`
    return issue.expected === 'number' && received === 'a string'
      ? `${detail} (numbers are not quoted)`
      : detail
  }
  if (issue?.code === 'invalid_value') {
    return `must be one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}`
  }
  if (issue?.code === 'too_small') return `is too small (${issue.message})`
  return issue?.message ?? 'is invalid'
}

function kb(n: number): string {
  return `${Math.ceil(n / 1024)} KB`
}

function zlibReason(err: unknown): string {
  const msg = String((err as Error).message ?? err)
  return msg.length > 80 ? msg.slice(0, 80) : msg
}

/** What a new bundle records beside the login. */
export interface BundleMeta {
  source: Source
  generation: number
  capturedAt?: string
  files?: Record<string, unknown>
}

/** Builds a version-1 bundle for a login, keeping unknown fields of the bundle it came from. */
export function buildBundle(login: Login, meta: BundleMeta): Bundle {
  // Files come only from `meta.files` or the login's own (already filtered) files, never from
  // the bundle it was decoded from.
  const { files: _previousFiles, ...previous } = login.bundle ?? {}
  const common = {
    ...previous,
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    capturedAt: meta.capturedAt ?? new Date().toISOString(),
    source: meta.source,
    generation: meta.generation
  }
  const files = meta.files ?? login.files
  const withFiles = Object.keys(files).length > 0 ? { files } : {}
  if (login.kind === 'setup-token') {
    const { credentials: _drop, ...rest } = common as Record<string, unknown>
    return BundleSchema.parse({
      ...rest,
      kind: 'setup-token',
      token: login.token,
      ...(login.tokenExpiresAt !== undefined ? { tokenExpiresAt: login.tokenExpiresAt } : {}),
      ...withFiles
    })
  }
  const { token: _t, tokenExpiresAt: _te, ...rest } = common as Record<string, unknown>
  return BundleSchema.parse({
    ...rest,
    kind: 'oauth',
    credentials: login.credentials,
    ...withFiles
  })
}

/**
 * Encodes a bundle as the secret's string: base64 of gzip of JSON.
 * @throws AuthError when the result is over GitHub's 48 KB limit.
 */
export function encodeBundle(bundle: Bundle): string {
  const encoded = gzipSync(Buffer.from(JSON.stringify(bundle), 'utf8'), { level: 9 }).toString(
    'base64'
  )
  if (encoded.length > MAX_SECRET_BYTES) {
    throw new AuthError(
      `The bundle is ${kb(encoded.length)} once encoded, more than the 48 KB GitHub allows for a secret: leave out the extra files.`
    )
  }
  return encoded
}
