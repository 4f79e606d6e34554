/**
 * The capture tool: from a Claude Code login on this machine (or in a container, or a
 * setup-token) to the one secret the action reads.
 *
 *   npm run capture -- [options]          capture, then upload or print the bundle
 *   npm run capture -- verify [FILE|-]    decode a bundle and say whether the action will take it
 *
 * Tokens are never printed: the report shows fingerprints (last 4 hex of sha256). The bundle goes
 * only to --out (a new file, mode 0600, renamed into place), to the secret, or to stdout when there
 * is no other target. Settings are bundled only with --with-settings, and never their risky keys.
 * Exit codes: 0 done, 1 failed (one sentence says why), 2 usage.
 */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError, Option } from 'commander'
import {
  buildBundle,
  decodeAuth,
  encodeBundle,
  tokensOf,
  type Login,
  type Source
} from '../src/auth/bundle.js'
import { fingerprint, primaryToken } from '../src/auth/credentials.js'
import { AuthError } from '../src/auth/errors.js'
import { secretNameProblem } from '../src/auth/secrets.js'
import { captureInContainer, findRepoRoot } from './capture/container.js'
import { probe } from './capture/probe.js'
import { judge, redact, reportLines, secretsTokenAdvice } from './capture/report.js'
import { bundledSettings } from './capture/settings.js'
import { unknownCommand, usageMessage } from './capture/usage.js'
import {
  captureConfigDir,
  CaptureError,
  fromFile,
  fromKeychain,
  fromTokenText,
  type Captured
} from './capture/sources.js'
import { chooseRoute, parseTargets, uploadAll } from './capture/upload.js'
import { VERSION } from './capture/version.js'
import { isMain } from './entry.js'

/** Everything the tool touches outside itself, so tests can run it in-process. */
export interface CaptureIO {
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  homedir: string
  /** The login name, when `$USER` is not set. */
  username: string
  /** Host user and group (for the container's output); undefined on Windows. */
  uid?: number | undefined
  gid?: number | undefined
  now: () => number
  stdin: NodeJS.ReadableStream
  stdinIsTTY: boolean
  stdout: { write(chunk: string): unknown }
  stderr: { write(chunk: string): unknown }
  /** The clone holding Dockerfile.claude-setup (found from this file's location when unset). */
  repoRoot?: string
}

/** The real process's streams, environment and clock. */
function defaultIO(): CaptureIO {
  let username = 'claude-code-user'
  try {
    username = os.userInfo().username
  } catch {
    // no passwd entry (a container with an arbitrary uid): the CLI's own stand-in is used
  }
  return {
    env: process.env,
    platform: process.platform,
    homedir: os.homedir(),
    username,
    uid: process.getuid?.(),
    gid: process.getgid?.(),
    now: () => Date.now(),
    stdin: process.stdin,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdout: process.stdout,
    stderr: process.stderr
  }
}

const EXAMPLES = `
Routes (pick one):
  your login        npm run capture -- --repo OWNER/REPO
                    Quickest. CI then shares this machine's login: whichever refreshes first
                    logs the other out, so expect to re-capture now and then.
  container login   npm run capture -- --from container --repo OWNER/REPO
                    Logs in inside Docker: a login of its own that CI alone uses.
  setup-token       claude setup-token     (then paste the token it prints into:)
                    npm run capture -- --from token --repo OWNER/REPO
                    A one-year token, never refreshed; it can only run inference.

More examples:
  npm run capture -- --out claude-auth.bundle         write the bundle to a file (mode 0600)
  npm run capture -- --with-settings --repo o/r       also bundle settings.json (risky keys removed)
  npm run capture -- --repo o/r --env production      an environment secret
  npm run capture -- --org my-org --name CLAUDE_AUTH  an organisation secret (private if new)
  npm run capture -- --probe --repo o/r               one tiny real call before uploading
  npm run capture -- verify claude-auth.bundle        check a bundle (or: verify - < file)

Uploading uses \`gh secret set\` when gh is installed and logged in, else the REST API with
GITHUB_TOKEN (a token that may write Actions secrets; GITHUB_API_URL for GitHub Enterprise).
Without --repo/--org/--out the bundle is printed on stdout; the report always goes to stderr.
Tokens are never printed: the report shows fingerprints (last 4 hex digits of sha256).
Exit codes: 0 done, 1 failed, 2 usage error.
`

