/**
 * The outbound guard: every text the action writes to GitHub is checked first against every secret
 * the run knows (in every encoding, see `known-secrets.ts`) and against the shapes of tokens nobody
 * registered. A hit withholds that write entirely, fails the step with one sentence naming the kind
 * of secret (never the value), and withholds every later write of the run. It wraps the GitHubApi
 * outside the dry-run wrapper, so a dry run never prints a secret either.
 */
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { knownSecrets, SecretLeakError, type KnownSecret } from '../known-secrets.js'
import type { GitHubApi } from './api.js'

/** What the guard found in a text: which kind of secret and in which form. */
interface Leak {
  /** Named for a message: "the github_token", "a GitHub personal access token". */
  what: string
  /** "base64", "URL-escaped", "by its shape"; empty when the secret was there as is. */
  form: string
}

// Token shapes, for secrets the action was never told about. Each needs a long tail, so that
// prose naming a prefix ("tokens start with ghp_") is not a hit.
const SHAPES: ReadonlyArray<{ what: string; re: RegExp }> = [
  { what: 'an Anthropic token', re: /sk-ant-[a-z]{2,8}\d{2}-[A-Za-z0-9_-]{16,}/ },
  { what: 'a GitHub personal access token', re: /\bghp_[A-Za-z0-9]{30,}/ },
  { what: 'a GitHub OAuth token', re: /\bgho_[A-Za-z0-9]{30,}/ },
  { what: 'a GitHub user token', re: /\bghu_[A-Za-z0-9]{30,}/ },
  { what: 'a GitHub installation token', re: /\bghs_[A-Za-z0-9]{30,}/ },
  { what: 'a GitHub refresh token', re: /\bghr_[A-Za-z0-9]{30,}/ },
  { what: 'a fine-grained GitHub token', re: /\bgithub_pat_[A-Za-z0-9_]{40,}/ },
  { what: 'a private key', re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ }
]

// Invisible characters a model could put inside a token to slip it past a plain search.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g

function describeKnown(secret: KnownSecret): string {
  return secret.kind === 'claude_auth' ? 'the claude_auth input' : `the ${secret.kind}`
}

// A secret a model cut up (halves in two comments, one character per word, line breaks, look-alike
// dashes, its hex spaced out) still holds runs of its letters and digits: any run this long of a
// token-like secret is a hit. Sixteen random characters never occur by chance; the pieces of a
// token split finer than this are left to the shapes and the runner's masks.
const PIECE = 16
// Only secrets that are one token (not a JSON bundle, whose key names would match ordinary text).
const TOKEN_LIKE = /^[A-Za-z0-9+/=_.:~-]+$/
const piecesByValue = new Map<string, { plain: Set<string>; hex: Set<string> }>()

/** A text's letters and digits alone, after NFKC (full-width letters become plain ones). */
function lettersAndDigits(text: string): string {
  return text.normalize('NFKC').replace(/[^A-Za-z0-9]/g, '')
}

// Every encoded bundle (gzip, then base64) starts with the same 14 characters, the gzip header:
// its pieces start past them, so a review quoting someone else's bundle is not a hit.
const BUNDLE_HEADER = 16

function runsOf(text: string, from = 0): Set<string> {
  const out = new Set<string>()
  for (let i = from; i + PIECE <= text.length; i++) out.add(text.slice(i, i + PIECE))
  return out
}

function piecesOf(secret: KnownSecret): { plain: Set<string>; hex: Set<string> } {
  let p = piecesByValue.get(secret.value)
  if (!p) {
    const tokenLike = TOKEN_LIKE.test(secret.value)
    const from = secret.kind === 'claude_auth' ? BUNDLE_HEADER : 0
    p = {
      plain: tokenLike ? runsOf(lettersAndDigits(secret.value), from) : new Set(),
      hex: tokenLike
        ? runsOf(Buffer.from(secret.value, 'utf8').toString('hex'), 2 * from)
        : new Set()
    }
    piecesByValue.set(secret.value, p)
  }
  return p
}

function holdsPiece(plain: string, pieces: Set<string>): boolean {
  if (pieces.size === 0) return false
  for (let i = 0; i + PIECE <= plain.length; i++)
    if (pieces.has(plain.slice(i, i + PIECE))) return true
  return false
}

