/**
 * Fingerprints let a later run recognise a finding it already posted, even when the code moved or
 * the model reworded the title's case or spacing. The line number is left out on purpose: it shifts
 * with every push.
 */
import { createHash } from 'node:crypto'
import { footerMarkers } from '../markers.js'
import type { Finding } from './types.js'

const MARKER = /^<!-- csa-fp:([0-9a-f]{16}) -->$/

/** Lowercase, punctuation as spaces (`null-check` = `null check`), single spaces. */
function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Single spaces, trimmed: code is compared as the eye sees it. */
function normaliseQuote(quote: string | undefined): string {
  return (quote ?? '').replace(/\s+/g, ' ').trim()
}

/** Normalised path: `./src/a.ts` and `src/a.ts` are the same file. */
export function normalisePath(path: string): string {
  return path.trim().replace(/^(?:\.\/|\/)+/, '')
}

/** A short (16 hex digits) sha256 of the path, the normalised title and the normalised quote. */
export function fingerprint(
  f: Pick<Finding, 'path' | 'title'> & { quote?: string | undefined }
): string {
  const key = [normalisePath(f.path), normaliseTitle(f.title), normaliseQuote(f.quote)].join('\n')
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

/** The hidden marker an inline comment ends with. */
export function fingerprintMarker(fp: string): string {
  return `<!-- csa-fp:${fp} -->`
}

/**
 * Every fingerprint in the footers of these comment bodies. Pass only the action's own comments:
 * anyone can paste a marker into theirs.
 */
export function fingerprintsIn(bodies: Iterable<string | null | undefined>): Set<string> {
  const found = new Set<string>()
  for (const body of bodies) {
    for (const line of footerMarkers(body)) {
      const m = MARKER.exec(line)
      if (m) found.add(m[1] as string)
    }
  }
  return found
}

/**
 * Breaks any of this action's markers inside text the model wrote, so a finding cannot forge a
 * fingerprint or a summary marker. Used where HTML comments must otherwise be kept (code).
 */
export function defuseMarkers(text: string): string {
  return text.replace(/<!--(\s*)(csa-|claude-subscription-action)/gi, '<!-$1-$2')
}
