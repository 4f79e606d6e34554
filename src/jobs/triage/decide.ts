/**
 * The triage rules in one pure function: which of the model's proposed labels get added, and why
 * each of the others does not. Nothing here ever removes a label.
 */
import picomatch from 'picomatch'
import type { Triage } from './schema.js'
import type { TriageSettings } from './settings.js'

/** A label the model proposed (or that the decision applies). */
export interface ProposedLabel {
  name: string
  confidence: number
  reason?: string | undefined
}

/** A label that exists in the repository. */
interface RepoLabel {
  name: string
  description?: string | null
}

/** Everything {@link decideLabels} needs; globs match label names case-insensitively. */
export interface DecideInput {
  proposed: readonly ProposedLabel[]
  repoLabels: readonly RepoLabel[]
  /** Labels on the issue now. */
  current: readonly string[]
  /** Labels whose latest change by a person was a removal (any case). */
  humanRemoved: ReadonlySet<string>
  /** `labels_allow` globs; empty allows every label. */
  allow: readonly string[]
  /** `labels_deny` globs. */
  deny: readonly string[]
  /** `exclusive_labels` globs: at most one label per group. */
  exclusive: readonly string[]
  maxLabels: number
  minConfidence: number
  fallback?: string
}

/** A proposal that is not applied, with the reason why. */
interface RejectedLabel {
  name: string
  confidence: number
  reason: string
}

/** What to add (in the repository's spelling) and what not; there are no removals. */
export interface Decision {
  apply: ProposedLabel[]
  rejected: RejectedLabel[]
  fallbackApplied: boolean
}

/** The reason recorded on the fallback label when it is applied. */
export const FALLBACK_REASON = 'no proposed label qualified (fallback_label)'

const key = (name: string): string => name.trim().toLowerCase()

// Labels are not paths: a `*` should cross `/` ("*" denies `area/ui` too). picomatch treats `/` as
// a separator, so it is swapped for a private-use character on both sides before matching.
const SLASH = '\uE000'

/** A case-insensitive matcher for label-name globs; an empty list matches nothing. */
export function labelMatcher(globs: readonly string[]): (name: string) => boolean {
  const list = globs.map(g => g.trim()).filter(g => g !== '')
  if (list.length === 0) return () => false
  const match = picomatch(
    list.map(g => g.replaceAll('/', SLASH)),
    { nocase: true, dot: true }
  )
  return name => match(name.trim().replaceAll('/', SLASH))
}

/**
 * The labels_allow / labels_deny check: why a label may not be applied, or undefined when it may.
 * An empty allow list allows every label.
 */
export function allowDenyCheck(
  allow: readonly string[],
  deny: readonly string[]
): (name: string) => 'denied by labels_deny' | 'not in labels_allow' | undefined {
  const denied = labelMatcher(deny)
  const allowed = labelMatcher(allow)
  const hasAllow = allow.some(g => g.trim() !== '')
  return name => {
    if (denied(name)) return 'denied by labels_deny'
    if (hasAllow && !allowed(name)) return 'not in labels_allow'
    return undefined
  }
}

// One entry per label name (case-insensitive), the most confident kept, then the most confident
// first; ties keep the model's order.
function dedupeAndRank(proposed: readonly ProposedLabel[]): ProposedLabel[] {
  const best = new Map<string, { p: ProposedLabel; i: number }>()
  proposed.forEach((p, i) => {
    const k = key(p.name)
    if (k === '') return
    const seen = best.get(k)
    if (!seen) best.set(k, { p, i })
    else if (p.confidence > seen.p.confidence) best.set(k, { p, i: seen.i })
  })
  return [...best.values()]
    .sort((a, b) => b.p.confidence - a.p.confidence || a.i - b.i)
    .map(x => ({ ...x.p, name: x.p.name.trim() }))
}

/** The rules of one decision, ready to apply to each proposal. */
interface Rules {
  /** Repository labels by key, first spelling kept. */
  repo: Map<string, RepoLabel>
  /** Keys of the labels on the issue. */
  current: Set<string>
  /** Keys of the labels a person removed last. */
  removed: Set<string>
  refused: ReturnType<typeof allowDenyCheck>
  groups: Array<{ glob: string; match: (name: string) => boolean }>
  minConfidence: number
}

function rulesOf(input: DecideInput): Rules {
  const repo = new Map<string, RepoLabel>()
  for (const l of input.repoLabels) if (!repo.has(key(l.name))) repo.set(key(l.name), l)
  return {
    repo,
    current: new Set(input.current.map(key)),
    removed: new Set([...input.humanRemoved].map(key)),
    refused: allowDenyCheck(input.allow, input.deny),
    groups: input.exclusive
      .map(g => g.trim())
      .filter(g => g !== '')
      .map(glob => ({ glob, match: labelMatcher([glob]) })),
    minConfidence: input.minConfidence
  }
}