interface CaptureOptions {
  from: 'auto' | 'file' | 'keychain' | 'container' | 'token'
  configDir?: string
  repo?: string[]
  env?: string
  org?: string
  name: string
  out?: string
  probe?: boolean
  withSettings?: boolean
  asContainer?: boolean
}

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value
]

/**
 * Runs the tool with `argv` (the words after the script name).
 * @returns the exit code: 0 done, 1 failed, 2 usage.
 */
export async function main(argv: string[], partial: Partial<CaptureIO> = {}): Promise<number> {
  const io: CaptureIO = { ...defaultIO(), ...partial }
  const say = (line = ''): void => void io.stderr.write(`${line}\n`)
  let code = 0

  const program = new Command('capture')
  program
    .description(
      'Capture your Claude Code login as the CLAUDE_AUTH secret of claude-subscription-action: read it, check it, and upload it (or write it to a file).'
    )
    .usage('[options]\n       capture verify [FILE|-]')
    .exitOverride()
    .configureOutput({
      writeOut: s => void io.stdout.write(s),
      writeErr: s => void io.stderr.write(s),
      outputError: (s, write) => write(`${usageMessage(s)}\n`)
    })
    .showHelpAfterError('Run with --help for the options.')
    .showSuggestionAfterError(true)
    // Words after the options are a mistyped command (see the action below), not arguments.
    .allowExcessArguments(true)
    .version(VERSION, '-V, --version', 'print the version of claude-subscription-action')
    .addOption(
      new Option('--from <source>', 'where the login comes from')
        .choices(['auto', 'file', 'keychain', 'container', 'token'])
        .default('auto')
    )
    .option(
      '--config-dir <dir>',
      'the Claude config directory (default: $CLAUDE_CONFIG_DIR, else ~/.claude)'
    )
    .option('--repo <owner/repo>', 'upload to this repository (repeatable)', collect)
    .option('--env <name>', 'upload to this deployment environment of each --repo')
    .option('--org <org>', 'upload an organisation secret')
    .option('--name <name>', 'the secret name', 'CLAUDE_AUTH')
    .option('--out <file>', 'write the bundle to this file (mode 0600), or - for stdout')
    .option('--probe', 'make one tiny real call with the login before uploading')
    .option(
      '--with-settings',
      'also bundle settings.json, without permissions, hooks, env and the command helpers'
    )
    .addOption(new Option('--as-container').hideHelp())
    .addHelpText(
      'after',
      `\nSources (--from):
  auto       the macOS Keychain on macOS, else the credentials file
  file       <config dir>/.credentials.json (Linux, WSL)
  keychain   the macOS Keychain item "Claude Code-credentials"
  container  log in inside Docker (Dockerfile.claude-setup): a login CI alone uses
  token      a setup-token from \`claude setup-token\`, read from stdin
${EXAMPLES}`
    )
    .action(async (opts: CaptureOptions) => {
      if (program.args.length > 0) unknownCommand(program)
      code = await capture(opts, io, say)
    })

  program
    .command('verify')
    .description('decode a bundle and report whether the action will accept it')
    .argument('[file]', 'the bundle file, or - for stdin (the default when stdin is piped)')
    .option('--probe', 'also make one tiny real call with the login')
    .allowExcessArguments(false)
    .action(async (file: string | undefined, opts: { probe?: boolean }) => {
      code = await verify(file, Boolean(opts.probe), io, say)
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not failures; every other parser complaint is a usage error.
      return err.exitCode === 0 ? 0 : 2
    }
    if (err instanceof CaptureError) {
      say(`capture: ${err.message}`)
      return err.exitCode
    }
    say(`capture: unexpected error: ${redact(err instanceof Error ? err.message : String(err))}`)
    return 1
  }
  return code
}

