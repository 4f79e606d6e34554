/**
 * Who touched which label: read from an issue's timeline (or events) so triage never re-adds a label
 * a person took off.
 */

import type { TimelineEvent } from '../../github/types.js'

export type { TimelineEvent }

/** Labels whose latest labeled/unlabeled event by a person was an add, or a removal. */
interface HumanLabelHistory {
  /** Lower-cased names a person added last. */
  humanAdded: Set<string>
  /** Lower-cased names a person removed last. */
  humanRemoved: Set<string>
}

/** Options for {@link humanLabelHistory}. */
interface TimelineOptions {
  /**
   * Extra logins to treat as automation, e.g. the user behind a personal access token the action
   * writes with (its label events would otherwise look human).
   */
  botLogins?: string[]
}

function isHuman(actor: TimelineEvent['actor'], botLogins: Set<string>): boolean {
  // An event without an actor is treated as a person's: wrongly assuming a bot could re-add a
  // label someone removed, which is the one thing triage must never do.
  if (!actor) return true
  const login = actor.login.toLowerCase()
  if (actor.type === 'Bot' || login.endsWith('[bot]')) return false
  return !botLogins.has(login)
}

// Chronological order, stable; if any timestamp is unreadable the given order (the API's, which is
// already chronological) is kept.
function chronological(events: readonly TimelineEvent[]): TimelineEvent[] {
  const times = events.map(e => (e.created_at ? Date.parse(e.created_at) : NaN))
  if (times.some(t => Number.isNaN(t))) return [...events]
  return events
    .map((event, i) => ({ event, i, t: times[i] as number }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(x => x.event)
}

/**
 * Derives the labels people added and removed. Only `labeled`/`unlabeled` events by people count;
 * bots (including the action's own `github-actions[bot]`) are ignored. For each label the latest
 * such event decides: an add puts it in `humanAdded`, a removal in `humanRemoved`. Names are
 * lower-cased because GitHub label names are case-insensitive.
 */
export function humanLabelHistory(
  events: readonly TimelineEvent[],
  options: TimelineOptions = {}
): HumanLabelHistory {
  const botLogins = new Set((options.botLogins ?? []).map(l => l.toLowerCase()))
  const last = new Map<string, 'labeled' | 'unlabeled'>()
  for (const e of chronological(events)) {
    if (e.event !== 'labeled' && e.event !== 'unlabeled') continue
    const name = e.label?.name?.trim()
    if (!name || !isHuman(e.actor, botLogins)) continue
    last.set(name.toLowerCase(), e.event)
  }
  const humanAdded = new Set<string>()
  const humanRemoved = new Set<string>()
  for (const [name, kind] of last) (kind === 'labeled' ? humanAdded : humanRemoved).add(name)
  return { humanAdded, humanRemoved }
}
