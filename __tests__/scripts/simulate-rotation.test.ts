/**
 * The rotation model (scripts/simulate-rotation) on cases small enough to work out by hand, and
 * the properties the documented recommendation rests on: determinism, races between
 * repositories that refresh for themselves, none within one repository's concurrency group.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { simulate, type ModelConfig } from '../../scripts/simulate-rotation/model.js'
import { layOutRuns, seededRandom, type Timing } from '../../scripts/simulate-rotation/schedule.js'
import {
  comparison,
  DEFAULT_SCENARIO,
  modelConfig,
  RECOMMENDED,
  STRATEGIES
} from '../../scripts/simulate-rotation/strategies.js'
import { main } from '../../scripts/simulate-rotation/index.js'

const H = 60
const NO_TIME = [0, 0] as const

/** Everything instantaneous and exact: no queue, no setup, no skew, a login fresh at minute 0. */
function handCase(
  over: Partial<Omit<ModelConfig, 'timing'>> & { timing: Partial<Timing> }
): ModelConfig {
  return {
    seed: 1,
    consumer: { refresh: 'never', minValidityMin: 30 },
    lifetimeMin: 8 * H,
    initialLeftMin: 8 * H,
    skewMin: 0,
    writeDelayMin: 0,
    cliMarginMin: 5,
    reuseRevokes: false,
    ...over,
    timing: {
      repos: 1,
      runsPerDay: 1,
      days: 30,
      queueDelay: NO_TIME,
      setup: NO_TIME,
      duration: NO_TIME,
      ...over.timing
    }
  }
}

describe('simulate-rotation: cases worked out by hand', () => {
  it('1 repo, 1 run a day at 10:00, rotator every 4h with min_validity 5h: 179 refreshes, no race, no failure, 6h headroom', () => {
    // Rotator at 0:00, 4:00, … (180 runs in 30 days). At 0:00 the token has 8h ≥ 5h: kept. From
    // 4:00 on it always has 4h < 5h: every later run refreshes (179), to 8h. The 10:00 run reads
    // the 8:00 token: 16:00 − 10:00 = 6h left.
    const f = simulate(
      handCase({
        timing: {
          fixedTimes: [[10 * H]],
          rotator: {
            everyMin: 4 * H,
            offsetMin: 0,
            delay: NO_TIME,
            dropRate: 0,
            setup: NO_TIME,
            duration: NO_TIME
          }
        },
        rotatorMinValidityMin: 5 * H
      })
    )
    expect(f).toEqual({
      consumerRuns: 30,
      rotatorRuns: 180,
      refreshes: 179,
      cliRefreshes: 0,
      races: 0,
      failedRuns: 0,
      failedRotatorRuns: 0,
      failures: {},
      regressions: 0,
      worstHeadroomMin: 6 * H
    })
  })

  it('the same with min_validity 3h: the 4:00 run keeps a 4h token, so the 7:00 run finds 1h and fails early', () => {
    // Rotator: 0:00 keeps (8h), 4:00 keeps (4h ≥ 3h), 8:00 finds 0h and refreshes (to 16:00),
    // 12:00 keeps (4h), 16:00 refreshes (to 24:00), 20:00 keeps. A run at 7:00 reads the 8:00
    // expiry: 1h, less than its min_validity of 2h.
    const f = simulate(
      handCase({
        consumer: { refresh: 'never', minValidityMin: 2 * H },
        timing: {
          days: 1,
          fixedTimes: [[7 * H]],
          rotator: {
            everyMin: 4 * H,
            offsetMin: 0,
            delay: NO_TIME,
            dropRate: 0,
            setup: NO_TIME,
            duration: NO_TIME
          }
        },
        rotatorMinValidityMin: 3 * H
      })
    )
    expect(f.failures).toEqual({ 'inside min_validity (refresh: never)': 1 })
    expect(f.worstHeadroomMin).toBe(1 * H)
    expect(f.refreshes).toBe(2)
    expect(f.races).toBe(0)
  })

  it('two repositories on refresh: auto whose runs overlap: one refreshes, the other lost the race', () => {
    // Both read the secret at 10:00 (token: 10 minutes left, < 30m) and check it a minute later:
    // the first exchanges refresh token 0, the second presents the same consumed token.
    // Next day both read the first one's login (expired by then): the same again.
    const f = simulate(
      handCase({
        consumer: { refresh: 'auto', minValidityMin: 30 },
        initialLeftMin: 10 * H + 10,
        timing: { repos: 2, days: 2, fixedTimes: [[10 * H]], setup: [1, 1] }
      })
    )
    expect(f.refreshes).toBe(2)
    expect(f.races).toBe(2)
    expect(f.failedRuns).toBe(2)
    expect(f.failures).toEqual({ 'lost a refresh race': 2 })
    // Day 1 10:01 with the 10:10 token: 9m; day 2 10:01 with the day-1 token ending at 18:01.
    expect(f.worstHeadroomMin).toBe(18 * H + 1 - (24 * H + 10 * H + 1))
  })

  it('the same two repositories an hour apart: the second reads the rotated login and never refreshes', () => {
    const f = simulate(
      handCase({
        consumer: { refresh: 'auto', minValidityMin: 30 },
        initialLeftMin: 10 * H + 10,
        timing: { repos: 2, days: 1, fixedTimes: [[10 * H], [11 * H]], setup: [1, 1] }
      })
    )
    expect(f).toMatchObject({ refreshes: 1, races: 0, failedRuns: 0, regressions: 0 })
    // 10:01 finds 9m; 11:01 finds the new token's 8h less 1h.
    expect(f.worstHeadroomMin).toBe(9)
  })

  it('one repository: its concurrency group serialises the runs, so overlapping triggers never race', () => {
    const f = simulate(
      handCase({
        consumer: { refresh: 'auto', minValidityMin: 30 },
        initialLeftMin: 10 * H + 10,
        timing: { days: 3, fixedTimes: [[10 * H, 10 * H, 10 * H]], setup: [1, 1], duration: [5, 5] }
      })
    )
    expect(f.races).toBe(0)
    expect(f.failedRuns).toBe(0)
    expect(f.consumerRuns).toBe(9)
  })

  it('a consumer on refresh: never whose job outlives its token: the CLI refreshes, nothing is written back, and the rotator then loses', () => {
    // The job runs 10:00 → 12:00 with a token ending 11:00: the CLI refreshes at 10:55 (token 0 →
    // 1) and the post step has no secrets_token. The rotator at 12:00 holds token 0: a race.
    const f = simulate(
      handCase({
        initialLeftMin: 11 * H,
        consumer: { refresh: 'never', minValidityMin: 30 },
        rotatorMinValidityMin: 5 * H,
        timing: {
          days: 1,
          fixedTimes: [[10 * H]],
          duration: [2 * H, 2 * H],
          rotator: {
            everyMin: 24 * H,
            offsetMin: 12 * H,
            delay: NO_TIME,
            dropRate: 0,
            setup: NO_TIME,
            duration: NO_TIME
          }
        }
      })
    )
    expect(f).toMatchObject({ cliRefreshes: 1, refreshes: 1, races: 1, failedRotatorRuns: 1 })
    expect(f.failures).toEqual({ 'lost a refresh race': 1 })
  })

  it('a min_validity no fresh token can meet fails the rotator right after its refresh', () => {
    const f = simulate(
      handCase({
        skewMin: 1,
        rotatorMinValidityMin: 8 * H,
        timing: {
          runsPerDay: 0,
          days: 1,
          rotator: {
            everyMin: 24 * H,
            offsetMin: 0,
            delay: NO_TIME,
            dropRate: 0,
            setup: NO_TIME,
            duration: NO_TIME
          }
        }
      })
    )
    expect(f.failures).toEqual({ 'min_validity longer than a fresh token': 1 })
  })

  it('reuse revoking the chain: after the first race every later run fails', () => {
    const f = simulate(
      handCase({
        consumer: { refresh: 'auto', minValidityMin: 30 },
        initialLeftMin: 10 * H + 10,
        reuseRevokes: true,
        timing: { repos: 2, days: 3, fixedTimes: [[10 * H]], setup: [1, 1] }
      })
    )
    expect(f.races).toBe(1)
    expect(f.failures).toEqual({ 'lost a refresh race': 1, 'chain revoked': 4 })
  })
})

