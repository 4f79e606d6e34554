import { describe, expect, it } from '@jest/globals'
import {
  defuseMarkers,
  fingerprint,
  fingerprintMarker,
  fingerprintsIn
} from '../../../src/jobs/review/fingerprint.js'

const base = { path: 'src/a.ts', title: 'Missing null check', quote: 'const x = user.name' }

describe('fingerprint', () => {
  it('is 16 hex digits', () => {
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{16}$/)
  })

  it('is stable across case, whitespace and punctuation changes of the title', () => {
    const fp = fingerprint(base)
    expect(fingerprint({ ...base, title: '  missing   NULL check.' })).toBe(fp)
    expect(fingerprint({ ...base, title: 'Missing null-check!' })).toBe(fp)
    expect(fingerprint({ ...base, title: '`Missing` null check' })).toBe(fp)
    expect(fingerprint({ ...base, title: 'Missing\tnull\ncheck:' })).toBe(fp)
  })

  it('is stable across whitespace in the quote and a ./ prefix on the path', () => {
    const fp = fingerprint(base)
    expect(fingerprint({ ...base, quote: '   const x  =  user.name ' })).toBe(fp)
    expect(fingerprint({ ...base, path: './src/a.ts' })).toBe(fp)
  })

  it('changes with the path, the title or the quote, not with the line', () => {
    const fp = fingerprint(base)
    expect(fingerprint({ ...base, path: 'src/b.ts' })).not.toBe(fp)
    expect(fingerprint({ ...base, title: 'Missing undefined check' })).not.toBe(fp)
    expect(fingerprint({ ...base, quote: 'const y = user.name' })).not.toBe(fp)
    expect(fingerprint({ ...base, quote: undefined })).not.toBe(fp)
    expect(fingerprint({ ...base, line: 1 } as typeof base)).toBe(
      fingerprint({ ...base, line: 99 } as typeof base)
    )
  })
})

describe('markers', () => {
  it('round-trips through comment bodies', () => {
    const a = fingerprint(base)
    const b = fingerprint({ ...base, path: 'src/b.ts' })
    const bodies = [
      `**🟠 Major** · **x**\n\nbody\n\n${fingerprintMarker(a)}`,
      null,
      'a human reply, no marker',
      `${fingerprintMarker(b)}`,
      '<!-- csa-fp:nothex -->'
    ]
    expect(fingerprintMarker(a)).toBe(`<!-- csa-fp:${a} -->`)
    expect(fingerprintsIn(bodies)).toEqual(new Set([a, b]))
  })

  it('reads fingerprints only in the footer, never in the text above it', () => {
    const a = fingerprint(base)
    const b = fingerprint({ ...base, path: 'src/b.ts' })
    const body = `quoting ${fingerprintMarker(a)} here\n\n${fingerprintMarker(a)}\nlast words\n\n${fingerprintMarker(b)}\n`
    expect(fingerprintsIn([body])).toEqual(new Set([b]))
  })

  it('defuses markers inside code', () => {
    const code = '<!-- csa-fp:0123456789abcdef --> <!-- keep me -->'
    const out = defuseMarkers(code)
    expect(fingerprintsIn([out]).size).toBe(0)
    expect(out).toContain('<!-- keep me -->')
  })
})
