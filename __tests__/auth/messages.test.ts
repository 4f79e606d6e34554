/**
 * The re-auth block: repository, environment and organisation targets, `--name` only for a secret
 * other than CLAUDE_AUTH, and the troubleshooting link built from the runner's variables.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  authFailure,
  reauthBlock,
  SECRETS_TOKEN_FIX,
  troubleshootingUrl
} from '../../src/auth/messages.js'

const ENV = {} as NodeJS.ProcessEnv
/** The download route, from package.json's repository: the v1 tag's bundled capture tool. */
const PKG = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  repository: { url: string }
}
const REPO = /github\.com\/(.+?)(?:\.git)?$/.exec(PKG.repository.url)?.[1] as string
const CAPTURE = `https://raw.githubusercontent.com/${REPO}/v1/dist/capture.js`
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
        `1. On your machine (Node 20 or newer, no clone needed), download the capture tool and run it: \`curl -fsSLO ${CAPTURE} && node capture.js --repo octo/repo\`.`,
        '2. Or run `claude setup-token` and pipe the token it prints into `node capture.js --from token --repo octo/repo` (a one-year token that never needs refreshing).',
        '3. Or, in a clone of claude-subscription-action after `npm ci`, run `npm run -s capture -- --from container --repo octo/repo` to log in inside a container, so CI and your laptop never share a login (`npm run -s capture` takes the same options as `node capture.js`).',
        `4. The login must land in the repository secret CLAUDE_AUTH of octo/repo. Troubleshooting: ${DEFAULT_URL}`
      ].join('\n')
    )
    expect(block).not.toContain('--name')
  })

  it('another secret name adds --name to every command', () => {
    const block = reauthBlock({ repo: 'octo/repo', secretName: 'CLAUDE_AUTH_CI' }, ENV)
    expect(block).toContain('&& node capture.js --repo octo/repo --name CLAUDE_AUTH_CI`')
    expect(block).toContain(
      '`npm run -s capture -- --from container --repo octo/repo --name CLAUDE_AUTH_CI`'
    )
    expect(block).toContain('`node capture.js --from token --repo octo/repo --name CLAUDE_AUTH_CI`')
    expect(block).toContain('the repository secret CLAUDE_AUTH_CI of octo/repo')
    expect(block.match(/--name/g)).toHaveLength(3)
  })

  it('leads with the download route, the clone second', () => {
    const lines = reauthBlock({ repo: 'octo/repo', secretName: 'CLAUDE_AUTH' }, ENV).split('\n')
    expect(REPO).toBe('claude-subscription-action/claude-subscription-action')
    expect(lines[1]).toContain(`curl -fsSLO ${CAPTURE} && node capture.js --repo octo/repo`)
    expect(lines.findIndex(l => l.includes('in a clone'))).toBeGreaterThan(1)
    expect(lines.join('\n')).not.toMatch(/npm run capture/)
  })

  it('an environment secret', () => {
    const block = reauthBlock(
      { repo: 'octo/repo', secretName: 'CLAUDE_AUTH', environment: 'production' },
      ENV
    )
    expect(block).toContain('&& node capture.js --repo octo/repo --env production`')
    expect(block).toContain('`node capture.js --from token --repo octo/repo --env production`')
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
    expect(block).toContain('&& node capture.js --org octo --name ORG_CLAUDE`')
    expect(block).toContain('`npm run -s capture -- --from container --org octo --name ORG_CLAUDE`')
    expect(block).toContain('`node capture.js --from token --org octo --name ORG_CLAUDE`')
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
    expect(block).toContain('node capture.js --repo o/r')
    expect(authFailure('The login chain ended.', ctx, {}).split('\n')[2]).toBe('To fix it:')
  })
})
