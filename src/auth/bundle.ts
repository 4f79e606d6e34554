/**
 * Decodes the secret in any form the SPEC accepts into a login: the auth bundle (see
 * `bundle-format.ts`), and the older forms: a bare `.credentials.json`, a tar or tar.gz of a
 * captured `~/.claude`, a bare setup-token, each base64-encoded or not. Size and depth limits
 * (`limits.ts`) apply before anything is decompressed or parsed.
 *
 * Decoding never logs and never quotes the input: every message names the problem and the fix.
 * This module is also the one place importers find the login's types and the bundle's functions.
 */
import { gunzipSync } from 'node:zlib'
import { EXTRA_FILES, fromBundle } from './bundle-format.js'
import { AuthError } from './errors.js'
import { MAX_DECOMPRESSED_BYTES, MAX_SECRET_BYTES, checkDepth, kb } from './limits.js'
import { CredentialsSchema, checkOauth, fromToken, parseShape, type Login } from './login.js'
import { joinedToken, startsWithNpmBanner } from './token-text.js'

export { buildBundle, encodeBundle, type Bundle } from './bundle-format.js'
export { MAX_JSON_DEPTH, jsonDepth } from './limits.js'
export {
  CredentialsSchema,
  tokensOf,
  type Credentials,
  type Login,
  type OauthLogin,
  type Source
} from './login.js'
import { CAPTURE_TOOL } from './messages.js'

/** Options for naming the input in messages. */
interface DecodeOptions {
  /** The input the value came from, e.g. `claude_auth`. */
  inputName?: string
  /**
   * What the value is called in messages when it is not a secret (the capture tool's verify):
   * "The file bundle.txt", "The text on stdin". Wins over `inputName`.
   */
  label?: string
}

/**
 * Decodes any accepted form of the secret into a login.
 * @throws AuthError with one sentence naming the problem.
 */
export async function decodeAuth(raw: string, opts: DecodeOptions = {}): Promise<Login> {
  const what = opts.label ?? `The ${opts.inputName ?? 'claude_auth'} secret`
  if (raw.length > MAX_SECRET_BYTES) {
    throw new AuthError(
      `${what} is ${kb(raw.length)}, more than the 48 KB GitHub allows for a secret, so it cannot be a captured login: store the output of ${CAPTURE_TOOL} instead.`
    )
  }
  const text = raw.trim()
  if (text.length === 0) throw new AuthError(`${what} is empty.`, 'missing')

  if (text.startsWith('{') || text.startsWith('[')) return fromJsonText(text, what, 'as given')
  // A token wrapped over lines by the terminal it was copied from is the token, joined again.
  const token = joinedToken(text)
  if (token) return fromToken(token, what)
  if (startsWithNpmBanner(text)) {
    throw new AuthError(
      `${what} starts with npm's banner lines (\`> claude-subscription-action@… capture\`), which \`npm run capture > file\` writes into the file: store only the bundle line, or capture again with \`npm run -s capture\` (or \`node dist/capture.js\`).`
    )
  }

  const compact = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new AuthError(
      `${what} is not base64, and not a JSON credentials file or a setup-token either: paste the whole output of ${CAPTURE_TOOL}: one base64 line.`
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
          `${what} decompresses to more than 1 MB, which no captured login does: store the output of ${CAPTURE_TOOL}.`
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
  const token = joinedToken(bytes.toString('utf8'))
  if (token) return fromToken(token, what)
  throw new AuthError(
    `${what} ${stage} is ${bytes.length} bytes that are not gzip, a tar archive, JSON or a setup-token: store the output of ${CAPTURE_TOOL}.`
  )
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

function fromTarFiles(files: Map<string, Buffer>, what: string): Login {
  const creds = files.get('.credentials.json')
  if (!creds) {
    throw new AuthError(
      `${what} is an archive of a Claude directory without a .credentials.json: it was probably captured on a Mac, where the login lives in the Keychain; run \`node capture.js\` there instead, which reads the Keychain.`
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

function zlibReason(err: unknown): string {
  const msg = String((err as Error).message ?? err)
  return msg.length > 80 ? msg.slice(0, 80) : msg
}
