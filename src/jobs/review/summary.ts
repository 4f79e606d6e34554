/**
 * The sticky summary comment of a review: found again by its marker and updated in place. It holds
 * everything that is not an inline comment, so nothing the model wrote is lost.
 */
import { isOwnComment, type Comment, type GitHubApi } from '../../github/api.js'
import { formatSpan } from '../../time.js'
import { footerValue, hasFooterMarker } from '../markers.js'
import { PAUSED_MARKER, pausedNotice } from './pause.js'
import { cleanUntrusted } from '../untrusted.js'
import type { SkippedFile } from './files.js'
import { codeBlock, formatMarkdown, formatTitle, suggestionCode } from './placement.js'
import { failsOn } from './select.js'
import { budgetNote, renderSkipped } from './skipped.js'
import {
  SEVERITIES,
  SEVERITY_BADGE,
  type Finding,
  type PlacedComment,
  type ReviewOutput,
  type SetAside,
  type Severity
} from './types.js'

/** The marker that identifies the summary comment (in its footer, see `markers.ts`). */
export const REVIEW_MARKER = '<!-- claude-subscription-action:review -->'

const SHA_MARKER = /^<!-- csa-reviewed-sha:([0-9a-f]{7,64}) -->$/i

// GitHub refuses comment bodies over 65,536 characters; leave room for the closing lines.
const MAX_COMMENT = 65_000

/** What the run cost and took, as the CLI reported it. */
export interface ReviewTelemetry {
  turns?: number
  durationMs?: number
  /** The CLI's list-price estimate in USD. */
  costUsd?: number
  /** With an API key the cost is real; with a subscription it is only what the API would charge. */
  authKind?: 'oauth' | 'setup-token' | 'api-key'
  model?: string
}

/** Everything the summary shows. */
export interface SummaryInput {
  /** The head commit reviewed, recorded for incremental reviews. */
  headSha: string
  /** The model's answer: its summary and every finding (for the verdict and counts). */
  review: ReviewOutput
  /** Posted inline in this run. */
  inline: readonly PlacedComment[]
  /** Already posted on the PR before: not repeated. */
  duplicates?: readonly PlacedComment[]
  /** Could not be placed on a line of the diff. */
  unplaced: readonly SetAside[]
  /** Below `min_severity` or over `max_comments`. */
  collapsed: readonly SetAside[]
  skippedFiles?: readonly SkippedFile[]
  /** The `diff_budget` in tokens, named when it left files out. */
  diffBudget?: number
  /** The review itself could not be posted: the head is not recorded, so a re-run reviews it. */
  reviewFailed?: boolean
  /** Lines such as {@link incrementalNote} or {@link forcePushNote}. */
  notes?: readonly string[]
  minSeverity?: Severity
  maxComments?: number
  failOn?: 'none' | Severity
  /** Findings a person dismissed earlier on this pull request: not raised again. */
  dismissed?: number
  /** The action's own outdated threads resolved in this run. */
  resolvedThreads?: number
  /** Link to the posted review. */
  reviewUrl?: string
  telemetry?: ReviewTelemetry
  /** Automatic reviews are paused (`pause.ts`): the trigger phrase, for the notice. */
  pausedBy?: string
}

/** The abbreviated SHA people recognise. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}

/** The note of an incremental review. */
export function incrementalNote(sinceSha: string): string {
  return `Reviewed changes since ${shortSha(sinceSha)}.`
}

/** The note when the previously reviewed commit is gone from the branch. */
export function forcePushNote(previousSha: string): string {
  return (
    `The previously reviewed commit ${shortSha(previousSha)} is no longer part of this branch ` +
    '(force-push?): reviewed the whole pull request again.'
  )
}

/** Whether a body is a review summary: its footer carries {@link REVIEW_MARKER}. */
export function isReviewSummary(body: string | null | undefined): boolean {
  return hasFooterMarker(body, REVIEW_MARKER)
}

/**
 * The action's own sticky review summary on a pull request, if there is one: the latest comment
 * with the summary marker written by the identity of `github_token` (anyone could paste one).
 */
export async function ownSummary(
  github: Pick<GitHubApi, 'whoami' | 'listIssueComments'>,
  pull: number
): Promise<Comment | undefined> {
  const self = await github.whoami()
  return [...(await github.listIssueComments(pull))]
    .reverse()
    .find(c => isReviewSummary(c.body) && isOwnComment(c, self))
}

