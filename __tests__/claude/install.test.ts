/**
 * installClaude with a FAKE `npm` (passed through the `npm` option) that "installs" a tiny script
 * where the platform package's binary goes and records its argv; @actions/cache mocked so one test
 * can make it available, while the rest use its real availability check (false off a runner).
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as realCache from '@actions/cache'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { InputError } from '../../src/errors.js'
import type { ChecksumTable } from '../../src/claude/checksums.js'

const isFeatureAvailable = jest.fn<() => boolean>()
const restoreCache = jest.fn<(paths: string[], key: string) => Promise<string | undefined>>()
const saveCache = jest.fn<(paths: string[], key: string) => Promise<number>>()
jest.unstable_mockModule('@actions/cache', () => ({ isFeatureAvailable, restoreCache, saveCache }))
const coreInfo = jest.fn<(line: string) => void>()
const coreWarning = jest.fn<(line: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({
  info: coreInfo,
  warning: coreWarning,
  debug: jest.fn(),
  setSecret: jest.fn()
}))
// eslint-disable-next-line no-restricted-syntax
const installModule = await import('../../src/claude/install.js')
const { binaryIn, cacheKey, installClaude, platformSuffix, toolBinary, versionOf } = installModule

const VERSION = '2.1.332'
const CACHE_VARS = ['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2']
const SUFFIX = platformSuffix()

let dir: string
let toolDir: string
const saved: Record<string, string | undefined> = {}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'csa-install-'))
  toolDir = path.join(dir, 'tools')
  for (const v of CACHE_VARS) {
    saved[v] = process.env[v]
    delete process.env[v]
  }
  // Off a runner, the real check decides: no cache service.
  isFeatureAvailable.mockReset().mockImplementation(realCache.isFeatureAvailable)
  restoreCache.mockReset().mockResolvedValue(undefined)
  saveCache.mockReset().mockResolvedValue(1)
  coreInfo.mockClear()
  coreWarning.mockClear()
})
afterEach(async () => {
  for (const v of CACHE_VARS) {
    if (saved[v] === undefined) delete process.env[v]
    else process.env[v] = saved[v]
  }
  await fs.rm(dir, { recursive: true, force: true })
})

/** A fake claude that answers `--version` with `version`. */
const fakeClaudeText = (version: string): string =>
  `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${version} (Claude Code)"; exit 0; fi\nexit 1\n`

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
/** A shipped-hash table that trusts exactly this binary text for VERSION on this platform. */
const tableFor = (text: string): ChecksumTable => ({ [VERSION]: { [SUFFIX]: sha256(text) } })
/** The table for the fake CLI the fake npm installs by default. */
const TABLE = tableFor(fakeClaudeText(VERSION))

/**
 * Writes a fake npm. `install` creates the binary under --prefix (printing `binVersion`), unless
 * `fail` is given: then it prints that to stderr and exits 1. `view` prints `latest`.
 */
async function fakeNpm(
  opts: { binVersion?: string; fail?: string; noBinary?: boolean; latest?: string } = {}
): Promise<{ npm: string; calls: () => Promise<string[][]> }> {
  const npm = path.join(dir, 'npm')
  const log = path.join(dir, 'npm-calls.log')
  const bin = path.join(dir, 'claude-template')
  await fs.writeFile(bin, fakeClaudeText(opts.binVersion ?? VERSION), { mode: 0o644 })
  const body = [
    '#!/bin/sh',
    `for a in "$@"; do printf '%s\\n' "$a"; done >> "${log}"`,
    `echo "--END--" >> "${log}"`,
    opts.fail ? `printf '%s\\n' "${opts.fail}" >&2; exit 1` : '',
    `if [ "$1" = "view" ]; then echo "${opts.latest ?? VERSION}"; exit 0; fi`,
    'prefix=""',
    'while [ $# -gt 0 ]; do if [ "$1" = "--prefix" ]; then prefix="$2"; fi; shift; done',
    opts.noBinary ? 'exit 0' : '',
    `mkdir -p "$prefix/node_modules/@anthropic-ai/claude-code-${SUFFIX}"`,
    // Copied without the executable bit: the installer must chmod it.
    `cp "${bin}" "$prefix/node_modules/@anthropic-ai/claude-code-${SUFFIX}/claude"`,
    'exit 0'
  ]
  await fs.writeFile(npm, `${body.join('\n')}\n`, { mode: 0o755 })
  const calls = async (): Promise<string[][]> => {
    const text = await fs.readFile(log, 'utf8').catch(() => '')
    return text
      .split('--END--\n')
      .filter(Boolean)
      .map(c => c.split('\n').filter(Boolean))
  }
  return { npm, calls }
}

