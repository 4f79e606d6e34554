/**
 * The release decision, for .github/workflows/release.yml: package.json's version is released when
 * no tag `vX.Y.Z` exists yet; the release notes are that version's section of CHANGELOG.md (Keep a
 * Changelog: `## [X.Y.Z] - YYYY-MM-DD`), and a release without one fails with the fix.
 *
 *   node scripts/release/plan.ts --notes-file FILE    (Node 24 runs the TypeScript directly)
 *
 * Prints the decision; on a runner also writes `release`, `tag`, `prerelease`, `major`, `move_major`
 * and `major_sha` to $GITHUB_OUTPUT. Re-running it is safe: a tagged version is not released again,
 * and vX is moved whenever it does not point at its highest stable vX.Y.Z. Exit codes: 0 decided
 * (release or not), 1 cannot release (one sentence why). Only node: built-ins, so the workflow needs
 * no `npm ci`.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * What the workflow does: publish `tag` when `release` (a new version), and point `major` at
 * `majorSha` when `moveMajor` (after a new stable release, or when vX lags behind its highest
 * vX.Y.Z: a re-run after a failed move fixes it). `say` is the one line it prints.
 */
export interface ReleasePlan {
  release: boolean
  tag: string
  prerelease: boolean
  /** The release notes (CHANGELOG.md's section), when `release`. */
  notes?: string
  major: string
  moveMajor: boolean
  /** The commit of the highest stable vX.Y.Z (this release's commit for a new one). */
  majorSha?: string
  say: string
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/

/** Semantic-versioning precedence of two X.Y.Z[-pre] versions: negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a)
  const pb = SEMVER.exec(b)
  if (!pa || !pb) throw new Error(`not a version: ${pa ? b : a}`)
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i])
    if (d !== 0) return Math.sign(d)
  }
  const [ra, rb] = [pa[4], pb[4]]
  // A pre-release comes before its release (1.0.0-rc.1 < 1.0.0).
  if (ra === undefined || rb === undefined) return ra === rb ? 0 : ra === undefined ? 1 : -1
  const ia = ra.split('.')
  const ib = rb.split('.')
  for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
    const d = compareIdentifiers(ia[i] as string, ib[i] as string)
    if (d !== 0) return d
  }
  return Math.sign(ia.length - ib.length)
}

/** Two pre-release identifiers: numbers by value, and before alphanumeric ones (ASCII order). */
function compareIdentifiers(x: string, y: string): number {
  const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)]
  if (nx && ny) return Math.sign(Number(x) - Number(y))
  if (nx !== ny) return nx ? -1 : 1
  return x < y ? -1 : x > y ? 1 : 0
}

/** The versions of the release tags (vX.Y.Z[-pre]) among `tags`. */
const releaseVersions = (tags: readonly string[]): string[] =>
  tags.filter(t => t.startsWith('v') && SEMVER.test(t.slice(1))).map(t => t.slice(1))

/** The highest of `versions`, or undefined. */
const highest = (versions: readonly string[]): string | undefined =>
  [...versions].sort(compareVersions).at(-1)

/**
 * The body of `version`'s section in a Keep a Changelog text: the lines after its `## [X.Y.Z]`
 * heading up to the next `## ` heading, without link references. Undefined when there is none, or
 * when it is empty.
 */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n')
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const heading = new RegExp(`^##\\s+\\[?v?${escaped}\\]?(\\s|$)`)
  const start = lines.findIndex(l => heading.test(l))
  if (start < 0) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex(l => /^##\s/.test(l))
  const body = (end < 0 ? rest : rest.slice(0, end))
    .filter(l => !/^\[[^\]]+\]:\s*\S+/.test(l))
    .join('\n')
    .trim()
  return body === '' ? undefined : body
}

/**
 * Decides the release of `version` at commit `head`, given the repository's tags (each with the
 * commit it points at) and CHANGELOG.md's text. Never publishes a version below the highest
 * release, and only ever points vX at its highest stable vX.Y.Z.
 * @throws Error with one sentence naming the problem and the fix.
 */
