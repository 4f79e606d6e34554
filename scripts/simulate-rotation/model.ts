/**
 * A discrete-event model of one subscription login shared by many repositories through one
 * organisation secret (SPEC "Usage" → "An organisation, one login"). Pure and deterministic: a
 * seed in, the same figures out; no clock, no Math.random.
 *
 * What it models, from docs/claude-cli-facts.md ("Refresh and rotation") and the action:
 * - An access token lasts `lifetimeMin` (about 8 h). A refresh ROTATES: it consumes the refresh
 *   token and issues a new one. A second refresh of a consumed token is refused (`invalid_grant`):
 *   that is a race, and the run that lost it fails (the CLI even wipes its copy). Old access tokens
 *   keep working until they expire. With `reuseRevokes` a refused reuse also kills the whole chain
 *   (some OAuth servers do; the facts do not say Anthropic's does), and every later run fails.
 * - A run holds the secret as it was when a runner picked the job up (`readAt`). The action
 *   checks the login at `checkAt`: inside `min_validity` with `refresh: auto` it refreshes and
 *   writes the new login back (a few seconds later); with `refresh: never` the run fails early.
 * - A token that would expire during the job is refreshed by the CLI itself (5 minutes before,
 *   or on the 401); the post step writes that back only when the run has `secrets_token`.
 * - Write-back is last-write-wins: GitHub secrets have no compare-and-swap.
 */
import { layOutRuns, seededRandom, type Run, type Timing } from './schedule.js'

/** What a job does with the login: the action's `refresh` and `min_validity` inputs. */
export interface Policy {
  refresh: 'auto' | 'never'
  minValidityMin: number
}

export interface ModelConfig {
  seed: number
  timing: Timing
  consumer: Policy
  /** The rotator's min_validity (it runs with refresh: auto and secrets_token). */
  rotatorMinValidityMin?: number
  lifetimeMin: number
  /** Minutes left on the access token of the login as captured at minute 0. */
  initialLeftMin: number
  /** The action treats a token as ending this much earlier (validate.ts CLOCK_SKEW_MS). */
  skewMin: number
  /** From a refresh to the secret holding the new login (GitHub's API, a few seconds). */
  writeDelayMin: number
  /** The CLI refreshes a token with less than this left when it starts (5 minutes). */
  cliMarginMin: number
  reuseRevokes: boolean
}

/** Why a run failed. */
export type FailReason =
  | 'inside min_validity (refresh: never)'
  | 'expired (refresh: never)'
  | 'lost a refresh race'
  | 'chain revoked'
  | 'min_validity longer than a fresh token'

export interface Figures {
  consumerRuns: number
  rotatorRuns: number
  refreshes: number
  /** Refreshes the CLI made during a job (not the action before it). */
  cliRefreshes: number
  /** Refreshes of a refresh token that was already consumed. */
  races: number
  failedRuns: number
  failedRotatorRuns: number
  failures: Partial<Record<FailReason, number>>
  /** Write-backs that replaced a newer login with an older one. */
  regressions: number
  /** The least time left on the access token a consumer run read, at its check (minutes). */
  worstHeadroomMin: number
}

/** A copy of the login: which refresh token it holds and when its access token expires. */
interface Copy {
  refresh: number
  expiresAt: number
}

type Event =
  | { at: number; order: 0; kind: 'write'; copy: Copy }
  | { at: number; order: 1; kind: 'read'; run: Run }
  | { at: number; order: 2; kind: 'check'; run: Run }
  | { at: number; order: 3; kind: 'cli'; run: Run }

/** The shared state the events act on. */
interface World {
  cfg: ModelConfig
  /** The one refresh token the server still accepts; every older one is consumed. */
  current: number
  revoked: boolean
  secret: Copy
  held: Map<number, Copy>
  queue: EventQueue
  figures: Figures
}

/** Runs the model once. */
export function simulate(cfg: ModelConfig): Figures {
  const rand = seededRandom(cfg.seed)
  const runs = layOutRuns(cfg.timing, rand)
  const w: World = {
    cfg,
    current: 0,
    revoked: false,
    secret: { refresh: 0, expiresAt: cfg.initialLeftMin },
    held: new Map(),
    queue: new EventQueue(),
    figures: {
      consumerRuns: runs.filter(r => !r.rotator).length,
      rotatorRuns: runs.filter(r => r.rotator).length,
      refreshes: 0,
      cliRefreshes: 0,
      races: 0,
      failedRuns: 0,
      failedRotatorRuns: 0,
      failures: {},
      regressions: 0,
      worstHeadroomMin: Infinity
    }
  }
  for (const run of runs) w.queue.push({ at: run.readAt, order: 1, kind: 'read', run })
  for (let e = w.queue.pop(); e; e = w.queue.pop()) {
    if (e.kind === 'write') write(w, e.copy)
    else if (e.kind === 'read') {
      w.held.set(e.run.id, { ...w.secret })
      w.queue.push({ at: e.run.checkAt, order: 2, kind: 'check', run: e.run })
    } else if (e.kind === 'check') check(w, e.run)
    else cliRefresh(w, e.run, e.at)
  }
  return w.figures
}

