/** Everything one triage run needs besides GitHub and the CLI, read from the action's inputs. */
import { readOnlyExtraArgs, splitArgs } from '../../claude/args.js'
import type { Inputs } from '../../inputs.js'

/** Everything one triage run needs besides GitHub and the CLI. */
export interface TriageSettings {
  /** `labels_allow` globs (empty: every label). */
  allow: string[]
  /** `labels_deny` globs. */
  deny: string[]
  /** `exclusive_labels` globs. */
  exclusive: string[]
  maxLabels: number
  minConfidence: number
  fallback?: string
  model?: string
  maxTurns?: number
  timeoutMinutes: number
  /** The workflow author's extra instructions (`prompt`/`prompt_file`). */
  instructions?: string
  /** `claude_args` left after the flags that would widen tools or load workspace config. */
  extraArgs: string[]
}

/** The settings from the action's inputs; `dropped` names the claude_args flags left out. */
export function triageSettings(
  inputs: Inputs,
  instructions = ''
): { settings: TriageSettings; dropped: string[] } {
  const { kept, dropped } = readOnlyExtraArgs(splitArgs(inputs.claude_args))
  const settings: TriageSettings = {
    allow: inputs.labels_allow,
    deny: inputs.labels_deny,
    exclusive: inputs.exclusive_labels,
    maxLabels: inputs.max_labels,
    minConfidence: inputs.min_confidence,
    timeoutMinutes: inputs.timeout_minutes,
    extraArgs: kept,
    ...(inputs.fallback_label ? { fallback: inputs.fallback_label } : {}),
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.max_turns !== undefined ? { maxTurns: inputs.max_turns } : {}),
    ...(instructions.trim() ? { instructions } : {})
  }
  return { settings, dropped }
}
