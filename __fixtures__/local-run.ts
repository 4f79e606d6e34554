/**
 * Runs the action's entrypoints the way `@github/local-action` does: one process, the TypeScript
 * sources (not dist/), `run` imported from the main entrypoint and then from the post entrypoint
 * and called with no arguments. Between the two, the state the main step saved (GITHUB_STATE) is
 * handed to the post step as `STATE_*`, as local-action's stub of `@actions/core` keeps it.
 *
 *   tsx __fixtures__/local-run.ts
 *
 * Exit code: 0 when both entrypoints export `run` and both ran (the action's own failure is
 * reported through process.exitCode, as on a runner); 2 when an entrypoint exports no `run`.
 */
import { readFileSync } from 'node:fs'
import * as mainEntry from '../src/main.js'
import * as postEntry from '../src/post.js'
import { parseCommandFile } from './runner.js'

/** `run` of an entrypoint's module, or exit 2 naming it. */
function runOf(entry: string, mod: object): () => Promise<void> {
  const run = (mod as { run?: unknown }).run
  if (typeof run !== 'function') {
    console.error(`${entry} does not export a run() function`)
    process.exit(2)
  }
  return () => (run as () => Promise<void>)()
}

const main = runOf('src/main.ts', mainEntry)
const post = runOf('src/post.ts', postEntry)
await main()
const stateFile = process.env.GITHUB_STATE
if (stateFile) {
  for (const [k, v] of Object.entries(parseCommandFile(readFileSync(stateFile, 'utf8')))) {
    process.env[`STATE_${k}`] = v
  }
}
console.log('--- post ---')
await post()