const errorOf = async (p: Promise<unknown>): Promise<Error> => {
  try {
    await p
  } catch (err) {
    return err as Error
  }
  throw new Error('did not throw')
}

describe('installClaude from npm', () => {
  it('installs with --ignore-scripts into a temp prefix and keeps only the binary, in its own directory', async () => {
    const { npm, calls } = await fakeNpm()
    const got = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    const binary = path.join(toolDir, VERSION, SUFFIX, 'claude')
    expect(got).toEqual({ path: binary, version: VERSION, from: 'npm' })
    expect(toolBinary(toolDir, VERSION, SUFFIX)).toBe(binary)
    expect((await fs.stat(binary)).mode & 0o777).toBe(0o755)
    // The binary's directory holds nothing else, and npm's prefix is gone.
    expect(await fs.readdir(path.dirname(binary))).toEqual(['claude'])
    expect(await fs.readdir(toolDir)).toEqual([VERSION])

    const all = await calls()
    expect(all).toHaveLength(1)
    const argv = all[0] as string[]
    expect(argv[0]).toBe('install')
    expect(argv).toContain('--ignore-scripts')
    expect(argv).toContain('--no-save')
    const prefix = argv[argv.indexOf('--prefix') + 1] as string
    expect(path.dirname(prefix)).toBe(toolDir)
    expect(path.basename(prefix)).toMatch(new RegExp(`^\\.npm-${VERSION}-${SUFFIX}-`))
    expect(argv[argv.length - 1]).toBe(`@anthropic-ai/claude-code@${VERSION}`)
    expect(coreInfo).toHaveBeenCalledWith(
      `Installing @anthropic-ai/claude-code@${VERSION} (${SUFFIX}) from npm…`
    )
  })

  it('an older install (the whole npm prefix) in the tool dir is replaced by the binary alone', async () => {
    const dir = path.join(toolDir, VERSION, SUFFIX)
    const old = binaryIn(dir, SUFFIX)
    await fs.mkdir(path.dirname(old), { recursive: true })
    await fs.writeFile(old, fakeClaudeText(VERSION), { mode: 0o755 })
    const { npm, calls } = await fakeNpm()
    const got = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    expect(got).toEqual({ path: path.join(dir, 'claude'), version: VERSION, from: 'npm' })
    expect(await calls()).toHaveLength(1)
    expect(await fs.readdir(dir)).toEqual(['claude'])
  })

  it('a second call finds the binary in the tool dir and does not call npm', async () => {
    const { npm, calls } = await fakeNpm()
    const first = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    const second = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    expect(first.from).toBe('npm')
    expect(second).toEqual({ ...first, from: 'tool-dir' })
    expect(await calls()).toHaveLength(1)
  })

  it('resolves latest through npm view, then installs that version', async () => {
    const { npm, calls } = await fakeNpm({ latest: VERSION })
    const got = await installClaude({ version: 'latest', toolDir, npm, checksums: TABLE })
    expect(got.version).toBe(VERSION)
    expect(got.path).toContain(path.join(toolDir, VERSION, SUFFIX))
    const all = await calls()
    expect(all[0]).toEqual(['view', '@anthropic-ai/claude-code@latest', 'version'])
    expect(all[1]?.[0]).toBe('install')
  })

  it('refuses a CLI that answers another version, with the sentence', async () => {
    const { npm } = await fakeNpm({ binVersion: '2.1.331' })
    // The shipped hash is that binary's: only the version check can catch it.
    const checksums = tableFor(fakeClaudeText('2.1.331'))
    const err = await errorOf(installClaude({ version: VERSION, toolDir, npm, checksums }))
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toBe(
      `Asked for Claude Code ${VERSION}, but the installed CLI says 2.1.331: set claude_version to 2.1.331 or clear the cache.`
    )
  })

  it('a version missing from the registry (E404)', async () => {
    const { npm } = await fakeNpm({
      fail: 'npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/@anthropic-ai%2fclaude-code - Not found'
    })
    const err = await errorOf(installClaude({ version: '9.9.9', toolDir, npm }))
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toBe(
      'Could not install @anthropic-ai/claude-code@9.9.9 from npm: that version does not exist on the npm registry.'
    )
  })

  it('an unreachable registry (ENOTFOUND)', async () => {
    const { npm } = await fakeNpm({
      fail: 'npm error code ENOTFOUND\nnpm error network request to https://registry.npmjs.org/@anthropic-ai%2fclaude-code failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org'
    })
    const err = await errorOf(installClaude({ version: VERSION, toolDir, npm, checksums: TABLE }))
    expect(err.message).toBe(
      `Could not install @anthropic-ai/claude-code@${VERSION} from npm: the npm registry could not be reached (no network?).`
    )
  })

  it('latest with an unreachable registry says so', async () => {
    const { npm } = await fakeNpm({ fail: 'npm error code EAI_AGAIN' })
    const err = await errorOf(installClaude({ version: 'latest', toolDir, npm, checksums: TABLE }))
    expect(err.message).toBe(
      'Could not look up the latest Claude Code version on npm: the npm registry could not be reached (no network?).'
    )
  })

  it('another npm failure gives its first line without the "npm error" prefix', async () => {
    const { npm } = await fakeNpm({ fail: 'npm error code EACCES\nnpm error more detail' })
    const err = await errorOf(installClaude({ version: VERSION, toolDir, npm, checksums: TABLE }))
    expect(err.message).toBe(
      `Could not install @anthropic-ai/claude-code@${VERSION} from npm: code EACCES.`
    )
  })

  it('npm missing from the runner', async () => {
    const err = await errorOf(
      installClaude({ version: VERSION, toolDir, npm: path.join(dir, 'no-such-npm') })
    )
    expect(err.message).toBe(
      `Could not install @anthropic-ai/claude-code@${VERSION} from npm: npm is not installed on this runner.`
    )
  })

  it('a package without a binary for this platform', async () => {
    const { npm } = await fakeNpm({ noBinary: true })
    const err = await errorOf(installClaude({ version: VERSION, toolDir, npm, checksums: TABLE }))
    expect(err.message).toBe(
      `Installed @anthropic-ai/claude-code@${VERSION}, but it has no binary for this runner (${SUFFIX}): use a supported runner, or give claude_path.`
    )
  })
})

