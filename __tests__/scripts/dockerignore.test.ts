/**
 * `.dockerignore` sends the image build exactly what Dockerfile.claude-setup COPYs: every COPY
 * source is in the build context, and node_modules, .git, the tests, the action's own bundle and
 * a bundle or login left in the clone are not. Patterns are read as Docker reads them (Go
 * filepath.Match with `**`; a pattern matching a folder matches what is inside; the last matching
 * line wins; `!` lets a path back in).
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')

interface Rule {
  re: RegExp
  include: boolean
}

function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

/** The rules of a .dockerignore, in order. */
export function parseDockerignore(text: string): Rule[] {
  return text
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))
    .map(l => {
      const include = l.startsWith('!')
      const pattern = path.posix.normalize((include ? l.slice(1) : l).trim()).replace(/^\/+/, '')
      return { re: globToRegExp(pattern), include }
    })
}

/** Whether Docker leaves `file` out of the build context. */
export function excluded(rules: Rule[], file: string): boolean {
  const parts = file.split('/')
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'))
  let out = false
  for (const rule of rules) {
    if (prefixes.some(p => rule.re.test(p))) out = !rule.include
  }
  return out
}

/** The local sources of the Dockerfile's COPY and ADD lines (not `--from` stages). */
function copySources(dockerfile: string): string[] {
  const sources: string[] = []
  for (const line of dockerfile.replace(/\\\n/g, ' ').split('\n')) {
    const m = /^\s*(?:COPY|ADD)\s+(.*)$/i.exec(line)
    if (!m || /--from=/.test(m[1] as string)) continue
    const words = (m[1] as string).split(/\s+/).filter(w => w !== '' && !w.startsWith('--'))
    sources.push(...words.slice(0, -1))
  }
  return sources
}

describe('.dockerignore', () => {
  const rules = parseDockerignore(readFileSync(path.join(ROOT, '.dockerignore'), 'utf8'))
  const sources = copySources(readFileSync(path.join(ROOT, 'Dockerfile.claude-setup'), 'utf8'))

  it('reads the Dockerfile: it COPYs the bundled capture tool and the entrypoint', () => {
    expect(sources.sort()).toEqual(['dist/capture.js', 'scripts/container-entrypoint.sh'])
  })

  it.each(['dist/capture.js', 'scripts/container-entrypoint.sh'])('%s is in the context', f => {
    expect(excluded(rules, f)).toBe(false)
  })

  it.each([
    'node_modules/commander/index.js',
    '.git/config',
    '__tests__/scripts/capture.test.ts',
    '__fixtures__/logins.ts',
    'dist/index.js',
    'dist/118.index.js',
    'src/main.ts',
    'claude-setup/claude-auth.bundle',
    'claude-auth.bundle',
    '.env'
  ])('%s is left out', f => {
    expect(excluded(rules, f)).toBe(true)
  })

  it('the matcher reads Docker patterns: folders, `**`, and the last line winning', () => {
    const r = parseDockerignore('node_modules\n**/*.log\n!keep.log\n')
    expect(excluded(r, 'node_modules/a/b.js')).toBe(true)
    expect(excluded(r, 'a/b/c.log')).toBe(true)
    expect(excluded(r, 'keep.log')).toBe(false)
    expect(excluded(r, 'src/a.ts')).toBe(false)
  })
})