async function capture(
  opts: CaptureOptions,
  io: CaptureIO,
  say: (line?: string) => void
): Promise<number> {
  const nameProblem = secretNameProblem(opts.name)
  if (nameProblem) throw new CaptureError(`--name: ${nameProblem}`, 2)
  const targets = parseTargets({ repos: opts.repo ?? [], env: opts.env, org: opts.org })
  if (opts.from === 'token' && opts.configDir !== undefined) {
    throw new CaptureError('--config-dir does not apply to --from token.', 2)
  }
  const now = io.now()
  // Find out how to upload before anything else, so a missing gh/GITHUB_TOKEN fails at once.
  const route = targets.length > 0 ? await chooseRoute(io.env) : undefined

  const captured = await readLogin(opts, io, say)
  say(`Captured a login from ${captured.from}.`)
  const settings = bundledSettings(captured.login.files, Boolean(opts.withSettings))
  for (const note of [...captured.notes, ...settings.notes]) say(`Note: ${note}`)

  let login: Login = { ...captured.login, files: settings.files }
  const verdict = judge(login, now)
  if (verdict.fatal) throw new CaptureError(verdict.error as string)

  // Inside the setup container the file is the container's own login, not a laptop's.
  const source: Source = opts.asContainer ? 'container' : captured.source
  let secret = await makeSecret(login, source, now, opts.name)
  say('')
  for (const line of reportLines(secret.decoded, { now, bundleChars: secret.text.length })) {
    say(line)
  }
  say('')
  for (const w of verdict.warnings) say(`Warning: ${w}`)
  const ownLogin =
    !opts.asContainer && (captured.source === 'file' || captured.source === 'keychain')
  if (ownLogin) {
    say(
      'Warning: this is the login `claude` on this machine uses. Once uploaded, this machine and CI share one refresh chain, and whichever refreshes first logs the other out. For a login CI has to itself, capture with --from container (log in inside Docker) or --from token (a setup-token from `claude setup-token`).'
    )
  }

  if (opts.probe) {
    say('Probing: one tiny call through the Claude CLI…')
    const result = await probe(login, io.env)
    if (!result.ok) {
      throw new CaptureError(`${result.message} Nothing was written or uploaded.`)
    }
    say(`Probe: ok. ${result.message}`)
    if (result.rotated && login.kind === 'oauth') {
      login = { ...login, credentials: result.rotated }
      secret = await makeSecret(login, source, now, opts.name)
      say(
        `Warning: the CLI refreshed the login during the probe, so the bundle carries the new tokens (access token fingerprint ${fingerprint(primaryToken(login))})${ownLogin ? '; the copy this machine keeps is now stale, and `claude` here will ask you to log in again' : ''}.`
      )
    }
  }

  if (opts.out && opts.out !== '-') writeOut(opts.out, secret.text, say)
  const advice = login.kind === 'oauth' ? ['', ...secretsTokenAdvice(targets)] : []
  if (route) {
    const results = await uploadAll(targets, opts.name, secret.text, route, {
      env: io.env,
      log: line => say(line)
    })
    const failed = results.filter(r => r.error)
    if (failed.length > 0) {
      say(`capture: ${failed.length} of ${results.length} uploads failed; see above.`)
      return 1
    }
    say(
      `Done. Workflows read it with \`claude_auth: \${{ secrets.${opts.name} }}\`${opts.name === 'CLAUDE_AUTH' ? '' : ` (and auth_secret_name: ${opts.name} for write-back)`}.`
    )
  }
  // `--out -` is stdout, as for most tools; without any target the bundle goes there too.
  if (opts.out === '-' || (!route && !opts.out)) {
    io.stdout.write(`${secret.text}\n`)
    say(
      `The bundle is on stdout. Store it as the ${opts.name} secret, e.g. \`gh secret set ${opts.name} --repo OWNER/REPO < file\`, or run again with --repo OWNER/REPO to upload it.`
    )
  }
  for (const line of advice) say(line)
  return 0
}