/** The reviewed head SHA recorded in a summary comment's footer, if any. */
export function reviewedShaOf(body: string | null | undefined): string | undefined {
  return footerValue(body, SHA_MARKER)?.toLowerCase()
}

/** The hidden marker recording the reviewed head SHA. */
function reviewedShaMarker(sha: string): string {
  return `<!-- csa-reviewed-sha:${sha} -->`
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

function counts(findings: readonly Finding[]): Record<Severity, number> {
  const c = { critical: 0, major: 0, minor: 0, nit: 0 }
  for (const f of findings) c[f.severity]++
  return c
}

function verdict(input: SummaryInput): string {
  const c = counts(input.review.findings)
  const total = input.review.findings.length
  let line: string
  if (total === 0) {
    line = '✅ No issues found.'
  } else if (c.critical + c.major > 0) {
    const worst = [
      c.critical && plural(c.critical, 'critical'),
      c.major && plural(c.major, 'major')
    ]
      .filter(Boolean)
      .join(' and ')
    line = `⚠️ ${worst} ${c.critical + c.major === 1 ? 'finding' : 'findings'} to address before merging.`
  } else {
    line = `✅ No blocking issues; ${plural(total, 'minor finding or nit', 'minor findings or nits')}.`
  }
  const failOn = input.failOn ?? 'none'
  if (failsOn(input.review.findings, failOn)) {
    line += ` This fails the check (\`fail_on: ${failOn}\`).`
  }
  return `**Verdict:** ${line}`
}

function countTable(findings: readonly Finding[]): string {
  const c = counts(findings)
  return [
    `| ${SEVERITIES.map(s => SEVERITY_BADGE[s]).join(' | ')} |`,
    `|${SEVERITIES.map(() => ':-:').join('|')}|`,
    `| ${SEVERITIES.map(s => String(c[s])).join(' | ')} |`
  ].join('\n')
}

function location(f: Finding, line = f.line): string {
  const end = f.end_line !== undefined && f.end_line > f.line ? f.end_line - f.line + line : line
  return `\`${f.path}:${end > line ? `${line}–${end}` : line}\``
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).trimEnd()}\n\n… (truncated)`
}

interface Detail {
  /** Characters of each finding body kept (Infinity = all). */
  body: number
  /** Characters of collapsed finding bodies kept. */
  collapsedBody: number
  /** Skipped files listed. */
  files: number
  /** Characters of the model's summary kept. */
  summary: number
}

// From everything to the bare minimum: the renderer steps down until the comment fits.
const DETAIL_LEVELS: Detail[] = [
  { body: Infinity, collapsedBody: Infinity, files: Infinity, summary: Infinity },
  { body: Infinity, collapsedBody: 1500, files: 200, summary: Infinity },
  { body: 4000, collapsedBody: 300, files: 50, summary: 20_000 },
  { body: 1000, collapsedBody: 0, files: 20, summary: 8000 },
  { body: 300, collapsedBody: 0, files: 0, summary: 3000 },
  // Every finding still named, with where and why, when there are hundreds.
  { body: 0, collapsedBody: 0, files: 0, summary: 2000 }
]

function renderFinding(item: SetAside, bodyLimit: number): string {
  const f = item.finding
  const parts = [
    `**${SEVERITY_BADGE[f.severity]}** · **${formatTitle(f.title)}** — ${location(f, item.line)}`
  ]
  if (item.reason) parts[0] += `\n<sub>${cleanUntrusted(item.reason)}</sub>`
  const body = formatMarkdown(f.body)
  if (body && bodyLimit > 0) parts.push(truncate(body, bodyLimit))
  const code = suggestionCode(f.suggestion)
  if (code !== undefined && bodyLimit > 0) {
    parts.push(`Suggested replacement:\n\n${codeBlock(truncate(code, Math.max(bodyLimit, 300)))}`)
  }
  return parts.join('\n\n')
}

function render(input: SummaryInput, detail: Detail): { head: string; tail: string } {
  const out: string[] = [`## Claude review of ${shortSha(input.headSha)}`, verdict(input)]
  if (input.pausedBy !== undefined) out.unshift(pausedNotice(input.pausedBy))
  out.push(countTable(input.review.findings))

  const posted = input.inline.length
  const dupes = input.duplicates?.length ?? 0
  const elsewhere = input.unplaced.length + input.collapsed.length
  const review = input.reviewUrl ? ` ([review](${input.reviewUrl}))` : ''
  const tally = [`${plural(posted, 'inline comment')} posted${review}`]
  if (dupes > 0) tally.push(`${dupes} already posted earlier, not repeated`)
  if (elsewhere > 0) tally.push(`${elsewhere} in this summary`)
  if (input.dismissed) tally.push(`not raised again: ${input.dismissed} (dismissed)`)
  if (input.resolvedThreads) {
    tally.push(`${plural(input.resolvedThreads, 'outdated thread')} resolved`)
  }
  out.push(`${tally.join(' · ')}.`)

  for (const note of input.notes ?? []) out.push(`> ℹ️ ${note}`)
  const budget = budgetNote(input.skippedFiles ?? [], input.diffBudget)
  if (budget) out.push(`> ⚠️ ${budget}`)

  const summary = formatMarkdown(input.review.summary)
  if (summary) out.push('### Summary', truncate(summary, detail.summary))

  if (input.unplaced.length > 0) {
    out.push('### Findings not on a line of the diff')
    for (const u of input.unplaced) {
      out.push(renderFinding({ ...u, reason: `Not placed inline: ${u.reason}.` }, detail.body))
    }
  }

  if (input.collapsed.length > 0) {
    const why: string[] = []
    if (input.collapsed.some(c => c.reason === 'below min_severity')) {
      why.push(`below \`min_severity: ${input.minSeverity ?? '…'}\``)
    }
    if (input.collapsed.some(c => c.reason === 'over max_comments')) {
      why.push(`over \`max_comments: ${input.maxComments ?? '…'}\``)
    }
    const label = `${plural(input.collapsed.length, 'more finding')}${why.length ? ` (${why.join(', ')})` : ''}`
    const items = input.collapsed.map(c =>
      renderFinding({ ...c, reason: '' }, detail.collapsedBody)
    )
    out.push(`<details>\n<summary>${label}</summary>\n\n${items.join('\n\n')}\n\n</details>`)
  }

  const skippedList = renderSkipped(input.skippedFiles ?? [], input.diffBudget, detail.files)
  if (skippedList) out.push(skippedList)

  // The markers come last, after all model text: the only place they are read (markers.ts).
  const tail = [
    '---',
    `<sub>${footer(input)}</sub>`,
    '',
    REVIEW_MARKER,
    ...(input.reviewFailed ? [] : [reviewedShaMarker(input.headSha)]),
    ...(input.pausedBy !== undefined ? [PAUSED_MARKER] : [])
  ].join('\n')
  return { head: out.join('\n\n'), tail }
}

