/**
 * A login's credentials as the CLI keeps them: whether they hold a login (ok), a wiped one (the CLI
 * empties the access token, or the whole file, after a refused refresh) or none (missing), and the
 * token and fingerprint reports name a login by. One rule for the action and the capture tool.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Login } from './bundle.js'
import type { LoadedAuth } from './load.js'

/** The file the CLI keeps its login in, inside the config dir. */
export const CREDENTIALS_FILE = '.credentials.json'

/** What a credentials file holds: a login, a wiped login, or no login at all. */
type CredentialsState = 'ok' | 'wiped' | 'missing'

/** True when the CLI wiped this login: it empties the access token when a refresh is refused. */
export function isWiped(oauth: { accessToken?: unknown } | undefined): boolean {
  return oauth?.accessToken === ''
}

/** Classifies parsed credentials JSON of any shape: no `claudeAiOauth` object is no login. */
export function credentialsState(value: unknown): CredentialsState {
  const oauth = (value as { claudeAiOauth?: unknown } | null | undefined)?.claudeAiOauth
  if (oauth === null || typeof oauth !== 'object') return 'missing'
  return isWiped(oauth) ? 'wiped' : 'ok'
}

/**
 * Reads `<configDir>/.credentials.json`: an empty file is a wiped login (the CLI may empty it),
 * and one that cannot be read or parsed holds no login.
 */
export async function readCredentialsState(configDir: string): Promise<CredentialsState> {
  let text: string
  try {
    text = await fs.readFile(path.join(configDir, CREDENTIALS_FILE), 'utf8')
  } catch {
    return 'missing'
  }
  if (text.trim() === '') return 'wiped'
  try {
    return credentialsState(JSON.parse(text))
  } catch {
    return 'missing'
  }
}

/** A short, non-reversible name for a token: the last 4 hex characters of its SHA-256. */
export function fingerprint(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex').slice(-4)
}

/** The token a login sends: the access token (oauth) or the setup-token. */
export function primaryToken(login: Login): string
/** The token loaded auth sends first: the API key, else the login's; undefined with neither. */
export function primaryToken(auth: LoadedAuth): string | undefined
export function primaryToken(from: Login | LoadedAuth): string | undefined {
  if ('kind' in from) {
    return from.kind === 'oauth' ? from.credentials.claudeAiOauth.accessToken : from.token
  }
  if (from.apiKey) return from.apiKey
  return from.login ? primaryToken(from.login) : undefined
}