/** Reads the login from the chosen source, saying which one `auto` picked. */
async function readLogin(
  opts: CaptureOptions,
  io: CaptureIO,
  say: (line?: string) => void
): Promise<Captured> {
  const config = captureConfigDir(opts.configDir, io.env, io.homedir)
  const settings = Boolean(opts.withSettings)
  const fileOpts = { platform: io.platform, settings }
  const keychainOpts = { env: io.env, fallbackUser: io.username, settings }
  switch (opts.from) {
    case 'file':
      return fromFile(config, fileOpts)
    case 'keychain':
      return fromKeychain(config, keychainOpts)
    case 'token':
      return fromTokenText(await readToken(io, say), io.now())
    case 'container': {
      const text = await captureInContainer({
        env: io.env,
        root: io.repoRoot ?? findRepoRoot(rootCandidates()),
        tty: io.stdinIsTTY,
        uid: io.uid,
        gid: io.gid,
        log: line => say(line)
      })
      let login: Login
      try {
        login = await decodeAuth(text, { label: 'The bundle made in the container' })
      } catch (err) {
        if (err instanceof AuthError) throw new CaptureError(err.message)
        throw err
      }
      return {
        login,
        source: 'container',
        from: 'the login made inside the container',
        // The container's own warnings about its files: the settings policy speaks for them.
        notes: login.warnings.filter(w => !/^The bundle carries a file /.test(w))
      }
    }
    case 'auto':
    default: {
      if (io.platform === 'darwin') {
        say('--from auto: this is macOS, so the login is read from the Keychain.')
        try {
          return await fromKeychain(config, keychainOpts)
        } catch (err) {
          // Some Macs keep the login in the file (no Keychain access): use it when it is there.
          if (!(err instanceof CaptureError) || !/has no item/.test(err.message)) throw err
          try {
            const fromDisk = fromFile(config, fileOpts)
            say(`${err.message} Using the credentials file instead.`)
            return fromDisk
          } catch {
            throw err
          }
        }
      }
      say(`--from auto: this is not macOS, so the login is read from the credentials file.`)
      return fromFile(config, fileOpts)
    }
  }
}

/** Encodes the login as a fresh bundle and decodes it again with the action's own decoder. */
async function makeSecret(
  login: Login,
  source: Source,
  now: number,
  name: string
): Promise<{ text: string; decoded: Login }> {
  const bundle = buildBundle(login, {
    source,
    generation: 1,
    capturedAt: new Date(now).toISOString(),
    files: login.files
  })
  let text: string
  try {
    text = encodeBundle(bundle)
  } catch (err) {
    if (err instanceof AuthError) {
      const extras = Object.keys(login.files)
      const generic = ': leave out the extra files.'
      const message =
        extras.length > 0 && err.message.endsWith(generic)
          ? `${err.message.slice(0, -generic.length)}, mostly because of ${extras.join(', ')}: trim it, or run again without --with-settings.`
          : err.message
      throw new CaptureError(message)
    }
    throw err
  }
  let decoded: Login
  try {
    decoded = await decodeAuth(text, { inputName: `new ${name}` })
  } catch (err) {
    throw new CaptureError(
      `The new bundle does not decode again (${err instanceof Error ? err.message : String(err)}): this is a bug in the capture tool; please report it.`
    )
  }
  if (tokensOf(decoded).join('\n') !== tokensOf(login).join('\n')) {
    throw new CaptureError(
      'The new bundle decodes to other tokens than were captured: this is a bug in the capture tool; please report it.'
    )
  }
  return { text, decoded }
}

/**
 * Writes the bundle to `file` atomically: a new file created exclusively (mode 0600) in the same
 * folder, then renamed over `file`. A symlink at `file` is replaced, never written through.
 */
