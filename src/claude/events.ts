/** The stream-json lines the CLI prints, validated with zod (unknown fields ignored). */
import { z } from 'zod'

export const ResultEventSchema = z.looseObject({
  type: z.literal('result'),
  subtype: z.string(),
  is_error: z.boolean(),
  result: z.string().optional(),
  num_turns: z.number().optional(),
  session_id: z.string().optional(),
  total_cost_usd: z.number().optional(),
  duration_ms: z.number().optional(),
  api_error_status: z.number().nullish(),
  structured_output: z.unknown().optional(),
  permission_denials: z.array(z.unknown()).optional(),
  /** Token counts (read field by field in `usage.ts`: a changed field never fails the result). */
  usage: z.looseObject({}).optional().catch(undefined)
})
export type ResultEvent = z.infer<typeof ResultEventSchema>

const ContentSchema = z.array(
  z.looseObject({
    type: z.string(),
    text: z.string().optional(),
    name: z.string().optional(),
    input: z.unknown().optional()
  })
)

// Each field falls back to undefined when the CLI changes its form: the run never fails on it.
const optNum = z.number().nullish().catch(undefined)
const optStr = z.string().optional().catch(undefined)
const WindowSchema = z.looseObject({ utilization: optNum, resetsAt: optNum, status: optStr })
const RateLimitInfoSchema = z.looseObject({
  status: optStr,
  resetsAt: optNum,
  rateLimitType: optStr,
  utilization: optNum,
  overageStatus: optStr,
  isUsingOverage: z.boolean().optional().catch(undefined),
  unifiedWindows: z.record(z.string(), WindowSchema.catch({})).optional().catch(undefined)
})

const StreamEventSchema = z.union([
  ResultEventSchema,
  z.looseObject({
    type: z.literal('system'),
    subtype: z.string().optional(),
    session_id: z.string().optional(),
    model: z.string().optional(),
    attempt: z.number().optional(),
    error: z.unknown().optional(),
    error_status: z.number().nullish()
  }),
  z.looseObject({
    type: z.enum(['assistant', 'user']),
    message: z.looseObject({ content: z.union([ContentSchema, z.string()]).optional() })
  }),
  z.looseObject({
    type: z.literal('rate_limit_event'),
    rate_limit_info: RateLimitInfoSchema.optional()
  }),
  z.looseObject({ type: z.string() })
])
type StreamEvent = z.infer<typeof StreamEventSchema>

/** Parses one line of stream-json; undefined for anything that is not a JSON event. */
export function parseEventLine(line: string): StreamEvent | undefined {
  const trimmed = line.trim()
  if (!trimmed.startsWith('{')) return undefined
  try {
    const parsed = StreamEventSchema.safeParse(JSON.parse(trimmed))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

// Kept in usage.ts, which loads no zod: the report path (main's chunk) imports it.
export { resetsAtMs } from './usage.js'
