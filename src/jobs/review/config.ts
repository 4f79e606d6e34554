/**
 * `.github/claude-review.yml` from the base branch: the per-path rules (`path_rules`). A config
 * that cannot be read is a warning, never a reason to skip the review.
 */
import { parseDocument } from 'yaml'
import picomatch from 'picomatch'
import { z } from 'zod'
import { fieldName, firstIssue, kindOf } from '../../zod-message.js'
import type { FileRules } from './prompt.js'

/** Where the review config lives (read from the base branch, like the rules files). */
export const REVIEW_CONFIG_PATH = '.github/claude-review.yml'

/** How the config is named to the model and in warnings. */
export const REVIEW_CONFIG_SOURCE = `${REVIEW_CONFIG_PATH} on the base branch`

const PathRuleSchema = z.object({
  paths: z.array(z.string().trim().min(1)).min(1),
  rules: z.string().trim().min(1)
})

const ConfigSchema = z.looseObject({
  path_rules: z.array(PathRuleSchema).optional()
})

/** One `path_rules` entry, with its matcher. */
interface PathRule extends FileRules {
  match: (path: string) => boolean
}

/** The parsed config, or why it is ignored. */
export interface ReviewConfig {
  /** The `path_rules` that apply to a file; empty when none do. */
  rulesFor: (path: string) => FileRules[]
  /** How many `path_rules` entries there are. */
  count: number
  /** One sentence when the config was ignored. */
  warning?: string
}

const NONE: ReviewConfig = { rulesFor: () => [], count: 0 }

/** `src/` means everything under src, as in review_paths. */
function glob(p: string): string {
  const g = p.trim().replace(/^\.\//, '')
  return g.endsWith('/') ? `${g}**` : g
}

/** The sentence for a config that is ignored. */
function ignored(why: string): ReviewConfig {
  return {
    ...NONE,
    warning: `${REVIEW_CONFIG_SOURCE} ${why}; its path_rules are ignored for this review.`
  }
}

/** Parses the config text; undefined text (no file) means no path rules. */
export function parseReviewConfig(text: string | undefined): ReviewConfig {
  if (text === undefined || text.trim() === '') return NONE
  // The core schema only: plain data, no custom tags. An unknown tag (`!!js/function`) is a
  // warning in the yaml package; here it refuses the file like any other error.
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true })
  const problem = doc.errors[0] ?? doc.warnings[0]
  if (problem) {
    const first = problem.message.split('\n')[0] ?? 'a YAML error'
    return ignored(`is not valid YAML (${first})`)
  }
  const data: unknown = doc.toJS()
  if (data === undefined || data === null) return NONE
  const parsed = ConfigSchema.safeParse(data)
  if (!parsed.success) {
    const { path, value } = firstIssue(parsed.error, data)
    const found = typeof value === 'string' && value.trim() === '' ? 'empty' : kindOf(value)
    if (path.length === 0) return ignored(`must be a mapping of settings, not ${found}`)
    return ignored(`has a bad ${fieldName(path)}: it must be ${expectedAt(path)}, not ${found}`)
  }
  const rules: PathRule[] = (parsed.data.path_rules ?? []).map(r => ({
    paths: r.paths,
    text: r.rules,
    match: picomatch(r.paths.map(glob), { dot: true })
  }))
  return {
    count: rules.length,
    rulesFor: path =>
      rules.filter(r => r.match(path)).map(({ paths, text: t }) => ({ paths, text: t }))
  }
}

/** What a field of `path_rules` must hold, in words. */
function expectedAt(path: readonly (string | number)[]): string {
  const last = path[path.length - 1]
  if (last === 'path_rules') return 'a list of {paths, rules} entries'
  if (last === 'paths') return 'a non-empty list of globs'
  if (last === 'rules') return 'a non-empty text'
  if (typeof last === 'number' && path[path.length - 2] === 'paths') return 'a non-empty glob'
  return 'a {paths: [globs], rules: text} entry'
}
