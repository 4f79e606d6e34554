/** Real webhook payloads from @octokit/webhooks-examples, pointed at the test repository. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

interface WebhookDoc {
  name: string
  examples: Array<Record<string, unknown> & { action?: string }>
}

const INDEX = fileURLToPath(
  new URL('../node_modules/@octokit/webhooks-examples/api.github.com/index.json', import.meta.url)
)
let docs: WebhookDoc[] | undefined

/**
 * A deep copy of the first example of `event` with `action`, its repository renamed to
 * octo-org/octo-repo and the pull request or issue renumbered.
 */
export function webhookPayload(
  event: 'pull_request' | 'issues' | 'issue_comment' | 'pull_request_review_comment',
  action: string,
  number: number
): Record<string, unknown> {
  docs ??= JSON.parse(readFileSync(INDEX, 'utf8')) as WebhookDoc[]
  const doc = docs.find(d => d.name === event)
  const example = doc?.examples.find(e => e.action === action)
  if (!example) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`)
  const payload = JSON.parse(JSON.stringify(example)) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  payload.repository.full_name = 'octo-org/octo-repo'
  payload.repository.name = 'octo-repo'
  payload.repository.owner.login = 'octo-org'
  const item = payload.pull_request ?? payload.issue
  item.number = number
  return payload
}
