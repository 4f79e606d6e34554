/**
 * Restoring a login into config_dir and undoing it, in temp directories: modes, the backup moved
 * aside and put back byte for byte, undo run twice or after a main step that stopped early,
 * `~/.claude.json` left by the CLI, setup-token credentials, and an API key writing no file.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  credentialsFor,
  decideUndo,
  isDefaultConfigDir,
  planRestore,
  readRestoredCredentials,
  restoreLogin,
  RestorePlanSchema,
  undoRestore
} from '../../src/auth/restore.js'
import type { Login } from '../../src/auth/bundle.js'
import { resolveConfigDir } from '../../src/auth/paths.js'
import { DAY, fakeOauthLogin, fakeToken } from '../../__fixtures__/logins.js'

let home: string
let configDir: string

beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'csa-restore-'))
  configDir = path.join(home, '.claude')
})
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true })
})

const mode = async (p: string): Promise<number> => (await fs.stat(p)).mode & 0o777

/** Every file under `dir` (relative path → bytes, mode), symlinks by target. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      const rel = path.relative(dir, p)
      if (e.isSymbolicLink()) out[rel] = `link -> ${await fs.readlink(p)}`
      else if (e.isDirectory()) {
        out[`${rel}/`] = `dir ${(await mode(p)).toString(8)}`
        await walk(p)
      } else {
        const bytes = await fs.readFile(p)
        out[rel] = `${(await mode(p)).toString(8)} ${bytes.toString('base64')}`
      }
    }
  }
  await walk(dir)
  return out
}

/** A user's own ~/.claude with a bit of everything. */
async function makeUserDir(dir: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'projects', 'p1'), { recursive: true })
  await fs.chmod(dir, 0o755)
  await fs.writeFile(
    path.join(dir, '.credentials.json'),
    '{"claudeAiOauth":{"accessToken":"USER-OWN-FAKE"}}',
    { mode: 0o600 }
  )
  await fs.writeFile(path.join(dir, 'settings.json'), '{"theme":"dark"}\n', { mode: 0o644 })
  await fs.writeFile(path.join(dir, 'projects', 'p1', 'log.jsonl'), Buffer.from([0, 1, 2, 255, 10]))
  await fs.symlink('/nonexistent/target', path.join(dir, 'dangling'))
}

describe('resolveConfigDir', () => {
  it('expands ~ and ~/ to the home directory', () => {
    expect(resolveConfigDir('~/.claude', '/home/runner')).toBe('/home/runner/.claude')
    expect(resolveConfigDir('~', '/home/runner')).toBe('/home/runner')
    expect(resolveConfigDir('~/a/../b', '/home/runner')).toBe('/home/runner/b')
  })
  it('takes relative paths from HOME (never the workspace) and leaves ~user and inner ~ alone', () => {
    expect(resolveConfigDir('conf/claude', '/home/runner')).toBe('/home/runner/conf/claude')
    expect(resolveConfigDir('./conf', '/home/runner')).toBe('/home/runner/conf')
    expect(resolveConfigDir('~other/.claude', '/home/runner')).toBe('/home/runner/~other/.claude')
    expect(resolveConfigDir('/tmp/~/x', '/home/runner')).toBe('/tmp/~/x')
  })
  it('defaults to the real home directory', () => {
    expect(resolveConfigDir('~/.claude')).toBe(path.join(os.homedir(), '.claude'))
  })
})

describe('isDefaultConfigDir', () => {
  it('is true only for <home>/.claude', () => {
    expect(isDefaultConfigDir('/home/u/.claude', '/home/u')).toBe(true)
    expect(isDefaultConfigDir('/home/u/x/../.claude', '/home/u')).toBe(true)
    expect(isDefaultConfigDir('/home/u/.claude-ci', '/home/u')).toBe(false)
    expect(isDefaultConfigDir('/tmp/.claude', '/home/u')).toBe(false)
  })
})

