/** Error classes every layer may throw; each message is one sentence naming the problem and the fix. */

/** A problem in an input other than the login: the message names the input and the fix. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}
