/**
 * The optional triage comment (`triage_comment: true`): which labels were added and why, found again
 * by its marker.
 */
import { cleanUntrusted } from '../untrusted.js'
import type { Decision } from './decide.js'

/** Marks the action's triage comment so a later run can find it. */
export const TRIAGE_MARKER = '<!-- claude-subscription-action:triage -->'

/** Options for {@link renderTriageComment}. */
interface TriageCommentOptions {
  /** The model's `duplicate_of`; shown as a mention only, nothing is closed or labelled. */
  duplicateOf?: number
  /** The issue being triaged, so it is never called a duplicate of itself. */
  issueNumber?: number
  /** The model's optional `comment`, shown as a short note. */
  note?: string
}

const MAX_REASON = 300
const MAX_NOTE = 1000

// Model text is shaped by the issue it read: keep it from pinging people, faking the marker, hiding
// content or breaking out of its line.
function tame(text: string, max: number, oneLine: boolean): string {
  let out = cleanUntrusted(text).replace(/</g, '&lt;')
  out = out.replace(/(^|[^\w`])@([A-Za-z0-9][\w-]*(?:\/[\w.-]+)?)/g, '$1`@$2`')
  out = oneLine ? out.replace(/\s+/g, ' ') : out.replace(/\n{3,}/g, '\n\n')
  out = out.trim()
  return out.length > max ? `${out.slice(0, max - 3).trimEnd()}...` : out
}

const code = (name: string): string => {
  const ticks = name.includes('`') ? '`` ' : '`'
  return `${ticks}${name}${ticks.split('').reverse().join('')}`
}

/**
 * A short comment: the labels added with their reasons, a possible duplicate as a plain `#123`
 * mention, and {@link TRIAGE_MARKER}.
 */
export function renderTriageComment(decision: Decision, opts: TriageCommentOptions = {}): string {
  const lines: string[] = []
  if (decision.apply.length === 0) {
    lines.push('Triage added no labels.')
  } else {
    lines.push(decision.fallbackApplied ? 'Triage could not pick a label:' : 'Triage added:')
    for (const l of decision.apply) {
      const pct = decision.fallbackApplied ? '' : ` (${Math.round(l.confidence * 100)}%)`
      const why = l.reason ? tame(l.reason, MAX_REASON, true) : ''
      lines.push(`- ${code(l.name)}${pct}${why ? `: ${why}` : ''}`)
    }
  }
  const dup = opts.duplicateOf
  if (dup !== undefined && Number.isInteger(dup) && dup > 0 && dup !== opts.issueNumber) {
    lines.push('', `Possible duplicate of #${dup}.`)
  }
  const note = opts.note ? tame(opts.note, MAX_NOTE, false) : ''
  if (note) lines.push('', ...note.split('\n').map(l => `> ${l}`.trimEnd()))
  lines.push('', TRIAGE_MARKER)
  return `${lines.join('\n')}\n`
}
