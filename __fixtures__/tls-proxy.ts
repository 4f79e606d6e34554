/**
 * What lets the REAL Claude CLI refresh locally. The CLI ignores ANTHROPIC_BASE_URL for the refresh
 * and always POSTs https://platform.claude.com/v1/oauth/token, but it honours HTTPS_PROXY and
 * NODE_EXTRA_CA_CERTS. So: a test CA and a leaf certificate for the intercepted hosts, made with
 * `openssl` at test time (nothing secret is committed), and an HTTP proxy on 127.0.0.1 that answers
 * CONNECT platform.claude.com:443 by terminating TLS with that leaf and forwarding the decrypted
 * requests to a local HTTP server (the token endpoint mock). Every other CONNECT, and every plain
 * proxied request, is refused with 403 and recorded, so the run stays hermetic.
 *
 * Run the CLI with HTTPS_PROXY=proxy.url and NODE_EXTRA_CA_CERTS=proxy.caFile.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The host the CLI refreshes at. */
export const TOKEN_HOST = 'platform.claude.com:443'

export interface TlsProxyOptions {
  /** Where `platform.claude.com:443` goes: requests keep their path, the origin is replaced. */
  tokenEndpointUrl: string
  /** More `host:port` → local `http://` URL routes (e.g. `api.anthropic.com:443`). */
  routes?: Record<string, string>
}

export interface ForwardedRequest {
  /** `host:port` of the CONNECT the request came through. */
  host: string
  method: string
  path: string
  status: number
}

export interface TlsProxy {
  /** http://127.0.0.1:<random port>: the CLI's HTTPS_PROXY. */
  url: string
  /** The test CA's certificate (PEM): the CLI's NODE_EXTRA_CA_CERTS. */
  caFile: string
  /** Every CONNECT target (`host:port`) and plain proxied URL, intercepted or not, in order. */
  attempts: string[]
  /** The subset of `attempts` that was refused with 403. */
  refused: string[]
  /** Requests decrypted and forwarded to a local route. */
  forwarded: ForwardedRequest[]
  close(): Promise<void>
}

/** The hosts the leaf certificate names; a CONNECT is intercepted only when it also has a route. */
export const LEAF_HOSTS = ['platform.claude.com', 'api.anthropic.com']

interface TestPki {
  dir: string
  caFile: string
  key: Buffer
  cert: Buffer
}

/** A throwaway CA and a leaf for LEAF_HOSTS, valid two days, in a fresh temp directory. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'csa-tls-'))
  const p = (name: string): string => join(dir, name)
  // P-256 keys: quick to make, and every TLS stack (the CLI is a Bun binary) accepts them.
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  const run = (args: string[]): void => {
    try {
      execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(
          'The TLS test proxy needs `openssl` on PATH to make its test certificate.',
          {
            cause: err
          }
        )
      }
      throw err
    }
  }
  // prettier-ignore
  run([
    'req', '-x509', ...ec, '-keyout', p('ca.key'), '-out', p('ca.crt'), '-days', '2',
    '-subj', '/CN=claude-subscription-action test CA (FAKE)',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign'
  ])
  // prettier-ignore
  run(['req', ...ec, '-keyout', p('leaf.key'), '-out', p('leaf.csr'), '-subj', `/CN=${LEAF_HOSTS[0]}`])
  writeFileSync(
    p('leaf.ext'),
    [
      `subjectAltName=${LEAF_HOSTS.map(h => `DNS:${h}`).join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      ''
    ].join('\n')
  )
  // prettier-ignore
  run([
    'x509', '-req', '-in', p('leaf.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key'),
    '-CAcreateserial', '-out', p('leaf.crt'), '-days', '2', '-sha256', '-extfile', p('leaf.ext')
  ])
  return {
    dir,
    caFile: p('ca.crt'),
    key: readFileSync(p('leaf.key')),
    cert: readFileSync(p('leaf.crt'))
  }
}

/** Starts the intercepting proxy; the PKI is made fresh for each proxy and removed on close. */
export async function startTlsProxy(opts: TlsProxyOptions): Promise<TlsProxy> {
  const pki = makeTestPki()
  const routes = new Map<string, URL>([[TOKEN_HOST, new URL(opts.tokenEndpointUrl)]])
  for (const [host, url] of Object.entries(opts.routes ?? {})) routes.set(host, new URL(url))

  const attempts: string[] = []
  const refused: string[] = []
  const forwarded: ForwardedRequest[] = []
  const sockets = new Set<Socket>()

  // One TLS server per intercepted host, never listening: CONNECTed sockets are handed to it.
  const tlsServers = new Map<string, https.Server>()
  for (const [host, target] of routes) {
    const server = https.createServer({ key: pki.key, cert: pki.cert }, (req, res) => {
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers
        },
        up => {
          forwarded.push({
            host,
            method: req.method ?? 'GET',
            path: req.url ?? '/',
            status: up.statusCode ?? 0
          })
          res.writeHead(up.statusCode ?? 502, up.headers)
          up.pipe(res)
        }
      )
      upstream.on('error', err => {
        forwarded.push({ host, method: req.method ?? 'GET', path: req.url ?? '/', status: 502 })
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(`test proxy: upstream failed: ${err.message}\n`)
      })
      req.pipe(upstream)
    })
    server.on('tlsClientError', () => undefined)
    tlsServers.set(host, server)
  }

  const proxy = http.createServer((req, res) => {
    // A plain (non-CONNECT) proxied request: nothing local should go through here.
    attempts.push(req.url ?? '')
    refused.push(req.url ?? '')
    req.resume()
    const text = 'Refused by the test proxy.\n'
    res.writeHead(403, {
      'content-type': 'text/plain',
      'content-length': Buffer.byteLength(text),
      connection: 'close'
    })
    res.end(text)
  })
  proxy.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const target = (req.url ?? '').toLowerCase()
    attempts.push(target)
    socket.on('error', () => undefined)
    const tlsServer = tlsServers.get(target)
    if (!tlsServer) {
      refused.push(target)
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
      return
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    // Bytes the client sent right after the CONNECT belong to the TLS handshake.
    if (head.length > 0) socket.unshift(head)
    tlsServer.emit('connection', socket)
  })
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject)
    proxy.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = proxy.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    caFile: pki.caFile,
    attempts,
    refused,
    forwarded,
    close: () =>
      new Promise<void>(resolve => {
        // The TLS servers never listened: destroying the raw sockets ends their connections.
        for (const s of sockets) s.destroy()
        proxy.close(() => {
          rmSync(pki.dir, { recursive: true, force: true })
          resolve()
        })
      })
  }
}
