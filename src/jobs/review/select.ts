/** Which placed comments are posted inline, which go to the summary, which were posted before. */
import {
  SEVERITIES,
  type Finding,
  type PlacedComment,
  type SetAside,
  type Severity
} from './types.js'

/** 0 for critical … 3 for nit. */
function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s)
}

/** Whether `s` is `floor` or more severe. */
export function severityAtLeast(s: Severity, floor: Severity): boolean {
  return severityRank(s) <= severityRank(floor)
}

/** Whether `fail_on` makes the step fail: any finding of that severity or worse. */
export function failsOn(
  findings: readonly Pick<Finding, 'severity'>[],
  failOn: 'none' | Severity
): boolean {
  if (failOn === 'none') return false
  return findings.some(f => severityAtLeast(f.severity, failOn))
}

/** Options of {@link selectComments}. */
interface SelectOptions {
  minSeverity: Severity
  maxComments: number
  /** Fingerprints already on the PR (from {@link fingerprintsIn} over its review comments). */
  alreadyPosted: ReadonlySet<string>
}

/** The result of {@link selectComments}. */
export interface Selection {
  /** To post, most severe first, then in file order. */
  inline: PlacedComment[]
  /** Not posted inline: below `min_severity` or over `max_comments`; shown collapsed in the summary. */
  collapsed: SetAside[]
  /** Already posted on an earlier run (or twice in this one): not posted again. */
  duplicates: PlacedComment[]
}

/**
 * Orders placed comments most severe first (stable, so file order within a severity, as
 * `placeFindings` returns them) and splits them into inline, collapsed and duplicates.
 */
export function selectComments(placed: readonly PlacedComment[], opts: SelectOptions): Selection {
  const max = Math.max(0, Math.floor(opts.maxComments))
  const ordered = [...placed].sort(
    (a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity)
  )
  const seen = new Set(opts.alreadyPosted)
  const out: Selection = { inline: [], collapsed: [], duplicates: [] }
  for (const c of ordered) {
    if (seen.has(c.fingerprint)) {
      out.duplicates.push(c)
      continue
    }
    seen.add(c.fingerprint)
    if (!severityAtLeast(c.finding.severity, opts.minSeverity)) {
      out.collapsed.push({ finding: c.finding, reason: 'below min_severity', line: c.line })
    } else if (out.inline.length >= max) {
      out.collapsed.push({ finding: c.finding, reason: 'over max_comments', line: c.line })
    } else {
      out.inline.push(c)
    }
  }
  return out
}
