import { describe, expect, it } from '@jest/globals'
import { footerMarkers, footerValue, hasFooterMarker, withFooter } from '../../src/jobs/markers.js'

const A = '<!-- claude-subscription-action:review -->'
const B = '<!-- csa-reviewed-sha:abc1234 -->'

describe('footer markers', () => {
  it('reads the trailing lines that are each one marker, top to bottom', () => {
    expect(footerMarkers(`text\n\n${A}\n${B}\n`)).toEqual([A, B])
    expect(footerMarkers(withFooter('text\n', [A, B]))).toEqual([A, B])
    expect(withFooter('text\n\n', [A])).toBe(`text\n\n${A}`)
  })

  it('ignores markers before the last line that is not a marker, and inside a line', () => {
    expect(footerMarkers(`${A}\n\ntext`)).toEqual([])
    expect(footerMarkers(`${A}\ntext\n${B}`)).toEqual([B])
    expect(footerMarkers(`text ${A}`)).toEqual([])
    expect(hasFooterMarker(`${A} and more`, A)).toBe(false)
    expect(footerMarkers(null)).toEqual([])
  })

  it('reads a value from a footer marker only', () => {
    const sha = /^<!-- csa-reviewed-sha:([0-9a-f]+) -->$/
    expect(footerValue(`x\n${A}\n${B}`, sha)).toBe('abc1234')
    expect(footerValue(`${B}\nx`, sha)).toBeUndefined()
  })

  it('tolerates CRLF line ends and trailing blanks', () => {
    expect(footerMarkers(`text\r\n${A}\r\n${B}\r\n \r\n`)).toEqual([A, B])
  })
})
