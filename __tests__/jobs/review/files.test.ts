import { describe, expect, it } from '@jest/globals'
import {
  estimateTokens,
  patchTokens,
  relevanceTier,
  selectFiles
} from '../../../src/jobs/review/files.js'
import { numberPatch } from '../../../src/jobs/review/numbered.js'
import type { PrFile } from '../../../src/jobs/review/types.js'

/** A modified file whose patch adds `lines` lines of roughly `width` characters. */
function file(filename: string, lines = 3, width = 40, over: Partial<PrFile> = {}): PrFile {
  const body = Array.from({ length: lines }, (_, i) => `+${`line ${i} `.padEnd(width - 1, 'x')}`)
  const patch = [`@@ -1,1 +1,${lines + 1} @@`, ' // header', ...body].join('\n')
  return {
    filename,
    status: 'modified',
    additions: lines,
    deletions: 0,
    changes: lines,
    patch,
    ...over
  }
}

const all = { reviewPaths: [], diffBudgetTokens: 0 }

describe('estimateTokens', () => {
  it('counts a token per four characters, rounding up', () => {
    expect(estimateTokens('')).toBe(0)
    expect(estimateTokens(undefined)).toBe(0)
    expect(estimateTokens('abcd')).toBe(1)
    expect(estimateTokens('abcde')).toBe(2)
  })
})

describe('selectFiles: review_paths', () => {
  const files = [
    file('src/a.ts'),
    file('src/a.test.ts'),
    file('src/deep/b.ts'),
    file('docs/guide.md'),
    file('.github/workflows/ci.yml'),
    file('README.md')
  ]

  it('keeps every file when the list is empty', () => {
    expect(selectFiles(files, all).kept).toHaveLength(files.length)
  })

  it('keeps matching files, with ! exclusions and dot files', () => {
    const { kept, skipped } = selectFiles(files, {
      reviewPaths: ['src/**', '.github/**', '!**/*.test.ts'],
      diffBudgetTokens: 0
    })
    expect(kept.map(f => f.filename)).toEqual([
      'src/a.ts',
      'src/deep/b.ts',
      '.github/workflows/ci.yml'
    ])
    expect(skipped).toEqual([
      { path: 'src/a.test.ts', reason: 'excluded by review_paths (!**/*.test.ts)' },
      { path: 'docs/guide.md', reason: 'not matched by review_paths' },
      { path: 'README.md', reason: 'not matched by review_paths' }
    ])
  })

  it('with only exclusions, keeps everything else; a trailing / means the whole folder', () => {
    const { kept } = selectFiles(files, {
      reviewPaths: ['!docs/', '!*.md', ' '],
      diffBudgetTokens: 0
    })
    expect(kept.map(f => f.filename)).toEqual([
      'src/a.ts',
      'src/a.test.ts',
      'src/deep/b.ts',
      '.github/workflows/ci.yml'
    ])
  })
})