describe('simulate-rotation: the model as a whole', () => {
  it('is deterministic: the same seed gives the same figures, another seed other run times', () => {
    const cfg = modelConfig(STRATEGIES[0]!, { ...DEFAULT_SCENARIO, repos: 20 })
    expect(simulate(cfg)).toEqual(simulate(cfg))
    const a = layOutRuns(cfg.timing, seededRandom(1)).map(r => r.readAt)
    const b = layOutRuns(cfg.timing, seededRandom(2)).map(r => r.readAt)
    expect(a).not.toEqual(b)
  })

  it('lays out N × M × days runs, a rotator run every interval, and no overlap within a repository', () => {
    const cfg = modelConfig(RECOMMENDED, { ...DEFAULT_SCENARIO, repos: 3, runsPerDay: 8 })
    const runs = layOutRuns(cfg.timing, seededRandom(7))
    expect(runs.filter(r => !r.rotator)).toHaveLength(3 * 8 * 30)
    expect(runs.filter(r => r.rotator)).toHaveLength(30 * 24)
    for (const repo of [-1, 0, 1, 2]) {
      const mine = runs.filter(r => r.repo === repo).sort((x, y) => x.readAt - y.readAt)
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i]!.readAt).toBeGreaterThanOrEqual(mine[i - 1]!.endAt)
      }
    }
  })

  it('200 repositories refreshing for themselves race; the recommended rotator gives none and no failure', () => {
    const sc = { ...DEFAULT_SCENARIO, repos: 200 }
    expect(simulate(modelConfig(STRATEGIES[0]!, sc)).races).toBeGreaterThan(0)
    const rec = simulate(modelConfig(RECOMMENDED, sc))
    expect(rec).toMatchObject({ races: 0, failedRuns: 0, failedRotatorRuns: 0 })
    expect(rec.worstHeadroomMin).toBeGreaterThan(30)
  })

  it('--table prints both markdown tables for 1, 10 and 200 repositories; bad flags exit 2', () => {
    let out = ''
    expect(main(['--table', '--days', '3'], s => (out += s))).toBe(0)
    expect(out).toBe(`${comparison({ ...DEFAULT_SCENARIO, days: 3 })}\n`)
    expect(out.match(/^\| (1|10|200) \|/gm)).toHaveLength(2 * 3 * STRATEGIES.length)
    out = ''
    expect(main(['--repos', '2', '--every', '1h', '--refresh', 'never'], s => (out += s))).toBe(0)
    expect(out).toContain('| 2 | rotator every 1h, min_validity 5h; consumers refresh: never')
    expect(main(['--refresh', 'sometimes'], () => undefined)).toBe(2)
    expect(main(['--every', 'soon'], () => undefined)).toBe(2)
  })

  it('docs/organisation.md shows exactly the figures --table prints', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
    const doc = readFileSync(path.join(root, 'docs', 'organisation.md'), 'utf8')
    expect(doc).toContain(comparison(DEFAULT_SCENARIO))
  })
})
