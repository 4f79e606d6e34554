/**
 * The foundation end to end: dist/index.js restores, validates and cleans up a login as a runner
 * runs it, and nothing it writes shows a token.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import {
  DAY,
  HOUR,
  fakeBundle,
  fakeCredentials,
  fakeSetupTokenBundle,
  fakeToken,
  makeTar
} from '../../__fixtures__/logins.js'
import {
  CLAUDE,
  NODE,
  Runner,
  findLeaks,
  modeOf,
  parseCommandFile
} from '../../__fixtures__/runner.js'

const allSecrets: string[] = []
const runners: Runner[] = []
let runner: Runner

function remember(...secrets: string[]): void {
  allSecrets.push(...secrets.filter(Boolean))
}

function credentialSecrets(c: ReturnType<typeof fakeCredentials>): string[] {
  return [c.claudeAiOauth.accessToken, c.claudeAiOauth.refreshToken ?? '']
}

beforeEach(async () => {
  runner = await Runner.create()
  runners.push(runner)
})

afterEach(async () => {
  // Every scenario's output is scanned for every token any scenario used.
  const written = await runner.everythingWritten()
  expect(findLeaks(written, allSecrets)).toEqual([])
})

afterAll(async () => {
  for (const r of runners) await r.cleanup()
})

describe('runtime', () => {
  it('runs the bundle under Node 24, the runtime action.yml declares', () => {
    const version = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()
    expect(version).toMatch(/^v24\./)
    const actionYml = execFileSync('cat', [path.join(__dirname_(), '..', '..', 'action.yml')], {
      encoding: 'utf8'
    })
    expect(actionYml).toMatch(/using: node24/)
  })
})

describe('mode: health (no live call)', () => {
  it('a valid bundle: outputs, summary table with a fingerprint, no warning', async () => {
    const { secret, credentials } = fakeBundle({ loginEndsInMs: 25 * DAY })
    remember(secret, ...credentialSecrets(credentials))
    const step = await runner.main({
      inputs: { mode: 'health', claude_auth: secret, live_check: 'false', health_issue: 'false' }
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toMatchObject({
      conclusion: 'success',
      auth_kind: 'oauth',
      auth_status: 'valid',
      login_expires_at: new Date(
        credentials.claudeAiOauth.refreshTokenExpiresAt as number
      ).toISOString(),
      expires_at: new Date(credentials.claudeAiOauth.expiresAt).toISOString()
    })
    expect(Number(step.outputs.expires_in_hours)).toBeCloseTo(8, 0)
    expect(step.warnings).toEqual([])
    const summary = await fs.readFile(runner.files.summary, 'utf8')
    expect(summary).toContain('| Status | valid |')
    expect(summary).toMatch(/\| Token fingerprint \| …[0-9a-f]{4} \(last 4 of SHA-256\) \|/)
    expect(summary).toContain('| Login ends |')
    // The whole raw input and every token were masked before anything else was logged.
    expect(step.masked).toEqual(expect.arrayContaining([secret, ...credentialSecrets(credentials)]))
  })

  it('inside warn_within: a warning annotation with the time left, still a success', async () => {
    const { secret, credentials } = fakeBundle({ loginEndsInMs: 3 * DAY })
    remember(secret, ...credentialSecrets(credentials))
    const step = await runner.main({
      inputs: {
        mode: 'health',
        claude_auth: secret,
        live_check: 'false',
        health_issue: 'false',
        warn_within: '7d'
      }
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs.auth_status).toBe('expiring')
    expect(step.outputs.conclusion).toBe('success')
    expect(step.warnings.join('\n')).toMatch(/The login ends at .*, in 2d 2[0-9]h\./)
  })

  it('an expired access token with no refresh token fails with the re-auth block', async () => {
    const credentials = fakeCredentials({ expiresInMs: -2 * HOUR, refreshToken: null })
    const raw = JSON.stringify(credentials)
    remember(raw, ...credentialSecrets(credentials))
    const step = await runner.main({
      inputs: { mode: 'health', claude_auth: raw, live_check: 'false', health_issue: 'false' }
    })
    expect(step.exitCode).toBe(1)
    expect(step.outputs).toMatchObject({ conclusion: 'failure', auth_status: 'expired' })
    const error = step.errors.join('\n')
    expect(error).toMatch(
      /^The access token expired at .*, and the login has no refresh token to renew it\./
    )
    expect(error).toContain('node capture.js --repo octo-org/octo-repo')
    expect(error).toContain('claude setup-token')
    expect(error).toContain('repository secret CLAUDE_AUTH of octo-org/octo-repo')
    expect(error).toContain('docs/troubleshooting.md')
    expect(step.stdout + step.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/)
  })

  it('an expired access token the next run may refresh (secrets_token set) is healthy, with one notice', async () => {
    const { secret, credentials } = fakeBundle({ expiresInMs: -HOUR, loginEndsInMs: 20 * DAY })
    remember(secret, 'ghs_FAKE_test_secrets_token', ...credentialSecrets(credentials))
    const step = await runner.main({
      inputs: {
        mode: 'health',
        claude_auth: secret,
        secrets_token: 'ghs_FAKE_test_secrets_token',
        live_check: 'false',
        health_issue: 'false'
      }
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toMatchObject({ conclusion: 'success', auth_status: 'valid' })
    expect(
      step.notices.filter(n => n.includes('The next run that uses the login refreshes it.'))
    ).toHaveLength(1)
    expect(step.notices).toHaveLength(1)
  })

  it('the login chain past its end fails, naming when it ended', async () => {
    const credentials = fakeCredentials({ expiresInMs: -HOUR, loginEndsInMs: -DAY })
    const raw = JSON.stringify(credentials)
    remember(raw, ...credentialSecrets(credentials))
    const step = await runner.main({
      inputs: { mode: 'health', claude_auth: raw, live_check: 'false', health_issue: 'false' }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors[0]).toMatch(/^The login chain ended at /)
  })

  it('a setup-token bundle is checked against its own expiry', async () => {
    const { secret, token } = fakeSetupTokenBundle(5 * DAY)
    remember(secret, token)
    const step = await runner.main({
      inputs: { mode: 'health', claude_auth: secret, live_check: 'false', health_issue: 'false' }
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toMatchObject({ auth_kind: 'setup-token', auth_status: 'expiring' })
    expect(step.outputs.login_expires_at).toBe(step.outputs.expires_at)
  })

  it('a bare claude_code_oauth_token is valid with a notice that its expiry is unknown', async () => {
    const token = fakeToken('oat')
    remember(token)
    const step = await runner.main({
      inputs: {
        mode: 'health',
        claude_code_oauth_token: token,
        live_check: 'false',
        health_issue: 'false'
      }
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toMatchObject({
      auth_kind: 'setup-token',
      auth_status: 'valid',
      expires_at: ''
    })
    expect(step.notices.join('\n')).toContain('node capture.js --from token')
  })

  it('an API key skips expiry checks', async () => {
    const key = fakeToken('api')
    remember(key)
    const step = await runner.main({
      inputs: { mode: 'health', anthropic_api_key: key, live_check: 'false', health_issue: 'false' }
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toMatchObject({ auth_kind: 'api-key', auth_status: 'valid' })
  })
})

describe('failing early', () => {
  const cases: Array<
    [string, () => Record<string, string> | Promise<Record<string, string>>, string, RegExp]
  > = [
    [
      'no auth input at all',
      () => ({}),
      'missing',
      /^No login was given: set the claude_auth input/
    ],
    ['not base64', () => ({ claude_auth: 'definitely not a secret!' }), 'invalid', /is not base64/],
    [
      'captured on a Mac (no credentials in the archive)',
      async () => ({
        claude_auth: (
          await makeTar([{ name: '.claude/settings.json', content: '{}' }], true)
        ).toString('base64')
      }),
      'invalid',
      /captured on a Mac, where the login lives in the Keychain/
    ],
    [
      'a wiped login (accessToken "")',
      () => ({
        claude_auth: JSON.stringify({
          claudeAiOauth: { accessToken: '', refreshToken: '', expiresAt: 0 }
        })
      }),
      'expired',
      /wiped login/
    ],
    [
      'a bundle version newer than this action',
      () => ({
        claude_auth: JSON.stringify({
          format: 'claude-auth-bundle',
          version: 9,
          kind: 'oauth',
          capturedAt: '2026-11-28T12:00:00.000Z',
          source: 'file',
          generation: 1,
          credentials: {}
        })
      }),
      'invalid',
      /newer than this action understands/
    ],
    [
      'a bad input',
      () => ({ claude_auth: fakeBundle().secret, min_validity: 'soon' }),
      '',
      /^min_validity "soon" is not a duration/
    ]
  ]

  it.each(cases)('%s', async (_name, inputs, status, message) => {
    const given = await inputs()
    remember(...Object.values(given))
    const step = await runner.main({ inputs: { mode: 'setup', claude_path: CLAUDE, ...given } })
    expect(step.exitCode).toBe(1)
    expect(step.outputs.conclusion).toBe('failure')
    if (status) expect(step.outputs.auth_status).toBe(status)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toMatch(message)
    expect(step.stdout + step.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/)
    // Nothing was restored.
    expect(existsSync(path.join(runner.home, '.claude'))).toBe(false)
  })

  it('several auth inputs: says which wins, and goes on with it', async () => {
    const { secret, credentials } = fakeBundle()
    const key = fakeToken('api')
    remember(secret, key, ...credentialSecrets(credentials))
    const step = await runner.main({
      inputs: {
        mode: 'health',
        claude_auth: secret,
        anthropic_api_key: key,
        live_check: 'false',
        health_issue: 'false'
      }
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs.auth_kind).toBe('oauth')
    expect(step.warnings.join('\n')).toContain(
      'Several auth inputs are set (claude_auth, anthropic_api_key): claude_auth is used'
    )
  })

  it('an access token a refresh could renew, when this run may not refresh: says so and how to fix it', async () => {
    const { secret, credentials } = fakeBundle({ expiresInMs: 10 * 60_000 })
    remember(secret, ...credentialSecrets(credentials))
    const step = await runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: secret }
    })
    expect(step.exitCode).toBe(1)
    expect(step.outputs.auth_status).toBe('expired')
    expect(step.errors[0]).toMatch(/less than min_validity/)
    expect(step.errors[0]).toMatch(/secrets_token|setup-token/)
  })
})

describe('prompt_file', () => {
  it('unreadable under mode auto: one sentence naming the file and why, never a green setup', async () => {
    const { secret, credentials } = fakeBundle()
    remember(secret, ...credentialSecrets(credentials))
    const step = await runner.main({
      inputs: { claude_path: CLAUDE, claude_auth: secret, prompt_file: 'prompts/missing.md' }
    })
    expect(step.exitCode).toBe(1)
    expect(step.outputs.conclusion).toBe('failure')
    expect(step.errors).toEqual([
      'prompt_file "prompts/missing.md" cannot be read (ENOENT: no such file): check the path, relative to the workspace.'
    ])
    // It failed before the login was touched: nothing restored, nothing exported.
    expect(existsSync(path.join(runner.home, '.claude'))).toBe(false)
    expect(await fs.readFile(runner.files.path, 'utf8')).toBe('')
  })

  it('empty: says so, and fails the step', async () => {
    await fs.writeFile(path.join(runner.workspace, 'task.md'), '  \n')
    const step = await runner.main({ inputs: { mode: 'prompt', prompt_file: 'task.md' } })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      'prompt_file "task.md" is empty: write the task in it, or set prompt.'
    ])
  })
})

describe('restore and the post step', () => {
  it('setup: files 0600 in a 0700 directory; post removes them and puts back the old ~/.claude byte for byte', async () => {
    const before = path.join(runner.home, '.claude')
    await fs.mkdir(path.join(before, 'projects'), { recursive: true })
    const mine = Buffer.from([0, 1, 2, 250, 251, 10, 13])
    await fs.writeFile(path.join(before, 'projects', 'history.bin'), mine)
    await fs.writeFile(
      path.join(before, '.credentials.json'),
      '{"claudeAiOauth":"the laptop login"}'
    )
    const { secret, credentials } = fakeBundle({ files: { 'settings.json': { model: 'opus' } } })
    remember(secret, ...credentialSecrets(credentials))

    const main = await runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: secret }
    })
    expect(main.exitCode).toBe(0)
    expect(main.outputs.conclusion).toBe('success')
    const credFile = path.join(before, '.credentials.json')
    expect(JSON.parse(await fs.readFile(credFile, 'utf8'))).toEqual(credentials)
    expect(await modeOf(credFile)).toBe(0o600)
    expect(await modeOf(path.join(before, 'settings.json'))).toBe(0o600)
    expect(await modeOf(before)).toBe(0o700)
    expect(existsSync(path.join(before, 'projects'))).toBe(false)
    // claude is on PATH for later steps.
    expect(await fs.readFile(runner.files.path, 'utf8')).toContain(path.dirname(CLAUDE))

    const post = await runner.post()
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(await fs.readFile(path.join(before, 'projects', 'history.bin'))).toEqual(mine)
    expect(await fs.readFile(credFile, 'utf8')).toBe('{"claudeAiOauth":"the laptop login"}')
    expect((await fs.readdir(runner.home)).filter(n => n.includes('csa-backup'))).toEqual([])

    // Safe to run twice.
    const again = await runner.post()
    expect(again.exitCode).toBe(0)
    expect(again.warnings).toEqual([])
    expect(await fs.readFile(credFile, 'utf8')).toBe('{"claudeAiOauth":"the laptop login"}')
  })

  it('a config_dir other than ~/.claude is exported as CLAUDE_CONFIG_DIR and removed by post', async () => {
    const { secret, credentials } = fakeBundle()
    remember(secret, ...credentialSecrets(credentials))
    const dir = path.join(runner.temp, 'claude-config')
    const main = await runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: secret, config_dir: dir }
    })
    expect(main.exitCode).toBe(0)
    const exported = parseCommandFile(await fs.readFile(runner.files.env, 'utf8'))
    expect(exported.CLAUDE_CONFIG_DIR).toBe(dir)
    expect(existsSync(path.join(dir, '.credentials.json'))).toBe(true)
    const post = await runner.post()
    expect(post.exitCode).toBe(0)
    expect(existsSync(dir)).toBe(false)
  })

  it('~ in config_dir is expanded', async () => {
    const { secret, credentials } = fakeBundle()
    remember(secret, ...credentialSecrets(credentials))
    const main = await runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: secret, config_dir: '~/ci-claude' }
    })
    expect(main.exitCode).toBe(0)
    expect(existsSync(path.join(runner.home, 'ci-claude', '.credentials.json'))).toBe(true)
    await runner.post()
    expect(existsSync(path.join(runner.home, 'ci-claude'))).toBe(false)
  })

  it('a main step that failed half way (after restoring) is still cleaned up', async () => {
    const before = path.join(runner.home, '.claude')
    await fs.mkdir(before)
    await fs.writeFile(path.join(before, 'keep.txt'), 'mine')
    const { secret, credentials } = fakeBundle()
    remember(secret, ...credentialSecrets(credentials))
    const main = await runner.main({
      inputs: {
        mode: 'setup',
        claude_path: path.join(runner.dir, 'no-such-claude'),
        claude_auth: secret
      }
    })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(/Could not run ".*no-such-claude --version" \(no such file\)/)
    expect(existsSync(path.join(before, '.credentials.json'))).toBe(true)
    const post = await runner.post()
    expect(post.exitCode).toBe(0)
    expect(await fs.readdir(before)).toEqual(['keep.txt'])
  })

  it('after a main step that failed before restoring, post does nothing and succeeds', async () => {
    const main = await runner.main({ inputs: { mode: 'setup', claude_path: CLAUDE } })
    expect(main.exitCode).toBe(1)
    const post = await runner.post()
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('Nothing to clean up')
  })

  it('a setup-token is restored as a login later steps can use', async () => {
    const { secret, token } = fakeSetupTokenBundle(200 * DAY)
    remember(secret, token)
    const main = await runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_auth: secret }
    })
    expect(main.exitCode).toBe(0)
    const cred = JSON.parse(
      await fs.readFile(path.join(runner.home, '.claude', '.credentials.json'), 'utf8')
    )
    expect(cred.claudeAiOauth.accessToken).toBe(token)
    expect(cred.claudeAiOauth.refreshToken).toBeUndefined()
    await runner.post()
    expect(existsSync(path.join(runner.home, '.claude'))).toBe(false)
  })
})

function __dirname_(): string {
  return path.dirname(new URL(import.meta.url).pathname)
}
