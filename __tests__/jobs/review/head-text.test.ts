/**
 * Reading files at the pull request's head for placement: bounded, and never a reason to fail the
 * review (a file that cannot be read is placed by its diff alone).
 */
import { describe, expect, it } from '@jest/globals'
import { MAX_HEAD_READS, readHeadTexts } from '../../../src/jobs/review/head-text.js'
import type { PrFile } from '../../../src/jobs/review/types.js'

const file = (filename: string): PrFile => ({
  filename,
  status: 'modified',
  additions: 1,
  deletions: 0,
  changes: 1,
  patch: '@@ -1 +1,2 @@\n a\n+b'
})

describe('readHeadTexts', () => {
  it('reads each file at the head commit, keeps what it could read, and goes on after a failure', async () => {
    const asked: string[] = []
    const texts = await readHeadTexts(
      {
        getFileText: async (path, ref) => {
          asked.push(`${path}@${ref}`)
          if (path === 'broken.ts') throw new Error('socket hang up')
          if (path === 'huge.bin') return '' // over 1 MB: no content
          return path === 'gone.ts' ? undefined : `text of ${path}`
        }
      },
      'abc1234def',
      ['a.ts', 'broken.ts', 'huge.bin', 'gone.ts', 'b.ts'].map(file)
    )
    expect(asked).toEqual([
      'a.ts@abc1234def',
      'broken.ts@abc1234def',
      'huge.bin@abc1234def',
      'gone.ts@abc1234def',
      'b.ts@abc1234def'
    ])
    expect([...texts]).toEqual([
      ['a.ts', 'text of a.ts'],
      ['b.ts', 'text of b.ts']
    ])
  })

  it(`reads at most ${MAX_HEAD_READS} files`, async () => {
    let calls = 0
    const many = Array.from({ length: MAX_HEAD_READS + 5 }, (_, i) => file(`f${i}.ts`))
    const texts = await readHeadTexts(
      {
        getFileText: async () => {
          calls++
          return 'x'
        }
      },
      'abc',
      many
    )
    expect(calls).toBe(MAX_HEAD_READS)
    expect(texts.size).toBe(MAX_HEAD_READS)
  })

  it('logs a file it could not read as one inert line, whatever its name', async () => {
    const lines: string[] = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string) => {
      lines.push(String(chunk))
      return true
    }) as typeof process.stdout.write
    try {
      await readHeadTexts(
        {
          getFileText: async () => {
            throw new Error('boom')
          }
        },
        'abc1234def',
        [file('evil\n::add-mask::x ##[error]y.ts')]
      )
    } finally {
      process.stdout.write = write
    }
    const out = lines.join('')
    expect(out.split('\n').filter(l => /^\s*::/.test(l) || l.includes('##['))).toEqual([])
    expect(out).toContain('Could not read evil')
  })
})
