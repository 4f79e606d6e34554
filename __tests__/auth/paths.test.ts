/** config_dir rules: taken from HOME, never inside the workspace, never holding it. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError } from '../../src/errors.js'
import {
  configDirFromInput,
  configDirProblem,
  expandHome,
  resolveConfigDir
} from '../../src/auth/paths.js'

const HOSTED = { home: '/home/runner', workspace: '/home/runner/work/repo/repo' }

describe('configDirFromInput', () => {
  it('expands ~ and takes relative paths from HOME', async () => {
    expect(await configDirFromInput('~/.claude', HOSTED)).toBe('/home/runner/.claude')
    expect(await configDirFromInput('claude-conf', HOSTED)).toBe('/home/runner/claude-conf')
    expect(await configDirFromInput('/opt/claude', HOSTED)).toBe('/opt/claude')
    expect(await configDirFromInput('conf', { home: '/h' })).toBe('/h/conf')
  })

  it('refuses a config_dir inside the workspace in one sentence naming the value and the fix', async () => {
    for (const input of [
      '/home/runner/work/repo/repo/.claude',
      'work/repo/repo/.claude',
      '~/work/repo/repo',
      '/home/runner/work/repo/repo/../repo/x'
    ]) {
      const err = await configDirFromInput(input, HOSTED).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(InputError)
      const message = (err as Error).message
      expect(message).toContain(`config_dir "${input}" is inside the workspace`)
      expect(message).toContain('GITHUB_WORKSPACE /home/runner/work/repo/repo')
      expect(message).toContain('~/.claude')
      expect(message.split('\n')).toHaveLength(1)
    }
  })

  it('refuses a config_dir that holds the workspace (restoring would move it aside)', async () => {
    for (const input of ['~', '/home/runner/work', '/']) {
      await expect(configDirFromInput(input, HOSTED)).rejects.toThrow(/holds the workspace/)
    }
  })

  it('accepts neighbours that only share a prefix with the workspace', () => {
    expect(configDirProblem('x', '/home/runner/work/repo/repo2', HOSTED.workspace)).toBeUndefined()
    expect(configDirProblem('x', '/home/runner/work/repo/repo', undefined)).toBeUndefined()
  })

  describe('with symbolic links', () => {
    let tmp: string
    beforeEach(async () => {
      tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'paths-test-')))
    })
    afterEach(async () => {
      await fs.rm(tmp, { recursive: true, force: true })
    })

    it('refuses a link outside the workspace that points into it', async () => {
      const ws = path.join(tmp, 'ws')
      await fs.mkdir(path.join(ws, 'inner'), { recursive: true })
      await fs.symlink(path.join(ws, 'inner'), path.join(tmp, 'link'))
      const opts = { home: path.join(tmp, 'home'), workspace: ws }
      await expect(configDirFromInput(path.join(tmp, 'link', 'claude'), opts)).rejects.toThrow(
        /is inside the workspace/
      )
      expect(await configDirFromInput(path.join(tmp, 'elsewhere', 'claude'), opts)).toBe(
        path.join(tmp, 'elsewhere', 'claude')
      )
    })
  })
})

describe('expandHome and resolveConfigDir (shared with the capture tool)', () => {
  it('expands only a leading ~ alone or before a separator', () => {
    expect(expandHome('~', '/home/me')).toBe('/home/me')
    expect(expandHome('~/a/../b', '/home/me')).toBe('/home/me/b')
    expect(expandHome('~other/x', '/home/me')).toBe('~other/x')
    expect(expandHome('rel/x', '/home/me')).toBe('rel/x')
    expect(expandHome('/tmp/~/x', '/home/me')).toBe('/tmp/~/x')
  })

  it('takes a relative path from HOME for the action, from the given base for capture', () => {
    expect(resolveConfigDir('conf', '/home/me')).toBe('/home/me/conf')
    expect(resolveConfigDir('conf', '/home/me', '/work/repo')).toBe('/work/repo/conf')
    expect(resolveConfigDir('~/conf', '/home/me', '/work/repo')).toBe('/home/me/conf')
  })
})
