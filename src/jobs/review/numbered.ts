/**
 * A patch as the model reads it: every added and context line carries its line number on the new
 * side, so the model copies the number it reports instead of counting from the `@@` headers.
 */

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/

/** The widest new-side line number of a patch, in digits (for the column). */
function numberWidth(lines: readonly string[]): number {
  let max = 1
  let n = 0
  for (const raw of lines) {
    const hunk = HUNK.exec(raw)
    if (hunk) n = Number(hunk[1])
    else if (!raw.startsWith('-') && !raw.startsWith('\\')) max = Math.max(max, n++)
  }
  return String(max).length
}

/**
 * Renders a unified-diff patch with a new-side line number column: `  12 +added`, `  13  context`,
 * `     -removed` (removed lines have no new-side number). `@@` headers and
 * `\ No newline at end of file` are kept as they are.
 */
export function numberPatch(patch: string | undefined): string {
  if (!patch) return ''
  const lines = patch.split('\n')
  const width = numberWidth(lines)
  const blank = ' '.repeat(width)
  let n = 0
  return lines
    .map((raw, i) => {
      const hunk = HUNK.exec(raw)
      if (hunk) {
        n = Number(hunk[1])
        return raw
      }
      if (raw.startsWith('\\')) return raw
      if (raw.startsWith('-')) return `${blank} ${raw}`
      // A patch ending in a newline leaves an empty last element: it is not a line of the file.
      if (raw === '' && i === lines.length - 1) return raw
      return `${String(n++).padStart(width)} ${raw}`
    })
    .join('\n')
}
