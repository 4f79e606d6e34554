/**
 * Every input of action.yml, read once and validated with zod. The only caller of
 * `core.getInput`: the rest of the action gets a typed `Inputs`.
 */
import * as core from '@actions/core'
import * as z from './zod-mini.js'
import { InputError } from './errors.js'
import { parseDuration } from './time.js'
import { firstIssue } from './zod-message.js'
import { remember, type SecretKind } from './known-secrets.js'

const MODES = ['auto', 'setup', 'prompt', 'review', 'triage', 'health', 'command'] as const
export type Mode = (typeof MODES)[number]
const SEVERITIES = ['critical', 'major', 'minor', 'nit'] as const
/** Repository permissions, least first (`command_permission` is the least a commenter needs). */
export const PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]

/** The CLI version the action installs by default, and the tests run. */
export const DEFAULT_CLAUDE_VERSION = '2.1.332'

/** A string input turned into a value; `fn` returns `z.NEVER` after `reject`. */
const input = <T>(fn: (v: string, ctx: z.core.ParsePayload) => T) =>
  z.pipe(z.string(), z.transform(fn))

/** Records why an input is refused (mini's transform context has no `addIssue`). */
function reject(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: 'custom', message, input: ctx.value })
  return z.NEVER
}

const bool = (name: string) =>
  input((v, ctx) => {
    const s = v.trim().toLowerCase()
    if (s === '' || s === 'false') return false
    if (s === 'true') return true
    return reject(ctx, `${name} "${v}" must be true or false.`)
  })

const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T) =>
  input((v, ctx) => {
    const s = (v.trim() || fallback).toLowerCase()
    if ((values as readonly string[]).includes(s)) return s as T
    return reject(ctx, `${name} "${v}" is not one of ${values.join(', ')}.`)
  })

const duration = (name: string, fallback: string) =>
  input((v, ctx) => {
    try {
      return parseDuration(v.trim() || fallback, name)
    } catch (err) {
      return reject(ctx, (err as Error).message)
    }
  })

interface NumberCheck {
  min?: number
  max?: number
  int?: boolean
  positive?: boolean
}

/** A number input: empty gives `fallback`; the message names the number the input must be. */
function number(name: string, fallback: number, check?: NumberCheck): z.ZodMiniType<number, string>
function number(
  name: string,
  fallback: undefined,
  check?: NumberCheck
): z.ZodMiniType<number | undefined, string>
function number(
  name: string,
  fallback: number | undefined,
  check: NumberCheck = {}
): z.ZodMiniType<number | undefined, string> {
  return input((v, ctx): number | undefined => {
    const s = v.trim()
    if (s === '') return fallback
    const n = Number(s)
    const ok =
      Number.isFinite(n) &&
      (!check.int || Number.isInteger(n)) &&
      (check.min === undefined || n >= check.min) &&
      (check.max === undefined || n <= check.max) &&
      (!check.positive || n > 0)
    if (ok) return n
    const bounds = [
      check.positive ? 'above 0' : '',
      check.min !== undefined && check.max !== undefined
        ? `from ${check.min} to ${check.max}`
        : check.min !== undefined
          ? `of at least ${check.min}`
          : check.max !== undefined
            ? `of at most ${check.max}`
            : ''
    ].filter(Boolean)
    const want = [check.int ? 'a whole number' : 'a number', ...bounds].join(' ')
    return reject(ctx, `${name} "${v}" must be ${want}.`)
  })
}

/** Comma or newline separated list, blanks dropped. */
const list = input(v =>
  v
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s.length > 0)
)

const text = input(v => v.trim())
const secret = input(v => v.trim())
/** A trimmed text, `fallback` when empty. */
const textOr = (fallback: string) => input(v => v.trim() || fallback)

const severityOrNone = (name: string, fallback: string) =>
  oneOf(name, ['none', ...SEVERITIES] as const, fallback as 'none')

