/**
 * The CLI sandbox per job kind: plain-object tests of the flags and deny rules. The run of the real
 * CLI proving the deny rules hold on their own is in __tests__/contract/sandbox.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  CHECKOUT_TOKEN_WARNING,
  checkoutLeftToken,
  cliSandbox,
  denyRules,
  isUntrusted,
  listAncestors,
  restoresBundleSettings,
  sandboxFlags,
  sandboxPaths,
  untrustedSettings,
  type JobKind,
  type SandboxPaths
} from '../../src/claude/sandbox.js'

const HOSTED: SandboxPaths = {
  home: '/home/runner',
  configDir: '/home/runner/.claude',
  workspace: '/home/runner/work/repo/repo',
  runnerTemp: '/home/runner/work/_temp',
  eventPath: '/home/runner/work/_temp/_github_workflow/event.json',
  ancestors: {
    '/home/runner': ['.bashrc', '.claude', '.ssh', 'runners', 'perflog', 'work'],
    '/home/runner/work': ['_actions', '_temp', '_tool', 'repo'],
    '/home/runner/work/repo': ['repo', 'other']
  }
}

const settingsOf = (flags: string[]): { permissions: Record<string, unknown> } =>
  JSON.parse(flags[flags.indexOf('--settings') + 1] as string)

describe('job kinds', () => {
  it('review, triage and command are untrusted; setup, prompt and health are not', () => {
    const kinds: JobKind[] = ['setup', 'prompt', 'health', 'review', 'triage', 'command']
    expect(kinds.filter(isUntrusted)).toEqual(['review', 'triage', 'command'])
    // A bundle's settings apply only where the workflow author runs the CLI for later or own use.
    expect(kinds.filter(restoresBundleSettings)).toEqual(['setup', 'prompt'])
  })

  it('trusted kinds get no flags: the workflow author decides', () => {
    for (const kind of ['setup', 'prompt', 'health'] as const) {
      expect(sandboxFlags(kind, HOSTED)).toEqual([])
    }
  })

  it('untrusted kinds load no settings, no MCP servers, and get the deny settings inline', () => {
    for (const kind of ['review', 'triage', 'command'] as const) {
      const flags = sandboxFlags(kind, HOSTED)
      expect(flags.slice(0, 4)).toEqual([
        '--setting-sources',
        '',
        '--strict-mcp-config',
        '--settings'
      ])
      expect(settingsOf(flags)).toEqual(untrustedSettings(HOSTED))
      expect(settingsOf(flags).permissions.disableBypassPermissionsMode).toBe('disable')
    }
  })
})

describe('deny rules', () => {
  it('on a hosted runner: the config dir, HOME off the path to the workspace, /proc, RUNNER_TEMP, the event file, .git', () => {
    expect(denyRules(HOSTED)).toEqual([
      'Read(//home/runner/.claude)',
      'Read(//home/runner/.claude/**)',
      'Read(//home/runner/.*)',
      'Read(//home/runner/.*/**)',
      'Read(//home/runner/runners)',
      'Read(//home/runner/runners/**)',
      'Read(//home/runner/perflog)',
      'Read(//home/runner/perflog/**)',
      'Read(//home/runner/work/_actions)',
      'Read(//home/runner/work/_actions/**)',
      'Read(//home/runner/work/_temp)',
      'Read(//home/runner/work/_temp/**)',
      'Read(//home/runner/work/_tool)',
      'Read(//home/runner/work/_tool/**)',
      'Read(//home/runner/work/repo/other)',
      'Read(//home/runner/work/repo/other/**)',
      'Read(//proc/**)',
      'Read(//home/runner/work/_temp/_github_workflow/event.json)',
      'Read(**/.git/**)',
      'Read(//home/runner/work/repo/repo/.git/**)'
    ])
  })

  it('never denies HOME as a whole, nor a folder on the path to the workspace, when the workspace is in HOME', () => {
    const rules = denyRules(HOSTED)
    for (const dir of ['/home/runner', '/home/runner/work', '/home/runner/work/repo']) {
      expect(rules).not.toContain(`Read(/${dir}/**)`)
      expect(rules).not.toContain(`Read(/${dir})`)
    }
    expect(rules.some(r => r.includes('work/repo/repo') && !r.includes('.git'))).toBe(false)
    expect(rules).not.toContain('Read(~/**)')
  })

  it('denies HOME as a whole when the workspace is elsewhere', () => {
    const rules = denyRules({ home: '/root', configDir: '/opt/claude', workspace: '/srv/ws' })
    expect(rules).toContain('Read(//root/**)')
    expect(rules).toContain('Read(//opt/claude/**)')
    expect(rules).toContain('Read(//srv/ws/.git/**)')
  })

  it('a workspace inside a dot folder of HOME: its dot siblings are named one by one', () => {
    const rules = denyRules({
      home: '/h',
      configDir: '/h/.claude',
      workspace: '/h/.cache/ws',
      ancestors: { '/h': ['.cache', '.ssh', '.claude'], '/h/.cache': ['ws', 'pip'] }
    })
    expect(rules).not.toContain('Read(//h/.*/**)')
    expect(rules).toEqual(
      expect.arrayContaining([
        'Read(//h/.ssh/**)',
        'Read(//h/.claude/**)',
        'Read(//h/.cache/pip/**)'
      ])
    )
  })

  it("another run's live login this run stepped aside from is denied too", () => {
    const rules = denyRules({
      ...HOSTED,
      configDir: '/tmp/rt/claude-config-1',
      otherLogin: '/opt/c'
    })
    expect(rules).toContain('Read(//opt/c)')
    expect(rules).toContain('Read(//opt/c/**)')
  })

  it('the backup of a previous login is denied too, and every absolute rule has two slashes', () => {
    const rules = denyRules({ ...HOSTED, configDir: '/opt/c', backupDir: '/opt/c.csa-backup-1' })
    expect(rules).toContain('Read(//opt/c.csa-backup-1/**)')
    for (const r of rules.filter(r => !r.startsWith('Read(**'))) expect(r).toMatch(/^Read\(\/\//)
  })
})

