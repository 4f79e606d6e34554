/**
 * `setup` mode's `oauth_token` output, end to end: dist/index.js run as a runner runs it, the
 * output read back, and then the REAL Claude CLI started as a later step would start it
 * (anthropics/claude-code-action passes its `claude_code_oauth_token` input to the CLI as
 * `CLAUDE_CODE_OAUTH_TOKEN`), with an empty HOME and config dir, against the mock Anthropic API.
 * The output is the one place the token may go: it is masked, and no other output, the summary,
 * the log or the environment file carries it (the world's scan checks everything but that one
 * output after every test).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fakeSetupTokenBundle, fakeToken, HOUR } from '../../__fixtures__/logins.js'
import { hermeticCliEnv, scenarios } from '../../__fixtures__/mock-anthropic.js'
import { CLAUDE, findLeaks, parseCommandFile, type StepResult } from '../../__fixtures__/runner.js'
import { startTokenEndpoint, type TokenEndpoint } from '../../__fixtures__/token-endpoint.js'
import { useWorld } from './world.js'

const world = useWorld({ github: true })
const SECRETS_TOKEN = 'ghs_FAKE_test_secrets_token_for_oauth_output'
let tokens: TokenEndpoint

beforeAll(async () => {
  tokens = await startTokenEndpoint()
})
afterAll(async () => {
  await tokens.close()
})

/** Where a later step's CLI runs: its HOME and config dir, and whether the test made them. */
interface Place {
  home: string
  configDir?: string | undefined
}

/**
 * A later step: the real CLI with the token, in an empty HOME and config dir, or (`place`) where
 * the setup step restored the login, as on a runner.
 */
