/**
 * Tokens as people paste them: a setup-token the terminal wrapped over lines is joined again, and
 * a token that cannot be a whole setup-token (cut short, a refresh token, an API key) is named with
 * the fix. Shared by the action's decoder and the capture tool's `--from token`. Pure.
 */

/** How long a setup-token from `claude setup-token` is, as users report it: `sk-ant-oat01-` and 95 more. */
const SETUP_TOKEN_LENGTH = 108
/**
 * Shorter than this, a setup-token was cut short: a terminal 80 columns wide shows at most 80 of
 * its characters on the first line, and that line is what a careless copy takes.
 */
const MIN_SETUP_TOKEN_LENGTH = 90

/** An Anthropic token of any kind, whole: `sk-ant-<kind><2 digits>-…`. */
const TOKEN_RE = /^sk-ant-[a-z]{3}\d{2}-[A-Za-z0-9_-]{8,}$/
/** A line that can only be the continuation of a wrapped token. */
const CONTINUATION_RE = /^[A-Za-z0-9_-]+$/
/** A token's start in a line of text; the token runs to the end of the line when wrapped. */
const TOKEN_START_RE = /sk-ant-[a-z]{3}\d{2}-[A-Za-z0-9_-]*/g

/**
 * The one token `text` is, with any whitespace inside it (line breaks of a wrapped paste) removed;
 * undefined when the text is anything else.
 */
export function joinedToken(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '')
  return TOKEN_RE.test(compact) ? compact : undefined
}

/**
 * Every token in a longer text (`claude setup-token`'s whole output, say), each joined with the
 * lines that continue it: a token that runs to the end of its line goes on into the next line when
 * that line is only token characters.
 */
export function tokensInText(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const found: string[] = []
  lines.forEach((line, i) => {
    for (const m of line.matchAll(TOKEN_START_RE)) {
      let token = m[0]
      const atEnd = line.slice((m.index ?? 0) + token.length).trim() === ''
      for (let j = i + 1; atEnd && j < lines.length; j++) {
        const next = (lines[j] as string).trim()
        if (next === '' || !CONTINUATION_RE.test(next)) break
        token += next
      }
      found.push(token)
    }
  })
  return [...new Set(found)]
}

/**
 * Why `token` cannot be a whole setup-token, in one sentence that starts with `subject` (`The
 * claude_code_oauth_token secret`, `That`); undefined when it may be one.
 */
export function setupTokenProblem(token: string, subject: string): string | undefined {
  if (/^sk-ant-api\d{2}-/.test(token)) {
    return `${subject} is an Anthropic API key, not a subscription login: pass it as the anthropic_api_key input instead, or run \`claude setup-token\` for a subscription token.`
  }
  if (/^sk-ant-ort\d{2}-/.test(token)) {
    return `${subject} is a refresh token (sk-ant-ort01-…), not a setup-token: run \`claude setup-token\` and paste the token it prints (sk-ant-oat01-…), or store the whole login with \`node capture.js\`.`
  }
  if (!/^sk-ant-oat\d{2}-/.test(token)) {
    return `${subject} looks like a token but not an OAuth access token (sk-ant-oat…): use the token \`claude setup-token\` prints.`
  }
  if (token.length < MIN_SETUP_TOKEN_LENGTH) {
    return `${subject} is ${token.length} characters, too short to be a whole setup-token (a setup-token is about ${SETUP_TOKEN_LENGTH}): it was probably cut short where the terminal wrapped it; copy all of it, every line, and paste it again.`
  }
  return undefined
}

/**
 * True when `text` begins with the banner npm prints before running a script (`> name@version
 * script`, then the command): what `npm run capture > file` writes into the file before the bundle.
 */
export function startsWithNpmBanner(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0] ?? ''
  return /^> \S+@\S+ \S+/.test(first)
}
