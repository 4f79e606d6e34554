/**
 * The post step: runs even when the job failed. Takes the restored login away and puts back what
 * was there before. Only cleans up and only warns: it never fails the job.
 */
import * as core from '@actions/core'
import { RestorePlanSchema, undoRestore } from './auth/restore.js'
import { load } from './state.js'

/** Runs the post step; every problem is a warning. */
export async function post(): Promise<void> {
  try {
    await cleanUp()
  } catch (err) {
    core.warning(`Post step: ${(err as Error).message}`)
  }
}

async function cleanUp(): Promise<void> {
  const raw = load('restorePlan')
  if (!raw) {
    core.info('Nothing to clean up: the main step restored no login.')
    return
  }
  const parsed = RestorePlanSchema.safeParse(JSON.parse(raw))
  if (!parsed.success) {
    core.warning(
      'Post step: the saved restore plan is unreadable, so the restored login was not removed.'
    )
    return
  }
  const problems = await undoRestore(parsed.data)
  for (const p of problems) core.warning(`Post step: ${p}`)
  if (problems.length === 0) {
    core.info(
      `Removed the restored login from ${parsed.data.configDir}${parsed.data.hadDir ? ' and put back what was there before' : ''}.`
    )
  }
}
