#!/usr/bin/env node
// Builds dist/ with ncc: dist/index.js (the action's main and post) and dist/capture.js (the capture
// tool, runnable with no dev dependencies). Deterministic, so a fresh build can be compared with
// the committed one.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const dist = path.join(root, 'dist')
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

function build(entry, out) {
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--transpile-only', '--license', 'licenses.txt', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit'
    }
  )
}

rmSync(dist, { recursive: true, force: true })
build('src/index.ts', dist)

const captureEntry = path.join(root, 'scripts', 'capture.ts')
if (existsSync(captureEntry)) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'csa-capture-'))
  try {
    build(captureEntry, tmp)
    const extra = readdirSync(tmp).filter(
      f => !['index.js', 'package.json', 'licenses.txt'].includes(f)
    )
    if (extra.length > 0)
      throw new Error(`the capture bundle has assets ncc could not inline: ${extra.join(', ')}`)
    renameSync(path.join(tmp, 'index.js'), path.join(dist, 'capture.js'))
    renameSync(path.join(tmp, 'licenses.txt'), path.join(dist, 'capture-licenses.txt'))
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}
// ESM bundles: node must read dist/*.js as modules.
writeFileSync(path.join(dist, 'package.json'), '{\n  "type": "module"\n}\n')
