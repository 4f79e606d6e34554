/**
 * The CLI cache figures of `npm run bench` (issue #11): what a cache save and a cache hit cost
 * here, for the old layout (the whole npm prefix) and the new one (a directory holding only the
 * native binary).
 *
 * There is no Actions cache service here, so the transfer is left out: a save is measured as the
 * archive step of `cache.saveCache` (its own `createTar`: tar piped through zstd, or gzip when
 * zstd is missing, as `getCompressionMethod` decides), and a hit as the extract step of
 * `cache.restoreCache` (its own `extractTar`) followed by the SHA-256 check the action makes of a
 * restored binary. Both helpers are @actions/cache's own modules, imported by path (the package
 * exports only its entry point).
 */
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { sha256Of } from '../../src/claude/install.js'

interface LayoutFigures {
  name: string
  files: number
  bytes: number
  archiveBytes: number
  compressMs: number[]
  extractMs: number[]
}

export interface CacheFigures {
  runs: number
  compression: string
  binaryBytes: number
  layouts: LayoutFigures[]
  sha256Ms: number[]
}

interface CacheInternals {
  createTar(folder: string, paths: string[], method: string): Promise<void>
  extractTar(archive: string, method: string): Promise<void>
  getCompressionMethod(): Promise<string>
  getCacheFileName(method: string): string
  resolvePaths(patterns: string[]): Promise<string[]>
}

async function cacheInternals(root: string): Promise<CacheInternals> {
  const lib = path.join(root, 'node_modules', '@actions', 'cache', 'lib', 'internal')
  const load = async (file: string): Promise<CacheInternals> =>
    // By path: the package exports only its entry point. (A script, never bundled.)
    // eslint-disable-next-line no-restricted-syntax
    (await import(pathToFileURL(path.join(lib, file)).href)) as CacheInternals
  const tar = await load('tar.js')
  const utils = await load('cacheUtils.js')
  return {
    createTar: tar.createTar,
    extractTar: tar.extractTar,
    getCompressionMethod: utils.getCompressionMethod,
    getCacheFileName: utils.getCacheFileName,
    resolvePaths: utils.resolvePaths
  }
}

/** A file of the same bytes: a hard link when it can be (the binary is a few hundred MB). */
async function place(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true })
  await fs.link(from, to).catch(() => fs.copyFile(from, to))
}

/**
 * The npm prefix `npm install --ignore-scripts @anthropic-ai/claude-code` leaves (layout 1), built
 * from the installed dev dependency: the main package's files with its `bin/claude.exe`
 * placeholder (the install script that would put the binary there never runs), and the platform
 * package with the binary.
 */
async function oldPrefix(root: string, at: string, binary: string, suffix: string): Promise<void> {
  const scope = path.join(root, 'node_modules', '@anthropic-ai')
  const main = path.join(scope, 'claude-code')
  const target = path.join(at, 'node_modules', '@anthropic-ai')
  for (const f of await fs.readdir(main)) {
    if (f === 'bin') continue
    await place(path.join(main, f), path.join(target, 'claude-code', f))
  }
  await fs.mkdir(path.join(target, 'claude-code', 'bin'), { recursive: true })
  await fs.writeFile(
    path.join(target, 'claude-code', 'bin', 'claude.exe'),
    'echo "Error: claude native binary not installed." >&2; exit 1\n',
    { mode: 0o755 }
  )
  const platform = path.join(scope, `claude-code-${suffix}`)
  for (const f of await fs.readdir(platform)) {
    const from = f === 'claude' ? binary : path.join(platform, f)
    await place(from, path.join(target, `claude-code-${suffix}`, f))
  }
  await fs.writeFile(
    path.join(at, 'package.json'),
    '{\n  "dependencies": {\n    "@anthropic-ai/claude-code": "2.1.332"\n  }\n}\n'
  )
}

async function sizeOf(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0
  let bytes = 0
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue
    files++
    bytes += (await fs.stat(path.join(e.parentPath, e.name))).size
  }
  return { files, bytes }
}

