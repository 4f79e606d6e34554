import { describe, expect, it } from '@jest/globals'
import {
  parseReviewOutput,
  REVIEW_JSON_SCHEMA,
  ReviewOutputSchema
} from '../../../src/jobs/review/schema.js'

const finding = {
  path: 'src/a.ts',
  line: 42,
  end_line: 44,
  quote: 'const x = 1',
  severity: 'major',
  title: 'Off by one',
  body: 'The loop skips the last item.',
  suggestion: 'for (let i = 0; i <= n; i++) {'
}

describe('parseReviewOutput', () => {
  it('accepts a full answer', () => {
    const r = parseReviewOutput({ summary: 'Looks fine.', findings: [finding] })
    expect(r).toEqual({ ok: true, review: { summary: 'Looks fine.', findings: [finding] } })
  })

  it('accepts an answer without findings and without the optional fields', () => {
    const r = parseReviewOutput({
      summary: '',
      findings: [{ path: 'a.py', line: 1, severity: 'nit', title: 't', body: '' }]
    })
    expect(r.ok).toBe(true)
    if (r.ok)
      expect(Object.keys(r.review.findings[0] ?? {}).sort()).toEqual([
        'body',
        'line',
        'path',
        'severity',
        'title'
      ])
    expect(parseReviewOutput({ summary: 'ok', findings: [] })).toEqual({
      ok: true,
      review: { summary: 'ok', findings: [] }
    })
  })

  it('ignores extra fields, and treats null optional fields as absent', () => {
    const r = parseReviewOutput({
      summary: 's',
      confidence: 0.3,
      findings: [{ ...finding, end_line: null, quote: null, suggestion: null, category: 'bug' }]
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.review).not.toHaveProperty('confidence')
    const f = r.review.findings[0]
    expect(f).not.toHaveProperty('category')
    expect(f).not.toHaveProperty('end_line')
    expect(f).not.toHaveProperty('quote')
    expect(f).not.toHaveProperty('suggestion')
  })

  it('reads severities regardless of case and spacing', () => {
    const r = parseReviewOutput({
      summary: 's',
      findings: [{ ...finding, severity: ' Critical ' }]
    })
    expect(r.ok && r.review.findings[0]?.severity).toBe('critical')
  })

  it('names a bad severity and lists the allowed ones', () => {
    const r = parseReviewOutput({
      summary: 's',
      findings: [finding, { ...finding, severity: 'high' }]
    })
    expect(r).toEqual({
      ok: false,
      error:
        'The review answer\'s field findings[1].severity must be one of critical, major, minor, nit, but is "high".'
    })
  })

  it('names a missing field', () => {
    const { title: _t, ...noTitle } = finding
    const r = parseReviewOutput({ summary: 's', findings: [noTitle] })
    expect(r).toEqual({
      ok: false,
      error: "The review answer's field findings[0].title is missing."
    })
    expect(parseReviewOutput({ findings: [] })).toEqual({
      ok: false,
      error: "The review answer's field summary is missing."
    })
  })

  it('names a wrongly typed field', () => {
    const r = parseReviewOutput({ summary: 's', findings: [{ ...finding, line: '42' }] })
    expect(r).toEqual({
      ok: false,
      error: 'The review answer\'s field findings[0].line must be a number, but is "42".'
    })
    const frac = parseReviewOutput({ summary: 's', findings: [{ ...finding, line: 4.5 }] })
    expect(!frac.ok && frac.error).toBe(
      "The review answer's field findings[0].line must be a whole number, but is 4.5."
    )
    const zero = parseReviewOutput({ summary: 's', findings: [{ ...finding, line: 0 }] })
    expect(!zero.ok && zero.error).toBe(
      "The review answer's field findings[0].line must be at least 1, but is 0."
    )
    const empty = parseReviewOutput({ summary: 's', findings: [{ ...finding, path: ' ' }] })
    expect(!empty.ok && empty.error).toBe(
      "The review answer's field findings[0].path must not be empty."
    )
    const notArray = parseReviewOutput({ summary: 's', findings: {} })
    expect(!notArray.ok && notArray.error).toBe(
      "The review answer's field findings must be an array, but is an object."
    )
  })

  it('refuses a non-object answer in one sentence', () => {
    expect(parseReviewOutput(null)).toEqual({
      ok: false,
      error: 'The review answer must be an object, but is null.'
    })
  })

  it('accepts the answer as JSON text, fenced or not', () => {
    const text = JSON.stringify({ summary: 's', findings: [finding] })
    expect(parseReviewOutput(text).ok).toBe(true)
    expect(parseReviewOutput('```json\n' + text + '\n```').ok).toBe(true)
    const bad = parseReviewOutput('I found no issues.')
    expect(bad).toEqual({
      ok: false,
      error: 'The review answer is not JSON: it starts with "I found no issues.".'
    })
  })
})

describe('REVIEW_JSON_SCHEMA', () => {
  it('describes the same fields as the zod schema', () => {
    const items = REVIEW_JSON_SCHEMA.properties.findings.items
    const zodFinding = ReviewOutputSchema.shape.findings.element.shape
    expect(Object.keys(REVIEW_JSON_SCHEMA.properties).sort()).toEqual(
      Object.keys(ReviewOutputSchema.shape).sort()
    )
    expect(Object.keys(items.properties).sort()).toEqual(Object.keys(zodFinding).sort())
    expect([...items.required].sort()).toEqual(['body', 'line', 'path', 'severity', 'title'])
    expect([...REVIEW_JSON_SCHEMA.required]).toEqual(['summary', 'findings'])
    expect(items.properties.severity.enum).toEqual(['critical', 'major', 'minor', 'nit'])
  })

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(REVIEW_JSON_SCHEMA))).toEqual(REVIEW_JSON_SCHEMA)
  })
})