describe('planRestore', () => {
  it('writes nothing, and picks a fresh backup path beside the directory', async () => {
    const plan = await planRestore(configDir, home)
    expect(plan.configDir).toBe(configDir)
    expect(plan.hadDir).toBe(false)
    expect(plan.backupDir).toMatch(
      new RegExp(`^${configDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.csa-backup-[0-9a-f]{12}$`)
    )
    expect(plan.claudeJson).toBe(path.join(home, '.claude.json'))
    expect(plan.hadClaudeJson).toBe(false)
    expect(await fs.readdir(home)).toEqual([])
    expect((await planRestore(configDir, home)).backupDir).not.toBe(plan.backupDir)
    // It survives a trip through the state store.
    expect(RestorePlanSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan)
  })

  it('reading a plan back keeps each field of its type, drops others, refuses a wrong type', () => {
    const plan = { configDir: '/h/.claude', hadDir: true, backupDir: '/h/.claude.bak', marker: 'm' }
    expect(RestorePlanSchema.parse({ ...plan, extra: 'x' })).toEqual(plan)
    expect(() => RestorePlanSchema.parse({ ...plan, hadDir: 'true' })).toThrow(
      "The restore plan's hadDir is not a boolean."
    )
    expect(() => RestorePlanSchema.parse({ ...plan, marker: null })).toThrow(
      "The restore plan's marker is not a string."
    )
    expect(() => RestorePlanSchema.parse({ hadDir: false, backupDir: '/b' })).toThrow(
      "The restore plan's configDir is not a string."
    )
    expect(() => RestorePlanSchema.parse([plan])).toThrow('The restore plan is not an object.')
  })

  it('notes an existing directory and ~/.claude.json', async () => {
    await makeUserDir(configDir)
    await fs.writeFile(path.join(home, '.claude.json'), '{}')
    const plan = await planRestore(configDir, home)
    expect(plan.hadDir).toBe(true)
    expect(plan.hadClaudeJson).toBe(true)
  })

  it('does not track ~/.claude.json for a config_dir other than the default', async () => {
    const plan = await planRestore(path.join(home, 'elsewhere'), home)
    expect(plan).not.toHaveProperty('claudeJson')
    expect(plan).not.toHaveProperty('hadClaudeJson')
  })
})

