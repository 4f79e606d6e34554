/**
 * The auth bundle, version 1: the one string `capture` writes and the action reads (base64 of
 * gzip of JSON) and writes back after a refresh. Reading a bundle object, building one for a
 * login, and encoding it; `bundle.ts` finds the bundle inside whatever form the secret came in.
 */
import { gzipSync } from 'node:zlib'
import * as z from '../zod-mini.js'
import { AuthError } from './errors.js'
import { MAX_SECRET_BYTES, kb } from './limits.js'
import {
  CredentialsSchema,
  SourceSchema,
  checkEpochMs,
  checkOauth,
  fromToken,
  parseShape,
  type Credentials,
  type Login,
  type Source
} from './login.js'

/** The newest bundle version this code writes and understands. */
const BUNDLE_VERSION = 1
const BUNDLE_FORMAT = 'claude-auth-bundle'
/** Files besides the credentials that a bundle may carry and `restore` may write. */
export const EXTRA_FILES = ['settings.json', 'settings.local.json'] as const

const FilesSchema = z.record(z.string(), z.unknown())

/** Version 1 of the bundle, exactly as the SPEC writes it. */
const BundleSchema = z
  .looseObject({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    kind: z.enum(['oauth', 'setup-token']),
    capturedAt: z.string(),
    source: SourceSchema,
    generation: z.number().check(z.int(), z.minimum(0)),
    credentials: z.optional(CredentialsSchema),
    token: z.optional(z.string()),
    tokenExpiresAt: z.optional(z.number()),
    files: z.optional(FilesSchema)
  })
  .check(
    z.superRefine((b, ctx) => {
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
  )
export type Bundle = z.infer<typeof BundleSchema>

/** A bundle object (its `format` or `version` key said so) as a login. */
export function fromBundle(obj: Record<string, unknown>, what: string): Login {
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

/** What a new bundle records beside the login. */
interface BundleMeta {
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
