#!/usr/bin/env node
// Builds dist/ with ncc. Deterministic, so a fresh build can be compared with the committed one.
//
// - dist/index.js: the action's main and post entry. Each step loads only its own code: every
//   `import()` in src/ is a chunk file beside it (dist/<id>.index.js), loaded when used.
// - dist/undici.cjs: undici, bundled on its own. @actions/core imports @actions/http-client, which
//   imports undici at its top; bundled in place it would be loaded by every step (a health check
//   included), though only a proxied request, Octokit's fetch or the cache service use it.
//   scripts/bundle/undici-lazy.cjs stands in for it (tsconfig.dist.json maps `undici` to it) and
//   requires ./undici.cjs on first use.
// - @actions/http-client (`http`, `https`, `tls` at its top) and @actions/exec (`child_process`),
//   which @actions/core also imports at its top, stay in the bundle but are evaluated on first use
//   (scripts/bundle/http-client-lazy.cjs and exec-lazy.cjs, mapped by tsconfig.dist.json).
// - dist/licenses.txt: the licences of every package in all of the above, rendered from the build
//   stats (ncc's own licence file lists only the last chunk it wrote when there are several).
// - dist/capture.js: the capture tool in one file, runnable with no dev dependencies.
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const dist = path.join(root, 'dist')
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const UNDICI = './undici.cjs'

function build(entry, out, opts = {}) {
  // --no-cache: a warm ncc cache (~/.cache/ncc) tree-shakes differently from a cold one, and CI is
  // always cold: every build must be the cold one to match.
  const args = [ncc, 'build', entry, '-o', out, '--transpile-only', '--quiet', '--no-cache']
  if (opts.license) args.push('--license', opts.license)
  if (opts.stats) args.push('--stats-out', opts.stats)
  for (const e of opts.externals ?? []) args.push('-e', e)
  execFileSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...(opts.tsconfig ? { TS_NODE_PROJECT: opts.tsconfig } : {}) }
  })
}

/** Builds `entry` alone into a temp dir and returns its one file, refusing any extra asset. */
function buildOneFile(entry, what, opts = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'csa-bundle-'))
  try {
    build(entry, tmp, { ...opts, stats: opts.stats ? path.join(tmp, 'stats.json') : undefined })
    const keep = ['index.js', 'index.cjs', 'package.json', 'licenses.txt', 'stats.json']
    const extra = readdirSync(tmp).filter(f => !keep.includes(f))
    if (extra.length > 0)
      throw new Error(`the ${what} bundle has assets ncc could not inline: ${extra.join(', ')}`)
    const js = ['index.js', 'index.cjs'].find(f => existsSync(path.join(tmp, f)))
    const read = f => (existsSync(path.join(tmp, f)) ? readFileSync(path.join(tmp, f)) : undefined)
    return { code: read(js), licenses: read('licenses.txt'), stats: read('stats.json') }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// Licences: every package a build's modules come from, rendered as ncc's licence plugin does
// (name, licence id, licence text, sorted by name).
// ---------------------------------------------------------------------------------------------

/** The package directory (…/node_modules/name or …/node_modules/@scope/name) of a module path. */
function packageDir(file) {
  const m = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file)
  return m ? m[1] : undefined
}

/** Package directories of every module in webpack stats (JSON text). */
function packagesOf(statsText) {
  const stats = JSON.parse(statsText)
  const dirs = new Set()
  for (const m of stats.modules ?? []) {
    // The resource is the last `!`-separated part of the identifier (after the loaders), less a
    // module type prefix (`json|`) and a query.
    const resource = String(m.identifier ?? '')
      .split('!')
      .pop()
      .replace(/^[\w/]+\|/, '')
      .replace(/\?.*$/, '')
    const dir = packageDir(resource)
    if (dir) dirs.add(dir)
  }
  return dirs
}

function licenseEntry(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const id =
    typeof pkg.license === 'string'
      ? pkg.license
      : (pkg.license?.type ?? (Array.isArray(pkg.licenses) ? pkg.licenses[0]?.type : undefined))
  let text
  if (typeof id === 'string' && id.startsWith('SEE LICENSE IN ')) {
    const f = id.split(' ')[3]
    if (f && existsSync(path.join(dir, f))) text = readFileSync(path.join(dir, f), 'utf8')
  } else {
    const f = readdirSync(dir)
      .sort()
      .find(n => /^licen[cs]e/i.test(n) && !statSync(path.join(dir, n)).isDirectory())
    if (f) text = readFileSync(path.join(dir, f), 'utf8')
  }
  return { name: pkg.name, id, text: text?.replace(/\r\n/g, '\n') }
}

function renderLicenses(dirs) {
  const seen = new Map()
  for (const dir of [...dirs].sort()) {
    const e = licenseEntry(dir)
    // Two versions of one package (nested node_modules): listed once, like ncc does.
    if (!seen.has(e.name)) seen.set(e.name, e)
  }
  const entries = [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  return (
    entries
      .reduce(
        (s, e) => `${s}${e.name}${e.id ? `\n${e.id}` : ''}${e.text ? `\n${e.text}` : ''}\n\n`,
        ''
      )
      .trim() + '\n'
  )
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

rmSync(dist, { recursive: true, force: true })
const statsDir = mkdtempSync(path.join(tmpdir(), 'csa-stats-'))
try {
  const indexStats = path.join(statsDir, 'index.json')
  build('src/index.ts', dist, {
    tsconfig: path.join(root, 'tsconfig.dist.json'),
    externals: [UNDICI],
    stats: indexStats
  })
  const undici = buildOneFile(path.join(root, 'node_modules', 'undici', 'index.js'), 'undici', {
    stats: true
  })
  writeFileSync(path.join(dist, 'undici.cjs'), undici.code)
  const packages = new Set([
    ...packagesOf(readFileSync(indexStats, 'utf8')),
    ...packagesOf(undici.stats.toString('utf8'))
  ])
  writeFileSync(path.join(dist, 'licenses.txt'), renderLicenses(packages))
} finally {
  rmSync(statsDir, { recursive: true, force: true })
}

const captureEntry = path.join(root, 'scripts', 'capture.ts')
if (existsSync(captureEntry)) {
  const capture = buildOneFile(captureEntry, 'capture', { license: 'licenses.txt' })
  writeFileSync(path.join(dist, 'capture.js'), capture.code)
  writeFileSync(path.join(dist, 'capture-licenses.txt'), capture.licenses)
}
// ESM bundles: node must read dist/*.js as modules.
writeFileSync(path.join(dist, 'package.json'), '{\n  "type": "module"\n}\n')
