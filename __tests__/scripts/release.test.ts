/**
 * The release decision (scripts/release/plan.ts): the CHANGELOG section of a version, the tag to
 * make and the major tag to move, a clear failure when the section is missing; run as the release
 * workflow runs it (Node 24, no dev dependencies) against a scratch git repository; and the
 * repository's own CHANGELOG.md has the section of package.json's version, naming every mode and
 * output of action.yml.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { NODE } from '../../__fixtures__/runner.js'
import { changelogSection, compareVersions, releasePlan } from '../../scripts/release/plan.js'

/** The part of `semver` (a dev dependency; it ships no types) used here. */
const semver = createRequire(import.meta.url)('semver') as { compare(a: string, b: string): number }

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

/** Commits, by the tag that points at them. */
const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const HEAD = 'c'.repeat(40)
const NOTES = '### Added\n- The new thing.\n\n### Fixed\n- The old bug.'

describe('compareVersions', () => {
  it('orders versions as semantic versioning (the semver package) does', () => {
    const versions = [
      '1.0.0',
      '1.0.0-rc.1',
      '1.0.0-rc.10',
      '1.0.0-rc.2',
      '1.0.0-alpha',
      '1.0.0-alpha.beta'
    ]
    versions.push('1.0.0-1', '1.0.0-beta.2', '1.0.1', '1.10.0', '1.9.0', '2.0.0', '10.0.0', '0.9.9')
    const ours = [...versions].sort(compareVersions)
    expect(ours).toEqual([...versions].sort(semver.compare))
    expect(ours.slice(0, 3)).toEqual(['0.9.9', '1.0.0-1', '1.0.0-alpha'])
  })
})