describe('restoreLogin and undoRestore', () => {
  it('writes the credentials 0600 in a 0700 directory, and undo removes them', async () => {
    const login = fakeOauthLogin({ loginEndsInMs: 20 * DAY, extra: { accountUuid: 'FAKE-acct' } })
    const plan = await planRestore(configDir, home)
    const written = await restoreLogin(plan, login)
    const credFile = path.join(configDir, '.credentials.json')
    expect(written).toEqual([credFile])
    expect(await mode(configDir)).toBe(0o700)
    expect(await mode(credFile)).toBe(0o600)
    expect(login.kind).toBe('oauth')
    if (login.kind !== 'oauth') return
    expect(JSON.parse(await fs.readFile(credFile, 'utf8'))).toEqual(login.credentials)
    expect(await readRestoredCredentials(plan)).toEqual(login.credentials)

    expect(await undoRestore(plan)).toEqual([])
    expect(await fs.readdir(home)).toEqual([])
  })

  it('writes the extra files 0600 as pretty JSON, only when asked (trusted jobs)', async () => {
    const login: Login = {
      ...fakeOauthLogin(),
      files: { 'settings.json': { model: 'claude-test' }, 'settings.local.json': {} }
    }
    const plan = await planRestore(configDir, home)
    const written = await restoreLogin(plan, login, { withSettings: true })
    expect(written.map(f => path.basename(f)).sort()).toEqual([
      '.credentials.json',
      'settings.json',
      'settings.local.json'
    ])
    const settings = path.join(configDir, 'settings.json')
    expect(await fs.readFile(settings, 'utf8')).toBe('{\n  "model": "claude-test"\n}\n')
    expect(await mode(settings)).toBe(0o600)
  })

  it("leaves a bundle's settings out by default (untrusted jobs)", async () => {
    const login: Login = { ...fakeOauthLogin(), files: { 'settings.json': { model: 'x' } } }
    const plan = await planRestore(configDir, home)
    const written = await restoreLogin(plan, login)
    expect(written.map(f => path.basename(f))).toEqual(['.credentials.json'])
    await expect(fs.access(path.join(configDir, 'settings.json'))).rejects.toThrow()
  })

  it('forces the modes even under a permissive umask', async () => {
    const old = process.umask(0)
    try {
      const plan = await planRestore(configDir, home)
      await restoreLogin(plan, fakeOauthLogin())
      expect(await mode(configDir)).toBe(0o700)
      expect(await mode(path.join(configDir, '.credentials.json'))).toBe(0o600)
    } finally {
      process.umask(old)
    }
  })

  it('moves the user directory aside and puts it back byte for byte', async () => {
    await makeUserDir(configDir)
    const before = await snapshot(configDir)
    const plan = await planRestore(configDir, home)
    await restoreLogin(plan, fakeOauthLogin())

    // The user's files are in the backup, untouched; the config dir holds only the login.
    expect(await snapshot(plan.backupDir)).toEqual(before)
    expect((await fs.readdir(configDir)).sort()).toEqual([
      '.claude-subscription-action',
      '.credentials.json'
    ])
    expect(await mode(configDir)).toBe(0o700)

    // The CLI writes things during the run.
    await fs.writeFile(path.join(configDir, 'history.jsonl'), 'FAKE transcript')

    expect(await undoRestore(plan)).toEqual([])
    expect(await snapshot(configDir)).toEqual(before)
    expect(await mode(configDir)).toBe(0o755)
    expect(await fs.readdir(home)).toEqual(['.claude'])
  })

  it('undo is idempotent', async () => {
    await makeUserDir(configDir)
    const before = await snapshot(configDir)
    const plan = await planRestore(configDir, home)
    await restoreLogin(plan, fakeOauthLogin())
    expect(await undoRestore(plan)).toEqual([])
    expect(await undoRestore(plan)).toEqual([])
    expect(await undoRestore(plan)).toEqual([])
    expect(await snapshot(configDir)).toEqual(before)
    expect(await fs.readdir(home)).toEqual(['.claude'])
  })

  it('undo is idempotent when there was no directory before', async () => {
    const plan = await planRestore(configDir, home)
    await restoreLogin(plan, fakeOauthLogin())
    expect(await undoRestore(plan)).toEqual([])
    expect(await undoRestore(plan)).toEqual([])
    expect(await fs.readdir(home)).toEqual([])
  })

  it('after a crash before the rename (plan saved, dir untouched) leaves the user directory alone', async () => {
    await makeUserDir(configDir)
    const before = await snapshot(configDir)
    const plan = RestorePlanSchema.parse(
      JSON.parse(JSON.stringify(await planRestore(configDir, home)))
    )
    // The main step stopped here: restoreLogin never ran.
    expect(await undoRestore(plan)).toEqual([])
    expect(await snapshot(configDir)).toEqual(before)
    expect(await fs.readdir(home)).toEqual(['.claude'])
  })

  it('after a crash right after the rename puts the user directory back', async () => {
    await makeUserDir(configDir)
    const before = await snapshot(configDir)
    const plan = await planRestore(configDir, home)
    await fs.rename(plan.configDir, plan.backupDir) // what restoreLogin does first
    expect(await undoRestore(plan)).toEqual([])
    expect(await snapshot(configDir)).toEqual(before)
    expect(await fs.readdir(home)).toEqual(['.claude'])
  })

  it('removes ~/.claude.json the CLI created during the run', async () => {
    const plan = await planRestore(configDir, home)
    await restoreLogin(plan, fakeOauthLogin())
    await fs.writeFile(path.join(home, '.claude.json'), '{"numStartups":1}')
    expect(await undoRestore(plan)).toEqual([])
    expect(await fs.readdir(home)).toEqual([])
  })

  it('keeps a ~/.claude.json that was there before, as it was', async () => {
    const claudeJson = path.join(home, '.claude.json')
    await fs.writeFile(claudeJson, '{"userOwn":true}')
    const plan = await planRestore(configDir, home)
    await restoreLogin(plan, fakeOauthLogin())
    expect(await undoRestore(plan)).toEqual([])
    expect(await fs.readFile(claudeJson, 'utf8')).toBe('{"userOwn":true}')
  })

  it('with an API key writes no credentials file, only the 0700 directory', async () => {
    const plan = await planRestore(configDir, home)
    expect(await restoreLogin(plan, undefined)).toEqual([])
    // Only the marker that tells the post step this directory is the one it restored.
    expect(await fs.readdir(configDir)).toEqual(['.claude-subscription-action'])
    expect(await mode(configDir)).toBe(0o700)
    expect(await readRestoredCredentials(plan)).toBeUndefined()
    expect(await undoRestore(plan)).toEqual([])
    expect(await fs.readdir(home)).toEqual([])
  })

  it('restores a setup-token as an access token without a refresh token', async () => {
    const token = fakeToken('oat')
    const expires = Date.now() + 200 * DAY
    const login: Login = {
      kind: 'setup-token',
      token,
      tokenExpiresAt: expires,
      origin: 'token',
      generation: 0,
      files: {},
      warnings: []
    }
    const plan = await planRestore(configDir, home)
    await restoreLogin(plan, login)
    expect(await readRestoredCredentials(plan)).toEqual({
      claudeAiOauth: { accessToken: token, expiresAt: expires, scopes: ['user:inference'] }
    })
  })

  it('reports a problem as a sentence instead of throwing', async () => {
    // The backup cannot go back: the config dir's parent is a file (even root cannot do that).
    await fs.writeFile(path.join(home, 'a-file'), 'x')
    const backupDir = path.join(home, 'backup')
    await fs.mkdir(backupDir)
    const plan = { configDir: path.join(home, 'a-file', '.claude'), hadDir: true, backupDir }
    const problems = await undoRestore(plan)
    expect(problems.every(p => p.startsWith('Could not '))).toBe(true)
    expect(problems).toContainEqual(
      expect.stringMatching(`^Could not put back ${plan.configDir} from ${backupDir}: ENOTDIR`)
    )
    // The user's backup is still there to be recovered by hand.
    expect(await fs.readdir(backupDir)).toEqual([])
  })
})

