/**
 * What the command e2e tests share: a repository with an issue and a pull request in the mock
 * GitHub, real webhook payloads (`issue_comment.created`, `pull_request_review_comment.created`
 * from @octokit/webhooks-examples) for a comment the test writes, and one step of the action.
 */
import { DAY } from '../../__fixtures__/logins.js'
import { scenarios, type Turn } from '../../__fixtures__/mock-anthropic.js'
import { BOT, fakeSha, fileFromPatch, type MockUser } from '../../__fixtures__/mock-github.js'
import { webhookPayload } from '../../__fixtures__/payloads.js'
import { CLAUDE } from '../../__fixtures__/runner.js'
import type { World } from './world.js'

export const GH_TOKEN = 'ghs_FAKE_commands_token_1234567890'
export const REPO = 'octo-org/octo-repo'
export const PR = 12
export const ISSUE = 3
export const MAINTAINER: MockUser = { login: 'maintainer', type: 'User' }
export const READER: MockUser = { login: 'reader', type: 'User' }
export const HEAD1 = fakeSha('commands-head-1')
export const HEAD2 = fakeSha('commands-head-2')
export const BASE = fakeSha('commands-base')
export const REVIEW_MARKER = '<!-- claude-subscription-action:review -->'

export const CALC = [
  '@@ -1,3 +1,3 @@',
  ' export function add(a: number, b: number): number {',
  '-  return a + b',
  '+  return a - b',
  ' }'
].join('\n')

/** The pull request (#12, one file) and the issue (#3), and who may command. */
export function arrange(world: World): void {
  const s = world.gh.state
  s.pulls = [
    {
      number: PR,
      title: 'Fix the calculator',
      body: 'Makes add right.',
      user: { login: 'alice', type: 'User' },
      head: { sha: HEAD1, ref: 'fix', repo: { full_name: REPO } },
      base: { sha: BASE, ref: 'main', repo: { full_name: REPO } },
      files: [fileFromPatch('src/calc.ts', CALC)],
      commits: [{ sha: HEAD1, parents: [BASE] }]
    }
  ]
  s.issues.push({
    number: ISSUE,
    title: 'Crash on start',
    body: 'The app crashes when I start it.',
    user: { login: 'bob', type: 'User' }
  })
  s.permissions = { maintainer: 'write', reader: 'read' }
}

let nextCommentId = 70_000

/** An `issue_comment` event for a comment just written on #`number` (also stored in the mock). */
export function issueCommentEvent(
  world: World,
  body: string,
  opts: { number?: number; user?: MockUser; action?: string } = {}
): { name: string; payload: Record<string, unknown>; id: number } {
  const number = opts.number ?? PR
  const user = opts.user ?? MAINTAINER
  const id = ++nextCommentId
  const payload = webhookPayload('issue_comment', opts.action ?? 'created', number) as Record<
    string,
    any // eslint-disable-line @typescript-eslint/no-explicit-any
  >
  const onPr = world.gh.state.pulls.some(p => p.number === number)
  if (onPr)
    payload.issue.pull_request = { url: `https://api.github.com/repos/${REPO}/pulls/${number}` }
  else delete payload.issue.pull_request
  const t = new Date().toISOString()
  Object.assign(payload.comment, {
    id,
    body,
    user: { ...payload.comment.user, ...user },
    created_at: t,
    updated_at: t
  })
  world.gh.state.issueComments.push({
    id,
    issue_number: number,
    body,
    user,
    created_at: t,
    updated_at: t
  })
  return { name: 'issue_comment', payload, id }
}

/**
 * A `pull_request_review_comment` event for a reply written in the thread of review comment
 * `rootId` (stored in the mock with the root's hunk).
 */
export function reviewCommentEvent(
  world: World,
  body: string,
  rootId: number,
  opts: { user?: MockUser } = {}
): { name: string; payload: Record<string, unknown>; id: number } {
  const user = opts.user ?? MAINTAINER
  const root = world.gh.state.reviewComments.find(c => c.id === rootId)
  if (!root) throw new Error(`no review comment ${rootId}`)
  const id = ++nextCommentId
  const payload = webhookPayload('pull_request_review_comment', 'created', PR) as Record<
    string,
    any // eslint-disable-line @typescript-eslint/no-explicit-any
  >
  Object.assign(payload.pull_request.head, { sha: HEAD1 })
  payload.pull_request.head.repo.full_name = REPO
  payload.pull_request.base.repo.full_name = REPO
  const t = new Date().toISOString()
  Object.assign(payload.comment, {
    id,
    body,
    created_at: t,
    updated_at: t,
    in_reply_to_id: rootId,
    path: root.path,
    line: root.line,
    diff_hunk: root.diff_hunk,
    user: { ...payload.comment.user, ...user }
  })
  world.gh.state.reviewComments.push({
    ...root,
    id,
    body,
    user,
    in_reply_to_id: rootId,
    created_at: t,
    updated_at: t,
    html_url: `https://github.com/${REPO}/pull/${PR}#discussion_r${id}`
  })
  return { name: 'pull_request_review_comment', payload, id }
}

/** A review comment of `user` on src/calc.ts line 2 (the root of a thread). */
export function threadRoot(world: World, body: string, user: MockUser = BOT): number {
  const id = ++nextCommentId
  const t = new Date().toISOString()
  world.gh.state.reviewComments.push({
    id,
    pull_number: PR,
    review_id: null,
    path: 'src/calc.ts',
    line: 2,
    side: 'RIGHT',
    start_line: null,
    start_side: null,
    position: 3,
    body,
    user,
    commit_id: HEAD1,
    created_at: t,
    updated_at: t,
    html_url: `https://github.com/${REPO}/pull/${PR}#discussion_r${id}`,
    diff_hunk:
      '@@ -1,3 +1,3 @@\n export function add(a: number, b: number): number {\n-  return a + b\n+  return a - b'
  })
  return id
}

/** One main step of the action on `event`, the model answering with `turns`. */
export async function step(
  world: World,
  event: { name: string; payload: Record<string, unknown> },
  opts: {
    inputs?: Record<string, string>
    /** The model's turns; a function gets the login's tokens (a model steered to leak them). */
    turns?: Turn[] | ((login: { access: string; refresh: string }) => Turn[])
  } = {}
) {
  const login = world.login({ loginEndsInMs: 20 * DAY })
  const { secret } = login
  world.api.script(
    typeof opts.turns === 'function' ? opts.turns(login) : (opts.turns ?? scenarios.ok())
  )
  const result = await world.runner.main({
    inputs: {
      claude_path: CLAUDE,
      model: 'claude-haiku-4-5',
      claude_auth: secret,
      github_token: GH_TOKEN,
      ...opts.inputs
    },
    env: world.env(),
    event
  })
  return result
}

/** A structured answer of the command schema. */
export const answer = (text: string): Turn[] => scenarios.structured({ answer: text })

/** The issue comments the action wrote on #`number`. */
export const botComments = (world: World, number: number) =>
  world.gh.state.issueComments.filter(c => c.issue_number === number && c.user.login === BOT.login)

/** Everything the model was sent, as one text. */
export const modelSaw = (world: World): string =>
  world.api
    .messageRequests()
    .map(r => r.raw)
    .join('\n')
