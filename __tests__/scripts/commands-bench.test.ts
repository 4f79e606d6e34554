/**
 * The commands bench (scripts/bench/commands.ts) is part of `npm run bench`: `--only commands`
 * is taken, and the module can be imported without running (index.ts runs it). Its figures are
 * measured by the bench, never asserted here.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { COMMANDS_BLOCK, renderCommands } from '../../scripts/bench/commands.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')

describe('the commands bench in npm run bench', () => {
  it('--only commands is an option of npm run bench (a bad --runs is the only complaint here)', () => {
    const r = spawnSync(
      TSX,
      [path.join(ROOT, 'scripts', 'bench', 'index.ts'), '--only', 'commands', '--runs', '0'],
      { encoding: 'utf8', cwd: ROOT }
    )
    expect(r.stderr).not.toContain('--only takes')
    expect(r.stderr).toContain('--runs takes a whole number')
    expect(r.stderr).toContain('[--only probe|commands]')
    expect(r.status).toBe(2)
  })

  it('renders its docs block between its markers, importing it runs nothing', () => {
    const run = { wall: 3000, cli: 1000, githubCalls: 6 }
    const block = renderCommands([{ ...run, githubCalls: 0 }], [run])
    expect(block.startsWith(COMMANDS_BLOCK.start)).toBe(true)
    expect(block.endsWith(COMMANDS_BLOCK.end)).toBe(true)
    expect(block).toContain('| `@claude` question → reply | 3000 ms | 1000 ms | 2000 ms | 6 |')
  })
})
