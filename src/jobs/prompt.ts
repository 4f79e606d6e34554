/** `mode: prompt`: run the workflow author's task with their own CLI arguments. */
import * as core from '@actions/core'
import { promises as fs } from 'node:fs'
import { InputError } from '../errors.js'
import { hasJsonSchema, splitArgs } from '../claude/args.js'
import { logUntrusted } from '../github/guard.js'
import type { JobContext, JobResult } from './context.js'
import { outcomeResult } from './outcome.js'
import { reportRun } from './run-report.js'

/**
 * The workflow author's text: `prompt`, or `prompt_file`'s contents when `prompt` is empty. Main
 * reads it once, before anything else: the task in prompt mode, extra instructions in review and
 * triage.
 * @throws InputError naming the file and why, when `prompt_file` cannot be read or is empty.
 */
export async function readPrompt(inputs: { prompt: string; prompt_file: string }): Promise<string> {
  if (inputs.prompt.trim() !== '') return inputs.prompt
  if (inputs.prompt_file === '') return ''
  let text: string
  try {
    text = await fs.readFile(inputs.prompt_file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code ? `${code}${READ_ERRORS[code] ? `: ${READ_ERRORS[code]}` : ''}` : 'error'
    throw new InputError(
      `prompt_file "${inputs.prompt_file}" cannot be read (${why}): check the path, relative to the workspace.`
    )
  }
  if (text.trim() === '') {
    throw new InputError(
      `prompt_file "${inputs.prompt_file}" is empty: write the task in it, or set prompt.`
    )
  }
  return text
}

/** The usual reasons a file cannot be read, in words. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory'
}

/** Runs the prompt and reports the CLI's result as outputs. */
export async function runPromptJob(ctx: JobContext): Promise<JobResult> {
  // Main read prompt_file into `prompt` already (see `readPrompt`).
  const prompt = ctx.inputs.prompt
  if (prompt.trim() === '') {
    throw new InputError('mode prompt needs a task: set the prompt input, or prompt_file.')
  }
  const extra = splitArgs(ctx.inputs.claude_args)
  const run = await ctx.claude.run({
    kind: 'prompt',
    prompt,
    label: 'Claude Code: prompt',
    ...(ctx.inputs.model ? { model: ctx.inputs.model } : {}),
    ...(ctx.inputs.max_turns !== undefined ? { maxTurns: ctx.inputs.max_turns } : {}),
    timeoutMinutes: ctx.inputs.timeout_minutes,
    extra
  })
  reportRun(ctx, run, 'prompt')
  if (run.outcome.kind === 'success') {
    ctx.outputs.set('result', run.result)
    // A quiet success still shows its answer: whole in the job summary (guarded there) and in the
    // log, not only in an output the workflow may never print. The answer is the model's: in the
    // log its lines must not act as workflow commands.
    ctx.summary.heading('Answer', 3).text(run.result)
    core.info('Answer:')
    logUntrusted(run.result)
    if (hasJsonSchema(extra) || run.structured !== undefined) {
      ctx.outputs.set(
        'structured_output',
        run.structured === undefined ? '' : JSON.stringify(run.structured)
      )
    }
  }
  return outcomeResult(ctx, run.outcome)
}
