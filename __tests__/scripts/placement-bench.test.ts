/**
 * The placement bench's own logic (scripts/bench/placement*.ts), on hand-made input: `git show`
 * output becomes `pulls.listFiles` entries, the scoring counts each outcome where it belongs, and
 * the fixture for the speed figure is the PR the issue describes. (The figures themselves are
 * measured by `npm run bench`, never asserted here.)
 */
import { describe, expect, it } from '@jest/globals'
import {
  accuracyOf,
  ALL,
  missingMirrors,
  renderPlacement,
  speedFixture,
  STRICT
} from '../../scripts/bench/placement.js'
import { filesOfShow, rowsOf, type CorpusCommit } from '../../scripts/bench/placement-corpus.js'
import type { Finding } from '../../src/jobs/review/types.js'

const SHOW = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 1111111..2222222 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -1,3 +1,4 @@',
  ' const a = 1',
  '-const b = 2',
  '+const b = 3',
  '+const c = 4',
  ' const d = 5',
  'diff --git a/old/name.ts b/new/name.ts',
  'similarity index 90%',
  'rename from old/name.ts',
  'rename to new/name.ts',
  '@@ -1 +1 @@',
  '-x',
  '+y',
  'diff --git a/gone.ts b/gone.ts',
  'deleted file mode 100644',
  '--- a/gone.ts',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-bye',
  'diff --git a/logo.png b/logo.png',
  'Binary files a/logo.png and b/logo.png differ',
  ''
].join('\n')

describe('placement corpus', () => {
  it('turns git show output into pulls.listFiles entries', () => {
    const files = filesOfShow(SHOW)
    expect(files.map(f => [f.filename, f.status, f.previous_filename])).toEqual([
      ['src/a.ts', 'modified', undefined],
      ['new/name.ts', 'renamed', 'old/name.ts'],
      ['gone.ts', 'removed', undefined],
      ['logo.png', 'modified', undefined]
    ])
    expect(files[0]?.patch?.startsWith('@@ -1,3 +1,4 @@')).toBe(true)
    expect(files[0]).toMatchObject({ additions: 2, deletions: 1 })
    expect(files[3]?.patch).toBeUndefined()
  })

  it('numbers rows on both sides, per hunk, without carriage returns', () => {
    const rows = rowsOf('@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r')
    expect(rows).toEqual([
      { type: 'context', oldLine: 1, newLine: 1, text: 'a', hunk: 0 },
      { type: 'del', oldLine: 2, text: 'b', hunk: 0 },
      { type: 'add', newLine: 2, text: 'c', hunk: 0 }
    ])
  })
})

describe('placement scoring', () => {
  const finding = (line: number, quote: string): Finding => ({
    path: 'src/a.ts',
    line,
    quote,
    severity: 'minor',
    title: 't',
    body: 'b'
  })
  const commit: CorpusCommit = {
    repo: 'o/r',
    commit: 'c',
    files: filesOfShow(SHOW),
    cases: [
      { kind: 'k', repo: 'o/r', commit: 'c', finding: finding(2, 'const b = 3'), truth: 2 },
      { kind: 'k', repo: 'o/r', commit: 'c', finding: finding(3, 'const b = 3'), truth: 3 },
      { kind: 'k', repo: 'o/r', commit: 'c', finding: finding(9, 'nothing'), truth: 2 },
      { kind: 'k', repo: 'o/r', commit: 'c', finding: finding(9, 'nothing'), truth: 'summary' }
    ]
  }

  it('counts placed right, misplaced, to the summary and rejected lines', () => {
    const [row, all] = accuracyOf([commit])
    expect(all?.kind).toBe(ALL)
    expect(row).toEqual({
      kind: 'k',
      cases: 4,
      right: 2,
      misplaced: 1,
      summary: 1,
      rejected: 0
    })
    // A placement on a line that is not on the new side is counted as rejected.
    const rogue = accuracyOf([commit], findings => ({
      placed: findings.map(f => ({
        path: 'src/a.ts',
        line: 40,
        side: 'RIGHT' as const,
        body: '',
        finding: f,
        fingerprint: ''
      })),
      unplaced: []
    }))
    expect(rogue[0]?.rejected).toBe(4)
  })

  it('counts a short fragment against the contract, and in the strict row against the line it was cut from', () => {
    const fragment: CorpusCommit = {
      ...commit,
      // ")" is no anchor (SPEC): the summary is right; a comment on line 2 is right only strictly.
      cases: Array.from({ length: 2 }, () => ({
        kind: 'f',
        repo: 'o/r',
        commit: 'c',
        finding: finding(2, ')'),
        truth: 'summary' as const,
        cutFrom: 2
      }))
    }
    const onTheLine = accuracyOf([fragment], findings => ({
      placed: [
        {
          path: 'src/a.ts',
          line: 2,
          side: 'RIGHT' as const,
          body: '',
          finding: findings[0]!,
          fingerprint: ''
        }
      ],
      unplaced: []
    }))
    const strictOf = (rows: ReturnType<typeof accuracyOf>) => rows.find(r => r.kind === STRICT)
    expect(onTheLine.find(r => r.kind === ALL)).toMatchObject({ right: 0, misplaced: 2 })
    expect(strictOf(onTheLine)).toMatchObject({ right: 2, misplaced: 0 })
    // The real placement sends it to the summary: right by contract, a loss in the strict row.
    const real = accuracyOf([fragment])
    expect(real.find(r => r.kind === ALL)).toMatchObject({ right: 2, summary: 0 })
    expect(strictOf(real)).toMatchObject({ right: 0, summary: 2 })
  })

  it('renders the table, the held-out total and the comparison with earlier versions', () => {
    const rows = accuracyOf([commit])
    const size = { repos: 1, commits: 1, files: 4 }
    const text = renderPlacement({
      accuracy: { ...size, rows, patchBytes: { raw: 1000, numbered: 1250 } },
      holdout: { ...size, rows },
      missing: [],
      speedMs: [10, 12, 11]
    })
    expect(text).toContain('| **all** | 4 | 2 (50.0 %) | 1 (25.0 %) | 1 (25.0 %) | 0 |')
    expect(text).toContain(
      'Held-out corpus (the same repositories, other commits and findings drawn with another seed; the rules above were chosen without it): 1 commits of 1 repositories, 4 findings: 50.0 % placed right, 25.0 % misplaced, 0 rejected by GitHub'
    )
    expect(text).toContain('make these 4 real patches 25.0 % larger: 1,000 B → 1,250 B.')
    expect(text).toContain('commit 29ecf22')
    expect(text).toContain('11.0 ms median')
  })

  it('names the fetches to make when the mirrors are absent', () => {
    expect(missingMirrors(['psf/requests'])).toContain('github:psf/requests')
  })

  it('builds the 3,000-file PR with a 20,000-line lockfile and 300 findings', () => {
    const { files, findings } = speedFixture()
    expect(files).toHaveLength(3000)
    expect(files.find(f => f.filename === 'package-lock.json')?.additions).toBe(20_000)
    expect(findings).toHaveLength(300)
  })
})