function writeOut(file: string, text: string, say: (line?: string) => void): void {
  const target = path.resolve(file)
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`
  )
  let fd: number | undefined
  try {
    // wx: O_CREAT | O_EXCL, so an existing file or link at the temp name is an error.
    fd = openSync(temp, 'wx', 0o600)
    fchmodSync(fd, 0o600)
    writeSync(fd, `${text}\n`)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, target)
  } catch (err) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temp, { force: true })
    throw new CaptureError(
      `Cannot write --out ${JSON.stringify(file)} (${(err as NodeJS.ErrnoException).code ?? String(err)}): check that its folder exists and is writable.`
    )
  }
  say(`Wrote the bundle to ${file} (mode 0600).`)
}

async function verify(
  file: string | undefined,
  withProbe: boolean,
  io: CaptureIO,
  say: (line?: string) => void
): Promise<number> {
  let raw: string
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdinIsTTY) {
      throw new CaptureError(
        'verify needs a bundle: give a FILE, or pipe it in (`capture verify - < claude-auth.bundle`).',
        2
      )
    }
    raw = await readAll(io.stdin)
  } else {
    try {
      raw = readFileSync(file, 'utf8')
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      throw new CaptureError(
        code === 'ENOENT'
          ? `There is no file ${JSON.stringify(file)} to verify.`
          : `Cannot read ${JSON.stringify(file)} (${code ?? String(err)}).`
      )
    }
  }
  let login: Login
  try {
    // Named as what it is, not as the secret it may become.
    const label = file === undefined || file === '-' ? 'The text on stdin' : `The file ${file}`
    login = await decodeAuth(raw, { label })
  } catch (err) {
    if (err instanceof AuthError) {
      say(`Not usable: ${err.message}`)
      return 1
    }
    throw err
  }
  const now = io.now()
  say(`${login.kind === 'oauth' ? 'An oauth' : 'A setup-token'} login (${describeOrigin(login)}).`)
  for (const line of reportLines(login, { now, bundleChars: raw.trim().length })) say(line)
  say('')
  const verdict = judge(login, now)
  for (const w of verdict.warnings) say(`Warning: ${w}`)
  if (verdict.fatal) {
    say(`Not usable: ${verdict.error}`)
    return 1
  }
  if (withProbe) {
    say('Probing: one tiny call through the Claude CLI…')
    const result = await probe(login, io.env)
    if (!result.ok) {
      say(`Not usable: ${result.message}`)
      return 1
    }
    say(`Probe: ok. ${result.message}`)
    if (result.rotated) {
      say(
        'Warning: the CLI refreshed the login during the probe, so this bundle now holds a dead refresh token: capture again.'
      )
    }
  }
  say('The action will accept this bundle.')
  return 0
}

function describeOrigin(login: Login): string {
  switch (login.origin) {
    case 'bundle':
      return 'a claude-auth-bundle'
    case 'credentials-json':
      return 'a bare .credentials.json'
    case 'tar':
      return 'an archive of a Claude directory'
    case 'token':
      return 'a bare setup-token, expiry unknown'
  }
}

/** Reads a stream to its end (at most 1 MB: more cannot be a login). */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buf.length
    if (size > 1024 * 1024) {
      throw new CaptureError('More than 1 MB arrived on stdin, which cannot be a login.')
    }
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The setup-token: typed without echo at a terminal, else everything piped in. */
async function readToken(io: CaptureIO, say: (line?: string) => void): Promise<string> {
  const tty = io.stdin as NodeJS.ReadStream
  if (!io.stdinIsTTY || typeof tty.setRawMode !== 'function') return readAll(io.stdin)
  say('Paste the token `claude setup-token` printed (sk-ant-oat01-…; input is hidden), then Enter:')
  return new Promise((resolve, reject) => {
    let text = ''
    const finish = (err?: Error): void => {
      tty.setRawMode(false)
      tty.pause()
      tty.off('data', onData)
      say('')
      if (err) reject(err)
      else resolve(text)
    }
    const onData = (data: Buffer | string): void => {
      const chunk = [...data.toString()]
      for (const [i, ch] of chunk.entries()) {
        // A line break with more of the paste after it is a wrapped token's: kept, joined later.
        const pastedOn = chunk.slice(i + 1).some(c => c !== '\r' && c !== '\n')
        if ((ch === '\r' || ch === '\n') && pastedOn) text += '\n'
        else if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish()
        else if (ch === '\u0003') return finish(new CaptureError('Cancelled.'))
        else if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1)
        else text += ch
      }
    }
    tty.setRawMode(true)
    tty.resume()
    tty.on('data', onData)
  })
}

/** Where Dockerfile.claude-setup may be: beside the running script's folder, or the cwd. */
function rootCandidates(): (string | undefined)[] {
  const script = process.argv[1] ? path.resolve(process.argv[1]) : undefined
  let self: string | undefined
  try {
    self = fileURLToPath(import.meta.url)
  } catch {
    self = undefined
  }
  return [
    process.env.CSA_REPO_ROOT,
    script && path.dirname(path.dirname(script)),
    self && path.dirname(path.dirname(self)),
    process.cwd()
  ]
}

/**
 * True when this file is the program being run (`tsx scripts/capture.ts`, `node dist/capture.js`),
 * false when it is imported (tests). CSA_CAPTURE_MAIN=1 forces it, for bundles that rename things.
 */
function isEntryPoint(): boolean {
  if (process.env.CSA_CAPTURE_MAIN === '1') return true
  if (process.env.CSA_CAPTURE_MAIN === '0') return false
  return isMain(import.meta.url)
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    exitCode => {
      process.exitCode = exitCode
    },
    (err: unknown) => {
      process.stderr.write(`capture: ${redact(String(err))}\n`)
      process.exitCode = 1
    }
  )
}
