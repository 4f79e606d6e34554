/** The auth problems the action can name, each with the status it reports. */

/** What `auth_status` says about a login. */
export type AuthStatus = 'valid' | 'expiring' | 'expired' | 'invalid' | 'missing'

/**
 * An auth problem found before any work: its message is one sentence naming the problem, never a
 * token. `main` adds the re-auth block.
 */
export class AuthError extends Error {
  constructor(
    message: string,
    readonly status: Exclude<AuthStatus, 'valid' | 'expiring'> = 'invalid'
  ) {
    super(message)
    this.name = 'AuthError'
  }
}