/**
 * A text as GitHub renders it: numeric character references decoded and HTML tags dropped. A
 * token written `&#103;&#104;…` or with `<b></b>` between its characters shows as the token.
 */
function rendered(text: string): string {
  return text
    .replace(/<[^<>]*>/g, '')
    .replace(/&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));?/g, (whole, hex?: string, dec?: string) => {
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    })
}

/** The first secret (known, or by shape) in a text, or undefined when the text is clean. */
export function findLeak(
  text: string,
  secrets: readonly KnownSecret[] = knownSecrets()
): Leak | undefined {
  const visible = text.replace(INVISIBLE, '')
  const shown = rendered(visible).replace(INVISIBLE, '')
  const variants = [...new Set([text, visible, shown])]
  for (const t of variants) {
    for (const secret of secrets) {
      const hit = secret.forms.find(f => t.includes(f.text))
      if (hit) return { what: describeKnown(secret), form: hit.form === 'as is' ? '' : hit.form }
    }
    const shape = SHAPES.find(s => s.re.test(t))
    if (shape) return { what: shape.what, form: 'by its shape' }
  }
  // Letters and digits of what is written and of what shows, each also read backwards.
  const plains = [...new Set([visible, shown])].flatMap(v => {
    const plain = lettersAndDigits(v)
    return [plain, [...plain].reverse().join('')]
  })
  for (const secret of secrets) {
    const pieces = piecesOf(secret)
    for (const plain of plains) {
      if (holdsPiece(plain, pieces.plain) || holdsPiece(plain.toLowerCase(), pieces.hex)) {
        return { what: describeKnown(secret), form: 'in pieces or disguised' }
      }
    }
  }
  return undefined
}

/**
 * A line of model or person text for the log. The runner masks only the exact forms of a registered
 * secret, and a public repository's log is public: a line holding a secret in any form the guard
 * knows (pieces, spaced out, hex, a token shape) is replaced by a note naming the kind.
 */
export function logSafe(line: string): string {
  const leak = findLeak(line)
  return leak ? `(not shown: it holds ${leak.what}${leak.form ? `, ${leak.form}` : ''})` : line
}

// The runner acts on a log line that starts with `::name::` once leading whitespace is trimmed,
// and on a legacy `##[name]` anywhere in a line. A zero-width space (not whitespace to the runner,
// invisible to a reader) before the `::` and inside the `##[` leaves the text readable and inert.
const ZWSP = '\u200B'

/**
 * One line of model or person text made inert for the log (after `logSafe`): nothing in it can
 * become a workflow command (an annotation, `add-mask`, `save-state`, `stop-commands`...).
 */
export function commandFree(line: string): string {
  const safe = logSafe(line).replace(/##\[/g, `#${ZWSP}#[`)
  return /^\s*::/.test(safe) ? `${ZWSP}${safe}` : safe
}

/**
 * Logs a block of model or person text as it is, between `::stop-commands::` and its resume line
 * with a fresh random token the text cannot know, so that no line of it is a workflow command
 * (GitHub's documented way to print untrusted output). Secrets are withheld as `logSafe` does.
 */
export function logUntrusted(text: string, log: (line: string) => void = core.info): void {
  const token = `untrusted-${randomUUID()}`
  log(`::stop-commands::${token}`)
  log(logSafe(text))
  log(`::${token}::`)
}

/** Every string inside a call's arguments (bodies, titles, comments, label names). */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out)
  else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) stringsIn(v, out)
  }
  return out
}

// Methods that only read. Every other method is a write and is checked, so a write added to the
// GitHubApi later is guarded without anyone remembering to list it here.
const READS = new Set<string>([
  'getPull',
  'listPullFiles',
  'compare',
  'getFileText',
  'listReviewComments',
  'listReviewThreads',
  'listIssueComments',
  'getIssue',
  'listIssues',
  'listLabels',
  'listTimeline',
  'whoami',
  'getPermission'
])

