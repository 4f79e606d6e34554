/** Entry point of both the main and the post step: told apart by the state main saves first. */
import http from 'node:http'
import { run } from './main.js'
import { post } from './post.js'
import { isPost } from './state.js'

// Node's fetch (used for GitHub and the token endpoint) ignores HTTPS_PROXY unless told to honour
// it; the CLI honours it itself.
const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some(k => process.env[k])
const setProxy = (http as { setGlobalProxyFromEnv?: () => void }).setGlobalProxyFromEnv
if (proxied && typeof setProxy === 'function') setProxy()

if (isPost()) {
  await post()
} else {
  await run()
}