async function laterStep(
  token: string,
  place?: Place
): Promise<{ code: number | null; result: unknown }> {
  const home = place?.home ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'csa-later-step-')))
  const configDir = place ? place.configDir : path.join(home, 'empty-config')
  if (!place) await fs.mkdir(configDir as string)
  try {
    const env = hermeticCliEnv({
      mockUrl: world.api.url,
      proxyUrl: world.proxy.url,
      home,
      ...(configDir ? { configDir } : {}),
      extra: { CLAUDE_CODE_OAUTH_TOKEN: token }
    })
    const args = ['-p', 'Say hi.', '--output-format', 'json', '--model', 'claude-haiku-4-5']
    const child = spawn(CLAUDE, args, { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', d => (stdout += d))
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    let result: unknown
    try {
      result = JSON.parse(stdout)
    } catch {
      result = stdout
    }
    return { code, result }
  } finally {
    if (!place) await fs.rm(home, { recursive: true, force: true })
  }
}

/** Every output but oauth_token, the step summary, GITHUB_ENV and the log: none may hold a token. */
async function elsewhere(step: StepResult): Promise<string> {
  const { oauth_token: _deliberate, ...others } = step.outputs
  const summary = await fs.readFile(world.runner.files.summary, 'utf8')
  const env = await fs.readFile(world.runner.files.env, 'utf8')
  // The log, mask commands aside (the runner hides what they name).
  const log = step.stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
  return [JSON.stringify(others), summary, env, log, step.stderr].join('\n')
}

/** Asserts the CLI answered with `token` as its bearer, on every model call. */
async function cliAuthenticatesWith(token: string, place?: Place): Promise<void> {
  world.api.requests.length = 0
  world.api.script(scenarios.ok('Hi from a later step.'))
  const later = await laterStep(token, place)
  expect(later.code).toBe(0)
  expect(later.result).toMatchObject({ is_error: false, result: 'Hi from a later step.' })
  const calls = world.api.messageRequests()
  expect(calls.length).toBeGreaterThan(0)
  for (const c of calls) expect(c.headers.authorization).toBe(`Bearer ${token}`)
}

describe('setup mode: the oauth_token output', () => {
  it('an oauth bundle: the access token, masked, and the real CLI authenticates with it', async () => {
    const { secret, access } = world.login()
    const step = await world.runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: secret },
      env: world.env()
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs.oauth_token).toBe(access)
    expect(step.masked).toContain(access)
    expect(findLeaks(await elsewhere(step), world.secrets)).toEqual([])
    await cliAuthenticatesWith(step.outputs.oauth_token as string)
    // The post step takes the restored login away; the token itself stays valid until it expires.
    const post = await world.runner.post({ env: world.env() })
    expect(post.exitCode).toBe(0)
  })

  it('with the restored login still in place (the real setup): a later step authenticates with oauth_token', async () => {
    const { secret, access } = world.login()
    tokens.issued.length = 0
    const step = await world.runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: secret },
      env: { ...world.env(), CLAUDE_OAUTH_TOKEN_URL: tokens.url }
    })
    expect(step.exitCode).toBe(0)
    // The later step's environment is the runner's: HOME, plus what setup put in GITHUB_ENV.
    const exported = parseCommandFile(await fs.readFile(world.runner.files.env, 'utf8'))
    const place = { home: world.runner.home, configDir: exported.CLAUDE_CONFIG_DIR }
    const creds = path.join(
      place.configDir ?? path.join(place.home, '.claude'),
      '.credentials.json'
    )
    const restored = JSON.parse(await fs.readFile(creds, 'utf8')) as {
      claudeAiOauth: { accessToken: string }
    }
    expect(restored.claudeAiOauth.accessToken).toBe(access)
    await cliAuthenticatesWith(step.outputs.oauth_token as string, place)
    expect(step.outputs.oauth_token).toBe(access)
    // Neither the action nor the CLI refreshed: the login in the file is still the one restored.
    expect(tokens.issued).toEqual([])
    const after = JSON.parse(await fs.readFile(creds, 'utf8')) as typeof restored
    expect(after.claudeAiOauth.accessToken).toBe(access)
    // The token the step is given wins over the file beside it: with another token in
    // CLAUDE_CODE_OAUTH_TOKEN the CLI sends that one, never the file's.
    const other = fakeToken('oat')
    world.secrets.push(other)
    await cliAuthenticatesWith(other, place)
    const post = await world.runner.post({ env: world.env() })
    expect(post.exitCode).toBe(0)
  })

  it('a setup-token bundle: the setup-token, and the real CLI authenticates with it', async () => {
    const { secret, token } = fakeSetupTokenBundle()
    world.secrets.push(secret, token)
    const step = await world.runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: secret },
      env: world.env()
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs.oauth_token).toBe(token)
    expect(step.masked).toContain(token)
    expect(findLeaks(await elsewhere(step), world.secrets)).toEqual([])
    await cliAuthenticatesWith(token)
  })

  it('an expiring bundle with secrets_token: the NEW access token after the refresh', async () => {
    const old = world.login({ expiresInMs: 10 * 60_000, loginEndsInMs: 20 * 24 * HOUR })
    world.secrets.push(SECRETS_TOKEN)
    world.gh.state.secrets.CLAUDE_AUTH = {
      name: 'CLAUDE_AUTH',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      ...world.gh.sealSecret({}, old.secret)
    }
    tokens.issued.length = 0
    const step = await world.runner.main({
      inputs: {
        mode: 'setup',
        claude_path: CLAUDE,
        claude_auth: old.secret,
        secrets_token: SECRETS_TOKEN
      },
      env: { ...world.env(), CLAUDE_OAUTH_TOKEN_URL: tokens.url }
    })
    const issued = tokens.issued[0]
    world.secrets.push(...tokens.issued.flatMap(t => [t.accessToken, t.refreshToken]))
    world.secrets.push(world.gh.decryptSecret({}, 'CLAUDE_AUTH'))
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toMatchObject({ rotated: 'true', secret_updated: 'true' })
    expect(issued).toBeDefined()
    expect(step.outputs.oauth_token).toBe(issued?.accessToken)
    expect(step.masked).toContain(issued?.accessToken)
    expect(findLeaks(await elsewhere(step), world.secrets)).toEqual([])
    await cliAuthenticatesWith(issued?.accessToken as string)
    expect(world.api.requests.some(r => r.headers.authorization === `Bearer ${old.access}`)).toBe(
      false
    )
  })

  it('only setup mode sets it: a prompt run leaves oauth_token unset', async () => {
    const { secret } = world.login()
    world.api.script(scenarios.ok('Done.'))
    const step = await world.runner.main({
      inputs: { mode: 'prompt', prompt: 'Say hi.', claude_path: CLAUDE, claude_auth: secret },
      env: world.env()
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs.oauth_token ?? '').toBe('')
  })
})
