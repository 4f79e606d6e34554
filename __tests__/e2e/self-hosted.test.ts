/**
 * Self-hosted runners: two jobs sharing one HOME (and so one ~/.claude), each with its own
 * RUNNER_TEMP and step files, interleaved as a busy runner machine interleaves them; and a main
 * step cancelled (SIGTERM) while the real CLI runs. dist/index.js, the real CLI, the mocks.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { promises as fs, readFileSync } from 'node:fs'
import path from 'node:path'
import { scenarios } from '../../__fixtures__/mock-anthropic.js'
import {
  CLAUDE,
  findLeaks,
  parseCommandFile,
  Runner,
  type StepOptions
} from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const world = useWorld()
const extraRunners: Runner[] = []
afterAll(async () => {
  for (const r of extraRunners) await r.cleanup()
})

function login(): { secret: string; access: string; refresh: string } {
  const { secret, access, refresh } = world.login()
  return { secret, access, refresh }
}

/** Every file under `dir` as relative path → content (symlinks by target). */
async function filesUnder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isSymbolicLink()) out[path.relative(dir, p)] = `-> ${await fs.readlink(p)}`
      else if (e.isDirectory()) await walk(p)
      else out[path.relative(dir, p)] = await fs.readFile(p, 'utf8')
    }
  }
  await walk(dir)
  return out
}

describe('a shared HOME on a self-hosted runner', () => {
  it("A main, B main, A post, B post: B keeps its login until its own post, and only the user's ~/.claude is left", async () => {
    const home = world.runner.home
    const userDir = path.join(home, '.claude')
    await fs.mkdir(userDir, { recursive: true })
    const userFiles = {
      '.credentials.json': '{"claudeAiOauth":{"accessToken":"USER-OWN-FAKE-not-a-run"}}',
      'settings.json': '{"theme":"light"}\n'
    }
    for (const [name, content] of Object.entries(userFiles)) {
      await fs.writeFile(path.join(userDir, name), content, { mode: 0o600 })
    }

    const a = { runner: world.runner, login: login() }
    const other = await Runner.create()
    extraRunners.push(other)
    const b = { runner: other, login: login() }
    const opts = (secret: string): StepOptions => ({
      inputs: { mode: 'setup', claude_auth: secret, claude_path: CLAUDE },
      env: { ...world.env(), HOME: home }
    })

    const aMain = await a.runner.main(opts(a.login.secret))
    expect(aMain.exitCode).toBe(0)
    const bMain = await b.runner.main(opts(b.login.secret))
    expect(bMain.exitCode).toBe(0)
    // B did not take over A's live restore: it used a directory of its own, and said so.
    const bDir =
      parseCommandFile(await fs.readFile(b.runner.files.env, 'utf8')).CLAUDE_CONFIG_DIR ?? userDir
    const bCreds = path.join(bDir, '.credentials.json')
    expect(await fs.readFile(bCreds, 'utf8')).toContain(b.login.access)

    const aPost = await a.runner.post(opts(a.login.secret))
    expect(aPost.exitCode).toBe(0)
    // B's login is intact after A's post.
    expect(await fs.readFile(bCreds, 'utf8')).toContain(b.login.access)

    const bPost = await b.runner.post(opts(b.login.secret))
    expect(bPost.exitCode).toBe(0)
    await expect(fs.access(bCreds)).rejects.toThrow()

    // The user's own ~/.claude is back, as it was; nothing of A's or B's login anywhere in HOME.
    expect(await filesUnder(userDir)).toEqual(userFiles)
    const everything = Object.values(await filesUnder(home)).join('\n')
    expect(
      findLeaks(everything, [a.login.access, a.login.refresh, b.login.access, b.login.refresh])
    ).toEqual([])
    expect((await fs.readdir(home)).filter(n => n.includes('csa-backup'))).toEqual([])
    expect(findLeaks(await b.runner.everythingWritten(), world.secrets)).toEqual([])
    // B used a directory of its own under its RUNNER_TEMP, and said so.
    expect(bDir.startsWith(b.runner.temp)).toBe(true)
    expect(bMain.notices.join('\n')).toMatch(/another run's login/)
  })
})

/** Gone, or a zombie nobody reaped yet (it runs no more either way). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return true
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (check()) return true
    await new Promise(r => setTimeout(r, 50))
  }
  return check()
}

describe('cancellation', () => {
  it('SIGTERM to the main step while the CLI runs: the CLI is stopped, main fails, post removes the login', async () => {
    const { secret } = login()
    // The model takes a minute to answer: the CLI is mid-run when the job is cancelled.
    world.api.script(scenarios.slow(60_000))
    let cliPid: number | undefined
    let signalled = false
    const started = Date.now()
    const main = await world.runner.main({
      inputs: { mode: 'prompt', prompt: 'Say hi.', claude_auth: secret, claude_path: CLAUDE },
      env: world.env(),
      timeoutMs: 60_000,
      onSpawn: child => {
        let out = ''
        child.stdout.on('data', (d: Buffer) => (out += d.toString()))
        // Once the CLI has asked the model (the request hangs there), cancel the job.
        const poll = setInterval(() => {
          const pid = /Claude Code started \(pid (\d+)\)/.exec(out)?.[1]
          if (!pid || world.api.messageRequests().length === 0) return
          signalled = true
          cliPid = Number(pid)
          child.kill('SIGTERM')
          clearInterval(poll)
        }, 100)
        child.on('close', () => clearInterval(poll))
      }
    })
    expect(signalled).toBe(true)
    const pid = cliPid as number
    const gone = await waitFor(() => isGone(pid), 3000)
    // Never leave an orphaned CLI behind, even when the assertions below fail.
    if (!gone) process.kill(pid, 'SIGKILL')
    expect(gone).toBe(true)
    // The main step ended by itself well before the model's minute, and not with success.
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(main.exitCode).not.toBe(0)
    expect(main.errors.join('\n')).toMatch(/cancelled \(SIGTERM\)/i)

    const post = await world.runner.post()
    expect(post.exitCode).toBe(0)
    await expect(fs.access(path.join(world.runner.home, '.claude'))).rejects.toThrow()
  }, 90_000)
})
