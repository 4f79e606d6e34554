import { describe, expect, it } from '@jest/globals'
import { fingerprint } from '../../../src/jobs/review/fingerprint.js'
import { hunksOf, newSideLines, placeFindings } from '../../../src/jobs/review/placement.js'
import type { Finding, PrFile } from '../../../src/jobs/review/types.js'

// A realistic `pulls.listFiles` patch: two hunks, no file headers.
// Hunk 1: new lines 1–10 (2, 5, 6 added); hunk 2: new lines 42–50 (44–46 added).
const A_PATCH = [
  '@@ -1,8 +1,10 @@',
  " import { readFile } from 'node:fs/promises'",
  "+import { join } from 'node:path'",
  ' ',
  ' export async function load(dir: string): Promise<string> {',
  "-  const text = await readFile(dir + '/config.json', 'utf8')",
  "+  const file = join(dir, 'config.json')",
  "+  const text = await readFile(file, 'utf8')",
  '   return text',
  ' }',
  ' ',
  ' export const VERSION = 1',
  '@@ -40,7 +42,9 @@ export function parse(text: string) {',
  "   const lines = text.split('\\n')",
  '   for (const line of lines) {',
  "-    if (line.startsWith('#')) continue",
  "+    if (line.startsWith('#') || line.trim() === '') {",
  '+      continue',
  '+    }',
  '     out.push(line)',
  '   }',
  '   return out',
  ' }'
].join('\n')

// Lines removed with three lines of context, then a hunk that only deletes.
const B_PATCH = [
  '@@ -1,6 +1,3 @@',
  ' export const a = 1',
  '-export const b = 2',
  '-export const c = 3',
  '-export const d = 4',
  ' export const e = 5',
  ' export const f = 6',
  '@@ -30,2 +26,0 @@',
  '-export const legacy = true',
  '-export const legacyToo = true'
].join('\n')

const RENAMED_PATCH = [
  '@@ -1,3 +1,3 @@',
  ' /** Greets. */',
  '-export const greet = (n: string) => `hi ${n}`',
  '+export const greet = (name: string) => `hello ${name}`',
  ' export default greet',
  '\\ No newline at end of file'
].join('\n')

const files: PrFile[] = [
  {
    filename: 'src/a.ts',
    status: 'modified',
    additions: 6,
    deletions: 2,
    changes: 8,
    patch: A_PATCH
  },
  {
    filename: 'src/b.ts',
    status: 'modified',
    additions: 0,
    deletions: 5,
    changes: 5,
    patch: B_PATCH
  },
  { filename: 'assets/logo.png', status: 'modified', additions: 0, deletions: 0, changes: 0 },
  {
    filename: 'src/greeting.ts',
    previous_filename: 'src/hello.ts',
    status: 'renamed',
    additions: 1,
    deletions: 1,
    changes: 2,
    patch: RENAMED_PATCH
  },
  {
    filename: 'lib/moved.ts',
    previous_filename: 'old/moved.ts',
    status: 'renamed',
    additions: 0,
    deletions: 0,
    changes: 0
  },
  {
    filename: 'src/gone.ts',
    status: 'removed',
    additions: 0,
    deletions: 2,
    changes: 2,
    patch: '@@ -1,2 +0,0 @@\n-export const gone = 1\n-export const alsoGone = 2'
  }
]

function f(over: Partial<Finding>): Finding {
  return {
    path: 'src/a.ts',
    line: 5,
    severity: 'major',
    title: 'A problem',
    body: 'Details.',
    ...over
  }
}

function placeOne(finding: Finding) {
  return placeFindings([finding], files)
}

describe('hunksOf / newSideLines', () => {
  it('numbers the new side of each hunk', () => {
    const hunks = hunksOf(A_PATCH)
    expect(hunks.map(h => [h.newStart, h.newLines])).toEqual([
      [1, 10],
      [42, 9]
    ])
    const lines = newSideLines(A_PATCH)
    expect([...lines.keys()]).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 42, 43, 44, 45, 46, 47, 48, 49, 50
    ])
    expect(lines.get(5)).toBe("  const file = join(dir, 'config.json')")
    expect(lines.get(47)).toBe('    out.push(line)')
  })

  it('has no new side for deleted-only hunks, and skips "No newline" markers', () => {
    expect([...newSideLines(B_PATCH).keys()]).toEqual([1, 2, 3])
    const renamed = newSideLines(RENAMED_PATCH)
    expect([...renamed.keys()]).toEqual([1, 2, 3])
    expect(renamed.get(3)).toBe('export default greet')
    expect(hunksOf(undefined)).toEqual([])
    expect(newSideLines('').size).toBe(0)
  })

  it('strips carriage returns of CRLF files', () => {
    expect(newSideLines('@@ -1 +1 @@\n-a\r\n+b\r').get(1)).toBe('b')
  })
})

