/**
 * The action finds its own comments and issues again by hidden markers (`<!-- … -->`). A marker is
 * trusted only in the action's footer: the last lines of a body, each exactly one marker, which
 * the action writes after all model text. Together with the author check (`isOwnComment`) and
 * model text that can carry no HTML comment at all (`cleanUntrusted`), nobody else can make the
 * action adopt a comment, skip a push, or suppress a finding.
 */

const MARKER_LINE = /^<!-- [A-Za-z0-9][\w.:-]* -->$/

/** The markers of a body's footer, top to bottom: the trailing lines that are each one marker. */
export function footerMarkers(body: string | null | undefined): string[] {
  if (!body) return []
  const lines = body.trimEnd().split(/\r?\n/)
  const found: string[] = []
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] as string).trim()
    if (!MARKER_LINE.test(line)) break
    found.unshift(line)
  }
  return found
}

/** Whether the footer of a body carries this marker. */
export function hasFooterMarker(body: string | null | undefined, marker: string): boolean {
  return footerMarkers(body).includes(marker)
}

/** The first footer marker matching a pattern with one capture group, and that group. */
export function footerValue(body: string | null | undefined, pattern: RegExp): string | undefined {
  for (const line of footerMarkers(body)) {
    const m = pattern.exec(line)
    if (m?.[1] !== undefined) return m[1]
  }
  return undefined
}

/** Text followed by the footer: each marker on its own line, after everything else. */
export function withFooter(text: string, markers: readonly string[]): string {
  return `${text.trimEnd()}\n\n${markers.join('\n')}`
}
