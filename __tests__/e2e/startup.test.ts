/**
 * What each step loads (issue #11): dist/index.js serves main and post, and each step loads only
 * the chunks of dist/ it needs. A preload (NODE_OPTIONS=--require) records every file the step's
 * Node loads; each must be in dist/, and none may hold code the step has no use for. Speed and
 * memory themselves are measured by `npm run bench`, never asserted here.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, promises as fs, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DAY, fakeBundle } from '../../__fixtures__/logins.js'
import { startMockGitHub, type MockGitHub } from '../../__fixtures__/mock-github.js'
import { CLAUDE, DIST, NODE, ROOT, Runner } from '../../__fixtures__/runner.js'

/**
 * Records the file: URL of every module Node loads, one per line, into $CSA_LOADED_FILE, and at
 * exit the Node built-ins the process loaded (process.moduleLoadList) into $CSA_BUILTINS_FILE.
 */
const PRELOAD = `'use strict'
const fs = require('fs')
require('module').registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:')) fs.appendFileSync(process.env.CSA_LOADED_FILE, url + '\\n')
    return next(url, context)
  }
})
process.on('exit', () => fs.writeFileSync(process.env.CSA_BUILTINS_FILE, process.moduleLoadList.join('\\n')))
`

/** Code the health check and the post step never need, by a string only that code holds. */
const HEAVY = {
  '@actions/cache': 'reserveCache',
  Octokit: 'octokit-core.js',
  libsodium: 'sodium_init',
  undici: 'EnvHttpProxyAgent',
  'the CLI runner': 'killGraceMs',
  // Zod classic's schema classes (zod/mini's are "ZodMiniString", the core's "$ZodString"): the
  // start path uses zod/mini, and the classic chunk would add a fifth to a health check's start.
  'zod classic': '"ZodString"'
} as const

/**
 * Node built-ins that cost a step tens of ms to load, by what loads them: `http`, `https`, `tls`
 * (@actions/http-client, which @actions/core imports at its top) and `child_process`
 * (@actions/exec, likewise); the bundle maps both to stand-ins that load them on first use.
 */
const HEAVY_BUILTINS = ['http', 'https', 'tls', 'child_process'] as const

let runner: Runner
let preload: string
let loadedFile: string
let builtinsFile: string

beforeEach(async () => {
  runner = await Runner.create()
  preload = path.join(runner.dir, 'record-loads.cjs')
  loadedFile = path.join(runner.dir, 'loaded.txt')
  builtinsFile = path.join(runner.dir, 'builtins.txt')
  await fs.writeFile(preload, PRELOAD)
})

afterEach(async () => {
  await runner.cleanup()
})

/** The env that makes a step record what it loads (a fresh record each time). */
async function recording(): Promise<Record<string, string>> {
  await fs.writeFile(loadedFile, '')
  await fs.writeFile(builtinsFile, '')
  return {
    NODE_OPTIONS: `--require "${preload}"`,
    CSA_LOADED_FILE: loadedFile,
    CSA_BUILTINS_FILE: builtinsFile
  }
}

/** Which of HEAVY_BUILTINS the last recorded step loaded. */
async function heavyBuiltins(): Promise<string[]> {
  const list = (await fs.readFile(builtinsFile, 'utf8')).split('\n')
  return HEAVY_BUILTINS.filter(name => list.includes(`NativeModule ${name}`))
}

/** The files the last recorded step loaded. */
async function loaded(): Promise<string[]> {
  const text = await fs.readFile(loadedFile, 'utf8')
  return [...new Set(text.split('\n').filter(Boolean))].map(u => new URL(u).pathname)
}

/** Which of HEAVY the files hold. */
function heavyIn(files: string[]): string[] {
  const text = files.map(f => readFileSync(f, 'utf8')).join('\n')
  return Object.entries(HEAVY)
    .filter(([, marker]) => text.includes(marker))
    .map(([name]) => name)
}

const distDir = path.dirname(DIST)