function footer(input: SummaryInput): string {
  const bits = [`Reviewed ${shortSha(input.headSha)}`]
  const t = input.telemetry
  if (t?.model) bits.push(t.model)
  if (t?.turns !== undefined) bits.push(plural(t.turns, 'turn'))
  if (t?.durationMs !== undefined) bits.push(formatSpan(t.durationMs))
  if (t?.costUsd !== undefined) {
    const cost = `$${t.costUsd.toFixed(4)}`
    bits.push(
      t.authKind === 'api-key'
        ? `cost ${cost} (billed to your API key)`
        : `API-equivalent cost ${cost} (covered by your subscription)`
    )
  }
  return `${bits.join(' · ')} · claude-subscription-action`
}

/**
 * Renders the summary comment: verdict, counts, the model's summary (HTML comments stripped so it
 * cannot forge a marker), every finding not posted inline, skipped files, notes, telemetry, and a
 * footer with the marker and the reviewed SHA. Shortened step by step to fit GitHub's comment size
 * limit; the footer is always kept whole.
 */
export function renderSummary(input: SummaryInput): string {
  for (const detail of DETAIL_LEVELS) {
    const { head, tail } = render(input, detail)
    const text = `${head}\n\n${tail}`
    if (text.length <= MAX_COMMENT) return text
  }
  const { head, tail } = render(input, DETAIL_LEVELS[DETAIL_LEVELS.length - 1] as Detail)
  const room = MAX_COMMENT - tail.length - 40
  // Cutting inside <details> would leave it open; close it so the footer still shows.
  let cut = head.slice(0, room)
  if (cut.lastIndexOf('<details>') > cut.lastIndexOf('</details>')) cut += '\n\n</details>'
  return `${cut}\n\n… (truncated)\n\n${tail}`
}

/** The body of the review itself (the summary comment carries the details). */
export function renderReviewBody(headSha: string, comments: number): string {
  return `Claude reviewed ${shortSha(headSha)}: ${plural(comments, 'inline comment')}. The summary comment on this pull request has the rest.`
}
