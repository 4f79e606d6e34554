#!/usr/bin/env node
// Fails when dist/ differs from a fresh build of the sources: rebuilds, then asks git whether any
// tracked or untracked file under dist/ changed. Then checks that dist/ needs nothing outside it
// at run time: every chunk a bundle loads is in dist/, and every module it requires is a Node
// builtin or a file of dist/.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
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

const dist = path.join(root, 'dist')
const problems = new Set()
for (const file of readdirSync(dist).filter(f => /\.c?js$/.test(f))) {
  const text = readFileSync(path.join(dist, file), 'utf8')
  for (const [, id] of text.matchAll(/__nccwpck_require__\.e\((\d+)\)/g)) {
    if (!existsSync(path.join(dist, `${id}.index.js`)))
      problems.add(`${file} loads chunk ${id}, which is not in dist/`)
  }
  const required = [
    ...text.matchAll(/__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("([^"]+)"\)/g),
    ...(file.endsWith('.cjs') ? text.matchAll(/\brequire\("([^"]+)"\)/g) : [])
  ].map(m => m[1])
  for (const spec of new Set(required)) {
    const inDist = spec.startsWith('./') && existsSync(path.join(dist, spec))
    if (!isBuiltin(spec) && !inDist)
      problems.add(`${file} requires ${spec}, which is neither a Node builtin nor a file of dist/`)
  }
}
if (problems.size > 0) {
  console.error(`dist/ is not self-contained:\n${[...problems].join('\n')}`)
  process.exit(1)
}
console.log('dist/ needs nothing outside it.')