describe('installClaude with claude_path', () => {
  it('uses the given executable and its version, without npm', async () => {
    const claude = path.join(dir, 'my-claude')
    await fs.writeFile(claude, fakeClaudeText('2.0.1'), { mode: 0o755 })
    const { npm, calls } = await fakeNpm()
    expect(await installClaude({ version: VERSION, claudePath: claude, npm, toolDir })).toEqual({
      path: claude,
      version: '2.0.1',
      from: 'given'
    })
    expect(await calls()).toEqual([])
  })

  it('a missing claude_path says "no such file"', async () => {
    const missing = path.join(dir, 'nope', 'claude')
    const err = await errorOf(installClaude({ version: VERSION, claudePath: missing }))
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toBe(
      `Could not run "${missing} --version" (no such file): check claude_path or claude_version.`
    )
  })
})

describe('versionOf', () => {
  it('reads x.y.z from "--version"', async () => {
    const claude = path.join(dir, 'c')
    await fs.writeFile(claude, fakeClaudeText('2.1.332'), { mode: 0o755 })
    expect(await versionOf(claude)).toBe('2.1.332')
  })

  it('a file that is not executable (EACCES, even for root: no x bit at all)', async () => {
    const claude = path.join(dir, 'c')
    await fs.writeFile(claude, fakeClaudeText('2.1.332'), { mode: 0o644 })
    expect((await errorOf(versionOf(claude))).message).toBe(
      `Could not run "${claude} --version" (not executable): check claude_path or claude_version.`
    )
  })

  it('the stub npm leaves with --ignore-scripts: its error line', async () => {
    const claude = path.join(dir, 'c')
    await fs.writeFile(
      claude,
      '#!/bin/sh\necho "Error: claude native binary not installed." >&2\nexit 1\n',
      { mode: 0o755 }
    )
    expect((await errorOf(versionOf(claude))).message).toBe(
      `Could not run "${claude} --version" (Error: claude native binary not installed.): check claude_path or claude_version.`
    )
  })

  it('an answer with no version in it is quoted', async () => {
    const claude = path.join(dir, 'c')
    await fs.writeFile(claude, '#!/bin/sh\necho "hello there"\n', { mode: 0o755 })
    expect((await errorOf(versionOf(claude))).message).toBe(
      `Could not run "${claude} --version" (it printed "hello there"): check claude_path or claude_version.`
    )
  })
})

