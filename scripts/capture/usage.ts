/** The parser's complaints (commander's) in the capture tool's own voice. */
import type { Command } from 'commander'

/**
 * One of commander's error texts as the tool says it: `capture: …`, a suggestion on the same line
 * ("(did you mean verify?)"), and a full stop at the end, like every other message of the tool.
 */
export function usageMessage(text: string): string {
  const [first = '', ...rest] = text.trim().split('\n')
  let line = first.replace(/^error: /, 'capture: ')
  for (const extra of rest.map(r => r.trim()).filter(r => r !== '')) {
    const hint = /^\(Did you mean (.*)\?\)$/.exec(extra)
    line += hint ? ` (did you mean ${hint[1]}?)` : ` ${extra}`
  }
  return line.endsWith('.') ? line : `${line}.`
}

/**
 * A word where a command belongs that is none (`capture verfy`): commander's own unknown-command
 * error, with its suggestion. The root command has an action, so commander would otherwise call
 * the word an excess argument; `unknownCommand` is commander's (14.x) method for exactly this
 * error, not in its typings.
 */
export function unknownCommand(program: Command): never {
  ;(program as unknown as { unknownCommand(): void }).unknownCommand()
  // unknownCommand always throws (exitOverride); this is for the type checker.
  throw new Error(`unknown command ${JSON.stringify(program.args[0])}`)
}
