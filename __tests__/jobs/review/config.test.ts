import { describe, expect, it } from '@jest/globals'
import { parseReviewConfig } from '../../../src/jobs/review/config.js'

const GOOD = `# review settings
path_rules:
  - paths: ["src/api/**", "src/auth/"]
    rules: |
      Every route checks the session.
      No SQL built by string concatenation.
  - paths:
      - "**/*.sql"
    rules: Migrations must be reversible.
`

describe('parseReviewConfig', () => {
  it("matches each file to the rules of every entry whose globs match it ('dir/' = all under it)", () => {
    const c = parseReviewConfig(GOOD)
    expect(c.warning).toBeUndefined()
    expect(c.count).toBe(2)
    expect(c.rulesFor('src/api/users.ts')).toEqual([
      {
        paths: ['src/api/**', 'src/auth/'],
        text: 'Every route checks the session.\nNo SQL built by string concatenation.'
      }
    ])
    expect(c.rulesFor('src/auth/deep/token.ts')).toHaveLength(1)
    expect(c.rulesFor('db/001_init.sql')).toEqual([
      { paths: ['**/*.sql'], text: 'Migrations must be reversible.' }
    ])
    expect(c.rulesFor('README.md')).toEqual([])
  })

  it('no file, an empty file, or a file without path_rules: no rules, no warning', () => {
    for (const text of [undefined, '', '# nothing\n', 'other_setting: 3\n']) {
      const c = parseReviewConfig(text)
      expect(c.count).toBe(0)
      expect(c.warning).toBeUndefined()
    }
  })

  it.each([
    [
      'path_rules: [ {paths: [a], rules: x\n',
      /^\.github\/claude-review\.yml on the base branch is not valid YAML \(.+\); its path_rules are ignored for this review\.$/
    ],
    [
      'path_rules:\n  - paths: src/**\n    rules: x\n',
      '.github/claude-review.yml on the base branch has a bad path_rules[0].paths: it must be a non-empty list of globs, not a string; its path_rules are ignored for this review.'
    ],
    [
      'path_rules:\n  - paths: [src]\n    rules: ""\n',
      '.github/claude-review.yml on the base branch has a bad path_rules[0].rules: it must be a non-empty text, not empty; its path_rules are ignored for this review.'
    ],
    [
      'path_rules: {paths: [src], rules: x}\n',
      '.github/claude-review.yml on the base branch has a bad path_rules: it must be a list of {paths, rules} entries, not an object; its path_rules are ignored for this review.'
    ],
    [
      '- just a list\n',
      '.github/claude-review.yml on the base branch must be a mapping of settings, not an array; its path_rules are ignored for this review.'
    ]
  ])('a bad config is one warning naming the file and the field: %s', (text, warning) => {
    const c = parseReviewConfig(text)
    expect(c.count).toBe(0)
    expect(c.rulesFor('src/a.ts')).toEqual([])
    if (typeof warning === 'string') expect(c.warning).toBe(warning)
    else expect(c.warning).toMatch(warning)
  })

  it('YAML tags that would run code are refused (safe schema)', () => {
    const c = parseReviewConfig('path_rules: !!js/function "function () { return 1 }"\n')
    expect(c.count).toBe(0)
    expect(c.warning).toMatch(/is not valid YAML/)
  })
})
