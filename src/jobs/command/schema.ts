/**
 * The contract of the model's answer to a question: a zod schema that validates what the CLI
 * returns, and the same contract as JSON Schema for the CLI's `--json-schema`.
 */
import { z } from 'zod'
import { fieldName, firstIssue, jsonExcerpt } from '../../zod-message.js'

/** The model's answer; unknown fields are dropped. */
const answerSchema = z.object({
  answer: z.string().trim().min(1)
})

/** A validated answer. */
export type Answer = z.output<typeof answerSchema>

/** The answer as JSON Schema, a plain object for `--json-schema`. */
export const ANSWER_JSON_SCHEMA = {
  type: 'object',
  properties: {
    answer: {
      type: 'string',
      minLength: 1,
      description:
        'Markdown: the answer for the person who asked, concise (a few short paragraphs at most), ' +
        'without repeating the question.'
    }
  },
  required: ['answer'],
  additionalProperties: false
} as const

// What each field must be, keyed by its path.
const EXPECTED: Record<string, string> = {
  '': 'must be a JSON object',
  answer: 'must be a non-empty string'
}

/**
 * Validates the model's answer (an object, or JSON text of one). On failure, `error` is one
 * sentence naming the first bad field.
 */
export function parseAnswer(
  value: unknown
): { ok: true; answer: Answer } | { ok: false; error: string } {
  let input = value
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input)
    } catch {
      return { ok: false, error: 'The answer is text that is not JSON.' }
    }
  }
  const parsed = answerSchema.safeParse(input)
  if (parsed.success) return { ok: true, answer: parsed.data }
  const { issue, path, value: found } = firstIssue(parsed.error, input)
  const field = fieldName(path)
  const expected = EXPECTED[fieldName(path, 'pattern')] ?? issue?.message ?? 'is invalid'
  const got = found === undefined ? 'nothing' : jsonExcerpt(found, 60)
  return {
    ok: false,
    error:
      field === ''
        ? `The answer ${expected}, got ${got}.`
        : `The answer's ${field} ${expected}, got ${got}.`
  }
}
