/**
 * The job summary: one builder shared by every mode, written once at the end. Nothing secret goes
 * in: callers pass fingerprints, never tokens.
 */
import * as core from '@actions/core'
import { markdownTable } from './markdown.js'
import type { PublishCheck } from './outputs.js'

/**
 * Collects summary parts in order; `write` is a no-op outside a runner. The job summary is published
 * with the run (to anyone who can see it): with a `check`, a part holding a secret (model text in a
 * table, say) is replaced by a note.
 */
export class Summary {
  private readonly parts: string[] = []

  constructor(private readonly check?: PublishCheck) {}

  heading(text: string, level: 2 | 3 = 2): this {
    return this.push(`${'#'.repeat(level)} ${text}\n`)
  }

  table(rows: Array<[string, string]>, header: [string, string] = ['', '']): this {
    return this.push(`${markdownTable(header, rows)}\n`)
  }

  text(markdown: string): this {
    return markdown.trim() === '' ? this : this.push(`${markdown.trim()}\n`)
  }

  details(title: string, markdown: string): this {
    if (markdown.trim() === '') return this
    return this.push(`<details><summary>${title}</summary>\n\n${markdown.trim()}\n\n</details>\n`)
  }

  private push(part: string): this {
    const ok = !this.check || this.check.allows('a part of the job summary', part)
    this.parts.push(ok ? part : '_(A part of this summary was withheld: it held a secret.)_\n')
    return this
  }

  toString(): string {
    return this.parts.join('\n')
  }

  /** Appends to the step summary file when the runner provides one. */
  async write(): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY || this.parts.length === 0) return
    try {
      await core.summary.addRaw(this.toString(), true).write()
    } catch (err) {
      core.warning(`Could not write the job summary: ${(err as Error).message}`)
    }
  }
}
