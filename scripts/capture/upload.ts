/**
 * Uploading the bundle as an Actions secret: through `gh secret set` (value on stdin, never in
 * argv) when gh is installed and logged in, else through the REST API with GITHUB_TOKEN and a
 * sealed box (src/auth/secrets.ts).
 */
import { describeTarget, writeSecret, type SecretTarget } from '../../src/auth/secrets.js'
import { createOctokit, type Octokit } from '../../src/github/octokit.js'
import { firstLine, run, which } from './exec.js'
import { redact } from './report.js'
import { CaptureError } from './sources.js'

const REPO_RE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/
const ORG_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/

/** What the command line asked for. */
interface TargetOptions {
  repos: string[]
  env?: string | undefined
  org?: string | undefined
}

/**
 * Turns `--repo` (repeatable), `--env` and `--org` into targets: an environment secret in each
 * repository when `--env` is given, plus the organisation secret.
 * @throws CaptureError (exit code 2) for a malformed name or `--env` without `--repo`.
 */
export function parseTargets(opts: TargetOptions): SecretTarget[] {
  for (const repo of opts.repos) {
    if (!REPO_RE.test(repo)) {
      throw new CaptureError(
        `--repo ${JSON.stringify(repo)} is not a repository name; expected OWNER/REPO, such as octo-org/app.`,
        2
      )
    }
  }
  if (opts.env !== undefined && opts.env.trim() === '') {
    throw new CaptureError('--env is empty; expected the name of a deployment environment.', 2)
  }
  if (opts.env !== undefined && opts.repos.length === 0) {
    throw new CaptureError(
      `--env ${JSON.stringify(opts.env)} needs --repo OWNER/REPO: an environment belongs to a repository.`,
      2
    )
  }
  if (opts.org !== undefined && !ORG_RE.test(opts.org)) {
    throw new CaptureError(
      `--org ${JSON.stringify(opts.org)} is not an organisation name; expected letters, digits and hyphens, such as octo-org.`,
      2
    )
  }
  const unique = [...new Set(opts.repos)]
  const targets: SecretTarget[] = unique.map(repo =>
    opts.env !== undefined ? { kind: 'env', repo, environment: opts.env } : { kind: 'repo', repo }
  )
  if (opts.org !== undefined) targets.push({ kind: 'org', org: opts.org })
  return targets
}

/** How the upload will go. */
type Route = { via: 'gh'; gh: string } | { via: 'api'; token: string; baseUrl: string }

/**
 * gh when it is on PATH and `gh auth status` succeeds; else the REST API when GITHUB_TOKEN (or
 * GH_TOKEN) is set.
 * @throws CaptureError saying how to get either.
 */
export async function chooseRoute(env: NodeJS.ProcessEnv): Promise<Route> {
  const gh = which('gh', env)
  let ghState = 'is not installed'
  if (gh) {
    const status = await run(gh, ['auth', 'status'], { env, timeoutMs: 30_000 })
    if (status.code === 0) return { via: 'gh', gh }
    ghState = 'is installed but not logged in (`gh auth status` failed)'
  }
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (token) {
    return {
      via: 'api',
      token,
      baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
    }
  }
  throw new CaptureError(
    `Cannot upload: gh ${ghState} and GITHUB_TOKEN is not set; run \`gh auth login\`, or set GITHUB_TOKEN to a token that may write Actions secrets, or write the bundle with --out FILE and add the secret by hand.`
  )
}

/** One target's outcome. */
interface UploadResult {
  target: SecretTarget
  outcome?: 'created' | 'updated'
  error?: string
}

interface UploadOptions {
  env: NodeJS.ProcessEnv
  /** Reports progress (never the value). */
  log: (line: string) => void
}

