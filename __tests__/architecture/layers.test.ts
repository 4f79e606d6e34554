/**
 * Imports only point down the layers of docs/architecture.md: a lower layer never imports a higher
 * one, not even a type, and not through a dynamic `import()`. Same-layer imports are fine. The
 * tools and test infrastructure (scripts/, __fixtures__/) never import from __tests__/.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const SRC = path.join(ROOT, 'src')

/** The layer of a file under src/ (a path relative to src/, with `/`). */
export function layerOf(file: string): number {
  if (!file.includes('/')) {
    if (
      [
        'errors.ts',
        'time.ts',
        'state.ts',
        'known-secrets.ts',
        'zod-message.ts',
        'zod-mini.ts'
      ].includes(file)
    )
      return 0
    if (['inputs.ts', 'event.ts', 'mode.ts'].includes(file)) return 1
    return 6 // main.ts, post.ts, index.ts
  }
  const top = file.split('/')[0]
  const layers: Record<string, number> = { github: 2, auth: 2, claude: 3, report: 4, jobs: 5 }
  const layer = layers[top as string]
  if (layer === undefined) throw new Error(`src/${file} is in no layer: add its folder here`)
  return layer
}

/** Relative import specifiers of a module: static, re-exports, and dynamic `import()`. */
export function importsOf(text: string): string[] {
  const found: string[] = []
  const patterns = [
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*'(\.{1,2}\/[^']+)'/g,
    /(?:^|\n)\s*import\s*'(\.{1,2}\/[^']+)'/g,
    /import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g
  ]
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1] as string)
  return found
}

function sourceFiles(dir: string, extensions = ['.ts']): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name), extensions)
      : extensions.some(ext => e.name.endsWith(ext))
        ? [path.join(dir, e.name)]
        : []
  )
}

describe('layers', () => {
  it('every import in src/ points down (or across) the layers', () => {
    const upward: string[] = []
    for (const file of sourceFiles(SRC)) {
      const from = path.relative(SRC, file).split(path.sep).join('/')
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = path
          .relative(SRC, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join('/')
          .replace(/\.js$/, '.ts')
        if (layerOf(target) > layerOf(from)) {
          upward.push(
            `src/${from} (layer ${layerOf(from)}) imports src/${target} (layer ${layerOf(target)})`
          )
        }
      }
    }
    expect(upward).toEqual([])
  })

  it('no file in scripts/ or __fixtures__/ imports from __tests__/', () => {
    const TESTS = path.join(ROOT, '__tests__')
    const found: string[] = []
    for (const dir of ['scripts', '__fixtures__']) {
      for (const file of sourceFiles(path.join(ROOT, dir), ['.ts', '.mjs', '.cjs', '.js'])) {
        const text = readFileSync(file, 'utf8')
        const required = [...text.matchAll(/require\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)].map(m => m[1])
        for (const spec of [...importsOf(text), ...required]) {
          const target = path.resolve(path.dirname(file), spec as string)
          if (!path.relative(TESTS, target).startsWith('..')) {
            found.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`)
          }
        }
      }
    }
    expect(found).toEqual([])
  })

  it('sees static, type-only, re-exported and dynamic imports, and tells an upward one', () => {
    const text = [
      "import type { A } from '../jobs/context.js'",
      "export { B } from './b.js'",
      "import './side-effect.js'",
      "const m = await import('../jobs/review/prepare.js')",
      "import x from 'node:fs'"
    ].join('\n')
    expect(importsOf(text)).toEqual([
      '../jobs/context.js',
      './b.js',
      './side-effect.js',
      '../jobs/review/prepare.js'
    ])
    expect(layerOf('github/api.ts')).toBeLessThan(layerOf('jobs/context.ts'))
    expect(layerOf('errors.ts')).toBe(0)
    expect(layerOf('main.ts')).toBe(6)
    expect(() => layerOf('newfolder/x.ts')).toThrow(/no layer/)
  })
})
