/** The label part of the REST `GitHubApi`: the repository's labels, and labels on an issue. */
import type { GitHubApi } from './api.js'
import type { RestContext } from './rest.js'

type LabelsApi = Pick<GitHubApi, 'listLabels' | 'createLabel' | 'addLabels' | 'removeLabel'>

/** The repository's labels and adding them to issues, over one repository's REST context. */
export function labelsApi({ octokit, r }: RestContext): LabelsApi {
  return {
    async listLabels() {
      const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
        ...r,
        per_page: 100
      })
      return labels.map(l => ({
        name: l.name,
        ...(l.description ? { description: l.description } : {})
      }))
    },
    async createLabel(label) {
      await octokit.rest.issues.createLabel({ ...r, ...label })
    },
    async addLabels(issue, labels) {
      await octokit.rest.issues.addLabels({ ...r, issue_number: issue, labels })
    },
    async removeLabel(issue, name) {
      try {
        await octokit.rest.issues.removeLabel({ ...r, issue_number: issue, name })
        return true
      } catch (err) {
        // 404 "Label does not exist": someone (another run) took it off first.
        if ((err as { status?: number }).status === 404) return false
        throw err
      }
    }
  }
}