/** What a write is, for the message (never its text: it may be the secret). */
function describeWrite(method: string, args: readonly unknown[]): string {
  const n = args[0]
  switch (method) {
    case 'createReview':
      return `the review on #${String(n)}`
    case 'replyToReviewComment':
      return `a reply to review comment ${String(args[1])} on #${String(n)}`
    case 'resolveReviewThread':
      return `the resolve of review thread ${String(n)}`
    case 'createIssueComment':
      return `a comment on #${String(n)}`
    case 'updateIssueComment':
      return `an update of comment ${String(n)}`
    case 'createIssue':
      return 'a new issue'
    case 'updateIssue':
      return `an update of issue #${String(n)}`
    case 'createLabel':
      return 'a new label'
    case 'addLabels':
      return `labels for #${String(n)}`
    case 'addReaction':
    case 'deleteReaction':
      return `a reaction on comment ${String((n as { id?: unknown } | undefined)?.id)}`
    case 'removeLabel':
      return `the removal of a label from #${String(n)}`
    default:
      return `a write to GitHub (${method})`
  }
}

/**
 * A token later steps may use as `CLAUDE_CODE_OAUTH_TOKEN`: an access token or setup-token (also
 * the claude_auth input when it is a bare token of that shape); never a refresh token, an API key,
 * a GitHub token or a bundle.
 */
function isLoginToken(secret: KnownSecret): boolean {
  if (['access token', 'setup-token', 'OAuth token'].includes(secret.kind)) return true
  return secret.kind === 'claude_auth' && /^sk-ant-oat\d{2}-[A-Za-z0-9_-]+$/.test(secret.value)
}

/** The sentence the step fails with. */
function leakMessage(write: string, leak: Leak): string {
  const form = leak.form ? ` (${leak.form})` : ''
  return `The outbound guard withheld ${write}, and every later write of this run, because its text holds ${leak.what}${form}; nothing of it was sent to GitHub (a model that writes a secret was likely steered by the text it read).`
}

/**
 * Checks every write before it leaves. The first hit is kept (`tripped`) so the step fails even
 * when a job treats a failed write as a warning.
 */
export class OutboundGuard {
  private hit: SecretLeakError | undefined

  constructor(private readonly secrets: () => readonly KnownSecret[] = knownSecrets) {}

  /** The error of the first withheld write, if any. */
  get tripped(): SecretLeakError | undefined {
    return this.hit
  }

  /**
   * Throws (and trips) when any text holds a secret, or when an earlier write was withheld.
   * @param write what the write is, as {@link describeWrite} names it.
   */
  check(write: string, texts: readonly string[]): void {
    // After a hit nothing more is written: the step fails with the first hit's sentence.
    if (this.hit) throw this.hit
    const secrets = this.secrets()
    for (const text of texts) {
      const leak = findLeak(text, secrets)
      if (leak) {
        this.hit = new SecretLeakError(leakMessage(write, leak))
        throw this.hit
      }
    }
  }

  /**
   * For what the runner publishes besides the API (step outputs, the job summary): true when the
   * text may go out. A text holding a secret is withheld, and trips the guard so the step fails;
   * unlike API writes, later clean texts still go (the failure itself must be reported).
   * @param what what the text is, for the message ("the output result").
   */
  allows(what: string, text: string): boolean {
    const leak = text === '' ? undefined : findLeak(text, this.secrets())
    if (!leak) return true
    this.hit ??= new SecretLeakError(leakMessage(what, leak))
    return false
  }

  /**
   * For the one output meant to carry the login (setup mode's `oauth_token`, for later steps):
   * true when `text` is empty or exactly the access token or setup-token this run knows, and so
   * masks. Anything else (a refresh token, a GitHub token, the bundle, a token with text around
   * it, a value the run never masked) is withheld and trips the guard. Every other output, the
   * summary and every GitHub write are still checked against that token by `allows` and `check`.
   */
  allowsLoginToken(text: string): boolean {
    if (text === '') return true
    const secret = this.secrets().find(s => s.value === text)
    if (secret && isLoginToken(secret)) return true
    this.hit ??= new SecretLeakError(
      `The outbound guard withheld the output oauth_token: it may carry only the login's access token or setup-token, and it held ${secret ? describeKnown(secret) : 'a value this run never masked'}.`
    )
    return false
  }

  /** The same API, with every write checked before it reaches `api`. */
  wrap(api: GitHubApi): GitHubApi {
    return new Proxy(api, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver)
        if (typeof prop !== 'string' || READS.has(prop) || typeof value !== 'function') {
          return value
        }
        return (...args: unknown[]): unknown => {
          try {
            this.check(describeWrite(prop, args), stringsIn(args))
          } catch (err) {
            return Promise.reject(err)
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      }
    })
  }
}
