/** `mode: prompt`: run the workflow author's task with their own CLI arguments. */
import { promises as fs } from 'node:fs'
import { InputError } from '../errors.js'
import { hasJsonSchema, splitArgs } from '../claude/args.js'
import type { JobContext, JobResult } from './context.js'
import { outcomeResult } from './outcome.js'
import { reportRun } from './run-report.js'

/** Reads `prompt`, or `prompt_file` when `prompt` is empty. */
export async function readPrompt(inputs: { prompt: string; prompt_file: string }): Promise<string> {
  if (inputs.prompt.trim() !== '') return inputs.prompt
  if (inputs.prompt_file !== '') {
    try {
      const text = await fs.readFile(inputs.prompt_file, 'utf8')
      if (text.trim() === '') throw new InputError(`prompt_file "${inputs.prompt_file}" is empty.`)
      return text
    } catch (err) {
      if (err instanceof InputError) throw err
      throw new InputError(
        `prompt_file "${inputs.prompt_file}" cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): check the path, relative to the workspace.`
      )
    }
  }
  return ''
}

/** Runs the prompt and reports the CLI's result as outputs. */
export async function runPromptJob(ctx: JobContext): Promise<JobResult> {
  const prompt = await readPrompt(ctx.inputs)
  if (prompt.trim() === '') {
    throw new InputError('mode prompt needs a task: set the prompt input, or prompt_file.')
  }
  const extra = splitArgs(ctx.inputs.claude_args)
  const run = await ctx.claude.run({
    kind: 'prompt',
    prompt,
    label: 'Claude Code: prompt',
    model: ctx.inputs.model || undefined,
    maxTurns: ctx.inputs.max_turns,
    timeoutMinutes: ctx.inputs.timeout_minutes,
    extra
  })
  reportRun(ctx, run, 'prompt')
  if (run.outcome.kind === 'success') {
    ctx.outputs.set('result', run.result)
    if (hasJsonSchema(extra) || run.structured !== undefined) {
      ctx.outputs.set(
        'structured_output',
        run.structured === undefined ? '' : JSON.stringify(run.structured)
      )
    }
  }
  return outcomeResult(ctx, run.outcome)
}
