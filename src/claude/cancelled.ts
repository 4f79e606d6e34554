/**
 * The error of a run cancelled under the CLI. Apart from run.ts so main can tell it without loading
 * the CLI runner (a health check never runs the CLI).
 */

/**
 * The action was cancelled (SIGTERM or SIGINT) while the CLI ran: the CLI's process group has
 * been stopped, and the main step ends with this as its failure.
 */
export class CancelledError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(
      `Cancelled (${signal}) while Claude Code ran: it was stopped, with every process it started; the post step removes the login.`
    )
    this.name = 'CancelledError'
  }
}
