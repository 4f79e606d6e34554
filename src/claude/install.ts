/**
 * Getting a `claude` executable: `claude_path` as given, or the pinned version from npm, cached
 * with @actions/cache under version + platform + arch so a warm run restores instead of
 * downloading. The native binary is taken from the platform package directly, so npm install
 * scripts are never needed.
 */
import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { InputError } from '../auth/errors.js'

const run = promisify(execFile)
const PACKAGE = '@anthropic-ai/claude-code'

/** The installed CLI. */
export interface Installed {
  path: string
  version: string
  /** `cache` when restored from the Actions cache, `npm` when downloaded, `given` for claude_path. */
  from: 'cache' | 'npm' | 'given' | 'tool-dir'
}

/** The platform package's suffix for this machine, e.g. `linux-x64`. */
export function platformSuffix(
  platform: string = process.platform,
  arch: string = process.arch
): string {
  const os = platform === 'win32' ? 'win32' : platform
  const musl = platform === 'linux' && isMusl() ? '-musl' : ''
  return `${os}-${arch}${musl}`
}

function isMusl(): boolean {
  const report = process.report?.getReport() as
    { header?: { glibcVersionRuntime?: string } } | undefined
  return report?.header !== undefined && !report.header.glibcVersionRuntime
}

/** Where the native binary sits inside an npm prefix. */
export function binaryIn(prefix: string, suffix: string = platformSuffix()): string {
  const exe = suffix.startsWith('win32') ? 'claude.exe' : 'claude'
  return path.join(prefix, 'node_modules', `${PACKAGE}-${suffix}`, exe)
}

/** Runs `claude --version` and returns the x.y.z it prints. */
export async function versionOf(claudePath: string): Promise<string> {
  try {
    const { stdout } = await run(claudePath, ['--version'], {
      timeout: 60_000,
      env: { ...process.env, DISABLE_AUTOUPDATER: '1' }
    })
    const m = /(\d+\.\d+\.\d+[^\s]*)/.exec(stdout)
    if (!m) throw new Error(`it printed "${stdout.trim().slice(0, 80)}"`)
    return m[1] as string
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stdout?: string; stderr?: string }
    const why =
      e.code === 'ENOENT'
        ? 'no such file'
        : e.code === 'EACCES'
          ? 'not executable'
          : firstLine(e.stderr || e.stdout || e.message)
    throw new InputError(
      `Could not run "${claudePath} --version" (${why}): check claude_path or claude_version.`
    )
  }
}

/** Resolves `latest` to a concrete version through npm. */
async function resolveVersion(version: string, npm: string): Promise<string> {
  if (version !== 'latest') return version
  try {
    const { stdout } = await run(npm, ['view', `${PACKAGE}@latest`, 'version'], {
      timeout: 120_000
    })
    return stdout.trim()
  } catch (err) {
    throw new InputError(
      `Could not look up the latest Claude Code version on npm: ${npmReason(err)}.`
    )
  }
}

/**
 * Installs (or restores from cache) the requested version and checks it answers that version.
 * @throws InputError with one sentence when the install or the check fails.
 */
export async function installClaude(opts: {
  version: string
  claudePath?: string
  toolDir?: string
  npm?: string
}): Promise<Installed> {
  if (opts.claudePath) {
    const version = await versionOf(opts.claudePath)
    return { path: opts.claudePath, version, from: 'given' }
  }
  const npm = opts.npm ?? (process.platform === 'win32' ? 'npm.cmd' : 'npm')
  const version = await resolveVersion(opts.version, npm)
  const suffix = platformSuffix()
  const root =
    opts.toolDir ??
    path.join(
      process.env.RUNNER_TOOL_CACHE || process.env.RUNNER_TEMP || os.tmpdir(),
      'claude-code'
    )
  const prefix = path.join(root, version, suffix)
  const binary = binaryIn(prefix, suffix)
  const key = `claude-code-${version}-${suffix}`

  let from: Installed['from'] = 'tool-dir'
  if (!(await isFile(binary))) {
    if (await restoreFromCache(prefix, key)) from = 'cache'
  }
  if (!(await isFile(binary))) {
    core.info(`Installing ${PACKAGE}@${version} (${suffix}) from npm…`)
    await fs.mkdir(prefix, { recursive: true })
    try {
      await run(
        npm,
        [
          'install',
          '--prefix',
          prefix,
          '--no-save',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          '--loglevel=error',
          `${PACKAGE}@${version}`
        ],
        { timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024 }
      )
    } catch (err) {
      throw new InputError(`Could not install ${PACKAGE}@${version} from npm: ${npmReason(err)}.`)
    }
    if (!(await isFile(binary))) {
      throw new InputError(
        `Installed ${PACKAGE}@${version}, but it has no binary for this runner (${suffix}): use a supported runner, or give claude_path.`
      )
    }
    from = 'npm'
    await saveToCache(prefix, key)
  }
  await fs.chmod(binary, 0o755).catch(() => undefined)
  const got = await versionOf(binary)
  if (got !== version) {
    throw new InputError(
      `Asked for Claude Code ${version}, but the installed CLI says ${got}: set claude_version to ${got} or clear the cache.`
    )
  }
  return { path: binary, version, from }
}

async function restoreFromCache(prefix: string, key: string): Promise<boolean> {
  if (!cache.isFeatureAvailable()) return false
  try {
    return (await cache.restoreCache([prefix], key)) !== undefined
  } catch (err) {
    core.warning(
      `The Claude Code cache could not be restored (${(err as Error).message}); installing from npm.`
    )
    return false
  }
}

async function saveToCache(prefix: string, key: string): Promise<void> {
  if (!cache.isFeatureAvailable()) return
  try {
    await cache.saveCache([prefix], key)
  } catch (err) {
    // Another job may have saved the same key first: not a problem.
    core.info(`Claude Code was not cached: ${(err as Error).message}`)
  }
}

function npmReason(err: unknown): string {
  const e = err as { stderr?: string; message?: string; code?: string | number; killed?: boolean }
  const text = `${e.stderr ?? ''}\n${e.message ?? ''}`
  if (e.killed) return 'npm took too long and was stopped'
  if (/E404|404 Not Found|No matching version|ETARGET/i.test(text))
    return 'that version does not exist on the npm registry'
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network/i.test(text))
    return 'the npm registry could not be reached (no network?)'
  if (e.code === 'ENOENT') return 'npm is not installed on this runner'
  return firstLine(e.stderr || e.message || 'npm failed')
}

function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .map(l => l.replace(/^npm (ERR!|error)\s*/, '').trim())
      .find(Boolean) ?? ''
  return line.length > 200 ? `${line.slice(0, 200)}…` : line
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile()
  } catch {
    return false
  }
}