describe('selectFiles: built-in skips', () => {
  it('skips lock, minified, generated, vendored, binary, patchless and removed files, each with a reason', () => {
    const files: PrFile[] = [
      file('package-lock.json'),
      file('web/yarn.lock'),
      file('Cargo.lock'),
      file('go.sum'),
      file('api/poetry.lock'),
      file('public/app.min.js'),
      file('styles/site.min.css'),
      file('dist/index.js'),
      file('build/main.js'),
      file('packages/ui/build/ui.js'),
      file('src/schema.generated.ts'),
      file('api/v1/service.pb.go'),
      file('api/v1/service_pb.go'),
      file('vendor/github.com/x/y.go'),
      file('web/node_modules/left-pad/index.js'),
      file('third_party/zlib/zlib.c'),
      file('assets/logo.png', 0, 0, { patch: undefined }),
      file('data/big.csv', 0, 0, { patch: undefined, changes: 90000 }),
      file('src/moved.ts', 0, 0, { patch: undefined, status: 'renamed', changes: 0 }),
      file('src/old.ts', 2, 20, { status: 'removed' }),
      file('src/keep.ts'),
      file('scripts/build/pack.ts')
    ]
    const { kept, skipped } = selectFiles(files, all)
    expect(kept.map(f => f.filename)).toEqual(['src/keep.ts', 'scripts/build/pack.ts'])
    expect(Object.fromEntries(skipped.map(s => [s.path, s.reason]))).toEqual({
      'package-lock.json': 'lock file',
      'web/yarn.lock': 'lock file',
      'Cargo.lock': 'lock file',
      'go.sum': 'lock file',
      'api/poetry.lock': 'lock file',
      'public/app.min.js': 'minified file',
      'styles/site.min.css': 'minified file',
      'dist/index.js': 'generated file',
      'build/main.js': 'generated file',
      'packages/ui/build/ui.js': 'generated file',
      'src/schema.generated.ts': 'generated file',
      'api/v1/service.pb.go': 'generated file',
      'api/v1/service_pb.go': 'generated file',
      'vendor/github.com/x/y.go': 'vendored code',
      'web/node_modules/left-pad/index.js': 'vendored code',
      'third_party/zlib/zlib.c': 'vendored code',
      'assets/logo.png': 'binary file',
      'data/big.csv': 'no diff available (binary, or too large for GitHub to show)',
      'src/moved.ts': 'renamed without changes',
      'src/old.ts': 'removed file'
    })
  })

  it('skips files whose header carries a generated marker, not files that merely mention one', () => {
    const goGenerated: PrFile = {
      filename: 'internal/enum_string.go',
      status: 'modified',
      additions: 2,
      deletions: 1,
      changes: 3,
      patch: [
        '@@ -1,5 +1,6 @@',
        '-// Code generated by "stringer -type=Color"; DO NOT EDIT.',
        '+// Code generated by "stringer -type=Color,Shade"; DO NOT EDIT.',
        ' ',
        ' package internal',
        ' ',
        '+import "strconv"',
        ' func _() {'
      ].join('\n')
    }
    const jsGenerated: PrFile = {
      ...goGenerated,
      filename: 'src/relay/__queries.ts',
      patch:
        '@@ -1,3 +1,3 @@\n /**\n- * @generated SignedSource<<abc>>\n+ * @generated SignedSource<<def>>\n  */'
    }
    const generator: PrFile = {
      ...goGenerated,
      filename: 'tools/gen/main.go',
      patch: [
        '@@ -120,3 +120,4 @@ func header() string {',
        ' \tvar b strings.Builder',
        '+\tb.WriteString("// Code generated by gen; DO NOT EDIT.\\n")',
        ' \treturn b.String()',
        ' }'
      ].join('\n')
    }
    const { kept, skipped } = selectFiles([goGenerated, jsGenerated, generator], all)
    expect(kept.map(f => f.filename)).toEqual(['tools/gen/main.go'])
    expect(skipped.map(s => s.reason)).toEqual([
      'generated file (marked @generated / DO NOT EDIT)',
      'generated file (marked @generated / DO NOT EDIT)'
    ])
  })

  it('reports a file excluded by review_paths as excluded, before a built-in skip', () => {
    const { skipped } = selectFiles([file('dist/x.js')], {
      reviewPaths: ['!dist/**'],
      diffBudgetTokens: 0
    })
    expect(skipped).toEqual([{ path: 'dist/x.js', reason: 'excluded by review_paths (!dist/**)' }])
  })
})

