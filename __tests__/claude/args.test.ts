/**
 * claude_args split with shell quoting ($VAR literal, operators refused), and the CLI's argv:
 * order, flags, the untrusted-workspace restrictions, and never a prompt.
 */
import { describe, expect, it } from '@jest/globals'
import {
  buildArgs,
  hasJsonSchema,
  readOnlyExtraArgs,
  splitArgs,
  type ArgOptions
} from '../../src/claude/args.js'
import { InputError } from '../../src/errors.js'

const BASE = ['-p', '--output-format', 'stream-json', '--verbose']

describe('splitArgs', () => {
  it('keeps a single-quoted JSON schema as one word', () => {
    expect(splitArgs(`--json-schema '{"type":"object"}'`)).toEqual([
      '--json-schema',
      '{"type":"object"}'
    ])
  })

  it('follows double quotes, single quotes and backslashes', () => {
    expect(
      splitArgs(`--model "claude sonnet" --append-system-prompt 'Be brief. Don'"'"'t guess.' a\\ b`)
    ).toEqual([
      '--model',
      'claude sonnet',
      '--append-system-prompt',
      "Be brief. Don't guess.",
      'a b'
    ])
  })

  it('splits on newlines too (a YAML block scalar)', () => {
    expect(splitArgs('--max-turns 5\n--allowedTools "Bash(git diff:*)"\n')).toEqual([
      '--max-turns',
      '5',
      '--allowedTools',
      'Bash(git diff:*)'
    ])
  })

  it('keeps $VAR literal: nothing is expanded from the environment', () => {
    process.env.CSA_TEST_VAR = 'EXPANDED'
    try {
      expect(splitArgs('--add-dir $HOME/x "$CSA_TEST_VAR" \'$CSA_TEST_VAR\' cost$5')).toEqual([
        '--add-dir',
        '$HOME/x',
        '$CSA_TEST_VAR',
        '$CSA_TEST_VAR',
        'cost$5'
      ])
    } finally {
      delete process.env.CSA_TEST_VAR
    }
  })

  // BUG (src/claude/args.ts, splitArgs): shell-quote hands `${VAR}` to the env callback as the
  // bare key, which returns `$VAR`: the braces are lost, so `"${FOO}bar"` reaches the CLI as
  // `$FOObar`, a different text than the workflow author wrote. Only single quotes keep it.
  it('keeps ${VAR} literal, braces included', () => {
    expect(splitArgs('--append-system-prompt "${FOO}bar"')).toEqual([
      '--append-system-prompt',
      '${FOO}bar'
    ])
  })

  it('keeps globs and backticks as plain words', () => {
    expect(splitArgs('--add-dir src/*.ts `ls`')).toEqual(['--add-dir', 'src/*.ts', '`ls`'])
  })

  it('stops at a comment', () => {
    expect(splitArgs('--max-turns 3 # more later --model x')).toEqual(['--max-turns', '3'])
  })

  it('is empty for blank input', () => {
    expect(splitArgs('')).toEqual([])
    expect(splitArgs('  \n\t ')).toEqual([])
  })

  it.each([
    ['--model x; rm -rf /', ';'],
    ['--model x | tee log', '|'],
    ['--model x && echo hi', '&&'],
    ['--model x > out.txt', '>'],
    ['--model x < in.txt', '<'],
    ['--model x &', '&'],
    ['--model $(whoami)', '(']
  ])('refuses the operator in %j with the sentence', (value, op) => {
    let err: unknown
    try {
      splitArgs(value)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as Error).message).toBe(
      `claude_args has a shell operator ("${op}"), which is not run by a shell: quote it, or pass plain arguments only.`
    )
  })

  it('accepts a quoted operator as text', () => {
    expect(splitArgs(`--append-system-prompt "a; b | c && d"`)).toEqual([
      '--append-system-prompt',
      'a; b | c && d'
    ])
  })
})

