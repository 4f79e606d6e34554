import { describe, expect, it } from '@jest/globals'
import { markdownTable, tableCell } from '../../src/report/markdown.js'

describe('tableCell', () => {
  it('keeps a cell one cell: pipes, newlines, markup and HTML escaped', () => {
    expect(tableCell('a | b\nc')).toBe('a \\| b c')
    expect(tableCell('**bold** `code` <img src=x> # _x_')).toBe(
      '\\*\\*bold\\*\\* \\`code\\` &lt;img src=x&gt; \\# \\_x\\_'
    )
  })
  it('cuts long text with an ellipsis', () => {
    expect(tableCell('x'.repeat(20), 10)).toBe('xxxxxxx...')
  })
})

describe('markdownTable', () => {
  it('renders a header, a separator and escaped rows', () => {
    expect(markdownTable(['Label', 'Why'], [['bug', 'a | b']])).toBe(
      '| Label | Why |\n| --- | --- |\n| bug | a \\| b |'
    )
  })
})
