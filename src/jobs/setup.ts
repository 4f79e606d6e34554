/** `mode: setup`: the login restored and the CLI installed for the workflow's later steps. */
import type { LoadedAuth } from '../auth/load.js'
import type { PreparedClaude } from '../claude/prepare.js'
import { formatSpan } from '../time.js'
import type { JobContext, JobResult } from './context.js'

/**
 * The token a later step may use as `CLAUDE_CODE_OAUTH_TOKEN`: the access token after any refresh
 * (an oauth login), or the setup-token; empty for an API key, which has none.
 */
export function loginTokenOf(auth: Pick<LoadedAuth, 'login'>): string {
  const login = auth.login
  if (!login) return ''
  return login.kind === 'setup-token' ? login.token : login.credentials.claudeAiOauth.accessToken
}

/**
 * Says what later steps find (the CLI and the login were exported while preparing them), and sets
 * `oauth_token` for steps that take a token instead (claude-code-action).
 */
export async function runSetup(ctx: JobContext & { claude: PreparedClaude }): Promise<JobResult> {
  const a = ctx.auth.assessment
  const { claude } = ctx
  ctx.outputs.loginToken(loginTokenOf(ctx.auth))
  ctx.summary.table(
    [
      ['Mode', 'setup'],
      ['Claude Code', `${claude.version} at ${claude.path}`],
      ['Auth', `${a.kind}, ${a.status}`],
      [
        'Access token left',
        a.expiresAt === undefined ? 'n/a' : formatSpan(a.expiresAt - ctx.now())
      ],
      ['Config dir', claude.configDir]
    ],
    ['Ready for later steps', '']
  )
  return { conclusion: 'success' }
}
