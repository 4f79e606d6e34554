/**
 * Entry point of both the main and the post step: told apart by the state main saves first. Each
 * step loads only its own code (a separate chunk of dist/), so the post step never pays for main's.
 */
import { isPost } from './state.js'

// Node's fetch (used for GitHub and the token endpoint) ignores HTTPS_PROXY unless told to honour
// it; the CLI honours it itself. Telling it loads Node's whole HTTP client (≈ 14 MiB and tens of
// ms), so it is done just before the first fetch: a step that never fetches never pays for it.
const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some(k => process.env[k])
if (proxied && typeof globalThis.fetch === 'function') {
  const fetch = globalThis.fetch
  let ready: Promise<void> | undefined
  const honourProxy = async (): Promise<void> => {
    const http = await import('node:http')
    const setProxy = (http as { setGlobalProxyFromEnv?: () => void }).setGlobalProxyFromEnv
    if (typeof setProxy === 'function') setProxy()
  }
  globalThis.fetch = async (input, init) => {
    await (ready ??= honourProxy())
    return fetch(input, init)
  }
}

if (isPost()) {
  const { post } = await import('./post.js')
  await post()
} else {
  const { run } = await import('./main.js')
  await run()
}
