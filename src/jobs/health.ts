/**
 * The health check's verdict on a login, as pure logic: the status, the annotation to raise, and
 * the rows of the job summary table. No network; the live call and the tracking issue are added by
 * the caller.
 */
import { formatSpan, iso } from '../time.js'
import { fingerprint, primaryToken } from '../auth/credentials.js'
import type { LoadedAuth } from '../auth/load.js'
import { isOwnComment, type GitHubApi } from '../github/api.js'
import { markdownTable } from '../report/markdown.js'
import { hasFooterMarker, withFooter } from './markers.js'

/** What the health check concludes before any live call. */
export interface HealthVerdict {
  ok: boolean
  /** `warning` inside warn_within, `error` when the login cannot be used. */
  level: 'ok' | 'warning' | 'error'
  /** The sentence for the annotation and the tracking issue; empty when healthy. */
  message: string
  rows: Array<[string, string]>
}

/** Judges a loaded login at `now`. */
export function healthVerdict(auth: LoadedAuth, now: number): HealthVerdict {
  const a = auth.assessment
  const token = primaryToken(auth)
  const when = (ms: number | undefined): string =>
    ms === undefined
      ? 'unknown'
      : `${iso(ms)} (${ms > now ? 'in ' : ''}${formatSpan(Math.abs(ms - now))}${ms > now ? '' : ' ago'})`
  const rows: Array<[string, string]> = [
    ['Auth kind', a.kind],
    ['Status', a.status],
    ['Access token expires', a.kind === 'api-key' ? 'n/a (API key)' : when(a.expiresAt)],
    ['Login ends', a.kind === 'api-key' ? 'n/a (API key)' : when(a.loginExpiresAt)],
    ['Time left', a.expiresAt === undefined ? 'unknown' : formatSpan(a.expiresAt - now)],
    ['Token fingerprint', token ? `…${fingerprint(token)} (last 4 of SHA-256)` : 'none']
  ]
  if (auth.login?.generation !== undefined && auth.login.origin === 'bundle') {
    rows.push(['Bundle generation', String(auth.login.generation)])
  }
  if (a.status === 'valid') {
    return { ok: true, level: 'ok', message: a.notices.join(' '), rows }
  }
  if (a.status === 'expiring') {
    return { ok: true, level: 'warning', message: a.reason ?? 'The login ends soon.', rows }
  }
  const fix = a.needsRefresh
    ? ' A refresh could renew it, but this run may not refresh it (no secrets_token, or refresh: never): set secrets_token so the action can refresh and store the rotated login, or use a setup-token.'
    : ''
  return {
    ok: false,
    level: 'error',
    message: `${a.reason ?? `The login is ${a.status}.`}${fix}`,
    rows
  }
}

/** Finds the tracking issue again among open issues with the label (in the body's footer). */
export const HEALTH_MARKER = '<!-- claude-subscription-action:health -->'
/** The label every tracking issue carries (created when missing). */
export const HEALTH_LABEL = 'claude-auth-health'

/** What the tracking issue should say. */
export interface TrackingState {
  /** Action is needed: the login is expiring, expired, invalid or missing, or the live call failed. */
  needsAction: boolean
  status: string
  message: string
  rows: Array<[string, string]>
  /** The re-auth steps, as `messages.ts` words them. */
  reauth: string
  runUrl?: string
}

/**
 * Keeps one tracking issue: opened or updated while action is needed, closed with a comment when
 * the login is healthy again. Returns what it did, for the log.
 */
export async function syncTrackingIssue(github: GitHubApi, state: TrackingState): Promise<string> {
  const open = await github.listIssues({ state: 'open', labels: HEALTH_LABEL, limit: 50 })
  const marked = open.filter(i => hasFooterMarker(i.body, HEALTH_MARKER))
  // Only an issue the action opened: anyone who may label an issue could otherwise have the
  // action rewrite (and later close) theirs.
  const self = marked.length > 0 ? await github.whoami() : ''
  const existing = marked.find(i => isOwnComment(i, self))
  if (!state.needsAction) {
    if (!existing) return 'no tracking issue open: nothing to do'
    await github.createIssueComment(
      existing.number,
      `The Claude login is healthy again (status ${state.status}). Closing.${state.runUrl ? `\n\nChecked by ${state.runUrl}` : ''}`
    )
    await github.updateIssue(existing.number, { state: 'closed' })
    return `closed tracking issue #${existing.number}`
  }
  const text = [
    `**The Claude login used by this repository's workflows needs attention: ${state.status}.**`,
    '',
    state.message,
    '',
    markdownTable(['', ''], state.rows),
    '',
    state.reauth,
    '',
    `_Updated by the scheduled health check${state.runUrl ? ` (${state.runUrl})` : ''}; closed automatically once the login is healthy again._`
  ].join('\n')
  const body = withFooter(text, [HEALTH_MARKER])
  const title = `Claude login needs attention: ${state.status}`
  if (existing) {
    await github.updateIssue(existing.number, { title, body })
    return `updated tracking issue #${existing.number}`
  }
  const labels = await github.listLabels()
  if (!labels.some(l => l.name.toLowerCase() === HEALTH_LABEL)) {
    await github.createLabel({
      name: HEALTH_LABEL,
      color: 'd93f0b',
      description: 'The Claude login of the workflows needs attention'
    })
  }
  const created = await github.createIssue({ title, body, labels: [HEALTH_LABEL] })
  return `opened tracking issue #${created.number}`
}
