/**
 * The repository context triage reads before asking the model: the repository's labels, the
 * labels the model may choose from, a few labelled examples, and an issue's label history.
 */
import type { GitHubApi, Issue, Label } from '../../github/api.js'
import { DEFERRED_LABEL } from '../usage/deferred.js'
import { allowDenyCheck } from './decide.js'
import type { TriageSettings } from './settings.js'
import { humanLabelHistory } from './timeline.js'

/** How many labelled issues the prompt shows as examples. */
export const EXAMPLE_COUNT = 8

/** Issues listed at most in one query (to count a backlog, or to pick backtest cases). */
export const BACKFILL_COUNT_CAP = 1000

/** What every issue of one job shares: the repository's labels and a few labelled examples. */
export interface RepoContext {
  repoLabels: Label[]
  /** The labels the model may choose from (labels_allow/labels_deny applied). */
  offered: Label[]
  /** Recently updated labelled issues, their labels narrowed to the offered ones. */
  examples: Issue[]
}

/** A label name as GitHub compares them: trimmed, any case. */
export const labelKey = (name: string): string => name.trim().toLowerCase()

/** A predicate for labels that labels_allow/labels_deny let through. */
export function offeredBy(settings: TriageSettings): (name: string) => boolean {
  const refused = allowDenyCheck(settings.allow, settings.deny)
  // The action's own queue label is never the model's to choose.
  return name => refused(name) === undefined && labelKey(name) !== DEFERRED_LABEL.name
}

/** Reads the repository's labels and recent labelled issues once per job. */
export async function loadRepoContext(
  github: GitHubApi,
  settings: TriageSettings
): Promise<RepoContext> {
  const repoLabels = await github.listLabels()
  const offer = offeredBy(settings)
  const offered = repoLabels.filter(l => offer(l.name))
  const offeredKeys = new Set(offered.map(l => labelKey(l.name)))
  // Examples show the taxonomy the model may use: labels it may not choose are left out of them.
  const recent = await github.listIssues({
    state: 'all',
    sort: 'updated',
    direction: 'desc',
    limit: 60
  })
  const examples = recent
    .map(i => ({ ...i, labels: i.labels.filter(n => offeredKeys.has(labelKey(n))) }))
    .filter(i => i.labels.length > 0)
    .slice(0, EXAMPLE_COUNT + 1)
  return { repoLabels, offered, examples }
}

/** The labels a person took off the issue last (lower-cased): triage never adds them back. */
export async function humanRemovedOf(
  github: GitHubApi,
  issue: number
): Promise<ReadonlySet<string>> {
  return humanLabelHistory(await github.listTimeline(issue)).humanRemoved
}