/** Uploads `value` as the secret `name` to every target; one target's failure does not stop the rest. */
export async function uploadAll(
  targets: SecretTarget[],
  name: string,
  value: string,
  route: Route,
  opts: UploadOptions
): Promise<UploadResult[]> {
  const results: UploadResult[] = []
  let octokit: Octokit | undefined
  for (const target of targets) {
    try {
      let outcome: 'created' | 'updated'
      if (route.via === 'gh') {
        outcome = await uploadViaGh(route.gh, target, name, value, opts.env)
      } else {
        octokit ??= createOctokit(route.token, { baseUrl: route.baseUrl, log: opts.log })
        outcome = await writeSecret(octokit, target, name, value)
      }
      results.push({ target, outcome })
      opts.log(`${name} in ${describeTarget(target)}: ${outcome} (through ${routeName(route)}).`)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      results.push({ target, error: message })
      opts.log(`${name} in ${describeTarget(target)}: FAILED: ${message}`)
    }
  }
  return results
}

function routeName(route: Route): string {
  return route.via === 'gh' ? 'gh' : `the REST API at ${route.baseUrl}`
}

/** The REST path gh reads to learn whether the secret exists (and, for an org, its visibility). */
function apiPath(target: SecretTarget, name: string): string {
  switch (target.kind) {
    case 'repo':
      return `repos/${target.repo}/actions/secrets/${name}`
    case 'env':
      return `repos/${target.repo}/environments/${encodeURIComponent(target.environment)}/secrets/${name}`
    case 'org':
      return `orgs/${target.org}/actions/secrets/${name}`
  }
}

/**
 * `gh secret set NAME --repo R [--env E] | --org O --visibility V`, the value on stdin. An org
 * secret keeps its visibility (and selected repositories) on update, and is private when new.
 */
async function uploadViaGh(
  gh: string,
  target: SecretTarget,
  name: string,
  value: string,
  env: NodeJS.ProcessEnv
): Promise<'created' | 'updated'> {
  const existing = await ghApi(gh, apiPath(target, name), env)
  const args = ['secret', 'set', name]
  if (target.kind === 'org') {
    const visibility =
      existing && typeof existing.visibility === 'string' ? existing.visibility : 'private'
    args.push('--org', target.org, '--visibility', visibility)
    if (visibility === 'selected') {
      const repos = await ghSelectedRepos(gh, target.org, name, env)
      if (repos.length === 0) {
        throw new Error(
          `the organisation secret ${name} is visible to selected repositories but none are selected, and gh cannot keep that: select a repository for it on GitHub first.`
        )
      }
      args.push('--repos', repos.join(','))
    }
  } else {
    args.push('--repo', target.repo)
    if (target.kind === 'env') args.push('--env', target.environment)
  }
  const res = await run(gh, args, { env, input: value, timeoutMs: 120_000 })
  if (res.code !== 0) {
    throw new Error(
      `\`gh ${args.join(' ')}\` failed with exit code ${res.code ?? res.signal}: ${redact(firstLine(res.stderr || res.stdout)) || 'no message'}.`
    )
  }
  return existing ? 'updated' : 'created'
}

/** `gh api PATH` as JSON; undefined on a 404. */
async function ghApi(
  gh: string,
  apiRoute: string,
  env: NodeJS.ProcessEnv
): Promise<Record<string, unknown> | undefined> {
  const res = await run(gh, ['api', apiRoute], { env, timeoutMs: 60_000 })
  if (res.code === 0) {
    try {
      const data = JSON.parse(res.stdout) as unknown
      return data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
    } catch {
      return {}
    }
  }
  const said = `${res.stderr}\n${res.stdout}`
  if (/\b404\b|Not Found/i.test(said)) return undefined
  throw new Error(
    `\`gh api ${apiRoute}\` failed with exit code ${res.code ?? res.signal}: ${redact(firstLine(res.stderr || res.stdout)) || 'no message'}.`
  )
}

async function ghSelectedRepos(
  gh: string,
  org: string,
  name: string,
  env: NodeJS.ProcessEnv
): Promise<string[]> {
  const apiRoute = `orgs/${org}/actions/secrets/${name}/repositories`
  const res = await run(gh, ['api', '--paginate', apiRoute, '--jq', '.repositories[].name'], {
    env,
    timeoutMs: 60_000
  })
  if (res.code !== 0) {
    throw new Error(
      `\`gh api ${apiRoute}\` failed with exit code ${res.code ?? res.signal}: ${redact(firstLine(res.stderr)) || 'no message'}.`
    )
  }
  return res.stdout
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(Boolean)
}
