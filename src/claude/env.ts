/**
 * The environments of the processes the action starts. One scrub removes everything no child may
 * see (inputs, saved state, runner tokens and service URLs, stray auth variables); the CLI then
 * gets the variables of the chosen auth kind, and the install tools (`claude --version`, npm) also
 * lose the GitHub tokens, which they never need.
 */

/** Runner variables that carry tokens or grant access to runner services. */
const RUNNER_SECRETS = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL'
])

/** Auth variables the CLI would prefer over the restored login: only the chosen kind sets one. */
const AUTH_VARS = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN'] as const

/** GitHub tokens a workflow commonly puts in the environment; npm and `--version` never need one. */
const GITHUB_TOKEN_VARS = new Set([
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_PAT'
])

/** How the CLI authenticates in this run. */
export type CliAuth =
  | { kind: 'oauth'; configDir: string }
  | { kind: 'setup-token'; configDir: string; token: string }
  | { kind: 'api-key'; configDir: string; apiKey: string }

/** True for a variable no process the action starts may inherit. */
function isScrubbed(key: string): boolean {
  return (
    key.startsWith('INPUT_') ||
    key.startsWith('STATE_') ||
    RUNNER_SECRETS.has(key) ||
    (key.startsWith('ACTIONS_') && /TOKEN|URL/.test(key)) ||
    (AUTH_VARS as readonly string[]).includes(key)
  )
}

/**
 * The step's environment minus every `INPUT_*` and `STATE_*`, the runner's `ACTIONS_*` tokens and
 * URLs, and the auth variables; everything else (PATH, HOME, proxies, CA certificates, the
 * author's own variables) passes. The given object is not changed.
 */
export function scrubEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined || isScrubbed(key)) continue
    env[key] = value
  }
  return env
}

/** The environment of `claude --version` and npm: the scrub, minus GitHub tokens, no updater. */
export function toolEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = scrubEnv(base)
  for (const key of Object.keys(env)) if (GITHUB_TOKEN_VARS.has(key)) delete env[key]
  env.DISABLE_AUTOUPDATER = '1'
  return env
}

/** Builds the CLI's environment from the step's. */
export function cliEnv(base: NodeJS.ProcessEnv, auth: CliAuth): NodeJS.ProcessEnv {
  const env = scrubEnv(base)
  env.CLAUDE_CONFIG_DIR = auth.configDir
  env.DISABLE_AUTOUPDATER = '1'
  env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1'
  if (auth.kind === 'setup-token') env.CLAUDE_CODE_OAUTH_TOKEN = auth.token
  if (auth.kind === 'api-key') env.ANTHROPIC_API_KEY = auth.apiKey
  return env
}
