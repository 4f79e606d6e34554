/**
 * Puts a login where the CLI looks for it (`config_dir`), and takes it away again. Whatever was in
 * `config_dir` before is moved aside first, and the plan for putting it back is saved before any
 * file is written, so the post step can always undo the main step, however far it got.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Credentials, Login } from './bundle.js'

/** The file that marks a directory as restored by this run. */
const MARKER_FILE = '.claude-subscription-action'

/** How long a setup-token with no recorded expiry is taken to last (the CLI issues one year). */
const SETUP_TOKEN_YEAR_MS = 365 * 24 * 3_600_000

/** Everything the post step needs to undo a restore. */
export interface RestorePlan {
  configDir: string
  /** A directory was there before: it is moved to `backupDir`. */
  hadDir: boolean
  backupDir: string
  /** Written into the restored directory: the post step reads back only a directory it finds it in. */
  marker?: string
  /** `~/.claude.json` beside the default directory: removed by the post step when it was not there. */
  claudeJson?: string
  hadClaudeJson?: boolean
  /** The config_dir asked for, when it held another run's live login and this run went elsewhere. */
  divertedFrom?: string
}

/** Each field of the plan and its type (`?`: may be absent). */
const PLAN_FIELDS: { [K in keyof RestorePlan]-?: 'string' | 'boolean' | 'string?' | 'boolean?' } = {
  configDir: 'string',
  hadDir: 'boolean',
  backupDir: 'string',
  marker: 'string?',
  claudeJson: 'string?',
  hadClaudeJson: 'boolean?',
  divertedFrom: 'string?'
}

/**
 * Reads a plan back from the state store: every field of its type, anything else dropped. Plain
 * code, not a zod schema: the post step reads it every time and loads no zod for it.
 */
export const RestorePlanSchema = {
  parse(value: unknown): RestorePlan {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error('The restore plan is not an object.')
    }
    const plan: Record<string, unknown> = {}
    for (const [key, type] of Object.entries(PLAN_FIELDS)) {
      const v = (value as Record<string, unknown>)[key]
      if (v === undefined && type.endsWith('?')) continue
      if (typeof v !== type.replace('?', '')) {
        throw new Error(`The restore plan's ${key} is not a ${type.replace('?', '')}.`)
      }
      plan[key] = v
    }
    return plan as unknown as RestorePlan
  }
}

/** True when the directory is the CLI's default, so no `CLAUDE_CONFIG_DIR` is needed. */
export function isDefaultConfigDir(dir: string, home: string = os.homedir()): boolean {
  return path.resolve(dir) === path.resolve(home, '.claude')
}

/**
 * Looks at what is there now and decides where a backup would go. Writes nothing. When
 * `configDir` holds another run's live restore (its marker file is there: a self-hosted runner
 * with a shared HOME), the plan is a fresh directory under `tempDir` instead, so neither run
 * touches the other's login.
 */
export async function planRestore(
  configDir: string,
  home: string = os.homedir(),
  tempDir?: string
): Promise<RestorePlan> {
  if (tempDir && typeof (await markerIn(configDir)) === 'string') {
    const fresh = path.join(tempDir, `claude-config-${randomBytes(6).toString('hex')}`)
    return { ...(await planRestore(fresh, home)), divertedFrom: configDir }
  }
  const hadDir = await exists(configDir)
  const backupDir = `${configDir}.csa-backup-${randomBytes(6).toString('hex')}`
  const plan: RestorePlan = {
    configDir,
    hadDir,
    backupDir,
    marker: randomBytes(12).toString('hex')
  }
  if (isDefaultConfigDir(configDir, home)) {
    plan.claudeJson = path.join(home, '.claude.json')
    plan.hadClaudeJson = await exists(plan.claudeJson)
  }
  return plan
}

/** The credentials file a login is restored as. A setup-token becomes an access token without refresh. */
export function credentialsFor(login: Login, now: number = Date.now()): Credentials {
  if (login.kind === 'oauth') return login.credentials
  return {
    claudeAiOauth: {
      accessToken: login.token,
      expiresAt: login.tokenExpiresAt ?? now + SETUP_TOKEN_YEAR_MS,
      scopes: ['user:inference']
    }
  }
}

/**
 * Moves any existing directory aside and writes the login (none for an API key): directory 0700,
 * files 0600. The bundle's extra files (settings) only `withSettings` (setup and prompt).
 * The caller saves `plan` to state BEFORE calling this.
 */
export async function restoreLogin(
  plan: RestorePlan,
  login: Login | undefined,
  opts: { withSettings?: boolean } = {}
): Promise<string[]> {
  if (plan.hadDir) await fs.rename(plan.configDir, plan.backupDir)
  await fs.mkdir(plan.configDir, { recursive: true, mode: 0o700 })
  await fs.chmod(plan.configDir, 0o700)
  const written: string[] = []
  const write = async (name: string, content: string): Promise<void> => {
    const file = path.join(plan.configDir, name)
    await fs.writeFile(file, content, { mode: 0o600 })
    await fs.chmod(file, 0o600)
    written.push(file)
  }
  if (plan.marker) {
    const marker = path.join(plan.configDir, MARKER_FILE)
    await fs.writeFile(marker, plan.marker, { mode: 0o600 })
    await fs.chmod(marker, 0o600)
  }
  // An API key needs no file: the directory only keeps the CLI's state out of the user's own.
  if (!login) return written
  await write('.credentials.json', JSON.stringify(credentialsFor(login)))
  // Settings can widen what the model may read: never in a job that reads untrusted text.
  if (!opts.withSettings) return written
  for (const [name, content] of Object.entries(login.files)) {
    await write(name, `${JSON.stringify(content, null, 2)}\n`)
  }
  return written
}

