/**
 * The text of a few files at the pull request's head, for placement (see `filesToRead`): a finding
 * whose quote is on an unchanged line at or near its given line is about that line, and must not
 * be moved onto a changed line that happens to say the same. Reads are few and bounded; a file
 * that cannot be read is placed by its diff alone.
 */
import * as core from '@actions/core'
import type { GitHubApi } from '../../github/api.js'
import { githubFailure, isRequestError } from '../../github/errors.js'
import { commandFree } from '../../github/guard.js'
import type { PrFile } from './types.js'

/** At most this many files are read per review (one REST call each). */
export const MAX_HEAD_READS = 20

/** The text at `headSha` of each file that could be read, by file name. */
export async function readHeadTexts(
  github: Pick<GitHubApi, 'getFileText'>,
  headSha: string,
  files: PrFile[]
): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  for (const file of files.slice(0, MAX_HEAD_READS)) {
    try {
      const text = await github.getFileText(file.filename, headSha)
      // Over 1 MB the contents API sends no content: the same as not read.
      if (text) texts.set(file.filename, text)
    } catch (err) {
      const why = isRequestError(err) ? githubFailure(err) : (err as Error).message
      // The file name is the PR author's: one inert line (no workflow command can ride on it).
      const line = `Could not read ${file.filename} at ${headSha.slice(0, 7)} (${why}); its findings are placed by the diff alone.`
      core.info(commandFree(line.replace(/[\r\n]+/g, ' ')))
    }
  }
  if (files.length > MAX_HEAD_READS) {
    core.info(
      `${files.length} files have findings off their given line; the first ${MAX_HEAD_READS} were read, the others are placed by the diff alone.`
    )
  }
  return texts
}
