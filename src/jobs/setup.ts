/** `mode: setup`: the login restored and the CLI installed for the workflow's later steps. */
import type { PreparedClaude } from '../claude/prepare.js'
import { formatSpan } from '../time.js'
import type { JobContext, JobResult } from './context.js'

/** Says what later steps find (the CLI and the login were exported while preparing them). */
export async function runSetup(ctx: JobContext & { claude: PreparedClaude }): Promise<JobResult> {
  const a = ctx.auth.assessment
  const { claude } = ctx
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
