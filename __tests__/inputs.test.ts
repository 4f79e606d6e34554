/**
 * getInputs with a fake reader: defaults, booleans, lists, durations, numbers and their error
 * sentences (quoting the bad value), claude_version, and secret inputs masked line by line
 * through a mocked @actions/core.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { InputError } from '../src/errors.js'

const setSecret = jest.fn<(value: string) => void>()
const getInput = jest.fn<(name: string) => string>(() => '')
jest.unstable_mockModule('@actions/core', () => ({
  setSecret,
  getInput,
  info: jest.fn(),
  warning: jest.fn(),
  debug: jest.fn()
}))
// eslint-disable-next-line no-restricted-syntax
const inputsModule = await import('../src/inputs.js')
const { DEFAULT_CLAUDE_VERSION, getInputs, maskValue, SECRET_INPUTS } = inputsModule

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''
const masked = (): string[] => setSecret.mock.calls.map(c => c[0])
const errorOf = (values: Record<string, string>): Error => {
  try {
    getInputs(reader(values))
  } catch (err) {
    return err as Error
  }
  throw new Error('getInputs did not throw')
}

/** `inputs:` of action.yml, name → default, read without a YAML library. */
function actionYmlDefaults(): Record<string, string> {
  const yml = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
  const section = yml.slice(yml.indexOf('\ninputs:\n'), yml.indexOf('\noutputs:\n'))
  const out: Record<string, string> = {}
  let current = ''
  for (const line of section.split('\n')) {
    const name = /^ {2}([a-z_]+):\s*$/.exec(line)
    if (name) {
      current = name[1] as string
      out[current] = ''
      continue
    }
    const def = /^ {4}default:\s*(.*)$/.exec(line)
    if (def && current) out[current] = (def[1] as string).replace(/^'(.*)'$/, '$1')
  }
  return out
}

beforeEach(() => {
  setSecret.mockClear()
  getInput.mockClear()
})