describe('the Actions cache', () => {
  const KEY = `claude-code-bin2-${VERSION}-${SUFFIX}`

  it('is not used off a runner (isFeatureAvailable is false)', async () => {
    const { npm } = await fakeNpm()
    expect(realCache.isFeatureAvailable()).toBe(false)
    await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    expect(isFeatureAvailable).toHaveBeenCalled()
    expect(restoreCache).not.toHaveBeenCalled()
    expect(saveCache).not.toHaveBeenCalled()
  })

  it('when available: a miss restores nothing, installs, then saves under version + platform', async () => {
    isFeatureAvailable.mockReturnValue(true)
    const { npm, calls } = await fakeNpm()
    const got = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    const dir = path.join(toolDir, VERSION, SUFFIX)
    expect(cacheKey(VERSION, SUFFIX)).toBe(KEY)
    expect(restoreCache).toHaveBeenCalledWith([dir], KEY)
    expect(saveCache).toHaveBeenCalledWith([dir], KEY)
    expect(got.from).toBe('npm')
    expect(await calls()).toHaveLength(1)
    // What is saved is the binary alone.
    expect(await fs.readdir(dir)).toEqual(['claude'])
  })

  it('the key names the layout: an entry of the old whole-prefix layout is never restored', () => {
    // Layout 1 saved the npm prefix under claude-code-<version>-<platform>.
    expect(cacheKey('2.1.332', 'linux-x64')).toBe('claude-code-bin2-2.1.332-linux-x64')
    expect(cacheKey('2.1.332', 'linux-x64')).not.toBe('claude-code-2.1.332-linux-x64')
  })

  it('when available: a hit restores the binary and npm is never called', async () => {
    isFeatureAvailable.mockReturnValue(true)
    restoreCache.mockImplementation(async (paths, key) => {
      const bin = path.join(paths[0] as string, 'claude')
      await fs.mkdir(path.dirname(bin), { recursive: true })
      await fs.writeFile(bin, fakeClaudeText(VERSION), { mode: 0o755 })
      return key
    })
    const { npm, calls } = await fakeNpm()
    const got = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    expect(got).toEqual({
      path: toolBinary(toolDir, VERSION, SUFFIX),
      version: VERSION,
      from: 'cache'
    })
    expect(restoreCache).toHaveBeenCalledWith([path.join(toolDir, VERSION, SUFFIX)], KEY)
    expect(saveCache).not.toHaveBeenCalled()
    expect(await calls()).toEqual([])
  })

  it('a cache that fails to restore or save never fails the install', async () => {
    isFeatureAvailable.mockReturnValue(true)
    restoreCache.mockRejectedValue(new Error('cache service down'))
    saveCache.mockRejectedValue(
      new Error('Unable to reserve cache, another job may be creating it')
    )
    const { npm } = await fakeNpm()
    const got = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    expect(got.from).toBe('npm')
    expect(coreWarning).toHaveBeenCalledWith(
      'The Claude Code cache could not be restored (cache service down); installing from npm.'
    )
    expect(coreInfo).toHaveBeenCalledWith(
      'Claude Code was not cached: Unable to reserve cache, another job may be creating it'
    )
  })
})

