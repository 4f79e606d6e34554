/**
 * The README's section on what the subscription allows points where it says (issue #15, item 12):
 * the official action's subscription text is in its setup guide, the Commercial Terms are linked,
 * the comparison table holds no figure nobody measured, and docs/organisation.md says whose
 * repositories one login may serve, linking that section.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8')

/** GitHub's anchor for a markdown heading. */
const anchor = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-')

describe('README: what the subscription allows', () => {
  const readme = read('README.md')

  it("links the official action's setup guide, where the setup-token text is", () => {
    expect(readme).toContain(
      'https://github.com/anthropics/claude-code-action/blob/main/docs/setup.md#manual-setup-direct-api'
    )
    expect(readme).not.toContain('claude-code-action#manual-setup-direct-api')
  })

  it('every mention of the Commercial Terms is a link to them', () => {
    const mentions = readme.match(/Commercial Terms\]?\(?[^\s)]*/g) ?? []
    expect(mentions.length).toBeGreaterThan(0)
    for (const m of mentions) {
      expect(m).toBe('Commercial Terms](https://www.anthropic.com/legal/commercial-terms')
    }
  })

  it('the comparison table claims no timing it does not cite', () => {
    expect(readme).not.toMatch(/\d-second run/)
  })
})

describe('docs/organisation.md', () => {
  const doc = read('docs/organisation.md')

  it("limits one login for many repositories to one subscriber's own, linking the README", () => {
    expect(doc).toMatch(/one subscriber's own repositories/)
    const link = /\]\(\.\.\/README\.md#([\w-]+)\)/.exec(doc)
    expect(link?.[1]).toBe('what-the-subscription-allows')
    const headings = read('README.md')
      .split('\n')
      .filter(l => l.startsWith('## '))
      .map(l => anchor(l.slice(3)))
    expect(headings).toContain(link?.[1])
  })
})
