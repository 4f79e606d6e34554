/**
 * The re-auth block: repository, environment and organisation targets, `--name` only for a secret
 * other than CLAUDE_AUTH, and the troubleshooting link built from the runner's variables.
 */
import { describe, expect, it } from '@jest/globals'
import {
  authFailure,
  reauthBlock,
  SECRETS_TOKEN_FIX,
  troubleshootingUrl
} from '../../src/auth/messages.js'

const ENV = {} as NodeJS.ProcessEnv
const DEFAULT_URL =
  'https://github.com/claude-subscription-action/claude-subscription-action/blob/main/docs/troubleshooting.md'

describe('troubleshootingUrl', () => {
  it('defaults to github.com and the action repository', () => {
    expect(troubleshootingUrl(ENV)).toBe(DEFAULT_URL)
  })
  it('uses GITHUB_SERVER_URL and GITHUB_ACTION_REPOSITORY', () => {
    expect(
      troubleshootingUrl({
        GITHUB_SERVER_URL: 'https://ghe.example.com',
        GITHUB_ACTION_REPOSITORY: 'acme/claude-subscription-action'
      } as NodeJS.ProcessEnv)
    ).toBe(
      'https://ghe.example.com/acme/claude-subscription-action/blob/main/docs/troubleshooting.md'
    )
  })
  it('treats empty variables as unset (GITHUB_ACTION_REPOSITORY is empty for a local action)', () => {
    expect(
      troubleshootingUrl({
        GITHUB_SERVER_URL: '',
        GITHUB_ACTION_REPOSITORY: ''
      } as NodeJS.ProcessEnv)
    ).toBe(DEFAULT_URL)
  })
})

describe('reauthBlock', () => {
  it('a repository secret named CLAUDE_AUTH: no --name', () => {
    const block = reauthBlock({ repo: 'octo/repo', secretName: 'CLAUDE_AUTH' }, ENV)
    expect(block).toBe(
      [
        'To fix it:',
        '1. On your machine, in a clone of claude-subscription-action after `npm ci`, run `npm run capture -- --repo octo/repo` (or `npm run capture -- --from container --repo octo/repo` to log in inside a container, so CI and your laptop never share a login).',
        '2. Or run `claude setup-token` and pipe the token it prints into `npm run capture -- --from token --repo octo/repo` (a one-year token that never needs refreshing).',
        `3. The login must land in the repository secret CLAUDE_AUTH of octo/repo. Troubleshooting: ${DEFAULT_URL}`
      ].join('\n')
    )
    expect(block).not.toContain('--name')
  })

  it('another secret name adds --name to every command', () => {
    const block = reauthBlock({ repo: 'octo/repo', secretName: 'CLAUDE_AUTH_CI' }, ENV)
    expect(block).toContain('`npm run capture -- --repo octo/repo --name CLAUDE_AUTH_CI`')
    expect(block).toContain(
      '`npm run capture -- --from container --repo octo/repo --name CLAUDE_AUTH_CI`'
    )
    expect(block).toContain(
      '`npm run capture -- --from token --repo octo/repo --name CLAUDE_AUTH_CI`'
    )
    expect(block).toContain('the repository secret CLAUDE_AUTH_CI of octo/repo')
    expect(block.match(/--name/g)).toHaveLength(3)
  })

  it('an environment secret', () => {
    const block = reauthBlock(
      { repo: 'octo/repo', secretName: 'CLAUDE_AUTH', environment: 'production' },
      ENV
    )
    expect(block).toContain('`npm run capture -- --repo octo/repo --env production`')
    expect(block).toContain('`npm run capture -- --from token --repo octo/repo --env production`')
    expect(block).toContain(
      'The login must land in the secret CLAUDE_AUTH of the environment production in octo/repo.'
    )
    expect(block).not.toContain('--name')
  })

  it('an organisation secret wins over an environment, and names no repository', () => {
    const block = reauthBlock(
      { repo: 'octo/repo', secretName: 'ORG_CLAUDE', environment: 'production', org: 'octo' },
      ENV
    )
    expect(block).toContain('`npm run capture -- --org octo --name ORG_CLAUDE`')
    expect(block).toContain('`npm run capture -- --from container --org octo --name ORG_CLAUDE`')
    expect(block).toContain('`npm run capture -- --from token --org octo --name ORG_CLAUDE`')
    expect(block).toContain('The login must land in the organisation secret ORG_CLAUDE of octo.')
    expect(block).not.toContain('--repo')
    expect(block).not.toContain('--env')
  })

  it('links to the action repository the workflow uses', () => {
    const block = reauthBlock({ repo: 'octo/repo', secretName: 'CLAUDE_AUTH' }, {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_ACTION_REPOSITORY: 'someone/fork-of-action'
    } as NodeJS.ProcessEnv)
    expect(
      block.endsWith(
        'Troubleshooting: https://github.com/someone/fork-of-action/blob/main/docs/troubleshooting.md'
      )
    ).toBe(true)
  })
})

describe('authFailure', () => {
  it('is the sentence, a blank line, then the block', () => {
    const ctx = { repo: 'octo/repo', secretName: 'CLAUDE_AUTH' }
    const text = authFailure('The login was revoked.', ctx, ENV)
    expect(text).toBe(`The login was revoked.\n\n${reauthBlock(ctx, ENV)}`)
    expect(text.split('\n')[2]).toBe('To fix it:')
  })
})

describe('authFailure after the secrets_token fix', () => {
  it('offers capturing again as the alternative, not as the fix', () => {
    const ctx = { repo: 'o/r', secretName: 'CLAUDE_AUTH' }
    const text = authFailure(`The access token expires soon. ${SECRETS_TOKEN_FIX}`, ctx, {})
    const [sentence, block] = text.split('\n\n')
    expect(sentence).toContain('set the secrets_token input')
    expect(block?.split('\n')[0]).toBe('Or capture a new login instead:')
    expect(block).toContain('npm run capture -- --repo o/r')
    expect(authFailure('The login chain ended.', ctx, {}).split('\n')[2]).toBe('To fix it:')
  })
})
