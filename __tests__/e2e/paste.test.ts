/**
 * What a new user pastes (issue 15, items 3 and 4), through the bundled capture tool
 * (dist/capture.js) and the bundled action (dist/index.js): a setup-token the terminal wrapped over
 * two lines is taken whole, one cut short or a refresh token is refused with the fix, and a secret
 * that starts with npm's banner (`npm run capture > file`) is named for what it is.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { decodeAuth } from '../../src/auth/bundle.js'
import { CLAUDE, NODE, ROOT } from '../../__fixtures__/runner.js'
import { useWorld } from './world.js'

const CAPTURE = path.join(ROOT, 'dist', 'capture.js')
const world = useWorld()

/** A setup-token as long as a real one (108 characters), registered for the leak scan. */
function realLengthToken(kind: 'oat' | 'ort' = 'oat'): string {
  const token = `sk-ant-${kind}01-FAKE-test-${randomBytes(42).toString('hex')}`
  world.secrets.push(token)
  return token
}

/** The token as an 80-column terminal shows it, copied with its line break. */
function wrapped(token: string): { text: string; firstLine: string } {
  const firstLine = token.slice(0, 80)
  world.secrets.push(firstLine)
  return { text: `${firstLine}\n${token.slice(80)}`, firstLine }
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs dist/capture.js with the action's runtime, as a user runs it; its output joins the scan. */
function capture(args: string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CAPTURE, ...args], {
      cwd: world.runner.home,
      env: { PATH: process.env.PATH, HOME: world.runner.home, LANG: 'C.UTF-8' }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

async function health(inputs: Record<string, string>) {
  return world.runner.main({
    inputs: { mode: 'health', live_check: 'false', health_issue: 'false', ...inputs },
    env: world.env()
  })
}

describe('a setup-token wrapped over two lines', () => {
  it('capture --from token bundles the whole token, not its first line', async () => {
    const token = realLengthToken()
    const { text } = wrapped(token)
    const r = await capture(['--from', 'token'], `${text}\n`)
    expect(r.stderr).toBe(r.stderr.replace(token, ''))
    expect(r.code).toBe(0)
    const bundle = r.stdout.trim()
    world.secrets.push(bundle)
    const login = await decodeAuth(bundle)
    expect(login.kind === 'setup-token' && login.token).toBe(token)
  })

  it('the action takes it whole as claude_code_oauth_token and restores the whole token', async () => {
    const token = realLengthToken()
    const { text } = wrapped(token)
    const main = await world.runner.main({
      inputs: { mode: 'setup', claude_path: CLAUDE, claude_code_oauth_token: text },
      env: world.env()
    })
    expect(main.errors).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({ auth_kind: 'setup-token', conclusion: 'success' })
    const restored = JSON.parse(
      await fs.readFile(path.join(world.runner.home, '.claude', '.credentials.json'), 'utf8')
    )
    expect(restored.claudeAiOauth.accessToken).toBe(token)
    expect(main.masked).toContain(token)
    await world.runner.post()
  })
})

describe('a setup-token cut short (only the first line pasted)', () => {
  it('capture refuses it, saying it was cut short and how to paste it whole', async () => {
    const { firstLine } = wrapped(realLengthToken())
    const r = await capture(['--from', 'token'], `${firstLine}\n`)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /That is 80 characters, too short to be a whole setup-token \(a setup-token is about 108\): it was probably cut short where the terminal wrapped it; copy all of it, every line, and paste it again\./
    )
  })

  it('the action refuses it before any work, with the same sentence', async () => {
    const { firstLine } = wrapped(realLengthToken())
    const main = await health({ claude_code_oauth_token: firstLine })
    expect(main.exitCode).toBe(1)
    expect(main.outputs.auth_status).toBe('invalid')
    expect(main.errors[0]).toMatch(
      /^The claude_code_oauth_token secret is 80 characters, too short to be a whole setup-token/
    )
  })
})

describe('a refresh token pasted where a setup-token belongs', () => {
  it('capture says that is a refresh token', async () => {
    const r = await capture(['--from', 'token'], `${realLengthToken('ort')}\n`)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /That is a refresh token \(sk-ant-ort01-…\), not a setup-token: run `claude setup-token` and paste the token it prints \(sk-ant-oat01-…\)/
    )
  })

  it('the action says that is a refresh token', async () => {
    const main = await health({ claude_code_oauth_token: realLengthToken('ort') })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(
      /^The claude_code_oauth_token secret is a refresh token \(sk-ant-ort01-…\), not a setup-token/
    )
  })
})

describe("a secret that starts with npm's banner (npm run capture > file)", () => {
  /** What `npm run capture > file` writes: npm's two banner lines, then the bundle. */
  function withBanner(bundle: string): string {
    return `\n> claude-subscription-action@1.0.0 capture\n> tsx scripts/capture.ts\n\n${bundle}\n`
  }

  it('the action names the banner and the fix, not the paste', async () => {
    const { secret } = world.login()
    const banner = withBanner(secret)
    world.secrets.push(banner)
    const main = await health({ claude_auth: banner })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toMatch(
      /^The claude_auth secret starts with npm's banner lines \(`> claude-subscription-action@… capture`\), which `npm run capture > file` writes into the file: store only the bundle line, or capture again with `npm run -s capture` \(or `node dist\/capture\.js`\)\./
    )
  })

  it('capture verify says the same of such a file', async () => {
    const { secret } = world.login()
    const r = await capture(['verify', '-'], withBanner(secret))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/starts with npm's banner lines .*`npm run -s capture`/)
  })
})
