/** Tokens as people paste them (src/auth/token-text.ts): wrapped lines, cut-short tokens, banners. */
import { describe, expect, it } from '@jest/globals'
import {
  joinedToken,
  setupTokenProblem,
  startsWithNpmBanner,
  tokensInText
} from '../../src/auth/token-text.js'

const TOKEN = `sk-ant-oat01-FAKE-test-${'0a1b'.repeat(21)}`

describe('joinedToken', () => {
  it('joins a token wrapped over lines, with the spaces a terminal copy adds', () => {
    expect(joinedToken(`${TOKEN.slice(0, 80)}\n${TOKEN.slice(80)}`)).toBe(TOKEN)
    expect(joinedToken(`  ${TOKEN.slice(0, 50)}  \r\n  ${TOKEN.slice(50)}\n`)).toBe(TOKEN)
  })

  it('is undefined for anything that is not one token', () => {
    expect(joinedToken('H4sIAAAAAAAAA+2T')).toBeUndefined()
    expect(joinedToken(`token: ${TOKEN}`)).toBeUndefined()
    expect(joinedToken('sk-ant-oat01-abc')).toBeUndefined()
  })
})

describe('tokensInText', () => {
  it('finds the token in `claude setup-token` output, joining a wrapped line', () => {
    const out = `Your OAuth token (valid for 1 year):\n\n${TOKEN.slice(0, 80)}\n${TOKEN.slice(80)}\n\nStore this token securely.\n`
    expect(tokensInText(out)).toEqual([TOKEN])
  })

  it('does not join a line that is not token characters, nor across a blank line', () => {
    expect(tokensInText(`${TOKEN}\nStore this token securely.`)).toEqual([TOKEN])
    expect(tokensInText(`${TOKEN.slice(0, 80)}\n\n${TOKEN.slice(80)}`)).toEqual([
      TOKEN.slice(0, 80)
    ])
  })
})

describe('setupTokenProblem', () => {
  it('accepts a whole setup-token', () => {
    expect(setupTokenProblem(TOKEN, 'That')).toBeUndefined()
  })

  it('names a token cut short, a refresh token, an API key and other tokens', () => {
    expect(setupTokenProblem(TOKEN.slice(0, 80), 'That')).toBe(
      'That is 80 characters, too short to be a whole setup-token (a setup-token is about 108): it was probably cut short where the terminal wrapped it; copy all of it, every line, and paste it again.'
    )
    expect(setupTokenProblem(TOKEN.replace('oat', 'ort'), 'That')).toMatch(
      /^That is a refresh token \(sk-ant-ort01-…\), not a setup-token: run `claude setup-token`/
    )
    expect(setupTokenProblem(TOKEN.replace('oat', 'api'), 'That')).toMatch(
      /^That is an Anthropic API key/
    )
    expect(setupTokenProblem(TOKEN.replace('oat', 'xyz'), 'That')).toMatch(/not an OAuth access/)
  })
})

describe('startsWithNpmBanner', () => {
  it("recognises npm's banner before the bundle, and nothing else", () => {
    expect(
      startsWithNpmBanner(
        '\n> claude-subscription-action@1.0.0 capture\n> tsx scripts/capture.ts\n\nH4sI'
      )
    ).toBe(true)
    expect(startsWithNpmBanner('H4sIAAAA')).toBe(false)
    expect(startsWithNpmBanner('> a quote')).toBe(false)
  })
})
