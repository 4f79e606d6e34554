/**
 * The job summary: one builder shared by every mode, written once at the end. Nothing secret goes
 * in: callers pass fingerprints, never tokens.
 */
import * as core from '@actions/core'
import { markdownTable } from './markdown.js'

/** Collects summary parts in order; `write` is a no-op outside a runner. */
export class Summary {
  private readonly parts: string[] = []

  heading(text: string, level: 2 | 3 = 2): this {
    this.parts.push(`${'#'.repeat(level)} ${text}\n`)
    return this
  }

  table(rows: Array<[string, string]>, header: [string, string] = ['', '']): this {
    this.parts.push(`${markdownTable(header, rows)}\n`)
    return this
  }

  text(markdown: string): this {
    if (markdown.trim() !== '') this.parts.push(`${markdown.trim()}\n`)
    return this
  }

  details(title: string, markdown: string): this {
    if (markdown.trim() === '') return this
    this.parts.push(`<details><summary>${title}</summary>\n\n${markdown.trim()}\n\n</details>\n`)
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
