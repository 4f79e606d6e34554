/**
 * The zod-message parts every caller builds its sentence from: the first issue and the value at
 * its path, the field in each caller's style, the article, the kind of a value, and the quoted or
 * cut-down value. Plus one sentence per caller that no other test pins.
 */
import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import { decodeAuth } from '../src/auth/bundle.js'
import {
  fieldName,
  firstIssue,
  jsonExcerpt,
  kindOf,
  quote,
  valueAt,
  withArticle
} from '../src/zod-message.js'
import { fakeCredentials } from '../__fixtures__/logins.js'

const Schema = z.object({ items: z.array(z.object({ name: z.string() })) })

describe('firstIssue', () => {
  it('gives the first issue, its path and the value found there', () => {
    const input = { items: [{ name: 'a' }, { name: 7 }] }
    const r = Schema.safeParse(input)
    if (r.success) throw new Error('expected a failure')
    const first = firstIssue(r.error, input)
    expect(first.issue?.code).toBe('invalid_type')
    expect(first.path).toEqual(['items', 1, 'name'])
    expect(first.value).toBe(7)
    expect(firstIssue(r.error).value).toBeUndefined()
  })
})

describe('fieldName', () => {
  it('writes a path with brackets, dots, or as a pattern over any index', () => {
    const path = ['items', 1, 'name']
    expect(fieldName(path)).toBe('items[1].name')
    expect(fieldName(path, 'dots')).toBe('items.1.name')
    expect(fieldName(path, 'pattern')).toBe('items[].name')
    expect(fieldName([])).toBe('')
  })
})

describe('values', () => {
  it('finds values by path and names their kind', () => {
    expect(valueAt({ a: [{ b: 1 }] }, ['a', 0, 'b'])).toBe(1)
    expect(valueAt({ a: 'x' }, ['a', 'b'])).toBeUndefined()
    expect(withArticle('array')).toBe('an array')
    expect(withArticle('number')).toBe('a number')
    expect([undefined, null, [], 'x', 1, {}].map(kindOf)).toEqual([
      'missing',
      'null',
      'an array',
      'a string',
      'a number',
      'an object'
    ])
  })

  it('quotes a text cut before quoting, and cuts JSON text after', () => {
    expect(quote('abc', 40)).toBe('"abc"')
    expect(quote('x'.repeat(50), 40)).toBe(JSON.stringify(`${'x'.repeat(40)}…`))
    expect(jsonExcerpt({ a: 1 }, 60)).toBe('{"a":1}')
    const long = jsonExcerpt('y'.repeat(100), 60)
    expect(long).toHaveLength(60)
    expect(long.endsWith('...')).toBe(true)
  })
})

describe('the login shape sentence', () => {
  it('names a missing field and what it should be', async () => {
    const { claudeAiOauth } = fakeCredentials()
    const { expiresAt: _gone, ...rest } = claudeAiOauth
    await expect(decodeAuth(JSON.stringify({ claudeAiOauth: rest }))).rejects.toThrow(
      'field "claudeAiOauth.expiresAt" is missing (expected number).'
    )
  })
})
