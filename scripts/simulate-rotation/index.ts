/**
 * `npm run simulate-rotation`: how one subscription login fares when many repositories share it
 * through one organisation secret (SPEC "Usage" → "An organisation, one login"; docs/organisation.md).
 *
 *   npm run simulate-rotation                      # 10 repos × 10 runs a day, 30 days, no rotator
 *   npm run simulate-rotation -- --repos 200 --every 2h --rotator-min-validity 5h --refresh never
 *   npm run simulate-rotation -- --table           # the documented comparison, as markdown
 *
 * Deterministic: the same flags and --seed print the same figures. Exit codes: 0 done, 2 usage.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { parseDuration } from '../../src/time.js'
import { simulate } from './model.js'
import {
  comparison,
  DEFAULT_SCENARIO,
  HEADER,
  markdownTable,
  modelConfig,
  row,
  type Scenario,
  type Strategy
} from './strategies.js'
import { isMain } from '../entry.js'

const minutes = (name: string) => (value: string) => {
  try {
    return parseDuration(value, name) / 60_000
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message)
  }
}

const whole = (name: string, min: number) => (value: string) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) {
    throw new InvalidArgumentError(`${name} "${value}" must be a whole number of at least ${min}.`)
  }
  return n
}

const fraction = (name: string) => (value: string) => {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0 || n >= 1) {
    throw new InvalidArgumentError(`${name} "${value}" must be a number from 0 to below 1.`)
  }
  return n
}

interface Flags {
  repos: number
  runs: number
  days: number
  seed: number
  every?: number
  rotatorMinValidity: number
  minValidity: number
  refresh: 'auto' | 'never'
  queueDelay: number
  rotatorDelay: number
  dropRate: number
  reuseRevokes: boolean
  table: boolean
}

function program(): Command {
  const d = DEFAULT_SCENARIO
  return new Command('simulate-rotation')
    .description('Model N repositories sharing one rotating Claude login over 30 days.')
    .option('--repos <n>', 'consumer repositories', whole('--repos', 1), d.repos)
    .option('--runs <m>', 'runs a day per repository', whole('--runs', 0), d.runsPerDay)
    .option('--days <d>', 'days simulated', whole('--days', 1), d.days)
    .option('--seed <s>', 'the random seed', whole('--seed', 0), d.seed)
    .option(
      '--every <duration>',
      'the rotator runs this often (none when absent)',
      minutes('--every')
    )
    .option(
      '--rotator-min-validity <duration>',
      "the rotator's min_validity",
      minutes('--rotator-min-validity'),
      300
    )
    .option(
      '--min-validity <duration>',
      "the consumers' min_validity",
      minutes('--min-validity'),
      30
    )
    .option('--refresh <mode>', "the consumers' refresh: auto or never", 'auto')
    .option(
      '--queue-delay <duration>',
      "consumers' runner queue delay, at most",
      minutes('--queue-delay'),
      d.queueDelayMax
    )
    .option(
      '--rotator-delay <duration>',
      'how late scheduled runs start, at most',
      minutes('--rotator-delay'),
      d.rotatorDelayMax
    )
    .option(
      '--drop-rate <f>',
      'the fraction of scheduled runs GitHub drops',
      fraction('--drop-rate'),
      0
    )
    .option('--reuse-revokes', 'a refused reuse of a refresh token revokes the whole chain', false)
    .option('--table', 'print the documented comparison for 1, 10 and 200 repositories', false)
    .exitOverride()
    .configureOutput({ writeErr: s => process.stderr.write(s) })
}

/** Runs the tool; resolves to the exit code. */
export function main(argv: string[], out: (s: string) => void): number {
  const cmd = program()
  let flags: Flags
  try {
    flags = cmd.parse(argv, { from: 'user' }).opts<Flags>()
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2
    throw err
  }
  if (flags.refresh !== 'auto' && flags.refresh !== 'never') {
    process.stderr.write(`--refresh "${String(flags.refresh)}" must be auto or never.\n`)
    return 2
  }
  const scenario: Scenario = {
    repos: flags.repos,
    runsPerDay: flags.runs,
    days: flags.days,
    seed: flags.seed,
    queueDelayMax: flags.queueDelay,
    rotatorDelayMax: flags.rotatorDelay,
    rotatorDropRate: flags.dropRate,
    reuseRevokes: flags.reuseRevokes
  }
  if (flags.table) {
    out(`${comparison(scenario)}\n`)
    return 0
  }
  const strategy: Strategy = {
    name:
      (flags.every
        ? `rotator every ${fmt(flags.every)}, min_validity ${fmt(flags.rotatorMinValidity)}`
        : 'no rotator') +
      `; consumers refresh: ${flags.refresh}, min_validity ${fmt(flags.minValidity)}`,
    consumer: { refresh: flags.refresh, minValidityMin: flags.minValidity },
    ...(flags.every
      ? { rotator: { everyMin: flags.every, minValidityMin: flags.rotatorMinValidity } }
      : {})
  }
  const figures = simulate(modelConfig(strategy, scenario))
  out(`${markdownTable(HEADER, [row(flags.repos, strategy.name, figures)])}\n`)
  out(
    `\nrotator runs: ${figures.rotatorRuns}; refreshes by the CLI during a job: ${figures.cliRefreshes}; ` +
      `write-backs that put an older login back: ${figures.regressions}\n`
  )
  return 0
}

const fmt = (min: number): string => (min % 60 === 0 ? `${min / 60}h` : `${min}m`)

if (isMain(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2), s => process.stdout.write(s))
}