export function releasePlan(input: {
  version: string
  tags: Readonly<Record<string, string>>
  head: string
  changelog: string
}): ReleasePlan {
  const { version, tags, head, changelog } = input
  const m = SEMVER.exec(version)
  if (!m) {
    throw new Error(
      `package.json's version "${version}" is not X.Y.Z (semantic versioning): set it to the version to release.`
    )
  }
  const tag = `v${version}`
  const major = `v${m[1]}`
  const prerelease = m[4] !== undefined
  const release = !Object.hasOwn(tags, tag)
  const versions = releaseVersions(Object.keys(tags))
  const top = highest(versions)
  if (release && top !== undefined && compareVersions(version, top) < 0) {
    throw new Error(
      `package.json's version ${version} is below v${top}, the highest release: set it above ${top} (a release never goes backwards).`
    )
  }
  const notes = release ? changelogSection(changelog, version) : undefined
  if (release && notes === undefined) {
    throw new Error(
      `CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD" with what changed, then push again (or re-run this workflow).`
    )
  }
  // vX follows the highest stable vX.Y.Z, this release included.
  const stable = versions.filter(v => v.split('.')[0] === m[1] && !v.includes('-'))
  const target = highest(release && !prerelease ? [...stable, version] : stable)
  const majorSha =
    target === undefined ? undefined : target === version && release ? head : tags[`v${target}`]
  const moveMajor = majorSha !== undefined && tags[major] !== majorSha
  const moving = moveMajor ? `move ${major} to v${target}` : undefined
  const say = release
    ? `Release ${tag}${prerelease ? ' (a pre-release)' : ''}${moving ? `, ${moving}` : ''}.`
    : moving
      ? `${tag} is already tagged; ${moving} (${major} points elsewhere).`
      : `${tag} is already tagged: nothing to release.`
  return {
    release,
    tag,
    prerelease,
    ...(notes === undefined ? {} : { notes }),
    major,
    moveMajor,
    ...(moveMajor ? { majorSha } : {}),
    say
  }
}

/** The repository's tags, each with the commit it points at (an annotated tag peeled). */
export function gitTags(root: string): Record<string, string> {
  const lines = execFileSync(
    'git',
    ['for-each-ref', 'refs/tags', '--format=%(refname:short) %(objectname) %(*objectname)'],
    { cwd: root, encoding: 'utf8' }
  )
  const tags: Record<string, string> = {}
  for (const line of lines.split('\n')) {
    const [name, sha, peeled] = line.trim().split(' ')
    if (name && sha) tags[name] = peeled || sha
  }
  return tags
}

/** The workflow's outputs for a plan (`major_sha` only when vX moves). */
export function planOutputs(plan: ReleasePlan): Record<string, string> {
  return {
    release: String(plan.release),
    tag: plan.tag,
    prerelease: String(plan.prerelease),
    major: plan.major,
    move_major: String(plan.moveMajor),
    ...(plan.majorSha ? { major_sha: plan.majorSha } : {})
  }
}

/** Runs the decision for the repository at `root`, as the workflow does. Returns the exit code. */
export function main(argv: string[], root: string, env: NodeJS.ProcessEnv = process.env): number {
  const at = argv.indexOf('--notes-file')
  const notesFile = at >= 0 ? argv[at + 1] : undefined
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version?: unknown
    }
    let changelog = ''
    try {
      changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')
    } catch {
      // No CHANGELOG.md at all: the plan says which section is missing.
    }
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    const plan = releasePlan({
      version: String(pkg.version ?? ''),
      tags: gitTags(root),
      head,
      changelog
    })
    if (plan.release && notesFile) writeFileSync(notesFile, `${plan.notes}\n`)
    console.log(plan.say)
    if (env.GITHUB_OUTPUT) {
      const out = Object.entries(planOutputs(plan)).map(([k, v]) => `${k}=${v}\n`)
      appendFileSync(env.GITHUB_OUTPUT, out.join(''))
    }
    return 0
  } catch (err) {
    console.error(`release: ${(err as Error).message}`)
    return 1
  }
}

/**
 * True when this file is the program being run, not imported (tests). The release job runs this
 * file on bare Node without `npm ci` or tsx, so it keeps its own copy of scripts/entry.ts's isMain.
 */
function isEntryPoint(): boolean {
  const invoked = process.argv[1]
  if (!invoked) return false
  try {
    return realpathSync(path.resolve(invoked)) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntryPoint()) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
  process.exitCode = main(process.argv.slice(2), root)
}