function policyOf(w: World, run: Run): Policy & { canWriteBack: boolean } {
  if (run.rotator) {
    return { refresh: 'auto', minValidityMin: w.cfg.rotatorMinValidityMin ?? 0, canWriteBack: true }
  }
  // A consumer on refresh: auto has secrets_token (the action refreshes only when it can write
  // back); one on refresh: never has none, as the recommended setup gives it.
  return { ...w.cfg.consumer, canWriteBack: w.cfg.consumer.refresh === 'auto' }
}

function fail(w: World, run: Run, reason: FailReason): void {
  if (run.rotator) w.figures.failedRotatorRuns++
  else w.figures.failedRuns++
  w.figures.failures[reason] = (w.figures.failures[reason] ?? 0) + 1
}

/** Exchanges the copy's refresh token at `at`: the new copy, or undefined when it lost a race. */
function exchange(w: World, copy: Copy, at: number): Copy | undefined {
  if (copy.refresh !== w.current) {
    w.figures.races++
    if (w.cfg.reuseRevokes) w.revoked = true
    return undefined
  }
  w.current++
  w.figures.refreshes++
  return { refresh: w.current, expiresAt: at + w.cfg.lifetimeMin }
}

/** The action's check before the job: use the login, refresh it, or fail early. */
function check(w: World, run: Run): void {
  const t = run.checkAt
  let copy = w.held.get(run.id) as Copy
  if (!run.rotator) {
    w.figures.worstHeadroomMin = Math.min(w.figures.worstHeadroomMin, copy.expiresAt - t)
  }
  if (w.revoked) return fail(w, run, 'chain revoked')
  const p = policyOf(w, run)
  const left = copy.expiresAt - w.cfg.skewMin - t
  if (left < p.minValidityMin) {
    if (p.refresh === 'never') {
      return fail(
        w,
        run,
        left > 0 ? 'inside min_validity (refresh: never)' : 'expired (refresh: never)'
      )
    }
    const fresh = exchange(w, copy, t)
    if (!fresh) return fail(w, run, 'lost a refresh race')
    w.queue.push({ at: t + w.cfg.writeDelayMin, order: 0, kind: 'write', copy: fresh })
    copy = fresh
    w.held.set(run.id, copy)
    if (copy.expiresAt - w.cfg.skewMin - t < p.minValidityMin) {
      return fail(w, run, 'min_validity longer than a fresh token')
    }
  }
  // The CLI refreshes by itself a token that runs out before the job ends.
  const cliAt = Math.max(t, copy.expiresAt - w.cfg.cliMarginMin)
  if (cliAt < run.endAt) w.queue.push({ at: cliAt, order: 3, kind: 'cli', run })
}

/** The CLI's own refresh during the job; its post step writes the result back if it may. */
function cliRefresh(w: World, run: Run, at: number): void {
  if (w.revoked) return fail(w, run, 'chain revoked')
  const fresh = exchange(w, w.held.get(run.id) as Copy, at)
  if (!fresh) return fail(w, run, 'lost a refresh race')
  w.figures.cliRefreshes++
  w.held.set(run.id, fresh)
  // Without secrets_token nothing is written: the secret keeps a consumed refresh token.
  if (policyOf(w, run).canWriteBack) {
    w.queue.push({ at: run.endAt, order: 0, kind: 'write', copy: fresh })
  }
}

function write(w: World, copy: Copy): void {
  if (copy.refresh < w.secret.refresh) w.figures.regressions++
  w.secret = copy
}

/** A binary heap of events by time, then `order`, then insertion: deterministic ties. */
class EventQueue {
  private heap: Array<{ e: Event; seq: number }> = []
  private seq = 0

  push(e: Event): void {
    this.heap.push({ e, seq: this.seq++ })
    let i = this.heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  pop(): Event | undefined {
    const top = this.heap[0]
    const last = this.heap.pop()
    if (!top || !last) return undefined
    if (this.heap.length === 0) return top.e
    this.heap[0] = last
    for (let i = 0; ;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < this.heap.length && this.before(l, m)) m = l
      if (r < this.heap.length && this.before(r, m)) m = r
      if (m === i) break
      this.swap(i, m)
      i = m
    }
    return top.e
  }

  private before(i: number, j: number): boolean {
    const a = this.heap[i] as { e: Event; seq: number }
    const b = this.heap[j] as { e: Event; seq: number }
    return a.e.at !== b.e.at
      ? a.e.at < b.e.at
      : a.e.order !== b.e.order
        ? a.e.order < b.e.order
        : a.seq < b.seq
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as { e: Event; seq: number }
    this.heap[i] = this.heap[j] as { e: Event; seq: number }
    this.heap[j] = t
  }
}
