#!/usr/bin/env node
// Fails when dist/ differs from a fresh build of the sources: rebuilds, then asks git whether any
// tracked or untracked file under dist/ changed.
import { execFileSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
execFileSync(process.execPath, [path.join(root, 'scripts', 'package.mjs')], {
  cwd: root,
  stdio: 'inherit'
})
const status = execFileSync(
  'git',
  ['status', '--porcelain', '--untracked-files=all', '--', 'dist'],
  {
    cwd: root,
    encoding: 'utf8'
  }
)
if (status.trim() !== '') {
  console.error(
    'dist/ does not match a fresh build of the sources. Run `npm run package` and commit dist/:'
  )
  console.error(status)
  process.exit(1)
}
console.log('dist/ matches a fresh build.')
