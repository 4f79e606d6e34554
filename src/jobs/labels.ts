/** Labels the action owns (the health tracking issue's, `claude-deferred`): created when missing. */
import type { GitHubApi } from '../github/api.js'

/** A label the action creates when the repository does not have it yet. */
export interface OwnLabel {
  name: string
  color: string
  description: string
}

/** Creates `label` unless the repository has a label of that name (in any case). */
export async function ensureLabel(
  github: Pick<GitHubApi, 'listLabels' | 'createLabel'>,
  label: OwnLabel
): Promise<void> {
  const labels = await github.listLabels()
  if (labels.some(l => l.name.toLowerCase() === label.name.toLowerCase())) return
  await github.createLabel(label)
}