describe('each step loads only what it needs', () => {
  it('every marker is in dist/ (else the checks below could not fail)', async () => {
    const files = (await fs.readdir(distDir))
      .filter(f => /\.c?js$/.test(f) && f !== 'capture.js')
      .map(f => path.join(distDir, f))
    const text = files.map(f => readFileSync(f, 'utf8')).join('\n')
    expect(Object.entries(HEAVY).filter(([, marker]) => !text.includes(marker))).toEqual([])
  })

  it('mode health without a live check loads no installer, CLI runner, Octokit, libsodium, undici or zod classic', async () => {
    const { secret } = fakeBundle({ loginEndsInMs: 25 * DAY })
    const step = await runner.main({
      inputs: { mode: 'health', claude_auth: secret, live_check: 'false', health_issue: 'false' },
      env: await recording()
    })
    expect(step.exitCode).toBe(0)
    expect(step.outputs.auth_status).toBe('valid')
    const files = await loaded()
    expect(files).toContain(DIST)
    expect(files.filter(f => path.dirname(f) !== distDir)).toEqual([])
    expect(heavyIn(files)).toEqual([])
    expect(await heavyBuiltins()).toEqual([])
  })

  it('the post step with nothing rotated loads no write-back code (Octokit, libsodium, undici) nor the HTTP client of Node', async () => {
    const { secret } = fakeBundle({ loginEndsInMs: 25 * DAY })
    const main = await runner.main({
      inputs: { mode: 'setup', claude_auth: secret, claude_path: CLAUDE }
    })
    expect(main.exitCode).toBe(0)
    const post = await runner.post({ env: await recording() })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('Removed the restored login from')
    const files = await loaded()
    expect(files.filter(f => path.dirname(f) !== distDir)).toEqual([])
    expect(heavyIn(files)).toEqual([])
    expect(await heavyBuiltins()).toEqual([])
  })

  it('the post step still refuses a saved plan it cannot read (no zod to check it now)', async () => {
    const post = await runner.post({
      env: { STATE_isPost: 'true', STATE_restorePlan: '{"configDir":1,"hadDir":false}' }
    })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([
      'Post step: the saved restore plan is unreadable, so the restored login was not removed.'
    ])
  })

  it('a step that calls GitHub loads Octokit and undici then, from dist/', async () => {
    const gh: MockGitHub = await startMockGitHub()
    try {
      const { secret } = fakeBundle({ loginEndsInMs: 25 * DAY })
      const step = await runner.main({
        inputs: {
          mode: 'health',
          claude_auth: secret,
          live_check: 'false',
          health_issue: 'true',
          github_token: 'ghs_FAKE_startup_token_1234567890'
        },
        env: { ...(await recording()), GITHUB_API_URL: gh.url }
      })
      expect(step.exitCode).toBe(0)
      expect(step.stdout).toContain('Health tracking issue:')
      const files = await loaded()
      expect(files.filter(f => path.dirname(f) !== distDir)).toEqual([])
      expect(files).toContain(path.join(distDir, 'undici.cjs'))
      expect(heavyIn(files)).toEqual(expect.arrayContaining(['Octokit', 'undici']))
      expect(heavyIn(files)).not.toContain('@actions/cache')
      // Node's HTTP client is loaded once a request needs it (else the checks of it could not fail).
      expect(await heavyBuiltins()).toContain('http')
    } finally {
      await gh.close()
    }
  })
})

describe('dist/ is self-contained', () => {
  it('runs from a copy with no node_modules anywhere above it', async () => {
    const copy = path.join(runner.dir, 'action')
    cpSync(distDir, path.join(copy, 'dist'), { recursive: true })
    for (let d = copy; d !== path.dirname(d); d = path.dirname(d)) {
      expect(existsSync(path.join(d, 'node_modules'))).toBe(false)
    }
    const { secret } = fakeBundle({ loginEndsInMs: 25 * DAY })
    const out = path.join(runner.dir, 'copy_output')
    const state = path.join(runner.dir, 'copy_state')
    await fs.writeFile(out, '')
    await fs.writeFile(state, '')
    await fs.writeFile(runner.files.event, '{}')
    const env = {
      PATH: process.env.PATH,
      HOME: runner.home,
      // A runner (else the login would go to a temporary directory outside the runner's folders).
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: runner.temp,
      GITHUB_OUTPUT: out,
      GITHUB_STATE: state,
      GITHUB_STEP_SUMMARY: runner.files.summary,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: runner.files.event,
      INPUT_MODE: 'setup',
      INPUT_CLAUDE_AUTH: secret,
      INPUT_CLAUDE_PATH: CLAUDE
    }
    const r = spawnSync(NODE, [path.join(copy, 'dist', 'index.js')], {
      env,
      cwd: os.tmpdir(),
      encoding: 'utf8'
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('conclusion<<')
    // The repository is not on the way: the copy is what ran.
    expect(copy.startsWith(ROOT)).toBe(false)
  })
})
