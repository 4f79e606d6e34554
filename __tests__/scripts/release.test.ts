/**
 * The release decision (scripts/release/plan.ts): the CHANGELOG section of a version, the tag to
 * make and the major tag to move, a clear failure when the section is missing; run as the release
 * workflow runs it (Node 24, no dev dependencies) against a scratch git repository; and the
 * repository's own CHANGELOG.md has the section of package.json's version.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { NODE } from '../../__fixtures__/runner.js'
import { changelogSection, releasePlan } from '../../scripts/release/plan.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const SCRIPT = path.join(ROOT, 'scripts', 'release', 'plan.ts')

const CHANGELOG = `# Changelog

All notable changes. The format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/).

## [Unreleased]

- Something not yet released.

## [1.2.0] - 2026-12-01

### Added
- The new thing.

### Fixed
- The old bug.

## [1.1.0] - 2026-11-01

- Earlier work.

[1.2.0]: https://github.com/o/r/compare/v1.1.0...v1.2.0
[1.1.0]: https://github.com/o/r/releases/tag/v1.1.0
`

describe('changelogSection', () => {
  it('is the text under the version heading up to the next one', () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toBe(
      '### Added\n- The new thing.\n\n### Fixed\n- The old bug.'
    )
  })

  it('leaves out the link references of the last section', () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe('- Earlier work.')
  })

  it('is undefined for a version without a section, or with an empty one', () => {
    expect(changelogSection(CHANGELOG, '1.3.0')).toBeUndefined()
    // 1.2.0 is not 1.2.00 or 11.2.0: the version is matched whole.
    expect(changelogSection(CHANGELOG, '1.2.00')).toBeUndefined()
    expect(
      changelogSection('## [2.0.0] - 2026-12-01\n\n## [1.0.0]\n- x\n', '2.0.0')
    ).toBeUndefined()
  })
})

describe('releasePlan', () => {
  it('a version with no tag yet: tag vX.Y.Z, move vX, notes from the CHANGELOG', () => {
    expect(releasePlan({ version: '1.2.0', tags: ['v1.1.0', 'v1'], changelog: CHANGELOG })).toEqual(
      {
        release: true,
        tag: 'v1.2.0',
        major: 'v1',
        prerelease: false,
        notes: '### Added\n- The new thing.\n\n### Fixed\n- The old bug.'
      }
    )
  })

  it('a version already tagged: nothing to do', () => {
    const plan = releasePlan({ version: '1.1.0', tags: ['v1.1.0'], changelog: CHANGELOG })
    expect(plan).toEqual({
      release: false,
      tag: 'v1.1.0',
      reason: 'v1.1.0 is already tagged: nothing to release.'
    })
  })

  it('a pre-release is tagged but does not move the major tag', () => {
    const changelog = '## [2.0.0-rc.1] - 2026-12-01\n- Candidate.\n'
    expect(releasePlan({ version: '2.0.0-rc.1', tags: [], changelog })).toMatchObject({
      release: true,
      tag: 'v2.0.0-rc.1',
      prerelease: true
    })
  })

  it('fails with the fix when the CHANGELOG lacks the section', () => {
    expect(() => releasePlan({ version: '1.3.0', tags: [], changelog: CHANGELOG })).toThrow(
      'CHANGELOG.md has no section for 1.3.0: add "## [1.3.0] - YYYY-MM-DD" with what changed, then push again (or re-run this workflow).'
    )
  })

  it('fails on a version that is not X.Y.Z', () => {
    expect(() => releasePlan({ version: 'next', tags: [], changelog: CHANGELOG })).toThrow(
      /package.json's version "next" is not X.Y.Z/
    )
  })
})

describe('run as the release workflow runs it (Node 24, no dependencies)', () => {
  /** A scratch repository with this package.json version, CHANGELOG and tags. */
  function scratch(version: string, changelog: string | undefined, tags: string[]): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'csa-release-'))
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.com'
        }
      })
    git('init', '-q')
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version }))
    if (changelog !== undefined) writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog)
    git('add', '-A')
    git('commit', '-qm', 'init')
    for (const t of tags) git('tag', t)
    return dir
  }

  function run(dir: string): {
    status: number | null
    stdout: string
    stderr: string
    out: string
  } {
    writeFileSync(path.join(dir, 'out'), '')
    // The script finds the repository from its own path: run a copy placed in the scratch repo.
    const copy = path.join(dir, 'scripts', 'release', 'plan.ts')
    execFileSync('mkdir', ['-p', path.dirname(copy)])
    writeFileSync(copy, readFileSync(SCRIPT))
    const r = spawnSync(NODE, [copy, '--notes-file', path.join(dir, 'notes.md')], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_OUTPUT: path.join(dir, 'out') }
    })
    return { ...r, out: readFileSync(path.join(dir, 'out'), 'utf8') }
  }

  it('writes the outputs and the notes file for a new version', () => {
    const dir = scratch('1.2.0', CHANGELOG, ['v1.1.0', 'v1'])
    try {
      const r = run(dir)
      expect(r.stderr).not.toMatch(/error/i)
      expect(r.status).toBe(0)
      expect(r.stdout).toContain('Release v1.2.0, moving v1.')
      expect(r.out).toBe('release=true\ntag=v1.2.0\nmajor=v1\nprerelease=false\n')
      expect(readFileSync(path.join(dir, 'notes.md'), 'utf8')).toBe(
        '### Added\n- The new thing.\n\n### Fixed\n- The old bug.\n'
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says there is nothing to release when the tag exists', () => {
    const dir = scratch('1.1.0', CHANGELOG, ['v1.1.0'])
    try {
      const r = run(dir)
      expect(r.status).toBe(0)
      expect(r.out).toBe('release=false\ntag=v1.1.0\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fails clearly, writing no outputs, when the CHANGELOG lacks the section', () => {
    const dir = scratch('1.3.0', undefined, [])
    try {
      const r = run(dir)
      expect(r.status).toBe(1)
      expect(r.stderr).toContain('release: CHANGELOG.md has no section for 1.3.0')
      expect(r.out).toBe('')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe("this repository's CHANGELOG.md", () => {
  it("has a section for package.json's version", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
    expect(changelogSection(changelog, pkg.version)?.length).toBeGreaterThan(200)
  })
})
