/**
 * Where a login is captured from: the credentials file, the macOS Keychain, or a setup-token on
 * stdin. Each reader returns the login and says where it came from, or throws a CaptureError
 * whose message is one sentence with the fix. Only `.credentials.json` and `settings.json` are
 * ever read: never transcripts, history or todos.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import {
  CredentialsSchema,
  jsonDepth,
  MAX_JSON_DEPTH,
  type Credentials,
  type Login,
  type Source
} from '../../src/auth/bundle.js'
import { CREDENTIALS_FILE, isWiped } from '../../src/auth/credentials.js'
import { expandHome, resolveConfigDir } from '../../src/auth/paths.js'
import { joinedToken, setupTokenProblem, tokensInText } from '../../src/auth/token-text.js'
import { fieldName, firstIssue } from '../../src/zod-message.js'
import { firstLine, run } from './exec.js'
import { redact } from './report.js'

/** A failure the user can fix; `exitCode` 2 for a usage mistake, 1 otherwise. */
export class CaptureError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1
  ) {
    super(message)
    this.name = 'CaptureError'
  }
}

/** A login read from somewhere, before it becomes a bundle. */
export interface Captured {
  login: Login
  source: Source
  /** Where it came from, for the report: `the credentials file /home/me/.claude/.credentials.json`. */
  from: string
  /** Things worth telling (a field left out, a file skipped). */
  notes: string[]
}

const SETUP_TOKEN_LIFETIME_MS = 365 * 86_400_000
const KEYCHAIN_SERVICE = 'Claude Code-credentials'
const SETTINGS_FILE = 'settings.json'
/** A credentials file is a few hundred bytes: anything this large is not one. */
const MAX_CREDENTIALS_BYTES = 64 * 1024
/** Settings over this are not read at all (the bundle could not hold them anyway). */
const MAX_SETTINGS_BYTES = 1024 * 1024

/** The config dir to read, and the value the CLI would have hashed for its Keychain entry. */
interface ConfigDir {
  /** Absolute path of the directory. */
  dir: string
  /** `--config-dir` or `CLAUDE_CONFIG_DIR` as given; undefined for the default `~/.claude`. */
  explicit?: string
}

/**
 * `--config-dir`, else `CLAUDE_CONFIG_DIR`, else `~/.claude`. A leading `~` is expanded as the
 * action does; a relative path is taken from the working directory, where the user typed it.
 */
export function captureConfigDir(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  home: string
): ConfigDir {
  const given = option ?? (env.CLAUDE_CONFIG_DIR ? env.CLAUDE_CONFIG_DIR : undefined)
  if (given === undefined) return { dir: path.join(home, '.claude') }
  return { dir: resolveConfigDir(given, home, process.cwd()), explicit: expandHome(given, home) }
}

/**
 * The Keychain service the CLI stores its login under: `Claude Code-credentials`, plus `-` and
 * the first 8 hex characters of sha256(config dir) when a config dir is set (as the CLI does).
 */
function keychainService(explicitConfigDir?: string): string {
  if (explicitConfigDir === undefined) return KEYCHAIN_SERVICE
  const hash = createHash('sha256').update(explicitConfigDir.normalize('NFC')).digest('hex')
  return `${KEYCHAIN_SERVICE}-${hash.slice(0, 8)}`
}

/** The Keychain account: `$USER`, or the CLI's own stand-in when that is not a plain name. */
function keychainAccount(env: NodeJS.ProcessEnv, fallbackUser: string): string {
  const user = env.USER || fallbackUser
  return /^[a-zA-Z0-9._-]+$/.test(user) ? user : 'claude-code-user'
}

/**
 * Parses the text of a `.credentials.json` (or the Keychain's copy of it) into credentials that
 * carry only the Claude login (`claudeAiOauth`). Other entries, such as MCP servers' OAuth
 * tokens, are left out because the action does not need them.
 */
