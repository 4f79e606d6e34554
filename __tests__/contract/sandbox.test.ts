/**
 * The CLI sandbox against the real CLI (2.1.332): the deny rules hold on their own, even when
 * permissive user settings load, with the workspace inside HOME as on hosted runners. The
 * plain-object tests of the flags and rules are in __tests__/claude/sandbox.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  CLAUDE_BINARY,
  fakeCredentials,
  hermeticCliEnv,
  startMockAnthropic,
  toolResultBlocks,
  type Turn
} from '../../__fixtures__/mock-anthropic.js'
import { startRefusingProxy } from '../../__fixtures__/proxy.js'
import { sandboxPaths, untrustedSettings } from '../../src/claude/sandbox.js'

const describeCli = existsSync(CLAUDE_BINARY) ? describe : describe.skip

describeCli('the deny rules against the real CLI', () => {
  it('hold even when permissive user settings load: the workspace in HOME stays readable', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'sandbox-cli-'))
    const home = path.join(root, 'home')
    const ws = path.join(home, 'work', 'r', 'r')
    const cfg = path.join(home, '.claude')
    const temp = path.join(root, 'temp')
    const event = path.join(root, 'event.json')
    for (const d of [ws, cfg, temp, path.join(home, '.ssh'), path.join(ws, '.git')]) {
      await fs.mkdir(d, { recursive: true })
    }
    const put = (file: string, text: string): Promise<void> => fs.writeFile(file, text)
    await put(path.join(cfg, '.credentials.json'), JSON.stringify(fakeCredentials()))
    await put(path.join(cfg, 'settings.json'), PERMISSIVE)
    await put(path.join(home, '.ssh', 'id'), 'LEAK-ssh')
    await put(path.join(home, 'notes.txt'), 'LEAK-home')
    await put(path.join(temp, 'x'), 'LEAK-temp')
    await put(event, 'LEAK-event')
    await put(path.join(ws, '.git', 'config'), 'LEAK-git')
    await put(path.join(ws, 'a.ts'), 'OK-workspace')
    await put(path.join(ws, '.env.example'), 'OK-dotfile')
    await fs.symlink(path.join(cfg, '.credentials.json'), path.join(ws, 'link'))
    const read = (file_path: string): Turn => ({
      type: 'tool_use',
      name: 'Read',
      input: { file_path }
    })
    const probes: Turn[] = [
      read(path.join(cfg, '.credentials.json')),
      read('~/.claude/.credentials.json'),
      read('../../../.claude/.credentials.json'),
      read(path.join(ws, 'link')),
      { type: 'tool_use', name: 'Grep', input: { pattern: 'sk-ant', path: cfg } },
      { type: 'tool_use', name: 'Glob', input: { pattern: '**/*', path: cfg } },
      read(path.join(home, '.ssh', 'id')),
      read(path.join(home, 'notes.txt')),
      read(path.join(temp, 'x')),
      read(event),
      read('.git/config'),
      { type: 'tool_use', name: 'Grep', input: { pattern: 'LEAK', path: '.git' } }
    ]
    const allowed = [read(path.join(ws, 'a.ts')), read(path.join(ws, '.env.example'))]
    const mock = await startMockAnthropic([...probes, ...allowed, { type: 'text', text: 'done' }])
    const proxy = await startRefusingProxy()
    try {
      const paths = await sandboxPaths(
        { GITHUB_WORKSPACE: ws, RUNNER_TEMP: temp, GITHUB_EVENT_PATH: event },
        cfg,
        { home }
      )
      // The user's settings load (the action never lets them): only the deny rules stand guard.
      const args = ['-p', '--model', 'claude-haiku-4-5', '--output-format', 'json']
      args.push('--tools', 'Read,Grep,Glob', '--max-turns', '30', '--setting-sources', 'user')
      args.push('--settings', JSON.stringify(untrustedSettings(paths)))
      const env = hermeticCliEnv({
        mockUrl: mock.url,
        proxyUrl: proxy.url,
        home,
        configDir: cfg,
        extra: { IS_SANDBOX: '1' }
      })
      await new Promise<void>((resolve, reject) => {
        const child = spawn(CLAUDE_BINARY, args, {
          cwd: ws,
          env,
          stdio: ['pipe', 'ignore', 'ignore']
        })
        child.stdin.end('probe')
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
        child.on('error', reject)
        child.on('close', () => {
          clearTimeout(timer)
          resolve()
        })
      })
      const requests = mock.messageRequests()
      const results = toolResultBlocks(requests[requests.length - 1]!)
      expect(results).toHaveLength(probes.length + allowed.length)
      const got = results.map(r => `${r.is_error ? 'refused' : 'read'} ${r.text.slice(0, 60)}`)
      expect(got.slice(0, probes.length).filter(g => !g.startsWith('refused'))).toEqual([])
      expect(got.join('\n')).not.toMatch(/LEAK|sk-ant-o/)
      expect(results[probes.length]?.text).toContain('OK-workspace')
      expect(results[probes.length + 1]?.text).toContain('OK-dotfile')
    } finally {
      await mock.close()
      await proxy.close()
      await fs.rm(root, { recursive: true, force: true })
    }
  })
})

/** The four widening settings of the security finding, at once. */
const PERMISSIVE = JSON.stringify({
  permissions: {
    allow: ['Read', 'Read(~/**)'],
    additionalDirectories: ['~/'],
    defaultMode: 'bypassPermissions'
  }
})
