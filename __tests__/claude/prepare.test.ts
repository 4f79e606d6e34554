/** When a run off a GitHub runner keeps away from the developer's own ~/.claude. */
import { describe, expect, it } from '@jest/globals'
import { keepsOwnLogin } from '../../src/claude/prepare.js'

const RUNNER = { GITHUB_ACTIONS: 'true', RUNNER_TEMP: '/home/runner/work/_temp' }

describe('keepsOwnLogin', () => {
  it.each([
    ['a runner, default config_dir', '~/.claude', RUNNER, false],
    ['a runner, another config_dir', '~/ci-claude', RUNNER, false],
    ['no runner variables, default config_dir', '~/.claude', {}, true],
    [
      'local-action .env (GITHUB_ACTIONS=true, no RUNNER_TEMP)',
      '~/.claude',
      { GITHUB_ACTIONS: 'true' },
      true
    ],
    ['RUNNER_TEMP without GITHUB_ACTIONS', '~/.claude', { RUNNER_TEMP: '/tmp/x' }, true],
    ['no runner, config_dir given', '/tmp/my-claude', {}, false],
    ['no runner, ~/.claude given by its absolute path', '/home/dev/.claude', {}, false]
  ])('%s → %s', (_name, input, env, expected) => {
    expect(keepsOwnLogin(input, env as NodeJS.ProcessEnv)).toBe(expected)
  })
})
