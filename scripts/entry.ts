/** Whether a script is the program node was started with, or a module a test imported. */
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * True when the module whose `import.meta.url` is `metaUrl` is the script being run. Paths are
 * compared after resolving links, so `npm run`, `tsx` and a symlinked checkout all count.
 */
export function isMain(metaUrl: string): boolean {
  const invoked = process.argv[1]
  if (!invoked) return false
  try {
    return realpathSync(path.resolve(invoked)) === realpathSync(fileURLToPath(metaUrl))
  } catch {
    return false
  }
}
