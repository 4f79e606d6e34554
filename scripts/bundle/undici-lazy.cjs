/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict'
// Bundled in place of `undici` (tsconfig.dist.json, scripts/package.mjs): @actions/core imports
// @actions/http-client, which imports undici at its top, so every step would load all of undici
// (≈ 20 MiB and tens of ms) though only a proxied request, Octokit's fetch or the cache service
// ever use it. This stands in for the module and loads the real one, bundled on its own as
// dist/undici.cjs (an external of the main build), on the first use of any of its exports.
const lazyModule = require('./lazy-module.cjs')

module.exports = lazyModule(() => require('./undici.cjs'))
