/**
 * The contract of the model's triage answer: a zod schema that validates what the CLI returns, and
 * the equivalent JSON Schema handed to the CLI as `--json-schema`.
 */
import { z } from 'zod'
import { fieldName, firstIssue, jsonExcerpt } from '../../zod-message.js'

// Models sometimes write `null` for a field they mean to leave out: read it as absent.
const optionalString = z
  .string()
  .nullish()
  .transform(v => v ?? undefined)

/** One proposed label. */
const triageLabelSchema = z.object({
  name: z.string().trim().min(1),
  confidence: z.number().min(0).max(1),
  reason: optionalString
})

/** The model's whole triage answer; unknown fields are dropped. */
export const triageSchema = z.object({
  labels: z.array(triageLabelSchema),
  comment: optionalString,
  duplicate_of: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform(v => v ?? undefined)
})

/** A validated triage answer. */
export type Triage = z.output<typeof triageSchema>

/**
 * The same contract as a JSON Schema, for the CLI's `--json-schema`. It forbids extra fields so the
 * model is told exactly what to write; the parser still tolerates them.
 */
export const TRIAGE_JSON_SCHEMA = {
  type: 'object',
  properties: {
    labels: {
      type: 'array',
      description:
        'Labels for the issue, chosen only from the repository labels listed in the prompt. ' +
        'Empty when none fits.',
      items: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            description: 'A label name exactly as listed'
          },
          confidence: {
            type: 'number',
            minimum: 0,
            maximum: 1,
            description: 'How sure you are that the label fits, from 0 to 1'
          },
          reason: { type: 'string', description: 'One sentence: why the label fits' }
        },
        required: ['name', 'confidence'],
        additionalProperties: false
      }
    },
    comment: {
      type: 'string',
      description: 'Optional short markdown note for the maintainers'
    },
    duplicate_of: {
      type: 'integer',
      minimum: 1,
      description: 'Number of an earlier issue this one clearly duplicates, if any'
    }
  },
  required: ['labels'],
  additionalProperties: false
} as const

/** Result of {@link parseTriageOutput}. */
type ParseTriageResult = { ok: true; triage: Triage } | { ok: false; error: string }

// What each field must be, keyed by its path with array indexes replaced by `[]`.
const EXPECTED: Record<string, string> = {
  '': 'must be a JSON object',
  labels: 'must be an array of {name, confidence, reason?} objects',
  'labels[]': 'must be an object with name and confidence',
  'labels[].name': 'must be a non-empty string',
  'labels[].confidence': 'must be a number from 0 to 1',
  'labels[].reason': 'must be a string',
  comment: 'must be a string',
  duplicate_of: 'must be a positive whole number (an issue number)'
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : jsonExcerpt(value, 60)
}

/**
 * Validates the model's answer (an object, or JSON text of one). On failure, `error` is one
 * sentence naming the first bad field, e.g. "The triage answer's labels[0].confidence must be a
 * number from 0 to 1, got 1.5."
 */
export function parseTriageOutput(value: unknown): ParseTriageResult {
  let input = value
  // The CLI's `result` text may carry the JSON when `structured_output` is absent.
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input)
    } catch {
      return { ok: false, error: 'The triage answer is text that is not JSON.' }
    }
  }
  const parsed = triageSchema.safeParse(input)
  if (parsed.success) return { ok: true, triage: parsed.data }
  const { issue, path, value: found } = firstIssue(parsed.error, input)
  const field = fieldName(path)
  const expected = EXPECTED[fieldName(path, 'pattern')] ?? issue?.message ?? 'is invalid'
  const got = describe(found)
  const error =
    field === ''
      ? `The triage answer ${expected}, got ${got}.`
      : `The triage answer's ${field} ${expected}, got ${got}.`
  return { ok: false, error }
}
