/**
 * Paused automatic reviews (`@claude pause` / `@claude resume`): the state lives in the sticky
 * summary comment, as a marker in its footer (trusted only there, and only in the action's own
 * comment) and as a notice at its top that tells people how to resume.
 */
import { footerMarkers, hasFooterMarker, withFooter } from '../markers.js'

/** The footer marker of a summary whose pull request's automatic reviews are paused. */
export const PAUSED_MARKER = '<!-- csa-review-paused -->'

const NOTICE_START = '> ⏸️ Automatic reviews of this pull request are paused'
const NOTICE_LINE = /^> ⏸️ Automatic reviews of this pull request are paused[^\n]*\n*/

/** Whether a summary comment's footer says automatic reviews are paused. */
export function isPaused(body: string | null | undefined): boolean {
  return hasFooterMarker(body, PAUSED_MARKER)
}

/** The notice at the top of a paused summary. */
export function pausedNotice(trigger: string): string {
  return `${NOTICE_START}: comment \`${trigger} resume\` to resume them (\`${trigger} review\` reviews once).`
}

/** Splits a body into its text and its footer markers. */
function split(body: string): { text: string; footer: string[] } {
  const footer = footerMarkers(body)
  const lines = body.trimEnd().split(/\r?\n/)
  return {
    text: lines
      .slice(0, lines.length - footer.length)
      .join('\n')
      .trimEnd(),
    footer
  }
}

/** The summary body paused (the notice on top, the marker in the footer); unchanged if it was. */
export function pauseBody(body: string, trigger: string): string {
  if (isPaused(body)) return body
  const { text, footer } = split(body)
  return withFooter(`${pausedNotice(trigger)}\n\n${text}`, [...footer, PAUSED_MARKER])
}

/** The summary body resumed: the notice and the marker gone; unchanged if it was not paused. */
export function resumeBody(body: string): string {
  if (!isPaused(body)) return body
  const { text, footer } = split(body)
  return withFooter(
    text.replace(NOTICE_LINE, ''),
    footer.filter(m => m !== PAUSED_MARKER)
  )
}
