/** The CLI's argument list: never a token, never the prompt (it goes on stdin). */
import { parse } from 'shell-quote'
import { InputError } from '../auth/errors.js'

/** Splits `claude_args` with shell-style quoting; `$VAR` stays literal, operators are refused. */
export function splitArgs(value: string): string[] {
  if (value.trim() === '') return []
  const parts = parse(value, key => `$${key}`)
  const out: string[] = []
  for (const part of parts) {
    if (typeof part === 'string') out.push(part)
    else if ('op' in part && part.op === 'glob') out.push(part.pattern)
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
  /** Restrict settings to the user's own and ignore MCP servers from the workspace. */
  untrustedWorkspace?: boolean
  appendSystemPrompt?: string
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
  if (opts.untrustedWorkspace) {
    // Nothing the PR author controls may configure the CLI: no project or local settings (hooks),
    // no MCP servers from .mcp.json.
    args.push('--setting-sources', 'user', '--strict-mcp-config')
  }
  if (opts.appendSystemPrompt) args.push('--append-system-prompt', opts.appendSystemPrompt)
  args.push(...(opts.extra ?? []))
  return args
}

/** True when the author's own arguments already carry a `--json-schema`. */
export function hasJsonSchema(extra: string[]): boolean {
  return extra.some(a => a === '--json-schema' || a.startsWith('--json-schema='))
}
