/**
 * Getting a `claude` executable: `claude_path` as given, or the pinned version from npm, cached
 * with @actions/cache under version + platform + arch so a warm run restores instead of
 * downloading. The native binary is taken from the platform package directly, so npm install
 * scripts are never needed: npm installs into a temporary prefix, and only the binary is kept, in
 * a directory of its own (`<tool dir>/<version>/<platform>/claude`), which is what the cache holds.
 * A binary from the cache or the tool directory runs only when its SHA-256 is the one shipped for
 * that version (src/claude/checksums.ts); a version with no shipped hash always comes fresh from
 * npm, which checks the package's integrity. npm and `claude --version` get the scrubbed
 * environment (src/claude/env.ts). @actions/cache (most of the action's code) is loaded only when
 * the cache is restored or saved.
 */
import * as core from '@actions/core'
import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { promisify } from 'node:util'
import { InputError } from '../errors.js'
import { CLI_SHA256, expectedSha256, type ChecksumTable } from './checksums.js'
import { toolEnv } from './env.js'

const run = promisify(execFile)
const PACKAGE = '@anthropic-ai/claude-code'

/** The installed CLI. */
interface Installed {
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

/** The executable's file name on a platform. */
const exeName = (suffix: string): string => (suffix.startsWith('win32') ? 'claude.exe' : 'claude')

/** Where the native binary sits inside an npm prefix. */
export function binaryIn(prefix: string, suffix: string = platformSuffix()): string {
  return path.join(prefix, 'node_modules', `${PACKAGE}-${suffix}`, exeName(suffix))
}

/**
 * The layout of what is cached: bumped whenever it changes, and part of the cache key, so an entry
 * of an older layout (layout 1: the whole npm prefix) is never restored as this one.
 */
const CACHE_LAYOUT = 2

/** Where one version's binary is kept: a directory holding only it (what the cache saves). */
export function toolBinary(
  toolDir: string,
  version: string,
  suffix: string = platformSuffix()
): string {
  return path.join(toolDir, version, suffix, exeName(suffix))
}

/** The Actions cache key of one version's binary on one platform. */
export function cacheKey(version: string, suffix: string = platformSuffix()): string {
  return `claude-code-bin${CACHE_LAYOUT}-${version}-${suffix}`
}

/**
 * Runs `claude --version` and returns the x.y.z it prints.
 * @param env the step's environment; the process gets its scrubbed form (`toolEnv`).
 */
export async function versionOf(
  claudePath: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  try {
    const { stdout } = await run(claudePath, ['--version'], { timeout: 60_000, env: toolEnv(env) })
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
async function resolveVersion(
  version: string,
  npm: string,
  env: NodeJS.ProcessEnv
): Promise<string> {
  if (version !== 'latest') return version
  let stdout: string
  try {
    ;({ stdout } = await run(npm, ['view', `${PACKAGE}@latest`, 'version'], {
      timeout: 120_000,
      env
    }))
  } catch (err) {
    throw new InputError(
      `Could not look up the latest Claude Code version on npm: ${npmReason(err)}.`
    )
  }
  // The answer becomes part of a path: only a plain version is taken.
  const resolved = stdout.trim()
  if (!/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(resolved)) {
    throw new InputError(
      `npm answered "${resolved.slice(0, 40)}" for the latest Claude Code version, which is not a version: set claude_version to a concrete version (x.y.z).`
    )
  }
  return resolved
}

/** Where a binary was found before it is trusted. */
const PLACE = { 'tool-dir': 'tool directory', cache: 'Actions cache' } as const

/**
 * Installs (or restores from cache) the requested version and checks it answers that version.
 * @throws InputError with one sentence when the install or a check fails.
 */
export async function installClaude(opts: {
  version: string
  claudePath?: string
  toolDir?: string
  npm?: string
  /** The step's environment (default `process.env`); npm and `--version` get it scrubbed. */
  env?: NodeJS.ProcessEnv
  /** The shipped SHA-256 table (tests give their own). */
  checksums?: ChecksumTable
}): Promise<Installed> {
  const stepEnv = opts.env ?? process.env
  if (opts.claudePath) {
    // The workflow author chose this executable: it is trusted as given.
    const version = await versionOf(opts.claudePath, stepEnv)
    return { path: opts.claudePath, version, from: 'given' }
  }
  const env = toolEnv(stepEnv)
  const npm = opts.npm ?? (process.platform === 'win32' ? 'npm.cmd' : 'npm')
  const version = await resolveVersion(opts.version, npm, env)
  const suffix = platformSuffix()
  const root =
    opts.toolDir ??
    path.join(stepEnv.RUNNER_TOOL_CACHE || stepEnv.RUNNER_TEMP || os.tmpdir(), 'claude-code')
  const binary = toolBinary(root, version, suffix)
  const target: Target = {
    version,
    suffix,
    root,
    dir: path.dirname(binary),
    binary,
    key: cacheKey(version, suffix),
    sha256: expectedSha256(version, suffix, opts.checksums ?? CLI_SHA256)
  }

  const from = (await trustedCopy(target)) ?? (await freshInstall(target, npm, env))
  await fs.chmod(target.binary, 0o755).catch(() => undefined)
  const got = await versionOf(target.binary, stepEnv)
  if (got !== version) {
    throw new InputError(
      `Asked for Claude Code ${version}, but the installed CLI says ${got}: set claude_version to ${got} or clear the cache.`
    )
  }
  return { path: target.binary, version, from }
}

/** One version's install on this platform. */
interface Target {
  version: string
  suffix: string
  /** The tool directory: every version's directory, and npm's temporary prefixes. */
  root: string
  /** The directory holding only the binary: what the cache saves and restores. */
  dir: string
  binary: string
  key: string
  /** The shipped SHA-256, undefined when this action ships none for the version. */
  sha256?: string | undefined
}

/**
 * A copy already here (tool directory) or restored from the Actions cache whose SHA-256 is the
 * shipped one; anything else is removed so npm installs afresh.
 */
async function trustedCopy(t: Target): Promise<'tool-dir' | 'cache' | undefined> {
  if (t.sha256 === undefined) {
    core.info(
      `This action ships no SHA-256 for Claude Code ${t.version} (${t.suffix}), so a copy in the tool directory or the Actions cache is not trusted: installing it from npm, which checks the package's integrity.`
    )
    return undefined
  }
  let from: 'tool-dir' | 'cache' = 'tool-dir'
  if (!(await isFile(t.binary))) {
    const restored = await restoreFromCache(t.dir, t.key)
    if (!restored || !(await isFile(t.binary))) return undefined
    from = 'cache'
  }
  if ((await sha256Of(t.binary)) === t.sha256) return from
  core.warning(
    `The claude binary in the ${PLACE[from]} (${t.binary}) does not match the SHA-256 this action ships for Claude Code ${t.version} (${t.suffix}); re-installing it from npm.`
  )
  return undefined
}

/**
 * Installs from npm into a temporary prefix, checks the binary against the shipped SHA-256 (when
 * there is one), keeps only the binary in the target's directory, and only then caches it.
 */
async function freshInstall(t: Target, npm: string, env: NodeJS.ProcessEnv): Promise<'npm'> {
  await fs.mkdir(t.root, { recursive: true })
  // Beside the target, so the binary is moved, not copied (it is a few hundred MB).
  const prefix = await fs.mkdtemp(path.join(t.root, `.npm-${t.version}-${t.suffix}-`))
  try {
    const installed = await installFromNpm(t, prefix, npm, env)
    if (t.sha256 !== undefined) {
      const got = await sha256Of(installed)
      if (got !== t.sha256) {
        throw new InputError(
          `The Claude Code ${t.version} binary npm just installed (${t.suffix}) has SHA-256 ${got}, not the ${t.sha256} this action ships for it: check which registry or mirror npm uses on this runner, or give claude_path.`
        )
      }
    }
    // Nothing left from an earlier install or a partial restore may sit beside the binary.
    await fs.rm(t.dir, { recursive: true, force: true })
    await fs.mkdir(t.dir, { recursive: true })
    await fs.rename(installed, t.binary)
  } finally {
    await fs.rm(prefix, { recursive: true, force: true })
  }
  if (t.sha256 !== undefined) await saveToCache(t.dir, t.key)
  return 'npm'
}

/**
 * `npm install` of the pinned package into `prefix`, with no install scripts.
 * @returns the platform binary inside `prefix`.
 */
async function installFromNpm(
  t: Target,
  prefix: string,
  npm: string,
  env: NodeJS.ProcessEnv
): Promise<string> {
  core.info(`Installing ${PACKAGE}@${t.version} (${t.suffix}) from npm…`)
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
        `${PACKAGE}@${t.version}`
      ],
      { timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024, env }
    )
  } catch (err) {
    throw new InputError(`Could not install ${PACKAGE}@${t.version} from npm: ${npmReason(err)}.`)
  }
  const installed = binaryIn(prefix, t.suffix)
  if (!(await isFile(installed))) {
    throw new InputError(
      `Installed ${PACKAGE}@${t.version}, but it has no binary for this runner (${t.suffix}): use a supported runner, or give claude_path.`
    )
  }
  return installed
}

/** The SHA-256 (hex) of a file, streamed: the binary is a few hundred MB. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  // 1 MiB reads: fewer, larger updates hash a few hundred MB markedly faster than 64 KiB ones.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer)
  }
  return hash.digest('hex')
}

/** @actions/cache, loaded now, when this runner has a cache service; else undefined. */
async function actionsCache(): Promise<typeof import('@actions/cache') | undefined> {
  const cache = await import('@actions/cache')
  return cache.isFeatureAvailable() ? cache : undefined
}

async function restoreFromCache(dir: string, key: string): Promise<boolean> {
  try {
    const cache = await actionsCache()
    return cache !== undefined && (await cache.restoreCache([dir], key)) !== undefined
  } catch (err) {
    core.warning(
      `The Claude Code cache could not be restored (${(err as Error).message}); installing from npm.`
    )
    return false
  }
}

async function saveToCache(dir: string, key: string): Promise<void> {
  try {
    const cache = await actionsCache()
    if (cache) await cache.saveCache([dir], key)
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