describe('placeFindings', () => {
  it('places a finding on an added line', () => {
    const { placed, unplaced } = placeOne(
      f({ line: 5, quote: "const file = join(dir, 'config.json')" })
    )
    expect(unplaced).toEqual([])
    expect(placed).toHaveLength(1)
    const c = placed[0]!
    expect(c).toMatchObject({ path: 'src/a.ts', line: 5, side: 'RIGHT' })
    expect(c.start_line).toBeUndefined()
    expect(c.fingerprint).toBe(fingerprint(c.finding))
    expect(c.body.startsWith('**🟠 Major** · **A problem**\n\nDetails.')).toBe(true)
    expect(c.body.endsWith(`<!-- csa-fp:${c.fingerprint} -->`)).toBe(true)
  })

  it('places a finding on a context line', () => {
    const { placed } = placeOne(f({ line: 7, quote: 'return text' }))
    expect(placed.map(p => p.line)).toEqual([7])
  })

  it('sets aside a finding on a line outside the diff', () => {
    const { placed, unplaced } = placeOne(f({ line: 120 }))
    expect(placed).toEqual([])
    expect(unplaced[0]?.reason).toBe('line 120 of src/a.ts is not in the diff')
  })

  it('moves a finding with the wrong line and the right quote to the nearest match', () => {
    // Line 30 is outside the diff; the quote is on line 47.
    const outside = placeOne(f({ line: 30, quote: 'out.push(line)' }))
    expect(outside.placed.map(p => p.line)).toEqual([47])
    // Line 2 is in the diff but says something else; "return" appears on 7 and 49: 7 is nearer.
    const inside = placeOne(f({ line: 2, quote: '  return   ' }))
    expect(inside.placed.map(p => p.line)).toEqual([7])
    const near49 = placeOne(f({ line: 48, quote: 'return' }))
    expect(near49.placed.map(p => p.line)).toEqual([49])
  })

  it('compares quotes trimmed, whitespace-collapsed, as a substring, and without a copied + prefix', () => {
    expect(placeOne(f({ line: 6, quote: "readFile(file,   'utf8')" })).placed[0]?.line).toBe(6)
    expect(
      placeOne(f({ line: 9, quote: "+  const file = join(dir, 'config.json')" })).placed[0]?.line
    ).toBe(5)
  })

  it('matches a multi-line quote line by line', () => {
    const { placed } = placeOne(f({ line: 1, quote: '      continue\n    }\n' }))
    expect(placed.map(p => p.line)).toEqual([45])
  })

  it('sets aside a finding whose quote matches nowhere', () => {
    const inDiff = placeOne(f({ line: 5, quote: 'const nothing = here' }))
    expect(inDiff.placed).toEqual([])
    expect(inDiff.unplaced[0]?.reason).toBe(
      'line 5 of src/a.ts does not contain the quoted text, and the quote is found nowhere in the diff'
    )
    const outside = placeOne(f({ line: 300, quote: 'const nothing = here' }))
    expect(outside.unplaced[0]?.reason).toBe(
      'line 300 of src/a.ts is not in the diff, and the quoted text is found nowhere in the diff'
    )
  })

  it('places a range inside one hunk as a multi-line comment with a one-click suggestion', () => {
    const finding = f({
      line: 44,
      end_line: 46,
      quote: "if (line.startsWith('#') || line.trim() === '') {",
      suggestion: "    if (line.startsWith('#') || line.trim() === '') continue"
    })
    const c = placeOne(finding).placed[0]!
    expect(c).toMatchObject({ start_line: 44, start_side: 'RIGHT', line: 46, side: 'RIGHT' })
    expect(c.body).toContain(
      "```suggestion\n    if (line.startsWith('#') || line.trim() === '') continue\n```"
    )
  })

  it('keeps a moved range, and its suggestion, when it still lies in one hunk', () => {
    const c = placeOne(
      f({ line: 10, end_line: 12, quote: "if (line.startsWith('#')", suggestion: 'x' })
    ).placed[0]!
    expect([c.start_line, c.line]).toEqual([44, 46])
    expect(c.body).toContain('```suggestion\nx\n```')
  })

  it('makes a range spanning two hunks a single-line comment, suggestion as a plain block', () => {
    const c = placeOne(f({ line: 9, end_line: 43, suggestion: 'replacement()' })).placed[0]!
    expect(c.line).toBe(9)
    expect(c.start_line).toBeUndefined()
    expect(c.body).not.toContain('```suggestion')
    expect(c.body).toContain(
      'Suggested replacement for lines 9–43 (those lines are not all in one hunk of the diff):\n\n```\nreplacement()\n```'
    )
  })

  it('places a range that starts outside the diff on its first line in the diff', () => {
    const c = placeOne(f({ line: 38, end_line: 43, suggestion: 'y' })).placed[0]!
    expect(c.line).toBe(42)
    expect(c.start_line).toBeUndefined()
    expect(c.body).not.toContain('```suggestion')
    const none = placeOne(f({ line: 20, end_line: 30 }))
    expect(none.unplaced[0]?.reason).toBe('lines 20–30 of src/a.ts are not in the diff')
  })

  it('attaches a single-line suggestion, also after a move by quote', () => {
    const c = placeOne(
      f({
        line: 3,
        quote: "import { join } from 'node:path'",
        suggestion: "import path from 'node:path'\n"
      })
    ).placed[0]!
    expect(c.line).toBe(2)
    expect(c.body).toContain("```suggestion\nimport path from 'node:path'\n```")
  })

  it('unwraps a suggestion the model fenced itself, and fences code containing backticks', () => {
    const fenced = placeOne(f({ suggestion: '```ts\nconst a = 1\n```' })).placed[0]!
    expect(fenced.body).toContain('```suggestion\nconst a = 1\n```')
    const ticks = placeOne(f({ suggestion: 'const md = "```"' })).placed[0]!
    expect(ticks.body).toContain('````suggestion\nconst md = "```"\n````')
    const empty = placeOne(f({ suggestion: '   ' })).placed[0]!
    expect(empty.body).not.toContain('suggestion')
  })

  it('handles deleted-only hunks: deleted lines are not on the new side', () => {
    const deleted = placeOne(f({ path: 'src/b.ts', line: 3, quote: 'export const c = 3' }))
    expect(deleted.unplaced[0]?.reason).toBe(
      'line 3 of src/b.ts does not contain the quoted text, and the quote is found nowhere in the diff'
    )
    const legacy = placeOne(f({ path: 'src/b.ts', line: 30 }))
    expect(legacy.unplaced[0]?.reason).toBe('line 30 of src/b.ts is not in the diff')
    expect(placeOne(f({ path: 'src/b.ts', line: 2, quote: 'const e = 5' })).placed[0]?.line).toBe(2)
  })

  it('sets aside findings on files without a patch, removed files and files not in the PR', () => {
    expect(placeOne(f({ path: 'assets/logo.png', line: 1 })).unplaced[0]?.reason).toBe(
      'assets/logo.png has no diff to comment on (binary, too large for GitHub to show, or renamed without changes)'
    )
    expect(placeOne(f({ path: 'lib/moved.ts', line: 1 })).unplaced[0]?.reason).toMatch(
      /^lib\/moved.ts has no diff/
    )
    expect(placeOne(f({ path: 'src/gone.ts', line: 1 })).unplaced[0]?.reason).toBe(
      'src/gone.ts is deleted in this pull request'
    )
    expect(placeOne(f({ path: 'src/other.ts', line: 1 })).unplaced[0]?.reason).toBe(
      'src/other.ts is not among the files changed in this pull request'
    )
  })

  it('places a finding on a renamed file, also when it names the old path', () => {
    const byNew = placeOne(f({ path: 'src/greeting.ts', line: 2, quote: 'hello ${name}' }))
    expect(byNew.placed[0]).toMatchObject({ path: 'src/greeting.ts', line: 2 })
    const byOld = placeOne(f({ path: 'src/hello.ts', line: 2 }))
    expect(byOld.placed[0]).toMatchObject({ path: 'src/greeting.ts', line: 2 })
    expect(byOld.placed[0]?.fingerprint).toBe(
      fingerprint({ ...byOld.placed[0]!.finding, path: 'src/greeting.ts' })
    )
  })

  it('accepts ./ and b/ prefixed paths', () => {
    expect(placeOne(f({ path: './src/a.ts', line: 5 })).placed[0]?.path).toBe('src/a.ts')
    expect(placeOne(f({ path: 'b/src/a.ts', line: 5 })).placed[0]?.path).toBe('src/a.ts')
  })

  it('strips HTML comments from the model text so a forged marker cannot appear', () => {
    const c = placeOne(
      f({ title: 'Bad\n  title <!-- x -->', body: 'See <!-- csa-fp:0123456789abcdef --> here.' })
    ).placed[0]!
    expect(c.body).toContain('**Bad title**')
    expect(c.body).toContain('See  here.')
    expect(c.body.match(/csa-fp:/g)).toHaveLength(1)
  })

  it('returns placed comments in file order then line, unplaced in the model order', () => {
    const { placed, unplaced } = placeFindings(
      [
        f({ path: 'src/greeting.ts', line: 2, title: 'g' }),
        f({ line: 47, title: 'a47' }),
        f({ line: 500, title: 'far' }),
        f({ line: 2, title: 'a2' }),
        f({ path: 'nope.ts', line: 1, title: 'nope' })
      ],
      files
    )
    expect(placed.map(p => p.finding.title)).toEqual(['a2', 'a47', 'g'])
    expect(unplaced.map(u => u.finding.title)).toEqual(['far', 'nope'])
  })
})
