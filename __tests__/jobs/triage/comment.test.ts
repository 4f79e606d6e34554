import { describe, expect, it } from '@jest/globals'
import { renderTriageComment, TRIAGE_MARKER } from '../../../src/jobs/triage/comment.js'
import type { Decision } from '../../../src/jobs/triage/decide.js'

const decision: Decision = {
  apply: [
    { name: 'bug', confidence: 0.92, reason: 'The app crashes on start.' },
    { name: 'area/ui', confidence: 0.7 }
  ],
  rejected: [
    { name: 'question', confidence: 0.3, reason: 'confidence 0.30 below min_confidence 0.6' }
  ],
  fallbackApplied: false
}

describe('renderTriageComment', () => {
  it('lists the labels added with reasons, and carries the marker', () => {
    expect(TRIAGE_MARKER).toBe('<!-- claude-subscription-action:triage -->')
    expect(renderTriageComment(decision, {})).toBe(
      [
        'Triage added:',
        '- `bug` (92%): The app crashes on start.',
        '- `area/ui` (70%)',
        '',
        TRIAGE_MARKER,
        ''
      ].join('\n')
    )
  })

  it('mentions a possible duplicate, only as a reference', () => {
    const md = renderTriageComment(decision, { duplicateOf: 123 })
    expect(md).toContain('\nPossible duplicate of #123.\n')
    expect(renderTriageComment(decision, { duplicateOf: 7, issueNumber: 7 })).not.toContain('#7')
    expect(renderTriageComment(decision, { duplicateOf: 1.5 })).not.toContain('duplicate')
  })

  it('says when the fallback was applied, and when nothing was added', () => {
    const fb = renderTriageComment(
      {
        apply: [
          {
            name: 'needs-triage',
            confidence: 0,
            reason: 'no proposed label qualified (fallback_label)'
          }
        ],
        rejected: [],
        fallbackApplied: true
      },
      {}
    )
    expect(fb).toContain('Triage could not pick a label:\n- `needs-triage`: no proposed label')
    expect(fb).not.toContain('%')
    const none = renderTriageComment({ apply: [], rejected: [], fallbackApplied: false }, {})
    expect(none).toBe(`Triage added no labels.\n\n${TRIAGE_MARKER}\n`)
  })

  it('keeps model text from pinging people, faking the marker or spanning lines', () => {
    const md = renderTriageComment(
      {
        apply: [
          {
            name: 'bug',
            confidence: 0.9,
            reason: `cc @octocat and @org/team\n\n# Heading ${TRIAGE_MARKER} <img src=x>\u200B`
          }
        ],
        rejected: [],
        fallbackApplied: false
      },
      { note: 'Thanks @someone!\n<!-- hidden -->\nSee the docs.' }
    )
    expect(md).toContain('- `bug` (90%): cc `@octocat` and `@org/team` # Heading &lt;img src=x>')
    expect(md.split(TRIAGE_MARKER)).toHaveLength(2)
    expect(md).not.toContain('\u200B')
    expect(md).toContain('> Thanks `@someone`!\n>\n> See the docs.')
    expect(md.endsWith(`${TRIAGE_MARKER}\n`)).toBe(true)
  })

  it('caps a long reason', () => {
    const md = renderTriageComment(
      {
        apply: [{ name: 'bug', confidence: 1, reason: 'x'.repeat(1000) }],
        rejected: [],
        fallbackApplied: false
      },
      {}
    )
    expect(md.length).toBeLessThan(400)
  })
})
