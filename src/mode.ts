/** Which job `mode: auto` means for an event. */
import type { Mode } from './inputs.js'

export type ConcreteMode = Exclude<Mode, 'auto'>

/**
 * pull_request* → review, issues → triage, issue_comment / pull_request_review_comment → command,
 * schedule → health, else prompt when a prompt is given, else setup.
 */
export function resolveMode(mode: Mode, eventName: string, hasPrompt: boolean): ConcreteMode {
  if (mode !== 'auto') return mode
  if (eventName === 'pull_request' || eventName === 'pull_request_target') return 'review'
  if (eventName === 'issues') return 'triage'
  if (eventName === 'issue_comment' || eventName === 'pull_request_review_comment') return 'command'
  if (eventName === 'schedule') return 'health'
  return hasPrompt ? 'prompt' : 'setup'
}
