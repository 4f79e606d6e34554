/**
 * `npm run demo` (issue #15 item 11): the bundled action reviews the sample pull request and triages
 * the sample issue against the stand-ins, offline, and prints what a user would see; exit code 0.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ROOT, type StepResult } from '../../__fixtures__/runner.js'
import { renderLog } from '../../scripts/demo.js'

describe('npm run demo', () => {
  it('prints the log, the step summary, the review with path:line, the summary comment and the labels; exits 0', async () => {
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
    // The command `npm run demo` runs, with nothing of this process's environment but PATH and HOME.
    const child = spawn(process.execPath, [tsx, path.join(ROOT, 'scripts', 'demo.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME }
    })
    let out = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (out += d))
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    expect({ code, tail: out.slice(-600) }).toEqual({ code: 0, tail: expect.any(String) })
    // The log and the step summary of each job.
    expect(out).toContain('▸ Claude Code: review of #7')
    expect(out).toContain('## Claude subscription action: review')
    expect(out).toContain('▸ Claude Code: triage #8')
    expect(out).toContain('Removed the restored login')
    // The review, its inline comments by path:line, and the summary comment.
    expect(out).toContain('── Posted on GitHub: the review ──\nReview on #7 (COMMENTED)')
    expect(out).toMatch(/ {2}src\/http\.ts:3\n.*The retry loop never ends/)
    expect(out).toMatch(/ {2}src\/http\.ts:6\n.*A 4xx answer is retried too/)
    expect(out).toContain('── Posted on GitHub: the summary comment ──\n## Claude review of')
    expect(out).not.toContain('<!--')
    // The labels: the two the rules let through, not the one under min_confidence.
    expect(out).toContain('#8 now has: bug, priority/high')
    expect(out).toContain('labels output: ["bug","priority/high"]')
    expect(out).toMatch(/Done in [\d.]+ s: review success, triage success; no token in anything/)
  }, 180_000)
})

describe('renderLog', () => {
  const step = (stdout: string, masked: string[] = []): StepResult => ({
    exitCode: 0,
    stdout,
    stderr: '',
    outputs: {},
    errors: [],
    warnings: [],
    notices: [],
    masked,
    commands: []
  })

  it('renders workflow commands as the runner shows them, and hides masked values', () => {
    const log = renderLog(
      step(
        [
          '::add-mask::sk-ant-oat01-FAKE-demo-token',
          '::group::Claude Code: review of #7',
          'token sk-ant-oat01-FAKE-demo-token here',
          '::endgroup::',
          '::warning::Two%0Alines',
          '::notice title=x::A notice',
          '::debug::hidden'
        ].join('\n'),
        ['sk-ant-oat01-FAKE-demo-token']
      )
    )
    expect(log).toBe(
      [
        '▸ Claude Code: review of #7',
        'token *** here',
        'warning: Two\n    lines',
        'notice: A notice'
      ].join('\n')
    )
  })
})
