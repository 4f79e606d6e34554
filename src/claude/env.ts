/**
 * The environment the CLI runs in: the step's own, minus everything the CLI (and any Bash tool
 * call the model makes) must not see, plus the variables of the chosen auth kind.
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

/** How the CLI authenticates in this run. */
export type CliAuth =
  | { kind: 'oauth'; configDir: string }
  | { kind: 'setup-token'; configDir: string; token: string }
  | { kind: 'api-key'; configDir: string; apiKey: string }

/** Builds the CLI's environment from the step's. */
export function cliEnv(base: NodeJS.ProcessEnv, auth: CliAuth): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue
    if (key.startsWith('INPUT_')) continue
    if (key.startsWith('STATE_')) continue
    if (RUNNER_SECRETS.has(key) || (key.startsWith('ACTIONS_') && /TOKEN/.test(key))) continue
    if ((AUTH_VARS as readonly string[]).includes(key)) continue
    env[key] = value
  }
  env.CLAUDE_CONFIG_DIR = auth.configDir
  env.DISABLE_AUTOUPDATER = '1'
  env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1'
  if (auth.kind === 'setup-token') env.CLAUDE_CODE_OAUTH_TOKEN = auth.token
  if (auth.kind === 'api-key') env.ANTHROPIC_API_KEY = auth.apiKey
  return env
}
