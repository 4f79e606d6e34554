/**
 * What the CLI may see, per job kind: the one place that builds its environment and the flags that
 * decide which settings load and what the model may read.
 *
 * Trusted jobs (`setup`, `prompt`, the health live check) run what the workflow author wrote:
 * `claude_args` is taken as given, and in `setup` and `prompt` the bundle's settings apply. Untrusted jobs (`review`, `triage`,
 * `command`) read text written by people outside the workflow, so a prompt-injected model must not
 * reach the login or the runner's tokens: no settings from the bundle or the workspace, no MCP
 * servers but the action's, and an action-built settings object that denies reading the config
 * dir, HOME, /proc, RUNNER_TEMP, the event file and every `.git/`, with bypass mode disabled.
 * Measured with CLI 2.1.332: docs/sandbox-measured.md.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { cliEnv, type CliAuth } from './env.js'

/** The jobs that run the CLI (`health` is its live check). */
export type JobKind = 'setup' | 'prompt' | 'health' | 'review' | 'triage' | 'command'

const UNTRUSTED: readonly JobKind[] = ['review', 'triage', 'command']

/** True for the jobs whose input comes from people outside the workflow. */
export function isUntrusted(kind: JobKind): boolean {
  return UNTRUSTED.includes(kind)
}

/** A bundle's settings.json / settings.local.json apply only in `setup` and `prompt`. */
export function restoresBundleSettings(kind: JobKind): boolean {
  return kind === 'setup' || kind === 'prompt'
}

/** The places an untrusted run must not read. All absolute. */
export interface SandboxPaths {
  home: string
  configDir: string
  /** Where a previous login in config_dir was moved aside (self-hosted runners). */
  backupDir?: string
  /** Another run's live login this run stepped aside from (self-hosted runners, shared HOME). */
  otherLogin?: string
  workspace?: string
  runnerTemp?: string
  eventPath?: string
  /**
   * When the workspace is inside HOME: for HOME and each folder between it and the workspace, the
   * names of its entries (see `listAncestors`). Every entry off the path to the workspace is denied.
   */
  ancestors?: Record<string, string[]>
}

/** A rule for an absolute path: the CLI needs two slashes (one slash is relative to the settings). */
const abs = (p: string): string => `/${path.resolve(p)}`
const denyTree = (p: string): string[] => [`Read(${abs(p)})`, `Read(${abs(p)}/**)`]

/** True when `child` is `parent` or inside it. */
function isInside(child: string, parent: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child))
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * The Read deny rules for an untrusted run. `Read(~/**)` would also deny a workspace inside HOME
 * (hosted runners: /home/runner/work/…), so then HOME's dot entries and every entry off the path
 * to the workspace are denied instead.
 */
export function denyRules(p: SandboxPaths): string[] {
  const rules: string[] = [...denyTree(p.configDir)]
  if (p.backupDir) rules.push(...denyTree(p.backupDir))
  if (p.otherLogin) rules.push(...denyTree(p.otherLogin))
  rules.push(...homeRules(p))
  rules.push('Read(//proc/**)')
  if (p.runnerTemp) rules.push(...denyTree(p.runnerTemp))
  if (p.eventPath) rules.push(`Read(${abs(p.eventPath)})`)
  // actions/checkout may leave the GitHub token in .git/config; any depth (submodules too).
  rules.push('Read(**/.git/**)')
  if (p.workspace) rules.push(`Read(${abs(path.join(p.workspace, '.git'))}/**)`)
  return [...new Set(rules)]
}

function homeRules(p: SandboxPaths): string[] {
  const home = path.resolve(p.home)
  if (!p.workspace || !isInside(p.workspace, home)) return denyTree(home)
  const rel = path.relative(home, path.resolve(p.workspace))
  const parts = rel === '' ? [] : rel.split(path.sep)
  // HOME's dot entries (.ssh, .gitconfig, .claude, .claude.json…), unless the workspace is in one.
  const dotsByPattern = !parts[0]?.startsWith('.')
  const rules = dotsByPattern ? [`Read(${abs(home)}/.*)`, `Read(${abs(home)}/.*/**)`] : []
  // Walk from HOME down to the workspace, denying every entry off that path.
  let dir = home
  for (const part of parts) {
    for (const entry of p.ancestors?.[dir] ?? []) {
      if (entry === part || (dotsByPattern && dir === home && entry.startsWith('.'))) continue
      rules.push(...denyTree(path.join(dir, entry)))
    }
    dir = path.join(dir, part)
  }
  return rules
}

