import { describe, expect, it } from '@jest/globals'
import { renderBacktest, scoreBacktest } from '../../../src/jobs/triage/backtest.js'

// Hand count, label by label:
//   area/ui       #1 fn, #2 fp            tp 0 fp 1 fn 1  P 0.00 R 0.00
//   bug           #1 tp, #3 fn            tp 1 fp 0 fn 1  P 1.00 R 0.50
//   documentation #5 tp                   tp 1 fp 0 fn 0  P 1.00 R 1.00
//   enhancement   #1 fp, #2 tp            tp 1 fp 1 fn 0  P 0.50 R 1.00
//   question      #4 fp                   tp 0 fp 1 fn 0  P 0.00 R n/a
//   wontfix       #6 fn                   tp 0 fp 0 fn 1  P n/a  R 0.00
//   micro                                 tp 3 fp 3 fn 3  P 0.50 R 0.50
const cases = [
  { issue: 1, truth: ['bug', 'area/ui'], predicted: ['bug', 'enhancement'] },
  { issue: 2, truth: ['enhancement'], predicted: ['Enhancement', 'area/ui'] },
  { issue: 3, truth: ['bug'], predicted: [] },
  { issue: 4, truth: [], predicted: ['question', 'question'] },
  { issue: 5, truth: ['documentation'], predicted: ['documentation'] },
  { issue: 6, truth: ['wontfix'], predicted: [] }
]

describe('scoreBacktest', () => {
  it('matches the hand count', () => {
    const r = scoreBacktest(cases)
    expect(r.issues).toBe(6)
    expect(r.perLabel).toEqual([
      { label: 'area/ui', tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 },
      { label: 'bug', tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 },
      { label: 'documentation', tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 },
      { label: 'enhancement', tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 },
      { label: 'question', tp: 0, fp: 1, fn: 0, precision: 0, recall: null },
      { label: 'wontfix', tp: 0, fp: 0, fn: 1, precision: null, recall: 0 }
    ])
    expect(r.micro).toEqual({ precision: 0.5, recall: 0.5, tp: 3, fp: 3, fn: 3 })
  })

  it('reports null for 0/0 when there is nothing to score', () => {
    expect(scoreBacktest([])).toEqual({
      issues: 0,
      perLabel: [],
      micro: { precision: null, recall: null, tp: 0, fp: 0, fn: 0 }
    })
  })

  it('sorts labels by name, case-insensitively', () => {
    const r = scoreBacktest([{ issue: 1, truth: ['b', 'C', 'a'], predicted: ['B'] }])
    expect(r.perLabel.map(s => s.label)).toEqual(['a', 'b', 'C'])
  })
})

describe('renderBacktest', () => {
  it('renders a markdown table with two decimals and n/a', () => {
    const md = renderBacktest(scoreBacktest(cases), { note: 'Last 6 closed issues.' })
    expect(md).toBe(
      [
        '### Triage backtest',
        '',
        'Last 6 closed issues.',
        '',
        'Scored 6 closed issues: the labels triage would add against the labels each issue ended with.',
        '',
        '| label | tp | fp | fn | precision | recall |',
        '|---|---:|---:|---:|---:|---:|',
        '| area/ui | 0 | 1 | 1 | 0.00 | 0.00 |',
        '| bug | 1 | 0 | 1 | 1.00 | 0.50 |',
        '| documentation | 1 | 0 | 0 | 1.00 | 1.00 |',
        '| enhancement | 1 | 1 | 0 | 0.50 | 1.00 |',
        '| question | 0 | 1 | 0 | 0.00 | n/a |',
        '| wontfix | 0 | 0 | 1 | n/a | 0.00 |',
        '| **all (micro)** | 3 | 3 | 3 | 0.50 | 0.50 |',
        ''
      ].join('\n')
    )
  })

  it('escapes table and markdown syntax in label names', () => {
    const md = renderBacktest(
      scoreBacktest([{ issue: 1, truth: ['a|b', '<img>'], predicted: [] }]),
      { title: 'Backtest' }
    )
    expect(md).toContain('### Backtest')
    expect(md).toContain('| a\\|b | 0 | 0 | 1 | n/a | 0.00 |')
    expect(md).toContain('| &lt;img&gt; |')
  })

  it('says so when there is nothing to score', () => {
    const md = renderBacktest(scoreBacktest([]))
    expect(md).toContain('Scored 0 closed issues')
    expect(md).toContain('No labels to score.')
    expect(md).not.toContain('|')
  })
})