/** Why a proposal cannot be applied whatever else is chosen, or undefined when it qualifies. */
function unfit(p: ProposedLabel, label: RepoLabel | undefined, r: Rules): string | undefined {
  if (!label) return 'not a label in this repository'
  const why = r.refused(label.name)
  if (why) return why
  if (r.removed.has(key(label.name))) return 'a human removed it'
  // Written so that NaN fails too.
  if (!(p.confidence >= r.minConfidence)) {
    return `confidence ${p.confidence.toFixed(2)} below min_confidence ${String(r.minConfidence)}`
  }
  return undefined
}

type Holders = Map<string, { name: string; confidence?: number }>

/**
 * Applies the triage rules: a proposal is added only if it is a repository label, not denied,
 * allowed, not removed earlier by a person, at least `minConfidence`, not already on the issue,
 * the first of its exclusive group (and the group has no label on the issue yet), and within
 * `maxLabels` (proposals already on the issue use up slots too, so a re-run adds nothing new).
 * `fallback` is added only when no proposal reached the confidence bar, it exists, is not on the
 * issue, and no person removed it.
 */
export function decideLabels(input: DecideInput): Decision {
  const r = rulesOf(input)
  const spell = (name: string): string => r.repo.get(key(name))?.name ?? name.trim()

  // Who holds each exclusive group: a label on the issue (a person or an earlier run chose it), or
  // the most confident label applied so far in this run.
  const holders: Holders = new Map()
  for (const g of r.groups) {
    const onIssue = input.current.find(c => g.match(c))
    if (onIssue !== undefined) holders.set(g.glob, { name: spell(onIssue) })
  }

  const apply: ProposedLabel[] = []
  const rejected: RejectedLabel[] = []
  let slots = 0
  let qualified = false

  for (const p of dedupeAndRank(input.proposed)) {
    const label = r.repo.get(key(p.name))
    const reject = (reason: string): void => {
      rejected.push({ name: label?.name ?? p.name, confidence: p.confidence, reason })
    }
    const why = unfit(p, label, r)
    if (why || !label) {
      reject(why ?? 'not a label in this repository')
      continue
    }
    const name = label.name
    qualified = true
    if (r.current.has(key(name))) {
      slots++
      reject('already on the issue')
      continue
    }
    const mine = r.groups.filter(g => g.match(name))
    const taken = mine.find(g => holders.has(g.glob))
    if (taken) {
      const holder = holders.get(taken.glob) as { name: string; confidence?: number }
      reject(
        holder.confidence === undefined
          ? `${taken.glob} already has ${holder.name}`
          : `lost to ${holder.name} (${String(holder.confidence)}) in exclusive group ${taken.glob}`
      )
      continue
    }
    if (slots >= input.maxLabels) {
      reject(`over max_labels ${String(input.maxLabels)}`)
      continue
    }
    slots++
    apply.push(
      p.reason === undefined
        ? { name, confidence: p.confidence }
        : { name, confidence: p.confidence, reason: p.reason }
    )
    for (const g of mine) holders.set(g.glob, { name, confidence: p.confidence })
  }

  const fallback = qualified ? undefined : fallbackOf(input.fallback, r, holders)
  if (fallback) apply.push({ name: fallback.name, confidence: 0, reason: FALLBACK_REASON })
  return { apply, rejected, fallbackApplied: fallback !== undefined }
}

/** The fallback label when it may be applied: it exists, is not on the issue, nobody removed it. */
function fallbackOf(name: string | undefined, r: Rules, holders: Holders): RepoLabel | undefined {
  const fallback = name?.trim() ? r.repo.get(key(name)) : undefined
  if (
    fallback &&
    !r.current.has(key(fallback.name)) &&
    !r.removed.has(key(fallback.name)) &&
    !r.groups.some(g => g.match(fallback.name) && holders.has(g.glob))
  ) {
    return fallback
  }
  return undefined
}

/**
 * {@link decideLabels} for one issue of a triage job: the job's settings and the repository's
 * labels; the fallback label only when `withFallback` (a backtest scores without it).
 */
export function decideFor(
  settings: TriageSettings,
  repoLabels: readonly RepoLabel[],
  triage: Triage,
  current: readonly string[],
  humanRemoved: ReadonlySet<string>,
  withFallback: boolean
): Decision {
  return decideLabels({
    proposed: triage.labels,
    repoLabels,
    current,
    humanRemoved,
    allow: settings.allow,
    deny: settings.deny,
    exclusive: settings.exclusive,
    maxLabels: settings.maxLabels,
    minConfidence: settings.minConfidence,
    ...(withFallback && settings.fallback ? { fallback: settings.fallback } : {})
  })
}
