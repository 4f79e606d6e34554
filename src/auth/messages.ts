/** The one place that words auth failures: one sentence, then the same re-auth block. */

/** Where the message points the user. */
export interface ReauthContext {
  /** OWNER/REPO of the workflow's repository. */
  repo: string
  /** The secret the login must land in. */
  secretName: string
  environment?: string
  org?: string
}

/**
 * The fix when the login only needs a refresh that this run may not make (no secrets_token). A
 * failure saying it offers capturing a new login as the alternative, not as the fix.
 */
export const SECRETS_TOKEN_FIX =
  'The fix: set the secrets_token input to a token that may write Actions secrets (README, step 2b): the action then refreshes the login before its run and stores the new one.'

/** The action's repository (package.json's `repository`). */
const DEFAULT_ACTION_REPO = 'claude-subscription-action/claude-subscription-action'

/** Where the bundled capture tool is downloaded from: one file, run with Node alone. */
const CAPTURE_URL = `https://raw.githubusercontent.com/${DEFAULT_ACTION_REPO}/v1/dist/capture.js`

/**
 * How messages name the capture tool: the downloaded file first (no clone needed), the clone's
 * npm script (`-s`, so npm's banner stays out of its output) as the alternative.
 */
export const CAPTURE_TOOL = '`node capture.js` (or `npm run -s capture` in a clone)'

/** A page of the docs (`troubleshooting.md`), on the action's own repository. */
function docsUrl(page: string, env: NodeJS.ProcessEnv): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const repo = env.GITHUB_ACTION_REPOSITORY || DEFAULT_ACTION_REPO
  return `${server}/${repo}/blob/main/docs/${page}`
}

/** The troubleshooting page of the docs, on the action's own repository. */
export function troubleshootingUrl(env: NodeJS.ProcessEnv = process.env): string {
  return docsUrl('troubleshooting.md', env)
}

/**
 * The sentence for a job on `refresh: never` whose access token cannot last its min_validity: such
 * a login is kept fresh by one scheduled rotator (docs/organisation.md), so that is where to look.
 * `reason` is the assessment's sentence; `minValidity` this job's, as the input writes it.
 */
export function rotatorPointer(
  reason: string,
  minValidity: string,
  env: NodeJS.ProcessEnv = process.env
): string {
  const repo = env.GITHUB_ACTION_REPOSITORY || DEFAULT_ACTION_REPO
  return `${reason.replace(/\.$/, '')}, and refresh is "never": this login is rotated by a scheduled rotator (the reusable workflow ${repo}/.github/workflows/claude-rotate.yml, see ${docsUrl('organisation.md', env)}), so check that the rotator runs and that its min_validity is longer than this job's (${minValidity}) plus the rotator's interval.`
}

/**
 * The numbered steps that get a working login back into the secret, under `heading` (`To fix it:`,
 * or an alternative's heading when the failure named another fix).
 */
export function reauthBlock(
  ctx: ReauthContext,
  env: NodeJS.ProcessEnv = process.env,
  heading = 'To fix it:'
): string {
  const target = ctx.org
    ? `--org ${ctx.org}`
    : ctx.environment
      ? `--repo ${ctx.repo} --env ${ctx.environment}`
      : `--repo ${ctx.repo}`
  const name = ctx.secretName === 'CLAUDE_AUTH' ? '' : ` --name ${ctx.secretName}`
  const where = ctx.org
    ? `the organisation secret ${ctx.secretName} of ${ctx.org}`
    : ctx.environment
      ? `the secret ${ctx.secretName} of the environment ${ctx.environment} in ${ctx.repo}`
      : `the repository secret ${ctx.secretName} of ${ctx.repo}`
  const args = `${target}${name}`
  return [
    heading,
    `1. On your machine (Node 20 or newer, no clone needed), download the capture tool and run it: \`curl -fsSLO ${CAPTURE_URL} && node capture.js ${args}\`.`,
    `2. Or run \`claude setup-token\` and pipe the token it prints into \`node capture.js --from token ${args}\` (a one-year token that never needs refreshing).`,
    `3. Or, in a clone of claude-subscription-action after \`npm ci\`, run \`npm run -s capture -- --from container ${args}\` to log in inside a container, so CI and your laptop never share a login (\`npm run -s capture\` takes the same options as \`node capture.js\`).`,
    `4. The login must land in ${where}. Troubleshooting: ${troubleshootingUrl(env)}`
  ].join('\n')
}

/**
 * The whole failure text: the sentence, a blank line, the re-auth block (offered as the
 * alternative when the sentence already gave the secrets_token fix).
 */
export function authFailure(
  sentence: string,
  ctx: ReauthContext,
  env: NodeJS.ProcessEnv = process.env
): string {
  const heading = sentence.includes(SECRETS_TOKEN_FIX)
    ? 'Or capture a new login instead:'
    : 'To fix it:'
  return `${sentence}\n\n${reauthBlock(ctx, env, heading)}`
}
