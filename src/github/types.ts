/**
 * The shapes of GitHub data the action reads, as the GitHub API layer returns them. They live here,
 * below the jobs, so the API layer never imports from a job.
 */

/** A changed file as `pulls.listFiles` returns it (the fields the review uses). */
export interface PrFile {
  filename: string
  /** `added`, `removed`, `modified`, `renamed`, `copied`, `changed` or `unchanged`. */
  status: string
  additions: number
  deletions: number
  changes: number
  /** The unified diff without file headers; GitHub omits it for binaries and very large diffs. */
  patch?: string | undefined
  previous_filename?: string
}

/** The fields of a GitHub timeline/issue event that matter here (REST shape). */
export interface TimelineEvent {
  event: string
  label?: { name: string } | null
  actor?: { login: string; type?: string } | null | undefined
  created_at?: string
}
