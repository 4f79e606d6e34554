/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict'
// Bundled in place of `@actions/http-client` (tsconfig.dist.json): @actions/core imports it at its
// top (for OIDC tokens only), and it requires `http`, `https` and `tunnel` (`net`, `tls`,
// `assert`) at its own top: some 15 ms of Node built-ins for every step, a health check included,
// though only Octokit's and the cache service's requests use it. Loaded on first use instead.
const lazyModule = require('./lazy-module.cjs')

module.exports = lazyModule(() => require('../../node_modules/@actions/http-client/lib/index.js'))