describe('defaults', () => {
  it('fills in every default of action.yml', () => {
    const i = getInputs(reader({}))
    expect(i).toMatchObject({
      mode: 'auto',
      claude_auth: '',
      auth_secret_name: 'CLAUDE_AUTH',
      auth_secret_environment: '',
      auth_secret_org: '',
      config_dir: '~/.claude',
      min_validity: 30 * 60_000,
      warn_within: 7 * 86_400_000,
      refresh: 'auto',
      claude_version: DEFAULT_CLAUDE_VERSION,
      claude_path: '',
      model: '',
      timeout_minutes: 20,
      claude_args: '',
      prompt: '',
      on_usage_limit: 'fail',
      dry_run: false,
      backtest: 0,
      live_check: true,
      health_issue: true,
      review_paths: [],
      max_comments: 10,
      min_severity: 'minor',
      fail_on: 'none',
      incremental: true,
      resolve_outdated: true,
      review_drafts: false,
      review_forks: false,
      skip_authors: ['dependabot[bot]', 'renovate[bot]'],
      review_rules: ['REVIEW.md', 'CLAUDE.md', '.github/claude-review.md'],
      labels_allow: [],
      labels_deny: [],
      max_labels: 3,
      min_confidence: 0.6,
      exclusive_labels: [],
      fallback_label: '',
      triage_comment: false,
      backfill_limit: 20
    })
    expect(i.max_turns).toBeUndefined()
    expect(i.pr_number).toBeUndefined()
    expect(i.issue_number).toBeUndefined()
    expect(i.diff_budget).toBeUndefined()
  })

  it('match the defaults action.yml declares, for every input it declares', () => {
    const declared = actionYmlDefaults()
    const fromYml = { ...declared, github_token: '' } // `${{ github.token }}` is the runner's
    expect(getInputs(reader(fromYml))).toEqual(getInputs(reader({})))
    // Every input of action.yml is read, and nothing else.
    const read: string[] = []
    getInputs(name => {
      read.push(name)
      return ''
    })
    expect(read.sort()).toEqual(Object.keys(declared).sort())
    expect(declared.claude_version).toBe(DEFAULT_CLAUDE_VERSION)
  })

  it('pins claude_version to a concrete x.y.z', () => {
    expect(DEFAULT_CLAUDE_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('reads through core.getInput by default', () => {
    getInput.mockImplementation(name => (name === 'mode' ? 'review' : ''))
    expect(getInputs().mode).toBe('review')
    expect(getInput).toHaveBeenCalledWith('claude_auth')
    getInput.mockImplementation(() => '')
  })
})

describe('choices', () => {
  it('accepts any case and surrounding blanks', () => {
    const i = getInputs(reader({ mode: ' Review ', refresh: 'NEVER', on_usage_limit: 'Skip' }))
    expect(i.mode).toBe('review')
    expect(i.refresh).toBe('never')
    expect(i.on_usage_limit).toBe('skip')
  })
  it('names the input, quotes the value and lists the choices', () => {
    const err = errorOf({ mode: 'deploy' })
    expect(err).toBeInstanceOf(InputError)
    expect(err.message).toBe(
      'mode "deploy" is not one of auto, setup, prompt, review, triage, health, command.'
    )
    expect(errorOf({ fail_on: 'blocker' }).message).toBe(
      'fail_on "blocker" is not one of none, critical, major, minor, nit.'
    )
    expect(errorOf({ min_severity: 'none' }).message).toBe(
      'min_severity "none" is not one of critical, major, minor, nit.'
    )
  })
})

describe('command inputs', () => {
  it('default to @claude and write; command_permission takes the five roles in any case', () => {
    const i = getInputs(reader({}))
    expect(i.trigger_phrase).toBe('@claude')
    expect(i.command_permission).toBe('write')
    expect(getInputs(reader({ command_permission: ' Maintain ' })).command_permission).toBe(
      'maintain'
    )
    expect(getInputs(reader({ trigger_phrase: ' /bot ' })).trigger_phrase).toBe('/bot')
  })
  it('refuses a permission GitHub does not have, and a phrase with spaces', () => {
    expect(errorOf({ command_permission: 'owner' }).message).toBe(
      'command_permission "owner" is not one of read, triage, write, maintain, admin.'
    )
    expect(errorOf({ trigger_phrase: 'hey claude' }).message).toBe(
      'trigger_phrase "hey claude" must be one word such as @claude (no spaces).'
    )
  })
})

describe('booleans', () => {
  it('are true or false in any case, blank for false', () => {
    const i = getInputs(
      reader({ dry_run: 'TRUE', review_drafts: ' true ', incremental: 'False', live_check: '' })
    )
    expect(i.dry_run).toBe(true)
    expect(i.review_drafts).toBe(true)
    expect(i.incremental).toBe(false)
    expect(i.live_check).toBe(true) // blank means the default
  })
  it('explicit false overrides a true default', () => {
    const i = getInputs(reader({ live_check: 'false', health_issue: 'false' }))
    expect(i.live_check).toBe(false)
    expect(i.health_issue).toBe(false)
  })
  it('refuse anything else with the value quoted', () => {
    expect(errorOf({ dry_run: 'yes' }).message).toBe('dry_run "yes" must be true or false.')
    expect(errorOf({ triage_comment: '1' }).message).toBe(
      'triage_comment "1" must be true or false.'
    )
  })
})

describe('lists', () => {
  it('split on commas and newlines, trimmed, blanks dropped', () => {
    const i = getInputs(
      reader({
        review_paths: 'src/**, lib/**\n\n  docs/*.md ,,',
        labels_deny: 'wontfix',
        exclusive_labels: 'priority/*\nsize/*\n'
      })
    )
    expect(i.review_paths).toEqual(['src/**', 'lib/**', 'docs/*.md'])
    expect(i.labels_deny).toEqual(['wontfix'])
    expect(i.exclusive_labels).toEqual(['priority/*', 'size/*'])
  })
  it('an explicit value replaces the default list', () => {
    expect(getInputs(reader({ skip_authors: 'bot-a' })).skip_authors).toEqual(['bot-a'])
  })
})

describe('durations', () => {
  it('parse each unit; a bare number is minutes', () => {
    const i = getInputs(reader({ min_validity: '90s', warn_within: '8h' }))
    expect(i.min_validity).toBe(90_000)
    expect(i.warn_within).toBe(8 * 3_600_000)
    expect(getInputs(reader({ min_validity: '3h' })).min_validity).toBe(3 * 3_600_000)
    expect(getInputs(reader({ warn_within: '14d' })).warn_within).toBe(14 * 86_400_000)
    expect(getInputs(reader({ min_validity: '45' })).min_validity).toBe(45 * 60_000)
  })
  it('refuse a non-duration, naming the input and quoting the value', () => {
    expect(errorOf({ min_validity: 'soon' }).message).toBe(
      'min_validity "soon" is not a duration: use a number and a unit, such as 90s, 30m, 8h or 7d.'
    )
    expect(errorOf({ warn_within: '-1d' }).message).toMatch(/^warn_within "-1d" is not a duration/)
  })
})

describe('numbers', () => {
  it('parse numbers, fractions where allowed', () => {
    const i = getInputs(
      reader({
        max_turns: '12',
        timeout_minutes: '0.5',
        pr_number: '7',
        min_confidence: '0.85',
        max_comments: '0',
        backtest: '50',
        diff_budget: '20000'
      })
    )
    expect(i.max_turns).toBe(12)
    expect(i.timeout_minutes).toBe(0.5)
    expect(i.pr_number).toBe(7)
    expect(i.min_confidence).toBe(0.85)
    expect(i.max_comments).toBe(0)
    expect(i.backtest).toBe(50)
    expect(i.diff_budget).toBe(20000)
  })

  it('refuse bad values with a sentence quoting the value', () => {
    expect(errorOf({ max_turns: 'ten' }).message).toBe(
      'max_turns "ten" must be a whole number of at least 1.'
    )
    expect(errorOf({ max_turns: '2.5' }).message).toBe(
      'max_turns "2.5" must be a whole number of at least 1.'
    )
    expect(errorOf({ max_turns: '0' }).message).toBe(
      'max_turns "0" must be a whole number of at least 1.'
    )
    expect(errorOf({ timeout_minutes: '0' }).message).toBe(
      'timeout_minutes "0" must be a number above 0.'
    )
    expect(errorOf({ timeout_minutes: '-3' }).message).toBe(
      'timeout_minutes "-3" must be a number above 0.'
    )
    expect(errorOf({ timeout_minutes: 'Infinity' }).message).toBe(
      'timeout_minutes "Infinity" must be a number above 0.'
    )
    expect(errorOf({ issue_number: '#12' }).message).toBe(
      'issue_number "#12" must be a whole number of at least 1.'
    )
    expect(errorOf({ diff_budget: '500' }).message).toBe(
      'diff_budget "500" must be a whole number of at least 1000.'
    )
    const conf = errorOf({ min_confidence: '1.5' })
    expect(conf).toBeInstanceOf(InputError)
    expect(conf.message).toMatch(/^min_confidence "1\.5" must be a number /)
    expect(conf.message).toContain('from 0 to 1')
  })

  it('reports the first bad input in action.yml order', () => {
    expect(errorOf({ max_turns: 'x', mode: 'nope' }).message).toMatch(/^mode "nope"/)
  })
})

describe('claude_version', () => {
  it('accepts x.y.z, a pre-release and latest', () => {
    expect(getInputs(reader({ claude_version: '2.1.0' })).claude_version).toBe('2.1.0')
    expect(getInputs(reader({ claude_version: ' 2.2.0-beta.1 ' })).claude_version).toBe(
      '2.2.0-beta.1'
    )
    expect(getInputs(reader({ claude_version: 'latest' })).claude_version).toBe('latest')
  })
  it.each(['v2.1.0', '2.1', '^2.1.0', '2.1.0 --registry=http://evil', 'next'])(
    'refuses %j with the sentence',
    bad => {
      expect(errorOf({ claude_version: bad }).message).toBe(
        `claude_version "${bad}" must be a version such as ${DEFAULT_CLAUDE_VERSION}, or latest.`
      )
    }
  )
})

describe('text inputs', () => {
  it('trims names and paths; prompt and claude_args are kept as written', () => {
    const i = getInputs(
      reader({
        auth_secret_name: ' MY_AUTH ',
        config_dir: ' /tmp/claude ',
        prompt: '  indented\nprompt  ',
        claude_args: ' --model x '
      })
    )
    expect(i.auth_secret_name).toBe('MY_AUTH')
    expect(i.config_dir).toBe('/tmp/claude')
    expect(i.prompt).toBe('  indented\nprompt  ')
    expect(i.claude_args).toBe(' --model x ')
  })
})

describe('secret inputs', () => {
  it('are exactly the five token inputs', () => {
    expect([...SECRET_INPUTS].sort()).toEqual(
      [
        'anthropic_api_key',
        'claude_auth',
        'claude_code_oauth_token',
        'github_token',
        'secrets_token'
      ].sort()
    )
  })

  it('are masked, trimmed, before validation can fail', () => {
    const err = errorOf({
      claude_auth: '  FAKEtestAUTHvalue==\n',
      github_token: 'ghp_FAKE_test_github',
      secrets_token: 'github_pat_FAKE_test',
      anthropic_api_key: 'sk-ant-api01-FAKE-test',
      claude_code_oauth_token: 'sk-ant-oat01-FAKE-test',
      mode: 'bogus'
    })
    expect(err.message).toMatch(/^mode "bogus"/)
    expect(masked()).toEqual(
      expect.arrayContaining([
        'FAKEtestAUTHvalue==',
        'ghp_FAKE_test_github',
        'github_pat_FAKE_test',
        'sk-ant-api01-FAKE-test',
        'sk-ant-oat01-FAKE-test'
      ])
    )
  })

  it('masks a wrapped value whole, line by line and without its line breaks', () => {
    const lines = ['H4sIAAAAAAAAA-FAKE-line-one', 'test-FAKE-line-two-abcdef', 'short', 'FAKE==']
    const value = lines.join('\n')
    const i = getInputs(reader({ claude_auth: `${value}\n` }))
    expect(i.claude_auth).toBe(value)
    const m = masked()
    expect(m).toContain(value)
    expect(m).toContain('H4sIAAAAAAAAA-FAKE-line-one')
    expect(m).toContain('test-FAKE-line-two-abcdef')
    expect(m).toContain(lines.join(''))
    // Lines under 8 characters would mask common text all over the log.
    expect(m).not.toContain('short')
    expect(m).not.toContain('FAKE==')
  })

  it('handles CRLF line breaks', () => {
    maskValue('FAKE-test-first-line\r\nFAKE-test-second-line')
    expect(masked()).toEqual([
      'FAKE-test-first-line\r\nFAKE-test-second-line',
      'FAKE-test-first-line',
      'FAKE-test-second-line',
      'FAKE-test-first-lineFAKE-test-second-line'
    ])
  })

  it('masks nothing for blank values, and never masks other inputs', () => {
    getInputs(reader({ prompt: 'review this carefully please', model: 'claude-test-model' }))
    expect(setSecret).not.toHaveBeenCalled()
  })

  it('a single-line secret is masked once', () => {
    maskValue('  ghp_FAKE_test_only  ')
    expect(masked()).toEqual(['ghp_FAKE_test_only'])
  })
})
