/**
 * The parts every sentence about a failed zod parse is built from: the first issue, where it is
 * (its field), what was expected and what was found there. Each caller words its own sentence
 * from these (an input, a login's shape, a token answer, the model's review or triage answer);
 * none of them quotes a secret, since only the value at the failing field is ever shown.
 */
import type { $ZodError, $ZodIssue } from 'zod/v4/core'

/** A key in an issue's path; symbols never occur in JSON and are left out. */
type PathKey = string | number

/** A zod error's first issue, located in the value that was parsed. */
export interface FirstIssue {
  /** Undefined only for an error without issues, which zod does not make. */
  issue: $ZodIssue | undefined
  path: PathKey[]
  /** The value at `path` in the input; undefined when the field is absent. */
  value: unknown
}

/** The first issue of `error`, with the value the input holds at its path. */
export function firstIssue(error: $ZodError, input?: unknown): FirstIssue {
  const issue = error.issues[0]
  const path = (issue?.path ?? []).filter((p): p is PathKey => typeof p !== 'symbol')
  return { issue, path, value: valueAt(input, path) }
}

/** The value at `path` inside `input`, or undefined where the path leaves the objects. */
export function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let cur: unknown = input
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<PathKey, unknown>)[key]
  }
  return cur
}

/**
 * A path as a field name: `labels[0].name` (brackets), `claudeAiOauth.scopes.0` (dots, as the
 * auth messages write JSON paths), or `labels[].name` (pattern: any index).
 */
export function fieldName(
  path: readonly PathKey[],
  style: 'brackets' | 'dots' | 'pattern' = 'brackets'
): string {
  if (style === 'dots') return path.map(String).join('.')
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += style === 'pattern' ? '[]' : `[${key}]`
    else out += out === '' ? key : `.${key}`
  }
  return out
}

/** `a number`, `an array`: the noun with its indefinite article. */
export function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`
}

/** What a value is, for "must be X, not Y": `missing`, `null`, `an array`, `a string`, … */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return withArticle(typeof value)
}

/** A text quoted as JSON, cut to `max` characters first. */
export function quote(text: string, max: number): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text)
}

/** Any value as JSON text, cut to `max` characters. */
export function jsonExcerpt(value: unknown, max: number): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text
}