function parseCredentials(
  text: string,
  where: string
): { credentials: Credentials; left: string[] } {
  if (text.trim() === '') {
    throw new CaptureError(
      `${where} is empty: log in again with \`claude auth login\`, then capture.`
    )
  }
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new CaptureError(
      `${where} holds JSON nested deeper than ${MAX_JSON_DEPTH} levels, which no credentials file does: log in again with \`claude auth login\` (it rewrites the file), then capture.`
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new CaptureError(
      `${where} is not valid JSON: log in again with \`claude auth login\` (it rewrites the file), then capture.`
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CaptureError(`${where} is JSON but not an object; expected {"claudeAiOauth": {…}}.`)
  }
  const obj = value as Record<string, unknown>
  if (!('claudeAiOauth' in obj)) {
    const keys = Object.keys(obj)
      .slice(0, 5)
      .map(k => JSON.stringify(k.slice(0, 30)))
    throw new CaptureError(
      `${where} has no Claude login (no "claudeAiOauth"; its keys: ${keys.join(', ') || 'none'}): log in with \`claude auth login\`, then capture.`
    )
  }
  const parsed = CredentialsSchema.safeParse({ claudeAiOauth: obj.claudeAiOauth })
  if (!parsed.success) {
    const { issue, path: at } = firstIssue(parsed.error)
    const field = fieldName(['claudeAiOauth', ...at], 'dots')
    throw new CaptureError(
      `${where} has the wrong shape: field "${field}" is invalid (${issue?.message ?? 'unknown problem'}); log in again with \`claude auth login\`, then capture.`
    )
  }
  if (isWiped(parsed.data.claudeAiOauth)) {
    throw new CaptureError(
      `${where} holds a wiped login (accessToken is empty), as the CLI leaves it after a refused refresh: log in again with \`claude auth login\`, then capture.`
    )
  }
  return { credentials: parsed.data, left: Object.keys(obj).filter(k => k !== 'claudeAiOauth') }
}

/** Reads `settings.json` beside the login when it is there; a broken one is skipped with a note. */
function readSettings(dir: string): { files: Record<string, unknown>; notes: string[] } {
  const file = path.join(dir, SETTINGS_FILE)
  let size: number
  try {
    const st = statSync(file)
    if (!st.isFile()) return { files: {}, notes: [] }
    size = st.size
  } catch {
    return { files: {}, notes: [] }
  }
  if (size > MAX_SETTINGS_BYTES) {
    throw new CaptureError(
      `${file} is ${Math.ceil(size / 1024)} KB, far more than the 48 KB a secret may hold: trim it, or capture without --with-settings.`
    )
  }
  const text = readFileSync(file, 'utf8')
  if (text.trim() === '') return { files: {}, notes: [`${file} is empty and was left out.`] }
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return {
      files: {},
      notes: [
        `${file} is nested deeper than ${MAX_JSON_DEPTH} levels and was left out of the bundle.`
      ]
    }
  }
  try {
    return { files: { [SETTINGS_FILE]: JSON.parse(text) as unknown }, notes: [] }
  } catch {
    return { files: {}, notes: [`${file} is not valid JSON and was left out of the bundle.`] }
  }
}

interface FileSourceOptions {
  platform: NodeJS.Platform
  settings: boolean
}

/** Captures the login from `<dir>/.credentials.json` (Linux, WSL, and Macs that use the file). */
export function fromFile(config: ConfigDir, opts: FileSourceOptions): Captured {
  const file = path.join(config.dir, CREDENTIALS_FILE)
  let text: string
  try {
    const st = statSync(file)
    if (!st.isFile()) {
      throw new CaptureError(`${file} is not a regular file; expected the CLI's credentials file.`)
    }
    if (st.size > MAX_CREDENTIALS_BYTES) {
      throw new CaptureError(
        `${file} is ${Math.ceil(st.size / 1024)} KB, far larger than a credentials file (a few hundred bytes): point --config-dir at the directory \`claude\` logs in to.`
      )
    }
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if (err instanceof CaptureError) throw err
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw missingCredentials(config, opts.platform)
    if (code === 'EACCES') {
      throw new CaptureError(
        `${file} cannot be read (permission denied): run the capture as the user who logged in.`
      )
    }
    throw new CaptureError(`${file} cannot be read (${code ?? String(err)}).`)
  }
  if (text.trim() === '') {
    throw new CaptureError(
      `${file} is empty (0 bytes): log in again with \`claude auth login\`, then capture.`
    )
  }
  const { credentials, left } = parseCredentials(text, file)
  const settings = opts.settings ? readSettings(config.dir) : { files: {}, notes: [] }
  return {
    login: oauthLogin(credentials, settings.files),
    source: 'file',
    from: `the credentials file ${file}`,
    notes: [...leftOutNote(left), ...settings.notes]
  }
}

/** The sentence for a directory without credentials: missing, or copied from a Mac. */
function missingCredentials(config: ConfigDir, platform: NodeJS.Platform): CaptureError {
  const file = path.join(config.dir, CREDENTIALS_FILE)
  let entries: string[] = []
  let isDir = false
  try {
    isDir = statSync(config.dir).isDirectory()
    if (isDir) entries = readdirSync(config.dir)
  } catch {
    // the directory is not there at all
  }
  if (!isDir) {
    const how = config.explicit
      ? 'check --config-dir (or CLAUDE_CONFIG_DIR)'
      : 'log in with `claude auth login` first, or pass --config-dir if you use CLAUDE_CONFIG_DIR'
    return new CaptureError(`There is no Claude directory at ${config.dir}: ${how}.`)
  }
  if (platform === 'darwin') {
    return new CaptureError(
      `${config.dir} has no ${CREDENTIALS_FILE}: on macOS the CLI keeps the login in the Keychain, so capture with --from keychain (or --from auto).`
    )
  }
  if (entries.length > 0) {
    return new CaptureError(
      `${config.dir} has no ${CREDENTIALS_FILE} though it holds other Claude files: it was probably copied from a Mac, where the login lives in the Keychain; run the capture on that Mac (it reads the Keychain), or use --from container or --from token.`
    )
  }
  return new CaptureError(
    `There is no ${file}: log in with \`claude auth login\` first (or pass --config-dir if you use CLAUDE_CONFIG_DIR).`
  )
}

