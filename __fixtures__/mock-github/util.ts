/** Small shared internals: GitHub-shaped errors, ids, body checks, git blob SHAs. */
import { createHash } from 'node:crypto'

/** Where GitHub error bodies point. */
export const DOCS = 'https://docs.github.com/rest'
/** The web host in html_url fields. */
export const WEB = 'https://github.com'
const MAX_BODY = 65536

/** Thrown by a handler: the server answers with this status, body and headers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {}
  ) {
    super(`HTTP ${status}`)
  }
}

/** GitHub's 404 body. */
export const notFound = (message = 'Not Found'): HttpError =>
  new HttpError(404, { message, documentation_url: DOCS, status: '404' })

/** GitHub's 422 body. */
export const unprocessable = (errors: unknown[], message = 'Unprocessable Entity'): HttpError =>
  new HttpError(422, { message, errors, documentation_url: DOCS, status: '422' })

/** GitHub's 422 'Validation Failed' body. */
export const validationFailed = (errors: unknown[]): HttpError =>
  unprocessable(errors, 'Validation Failed')

/** An ISO time without milliseconds, as GitHub writes it. */
export function isoNow(now: () => Date): string {
  return now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
}

/** A stable numeric id derived from a seed. */
export function numericId(seed: string): number {
  return parseInt(createHash('sha1').update(seed).digest('hex').slice(0, 8), 16)
}

/** The value when it is a string. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** A numeric path parameter; 404 otherwise (as GitHub answers). */
export function parseIntParam(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw notFound()
  return Number(value)
}

/** Lower case: GitHub compares owners, repos and labels case-insensitively. */
export function lc(s: string): string {
  return s.toLowerCase()
}

/** GitHub's 422 for a body longer than 65536 characters. */
export function checkBody(field: string, value: unknown, resource: string): void {
  if (typeof value === 'string' && value.length > MAX_BODY) {
    throw validationFailed([
      {
        resource,
        code: 'custom',
        field,
        message: `${field} is too long (maximum is ${MAX_BODY} characters)`
      }
    ])
  }
}

/** The git blob SHA of a file's text. */
export function gitBlobSha(text: string): string {
  const buf = Buffer.from(text, 'utf8')
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${buf.length}\0`), buf]))
    .digest('hex')
}

/** Base64 in 60-character lines, as the contents API sends it. */
export function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64')
  return (b64.match(/.{1,60}/g) ?? ['']).join('\n') + '\n'
}
