/**
 * The action's outputs, set in one place so every path (success, skip, failure) reports the same
 * names, and so `conclusion` is always set.
 */
import * as core from '@actions/core'
import type { Assessment } from '../auth/validate.js'
import { hoursUntil, iso } from '../time.js'

type Conclusion = 'success' | 'failure' | 'skipped'

/** Every output name of action.yml but `oauth_token` (set only by `Outputs.loginToken`). */
type OutputName =
  | 'conclusion'
  | 'skip_reason'
  | 'auth_kind'
  | 'auth_status'
  | 'expires_at'
  | 'login_expires_at'
  | 'expires_in_hours'
  | 'rotated'
  | 'secret_updated'
  | 'result'
  | 'structured_output'
  | 'session_id'
  | 'turns'
  | 'cost_usd'
  | 'duration_ms'
  | 'review_url'
  | 'comments_posted'
  | 'findings'
  | 'labels'
  | 'usage'
  | 'tokens'

/**
 * The outbound guard's check for what the runner publishes (see `OutboundGuard.allows`): false
 * withholds the text.
 */
export interface PublishCheck {
  allows(what: string, text: string): boolean
  /** The check of `oauth_token`, the one output that carries a token on purpose. */
  allowsLoginToken(text: string): boolean
}

/**
 * Collects outputs as they become known and sets each one as an action output. Outputs carry model
 * text (`result`, `structured_output`) to later steps, which may post it anywhere: with a `check`,
 * an output holding a secret is set empty instead.
 */
export class Outputs {
  readonly values: Partial<Record<OutputName | 'oauth_token', string>> = {}

  constructor(private readonly check?: PublishCheck) {}

  /**
   * Where `usage` and `tokens` are summed and set (`setUsageOutputs`): these outputs themselves,
   * or the step's when these are kept back (a deferred item's run spends the step's allowance).
   */
  usageSink(): Outputs {
    return this
  }

  set(name: OutputName, value: string | number | boolean | undefined): void {
    let text = value === undefined ? '' : String(value)
    if (this.check && !this.check.allows(`the output ${name}`, text)) text = ''
    this.values[name] = text
    core.setOutput(name, text)
  }

  /**
   * `oauth_token` (setup mode): the login's access token or setup-token for later steps, for
   * example claude-code-action's `claude_code_oauth_token`. The only output that may carry a
   * token, and only that one: it is masked again here, and `set` cannot write this name.
   */
  loginToken(token: string): void {
    let text = token.trim()
    if (text !== '') core.setSecret(text)
    if (this.check && !this.check.allowsLoginToken(text)) text = ''
    this.values.oauth_token = text
    core.setOutput('oauth_token', text)
  }

  /** The auth outputs from an assessment. */
  auth(a: Assessment, now: number = Date.now()): void {
    this.set('auth_kind', a.kind)
    this.set('auth_status', a.status)
    this.set('expires_at', a.expiresAt !== undefined ? iso(a.expiresAt) : '')
    this.set('login_expires_at', a.loginExpiresAt !== undefined ? iso(a.loginExpiresAt) : '')
    this.set('expires_in_hours', hoursUntil(a.expiresAt, now))
  }

  conclusion(c: Conclusion, skipReason?: string): void {
    this.set('conclusion', c)
    if (skipReason !== undefined) this.set('skip_reason', skipReason)
  }
}