describe('selectFiles: diff budget', () => {
  it('orders relevance: source, configuration, tests, docs', () => {
    expect(relevanceTier('src/a.ts')).toBe(0)
    expect(relevanceTier('package.json')).toBe(1)
    expect(relevanceTier('.github/workflows/ci.yml')).toBe(1)
    expect(relevanceTier('src/a.test.ts')).toBe(2)
    expect(relevanceTier('__tests__/a.ts')).toBe(2)
    expect(relevanceTier('pkg/a_test.go')).toBe(2)
    expect(relevanceTier('src/test/java/com/x/FooTest.java')).toBe(2)
    expect(relevanceTier('Sources/App/Latest.swift')).toBe(0)
    expect(relevanceTier('docs/setup.md')).toBe(3)
    expect(relevanceTier('CHANGELOG.md')).toBe(3)
  })

  it('drops the least relevant, then the largest, and keeps the PR order', () => {
    const files = [
      file('docs/guide.md', 20, 40), // ~200 tokens, docs
      file('src/big.ts', 100, 40), // ~1000 tokens, source
      file('src/small.ts', 10, 40), // ~100 tokens
      file('src/a.test.ts', 20, 40), // ~200 tokens, tests
      file('src/mid.ts', 30, 40) // ~300 tokens
    ]
    const tokens = Object.fromEntries(files.map(f => [f.filename, patchTokens(f)]))
    // Room for all source but not the tests and docs.
    const budget = tokens['src/big.ts']! + tokens['src/small.ts']! + tokens['src/mid.ts']! + 50
    const { kept, skipped } = selectFiles(files, { reviewPaths: [], diffBudgetTokens: budget })
    expect(kept.map(f => f.filename)).toEqual(['src/big.ts', 'src/small.ts', 'src/mid.ts'])
    expect(skipped).toEqual([
      {
        path: 'docs/guide.md',
        reason: `over the diff budget (${tokens['docs/guide.md']} tokens)`,
        overBudgetTokens: tokens['docs/guide.md']
      },
      {
        path: 'src/a.test.ts',
        reason: `over the diff budget (${tokens['src/a.test.ts']} tokens)`,
        overBudgetTokens: tokens['src/a.test.ts']
      }
    ])

    // Less room: the largest source file goes, the small ones and the test still fit.
    const tight = selectFiles(files, { reviewPaths: [], diffBudgetTokens: 700 })
    expect(tight.kept.map(f => f.filename)).toEqual(['src/small.ts', 'src/a.test.ts', 'src/mid.ts'])
    expect(tight.skipped.map(s => s.path)).toEqual(['docs/guide.md', 'src/big.ts'])
  })

  it('counts a patch as the model reads it: with its line numbers', () => {
    const f = file('src/numbered.ts', 100, 20)
    const raw = estimateTokens(f.patch)
    const numbered = estimateTokens(numberPatch(f.patch))
    expect(numbered).toBeGreaterThan(raw)
    // Room for the raw patch but not for what the prompt holds: left out, by what it would cost.
    const { kept, skipped } = selectFiles([f], { reviewPaths: [], diffBudgetTokens: raw })
    expect(kept).toEqual([])
    expect(skipped[0]?.overBudgetTokens).toBe(numbered)
    expect(patchTokens(f)).toBe(numbered)
  })

  it('writes the token count with thousands separators', () => {
    const { skipped } = selectFiles([file('src/huge.ts', 1200, 41)], {
      reviewPaths: [],
      diffBudgetTokens: 1000
    })
    expect(skipped[0]?.reason).toMatch(/^over the diff budget \(\d{1,3},\d{3} tokens\)$/)
  })
})

describe('selectFiles: a large PR', () => {
  it('handles 250 files with a lock file and a generated file', () => {
    const files: PrFile[] = []
    for (let i = 0; i < 248; i++) files.push(file(`src/module${i}/index.ts`, 5, 60))
    files.splice(17, 0, file('package-lock.json', 4000, 60))
    files.splice(120, 0, file('src/api/client.generated.ts', 800, 60))
    expect(files).toHaveLength(250)
    const perFile = patchTokens(files[0]!)
    const { kept, skipped } = selectFiles(files, {
      reviewPaths: [],
      diffBudgetTokens: perFile * 200
    })
    expect(kept).toHaveLength(200)
    expect(skipped).toHaveLength(50)
    expect(skipped[0]).toEqual({ path: 'package-lock.json', reason: 'lock file' })
    expect(skipped[1]).toEqual({ path: 'src/api/client.generated.ts', reason: 'generated file' })
    expect(
      skipped.slice(2).every(s => s.reason === `over the diff budget (${perFile} tokens)`)
    ).toBe(true)
    // Kept files stay in the PR's order.
    const order = kept.map(f => files.indexOf(f))
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })
})