describe('the runner side', () => {
  let tmp: string
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sandbox-test-'))
  })
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true })
  })

  it('sees the checkout token in .git/config without returning it', async () => {
    const ws = path.join(tmp, 'ws')
    expect(await checkoutLeftToken(ws)).toBe(false)
    await fs.mkdir(path.join(ws, '.git'), { recursive: true })
    await fs.writeFile(path.join(ws, '.git', 'config'), '[core]\n\tbare = false\n')
    expect(await checkoutLeftToken(ws)).toBe(false)
    await fs.appendFile(
      path.join(ws, '.git', 'config'),
      '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3M=\n'
    )
    expect(await checkoutLeftToken(ws)).toBe(true)
    expect(await checkoutLeftToken(undefined)).toBe(false)
    expect(CHECKOUT_TOKEN_WARNING).toContain('persist-credentials: false')
  })

  it('reads the paths from the environment and lists HOME down to the workspace', async () => {
    const home = path.join(tmp, 'home')
    const ws = path.join(home, 'work', 'r', 'r')
    await fs.mkdir(ws, { recursive: true })
    await fs.mkdir(path.join(home, '.ssh'))
    await fs.writeFile(path.join(home, 'notes.txt'), '')
    const p = await sandboxPaths(
      { GITHUB_WORKSPACE: ws, RUNNER_TEMP: path.join(tmp, 't'), GITHUB_EVENT_PATH: '/e.json' },
      path.join(home, '.claude'),
      { home }
    )
    expect(p).toMatchObject({ home, workspace: ws, runnerTemp: path.join(tmp, 't') })
    expect(p.eventPath).toBe('/e.json')
    expect(p.ancestors?.[home]?.sort()).toEqual(['.ssh', 'notes.txt', 'work'])
    expect(p.ancestors?.[path.join(home, 'work')]).toEqual(['r'])
    expect(await listAncestors(home, path.join(tmp, 'elsewhere'))).toBeDefined()
  })

  it("uses cliEnv for the CLI's environment", () => {
    const sandbox = cliSandbox(
      { PATH: '/bin', INPUT_CLAUDE_AUTH: 'secret', ANTHROPIC_API_KEY: 'stray' },
      { kind: 'oauth', configDir: '/c' },
      HOSTED
    )
    expect(sandbox.env).toMatchObject({ PATH: '/bin', CLAUDE_CONFIG_DIR: '/c' })
    expect(sandbox.env.INPUT_CLAUDE_AUTH).toBeUndefined()
    expect(sandbox.env.ANTHROPIC_API_KEY).toBeUndefined()
    expect(sandbox.flags('prompt')).toEqual([])
    expect(sandbox.flags('review')).toContain('--strict-mcp-config')
  })
})
