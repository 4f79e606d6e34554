/**
 * The CLI's scrubbed environment: no inputs, no saved state, no runner tokens, no stray auth
 * variables; the author's own variables pass; each auth kind sets exactly its own variable.
 */
import { describe, expect, it } from '@jest/globals'
import { cliEnv, scrubEnv, toolEnv, type CliAuth } from '../../src/claude/env.js'
import { fakeToken } from '../../__fixtures__/logins.js'

const CONFIG = '/home/runner/.claude'

/** A runner step's environment with everything that must not reach the CLI. */
function stepEnv(): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/local/bin:/usr/bin',
    HOME: '/home/runner',
    HTTPS_PROXY: 'http://proxy.test:3128',
    https_proxy: 'http://proxy.test:3128',
    NO_PROXY: 'localhost',
    NODE_EXTRA_CA_CERTS: '/etc/ssl/test-ca.pem',
    ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_WORKSPACE: '/home/runner/work/repo',
    RUNNER_TEMP: '/home/runner/_temp',
    MY_OWN_SETTING: 'kept',
    INPUT_CLAUDE_AUTH: 'FAKE-bundle-test',
    INPUT_GITHUB_TOKEN: 'ghp_FAKE_test',
    INPUT_SECRETS_TOKEN: 'github_pat_FAKE_test',
    'INPUT_PROMPT-FILE': 'x',
    STATE_restorePlan: '{"configDir":"/x"}',
    STATE_tokens: 'FAKE-state-test',
    ACTIONS_RUNTIME_TOKEN: 'FAKE-runtime-test',
    ACTIONS_RUNTIME_URL: 'https://runtime.test/',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'FAKE-oidc-test',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.test/',
    ACTIONS_CACHE_URL: 'https://cache.test/',
    ACTIONS_RESULTS_URL: 'https://results.test/',
    ACTIONS_SOME_FUTURE_TOKEN: 'FAKE-future-test',
    ANTHROPIC_API_KEY: 'sk-ant-api01-FAKE-stray-test',
    ANTHROPIC_AUTH_TOKEN: 'FAKE-stray-auth-test',
    CLAUDE_CODE_OAUTH_TOKEN: 'sk-ant-oat01-FAKE-stray-test',
    CLAUDE_CONFIG_DIR: '/somewhere/else',
    UNDEFINED_ONE: undefined
  }
}

const REMOVED = [
  'INPUT_CLAUDE_AUTH',
  'INPUT_GITHUB_TOKEN',
  'INPUT_SECRETS_TOKEN',
  'INPUT_PROMPT-FILE',
  'STATE_restorePlan',
  'STATE_tokens',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_SOME_FUTURE_TOKEN'
]
const KEPT = [
  'PATH',
  'HOME',
  'HTTPS_PROXY',
  'https_proxy',
  'NO_PROXY',
  'NODE_EXTRA_CA_CERTS',
  'ANTHROPIC_BASE_URL',
  'GITHUB_REPOSITORY',
  'GITHUB_WORKSPACE',
  'RUNNER_TEMP',
  'MY_OWN_SETTING'
]

