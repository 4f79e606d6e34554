/**
 * The runs a simulation replays, laid out before anything happens to the login: when each run is
 * triggered, when a runner picks it up (and GitHub resolves the secret), when the action checks
 * the login, and when the job ends. Pure and deterministic: every random figure comes from the
 * seeded generator, in a fixed order.
 */

export { seededRandom } from '../seeded-random.js'

/** A closed range of minutes; a random figure in it is uniform. */
export type Span = readonly [number, number]

const between = (rand: () => number, [lo, hi]: Span): number => lo + (hi - lo) * rand()

export const MINUTES_PER_DAY = 1440

/** How the consumers' runs and the rotator's runs are timed. */
export interface Timing {
  /** Consumer repositories. */
  repos: number
  /** Runs a day in each repository, at random times (or at `fixedTimes`). */
  runsPerDay: number
  days: number
  /**
   * Minutes after midnight of the runs, instead of random times (hand-checked cases): the list at
   * `repo % fixedTimes.length` is that repository's, every day.
   */
  fixedTimes?: ReadonlyArray<readonly number[]>
  /** From the trigger to a runner picking the job up (the secret is read then). */
  queueDelay: Span
  /** From picking the job up to the action checking the login (checkout, CLI install). */
  setup: Span
  /** From the check to the end of the job (the CLI's run, then the post step). */
  duration: Span
  /** The rotator: every `everyMin` from `offsetMin`; none when undefined. */
  rotator?: RotatorTiming
}

/** A scheduled job: GitHub starts it late, by `delay`, and may drop a run altogether. */
export interface RotatorTiming {
  everyMin: number
  offsetMin: number
  delay: Span
  /** The fraction of scheduled runs GitHub drops (0: none). */
  dropRate: number
  setup: Span
  duration: Span
}

/** One run, timed. `repo` is the consumer repository's index, or -1 for the rotator. */
export interface Run {
  id: number
  repo: number
  rotator: boolean
  triggeredAt: number
  /** A runner picked the job up and resolved the secret: the run holds the secret as it was then. */
  readAt: number
  /** The action assesses (and may refresh) the login it read. */
  checkAt: number
  /** The job ends: its post step writes back what the CLI rotated, if it may. */
  endAt: number
}

/**
 * Lays out every run. Runs of one repository never overlap: the documented concurrency group
 * (`claude-auth-<secret>`) holds a run until the one before it has ended. The group spans one
 * repository only, so runs in different repositories overlap freely.
 */
export function layOutRuns(t: Timing, rand: () => number): Run[] {
  const runs: Run[] = []
  const horizon = t.days * MINUTES_PER_DAY
  for (let repo = 0; repo < t.repos; repo++) {
    const triggers: number[] = []
    for (let day = 0; day < t.days; day++) {
      const times =
        t.fixedTimes?.[repo % t.fixedTimes.length] ??
        Array.from({ length: t.runsPerDay }, () => rand() * MINUTES_PER_DAY)
      for (const m of times) triggers.push(day * MINUTES_PER_DAY + m)
    }
    triggers.sort((a, b) => a - b)
    let free = -Infinity
    for (const triggeredAt of triggers) {
      const readAt = Math.max(triggeredAt + between(rand, t.queueDelay), free)
      const checkAt = readAt + between(rand, t.setup)
      const endAt = checkAt + between(rand, t.duration)
      free = endAt
      runs.push({ id: runs.length, repo, rotator: false, triggeredAt, readAt, checkAt, endAt })
    }
  }
  if (t.rotator) runs.push(...rotatorRuns(t.rotator, horizon, runs.length, rand))
  return runs
}

/** The rotator's scheduled runs (one repository, so they never overlap either). */
function rotatorRuns(r: RotatorTiming, horizon: number, firstId: number, rand: () => number) {
  const runs: Run[] = []
  let free = -Infinity
  for (let at = r.offsetMin; at < horizon; at += r.everyMin) {
    const delay = between(rand, r.delay)
    if (r.dropRate > 0 && rand() < r.dropRate) continue
    const readAt = Math.max(at + delay, free)
    const checkAt = readAt + between(rand, r.setup)
    const endAt = checkAt + between(rand, r.duration)
    free = endAt
    runs.push({
      id: firstId + runs.length,
      repo: -1,
      rotator: true,
      triggeredAt: at,
      readAt,
      checkAt,
      endAt
    })
  }
  return runs
}
