import { describe, expect, it } from '@jest/globals'
import {
  decideLabels,
  FALLBACK_REASON,
  labelMatcher,
  type DecideInput,
  type ProposedLabel
} from '../../../src/jobs/triage/decide.js'

const repoLabels = [
  { name: 'bug', description: "Something isn't working" },
  { name: 'enhancement', description: 'New feature or request' },
  { name: 'documentation' },
  { name: 'question' },
  { name: 'Needs-Triage' },
  { name: 'priority/high' },
  { name: 'priority/low' },
  { name: 'area/ui' },
  { name: 'area/api' },
  { name: 'security' },
  { name: 'internal' }
]

function input(proposed: ProposedLabel[], over: Partial<DecideInput> = {}): DecideInput {
  return {
    proposed,
    repoLabels,
    current: [],
    humanRemoved: new Set(),
    allow: [],
    deny: [],
    exclusive: [],
    maxLabels: 3,
    minConfidence: 0.6,
    ...over
  }
}

const names = (labels: { name: string }[]): string[] => labels.map(l => l.name)
const reasonOf = (d: ReturnType<typeof decideLabels>, name: string): string | undefined =>
  d.rejected.find(r => r.name === name)?.reason

describe('decideLabels', () => {
  it('applies qualifying labels in the repository spelling, with their reasons', () => {
    const d = decideLabels(input([{ name: 'BUG', confidence: 0.9, reason: 'It crashes.' }]))
    expect(d).toEqual({
      apply: [{ name: 'bug', confidence: 0.9, reason: 'It crashes.' }],
      rejected: [],
      fallbackApplied: false
    })
  })

  it('drops a label the repository does not have', () => {
    const d = decideLabels(input([{ name: 'crash', confidence: 0.99 }]))
    expect(d.apply).toEqual([])
    expect(d.rejected).toEqual([
      { name: 'crash', confidence: 0.99, reason: 'not a label in this repository' }
    ])
  })

  it('drops a denied label (glob, case-insensitive)', () => {
    const d = decideLabels(
      input(
        [
          { name: 'security', confidence: 0.9 },
          { name: 'bug', confidence: 0.8 }
        ],
        { deny: ['SECUR*'] }
      )
    )
    expect(names(d.apply)).toEqual(['bug'])
    expect(reasonOf(d, 'security')).toBe('denied by labels_deny')
  })

  it('keeps only allowed labels when labels_allow is set, deny winning over allow', () => {
    const d = decideLabels(
      input(
        [
          { name: 'area/ui', confidence: 0.9 },
          { name: 'bug', confidence: 0.8 },
          { name: 'area/api', confidence: 0.7 }
        ],
        { allow: ['area/*', ''], deny: ['area/api'] }
      )
    )
    expect(names(d.apply)).toEqual(['area/ui'])
    expect(reasonOf(d, 'bug')).toBe('not in labels_allow')
    expect(reasonOf(d, 'area/api')).toBe('denied by labels_deny')
  })

  it('applies the more confident of two labels in one exclusive group', () => {
    const d = decideLabels(
      input(
        [
          { name: 'priority/low', confidence: 0.7 },
          { name: 'priority/high', confidence: 0.9 }
        ],
        { exclusive: ['priority/*'] }
      )
    )
    expect(names(d.apply)).toEqual(['priority/high'])
    expect(reasonOf(d, 'priority/low')).toBe(
      'lost to priority/high (0.9) in exclusive group priority/*'
    )
  })

  it('adds nothing to an exclusive group that already has a label on the issue', () => {
    const d = decideLabels(
      input([{ name: 'priority/high', confidence: 0.95 }], {
        exclusive: ['priority/*'],
        current: ['Priority/Low']
      })
    )
    expect(d.apply).toEqual([])
    expect(reasonOf(d, 'priority/high')).toBe('priority/* already has priority/low')
    expect(d.fallbackApplied).toBe(false)
  })

  it('never adds back a label a human removed', () => {
    const d = decideLabels(
      input([{ name: 'Question', confidence: 0.99 }], { humanRemoved: new Set(['QUESTION']) })
    )
    expect(d.apply).toEqual([])
    expect(reasonOf(d, 'question')).toBe('a human removed it')
  })

  it("keeps a human's label: the decision only adds, never removes", () => {
    const d = decideLabels(
      input([{ name: 'bug', confidence: 0.9 }], { current: ['enhancement', 'internal'] })
    )
    expect(names(d.apply)).toEqual(['bug'])
    expect(Object.keys(d).sort()).toEqual(['apply', 'fallbackApplied', 'rejected'])
  })

  it('applies the fallback when nothing reaches min_confidence', () => {
    const d = decideLabels(
      input(
        [
          { name: 'bug', confidence: 0.4 },
          { name: 'question', confidence: 0.55 }
        ],
        { fallback: 'needs-triage' }
      )
    )
    expect(d.apply).toEqual([{ name: 'Needs-Triage', confidence: 0, reason: FALLBACK_REASON }])
    expect(d.fallbackApplied).toBe(true)
    expect(reasonOf(d, 'bug')).toBe('confidence 0.40 below min_confidence 0.6')
    expect(reasonOf(d, 'question')).toBe('confidence 0.55 below min_confidence 0.6')
  })

  it('applies the fallback when the model proposes nothing, but not when it is missing, present or removed', () => {
    expect(decideLabels(input([], { fallback: 'needs-triage' })).fallbackApplied).toBe(true)
    for (const over of [
      { fallback: 'no-such-label' },
      { fallback: 'needs-triage', current: ['needs-triage'] },
      { fallback: 'needs-triage', humanRemoved: new Set(['needs-triage']) },
      { fallback: '' },
      {}
    ]) {
      const d = decideLabels(input([{ name: 'bug', confidence: 0.1 }], over))
      expect(d.apply).toEqual([])
      expect(d.fallbackApplied).toBe(false)
    }
  })

  it('applies no fallback when a label qualified but was cut by a group or max_labels', () => {
    const d = decideLabels(
      input([{ name: 'bug', confidence: 0.9 }], { maxLabels: 0, fallback: 'needs-triage' })
    )
    expect(d.apply).toEqual([])
    expect(d.fallbackApplied).toBe(false)
    expect(reasonOf(d, 'bug')).toBe('over max_labels 0')
  })

  it('cuts at max_labels by confidence, whatever order the model used', () => {
    const d = decideLabels(
      input(
        [
          { name: 'documentation', confidence: 0.65 },
          { name: 'bug', confidence: 0.95 },
          { name: 'area/ui', confidence: 0.7 },
          { name: 'enhancement', confidence: 0.8 }
        ],
        { maxLabels: 3 }
      )
    )
    expect(names(d.apply)).toEqual(['bug', 'enhancement', 'area/ui'])
    expect(reasonOf(d, 'documentation')).toBe('over max_labels 3')
  })

  it('a re-run where everything is already on the issue adds nothing (and no fallback)', () => {
    const proposed = [
      { name: 'bug', confidence: 0.9 },
      { name: 'area/ui', confidence: 0.8 }
    ]
    const first = decideLabels(input(proposed, { fallback: 'needs-triage' }))
    expect(names(first.apply)).toEqual(['bug', 'area/ui'])
    const again = decideLabels(
      input(proposed, { fallback: 'needs-triage', current: names(first.apply) })
    )
    expect(again.apply).toEqual([])
    expect(again.fallbackApplied).toBe(false)
    expect(again.rejected.map(r => r.reason)).toEqual([
      'already on the issue',
      'already on the issue'
    ])
  })

  it('a re-run adds nothing beyond max_labels: labels already on the issue use up slots', () => {
    const proposed = [
      { name: 'bug', confidence: 0.9 },
      { name: 'area/ui', confidence: 0.8 },
      { name: 'documentation', confidence: 0.7 }
    ]
    const first = decideLabels(input(proposed, { maxLabels: 2 }))
    expect(names(first.apply)).toEqual(['bug', 'area/ui'])
    const again = decideLabels(input(proposed, { maxLabels: 2, current: names(first.apply) }))
    expect(again.apply).toEqual([])
    expect(reasonOf(again, 'documentation')).toBe('over max_labels 2')
  })

  it('a re-run after the fallback adds nothing', () => {
    const d = decideLabels(
      input([{ name: 'bug', confidence: 0.3 }], {
        fallback: 'needs-triage',
        current: ['needs-triage']
      })
    )
    expect(d.apply).toEqual([])
    expect(d.fallbackApplied).toBe(false)
  })

  it('dedupes proposals by name, keeping the highest confidence and its reason', () => {
    const d = decideLabels(
      input([
        { name: 'bug', confidence: 0.5, reason: 'low' },
        { name: 'Bug ', confidence: 0.8, reason: 'high' },
        { name: 'BUG', confidence: 0.7, reason: 'mid' }
      ])
    )
    expect(d.apply).toEqual([{ name: 'bug', confidence: 0.8, reason: 'high' }])
    expect(d.rejected).toEqual([])
  })

  it('compares names case-insensitively everywhere', () => {
    const d = decideLabels(
      input(
        [
          { name: 'Area/UI', confidence: 0.9 },
          { name: 'ENHANCEMENT', confidence: 0.8 },
          { name: 'PRIORITY/HIGH', confidence: 0.8 }
        ],
        { allow: ['AREA/*', 'enhancement', 'priority/*'], current: ['Enhancement'] }
      )
    )
    expect(names(d.apply)).toEqual(['area/ui', 'priority/high'])
    expect(reasonOf(d, 'enhancement')).toBe('already on the issue')
  })

  it('puts a label into every exclusive group it matches', () => {
    const d = decideLabels(
      input(
        [
          { name: 'area/ui', confidence: 0.9 },
          { name: 'area/api', confidence: 0.8 }
        ],
        { exclusive: ['area/*', 'priority/*'] }
      )
    )
    expect(names(d.apply)).toEqual(['area/ui'])
  })

  it('keeps the fallback out of an exclusive group that is already taken', () => {
    const d = decideLabels(
      input([], {
        repoLabels: [...repoLabels, { name: 'priority/unknown' }],
        fallback: 'priority/unknown',
        exclusive: ['priority/*'],
        current: ['priority/low']
      })
    )
    expect(d.apply).toEqual([])
  })

  it('treats a NaN confidence as below the bar', () => {
    const d = decideLabels(input([{ name: 'bug', confidence: Number.NaN }]))
    expect(d.apply).toEqual([])
  })
})

describe('labelMatcher', () => {
  it('matches case-insensitively, lets * cross a slash, and matches nothing when empty', () => {
    expect(labelMatcher(['*'])('area/ui')).toBe(true)
    expect(labelMatcher(['priority/*'])('Priority/High')).toBe(true)
    expect(labelMatcher(['priority/*'])('priorityx')).toBe(false)
    expect(labelMatcher(['good first issue'])('Good First Issue')).toBe(true)
    expect(labelMatcher(['.*'])('.hidden')).toBe(true)
    expect(labelMatcher([])('bug')).toBe(false)
    expect(labelMatcher(['  '])('bug')).toBe(false)
  })
})