/** The zod schema of every input, keyed by its action.yml name. */
const InputSchema = z.object({
  mode: oneOf('mode', MODES, 'auto'),
  claude_auth: secret,
  claude_code_oauth_token: secret,
  anthropic_api_key: secret,
  github_token: secret,
  secrets_token: secret,
  auth_secret_name: textOr('CLAUDE_AUTH'),
  auth_secret_environment: text,
  auth_secret_org: text,
  config_dir: textOr('~/.claude'),
  min_validity: duration('min_validity', '30m'),
  warn_within: duration('warn_within', '7d'),
  refresh: oneOf('refresh', ['auto', 'always', 'never'] as const, 'auto'),
  claude_version: input((v, ctx) => {
    const s = v.trim() || DEFAULT_CLAUDE_VERSION
    if (s === 'latest' || /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(s)) return s
    return reject(
      ctx,
      `claude_version "${v.trim()}" must be a version such as ${DEFAULT_CLAUDE_VERSION}, or latest.`
    )
  }),
  claude_path: text,
  model: text,
  max_turns: number('max_turns', undefined, { int: true, min: 1 }),
  timeout_minutes: number('timeout_minutes', 20, { positive: true }),
  claude_args: z.string(),
  prompt: z.string(),
  prompt_file: text,
  on_usage_limit: oneOf('on_usage_limit', ['fail', 'skip', 'defer'] as const, 'fail'),
  usage_ceiling: input((v, ctx): number | undefined => {
    const s = v.trim()
    if (s === '') return undefined
    const n = Number(s)
    if (Number.isFinite(n) && n > 0 && n <= 1) return n
    return reject(
      ctx,
      `usage_ceiling "${v.trim()}" must be a fraction above 0 and at most 1 (0.8 skips at 80 % used), or empty for no ceiling.`
    )
  }),
  dry_run: bool('dry_run'),
  pr_number: number('pr_number', undefined, { int: true, min: 1 }),
  issue_number: number('issue_number', undefined, { int: true, min: 1 }),
  backtest: number('backtest', 0, { int: true, min: 0 }),
  live_check: bool('live_check'),
  health_issue: bool('health_issue'),
  review_paths: list,
  max_comments: number('max_comments', 10, { int: true, min: 0 }),
  min_severity: oneOf('min_severity', SEVERITIES, 'minor'),
  fail_on: severityOrNone('fail_on', 'none'),
  incremental: bool('incremental'),
  resolve_outdated: bool('resolve_outdated'),
  review_drafts: bool('review_drafts'),
  review_forks: bool('review_forks'),
  skip_authors: list,
  review_rules: list,
  diff_budget: number('diff_budget', undefined, { int: true, min: 1000 }),
  labels_allow: list,
  labels_deny: list,
  max_labels: number('max_labels', 3, { int: true, min: 1 }),
  min_confidence: number('min_confidence', 0.6, { min: 0, max: 1 }),
  exclusive_labels: list,
  fallback_label: text,
  triage_comment: bool('triage_comment'),
  backfill_limit: number('backfill_limit', 20, { int: true, min: 0 }),
  trigger_phrase: input((v, ctx) => {
    const s = v.trim() || '@claude'
    if (!/\s/.test(s)) return s
    return reject(ctx, `trigger_phrase "${v.trim()}" must be one word such as @claude (no spaces).`)
  }),
  command_permission: oneOf('command_permission', PERMISSIONS, 'write')
})

export type Inputs = z.infer<typeof InputSchema>
type InputName = keyof z.input<typeof InputSchema>

/** Defaults of inputs whose action.yml default is not the empty string. */
const DEFAULTS: Partial<Record<InputName, string>> = {
  live_check: 'true',
  health_issue: 'true',
  incremental: 'true',
  resolve_outdated: 'true',
  skip_authors: 'dependabot[bot],renovate[bot]',
  review_rules: 'REVIEW.md,CLAUDE.md,.github/claude-review.md'
}

/** Inputs whose values are secrets: masked before anything else happens. */
export const SECRET_INPUTS: InputName[] = [
  'claude_auth',
  'claude_code_oauth_token',
  'anthropic_api_key',
  'github_token',
  'secrets_token'
]

/** How the outbound guard names each secret input when it finds one in a write. */
const SECRET_KIND: Partial<Record<InputName, SecretKind>> = {
  claude_auth: 'claude_auth',
  claude_code_oauth_token: 'setup-token',
  anthropic_api_key: 'API key',
  github_token: 'github_token',
  secrets_token: 'secrets_token'
}

/**
 * Reads and validates every input.
 * @throws InputError naming the first bad input, its value and what was expected.
 */
export function getInputs(read: (name: string) => string = readInput): Inputs {
  const raw: Record<string, string> = {}
  for (const name of Object.keys(InputSchema.shape) as InputName[]) {
    const value = read(name)
    if (SECRET_INPUTS.includes(name)) {
      maskValue(value)
      remember(SECRET_KIND[name] as SecretKind, value)
    }
    raw[name] = value === '' && DEFAULTS[name] !== undefined ? (DEFAULTS[name] as string) : value
  }
  const result = InputSchema.safeParse(raw)
  if (!result.success) {
    throw new InputError(firstIssue(result.error).issue?.message ?? 'An input is not valid.')
  }
  return result.data
}

/** Masks a secret value, and each of its lines: a runner matches masks line by line. */
export function maskValue(value: string): void {
  const trimmed = value.trim()
  if (trimmed === '') return
  core.setSecret(trimmed)
  for (const line of trimmed.split(/\r?\n/)) {
    if (line.trim().length >= 8 && line.trim() !== trimmed) core.setSecret(line.trim())
  }
  const compact = trimmed.replace(/\s+/g, '')
  if (compact !== trimmed) core.setSecret(compact)
}

function readInput(name: string): string {
  return core.getInput(name)
}
