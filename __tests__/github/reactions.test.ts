/** The commenter's permission as the command gate reads it: GitHub's role, or its base. */
import { describe, expect, it } from '@jest/globals'
import { reactionsApi } from '../../src/github/reactions.js'
import type { RestContext } from '../../src/github/rest.js'

/** A REST context whose permission endpoint answers `data`. */
function answering(data: Record<string, unknown>): RestContext {
  const octokit = {
    rest: { repos: { getCollaboratorPermissionLevel: async () => ({ data }) } }
  }
  return { octokit, r: { owner: 'o', repo: 'r' } } as unknown as RestContext
}

describe('getPermission', () => {
  it('reads role_name, which tells maintain and triage apart', async () => {
    const api = reactionsApi(answering({ role_name: 'maintain', permission: 'write' }))
    expect(await api.getPermission('alice')).toBe('maintain')
  })

  it('a custom repository role counts as the base permission GitHub reports beside it', async () => {
    // An organisation's custom role ("ci-reviewer", based on write) is not one of the five.
    const api = reactionsApi(answering({ role_name: 'ci-reviewer', permission: 'write' }))
    expect(await api.getPermission('alice')).toBe('write')
  })

  it('no role at all is none', async () => {
    expect(await reactionsApi(answering({})).getPermission('alice')).toBe('none')
  })
})
