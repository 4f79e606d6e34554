/**
 * enterLogin, the one way a step gets its login: what each use (run, live check, status) does
 * with a login that is fine, ends soon, or needs a refresh, and what it reports. Nothing here may
 * refresh: a refresh would need the network, and each case is one the entry settles without it.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DAY, fakeBundle } from '../../__fixtures__/logins.js'
import type { Assessment } from '../../src/auth/validate.js'

const warning = jest.fn<(message: string) => void>()
const notice = jest.fn<(message: string) => void>()
const saveState = jest.fn<(key: string, value: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({
  setSecret: jest.fn(),
  getInput: jest.fn(() => ''),
  getState: jest.fn(() => ''),
  info: jest.fn(),
  debug: jest.fn(),
  warning,
  notice,
  saveState
}))
// eslint-disable-next-line no-restricted-syntax
const { enterLogin } = await import('../../src/auth/entry.js')
// eslint-disable-next-line no-restricted-syntax
const { getInputs } = await import('../../src/inputs.js')
// eslint-disable-next-line no-restricted-syntax
const { AuthError } = await import('../../src/auth/errors.js')

const NOW = Date.now()
const MINUTE = 60_000

function inputsWith(values: Record<string, string>) {
  return getInputs(name => values[name] ?? '')
}

/** A report that records what it was told. */
function recorder() {
  const seen: { statuses: string[]; rotated: boolean[] } = { statuses: [], rotated: [] }
  return {
    seen,
    report: {
      auth: (a: Assessment) => void seen.statuses.push(a.status),
      rotated: (stored: boolean) => void seen.rotated.push(stored)
    }
  }
}

beforeEach(() => {
  warning.mockClear()
  notice.mockClear()
  saveState.mockClear()
})

describe('enterLogin', () => {
  it('run: a login that lasts is reported once and kept; the generation is saved for the post step', async () => {
    const { secret } = fakeBundle({ now: NOW, loginEndsInMs: 30 * DAY })
    const { seen, report } = recorder()
    const ready = await enterLogin(
      inputsWith({ claude_auth: secret }),
      {},
      {
        use: 'run',
        now: NOW,
        report
      }
    )
    expect(ready.auth.assessment.status).toBe('valid')
    expect(ready.unstored).toBeUndefined()
    expect(seen).toEqual({ statuses: ['valid'], rotated: [] })
    expect(saveState).toHaveBeenCalledWith('generation', '1')
    expect(warning).not.toHaveBeenCalled()
  })

  it('run: a login inside warn_within runs, with a warning', async () => {
    const { secret } = fakeBundle({ now: NOW, loginEndsInMs: 2 * DAY })
    const { report } = recorder()
    const ready = await enterLogin(
      inputsWith({ claude_auth: secret, warn_within: '7d' }),
      {},
      { use: 'run', now: NOW, report }
    )
    expect(ready.auth.assessment.status).toBe('expiring')
    expect(warning).toHaveBeenCalledTimes(1)
    expect(warning.mock.calls[0]?.[0]).toMatch(/^The login ends at /)
  })

  it('run: an access token that cannot last, when this run may not refresh, is an AuthError', async () => {
    const { secret } = fakeBundle({ now: NOW, expiresInMs: 10 * MINUTE })
    const { seen, report } = recorder()
    const entering = enterLogin(
      inputsWith({ claude_auth: secret }),
      {},
      {
        use: 'run',
        now: NOW,
        report
      }
    )
    await expect(entering).rejects.toBeInstanceOf(AuthError)
    await expect(entering).rejects.toThrow(/less than min_validity/)
    // Reported as decoded before it failed: the outputs show the login the run was given.
    expect(seen.statuses).toEqual(['expired'])
  })

  it('status: a short access token the next run may refresh is judged by the login, with one notice', async () => {
    const { secret } = fakeBundle({ now: NOW, expiresInMs: 10 * MINUTE, loginEndsInMs: 30 * DAY })
    const { seen, report } = recorder()
    const ready = await enterLogin(
      inputsWith({ claude_auth: secret, secrets_token: 'ghp_FAKE_secrets_token_123' }),
      {},
      { use: 'status', now: NOW, report }
    )
    expect(ready.auth.assessment).toMatchObject({ status: 'valid', needsRefresh: false })
    expect(seen.statuses).toEqual(['expired', 'valid'])
    expect(notice.mock.calls.map(c => c[0])).toEqual([
      expect.stringMatching(/The next run that uses the login refreshes it\.$/)
    ])
    // A look, not a run: nothing saved for the post step.
    expect(saveState).not.toHaveBeenCalled()
  })

  it('status: without secrets_token the short access token stays a problem for the caller to judge', async () => {
    const { secret } = fakeBundle({ now: NOW, expiresInMs: 10 * MINUTE })
    const { seen, report } = recorder()
    const ready = await enterLogin(
      inputsWith({ claude_auth: secret }),
      {},
      {
        use: 'status',
        now: NOW,
        report
      }
    )
    expect(ready.auth.assessment).toMatchObject({ status: 'expired', needsRefresh: true })
    expect(seen.statuses).toEqual(['expired'])
  })

  it('live-check: a login that lasts is not refreshed and saves nothing', async () => {
    const { secret } = fakeBundle({ now: NOW, loginEndsInMs: 30 * DAY })
    const { seen, report } = recorder()
    const ready = await enterLogin(
      inputsWith({ claude_auth: secret }),
      {},
      {
        use: 'live-check',
        now: NOW,
        report
      }
    )
    expect(ready.auth.assessment.status).toBe('valid')
    expect(seen.statuses).toEqual(['valid'])
    expect(saveState).not.toHaveBeenCalled()
  })

  it('no login at all is an AuthError with status missing, for every use', async () => {
    for (const use of ['run', 'live-check', 'status'] as const) {
      const entering = enterLogin(inputsWith({}), {}, { use, now: NOW, report: recorder().report })
      await expect(entering).rejects.toMatchObject({ status: 'missing' })
    }
  })
})
