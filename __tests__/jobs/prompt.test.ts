/**
 * readPrompt, the one read of the workflow author's text: `prompt` wins, else `prompt_file`; a
 * file that cannot be read or is empty is one sentence naming the file and why.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError } from '../../src/errors.js'
import { readPrompt } from '../../src/jobs/prompt.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'csa-prompt-'))
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

describe('readPrompt', () => {
  it('prompt wins over prompt_file, which is then never read', async () => {
    const missing = path.join(dir, 'never-read.md')
    await expect(readPrompt({ prompt: 'Do it.', prompt_file: missing })).resolves.toBe('Do it.')
  })

  it("prompt_file's text when prompt is empty; nothing when neither is set", async () => {
    const file = path.join(dir, 'task.md')
    await fs.writeFile(file, 'Summarise the changes.\n')
    await expect(readPrompt({ prompt: ' ', prompt_file: file })).resolves.toBe(
      'Summarise the changes.\n'
    )
    await expect(readPrompt({ prompt: '', prompt_file: '' })).resolves.toBe('')
  })

  it('a missing file, a directory, an empty file: one sentence naming the file and why', async () => {
    const missing = path.join(dir, 'missing.md')
    await expect(readPrompt({ prompt: '', prompt_file: missing })).rejects.toEqual(
      new InputError(
        `prompt_file "${missing}" cannot be read (ENOENT: no such file): check the path, relative to the workspace.`
      )
    )
    await expect(readPrompt({ prompt: '', prompt_file: dir })).rejects.toThrow(
      `prompt_file "${dir}" cannot be read (EISDIR: it is a directory)`
    )
    const empty = path.join(dir, 'empty.md')
    await fs.writeFile(empty, '\n  \n')
    await expect(readPrompt({ prompt: '', prompt_file: empty })).rejects.toThrow(
      `prompt_file "${empty}" is empty: write the task in it, or set prompt.`
    )
  })
})
