/** Shared types of the review job: what the model answers, what GitHub lists, what gets posted. */
import type { PrFile } from '../../github/types.js'

export type { PrFile }

/** Severities, most severe first: the order every ranking in the review job uses. */
export const SEVERITIES = ['critical', 'major', 'minor', 'nit'] as const

/** How bad a finding is. */
export type Severity = (typeof SEVERITIES)[number]

/** How a severity is shown in comments and the summary. */
export const SEVERITY_BADGE: Record<Severity, string> = {
  critical: '🔴 Critical',
  major: '🟠 Major',
  minor: '🟡 Minor',
  nit: '⚪ Nit'
}

/** One finding of the model's review answer (SPEC "Model output contracts"). */
export interface Finding {
  /** Path of the file in the PR's head, relative to the repository root. */
  path: string
  /** Line on the new (right) side of the diff; the last line of a range on GitHub. */
  line: number
  /** Last line of a multi-line finding, when greater than `line`. */
  end_line?: number
  /** Exact text of `line`, used to find the line again when the number is off. */
  quote?: string
  severity: Severity
  /** One line. */
  title: string
  /** Markdown. */
  body: string
  /** Replacement text for lines `line..end_line`. */
  suggestion?: string
}

/** The model's whole review answer. */
export interface ReviewOutput {
  /** Markdown. */
  summary: string
  findings: Finding[]
}

/** An inline review comment ready for `pulls.createReview` (`comments[]`), with its origin. */
export interface PlacedComment {
  path: string
  /** The (last) line commented on, on the new side. */
  line: number
  /** First line of a multi-line comment. */
  start_line?: number
  side: 'RIGHT'
  start_side?: 'RIGHT'
  /** Markdown, ending with the hidden fingerprint marker. */
  body: string
  finding: Finding
  fingerprint: string
}

/** A finding that is not posted inline, and why (it goes to the summary instead). */
export interface SetAside {
  finding: Finding
  reason: string
  /** The line it was placed on, when it was placed but not posted (may differ from `finding.line`). */
  line?: number
}
