/**
 * The size and depth limits a secret must meet before anything decodes, parses or walks it: a
 * genuine login is a few kilobytes of shallow JSON, so anything past these is refused whole.
 */
import { AuthError } from './errors.js'
import { CAPTURE_TOOL } from './messages.js'

/** GitHub refuses secrets over 48 KB: anything larger cannot be a genuine secret. */
export const MAX_SECRET_BYTES = 48 * 1024
/** Decompression stops here: a real login is a few kilobytes. */
export const MAX_DECOMPRESSED_BYTES = 1024 * 1024
/** No captured login nests JSON this deep; deeper input could overflow the stack later. */
export const MAX_JSON_DEPTH = 32

/**
 * The deepest nesting of objects and arrays in a JSON text, counted without parsing it (so a
 * crafted input cannot overflow the stack here), stopping as soon as it passes `limit`.
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // a backslash escapes the next character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > deepest) deepest = depth
      if (deepest > limit) return deepest
    } else if (c === 0x7d || c === 0x5d) {
      depth--
    }
  }
  return deepest
}

/** Refuses JSON nested deeper than MAX_JSON_DEPTH, before anything parses or walks it. */
export function checkDepth(text: string, what: string): void {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new AuthError(
      `${what} holds JSON nested deeper than ${MAX_JSON_DEPTH} levels, which no captured login does: store the output of ${CAPTURE_TOOL} again.`
    )
  }
}

/** A byte count as messages give it. */
export function kb(n: number): string {
  return `${Math.ceil(n / 1024)} KB`
}
