/**
 * Markdown for the job summary, comments and issues. Values come from people and models (label
 * names, reasons, titles): a cell must stay one cell, so table and inline syntax is escaped.
 */

/** One table cell: one line, markdown and HTML syntax escaped, at most `max` characters. */
export function tableCell(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const cut = flat.length > max ? `${flat.slice(0, max - 3).trimEnd()}...` : flat
  return cut
    .replace(/[\\`*_[\]|#~]/g, c => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** A two-or-more column table; every cell escaped with {@link tableCell}. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(c => tableCell(c)).join(' | ')} |`
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n')
}