describe('buildArgs', () => {
  it('always prints stream-json non-interactively', () => {
    expect(buildArgs({})).toEqual(BASE)
  })

  it('puts every flag in order, the author arguments then the sandbox last', () => {
    const schema = { type: 'object', properties: { summary: { type: 'string' } } }
    expect(
      buildArgs({
        model: 'claude-test',
        maxTurns: 8,
        jsonSchema: schema,
        tools: ['Read', 'Grep', 'Glob'],
        sandbox: ['--setting-sources', '', '--strict-mcp-config'],
        appendSystemPrompt: 'Answer in JSON.',
        extra: ['--model', 'override', '--add-dir', '/tmp/x']
      })
    ).toEqual([
      ...BASE,
      '--model',
      'claude-test',
      '--max-turns',
      '8',
      '--json-schema',
      JSON.stringify(schema),
      '--tools',
      'Read,Grep,Glob',
      '--append-system-prompt',
      'Answer in JSON.',
      '--model',
      'override',
      '--add-dir',
      '/tmp/x',
      '--setting-sources',
      '',
      '--strict-mcp-config'
    ])
  })

  it('passes the JSON schema as one compact argument', () => {
    const args = buildArgs({ jsonSchema: { type: 'object' } })
    expect(args.slice(-2)).toEqual(['--json-schema', '{"type":"object"}'])
  })

  it("the sandbox's flags come last, after the author's arguments, so nothing loosens them", () => {
    const args = buildArgs({ sandbox: ['--settings', '{}'], extra: ['--settings', 'mine.json'] })
    expect(args).toEqual([...BASE, '--settings', 'mine.json', '--settings', '{}'])
    expect(buildArgs({})).not.toContain('--setting-sources')
  })

  it('an empty tool list means no built-in tools at all', () => {
    expect(buildArgs({ tools: [] }).slice(-2)).toEqual(['--tools', ''])
    expect(buildArgs({})).not.toContain('--tools')
  })

  it('max_turns 0 is still passed; an empty model or system prompt is not', () => {
    expect(buildArgs({ maxTurns: 0 })).toEqual([...BASE, '--max-turns', '0'])
    expect(buildArgs({ model: '', appendSystemPrompt: '' })).toEqual(BASE)
  })

  it('never carries a prompt, whatever is passed in', () => {
    const opts = { prompt: 'SECRET FAKE PROMPT test', model: 'm' } as ArgOptions
    const args = buildArgs(opts)
    expect(args.join(' ')).not.toContain('SECRET FAKE PROMPT')
    expect(args).toEqual([...BASE, '--model', 'm'])
  })
})

describe('hasJsonSchema', () => {
  it('finds --json-schema in either form', () => {
    expect(hasJsonSchema(['--json-schema', '{}'])).toBe(true)
    expect(hasJsonSchema(['--model', 'x', '--json-schema={}'])).toBe(true)
    expect(hasJsonSchema(['--model', 'x'])).toBe(false)
    expect(hasJsonSchema(['--json-schemas'])).toBe(false)
    expect(hasJsonSchema([])).toBe(false)
  })
})

describe('readOnlyExtraArgs (review and triage)', () => {
  it('keeps harmless flags with their values', () => {
    const extra = [
      '--model',
      'claude-test',
      '--max-budget-usd',
      '2',
      '--append-system-prompt',
      'Be terse.'
    ]
    expect(readOnlyExtraArgs(extra)).toEqual({ kept: extra, dropped: [] })
  })

  it('drops flags that widen the tools or load workspace configuration, with their values', () => {
    const got = readOnlyExtraArgs(
      splitArgs(
        `--allowedTools "Bash(git push:*)" Edit --model m --permission-mode bypassPermissions --dangerously-skip-permissions --settings '{"hooks":{}}' --mcp-config .mcp.json --add-dir / /etc --setting-sources project,local --tools Bash --json-schema '{}' --max-turns 3`
      )
    )
    expect(got.kept).toEqual(['--model', 'm', '--max-turns', '3'])
    expect(got.dropped).toEqual([
      '--allowedTools',
      '--permission-mode',
      '--dangerously-skip-permissions',
      '--settings',
      '--mcp-config',
      '--add-dir',
      '--setting-sources',
      '--tools',
      '--json-schema'
    ])
  })

  it('drops the --flag=value form and the kebab-case aliases', () => {
    const got = readOnlyExtraArgs([
      '--allowed-tools=Bash',
      '--disallowed-tools',
      'Read',
      '--permission-mode=acceptEdits',
      '--model=m'
    ])
    expect(got).toEqual({
      kept: ['--model=m'],
      dropped: ['--allowed-tools', '--disallowed-tools', '--permission-mode']
    })
  })

  it('--dangerously-skip-permissions takes no value: the next word is not swallowed', () => {
    expect(readOnlyExtraArgs(['--dangerously-skip-permissions', '--verbose']).kept).toEqual([
      '--verbose'
    ])
  })

  // GAP (src/claude/args.ts, WIDENING_FLAGS): CLI 2.1.332 also has `--plugin-dir <path>` and
  // `--plugin-url <url>`, which load a plugin (hooks that run commands, MCP servers that add
  // tools) and `--agents`. They pass through to a review or triage run, although the SPEC says
  // those modes give the CLI read-only tools only. Low severity (claude_args is the workflow
  // author's own), but a plugin dir inside the checked-out PR would run PR code. Suggested fix:
  // add '--plugin-dir', '--plugin-url' and '--agents' to WIDENING_FLAGS.
  it('drops --plugin-dir and --plugin-url', () => {
    const got = readOnlyExtraArgs([
      '--plugin-dir',
      './.claude/plugins/x',
      '--plugin-url',
      'https://example.test/p.zip'
    ])
    expect(got.kept).toEqual([])
  })
})
