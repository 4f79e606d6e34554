/** The workflow event, read from the runner's environment (never from event data for settings). */
import { promises as fs } from 'node:fs'

/** The workflow event, as far as the jobs need it. */
export interface EventInfo {
  name: string
  payload: Record<string, unknown>
  owner: string
  repo: string
}

/** Reads the event name, payload and repository the runner describes. */
export async function readEvent(env: NodeJS.ProcessEnv = process.env): Promise<EventInfo> {
  let payload: Record<string, unknown> = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Record<
        string,
        unknown
      >
    } catch {
      payload = {}
    }
  }
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  return { name: env.GITHUB_EVENT_NAME ?? '', payload, owner, repo }
}
