/**
 * The setups `npm run simulate-rotation` compares, the defaults it models them with, and the
 * markdown it prints. Pure: the same options give the same text.
 */
import { simulate, type Figures, type FailReason, type ModelConfig } from './model.js'
import type { Span } from './schedule.js'

const H = 60

/** One way to run an organisation's login: who refreshes, how often, with what margins. */
export interface Strategy {
  name: string
  consumer: ModelConfig['consumer']
  /** No rotator when undefined. */
  rotator?: { everyMin: number; minValidityMin: number }
}

/** The knobs of a simulation beyond the strategy (the command line sets them). */
export interface Scenario {
  repos: number
  runsPerDay: number
  days: number
  seed: number
  /** Consumers' runner queue delay, at most. */
  queueDelayMax: number
  /** How late GitHub starts a scheduled rotator run, at most. */
  rotatorDelayMax: number
  rotatorDropRate: number
  reuseRevokes: boolean
}

export const DEFAULT_SCENARIO: Scenario = {
  repos: 10,
  runsPerDay: 10,
  days: 30,
  seed: 1,
  queueDelayMax: 10,
  rotatorDelayMax: 60,
  rotatorDropRate: 0,
  reuseRevokes: false
}

/** Minute 23 of the hour, as the example cron lines (`'23 *\/4 * * *'`). */
const ROTATOR_OFFSET = 23
const SETUP: Span = [0.5, 3]
const JOB: Span = [2, 15]
const ROTATOR_SETUP: Span = [0.5, 2]
const ROTATOR_JOB: Span = [0.2, 1]

/** The full model configuration of a strategy in a scenario. */
export function modelConfig(s: Strategy, sc: Scenario): ModelConfig {
  return {
    seed: sc.seed,
    timing: {
      repos: sc.repos,
      runsPerDay: sc.runsPerDay,
      days: sc.days,
      queueDelay: [0, sc.queueDelayMax],
      setup: SETUP,
      duration: JOB,
      ...(s.rotator
        ? {
            rotator: {
              everyMin: s.rotator.everyMin,
              offsetMin: ROTATOR_OFFSET,
              delay: [0, sc.rotatorDelayMax] as Span,
              dropRate: sc.rotatorDropRate,
              setup: ROTATOR_SETUP,
              duration: ROTATOR_JOB
            }
          }
        : {})
    },
    consumer: s.consumer,
    ...(s.rotator ? { rotatorMinValidityMin: s.rotator.minValidityMin } : {}),
    lifetimeMin: 8 * H,
    initialLeftMin: 8 * H,
    skewMin: 1,
    writeDelayMin: 0.2,
    cliMarginMin: 5,
    reuseRevokes: sc.reuseRevokes
  }
}

const rotated = (everyH: number, minH: number, refresh: 'auto' | 'never' = 'never'): Strategy => ({
  name: `rotator every ${everyH}h, min_validity ${minH}h; consumers refresh: ${refresh}`,
  consumer: { refresh, minValidityMin: 30 },
  rotator: { everyMin: everyH * H, minValidityMin: minH * H }
})

/** The comparison `--table` prints (consumers keep the default min_validity, 30m). */
export const STRATEGIES: Strategy[] = [
  { name: 'no rotator; everyone refresh: auto', consumer: { refresh: 'auto', minValidityMin: 30 } },
  rotated(6, 3),
  rotated(4, 3),
  rotated(4, 5),
  rotated(2, 6),
  rotated(1, 5),
  rotated(1, 5, 'auto')
]

/** The strategy the docs recommend (docs/organisation.md, .github/workflows/claude-rotate.yml). */
export const RECOMMENDED = rotated(1, 5)

/** A bad day on GitHub: scheduled runs up to 90 minutes late and one in ten dropped. */
export function stressed(sc: Scenario): Scenario {
  return { ...sc, rotatorDelayMax: Math.max(sc.rotatorDelayMax, 90), rotatorDropRate: 0.1 }
}

/** The repository counts the issue asks about. */
export const REPO_COUNTS = [1, 10, 200]

/** `5h 12m`, `-3h 4m`, `45m`, from minutes. */
export function formatMinutes(min: number): string {
  if (!Number.isFinite(min)) return 'n/a'
  const sign = min < 0 ? '-' : ''
  const total = Math.round(Math.abs(min))
  const h = Math.floor(total / 60)
  const m = total % 60
  return h > 0 ? `${sign}${h}h ${m}m` : `${sign}${m}m`
}

/** The failures by reason, in words: `12 lost a refresh race, 3 expired (refresh: never)`. */
export function failureWords(f: Figures): string {
  const parts = (Object.entries(f.failures) as Array<[FailReason, number]>)
    .filter(([, n]) => n > 0)
    .map(([why, n]) => `${n} ${why}`)
  return parts.length ? parts.join(', ') : 'none'
}

export const HEADER = [
  'repos',
  'strategy',
  'consumer runs',
  'refreshes',
  'races',
  'failed runs',
  'failed rotator runs',
  'worst headroom',
  'why runs failed'
]

/** One table row. */
export function row(repos: number, name: string, f: Figures): string[] {
  return [
    String(repos),
    name,
    String(f.consumerRuns),
    String(f.refreshes),
    String(f.races),
    String(f.failedRuns),
    f.rotatorRuns ? String(f.failedRotatorRuns) : '–',
    formatMinutes(f.worstHeadroomMin),
    failureWords(f)
  ]
}

/** A markdown table. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Every strategy for 1, 10 and 200 repositories, as markdown: as given, then stressed. */
export function comparison(sc: Scenario): string {
  return [
    '#### As scheduled',
    '',
    comparisonTable(sc),
    '',
    '#### A bad day on GitHub, every day',
    '',
    comparisonTable(stressed(sc))
  ].join('\n')
}

function comparisonTable(sc: Scenario): string {
  const rows: string[][] = []
  for (const repos of REPO_COUNTS) {
    for (const s of STRATEGIES) {
      rows.push(row(repos, s.name, simulate(modelConfig(s, { ...sc, repos }))))
    }
  }
  return [
    `${sc.runsPerDay} runs a day per repository at random times over ${sc.days} days (seed ${sc.seed}); ` +
      `consumers queue up to ${sc.queueDelayMax}m, scheduled rotator runs start up to ` +
      `${sc.rotatorDelayMax}m late` +
      (sc.rotatorDropRate ? `, ${Math.round(sc.rotatorDropRate * 100)} % of them dropped` : '') +
      (sc.reuseRevokes ? '; a refused reuse revokes the whole chain' : '') +
      '.',
    '',
    markdownTable(HEADER, rows)
  ].join('\n')
}
