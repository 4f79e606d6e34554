/**
 * The release decision, for .github/workflows/release.yml: package.json's version is released when
 * no tag `vX.Y.Z` exists yet; the release notes are that version's section of CHANGELOG.md (Keep a
 * Changelog: `## [X.Y.Z] - YYYY-MM-DD`), and a release without one fails with the fix.
 *
 *   node scripts/release/plan.ts --notes-file FILE    (Node 24 runs the TypeScript directly)
 *
 * Prints the decision; on a runner also writes `release`, `tag`, `major` and `prerelease` to
 * $GITHUB_OUTPUT. Exit codes: 0 decided (release or not), 1 cannot release (one sentence why).
 * Only node: built-ins, so the workflow needs no `npm ci`.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** What the workflow does: nothing, or publish `tag` (and move `major` unless a pre-release). */
export type ReleasePlan =
  | { release: false; tag: string; reason: string }
  | { release: true; tag: string; major: string; prerelease: boolean; notes: string }

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/

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
 * Decides the release of `version` given the repository's `tags` and CHANGELOG.md's text.
 * @throws Error with one sentence naming the problem and the fix.
 */
export function releasePlan(input: {
  version: string
  tags: readonly string[]
  changelog: string
}): ReleasePlan {
  const { version, tags, changelog } = input
  const m = SEMVER.exec(version)
  if (!m) {
    throw new Error(
      `package.json's version "${version}" is not X.Y.Z (semantic versioning): set it to the version to release.`
    )
  }
  const tag = `v${version}`
  if (tags.includes(tag)) {
    return { release: false, tag, reason: `${tag} is already tagged: nothing to release.` }
  }
  const notes = changelogSection(changelog, version)
  if (notes === undefined) {
    throw new Error(
      `CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD" with what changed, then push again (or re-run this workflow).`
    )
  }
  return { release: true, tag, major: `v${m[1]}`, prerelease: m[4] !== undefined, notes }
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
    const tags = execFileSync('git', ['tag', '--list'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map(t => t.trim())
      .filter(Boolean)
    const plan = releasePlan({ version: String(pkg.version ?? ''), tags, changelog })
    const out: Record<string, string> = { release: String(plan.release), tag: plan.tag }
    if (plan.release) {
      out.major = plan.major
      out.prerelease = String(plan.prerelease)
      if (notesFile) writeFileSync(notesFile, `${plan.notes}\n`)
      console.log(
        `Release ${plan.tag}${plan.prerelease ? ' (a pre-release)' : `, moving ${plan.major}`}.`
      )
    } else {
      console.log(plan.reason)
    }
    if (env.GITHUB_OUTPUT) {
      appendFileSync(
        env.GITHUB_OUTPUT,
        Object.entries(out)
          .map(([k, v]) => `${k}=${v}\n`)
          .join('')
      )
    }
    return 0
  } catch (err) {
    console.error(`release: ${(err as Error).message}`)
    return 1
  }
}

/** True when this file is the program being run, not imported (tests). */
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