describe('decideUndo: restore markers on a shared HOME', () => {
  const OWN = 'own-marker'
  it("removes config_dir only when it carries this run's marker", () => {
    expect(decideUndo(OWN, { marker: OWN, empty: false }, 'absent')).toEqual({
      removeConfig: true,
      backup: 'none'
    })
    expect(decideUndo(OWN, { marker: 'other', empty: false }, 'absent')).toEqual({
      removeConfig: false,
      backup: 'none'
    })
    // The user's own directory (never moved aside, or already put back): left alone.
    expect(decideUndo(OWN, { empty: false }, 'absent')).toEqual({
      removeConfig: false,
      backup: 'none'
    })
    expect(decideUndo(OWN, 'absent', 'absent')).toEqual({ removeConfig: false, backup: 'none' })
  })

  it("puts back an unmarked backup (the user's) when config_dir is free", () => {
    expect(decideUndo(OWN, { marker: OWN, empty: false }, { empty: false })).toEqual({
      removeConfig: true,
      backup: 'restore'
    })
    // Stopped right after the move aside.
    expect(decideUndo(OWN, 'absent', { empty: false })).toEqual({
      removeConfig: false,
      backup: 'restore'
    })
    // Stopped after mkdir, before the marker: the empty directory is this run's.
    expect(decideUndo(OWN, { empty: true }, { empty: false })).toEqual({
      removeConfig: true,
      backup: 'restore'
    })
  })

  it("never puts back a backup that carries a run's marker: it is deleted", () => {
    expect(
      decideUndo(OWN, { marker: OWN, empty: false }, { marker: 'other', empty: false })
    ).toEqual({ removeConfig: true, backup: 'delete' })
    expect(decideUndo(OWN, 'absent', { marker: 'other', empty: false })).toEqual({
      removeConfig: false,
      backup: 'delete'
    })
  })

  it("keeps the user's backup when another run's login occupies config_dir", () => {
    expect(decideUndo(OWN, { marker: 'other', empty: false }, { empty: false })).toEqual({
      removeConfig: false,
      backup: 'keep'
    })
  })
})

describe("planRestore and undoRestore with another run's live restore", () => {
  it("plans a fresh directory under the temp dir when config_dir holds another run's marker", async () => {
    const temp = path.join(home, 'runner_temp')
    await fs.mkdir(temp)
    const other = await planRestore(configDir, home, temp)
    expect(other.configDir).toBe(configDir)
    expect(other.divertedFrom).toBeUndefined()
    await restoreLogin(other, fakeOauthLogin())

    const plan = await planRestore(configDir, home, temp)
    expect(plan.divertedFrom).toBe(configDir)
    expect(path.dirname(plan.configDir)).toBe(temp)
    expect(plan.hadDir).toBe(false)
    expect(plan.claudeJson).toBeUndefined()
    await restoreLogin(plan, fakeOauthLogin())
    expect(await undoRestore(plan)).toEqual([])
    expect(await fs.readdir(temp)).toEqual([])
    // The other run's login is untouched.
    expect(await readRestoredCredentials(other)).toBeDefined()
  })

  it("deletes a backup that carries another run's marker instead of putting it back", async () => {
    const first = await planRestore(configDir, home)
    await restoreLogin(first, fakeOauthLogin())
    // Without a temp dir the plan moves the other run's login aside (an older action did this).
    const plan = await planRestore(configDir, home)
    await restoreLogin(plan, fakeOauthLogin())
    expect(await undoRestore(plan)).toEqual([])
    expect(await fs.readdir(home)).toEqual([])
  })
})

describe('credentialsFor', () => {
  it('returns an oauth login as it is', () => {
    const login = fakeOauthLogin({ extra: { organizationUuid: 'FAKE-org' } })
    if (login.kind !== 'oauth') throw new Error('unreachable')
    expect(credentialsFor(login)).toBe(login.credentials)
  })

  it('gives a setup-token with no recorded expiry one year from now', () => {
    const token = fakeToken('oat')
    const now = Date.UTC(2026, 0, 1)
    const creds = credentialsFor(
      { kind: 'setup-token', token, origin: 'token', generation: 0, files: {}, warnings: [] },
      now
    )
    expect(creds).toEqual({
      claudeAiOauth: { accessToken: token, expiresAt: now + 365 * DAY, scopes: ['user:inference'] }
    })
    expect(creds.claudeAiOauth).not.toHaveProperty('refreshToken')
  })
})
