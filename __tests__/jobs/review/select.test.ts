import { describe, expect, it } from '@jest/globals'
import { failsOn, selectComments, severityAtLeast } from '../../../src/jobs/review/select.js'
import type { PlacedComment, Severity } from '../../../src/jobs/review/types.js'

function comment(title: string, severity: Severity, path = 'src/a.ts', line = 1): PlacedComment {
  return {
    path,
    line,
    side: 'RIGHT',
    body: title,
    fingerprint: `fp-${title}`,
    finding: { path, line, severity, title, body: '' }
  }
}

// As placeFindings returns them: file order, then line.
const placed = [
  comment('a-nit', 'nit', 'src/a.ts', 3),
  comment('a-major', 'major', 'src/a.ts', 10),
  comment('a-minor', 'minor', 'src/a.ts', 20),
  comment('b-critical', 'critical', 'src/b.ts', 5),
  comment('b-major', 'major', 'src/b.ts', 7),
  comment('c-minor', 'minor', 'src/c.ts', 1)
]

describe('severityAtLeast', () => {
  it('ranks critical > major > minor > nit', () => {
    expect(severityAtLeast('critical', 'minor')).toBe(true)
    expect(severityAtLeast('minor', 'minor')).toBe(true)
    expect(severityAtLeast('nit', 'minor')).toBe(false)
    expect(severityAtLeast('major', 'critical')).toBe(false)
  })
})

describe('failsOn', () => {
  const findings = [{ severity: 'minor' as const }, { severity: 'major' as const }]
  it('fails on findings of that severity or worse', () => {
    expect(failsOn(findings, 'none')).toBe(false)
    expect(failsOn(findings, 'critical')).toBe(false)
    expect(failsOn(findings, 'major')).toBe(true)
    expect(failsOn(findings, 'nit')).toBe(true)
    expect(failsOn([], 'nit')).toBe(false)
  })
})

describe('selectComments', () => {
  it('orders most severe first, then file order', () => {
    const { inline, collapsed, duplicates } = selectComments(placed, {
      minSeverity: 'nit',
      maxComments: 10,
      alreadyPosted: new Set()
    })
    expect(inline.map(c => c.body)).toEqual([
      'b-critical',
      'a-major',
      'b-major',
      'a-minor',
      'c-minor',
      'a-nit'
    ])
    expect(collapsed).toEqual([])
    expect(duplicates).toEqual([])
  })

  it('collapses findings below min_severity and over max_comments', () => {
    const { inline, collapsed } = selectComments(placed, {
      minSeverity: 'minor',
      maxComments: 3,
      alreadyPosted: new Set()
    })
    expect(inline.map(c => c.body)).toEqual(['b-critical', 'a-major', 'b-major'])
    expect(collapsed.map(c => [c.finding.title, c.reason, c.line])).toEqual([
      ['a-minor', 'over max_comments', 20],
      ['c-minor', 'over max_comments', 1],
      ['a-nit', 'below min_severity', 3]
    ])
  })

  it('posts nothing inline with max_comments 0', () => {
    const { inline, collapsed } = selectComments(placed, {
      minSeverity: 'nit',
      maxComments: 0,
      alreadyPosted: new Set()
    })
    expect(inline).toEqual([])
    expect(collapsed).toHaveLength(placed.length)
  })

  it('does not post again a fingerprint already on the PR, nor twice in one run', () => {
    const twice = { ...comment('b-major', 'major', 'src/b.ts', 9) }
    const { inline, duplicates, collapsed } = selectComments([...placed, twice], {
      minSeverity: 'minor',
      maxComments: 2,
      alreadyPosted: new Set(['fp-b-critical', 'fp-a-nit'])
    })
    expect(inline.map(c => c.body)).toEqual(['a-major', 'b-major'])
    expect(duplicates.map(c => [c.body, c.line])).toEqual([
      ['b-critical', 5],
      ['b-major', 9],
      ['a-nit', 3]
    ])
    // Duplicates do not use up max_comments.
    expect(collapsed.map(c => c.finding.title)).toEqual(['a-minor', 'c-minor'])
  })
})
