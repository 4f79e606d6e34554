/** The CLI's argument list: never a token, never the prompt (it goes on stdin). */
import { parse } from 'shell-quote'
import { InputError } from '../errors.js'

/** Splits `claude_args` with shell-style quoting; `$VAR` stays literal, operators are refused. */
export function splitArgs(value: string): string[] {
  if (value.trim() === '') return []
  // No shell runs these: `$VAR` and `${VAR}` stay exactly as written.
  const DOLLAR = '\u0000DOLLAR\u0000'
  const restore = (t: string): string => t.split(DOLLAR).join('$')
  const parts = parse(value.split('$').join(DOLLAR))
  const out: string[] = []
  for (const part of parts) {
    if (typeof part === 'string') out.push(restore(part))
    else if ('op' in part && part.op === 'glob') out.push(restore(part.pattern))
    else if ('comment' in part) break
    else {
      throw new InputError(
        `claude_args has a shell operator ("${'op' in part ? part.op : '?'}"), which is not run by a shell: quote it, or pass plain arguments only.`
      )
    }
  }
  return out
}

/** What a run passes to the CLI. */
export interface ArgOptions {
  model?: string
  maxTurns?: number
  jsonSchema?: unknown
  /** Built-in tools that exist at all (`--tools`); undefined leaves the CLI's default. */
  tools?: string[]
  /** The job kind's flags from `claude/sandbox.ts` (settings, MCP, read denials); added last. */
  sandbox?: string[]
  appendSystemPrompt?: string
  /**
   * Replaces the CLI's own system prompt (about 28 KB). The CLI still sends its identity block
   * before it (measured with 2.1.332), so the login is used as Claude Code uses it.
   */
  systemPrompt?: string
  /** The workflow author's own arguments, last so they can override. */
  extra?: string[]
}

/** Builds argv for `claude -p` with stream-json output. */
export function buildArgs(opts: ArgOptions): string[] {
  const args = ['-p', '--output-format', 'stream-json', '--verbose']
  if (opts.model) args.push('--model', opts.model)
  if (opts.maxTurns !== undefined) args.push('--max-turns', String(opts.maxTurns))
  if (opts.jsonSchema !== undefined) args.push('--json-schema', JSON.stringify(opts.jsonSchema))
  if (opts.tools !== undefined) args.push('--tools', opts.tools.join(','))
  if (opts.systemPrompt) args.push('--system-prompt', opts.systemPrompt)
  if (opts.appendSystemPrompt) args.push('--append-system-prompt', opts.appendSystemPrompt)
  args.push(...(opts.extra ?? []))
  // After the author's arguments: nothing given earlier can loosen the sandbox.
  args.push(...(opts.sandbox ?? []))
  return args
}

/** True when the author's own arguments already carry a `--json-schema`. */
export function hasJsonSchema(extra: string[]): boolean {
  return extra.some(a => a === '--json-schema' || a.startsWith('--json-schema='))
}

/** Flags that would widen the tools or load configuration from the (untrusted) workspace. */
const WIDENING_FLAGS = [
  '--tools',
  '--allowedTools',
  '--allowed-tools',
  '--disallowedTools',
  '--disallowed-tools',
  '--permission-mode',
  '--dangerously-skip-permissions',
  '--settings',
  '--setting-sources',
  '--mcp-config',
  '--add-dir',
  '--plugin-dir',
  '--plugin-url',
  '--agents',
  '--json-schema'
]

/**
 * For review and triage: the author's arguments minus anything that would give the model more than
 * read-only tools or load workspace configuration. Returns what was dropped, to warn about.
 */
export function readOnlyExtraArgs(extra: string[]): { kept: string[]; dropped: string[] } {
  const kept: string[] = []
  const dropped: string[] = []
  for (let i = 0; i < extra.length; i++) {
    const arg = extra[i] as string
    const flag = arg.split('=')[0] as string
    if (!WIDENING_FLAGS.includes(flag)) {
      kept.push(arg)
      continue
    }
    dropped.push(flag)
    // Skip the flag's values (everything up to the next flag), unless given as --flag=value.
    if (!arg.includes('=') && flag !== '--dangerously-skip-permissions') {
      while (i + 1 < extra.length && !(extra[i + 1] as string).startsWith('-')) i++
    }
  }
  return { kept, dropped }
}
