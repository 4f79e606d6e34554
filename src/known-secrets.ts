/**
 * Every secret this run knows, kept from the moment it is decoded or received: each one is masked in
 * every form it could be printed in, and the outbound guard (`github/guard.ts`) checks every text the
 * action writes to GitHub against all of them. Layer 0: imports nothing of the action.
 */
import * as core from '@actions/core'

/** What a secret is, as a message may name it (never its value). */
export type SecretKind =
  | 'access token'
  | 'refresh token'
  | 'OAuth token'
  | 'setup-token'
  | 'API key'
  | 'github_token'
  | 'secrets_token'
  | 'claude_auth'

/** A secret and the forms it is searched for in. */
export interface KnownSecret {
  kind: SecretKind
  value: string
  /** How it may appear in text: the value itself and its encodings, each with a name. */
  forms: ReadonlyArray<{ form: string; text: string }>
}

// Shorter values are not secrets worth the false positives (and the runner masks them anyway).
const MIN_LENGTH = 8
// An encoded fragment shorter than this could match ordinary text by chance.
const MIN_FORM = 12

// Values longer than this (a whole auth bundle) are masked as they are, not in every encoding.
const MAX_MASKED_FORMS = 4096

const known: KnownSecret[] = []

/**
 * Remembers a secret for the rest of the run and masks every form of it (`core.setSecret`), so the
 * runner never prints it and the guard never lets it out. A very short value is only masked (as is
 * and in base64): searching text for it would find it by chance.
 */
export function remember(kind: SecretKind, value: string): void {
  const trimmed = value.trim()
  if (trimmed === '' || known.some(k => k.value === trimmed)) return
  const forms = trimmed.length >= MIN_LENGTH ? encodedForms(trimmed) : []
  if (forms.length > 0) known.push({ kind, value: trimmed, forms })
  // The whole base64 too, padding included: the runner then hides every character of it. A long
  // value (a whole bundle) is masked as itself only: its encodings would be mask commands of tens of
  // kilobytes each, and the guard checks them anyway.
  const masks =
    trimmed.length > MAX_MASKED_FORMS
      ? [trimmed]
      : new Set([trimmed, ...forms.map(f => f.text), base64(trimmed)])
  for (const m of masks) core.setSecret(m)
}

/** The secrets remembered so far, in the order they became known. */
export function knownSecrets(): readonly KnownSecret[] {
  return known
}

/** Forgets every secret (tests only: a run never forgets). */
export function forgetSecrets(): void {
  known.length = 0
}

/**
 * The kind of a Claude token by its prefix, for hooks that only see the token (a refresh answer):
 * `sk-ant-oat…` access token, `sk-ant-ort…` refresh token, `sk-ant-api…` API key.
 */
export function claudeTokenKind(token: string): SecretKind {
  if (/^sk-ant-oat/.test(token)) return 'access token'
  if (/^sk-ant-ort/.test(token)) return 'refresh token'
  if (/^sk-ant-api/.test(token)) return 'API key'
  return 'OAuth token'
}

function base64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64')
}

/**
 * The stable part of base64(prefix + value) for a prefix of `shift` bytes: the characters that
 * depend only on the value's bytes, whatever comes before or after it in the encoded text.
 */
export function base64Inner(value: string, shift: 0 | 1 | 2, url = false): string {
  const bytes = Buffer.from(value, 'utf8')
  const padded = Buffer.concat([Buffer.alloc(shift), bytes])
  let b64 = padded.toString('base64')
  // Groups of 3 bytes become 4 characters: the first group holds prefix bytes when shift > 0, and
  // the last group, when incomplete, depends on what follows the value.
  const start = shift === 0 ? 0 : 4
  const end = Math.floor(padded.length / 3) * 4
  b64 = b64.slice(start, end)
  return url ? b64.replace(/\+/g, '-').replace(/\//g, '_') : b64
}

/**
 * The forms a secret is searched for in: raw, without its line breaks, each long line (a
 * multi-line input), base64 and base64url at each alignment, the `x-access-token:` basic-auth
 * form, hex (either case), JSON-escaped and URL-escaped.
 */
export function encodedForms(value: string): Array<{ form: string; text: string }> {
  const out: Array<{ form: string; text: string }> = []
  const add = (form: string, text: string, min = MIN_FORM): void => {
    if (text.length >= min && !out.some(o => o.text === text)) out.push({ form, text })
  }
  add('as is', value, MIN_LENGTH)
  add('as is', value.replace(/\s+/g, ''))
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 16) add('as is', line.trim())
  for (const shift of [0, 1, 2] as const) {
    add('base64', base64Inner(value, shift))
    add('base64url', base64Inner(value, shift, true))
  }
  add('basic auth', Buffer.from(`x-access-token:${value}`).toString('base64'))
  const hex = Buffer.from(value, 'utf8').toString('hex')
  add('hex', hex)
  add('hex', hex.toUpperCase())
  add('JSON-escaped', JSON.stringify(value).slice(1, -1))
  add('URL-escaped', encodeURIComponent(value))
  return out
}

/**
 * A write to GitHub that the outbound guard withheld because its text held a secret. The message
 * names the kind of secret and what was withheld, never the value.
 */
export class SecretLeakError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SecretLeakError'
  }
}
