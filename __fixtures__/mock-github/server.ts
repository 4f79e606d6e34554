/**
 * The HTTP side of the mock: parses and records each request (`calls`), checks the token
 * (classic tokens get their `x-oauth-scopes` back), applies injected failures, dispatches to the
 * resource modules' route tables and writes the reply the way GitHub frames it.
 */
import http from 'node:http'
import { fakeSha } from './arrange.js'
import { contentsRoutes } from './contents.js'
import { fullName, type Core, type Reply } from './core.js'
import { failureReply, runHooks, takeFailure } from './faults.js'
import { issueRoutes } from './issues.js'
import { labelRoutes } from './labels.js'
import { pullRoutes } from './pulls.js'
import { reactionRoutes } from './reactions.js'
import { reviewRoutes } from './reviews.js'
import { compileRoutes, match, type Route } from './routing.js'
import { secretRoutes } from './secrets.js'
import { threadRoutes } from './threads.js'
import type { RecordedCall } from './types.js'
import { userRoutes } from './users.js'
import { DOCS, HttpError, numericId } from './util.js'

/** Every route, in match order. */
const ROUTES: Route[] = compileRoutes(
  threadRoutes,
  userRoutes,
  contentsRoutes,
  pullRoutes,
  reviewRoutes,
  issueRoutes,
  labelRoutes,
  reactionRoutes,
  secretRoutes
)

const TOKEN = /^(?:token|bearer)\s+(\S+)\s*$/i

interface Request {
  method: string
  /** Path as sent (before a /repositories/{id} rewrite). */
  rawPath: string
  /** Percent-decoded segments after the rewrite. */
  segments: string[]
  path: string
  query: Record<string, string>
}

function parseRequest(core: Core, req: http.IncomingMessage): Request {
  const method = (req.method ?? 'GET').toUpperCase()
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  let target = url.pathname
  // GitHub also serves /repositories/{id}/... (used in Link headers and by some clients).
  const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(target)
  if (byId) {
    const repo = Object.values(core.repos).find(
      s => (s.repository.id ?? numericId(`repo:${fullName(s)}`)) === Number(byId[1])
    )
    if (repo) target = `/repos/${fullName(repo)}${byId[2] ?? ''}`
  }
  const segments = target
    .split('/')
    .filter(Boolean)
    .map(seg => {
      try {
        return decodeURIComponent(seg)
      } catch {
        return seg
      }
    })
  const query: Record<string, string> = {}
  url.searchParams.forEach((v, k) => {
    query[k] = v
  })
  return { method, rawPath: url.pathname, segments, path: '/' + segments.join('/'), query }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Writes replies for one recorded call, with GitHub's rate-limit and request-id headers. */
function sender(
  core: Core,
  res: http.ServerResponse,
  call: RecordedCall,
  scopes: string | undefined
): (reply: Reply) => void {
  return reply => {
    call.status = reply.status
    const headers: Record<string, string> = {
      ...(scopes !== undefined ? { 'x-oauth-scopes': scopes } : {}),
      'x-github-request-id': fakeSha(String(core.calls.length)).slice(0, 16).toUpperCase(),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...(reply.headers ?? {})
    }
    if (reply.status === 204 || (reply.body === undefined && reply.text === undefined)) {
      res.writeHead(reply.status, headers)
      res.end()
      return
    }
    const payload = reply.text ?? JSON.stringify(reply.body)
    headers['content-type'] = reply.contentType ?? 'application/json; charset=utf-8'
    headers['content-length'] = String(Buffer.byteLength(payload))
    res.writeHead(reply.status, headers)
    res.end(payload)
  }
}

/** 401 without a token, or with one the mock was told not to accept. */
function authFailure(core: Core, req: http.IncomingMessage): Reply | undefined {
  const token = TOKEN.exec(req.headers.authorization ?? '')?.[1]
  if (!token) {
    return {
      status: 401,
      body: { message: 'Requires authentication', documentation_url: DOCS, status: '401' }
    }
  }
  if (core.options.tokens && !core.options.tokens.includes(token)) {
    return {
      status: 401,
      body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' }
    }
  }
  return undefined
}

/** Runs the route's handler; a stored write may still answer an injected after-store failure. */
async function dispatch(
  core: Core,
  request: Request,
  call: RecordedCall,
  headers: http.IncomingHttpHeaders
): Promise<Reply> {
  const found = match(ROUTES, request.method, request.segments)
  if (!found) {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } }
  }
  try {
    const reply = await found.route.handler(core, {
      method: request.method,
      params: found.params,
      query: request.query,
      body: call.body,
      headers,
      rawPath: request.rawPath,
      path: request.path
    })
    const stored =
      reply.status < 400 ? takeFailure(core, request.method, request.path, true) : undefined
    return stored ? failureReply(stored) : reply
  } catch (err) {
    if (err instanceof HttpError)
      return { status: err.status, body: err.body, headers: err.headers }
    return {
      status: 500,
      body: { message: `mock-github: ${err instanceof Error ? err.stack : String(err)}` }
    }
  }
}

async function handle(
  core: Core,
  req: http.IncomingMessage,
  res: http.ServerResponse
): Promise<void> {
  const request = parseRequest(core, req)
  const text = await readBody(req)
  const call: RecordedCall = {
    method: request.method,
    path: request.path,
    rawPath: request.rawPath,
    query: request.query,
    body: undefined,
    headers: { ...req.headers },
    status: 0
  }
  core.calls.push(call)
  const bearer = TOKEN.exec(req.headers.authorization ?? '')?.[1]
  const scopes = bearer === undefined ? undefined : core.options.classicScopes?.[bearer]
  const send = sender(core, res, call, scopes)
  if (text.trim() !== '') {
    try {
      call.body = JSON.parse(text)
    } catch {
      call.body = text
      send({ status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } })
      return
    }
  }
  const denied = authFailure(core, req)
  if (denied) return send(denied)
  runHooks(core, request.method, request.path)
  const failure = takeFailure(core, request.method, request.path, false)
  if (failure) return send(failureReply(failure))
  send(await dispatch(core, request, call, req.headers))
}

/** Listens on 127.0.0.1 (random port) and sets `core.baseUrl`. */
export async function listen(core: Core): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    handle(core, req, res).catch(err => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `mock-github: ${String(err)}` }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('mock-github: no address')
  core.baseUrl = `http://127.0.0.1:${address.port}`
  return server
}
