/** The review prompt: the task, the repository's rules, and the PR's text and diff as data. */
import { asData, UNTRUSTED_NOTICE } from '../untrusted.js'
import type { PrFile } from './types.js'

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
}

/** Builds the prompt handed to the CLI on stdin. */
export function buildReviewPrompt(input: ReviewPromptInput): string {
  const parts: string[] = [
    'You are reviewing a pull request. Find real problems in the changed lines: bugs, security ' +
      'issues, data loss, broken error handling, race conditions, and clear maintainability ' +
      'problems. Do not comment on style a formatter would fix, and do not praise. Fewer, ' +
      'accurate findings beat many weak ones; report nothing when nothing is wrong.',
    'For every finding give the file path and the line number on the NEW side of the diff (the ' +
      'numbers after "+" in the @@ headers), and `quote`: the exact text of that line as it ' +
      'appears in the new file. Use `end_line` only for a range inside one hunk, and `suggestion` ' +
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
  const diff = input.files
    .map(f => {
      const header =
        f.previous_filename && f.previous_filename !== f.filename
          ? `diff of ${f.filename} (renamed from ${f.previous_filename}, ${f.status})`
          : `diff of ${f.filename} (${f.status})`
      return `### ${header}\n${f.patch ?? ''}`
    })
    .join('\n\n')
  parts.push(asData('diff', diff))
  return parts.join('\n\n')
}
