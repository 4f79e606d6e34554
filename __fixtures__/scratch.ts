/** A scratch folder per test file, removed afterwards, and fresh empty folders inside it. */
import { afterAll, beforeAll } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface Scratch {
  /** The file's scratch folder (set before the first test). */
  readonly root: string
  /** A new empty folder under the scratch folder. */
  dir(name: string): string
}

/** Registers the hooks that create and remove the scratch folder. */
export function useScratch(prefix: string): Scratch {
  let root = ''
  let counter = 0
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), `${prefix}-`))
  })
  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
  })
  return {
    get root() {
      return root
    },
    dir(name: string): string {
      const d = path.join(root, `${name}-${++counter}`)
      mkdirSync(d, { recursive: true })
      return d
    }
  }
}
