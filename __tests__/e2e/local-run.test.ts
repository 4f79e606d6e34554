/**
 * Running the action off a GitHub runner (issue #15 item 10): `@github/local-action` imports the
 * entrypoints' `run` and calls it, and a developer's machine holds their own `~/.claude`.
 * - dist/index.js without GITHUB_ACTIONS/RUNNER_TEMP and with the default config_dir restores into
 *   a fresh temporary directory, says so in one sentence, and leaves `~/.claude` alone (main and
 *   post); a config_dir given explicitly is honoured.
 * - The TypeScript entrypoints export `run` and work called that way, main then post in one
 *   process (`__fixtures__/local-run.ts`, local-action's contract): outputs and the summary
 *   appear, the login is put back where it came from.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CLAUDE, parseCommandFile, ROOT, type Runner } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const world = useWorld()
const OFF_RUNNER = { GITHUB_ACTIONS: undefined, RUNNER_TEMP: undefined }
/** The developer's own login, which a local run must not touch. */
const OWN = JSON.stringify({ claudeAiOauth: { accessToken: 'own-laptop-login', expiresAt: 1 } })

async function ownLogin(runner: Runner): Promise<string> {
  const dir = path.join(runner.home, '.claude')
  await fs.mkdir(dir, { recursive: true })
  await fs.writeFile(path.join(dir, '.credentials.json'), OWN)
  return dir
}

const filesIn = async (dir: string): Promise<string[]> => (await fs.readdir(dir)).sort()

describe('off a runner: the default config_dir is a temporary directory', () => {
  it('setup leaves ~/.claude alone, restores into a temp dir, says so, and post removes it', async () => {
    const own = await ownLogin(world.runner)
    const { secret } = world.login()
    const inputs = { mode: 'setup', claude_path: CLAUDE, claude_auth: secret }
    const main = await world.runner.main({ inputs, env: { ...world.env(), ...OFF_RUNNER } })
    expect(main.exitCode).toBe(0)
    expect(await filesIn(own)).toEqual(['.credentials.json'])
    expect(await fs.readFile(path.join(own, '.credentials.json'), 'utf8')).toBe(OWN)
    const notice = main.notices.find(n => /not on a GitHub runner/i.test(n))
    expect(notice).toMatch(/your own ~\/\.claude is left alone/)
    const used = parseCommandFile(
      await fs.readFile(world.runner.files.env, 'utf8')
    ).CLAUDE_CONFIG_DIR
    expect(used?.startsWith(os.tmpdir())).toBe(true)
    expect(notice).toContain(used)
    expect(existsSync(path.join(used as string, '.credentials.json'))).toBe(true)

    const post = await world.runner.post({ env: { ...world.env(), ...OFF_RUNNER } })
    expect(post.exitCode).toBe(0)
    expect(existsSync(used as string)).toBe(false)
    expect(await fs.readFile(path.join(own, '.credentials.json'), 'utf8')).toBe(OWN)
  })

  it('a config_dir given explicitly is honoured, ~/.claude included (and put back by post)', async () => {
    const own = await ownLogin(world.runner)
    const { secret, access } = world.login()
    const inputs = { mode: 'setup', claude_path: CLAUDE, claude_auth: secret, config_dir: own }
    const main = await world.runner.main({ inputs, env: { ...world.env(), ...OFF_RUNNER } })
    expect(main.exitCode).toBe(0)
    expect(main.notices.join('\n')).not.toMatch(/not on a GitHub runner/i)
    expect(await fs.readFile(path.join(own, '.credentials.json'), 'utf8')).toContain(access)
    const post = await world.runner.post({ env: { ...world.env(), ...OFF_RUNNER } })
    expect(post.exitCode).toBe(0)
    expect(await fs.readFile(path.join(own, '.credentials.json'), 'utf8')).toBe(OWN)
  })
})

describe("local-action's contract: the TypeScript entrypoints export run", () => {
  it('main then post in one process, called with no arguments: outputs, summary, ~/.claude untouched', async () => {
    const runner = world.runner
    const own = await ownLogin(runner)
    const { secret } = world.login()
    await fs.writeFile(runner.files.event, '{}')
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: runner.home,
      TZ: 'UTC',
      ...world.env(),
      // What a .env for local-action sets: inputs, and the files the toolkit writes to.
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: runner.files.event,
      GITHUB_OUTPUT: runner.files.output,
      GITHUB_STATE: runner.files.state,
      GITHUB_STEP_SUMMARY: runner.files.summary,
      GITHUB_ENV: runner.files.env,
      GITHUB_PATH: runner.files.path,
      INPUT_MODE: 'setup',
      INPUT_CLAUDE_AUTH: secret,
      INPUT_CLAUDE_PATH: CLAUDE
    }
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const child = spawn(process.execPath, [tsx, path.join(ROOT, '__fixtures__', 'local-run.ts')], {
      cwd: runner.workspace,
      env
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    runner.steps.push({
      exitCode: code,
      stdout,
      stderr,
      outputs: {},
      errors: [],
      warnings: [],
      notices: [],
      masked: [],
      commands: []
    })
    expect({ code, stderr: stderr.slice(0, 500) }).toEqual({ code: 0, stderr: '' })
    const outputs = parseCommandFile(await fs.readFile(runner.files.output, 'utf8'))
    expect(outputs).toMatchObject({ conclusion: 'success', auth_kind: 'oauth' })
    expect(await fs.readFile(runner.files.summary, 'utf8')).toContain('Ready for later steps')
    expect(stdout).toMatch(/not on a GitHub runner/i)
    expect(stdout).toMatch(/--- post ---[\s\S]*Removed the restored login/)
    expect(await filesIn(own)).toEqual(['.credentials.json'])
    expect(await fs.readFile(path.join(own, '.credentials.json'), 'utf8')).toBe(OWN)
  })
})