describe('cliEnv', () => {
  it('drops inputs, saved state and runner tokens; keeps everything else', () => {
    const base = stepEnv()
    const env = cliEnv(base, { kind: 'oauth', configDir: CONFIG })
    for (const key of REMOVED) expect(env).not.toHaveProperty(key)
    for (const key of KEPT) expect(env[key]).toBe(base[key])
    expect(env).not.toHaveProperty('UNDEFINED_ONE')
    // No secret value of the step survives under any name.
    const values = Object.values(env).join('\n')
    expect(values).not.toMatch(/FAKE/)
  })

  it('oauth: no auth variable at all, so the restored login is used', () => {
    const env = cliEnv(stepEnv(), { kind: 'oauth', configDir: CONFIG })
    expect(env).not.toHaveProperty('ANTHROPIC_API_KEY')
    expect(env).not.toHaveProperty('ANTHROPIC_AUTH_TOKEN')
    expect(env).not.toHaveProperty('CLAUDE_CODE_OAUTH_TOKEN')
    expect(env.CLAUDE_CONFIG_DIR).toBe(CONFIG)
  })

  it('setup-token: only CLAUDE_CODE_OAUTH_TOKEN, with the chosen token', () => {
    const token = fakeToken('oat')
    const env = cliEnv(stepEnv(), { kind: 'setup-token', configDir: CONFIG, token })
    expect(env.CLAUDE_CODE_OAUTH_TOKEN).toBe(token)
    expect(env).not.toHaveProperty('ANTHROPIC_API_KEY')
    expect(env).not.toHaveProperty('ANTHROPIC_AUTH_TOKEN')
  })

  it('api-key: only ANTHROPIC_API_KEY, with the chosen key', () => {
    const apiKey = fakeToken('api')
    const env = cliEnv(stepEnv(), { kind: 'api-key', configDir: CONFIG, apiKey })
    expect(env.ANTHROPIC_API_KEY).toBe(apiKey)
    expect(env).not.toHaveProperty('ANTHROPIC_AUTH_TOKEN')
    expect(env).not.toHaveProperty('CLAUDE_CODE_OAUTH_TOKEN')
  })

  it.each<CliAuth>([
    { kind: 'oauth', configDir: CONFIG },
    { kind: 'setup-token', configDir: CONFIG, token: 'sk-ant-oat01-FAKE-test-aaaaaaaa' },
    { kind: 'api-key', configDir: CONFIG, apiKey: 'sk-ant-api01-FAKE-test-aaaaaaaa' }
  ])('$kind: sets the config dir and turns off updates and nonessential traffic', auth => {
    const env = cliEnv(stepEnv(), auth)
    expect(env.CLAUDE_CONFIG_DIR).toBe(CONFIG)
    expect(env.DISABLE_AUTOUPDATER).toBe('1')
    expect(env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC).toBe('1')
  })

  it('does not change the environment it was given', () => {
    const base = stepEnv()
    const copy = { ...base }
    cliEnv(base, { kind: 'api-key', configDir: CONFIG, apiKey: fakeToken('api') })
    expect(base).toEqual(copy)
  })

  it('works from an empty environment', () => {
    expect(cliEnv({}, { kind: 'oauth', configDir: CONFIG })).toEqual({
      CLAUDE_CONFIG_DIR: CONFIG,
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1'
    })
  })
})

describe('scrubEnv and toolEnv', () => {
  it('scrubEnv is the one scrub cliEnv builds on: the same removals, nothing added', () => {
    const base: NodeJS.ProcessEnv = {
      ...stepEnv(),
      ACTIONS_FUTURE_SERVICE_URL: 'https://future.test/'
    }
    const env = scrubEnv(base)
    for (const key of [...REMOVED, 'ACTIONS_FUTURE_SERVICE_URL'])
      expect(env).not.toHaveProperty(key)
    for (const key of ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN']) {
      expect(env).not.toHaveProperty(key)
    }
    for (const key of KEPT) expect(env[key]).toBe(base[key])
    expect(env.CLAUDE_CONFIG_DIR).toBe('/somewhere/else')
    const {
      CLAUDE_CONFIG_DIR: _c,
      DISABLE_AUTOUPDATER: _d,
      ...rest
    } = cliEnv(base, {
      kind: 'oauth',
      configDir: CONFIG
    })
    const { CLAUDE_CONFIG_DIR: _c2, ...scrubbed } = env
    expect({ ...rest, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: undefined }).toEqual({
      ...scrubbed,
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: undefined
    })
  })

  it('toolEnv (npm, claude --version) also drops GitHub tokens and turns off the updater', () => {
    const base: NodeJS.ProcessEnv = {
      ...stepEnv(),
      GITHUB_TOKEN: 'ghs_FAKE_tool_test',
      GH_TOKEN: 'gho_FAKE_tool_test',
      GITHUB_ENTERPRISE_TOKEN: 'ghp_FAKE_tool_test',
      GH_ENTERPRISE_TOKEN: 'ghp_FAKE_tool_test2',
      NPM_CONFIG_REGISTRY: 'https://npm.mirror.test/'
    }
    const env = toolEnv(base)
    for (const key of [
      'GITHUB_TOKEN',
      'GH_TOKEN',
      'GITHUB_ENTERPRISE_TOKEN',
      'GH_ENTERPRISE_TOKEN'
    ]) {
      expect(env).not.toHaveProperty(key)
    }
    expect(Object.values(env).join('\n')).not.toMatch(/FAKE/)
    expect(env.NPM_CONFIG_REGISTRY).toBe('https://npm.mirror.test/')
    expect(env.HTTPS_PROXY).toBe(base.HTTPS_PROXY)
    expect(env.DISABLE_AUTOUPDATER).toBe('1')
  })
})