/**
 * Reads the credentials file the CLI may have rewritten (after a refresh), or undefined. Only from
 * the directory this run restored: after a first post step it holds the user's own login again.
 */
export async function readRestoredCredentials(plan: RestorePlan): Promise<unknown> {
  try {
    const marker = await fs.readFile(path.join(plan.configDir, MARKER_FILE), 'utf8')
    if (!plan.marker || marker !== plan.marker) return undefined
    return JSON.parse(await fs.readFile(path.join(plan.configDir, '.credentials.json'), 'utf8'))
  } catch {
    return undefined
  }
}

/** A directory as the post step finds it: absent, or there with its restore marker (if any). */
type FoundDir = 'absent' | { marker?: string; empty: boolean }

/** What the post step does with `config_dir` and the backup. */
interface UndoDecision {
  removeConfig: boolean
  /** restore: move it back; delete: another run's login, never the user's; keep: cannot go back. */
  backup: 'none' | 'restore' | 'delete' | 'keep'
}

/**
 * Decides the undo from the markers: `config_dir` is removed only when it carries this run's
 * marker (or is the empty directory this run made before it could write one), and a backup that
 * carries any run's marker is another run's login, deleted rather than put back.
 */
export function decideUndo(ownMarker: string, config: FoundDir, backup: FoundDir): UndoDecision {
  const removeConfig =
    config !== 'absent' &&
    (config.marker === ownMarker ||
      (config.marker === undefined && config.empty && backup !== 'absent'))
  if (backup === 'absent') return { removeConfig, backup: 'none' }
  if (backup.marker !== undefined) return { removeConfig, backup: 'delete' }
  return { removeConfig, backup: config === 'absent' || removeConfig ? 'restore' : 'keep' }
}

/**
 * Removes the restored login and puts back what was there before. Safe to run twice, and after a
 * main step that stopped anywhere. Returns problems as sentences; never throws.
 */
export async function undoRestore(plan: RestorePlan): Promise<string[]> {
  const problems: string[] = []
  const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn()
    } catch (err) {
      problems.push(`Could not ${what}: ${(err as Error).message}`)
    }
  }
  if (plan.marker) await undoMarked(plan, plan.marker, attempt, problems)
  else await undoUnmarked(plan, attempt)
  if (plan.claudeJson && plan.hadClaudeJson === false) {
    await attempt(`remove ${plan.claudeJson}`, () =>
      fs.rm(plan.claudeJson as string, { force: true })
    )
  }
  return problems
}

type Attempt = (what: string, fn: () => Promise<unknown>) => Promise<void>

async function undoMarked(
  plan: RestorePlan,
  marker: string,
  attempt: Attempt,
  problems: string[]
): Promise<void> {
  const decision = decideUndo(marker, await findDir(plan.configDir), await findDir(plan.backupDir))
  if (decision.removeConfig) {
    await attempt(`remove the restored login in ${plan.configDir}`, () =>
      fs.rm(plan.configDir, { recursive: true, force: true })
    )
  }
  if (decision.backup === 'restore') {
    await attempt(`put back ${plan.configDir} from ${plan.backupDir}`, () =>
      fs.rename(plan.backupDir, plan.configDir)
    )
  } else if (decision.backup === 'delete') {
    await attempt(`remove ${plan.backupDir}, another run's login moved aside`, () =>
      fs.rm(plan.backupDir, { recursive: true, force: true })
    )
  } else if (decision.backup === 'keep') {
    problems.push(
      `Could not put back ${plan.configDir}: another run's login is there now, so what was there before stays in ${plan.backupDir}.`
    )
  }
}

/** A plan saved before restore markers existed: the directory is taken to be this run's. */
async function undoUnmarked(plan: RestorePlan, attempt: Attempt): Promise<void> {
  const backupThere = await exists(plan.backupDir)
  // With no backup, a directory that was there before was never moved aside: it is the user's.
  if (plan.hadDir && !backupThere) return
  await attempt(`remove the restored login in ${plan.configDir}`, () =>
    fs.rm(plan.configDir, { recursive: true, force: true })
  )
  if (backupThere) {
    await attempt(`put back ${plan.configDir} from ${plan.backupDir}`, () =>
      fs.rename(plan.backupDir, plan.configDir)
    )
  }
}

/** The restore marker in `dir`: null when there is no such directory, undefined when unmarked. */
async function markerIn(dir: string): Promise<string | null | undefined> {
  if (!(await exists(dir))) return null
  try {
    return await fs.readFile(path.join(dir, MARKER_FILE), 'utf8')
  } catch {
    return undefined
  }
}

async function findDir(dir: string): Promise<FoundDir> {
  const marker = await markerIn(dir)
  if (marker === null) return 'absent'
  const empty = await fs.readdir(dir).then(
    names => names.length === 0,
    () => false
  )
  return marker === undefined ? { empty } : { marker, empty }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p)
    return true
  } catch {
    return false
  }
}
