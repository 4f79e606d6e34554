import { describe, expect, it } from '@jest/globals'
import { numberPatch } from '../../../src/jobs/review/numbered.js'
import { buildReviewPrompt } from '../../../src/jobs/review/prompt.js'
import type { PrFile } from '../../../src/jobs/review/types.js'

const PATCH = [
  '@@ -8,4 +8,5 @@ function total(items) {',
  '   let sum = 0',
  '-  for (const i of items) sum += i.price',
  '+  for (const i of items) sum += i.price * i.qty',
  '+  if (sum > LIMIT) throw new Error("over")',
  '   return sum',
  ' }',
  '@@ -99,2 +100,2 @@',
  ' a',
  '-b',
  '+c',
  '\\ No newline at end of file'
].join('\n')

const file = (filename: string, patch = PATCH): PrFile => ({
  filename,
  status: 'modified',
  additions: 3,
  deletions: 2,
  changes: 5,
  patch
})

describe('numberPatch', () => {
  it('numbers added and context lines on the new side; removed lines get none', () => {
    expect(numberPatch(PATCH)).toBe(
      [
        '@@ -8,4 +8,5 @@ function total(items) {',
        '  8    let sum = 0',
        '    -  for (const i of items) sum += i.price',
        '  9 +  for (const i of items) sum += i.price * i.qty',
        ' 10 +  if (sum > LIMIT) throw new Error("over")',
        ' 11    return sum',
        ' 12  }',
        '@@ -99,2 +100,2 @@',
        '100  a',
        '    -b',
        '101 +c',
        '\\ No newline at end of file'
      ].join('\n')
    )
  })

  it('leaves a trailing newline alone and an absent patch empty', () => {
    expect(numberPatch('@@ -0,0 +1,1 @@\n+x\n')).toBe('@@ -0,0 +1,1 @@\n1 +x\n')
    expect(numberPatch(undefined)).toBe('')
  })
})

describe('buildReviewPrompt', () => {
  const base = { title: 'T', body: '', rules: [] }

  it('tells the model to copy the line numbers, and shows them', () => {
    const prompt = buildReviewPrompt({ ...base, files: [file('src/cart.ts')] })
    expect(prompt).toContain('starts with its line number in the new file')
    expect(prompt).toContain(' 10 +  if (sum > LIMIT) throw new Error("over")')
    expect(prompt).toContain('<UNTRUSTED kind="diff">\n### diff of src/cart.ts (modified)\n@@')
  })

  it('names the files diff_budget left out, capped at 50', () => {
    const left = Array.from({ length: 60 }, (_, i) => `gen/f${i}.ts`)
    const prompt = buildReviewPrompt({ ...base, files: [file('a.ts')], overBudget: left })
    expect(prompt).toContain('60 changed file(s) were left out of this review (over diff_budget)')
    expect(prompt).toContain('left out (over diff_budget): gen/f0.ts, gen/f1.ts')
    expect(prompt).toContain('gen/f49.ts, … and 10 more')
    expect(prompt).not.toContain('gen/f50.ts')
    expect(buildReviewPrompt({ ...base, files: [file('a.ts')] })).not.toContain('left out')
  })

  it("puts a file's path rules right before its diff, as data, and only for that file", () => {
    const prompt = buildReviewPrompt({
      ...base,
      files: [file('src/api/users.ts'), file('docs/x.md')],
      rulesFor: p =>
        p.startsWith('src/api/')
          ? [{ paths: ['src/api/**'], text: 'Check auth on every route.' }]
          : [],
      rulesSource: '.github/claude-review.yml on the base branch'
    })
    const rules = prompt.indexOf(
      '<UNTRUSTED kind="path rules">\nrules for src/api/users.ts (path_rules src/api/**, .github/claude-review.yml on the base branch):\nCheck auth on every route.\n</UNTRUSTED>'
    )
    const users = prompt.indexOf('### diff of src/api/users.ts')
    const docs = prompt.indexOf('### diff of docs/x.md')
    expect(rules).toBeGreaterThan(0)
    expect(users).toBeGreaterThan(rules)
    expect(prompt.slice(users, docs)).not.toContain('path rules')
    expect(prompt.match(/Check auth on every route/g)).toHaveLength(1)
  })

  it('a rule matching many files is shown in full once, then pointed back to', () => {
    const prompt = buildReviewPrompt({
      ...base,
      files: [file('src/a.ts'), file('src/b.ts')],
      rulesFor: () => [{ paths: ['src/**'], text: 'RULE-TEXT-42' }]
    })
    expect(prompt.match(/RULE-TEXT-42/g)).toHaveLength(1)
    expect(prompt).toContain(
      'rules for src/b.ts (path_rules src/**, base branch): the same rules as shown above for src/a.ts'
    )
  })
})
