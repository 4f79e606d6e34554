import { describe, expect, it } from '@jest/globals'
import { fingerprint } from '../../../src/jobs/review/fingerprint.js'
import {
  filesToRead,
  hunksOf,
  newSideLines,
  placeFindings
} from '../../../src/jobs/review/placement.js'
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

  it('moves a finding with the wrong line and the right quote to the line near it holding the quote', () => {
    // Line 38 is outside the diff; the quote is on line 47, 9 lines away.
    const outside = placeOne(f({ line: 38, quote: 'out.push(line)' }))
    expect(outside.placed.map(p => p.line)).toEqual([47])
    // Line 2 is in the diff but says something else; "return text" is line 7.
    const inside = placeOne(f({ line: 2, quote: '  return   text ' }))
    expect(inside.placed.map(p => p.line)).toEqual([7])
    const near49 = placeOne(f({ line: 48, quote: 'return out' }))
    expect(near49.placed.map(p => p.line)).toEqual([49])
  })

  it('compares quotes trimmed, whitespace-collapsed, as a substring, and without a copied + prefix', () => {
    expect(placeOne(f({ line: 6, quote: "readFile(file,   'utf8')" })).placed[0]?.line).toBe(6)
    expect(
      placeOne(f({ line: 9, quote: "+  const file = join(dir, 'config.json')" })).placed[0]?.line
    ).toBe(5)
  })

  it('matches a multi-line quote line by line', () => {
    const { placed } = placeOne(f({ line: 42, quote: '      continue\n    }\n' }))
    expect(placed.map(p => p.line)).toEqual([45])
  })

  it('sets aside a finding whose quote matches nowhere', () => {
    const inDiff = placeOne(f({ line: 5, quote: 'const nothing = here' }))
    expect(inDiff.placed).toEqual([])
    expect(inDiff.unplaced[0]?.reason).toBe(
      'line 5 of src/a.ts does not contain the quoted text, and the quote is not found in its hunk or within 10 lines of it'
    )
    const outside = placeOne(f({ line: 300, quote: 'const nothing = here' }))
    expect(outside.unplaced[0]?.reason).toBe(
      'line 300 of src/a.ts is not in the diff, and the quote is not found in its hunk or within 10 lines of it'
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

  // SPEC "Review", Placement: a suggestion is attached only when the quote matched at the given line.
  it('keeps a moved range when it still lies in one hunk, its suggestion as a plain block', () => {
    const c = placeOne(
      f({ line: 38, end_line: 40, quote: "if (line.startsWith('#')", suggestion: 'x' })
    ).placed[0]!
    expect([c.start_line, c.line]).toEqual([44, 46])
    expect(c.body).not.toContain('```suggestion')
    expect(c.body).toContain(
      'Suggested replacement for lines 44–46 (the quoted text is on line 44, not on line 38 as given)'
    )
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

  // SPEC "Review", Placement: a suggestion is attached only when the quote matched at the given line.
  it('shows a single-line suggestion as a plain block after a move by quote', () => {
    const c = placeOne(
      f({
        line: 3,
        quote: "import { join } from 'node:path'",
        suggestion: "import path from 'node:path'\n"
      })
    ).placed[0]!
    expect(c.line).toBe(2)
    expect(c.body).not.toContain('```suggestion')
    expect(c.body).toContain("```\nimport path from 'node:path'\n```")
  })

  it('unwraps a suggestion the model fenced itself, and fences code containing backticks', () => {
    const quote = "  const file = join(dir, 'config.json')"
    const fenced = placeOne(f({ quote, suggestion: '```ts\nconst a = 1\n```' })).placed[0]!
    expect(fenced.body).toContain('```suggestion\nconst a = 1\n```')
    const ticks = placeOne(f({ quote, suggestion: 'const md = "```"' })).placed[0]!
    expect(ticks.body).toContain('````suggestion\nconst md = "```"\n````')
    const empty = placeOne(f({ quote, suggestion: '   ' })).placed[0]!
    expect(empty.body).not.toContain('suggestion')
  })

  it('shows a suggestion as a plain block when the quote spans more lines than the comment', () => {
    const c = placeOne(
      f({
        line: 5,
        quote:
          "  const file = join(dir, 'config.json')\n  const text = await readFile(file, 'utf8')",
        suggestion: "  const file = join(dir, 'c.json')\n  const text = await readFile(file)"
      })
    ).placed[0]!
    expect(c.line).toBe(5)
    expect(c.body).not.toContain('```suggestion')
    expect(c.body).toContain('Suggested replacement for lines 5–6 (the quote spans lines 5–6')
  })

  // SPEC "Review", Placement: a suggestion is attached only when the quote matched at the given line.
  it('shows the suggestion of a finding without a quote as a plain block: nothing confirms its line', () => {
    const c = placeOne(f({ line: 5, suggestion: 'const file = path.join(dir)' })).placed[0]!
    expect(c.line).toBe(5)
    expect(c.body).not.toContain('```suggestion')
    expect(c.body).toContain(
      'Suggested replacement for line 5 (no quote confirms that line):\n\n```\nconst file = path.join(dir)\n```'
    )
  })

  it('handles deleted-only hunks: deleted lines are not on the new side', () => {
    const deleted = placeOne(f({ path: 'src/b.ts', line: 3, quote: 'export const c = 3' }))
    expect(deleted.unplaced[0]?.reason).toBe(
      'line 3 of src/b.ts does not contain the quoted text, and the quote is not found in its hunk or within 10 lines of it'
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

// Issue 12: the misplacements measured on real diffs, each reproduced on a small patch.
describe('placeFindings: hunk-local, whole lines first, never a guess (issue 12)', () => {
  /** A hunk of `count` added lines from new line `start`, each `text(n)`. */
  const added = (start: number, count: number, text: (n: number) => string): string[] => [
    `@@ -${start},0 +${start},${count} @@`,
    ...Array.from({ length: count }, (_, i) => `+${text(start + i)}`)
  ]
  const file = (filename: string, patch: string[]): PrFile => ({
    filename,
    status: 'modified',
    additions: patch.length,
    deletions: 0,
    changes: patch.length,
    patch: patch.join('\n')
  })
  const CALLS = file('src/calls.ts', [
    '@@ -1,4 +1,6 @@',
    ' const total = sum(a, b)',
    '+const scale = 2',
    '+log(total, scale)',
    ' export default total',
    '+',
    ' // end'
  ])
  const in2 = (finding: Finding, ...more: PrFile[]) => placeFindings([finding], [CALLS, ...more])

  it('does not move a quote of ")" to whichever nearby line holds a parenthesis', () => {
    const { placed, unplaced } = in2(f({ path: 'src/calls.ts', line: 2, quote: ')' }))
    expect(placed).toEqual([])
    expect(unplaced[0]?.reason).toBe(
      'line 2 of src/calls.ts does not contain the quoted text, and the quote is not found in its hunk or within 10 lines of it'
    )
  })

  it('never places by a short fragment, not even on the given line (SPEC: fragments of 8+ only)', () => {
    // "2" is part of line 2 and of no other line near it, yet a fragment that short is no anchor.
    const fragment = in2(f({ path: 'src/calls.ts', line: 2, quote: '2' }))
    expect(fragment.placed).toEqual([])
    expect(fragment.unplaced[0]?.reason).toBe(
      'line 2 of src/calls.ts does not contain the quoted text, and the quote is not found in its hunk or within 10 lines of it'
    )
    const tie = in2(f({ path: 'src/calls.ts', line: 3, quote: ')' }))
    expect(tie.placed).toEqual([])
    // A short line quoted whole is the whole line: placed.
    const whole = in2(f({ path: 'src/calls.ts', line: 6, quote: '// end' }))
    expect(whole.placed.map(c => c.line)).toEqual([6])
  })

  it('prefers the line whose indentation matches too when two lines differ only in it', () => {
    const nested = file('src/nested.ts', [
      '@@ -1,2 +1,8 @@',
      ' function outer() {',
      '+  if (ready) {',
      '+    return total',
      '+  }',
      '+  return total',
      '+}',
      '+export default outer',
      ' // end'
    ])
    const place = (line: number, quote: string) =>
      placeFindings([f({ path: 'src/nested.ts', line, quote })], [nested]).placed.map(p => p.line)
    // Given line 4 ("  }") is one from each: the quote's own indentation says which.
    expect(place(4, '    return total')).toEqual([3])
    expect(place(4, '  return total')).toEqual([5])
    // Indentation the model changed says nothing: still two places.
    expect(place(4, 'return total')).toEqual([])
  })

  it('takes indentation as evidence only from an indented quote, and only near the given line', () => {
    const py = file('src/calc.py', [
      '@@ -1,2 +1,12 @@',
      ' def f():',
      '+    x = compute()',
      ...Array.from({ length: 7 }, (_, i) => `+    step${i}()`),
      '+x = compute()',
      '+print(x)',
      ' # end'
    ])
    // "x = compute()" is on line 2 (indented) and line 10 (top level); a trimmed quote is no
    // evidence of the top-level one: line 3 is 1 from line 2 and 7 from line 10.
    const place = (line: number, quote: string) =>
      placeFindings([f({ path: 'src/calc.py', line, quote })], [py]).placed.map(p => p.line)
    expect(place(3, 'x = compute()')).toEqual([2])
    expect(place(6, '    x = compute()')).toEqual([2])
    expect(place(6, 'x = compute()')).toEqual([])
  })

  it('takes no line when the number read as new-side and as old-side picks different ones', () => {
    // 30 lines added at the top (line 14 among them reads "  return value"); old line 10, the same
    // text, is now new line 40.
    const shifted = file('src/shifted.ts', [
      '@@ -0,0 +1,30 @@',
      ...Array.from({ length: 30 }, (_, i) =>
        i === 13 ? '+  return value' : `+const k${i + 1} = 1`
      ),
      '@@ -8,5 +38,5 @@',
      ' line8()',
      ' line9()',
      '   return value',
      ' line11()',
      ' line12()'
    ])
    const placed = placeFindings(
      [f({ path: 'src/shifted.ts', line: 10, quote: 'return value' })],
      [shifted]
    )
    // Read as a new-side number, 10 is 4 from line 14; read as an old-side one, it is line 40. The
    // two readings disagree: neither is taken (before, line 40 won, 30 lines from the given one).
    expect(placed.placed).toEqual([])
    expect(placed.unplaced[0]?.reason).toContain('the quote matches 2 lines near it (14, 40)')
  })

  it('takes the one of two equal lines that is clearly nearer the given line, within 5 lines', () => {
    const twice = file('src/twice.ts', [
      '@@ -1,2 +1,14 @@',
      ' start()',
      ...Array.from(
        { length: 12 },
        (_, i) => `+${i === 1 || i === 10 ? 'x = compute(a)' : `step${i}()`}`
      ),
      ' stop()'
    ])
    // "x = compute(a)" is on lines 3 and 12.
    const place = (line: number) =>
      placeFindings([f({ path: 'src/twice.ts', line, quote: 'x = compute(a)' })], [twice])
    expect(place(4).placed.map(p => p.line)).toEqual([3]) // 1 away against 8
    expect(place(10).placed.map(p => p.line)).toEqual([12]) // 2 away against 7
    // 6 away from the nearer one: further than models are off, a guess.
    expect(place(9).placed.map(p => p.line)).toEqual([])
    expect(place(9).unplaced[0]?.reason).toContain('the quote matches 2 lines near it (3, 12)')
    // 3 against 6: not clearly nearer.
    expect(place(6).placed).toEqual([])
  })

  it('moves a short whole line from past the end of a new file, where no unchanged line can hold it', () => {
    const created: PrFile = {
      ...file('src/new.ts', [
        '@@ -0,0 +1,4 @@',
        '+export function f() {',
        '+  return 1',
        '+}',
        '+f()'
      ]),
      status: 'added'
    }
    const place = (path: string, line: number) =>
      placeFindings([f({ path, line, quote: '}' })], [created, CALLS]).placed.map(p => p.line)
    expect(place('src/new.ts', 6)).toEqual([3])
    // In a modified file the lines past the diff exist and may be "}" too: not moved.
    expect(place('src/calls.ts', 8)).toEqual([])
  })

  it('does not search a quote 20,000 lines away, nor the whole of one huge hunk', () => {
    const far = file('dist/index.js', [
      ...added(1, 5, n => `var v${n} = ${n};`),
      ...added(20_001, 5, n => `var w${n} = require("m${n}");`)
    ])
    const moved = placeFindings(
      [f({ path: 'dist/index.js', line: 3, quote: 'var w20003 = require("m20003");' })],
      [far]
    )
    expect(moved.placed).toEqual([])
    const bundle = file(
      'dist/bundle.js',
      added(1, 30_000, n => `var b${n} = ${n};`)
    )
    const inHunk = placeFindings(
      [f({ path: 'dist/bundle.js', line: 10, quote: 'var b24178 = 24178;' })],
      [bundle]
    )
    expect(inHunk.placed).toEqual([])
    // Near the given line, the same hunk is searched.
    const near = placeFindings(
      [f({ path: 'dist/bundle.js', line: 10, quote: 'var b58 = 58;' })],
      [bundle]
    )
    expect(near.placed.map(p => p.line)).toEqual([58])
  })

  it('moves a line outside the diff only to a line within 10 lines of it', () => {
    // 47 holds the quote: 30 is 17 lines away, 40 is 7.
    expect(placeOne(f({ line: 30, quote: 'out.push(line)' })).unplaced[0]?.reason).toBe(
      'line 30 of src/a.ts is not in the diff, and the quote is not found in its hunk or within 10 lines of it'
    )
    expect(placeOne(f({ line: 40, quote: 'out.push(line)' })).placed.map(p => p.line)).toEqual([47])
    // Short lines (`}`) are on the unchanged lines around the diff too: never moved in from outside.
    expect(placeOne(f({ line: 52, quote: '}' })).placed).toEqual([])
  })

  it('compares whole lines whitespace-insensitively: a=b matches a = b', () => {
    const exact = placeOne(f({ line: 5, quote: "const file=join(dir,'config.json')" }))
    expect(exact.placed.map(p => p.line)).toEqual([5])
    const off = placeOne(f({ line: 3, quote: "\tconst   file = join( dir, 'config.json' )" }))
    expect(off.placed.map(p => p.line)).toEqual([5])
  })

  it('takes fragments only of 8+ non-space characters', () => {
    // "return" is in lines 7 and 49 but is no line of its own.
    expect(placeOne(f({ line: 2, quote: 'return' })).placed).toEqual([])
    expect(placeOne(f({ line: 4, quote: 'readFile(file' })).placed.map(p => p.line)).toEqual([6])
    // A short whole line moves within the window when it is the only one there.
    expect(placeOne(f({ line: 43, quote: '+' })).placed).toEqual([])
    expect(placeOne(f({ line: 42, quote: '      continue' })).placed.map(p => p.line)).toEqual([45])
  })

  it('sends two equally good places to the summary', () => {
    const twice = file('src/twice.ts', [
      '@@ -1,3 +1,9 @@',
      ' start()',
      '+x = compute(a)',
      '+check(x)',
      '+log(x)',
      '+flush()',
      '+mark(x)',
      '+x = compute(a)',
      ' stop()',
      ' end()'
    ])
    const { placed, unplaced } = placeFindings(
      [f({ path: 'src/twice.ts', line: 4, quote: 'x = compute(a)' })],
      [twice]
    )
    expect(placed).toEqual([])
    expect(unplaced[0]?.reason).toBe(
      'line 4 of src/twice.ts does not contain the quoted text, and the quote matches 2 lines near it (2, 7): not guessing which'
    )
    // On the given line there is nothing to guess.
    const given = placeFindings(
      [f({ path: 'src/twice.ts', line: 7, quote: 'x = compute(a)' })],
      [twice]
    )
    expect(given.placed.map(p => p.line)).toEqual([7])
  })

  it('attaches a one-click suggestion only when the quote matched at the given line', () => {
    const moved = placeOne(
      f({ line: 3, quote: "import { join } from 'node:path'", suggestion: 'import path' })
    ).placed[0]!
    expect(moved.line).toBe(2)
    expect(moved.body).not.toContain('```suggestion')
    expect(moved.body).toContain(
      'Suggested replacement for line 2 (the quoted text is on line 2, not on line 3 as given):\n\n```\nimport path\n```'
    )
    const given = placeOne(
      f({ line: 2, quote: "import { join } from 'node:path'", suggestion: 'import path' })
    ).placed[0]!
    expect(given.body).toContain('```suggestion\nimport path\n```')
  })

  it('finds a line the model numbered on the old side', () => {
    // Old line 40 is new line 42 (hunk -40,7 +42,9): 2 away, and in reach through the old side.
    expect(placeOne(f({ line: 47, quote: '    return out' })).placed.map(p => p.line)).toEqual([49])
    const shifted = file('src/shift.ts', [
      ...added(1, 30, n => `const k${n} = ${n}`),
      '@@ -100,2 +130,2 @@',
      ' first.context.line()',
      ' second.context.line()'
    ])
    const old = placeFindings(
      [f({ path: 'src/shift.ts', line: 101, quote: 'second.context.line()' })],
      [shifted]
    )
    expect(old.placed.map(p => p.line)).toEqual([131])
  })

  it('resolves absolute workspace paths and a/, b/, ./ prefixes', () => {
    for (const path of [
      '/home/runner/work/octo-repo/octo-repo/src/a.ts',
      '/github/workspace/src/a.ts',
      '/__w/octo-repo/octo-repo/src/a.ts',
      'a/src/a.ts',
      'b/src/a.ts',
      './src/a.ts'
    ]) {
      expect(placeOne(f({ path, line: 5 })).placed[0]?.path).toBe('src/a.ts')
    }
    expect(placeOne(f({ path: '/home/runner/work/r/r/src/zzz.ts', line: 5 })).placed).toEqual([])
  })

  it('with the head text, keeps a finding about an unchanged line off the changed line saying the same', () => {
    // src/a.ts at the head: line 7 (in the diff) reads "  return text".
    const head = Array.from({ length: 50 }, (_, i) => `// line ${i + 1}`)
    head[6] = '  return text'
    head[11] = '  const other = 1'
    const text = (file: PrFile) => (file.filename === 'src/a.ts' ? head.join('\n') : undefined)
    const place = (line: number) =>
      placeFindings([f({ line, quote: '  return text' })], files, text)
    // Line 12 (outside the diff, 5 from line 7) holds something else: the number was off, and the
    // finding moves to line 7, with the text as without it.
    expect(placeFindings([f({ line: 12, quote: '  return text' })], files).placed[0]?.line).toBe(7)
    expect(place(12).placed.map(p => p.line)).toEqual([7])
    // Line 14 holds the quote itself: the finding is about line 14, not line 7. Without the text
    // that cannot be seen.
    head[13] = '  return text'
    expect(placeFindings([f({ line: 14, quote: '  return text' })], files).placed[0]?.line).toBe(7)
    expect(place(14).placed).toEqual([])
    expect(place(14).unplaced[0]?.reason).toBe(
      'line 14 of src/a.ts holds the quoted text but is not in the diff, and GitHub takes comments only on lines of the diff'
    )
  })

  it('with the head text, an unchanged line near the given one that holds the quote competes with the diff', () => {
    // Diff: new lines 20-23; line 21 reads like the unchanged lines 30 (whole) and 34 (a longer line).
    const patch = ['@@ -18,3 +20,4 @@', ' a()', '+  if (!user) return null;', ' b()', ' c()']
    const headLines = Array.from({ length: 40 }, (_, i) => `// ${i + 1}`)
    headLines[19] = 'a()'
    headLines[20] = '  if (!user) return null;'
    headLines[21] = 'b()'
    headLines[22] = 'c()'
    headLines[29] = '  if (!user) return null;'
    headLines[33] = '  const data = (await fetchData(url, opts)).catch(log)'
    const users = file('src/users.ts', patch)
    const place = (line: number, quote: string) =>
      placeFindings([f({ path: 'src/users.ts', line, quote })], [users], () => headLines.join('\n'))
    // Line 31 is one from unchanged line 30 and ten from line 21: not moved into the diff.
    const twin = place(31, 'if (!user) return null;')
    expect(twin.placed).toEqual([])
    expect(twin.unplaced[0]?.reason).toBe(
      'line 30 of src/users.ts holds the quoted text but is not in the diff, and GitHub takes comments only on lines of the diff'
    )
    // A long fragment of the given unchanged line: that line, not line 21.
    const part = place(34, 'await fetchData(url, opts)')
    expect(part.placed).toEqual([])
    expect(part.unplaced[0]?.reason).toContain('line 34 of src/users.ts holds the quoted text')
    // Without the text, the twin is invisible: line 21 it is (as before).
    expect(
      placeFindings(
        [f({ path: 'src/users.ts', line: 31, quote: 'if (!user) return null;' })],
        [users]
      ).placed.map(p => p.line)
    ).toEqual([21])
  })

  it('survives a huge end_line: the finding goes to the summary', () => {
    const huge = placeOne(f({ line: 1000, end_line: 5_000_000_000 }))
    expect(huge.placed).toEqual([])
    expect(huge.unplaced[0]?.reason).toBe('lines 1000–5000000000 of src/a.ts are not in the diff')
  })

  it('does not take a match farther away in the hunk when the given line holds the quote, or when an unchanged line is as near', () => {
    // One hunk, new lines 1-67: line 31 holds the quote as part of it, line 11 as a whole line;
    // unchanged line 73, past the hunk, holds it too.
    const added = Array.from({ length: 65 }, (_, i) => `step${i + 2}()`)
    added[29] = 'if (ready) await flush(buffer);'
    added[9] = 'await flush(buffer);'
    const hunk = file('src/hunk.ts', [
      '@@ -1,2 +1,67 @@',
      ' c0()',
      ...added.map(l => `+${l}`),
      ' c1()'
    ])
    const head = ['c0()', ...added, 'c1()', ...Array.from({ length: 20 }, (_, i) => `tail${i}()`)]
    head[72] = 'await flush(buffer);'
    const place = (line: number) =>
      placeFindings([f({ path: 'src/hunk.ts', line, quote: 'await flush(buffer);' })], [hunk], () =>
        head.join('\n')
      ).placed.map(p => p.line)
    // Line 31 holds it: not line 11, 20 away.
    expect(place(31)).toEqual([31])
    // Line 61: line 11 is 50 away, unchanged line 73 is 12: no answer.
    expect(place(61)).toEqual([])
  })

  it('counts unchanged look-alikes around the line an old-side number became, too', () => {
    // Old line 50 became new line 70 (20 lines added above); the quote is on added line 72 and on
    // unchanged line 74.
    const shifted = file('src/shift2.ts', [
      '@@ -1,1 +1,21 @@',
      ' top()',
      ...Array.from({ length: 20 }, (_, i) => `+add${i}()`),
      '@@ -49,4 +69,5 @@',
      ' a49()',
      ' a50()',
      ' a51()',
      '+done(result)',
      ' a52()'
    ])
    const head = Array.from({ length: 90 }, (_, i) => `h${i + 1}()`)
    head[68] = 'a49()'
    head[69] = 'a50()'
    head[70] = 'a51()'
    head[71] = 'done(result)'
    head[72] = 'a52()'
    head[73] = 'done(result)'
    const place = (line: number) =>
      placeFindings([f({ path: 'src/shift2.ts', line, quote: 'done(result)' })], [shifted], () =>
        head.join('\n')
      ).placed.map(p => p.line)
    expect(place(70)).toEqual([])
    expect(place(50)).toEqual([])
  })

  it('takes no line when a match just past the 10-line window is as near as the one inside it', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `+s${i + 1}()`)
    lines[39] = '+x = compute(a)' // line 40: 10 from line 30
    lines[18] = '+x = compute(a)' // line 19: 11 from line 30
    const hunk = file('src/edge.ts', ['@@ -0,0 +1,60 @@', ...lines])
    const placed = placeFindings(
      [f({ path: 'src/edge.ts', line: 30, quote: 'x = compute(a)' })],
      [hunk]
    )
    expect(placed.placed).toEqual([])
  })

  it('names the files whose head text would help: a quoted finding not on its given line', () => {
    const wanted = filesToRead(
      [
        f({ line: 30, quote: 'x' }), // outside src/a.ts's diff
        f({ line: 31, quote: 'y' }), // the same file again
        // In the diff, and the line is its quote: nothing to read.
        f({
          path: 'src/greeting.ts',
          line: 2,
          quote: 'export const greet = (name: string) => `hello ${name}`'
        }),
        // In the diff, but the line is not its quote: it may be on an unchanged line near it.
        f({ path: 'src/b.ts', line: 1, quote: 'export const z = 26' }),
        f({ path: 'src/greeting.ts', line: 9 }), // no quote
        f({ path: 'src/gone.ts', line: 9, quote: 'gone' }), // deleted
        f({ path: 'src/nowhere.ts', line: 9, quote: 'n' }) // not in the PR
      ],
      files
    )
    expect(wanted.map(w => w.filename)).toEqual(['src/a.ts', 'src/b.ts'])
  })

  it('matches quotes on CRLF patches and non-ASCII lines', () => {
    const crlf = file('src/crlf.ts', [
      '@@ -1,2 +1,3 @@\r',
      ' a()\r',
      '+const naïve = "é"\r',
      ' b()\r'
    ])
    const found = placeFindings(
      [f({ path: 'src/crlf.ts', line: 3, quote: 'const naïve = "é"'.normalize('NFD') })],
      [crlf]
    )
    expect(found.placed.map(p => p.line)).toEqual([2])
  })
})
