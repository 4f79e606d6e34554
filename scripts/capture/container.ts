/**
 * `--from container`: build Dockerfile.claude-setup, run it interactively so the user logs in
 * inside (a login of its own, separate from the laptop's), and pick up the bundle it writes to
 * the mounted output folder.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { firstLine, run, which } from './exec.js'
import { redact } from './report.js'
import { CaptureError } from './sources.js'

const IMAGE = 'claude-subscription-setup'
const DOCKERFILE = 'Dockerfile.claude-setup'
/** What the entrypoint writes into /output. */
const BUNDLE_FILE = 'claude-auth.bundle'

/** The first candidate directory that holds Dockerfile.claude-setup. */
export function findRepoRoot(candidates: (string | undefined)[]): string | undefined {
  for (const dir of candidates) {
    if (dir && existsSync(path.join(dir, DOCKERFILE))) return path.resolve(dir)
  }
  return undefined
}

interface ContainerOptions {
  env: NodeJS.ProcessEnv
  /** The clone holding Dockerfile.claude-setup and dist/capture.js. */
  root: string | undefined
  /** Whether stdin is a terminal (`docker run -t` needs one). */
  tty: boolean
  /** Host user and group the output must belong to. */
  uid: number | undefined
  gid: number | undefined
  log: (line: string) => void
}

/**
 * Builds and runs the setup image, and returns the bundle text it wrote.
 * @throws CaptureError with one sentence when Docker is missing or the login did not finish.
 */
export async function captureInContainer(opts: ContainerOptions): Promise<string> {
  const { env, log } = opts
  const docker = which('docker', env)
  if (!docker) {
    throw new CaptureError(
      'Docker is not installed (no `docker` on PATH): install Docker, or use --from token with a token from `claude setup-token` instead.'
    )
  }
  const info = await run(docker, ['info', '--format', '{{.ServerVersion}}'], {
    env,
    timeoutMs: 30_000
  })
  if (info.code !== 0) {
    const why = redact(firstLine(info.stderr || info.stdout)) || `exit code ${info.code}`
    throw new CaptureError(
      `Docker is installed but its engine does not answer (\`docker info\`: ${why}): start Docker Desktop or the docker service and run again, or use --from token instead.`
    )
  }
  if (!opts.root) {
    throw new CaptureError(
      `${DOCKERFILE} was not found: run \`npm run capture -- --from container\` from a clone of claude-subscription-action.`
    )
  }
  if (!existsSync(path.join(opts.root, 'dist', 'capture.js'))) {
    throw new CaptureError(
      `${path.join(opts.root, 'dist', 'capture.js')} is missing, and the image needs it: run \`npm run package\` first.`
    )
  }
  if (!opts.tty) {
    throw new CaptureError(
      '--from container needs an interactive terminal, because you log in inside the container: run it from a terminal, with nothing piped into it.'
    )
  }

  log(`Building the image ${IMAGE} from ${path.join(opts.root, DOCKERFILE)}…`)
  const build = await run(
    docker,
    ['build', '-f', path.join(opts.root, DOCKERFILE), '-t', IMAGE, opts.root],
    { env, stdio: 'terminal' }
  )
  if (build.code !== 0) {
    throw new CaptureError(
      `\`docker build -f ${DOCKERFILE} -t ${IMAGE} .\` failed with exit code ${build.code ?? build.signal}: see its output above.`
    )
  }

  const out = mkdtempSync(path.join(tmpdir(), 'claude-setup-'))
  try {
    chmodSync(out, 0o700)
    const args = ['run', '--rm', '-it', '-v', `${out}:/output`]
    if (opts.uid !== undefined) args.push('-e', `HOST_UID=${opts.uid}`)
    if (opts.gid !== undefined) args.push('-e', `HOST_GID=${opts.gid}`)
    if (env.CSA_DEBUG) args.push('-e', `CSA_DEBUG=${env.CSA_DEBUG}`)
    args.push(IMAGE)
    log('Starting the container: log in there with your Claude account (the CLI shows a link).')
    log('When the login is done the container writes the bundle and exits.')
    // Ctrl-C belongs to the container (its terminal is raw); never let it kill us mid-login,
    // or the bundle it writes would be left behind in a temporary folder.
    const ignore = (): void => undefined
    process.on('SIGINT', ignore)
    let result
    try {
      result = await run(docker, args, { env, stdio: 'terminal' })
    } finally {
      process.off('SIGINT', ignore)
    }
    const file = path.join(out, BUNDLE_FILE)
    if (!existsSync(file)) {
      throw new CaptureError(
        `The container wrote no bundle (docker exited with ${result.code ?? result.signal}): the login inside did not finish; run again and complete \`claude auth login\`.`
      )
    }
    return readFileSync(file, 'utf8')
  } finally {
    // The folder holds a copy of the login: never leave it behind.
    rmSync(out, { recursive: true, force: true })
  }
}