/** The settings object an untrusted run gets through `--settings`. */
export function untrustedSettings(p: SandboxPaths): Record<string, unknown> {
  return { permissions: { deny: denyRules(p), disableBypassPermissionsMode: 'disable' } }
}

/** The CLI flags for a job kind: none for trusted jobs. */
export function sandboxFlags(kind: JobKind, p: SandboxPaths): string[] {
  if (!isUntrusted(kind)) return []
  return [
    // No user, project or local settings: neither the bundle's nor the workspace's load.
    '--setting-sources',
    '',
    '--strict-mcp-config',
    '--settings',
    JSON.stringify(untrustedSettings(p))
  ]
}

/** What the runner needs to start the CLI for any job kind. */
export interface CliSandbox {
  /** The CLI's whole environment (see `cliEnv`). */
  env: NodeJS.ProcessEnv
  /** Flags added after everything else, for the job kind. */
  flags(kind: JobKind): string[]
}

/** The CLI sandbox of this run. */
export function cliSandbox(base: NodeJS.ProcessEnv, auth: CliAuth, p: SandboxPaths): CliSandbox {
  return { env: cliEnv(base, auth), flags: kind => sandboxFlags(kind, p) }
}

/** The sandbox paths of a runner, from its environment; lists HOME's entries when needed. */
export async function sandboxPaths(
  env: NodeJS.ProcessEnv,
  configDir: string,
  opts: { home: string; backupDir?: string; otherLogin?: string }
): Promise<SandboxPaths> {
  const workspace = env.GITHUB_WORKSPACE ? path.resolve(env.GITHUB_WORKSPACE) : undefined
  const p: SandboxPaths = {
    home: path.resolve(opts.home),
    configDir: path.resolve(configDir),
    ...(opts.backupDir ? { backupDir: opts.backupDir } : {}),
    ...(opts.otherLogin ? { otherLogin: path.resolve(opts.otherLogin) } : {}),
    ...(workspace ? { workspace } : {}),
    ...(env.RUNNER_TEMP ? { runnerTemp: path.resolve(env.RUNNER_TEMP) } : {}),
    ...(env.GITHUB_EVENT_PATH ? { eventPath: path.resolve(env.GITHUB_EVENT_PATH) } : {})
  }
  if (workspace && isInside(workspace, p.home)) {
    p.ancestors = await listAncestors(p.home, workspace)
  }
  return p
}

/** The entries of HOME and of each folder below it down to (not including) the workspace. */
export async function listAncestors(
  home: string,
  workspace: string
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  let dir = path.resolve(home)
  for (const part of path.relative(dir, path.resolve(workspace)).split(path.sep)) {
    out[dir] = await fs.readdir(dir).catch(() => [])
    dir = path.join(dir, part)
  }
  return out
}

/**
 * True when the workspace's `.git/config` holds an `extraheader` (actions/checkout's default
 * persist-credentials leaves the GitHub token there). Never returns the value.
 */
export async function checkoutLeftToken(workspace: string | undefined): Promise<boolean> {
  if (!workspace) return false
  try {
    const text = await fs.readFile(path.join(workspace, '.git', 'config'), 'utf8')
    return /^\s*extraheader\s*=/im.test(text)
  } catch {
    return false
  }
}

/** The warning for a checkout that left its token in the workspace. */
export const CHECKOUT_TOKEN_WARNING =
  'The workspace .git/config holds a GitHub token (an http extraheader left by actions/checkout): ' +
  'the model is denied reading .git/, but set persist-credentials: false on actions/checkout so ' +
  'the token is not on disk while untrusted text is processed.'
