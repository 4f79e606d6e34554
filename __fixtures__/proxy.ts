/**
 * An HTTP proxy on 127.0.0.1 that refuses everything: each CONNECT gets a 403 (its host:port is
 * recorded), and so does each plain proxied request (recorded as its absolute URL). Point
 * HTTPS_PROXY/HTTP_PROXY at it to keep a CLI run hermetic and to see where it tried to go.
 */
import http from 'node:http'
import type { Socket } from 'node:net'
import { listenLocal } from './listen.js'

export interface RefusingProxy {
  /** http://127.0.0.1:<random port> */
  url: string
  /** `host:port` of each CONNECT, or the URL of each plain proxied request, in order. */
  attempts: string[]
  close(): Promise<void>
}

export async function startRefusingProxy(): Promise<RefusingProxy> {
  const attempts: string[] = []
  const server = http.createServer((req, res) => {
    attempts.push(req.url ?? '')
    req.resume()
    const text = 'Refused by the test proxy: this run must stay offline.\n'
    res.writeHead(403, {
      'content-type': 'text/plain',
      'content-length': Buffer.byteLength(text),
      connection: 'close'
    })
    res.end(text)
  })
  server.on('connect', (req: http.IncomingMessage, socket: Socket) => {
    attempts.push(req.url ?? '')
    socket.on('error', () => undefined)
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
  })
  const { port, close } = await listenLocal(server)
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    close
  }
}
