/**
 * The shipped SHA-256 table: the pinned version (action.yml's default and DEFAULT_CLAUDE_VERSION)
 * has a hash for every platform package, the linux-x64 one is the hash of the real binary the
 * tests run (the dev dependency at the pinned version), and the regeneration script reads a
 * binary's hash out of a platform tarball.
 */
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { CLI_SHA256, PLATFORM_SUFFIXES, expectedSha256 } from '../../src/claude/checksums.js'
import { sha256Of } from '../../src/claude/install.js'
import { DEFAULT_CLAUDE_VERSION } from '../../src/inputs.js'
import { binaryInTarball, renderTable, replaceGenerated } from '../../scripts/checksums.js'
import { makeTar } from '../../__fixtures__/logins.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const actionDefault = /\n {2}claude_version:\n(?: {4}.*\n)*? {4}default: (\S+)\n/.exec(
  readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
)?.[1]

describe('the shipped SHA-256 table', () => {
  it('action.yml and DEFAULT_CLAUDE_VERSION pin the same version', () => {
    expect(actionDefault).toBe(DEFAULT_CLAUDE_VERSION)
  })

  it('has a hash for every platform package of the pinned version, and nothing else', () => {
    expect(Object.keys(CLI_SHA256)).toEqual([DEFAULT_CLAUDE_VERSION])
    const entry = CLI_SHA256[DEFAULT_CLAUDE_VERSION] ?? {}
    expect(Object.keys(entry).sort()).toEqual([...PLATFORM_SUFFIXES].sort())
    for (const suffix of PLATFORM_SUFFIXES) {
      expect({ suffix, hash: expectedSha256(DEFAULT_CLAUDE_VERSION, suffix) }).toEqual({
        suffix,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/)
      })
    }
    expect(new Set(Object.values(entry)).size).toBe(PLATFORM_SUFFIXES.length)
  })

  it('the linux-x64 hash is the real binary the tests run (the dev dependency)', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.devDependencies['@anthropic-ai/claude-code']).toBe(DEFAULT_CLAUDE_VERSION)
    const binary = path.join(
      ROOT,
      'node_modules',
      '@anthropic-ai',
      'claude-code-linux-x64',
      'claude'
    )
    expect(await sha256Of(binary)).toBe(expectedSha256(DEFAULT_CLAUDE_VERSION, 'linux-x64'))
  })

  it('knows nothing of other versions, unknown platforms or inherited keys', () => {
    expect(expectedSha256('2.1.331', 'linux-x64')).toBeUndefined()
    expect(expectedSha256('latest', 'linux-x64')).toBeUndefined()
    expect(expectedSha256(DEFAULT_CLAUDE_VERSION, 'plan9-mips')).toBeUndefined()
    expect(expectedSha256('__proto__', 'linux-x64')).toBeUndefined()
    expect(expectedSha256(DEFAULT_CLAUDE_VERSION, 'constructor')).toBeUndefined()
  })
})

describe('scripts/checksums.ts', () => {
  const sha = (b: string): string => createHash('sha256').update(b).digest('hex')

  it('hashes package/claude, or package/claude.exe, out of a platform tarball', async () => {
    const unix = gzipSync(
      await makeTar([
        { name: 'package/package.json', content: '{}' },
        { name: 'package/claude', content: 'unix binary' }
      ])
    )
    expect(await binaryInTarball(unix, 'linux-x64')).toBe(sha('unix binary'))
    const win = gzipSync(await makeTar([{ name: 'package/claude.exe', content: 'windows binary' }]))
    expect(await binaryInTarball(win, 'win32-x64')).toBe(sha('windows binary'))
    await expect(binaryInTarball(win, 'linux-x64')).rejects.toThrow(
      'The tarball holds no package/claude.'
    )
  })

  it('renders the table and replaces only the generated block of the module', () => {
    const table = { '9.9.9': { 'linux-x64': 'a'.repeat(64) } }
    const module = readFileSync(path.join(ROOT, 'src', 'claude', 'checksums.ts'), 'utf8')
    const next = replaceGenerated(module, renderTable(table))
    expect(next).toContain(`'9.9.9': {\n    'linux-x64': '${'a'.repeat(64)}'\n  }`)
    expect(next).not.toContain(DEFAULT_CLAUDE_VERSION)
    expect(next.split('// BEGIN GENERATED')[0]).toBe(module.split('// BEGIN GENERATED')[0])
    expect(next.split('// END GENERATED')[1]).toBe(module.split('// END GENERATED')[1])
    // The module as committed is exactly what the script renders for the shipped table.
    expect(replaceGenerated(module, renderTable(CLI_SHA256))).toBe(module)
  })
})
