/**
 * The rooms stay small enough to read: every file in src/ under 400 lines and every function under
 * 80 (docs/architecture.md, "Size and types"). A file or function that must be larger is listed in
 * ALLOWED with the sentence the doc gives for it.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const SRC = path.join(ROOT, 'src')
const MAX_FILE_LINES = 400
const MAX_FUNCTION_LINES = 80
/** `path` or `path:function` → why it may be larger (none today). */
const ALLOWED: Record<string, string> = {}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : []
  )
}

/** Functions (declarations, methods, arrows, expressions) longer than `max` lines, with a name. */
export function longFunctions(fileName: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const lineOf = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node)
    ) {
      const lines = lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1
      if (lines > max) {
        const named = (node as { name?: ts.Node }).name
        const parent = node.parent as { name?: ts.Node } | undefined
        const name = named?.getText(source) ?? parent?.name?.getText(source) ?? '(anonymous)'
        found.push(`${name} (${lines} lines, from line ${lineOf(node.getStart(source)) + 1})`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('sizes', () => {
  it(`every file in src/ is under ${MAX_FILE_LINES} lines and every function under ${MAX_FUNCTION_LINES}`, () => {
    const over: string[] = []
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/')
      const text = readFileSync(file, 'utf8')
      const lines = text.split('\n').length
      if (lines > MAX_FILE_LINES && !ALLOWED[rel]) over.push(`${rel}: ${lines} lines`)
      for (const fn of longFunctions(rel, text, MAX_FUNCTION_LINES)) {
        if (!ALLOWED[`${rel}:${fn.split(' ')[0]}`]) over.push(`${rel}: ${fn}`)
      }
    }
    expect(over).toEqual([])
  })

  it('finds a long function, whatever its form', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  const v${i} = ${i}`).join('\n')
    const text = `export function big() {\n${body}\n}\nconst arrow = () => {\n${body}\n}\nconst small = () => 1\n`
    const found = longFunctions('x.ts', text, MAX_FUNCTION_LINES)
    expect(found).toHaveLength(2)
    expect(found[0]).toMatch(/^big \(87 lines/)
    expect(found[1]).toMatch(/^arrow \(87 lines/)
  })
})