/**
 * Saves and restores each layout `runs` times with @actions/cache's own tar helpers, in a temp
 * workspace (they work relative to GITHUB_WORKSPACE and put archives under RUNNER_TEMP).
 */
export async function benchCache(opts: {
  root: string
  binary: string
  suffix: string
  runs: number
  log: (line: string) => void
}): Promise<CacheFigures> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'csa-bench-cache-'))
  const saved = { ws: process.env.GITHUB_WORKSPACE, temp: process.env.RUNNER_TEMP }
  // @actions/core and @actions/exec write `::debug::` and `[command]` lines to stdout, where the
  // report goes: kept out of it.
  const write = process.stdout.write
  process.stdout.write = (() => true) as typeof process.stdout.write
  try {
    const workspace = path.join(work, 'workspace')
    process.env.GITHUB_WORKSPACE = workspace
    process.env.RUNNER_TEMP = path.join(work, 'runner-temp')
    await fs.mkdir(process.env.RUNNER_TEMP, { recursive: true })
    const cache = await cacheInternals(opts.root)
    const method = await cache.getCompressionMethod()
    const tools = path.join(workspace, 'tool-cache', 'claude-code', '2.1.332')
    const layouts = [
      { name: 'whole npm prefix (layout 1)', dir: path.join(tools, `${opts.suffix}-prefix`) },
      { name: 'binary only (layout 2)', dir: path.join(tools, opts.suffix) }
    ]
    const oldLayout = layouts[0] as { dir: string }
    const newLayout = layouts[1] as { dir: string }
    // A copy of our own: tar refuses a file whose inode changes while it reads it, and other
    // processes may hard-link the dev dependency's binary meanwhile (the e2e fake npm does).
    const binary = path.join(work, 'claude')
    await fs.copyFile(opts.binary, binary)
    await oldPrefix(opts.root, oldLayout.dir, binary, opts.suffix)
    await place(binary, path.join(newLayout.dir, 'claude'))

    const figures: LayoutFigures[] = []
    for (const l of layouts) {
      const { files, bytes } = await sizeOf(l.dir)
      figures.push({ name: l.name, files, bytes, archiveBytes: 0, compressMs: [], extractMs: [] })
    }
    const sha256Ms: number[] = []
    for (let i = 0; i < opts.runs; i++) {
      for (const [n, l] of layouts.entries()) {
        const f = figures[n] as LayoutFigures
        opts.log(`cache: ${l.name}, run ${i + 1} of ${opts.runs}`)
        const archiveFolder = await fs.mkdtemp(path.join(process.env.RUNNER_TEMP, 'archive-'))
        const paths = await cache.resolvePaths([l.dir])
        let t = performance.now()
        await cache.createTar(archiveFolder, paths, method)
        f.compressMs.push(performance.now() - t)
        const archive = path.join(archiveFolder, cache.getCacheFileName(method))
        f.archiveBytes = (await fs.stat(archive)).size
        // A hit lands on a runner without the files.
        await fs.rm(l.dir, { recursive: true, force: true })
        t = performance.now()
        await cache.extractTar(archive, method)
        f.extractMs.push(performance.now() - t)
        await fs.rm(archiveFolder, { recursive: true, force: true })
        const restored = path.join(newLayout.dir, 'claude')
        if (l === newLayout) {
          if (!existsSync(restored)) throw new Error('the cache extract left no binary')
          t = performance.now()
          await sha256Of(restored)
          sha256Ms.push(performance.now() - t)
        }
      }
    }
    return {
      runs: opts.runs,
      compression: method,
      binaryBytes: (await fs.stat(opts.binary)).size,
      layouts: figures,
      sha256Ms
    }
  } finally {
    process.stdout.write = write
    if (saved.ws === undefined) delete process.env.GITHUB_WORKSPACE
    else process.env.GITHUB_WORKSPACE = saved.ws
    if (saved.temp === undefined) delete process.env.RUNNER_TEMP
    else process.env.RUNNER_TEMP = saved.temp
    await fs.rm(work, { recursive: true, force: true })
  }
}