interface KeychainOptions {
  env: NodeJS.ProcessEnv
  fallbackUser: string
  settings: boolean
}

/**
 * Captures the login from the macOS Keychain through
 * `security find-generic-password -s <service> -a <user> -w`.
 */
export async function fromKeychain(config: ConfigDir, opts: KeychainOptions): Promise<Captured> {
  const service = keychainService(config.explicit)
  const account = keychainAccount(opts.env, opts.fallbackUser)
  const res = await run('security', ['find-generic-password', '-s', service, '-a', account, '-w'], {
    env: opts.env,
    // The Keychain may ask the user to allow access in a dialog: give them time.
    timeoutMs: 120_000
  })
  if (res.error?.code === 'ENOENT') {
    throw new CaptureError(
      'The `security` command is not here, so there is no macOS Keychain to read: use --from file (the credentials file) on this system.'
    )
  }
  if (res.timedOut) {
    throw new CaptureError(
      `Reading the Keychain item "${service}" took over 2 minutes: allow access in the Keychain dialog, then run the capture again.`
    )
  }
  if (res.code === 44) {
    const hint = config.explicit
      ? `for the config dir ${config.explicit}; check that --config-dir is exactly the CLAUDE_CONFIG_DIR you log in with`
      : 'log in with `claude auth login` first (or pass --config-dir if you use CLAUDE_CONFIG_DIR)'
    throw new CaptureError(
      `The Keychain has no item "${service}" for the account "${account}": ${hint}.`
    )
  }
  if (res.code !== 0) {
    throw new CaptureError(
      `\`security find-generic-password\` failed with exit code ${res.code ?? res.signal} (${redact(firstLine(res.stderr)) || 'no message'}): unlock the Keychain and run the capture again.`
    )
  }
  const where = `The Keychain item "${service}"`
  const { credentials, left } = parseCredentials(keychainText(res.stdout), where)
  const settings = opts.settings ? readSettings(config.dir) : { files: {}, notes: [] }
  return {
    login: oauthLogin(credentials, settings.files),
    source: 'keychain',
    from: `the macOS Keychain (service "${service}", account "${account}")`,
    notes: [...leftOutNote(left), ...settings.notes]
  }
}

/** `security -w` prints a password holding non-ASCII bytes as hex: undo that. */
function keychainText(stdout: string): string {
  const text = stdout.trim()
  if (/^(?:[0-9a-fA-F]{2})+$/.test(text) && text.length >= 4) {
    const decoded = Buffer.from(text, 'hex').toString('utf8')
    if (decoded.trimStart().startsWith('{')) return decoded
  }
  return text
}

/**
 * Takes the setup-token out of what arrived on stdin (a paste, or `claude setup-token`'s whole
 * output piped in), joining the lines of a token the terminal wrapped, and records its expiry as
 * now + 1 year. A token cut short, a refresh token or an API key is refused with the fix.
 */
export function fromTokenText(text: string, now: number): Captured {
  // Input that is one token with whitespace anywhere inside (a wrapped paste, spaces a terminal or
  // chat app put in) is that token, as the action's decoder reads it; else look for tokens in it.
  const whole = joinedToken(text)
  const found = whole ? [whole] : tokensInText(text)
  if (found.length === 0) {
    if (text.trim() === '') {
      throw new CaptureError(
        'Nothing arrived on stdin: run `claude setup-token`, then paste the token it prints (sk-ant-oat01-…) or pipe it into `node capture.js --from token`.'
      )
    }
    throw new CaptureError(
      `What arrived on stdin (${text.trim().length} characters) holds no setup-token (sk-ant-oat01-…): paste the token \`claude setup-token\` prints.`
    )
  }
  if (found.length > 1) {
    throw new CaptureError(
      `What arrived on stdin holds ${found.length} different tokens; expected exactly one setup-token.`
    )
  }
  const token = found[0] as string
  if (/^sk-ant-api\d{2}-/.test(token)) {
    throw new CaptureError(
      'That is an Anthropic API key, not a setup-token: pass an API key to the action as anthropic_api_key instead, or run `claude setup-token` for a subscription token.'
    )
  }
  const problem = setupTokenProblem(token, 'That')
  if (problem) throw new CaptureError(problem)
  return {
    login: {
      kind: 'setup-token',
      token,
      tokenExpiresAt: now + SETUP_TOKEN_LIFETIME_MS,
      origin: 'token',
      generation: 0,
      files: {},
      warnings: []
    },
    source: 'setup-token',
    from: 'a setup-token read from stdin (expiry recorded as one year from now)',
    notes: []
  }
}

function oauthLogin(credentials: Credentials, files: Record<string, unknown>): Login {
  return {
    kind: 'oauth',
    credentials,
    origin: 'credentials-json',
    generation: 0,
    files,
    warnings: []
  }
}

function leftOutNote(left: string[]): string[] {
  if (left.length === 0) return []
  const names = left.slice(0, 5).map(k => JSON.stringify(k.slice(0, 30)))
  return [
    `Left out of the bundle: ${names.join(', ')} (stored beside the Claude login, not needed by the action).`
  ]
}
