/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict'
// Bundled in place of `@actions/exec` (tsconfig.dist.json): @actions/core imports it at its top
// (for `getDetails` only), and it requires `child_process` at its own top. Only the installer and
// the cache use it, so it is loaded on first use instead.
const lazyModule = require('./lazy-module.cjs')

module.exports = lazyModule(() => require('../../node_modules/@actions/exec/lib/exec.js'))