describe('platformSuffix, binaryIn and toolBinary', () => {
  it('name the platform package and its executable', () => {
    expect(platformSuffix('darwin', 'arm64')).toBe('darwin-arm64')
    expect(platformSuffix('win32', 'x64')).toBe('win32-x64')
    expect(platformSuffix('linux', 'x64')).toMatch(/^linux-x64(-musl)?$/)
    expect(binaryIn('/p', 'win32-x64')).toBe(
      path.join('/p', 'node_modules', '@anthropic-ai', 'claude-code-win32-x64', 'claude.exe')
    )
    expect(binaryIn('/p', 'darwin-arm64')).toBe(
      path.join('/p', 'node_modules', '@anthropic-ai', 'claude-code-darwin-arm64', 'claude')
    )
    expect(toolBinary('/t', '2.1.332', 'win32-x64')).toBe(
      path.join('/t', '2.1.332', 'win32-x64', 'claude.exe')
    )
    expect(toolBinary('/t', '2.1.332', 'linux-arm64')).toBe(
      path.join('/t', '2.1.332', 'linux-arm64', 'claude')
    )
  })
})

describe('the shipped SHA-256', () => {
  const prefix = (): string => path.join(toolDir, VERSION, SUFFIX)

  /** A binary already in the tool dir (or restored by the cache) with the given text. */
  async function plant(text: string, at = prefix()): Promise<string> {
    const bin = path.join(at, 'claude')
    await fs.mkdir(path.dirname(bin), { recursive: true })
    await fs.writeFile(bin, text, { mode: 0o755 })
    return bin
  }
  const tampered = `${fakeClaudeText(VERSION)}# tampered\n`

  it('a matching binary in the tool dir is used without npm', async () => {
    await plant(fakeClaudeText(VERSION))
    const { npm, calls } = await fakeNpm()
    const got = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    expect(got.from).toBe('tool-dir')
    expect(await calls()).toEqual([])
    expect(coreWarning).not.toHaveBeenCalled()
  })

  it('a tool-dir binary that does not match: warning, fresh npm install, then used', async () => {
    const bin = await plant(tampered)
    const { npm, calls } = await fakeNpm()
    const got = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    expect(got).toEqual({ path: bin, version: VERSION, from: 'npm' })
    expect(await fs.readFile(bin, 'utf8')).toBe(fakeClaudeText(VERSION))
    expect(coreWarning).toHaveBeenCalledWith(
      `The claude binary in the tool directory (${bin}) does not match the SHA-256 this action ships for Claude Code ${VERSION} (${SUFFIX}); re-installing it from npm.`
    )
    expect((await calls()).map(c => c[0])).toEqual(['install'])
  })

  it('a cache hit that does not match: warning, fresh npm install, and the good one is cached', async () => {
    isFeatureAvailable.mockReturnValue(true)
    restoreCache.mockImplementation(async (paths, key) => {
      await plant(tampered, paths[0] as string)
      return key
    })
    const { npm, calls } = await fakeNpm()
    const got = await installClaude({ version: VERSION, toolDir, npm, checksums: TABLE })
    expect(got.from).toBe('npm')
    expect(coreWarning).toHaveBeenCalledWith(
      expect.stringMatching(/^The claude binary in the Actions cache \(.*\) does not match/)
    )
    expect(await calls()).toHaveLength(1)
    expect(saveCache).toHaveBeenCalledWith([prefix()], `claude-code-bin2-${VERSION}-${SUFFIX}`)
  })

  it('npm serving a binary that does not match is a failure with one sentence, and nothing is cached', async () => {
    isFeatureAvailable.mockReturnValue(true)
    const { npm } = await fakeNpm()
    const checksums = tableFor('another build')
    const err = await errorOf(installClaude({ version: VERSION, toolDir, npm, checksums }))
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toBe(
      `The Claude Code ${VERSION} binary npm just installed (${SUFFIX}) has SHA-256 ${sha256(fakeClaudeText(VERSION))}, not the ${sha256('another build')} this action ships for it: check which registry or mirror npm uses on this runner, or give claude_path.`
    )
    expect(saveCache).not.toHaveBeenCalled()
  })

  it('a version with no shipped hash: the tool dir and the cache are not trusted, npm installs it', async () => {
    isFeatureAvailable.mockReturnValue(true)
    const other = '2.1.300'
    const bin = await plant(fakeClaudeText(other), path.join(toolDir, other, SUFFIX))
    const { npm, calls } = await fakeNpm({ binVersion: other })
    const got = await installClaude({ version: other, toolDir, npm, checksums: TABLE })
    expect(got).toEqual({ path: bin, version: other, from: 'npm' })
    expect(await calls()).toHaveLength(1)
    expect(restoreCache).not.toHaveBeenCalled()
    expect(saveCache).not.toHaveBeenCalled()
    expect(coreInfo).toHaveBeenCalledWith(
      `This action ships no SHA-256 for Claude Code ${other} (${SUFFIX}), so a copy in the tool directory or the Actions cache is not trusted: installing it from npm, which checks the package's integrity.`
    )
  })

  it('the real table: the pinned version is checked (a fake binary for it is not trusted)', async () => {
    await plant(fakeClaudeText(VERSION))
    const { npm } = await fakeNpm()
    // The fake npm serves the fake binary too, so the fresh install fails the check.
    const err = await errorOf(installClaude({ version: VERSION, toolDir, npm }))
    expect(err.message).toMatch(
      /binary npm just installed .* not the [0-9a-f]{64} this action ships/
    )
    expect(coreWarning).toHaveBeenCalledWith(expect.stringContaining('does not match the SHA-256'))
  })

  it('a latest that resolves to something that is not a version is refused', async () => {
    const { npm } = await fakeNpm({ latest: '../../etc' })
    const err = await errorOf(installClaude({ version: 'latest', toolDir, npm }))
    expect(err.message).toBe(
      'npm answered "../../etc" for the latest Claude Code version, which is not a version: set claude_version to a concrete version (x.y.z).'
    )
  })
})

