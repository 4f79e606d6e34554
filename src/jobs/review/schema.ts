/**
 * The review answer the model must give (SPEC "Model output contracts"): the zod schema that
 * validates it, and the same contract as JSON Schema for the CLI's `--json-schema`.
 */
import { z } from 'zod'
import { fieldName, firstIssue, quote, withArticle, type FirstIssue } from '../../zod-message.js'
import { SEVERITIES, type Finding, type ReviewOutput } from './types.js'

// Models often write `null` for an optional field they leave out: treat it as absent.
const optionalText = z
  .string()
  .nullish()
  .transform(v => v ?? undefined)
const optionalLine = z
  .number()
  .int()
  .positive()
  .nullish()
  .transform(v => v ?? undefined)

const FindingSchema = z.object({
  path: z.string().trim().min(1),
  line: z.number().int().positive(),
  end_line: optionalLine,
  quote: optionalText,
  // `Major` and ` major` are the same severity; anything else is an error.
  severity: z.preprocess(
    v => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(SEVERITIES)
  ),
  title: z.string().trim().min(1),
  body: z.string(),
  suggestion: optionalText
})

/** The zod schema of the review answer; unknown fields are stripped. */
export const ReviewOutputSchema = z.object({
  summary: z.string(),
  findings: z.array(FindingSchema)
})

/** The review answer as JSON Schema, a plain object for `--json-schema` (stringify it). */
export const REVIEW_JSON_SCHEMA = {
  type: 'object',
  properties: {
    summary: {
      type: 'string',
      description: 'Markdown overview of the pull request and of the review, a few sentences.'
    },
    findings: {
      type: 'array',
      description: 'Problems found in the changed lines; an empty array when there are none.',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string', description: 'File path relative to the repository root.' },
          line: {
            type: 'integer',
            minimum: 1,
            description: 'Line number in the NEW version of the file; must be a line of the diff.'
          },
          end_line: {
            type: 'integer',
            minimum: 1,
            description: 'Last line of a multi-line finding (greater than line); omit otherwise.'
          },
          quote: {
            type: 'string',
            description: 'The exact text of line `line` in the new version of the file.'
          },
          severity: { type: 'string', enum: [...SEVERITIES] },
          title: { type: 'string', description: 'One line.' },
          body: { type: 'string', description: 'Markdown: what is wrong and why.' },
          suggestion: {
            type: 'string',
            description:
              'Optional replacement for lines line..end_line, the new code only, without fences.'
          }
        },
        required: ['path', 'line', 'severity', 'title', 'body']
      }
    }
  },
  required: ['summary', 'findings']
} as const

/** The result of {@link parseReviewOutput}. */
type ParsedReview = { ok: true; review: ReviewOutput } | { ok: false; error: string }

/**
 * Validates the model's answer. Accepts the structured output object, or its JSON text (with or
 * without a ```json fence). The error is one sentence naming the first bad field.
 */
export function parseReviewOutput(value: unknown): ParsedReview {
  let input = value
  if (typeof value === 'string') {
    const text = value
      .trim()
      .replace(/^```(?:json)?\s*\n([\s\S]*?)\n?```$/i, '$1')
      .trim()
    try {
      input = JSON.parse(text)
    } catch {
      return { ok: false, error: `The review answer is not JSON: it starts with ${show(text)}.` }
    }
  }
  const result = ReviewOutputSchema.safeParse(input)
  if (!result.success) {
    return { ok: false, error: describeIssue(firstIssue(result.error, input)) }
  }
  const review: ReviewOutput = {
    summary: result.data.summary,
    findings: result.data.findings.map(f => {
      // Leave absent optional fields out rather than present as `undefined`.
      const finding: Finding = {
        path: f.path,
        line: f.line,
        severity: f.severity,
        title: f.title,
        body: f.body
      }
      if (f.end_line !== undefined) finding.end_line = f.end_line
      if (f.quote !== undefined) finding.quote = f.quote
      if (f.suggestion !== undefined) finding.suggestion = f.suggestion
      return finding
    })
  }
  return { ok: true, review }
}

function describeIssue({ issue, path, value: actual }: FirstIssue): string {
  if (!issue) return 'The review answer does not match the expected shape.'
  const field = fieldName(path)
  const where = field ? `The review answer's field ${field}` : 'The review answer'
  if (actual === undefined && path.length > 0) return `${where} is missing.`
  switch (issue.code) {
    case 'invalid_type':
      return `${where} must be ${article(issue.expected)}, but is ${show(actual)}.`
    case 'invalid_value':
      return `${where} must be one of ${issue.values.map(String).join(', ')}, but is ${show(actual)}.`
    case 'too_small':
      return issue.origin === 'string'
        ? `${where} must not be empty.`
        : `${where} must be at least 1, but is ${show(actual)}.`
    default:
      return `${where} is invalid: ${issue.message}.`
  }
}

/** zod's `int` read as a person says it. */
function article(expected: string): string {
  return withArticle(expected === 'int' ? 'whole number' : expected)
}

function show(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return quote(v, 40)
  if (typeof v === 'object') return 'an object'
  return String(v)
}
