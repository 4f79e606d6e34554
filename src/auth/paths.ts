/**
 * The `config_dir` rules: `~` and relative paths are taken from HOME, and the login is never
 * restored where the model may read it (the workspace) nor where restoring would move the
 * workspace aside (a folder holding it). The capture tool expands `--config-dir` by the same rule.
 */
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError } from '../errors.js'

/** Expands a leading `~` (alone, or before a path separator) to `home`; other paths stay as given. */
export function expandHome(input: string, home: string): string {
  if (input === '~') return home
  return /^~[/\\]/.test(input) ? path.join(home, input.slice(2)) : input
}

/**
 * Expands `~` and makes the path absolute. A relative path is taken from `base`: HOME for the
 * action (never the workspace), the working directory for the capture tool.
 */
export function resolveConfigDir(
  input: string,
  home: string = os.homedir(),
  base: string = home
): string {
  return path.resolve(base, expandHome(input, home))
}

const FIX = 'leave config_dir at its default (~/.claude) or set a folder outside the workspace.'

/** True when `child` is `parent` or inside it (both absolute). */
function within(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** The sentence refusing `dir` (from the input `input`) for this workspace, or undefined. */
export function configDirProblem(
  input: string,
  dir: string,
  workspace: string | undefined
): string | undefined {
  if (!workspace) return undefined
  const ws = path.resolve(workspace)
  if (within(dir, ws)) {
    return `config_dir "${input}" is inside the workspace (GITHUB_WORKSPACE ${ws}), where the model may read the login: ${FIX}`
  }
  if (within(ws, dir)) {
    return `config_dir "${input}" holds the workspace (GITHUB_WORKSPACE ${ws}), which restoring the login would move aside: ${FIX}`
  }
  return undefined
}

/**
 * The absolute config dir for the input, or an InputError when it is refused. Symbolic links
 * are followed on both sides, so a link cannot carry the login into the workspace.
 */
export async function configDirFromInput(
  input: string,
  opts: { home: string; workspace?: string }
): Promise<string> {
  const dir = resolveConfigDir(input, opts.home)
  const workspace = opts.workspace ? path.resolve(opts.home, opts.workspace) : undefined
  const problem =
    configDirProblem(input, dir, workspace) ??
    (workspace
      ? configDirProblem(input, await realPath(dir), await realPath(workspace))
      : undefined)
  if (problem) throw new InputError(problem)
  return dir
}

/** The real path of `p`, resolving the links of its deepest existing ancestor. */
async function realPath(p: string): Promise<string> {
  const rest: string[] = []
  let dir = path.resolve(p)
  for (;;) {
    try {
      return path.join(await fs.realpath(dir), ...rest)
    } catch {
      const parent = path.dirname(dir)
      if (parent === dir) return path.resolve(p)
      rest.unshift(path.basename(dir))
      dir = parent
    }
  }
}