describe('the environment of npm and `claude --version`', () => {
  const STEP_ENV: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: '/home/runner',
    HTTPS_PROXY: 'http://proxy.test:3128',
    INPUT_CLAUDE_AUTH: 'FAKE-bundle-install-test',
    INPUT_SECRETS_TOKEN: 'github_pat_FAKE_install_test',
    ACTIONS_RUNTIME_TOKEN: 'FAKE-runtime-install-test',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.test/FAKE',
    STATE_restorePlan: 'FAKE-state',
    GITHUB_TOKEN: 'ghs_FAKE_install_test',
    GH_TOKEN: 'gho_FAKE_install_test',
    ANTHROPIC_API_KEY: 'sk-ant-api01-FAKE-install-test'
  }

  /** Prepends `env > file` to a script so each run leaves its environment behind. */
  async function dumping(file: string, dumpTo: string): Promise<void> {
    const text = await fs.readFile(file, 'utf8')
    await fs.writeFile(file, text.replace('#!/bin/sh\n', `#!/bin/sh\nenv >> "${dumpTo}"\n`))
  }

  it('npm view, npm install and --version get no input, state, runner or GitHub token', async () => {
    const { npm } = await fakeNpm()
    const dump = path.join(dir, 'env.txt')
    await dumping(npm, dump)
    await dumping(path.join(dir, 'claude-template'), dump)
    await installClaude({
      version: 'latest',
      toolDir,
      npm,
      checksums: tableFor(await fs.readFile(path.join(dir, 'claude-template'), 'utf8')),
      env: STEP_ENV
    })
    const text = await fs.readFile(dump, 'utf8')
    // Three processes: npm view, npm install, claude --version.
    expect(text.match(/^HTTPS_PROXY=/gm)).toHaveLength(3)
    expect(text).not.toContain('FAKE')
    expect(text).not.toMatch(
      /^(INPUT_|STATE_|ACTIONS_|GITHUB_TOKEN=|GH_TOKEN=|ANTHROPIC_API_KEY=)/m
    )
    expect(text).toMatch(/^DISABLE_AUTOUPDATER=1$/m)
  })

  it('a claude_path gets the same scrubbed environment for --version', async () => {
    const claude = path.join(dir, 'my-claude')
    const dump = path.join(dir, 'env.txt')
    await fs.writeFile(claude, fakeClaudeText('2.0.1'), { mode: 0o755 })
    await dumping(claude, dump)
    await installClaude({ version: VERSION, claudePath: claude, env: STEP_ENV })
    const text = await fs.readFile(dump, 'utf8')
    expect(text).toMatch(/^HOME=\/home\/runner$/m)
    expect(text).not.toContain('FAKE')
  })
})