describe('releasePlan', () => {
  it('a version with no tag yet: tag vX.Y.Z, move vX to this commit, notes from the CHANGELOG', () => {
    const tags = { 'v1.1.0': A, v1: A }
    expect(releasePlan({ version: '1.2.0', tags, head: HEAD, changelog: CHANGELOG })).toEqual({
      release: true,
      tag: 'v1.2.0',
      prerelease: false,
      notes: NOTES,
      major: 'v1',
      moveMajor: true,
      majorSha: HEAD,
      say: 'Release v1.2.0, move v1 to v1.2.0.'
    })
  })

  it('the first release creates vX', () => {
    const plan = releasePlan({ version: '1.1.0', tags: {}, head: HEAD, changelog: CHANGELOG })
    expect(plan).toMatchObject({ release: true, major: 'v1', moveMajor: true, majorSha: HEAD })
  })

  it('a version already tagged, vX at it: nothing to do', () => {
    const tags = { 'v1.1.0': A, v1: A }
    expect(releasePlan({ version: '1.1.0', tags, head: HEAD, changelog: CHANGELOG })).toEqual({
      release: false,
      tag: 'v1.1.0',
      prerelease: false,
      major: 'v1',
      moveMajor: false,
      say: 'v1.1.0 is already tagged: nothing to release.'
    })
  })

  it('a re-run after a failed move: vX lags behind the highest vX.Y.Z, so it moves there', () => {
    const tags = { 'v1.1.0': A, 'v1.2.0': B, v1: A }
    const plan = releasePlan({ version: '1.2.0', tags, head: HEAD, changelog: CHANGELOG })
    expect(plan).toMatchObject({ release: false, moveMajor: true, majorSha: B })
    expect(plan.say).toBe('v1.2.0 is already tagged; move v1 to v1.2.0 (v1 points elsewhere).')
    // vX missing altogether (its creation failed) is created the same way.
    const created = releasePlan({
      version: '1.2.0',
      tags: { 'v1.2.0': B },
      head: HEAD,
      changelog: ''
    })
    expect(created).toMatchObject({ release: false, moveMajor: true, majorSha: B })
  })

  it('never moves vX backwards: an older tagged version leaves vX at the highest', () => {
    const tags = { 'v1.1.0': A, 'v1.2.0': B, v1: B }
    const plan = releasePlan({ version: '1.1.0', tags, head: HEAD, changelog: CHANGELOG })
    expect(plan).toMatchObject({ release: false, moveMajor: false })
    // Even when vX lags: it goes to the highest (v1.2.0), never to this older version.
    const lagging = releasePlan({
      version: '1.1.0',
      tags: { ...tags, v1: HEAD },
      head: HEAD,
      changelog: ''
    })
    expect(lagging).toMatchObject({ moveMajor: true, majorSha: B })
  })

  it('refuses a version below the highest release', () => {
    const tags = { 'v1.1.0': A, 'v1.2.0': B, v1: B }
    expect(() =>
      releasePlan({ version: '1.1.1', tags, head: HEAD, changelog: '## [1.1.1]\n- x\n' })
    ).toThrow(
      "package.json's version 1.1.1 is below v1.2.0, the highest release: set it above 1.2.0 (a release never goes backwards)."
    )
    // A pre-release counts: 2.0.0-rc.1 released, 1.3.0 would go backwards; 2.0.0 does not.
    const rc = { ...tags, 'v2.0.0-rc.1': HEAD }
    expect(() =>
      releasePlan({ version: '1.3.0', tags: rc, head: HEAD, changelog: '## [1.3.0]\n- x\n' })
    ).toThrow(/below v2.0.0-rc.1/)
    expect(
      releasePlan({ version: '2.0.0', tags: rc, head: HEAD, changelog: '## [2.0.0]\n- x\n' })
    ).toMatchObject({ release: true, major: 'v2', moveMajor: true, majorSha: HEAD })
  })

  it('a pre-release is tagged but does not move the major tag', () => {
    const changelog = '## [2.0.0-rc.1] - 2026-12-01\n- Candidate.\n'
    const tags = { 'v1.2.0': B, v1: B }
    expect(releasePlan({ version: '2.0.0-rc.1', tags, head: HEAD, changelog })).toMatchObject({
      release: true,
      tag: 'v2.0.0-rc.1',
      prerelease: true,
      major: 'v2',
      moveMajor: false,
      say: 'Release v2.0.0-rc.1 (a pre-release).'
    })
  })

  it('fails with the fix when the CHANGELOG lacks the section', () => {
    expect(() =>
      releasePlan({ version: '1.3.0', tags: {}, head: HEAD, changelog: CHANGELOG })
    ).toThrow(
      'CHANGELOG.md has no section for 1.3.0: add "## [1.3.0] - YYYY-MM-DD" with what changed, then push again (or re-run this workflow).'
    )
  })

  it('fails on a version that is not X.Y.Z', () => {
    expect(() =>
      releasePlan({ version: 'next', tags: {}, head: HEAD, changelog: CHANGELOG })
    ).toThrow(/package.json's version "next" is not X.Y.Z/)
  })
})

describe('run as the release workflow runs it (Node 24, no dependencies)', () => {
  /**
   * A scratch repository with this package.json version and CHANGELOG: one commit per entry of
   * `commits`, tagged with its tags (`name^` makes an annotated tag). Returns it and the commits.
   */
  function scratch(version: string, changelog: string | undefined, commits: string[][]) {
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
      }).trim()
    git('init', '-q')
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version }))
    if (changelog !== undefined) writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog)
    git('add', '-A')
    const shas = commits.map((tags, i) => {
      git('commit', '-q', '--allow-empty', '-m', `commit ${i}`)
      for (const t of tags) {
        if (t.endsWith('^')) git('tag', '-a', '-m', t, t.slice(0, -1))
        else git('tag', t)
      }
      return git('rev-parse', 'HEAD')
    })
    return { dir, shas }
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
    const { dir, shas } = scratch('1.2.0', CHANGELOG, [['v1.1.0', 'v1'], []])
    try {
      const r = run(dir)
      expect(r.stderr).not.toMatch(/error/i)
      expect(r.status).toBe(0)
      expect(r.stdout).toContain('Release v1.2.0, move v1 to v1.2.0.')
      expect(r.out).toBe(
        `release=true\ntag=v1.2.0\nprerelease=false\nmajor=v1\nmove_major=true\nmajor_sha=${shas[1]}\n`
      )
      expect(readFileSync(path.join(dir, 'notes.md'), 'utf8')).toBe(`${NOTES}\n`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says there is nothing to release when the tag exists and vX points at it', () => {
    const { dir } = scratch('1.1.0', CHANGELOG, [['v1.1.0^', 'v1']])
    try {
      const r = run(dir)
      expect(r.status).toBe(0)
      expect(r.out).toBe(
        'release=false\ntag=v1.1.0\nprerelease=false\nmajor=v1\nmove_major=false\n'
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a re-run after a failed move moves vX to the commit of the highest (annotated) tag', () => {
    const { dir, shas } = scratch('1.2.0', CHANGELOG, [['v1.1.0', 'v1'], ['v1.2.0^']])
    try {
      const r = run(dir)
      expect(r.status).toBe(0)
      expect(r.stdout).toContain(
        'v1.2.0 is already tagged; move v1 to v1.2.0 (v1 points elsewhere).'
      )
      expect(r.out).toBe(
        `release=false\ntag=v1.2.0\nprerelease=false\nmajor=v1\nmove_major=true\nmajor_sha=${shas[1]}\n`
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses, writing no outputs, a version below the highest release', () => {
    const { dir } = scratch('1.1.1', '## [1.1.1] - 2026-12-01\n- A fix.\n', [['v1.2.0', 'v1'], []])
    try {
      const r = run(dir)
      expect(r.status).toBe(1)
      expect(r.stderr).toContain("release: package.json's version 1.1.1 is below v1.2.0")
      expect(r.out).toBe('')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fails clearly, writing no outputs, when the CHANGELOG lacks the section', () => {
    const { dir } = scratch('1.3.0', undefined, [[]])
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

  it('the section being released names every mode and every output of action.yml', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const section =
      changelogSection(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), pkg.version) ?? ''
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: { mode: { description: string } }
      outputs: Record<string, unknown>
    }
    // The mode input's description starts with its values: "auto | setup | prompt | ... .".
    const modes = (action.inputs.mode.description.split('.')[0] as string)
      .split('|')
      .map(m => m.trim())
    expect(modes).toEqual(expect.arrayContaining(['auto', 'setup', 'review', 'command']))
    const outputs = Object.keys(action.outputs)
    expect(outputs).toEqual(expect.arrayContaining(['usage', 'tokens', 'oauth_token']))
    const missing = [...modes, ...outputs].filter(name => !section.includes(`\`${name}\``))
    expect(missing).toEqual([])
  })
})
