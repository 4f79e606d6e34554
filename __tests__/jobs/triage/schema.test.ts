import { describe, expect, it } from '@jest/globals'
import {
  parseTriageOutput,
  TRIAGE_JSON_SCHEMA,
  triageSchema
} from '../../../src/jobs/triage/schema.js'

describe('parseTriageOutput', () => {
  it('accepts a full answer and drops unknown fields', () => {
    const r = parseTriageOutput({
      labels: [{ name: ' bug ', confidence: 0.9, reason: 'It crashes.', extra: true }],
      comment: 'Thanks!',
      duplicate_of: 12,
      mood: 'happy'
    })
    expect(r).toEqual({
      ok: true,
      triage: {
        labels: [{ name: 'bug', confidence: 0.9, reason: 'It crashes.' }],
        comment: 'Thanks!',
        duplicate_of: 12
      }
    })
  })

  it('accepts the minimal answer, and null for optional fields', () => {
    expect(parseTriageOutput({ labels: [] })).toEqual({ ok: true, triage: { labels: [] } })
    const r = parseTriageOutput({
      labels: [{ name: 'bug', confidence: 0, reason: null }],
      comment: null,
      duplicate_of: null
    })
    expect(r).toEqual({ ok: true, triage: { labels: [{ name: 'bug', confidence: 0 }] } })
  })

  it('accepts JSON text', () => {
    const r = parseTriageOutput('{"labels":[{"name":"bug","confidence":1}]}')
    expect(r.ok).toBe(true)
  })

  it.each([
    [null, 'The triage answer must be a JSON object, got null.'],
    [
      {},
      "The triage answer's labels must be an array of {name, confidence, reason?} objects, got nothing."
    ],
    [
      { labels: ['bug'] },
      'The triage answer\'s labels[0] must be an object with name and confidence, got "bug".'
    ],
    [
      {
        labels: [
          { name: 'bug', confidence: 0.5 },
          { name: 'x', confidence: 1.5 }
        ]
      },
      "The triage answer's labels[1].confidence must be a number from 0 to 1, got 1.5."
    ],
    [
      { labels: [{ name: 'bug', confidence: '0.9' }] },
      'The triage answer\'s labels[0].confidence must be a number from 0 to 1, got "0.9".'
    ],
    [
      { labels: [{ name: '  ', confidence: 0.5 }] },
      'The triage answer\'s labels[0].name must be a non-empty string, got "  ".'
    ],
    [
      { labels: [{ name: 'bug', confidence: 0.5, reason: 3 }] },
      "The triage answer's labels[0].reason must be a string, got 3."
    ],
    [{ labels: [], comment: {} }, "The triage answer's comment must be a string, got {}."],
    [
      { labels: [], duplicate_of: 1.5 },
      "The triage answer's duplicate_of must be a positive whole number (an issue number), got 1.5."
    ],
    [
      { labels: [], duplicate_of: '#12' },
      'The triage answer\'s duplicate_of must be a positive whole number (an issue number), got "#12".'
    ]
  ])('rejects %j with one sentence naming the field', (value, error) => {
    expect(parseTriageOutput(value)).toEqual({ ok: false, error })
  })

  it('rejects text that is not JSON', () => {
    expect(parseTriageOutput('sure, here are labels')).toEqual({
      ok: false,
      error: 'The triage answer is text that is not JSON.'
    })
  })

  it('shortens a long bad value', () => {
    const r = parseTriageOutput({ labels: [], comment: ['x'.repeat(500)] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.length).toBeLessThan(160)
  })
})

describe('TRIAGE_JSON_SCHEMA', () => {
  it('describes the same fields as the zod schema', () => {
    expect(Object.keys(TRIAGE_JSON_SCHEMA.properties).sort()).toEqual(
      Object.keys(triageSchema.shape).sort()
    )
    expect(TRIAGE_JSON_SCHEMA.required).toEqual(['labels'])
    const item = TRIAGE_JSON_SCHEMA.properties.labels.items
    expect(item.required).toEqual(['name', 'confidence'])
    expect(Object.keys(item.properties).sort()).toEqual(['confidence', 'name', 'reason'])
    expect(item.properties.confidence).toMatchObject({ type: 'number', minimum: 0, maximum: 1 })
    expect(TRIAGE_JSON_SCHEMA.properties.duplicate_of).toMatchObject({
      type: 'integer',
      minimum: 1
    })
  })

  it('is plain JSON (survives a round trip, as --json-schema needs)', () => {
    expect(JSON.parse(JSON.stringify(TRIAGE_JSON_SCHEMA))).toEqual(TRIAGE_JSON_SCHEMA)
  })
})
