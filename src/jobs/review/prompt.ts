/** The review prompt: the task, the repository's rules, and the PR's text and diff as data. */
import { asData, UNTRUSTED_NOTICE } from '../untrusted.js'
import { numberPatch } from './numbered.js'
import type { PrFile } from './types.js'

/** How many files left out by the budget are named to the model. */
const MAX_LEFT_OUT_NAMED = 50

/** Rules of `.github/claude-review.yml` that apply to one file. */
export interface FileRules {
  /** The globs of the `path_rules` entry, as written. */
  paths: string[]
  text: string
}

interface ReviewPromptInput {
  title: string
  body: string
  files: PrFile[]
  /** Rules files read from the base branch, by path. */
  rules: Array<{ path: string; text: string }>
  /** The workflow author's extra instructions (`prompt`). */
  extra?: string
  /** Set for an incremental review: the diff covers only commits since this one. */
  sinceSha?: string
  /** Files left out by `diff_budget`: named so the model knows its view is partial. */
  overBudget?: string[]
  /** The `path_rules` that apply to a file (from the base branch), shown beside its diff. */
  rulesFor?: (path: string) => FileRules[]
  /** Where `path_rules` came from, for the model. */
  rulesSource?: string
}

/** Builds the prompt handed to the CLI on stdin. */
export function buildReviewPrompt(input: ReviewPromptInput): string {
  const parts: string[] = [
    'You are reviewing a pull request. Find real problems in the changed lines: bugs, security ' +
      'issues, data loss, broken error handling, race conditions, and clear maintainability ' +
      'problems. Do not comment on style a formatter would fix, and do not praise. Fewer, ' +
      'accurate findings beat many weak ones; report nothing when nothing is wrong.',
    'Every added and context line of the diff starts with its line number in the new file; ' +
      'removed lines ("-") have none. For every finding give the file path, `line`: that number ' +
      '(copy it, do not count), and `quote`: the exact text of that line as it appears in the new ' +
      'file, without the number and the +/space prefix. Use `end_line` only for a range inside one hunk, and `suggestion` ' +
      'only for a drop-in replacement of lines line..end_line. Severity: critical (must not ' +
      'merge), major (a real bug), minor (worth fixing), nit (optional).',
    'You may read files of the repository checkout with your read-only tools for context. Answer ' +
      'only through the structured output tool, following its schema.',
    UNTRUSTED_NOTICE
  ]
  if (input.rules.length > 0) {
    parts.push(
      'The repository maintainers wrote these review rules (from the base branch; follow them):',
      ...input.rules.map(r => asData(`rules file ${r.path}`, r.text))
    )
  }
  if (input.extra && input.extra.trim() !== '') {
    parts.push(`Extra instructions from the workflow author:\n${input.extra.trim()}`)
  }
  parts.push(asData('pull request title', input.title))
  parts.push(
    input.body.trim()
      ? asData('pull request description', input.body)
      : 'The pull request has no description.'
  )
  if (input.sinceSha) {
    parts.push(
      `This is an incremental review: the diff below covers only the commits pushed since ${input.sinceSha.slice(0, 7)}, which was already reviewed.`
    )
  }
  if (input.overBudget && input.overBudget.length > 0) {
    parts.push(leftOutNote(input.overBudget))
  }
  if (input.rulesFor) {
    parts.push(
      `Some files have maintainers' rules from ${input.rulesSource ?? 'the base branch'} right ` +
        'before their diff: follow them for that file.'
    )
  }
  // A rule shown once in full; later files it applies to point back to it (one glob may match
  // hundreds of files, and the rules text is not counted in diff_budget).
  const shown = new Map<string, string>()
  for (const f of input.files) parts.push(...fileSection(f, input, shown))
  return parts.join('\n\n')
}

/** The note naming files left out by the budget (capped), as data: file names are the PR's. */
function leftOutNote(paths: string[]): string {
  const named = paths.slice(0, MAX_LEFT_OUT_NAMED).join(', ')
  const more =
    paths.length > MAX_LEFT_OUT_NAMED ? `, … and ${paths.length - MAX_LEFT_OUT_NAMED} more` : ''
  return (
    `${paths.length} changed file(s) were left out of this review (over diff_budget); you do ` +
    'not see their diff, so do not assume they are unchanged:\n' +
    asData('files left out', `left out (over diff_budget): ${named}${more}`)
  )
}

/** One file: its path rules (if any), then its numbered diff. */
function fileSection(f: PrFile, input: ReviewPromptInput, shown: Map<string, string>): string[] {
  const header =
    f.previous_filename && f.previous_filename !== f.filename
      ? `diff of ${f.filename} (renamed from ${f.previous_filename}, ${f.status})`
      : `diff of ${f.filename} (${f.status})`
  const out: string[] = []
  for (const r of input.rulesFor?.(f.filename) ?? []) {
    const key = `${r.paths.join('\0')}\0${r.text}`
    const first = shown.get(key)
    const what = `rules for ${f.filename} (path_rules ${r.paths.join(', ')}, ${input.rulesSource ?? 'base branch'})`
    if (!first) shown.set(key, f.filename)
    out.push(
      asData(
        'path rules',
        first ? `${what}: the same rules as shown above for ${first}` : `${what}:\n${r.text}`
      )
    )
  }
  out.push(asData('diff', `### ${header}\n${numberPatch(f.patch)}`))
  return out
}
