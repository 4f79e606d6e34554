/**
 * Which changed files the model reviews: `review_paths`, the built-in skips (lock files, generated,
 * vendored, minified, binary, removed), and the diff budget.
 */
import picomatch from 'picomatch'
import { numberPatch } from './numbered.js'
import type { PrFile } from './types.js'

/** A file left out of the review, and why (listed in the summary). */
export interface SkippedFile {
  path: string
  reason: string
  /** Set when the file was left out by `diff_budget`: the tokens its patch would have taken. */
  overBudgetTokens?: number
}

/** The diff budget when `diff_budget` is not set: roughly 240 KB of patch text. */
export const DEFAULT_DIFF_BUDGET = 60_000

/** Options of {@link selectFiles}. */
interface SelectFilesOptions {
  /** Globs; `!glob` excludes; empty = every file. */
  reviewPaths: string[]
  /** Token budget for all kept patches together; 0, negative or non-finite = no limit. */
  diffBudgetTokens: number
}

/** Rough token count of text sent to the model: one token per four characters. */
export function estimateTokens(text: string | undefined): number {
  return Math.ceil((text?.length ?? 0) / 4)
}

/** A file's patch in tokens as the model reads it: with the new-side line numbers. */
export function patchTokens(file: Pick<PrFile, 'patch'>): number {
  return estimateTokens(numberPatch(file.patch))
}

const GLOB = { dot: true } as const

const LOCK_FILES = picomatch(
  [
    '**/package-lock.json',
    '**/npm-shrinkwrap.json',
    '**/yarn.lock',
    '**/pnpm-lock.yaml',
    '**/bun.lockb',
    '**/bun.lock',
    '**/deno.lock',
    '**/Cargo.lock',
    '**/poetry.lock',
    '**/Pipfile.lock',
    '**/uv.lock',
    '**/pdm.lock',
    '**/Gemfile.lock',
    '**/composer.lock',
    '**/go.sum',
    '**/go.work.sum',
    '**/Podfile.lock',
    '**/Package.resolved',
    '**/packages.lock.json',
    '**/pubspec.lock',
    '**/mix.lock',
    '**/flake.lock',
    '**/gradle.lockfile',
    '**/*.lock',
    '**/*.lockfile'
  ],
  GLOB
)
const MINIFIED = picomatch(['**/*.min.js', '**/*.min.mjs', '**/*.min.cjs', '**/*.min.css'], GLOB)
const GENERATED = picomatch(
  [
    // `dist/` is output wherever it is; `build/` only at the root or a monorepo package's root, as
    // a deeper `build/` folder is often source (build scripts, a `build` module).
    '**/dist/**',
    'build/**',
    '{packages,apps,libs,modules}/*/build/**',
    '**/.next/**',
    '**/coverage/**',
    '**/__generated__/**',
    '**/*.generated.*',
    '**/*_generated.go',
    '**/zz_generated*.go',
    '**/*_pb.go',
    '**/*.pb.go',
    '**/*.pb.cc',
    '**/*.pb.h',
    '**/*_pb.js',
    '**/*_pb.d.ts',
    '**/*_pb2.py',
    '**/*_pb2.pyi',
    '**/*_pb2_grpc.py',
    '**/*.g.dart',
    '**/*.freezed.dart',
    '**/*.map'
  ],
  GLOB
)
const VENDORED = picomatch(
  [
    '**/vendor/**',
    '**/node_modules/**',
    '**/third_party/**',
    '**/third-party/**',
    '**/bower_components/**'
  ],
  GLOB
)
const BINARY = picomatch(
  '**/*.{png,jpg,jpeg,gif,bmp,ico,webp,avif,tiff,psd,pdf,zip,gz,tgz,bz2,xz,7z,rar,jar,war,class,exe,dll,so,dylib,a,o,wasm,woff,woff2,ttf,otf,eot,mp3,mp4,mov,avi,webm,ogg,wav,flac,sqlite,db,bin,pyc}',
  { ...GLOB, nocase: true }
)

// A generated-file banner sits in the first lines of a file and is a comment. Looking only there
// keeps a generator's own source (which contains the banner text deeper down, in a template) in.
const BANNER_LINES = 10
const BANNER = /@generated\b|\bDO NOT EDIT\b/
const COMMENT_START = /^\s*(?:\/\/|\/\*|\*|#|<!--|--|;|%|'|")/

function hasGeneratedBanner(patch: string): boolean {
  let newLine = 0
  for (const raw of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw)
    if (hunk) {
      newLine = Number(hunk[1])
      continue
    }
    if (raw.startsWith('-') || raw.startsWith('\\')) continue
    if (newLine > 0 && newLine <= BANNER_LINES) {
      const text = raw.slice(1)
      if (BANNER.test(text) && COMMENT_START.test(text)) return true
    }
    newLine++
  }
  return false
}

/** Why a file is never reviewed, or undefined when it may be. */
function builtInSkip(file: PrFile): string | undefined {
  const path = file.filename
  if (file.status === 'removed') return 'removed file'
  if (LOCK_FILES(path)) return 'lock file'
  if (VENDORED(path)) return 'vendored code'
  if (MINIFIED(path)) return 'minified file'
  if (GENERATED(path)) return 'generated file'
  if (BINARY(path)) return 'binary file'
  if (!file.patch) {
    if (file.changes === 0 && (file.status === 'renamed' || file.status === 'copied')) {
      return `${file.status} without changes`
    }
    return 'no diff available (binary, or too large for GitHub to show)'
  }
  if (hasGeneratedBanner(file.patch)) return 'generated file (marked @generated / DO NOT EDIT)'
  return undefined
}

/** A `review_paths` filter; undefined when the file passes. */
function pathFilter(reviewPaths: string[]): (path: string) => string | undefined {
  const clean = (p: string): string => {
    const g = p.trim().replace(/^\.\//, '')
    // `src/` means everything under src.
    return g.endsWith('/') ? `${g}**` : g
  }
  const globs = reviewPaths.map(p => p.trim()).filter(p => p !== '' && p !== '!')
  const includes = globs.filter(p => !p.startsWith('!')).map(clean)
  const excludes = globs.filter(p => p.startsWith('!')).map(p => clean(p.slice(1)))
  const included = includes.length > 0 ? picomatch(includes, GLOB) : () => true
  const excluders = excludes.map(g => ({ glob: g, match: picomatch(g, GLOB) }))
  return path => {
    if (!included(path)) return 'not matched by review_paths'
    const ex = excluders.find(e => e.match(path))
    return ex ? `excluded by review_paths (!${ex.glob})` : undefined
  }
}

/**
 * How relevant a file is to a code review: 0 source, 1 configuration and data, 2 tests and
 * fixtures, 3 documentation. Bugs ship in source, so when the diff is over budget the reviewer reads
 * source first; configuration can break a build; tests and docs matter but a defect there rarely
 * reaches users.
 */
export function relevanceTier(path: string): number {
  const p = path.toLowerCase()
  const name = p.slice(p.lastIndexOf('/') + 1)
  if (
    /(^|\/)(docs?|documentation)\//.test(p) ||
    /\.(md|mdx|markdown|rst|adoc|txt)$/.test(name) ||
    /^(changelog|license|licence|notice|authors|contributors)(\.|$)/.test(name)
  ) {
    return 3
  }
  if (
    /(^|\/)(__tests__|__mocks__|__fixtures__|__snapshots__|tests?|spec|specs|fixtures|testdata|e2e)\//.test(
      p
    ) ||
    /\.(test|spec)\.[^.]+$/.test(name) ||
    /_test\.(go|py|rb|exs?)$/.test(name) ||
    /^test_.*\.py$/.test(name) ||
    /[a-z0-9](Test|Tests|Spec|IT)\.(java|kt|cs|swift|scala|groovy)$/.test(path) ||
    /\.snap$/.test(name)
  ) {
    return 2
  }
  if (
    /\.(json|jsonc|ya?ml|toml|ini|cfg|conf|xml|csv|tsv|properties|env|lock|svg)$/.test(name) ||
    name.startsWith('.')
  ) {
    return 1
  }
  return 0
}

/**
 * Chooses the files to review: drops removed files and the built-in skips, applies `review_paths`,
 * then fits the patches into the token budget. Kept files stay in the PR's order.
 */
export function selectFiles(
  files: PrFile[],
  opts: SelectFilesOptions
): { kept: PrFile[]; skipped: SkippedFile[] } {
  const filter = pathFilter(opts.reviewPaths)
  const skipped: SkippedFile[] = []
  const candidates: PrFile[] = []
  for (const file of files) {
    // review_paths first: a file the author excluded is reported as excluded, whatever it is.
    const reason = filter(file.filename) ?? builtInSkip(file)
    if (reason) skipped.push({ path: file.filename, reason })
    else candidates.push(file)
  }

  const budget = opts.diffBudgetTokens
  if (!(budget > 0) || !Number.isFinite(budget)) return { kept: candidates, skipped }

  // Fill the budget in order of relevance, smallest first within a tier, and keep going past a
  // file that does not fit: so the least relevant and, among equals, the largest are the ones
  // dropped, and one huge diff cannot crowd out many small ones.
  const order = candidates
    .map((file, index) => ({
      file,
      index,
      tokens: patchTokens(file),
      tier: relevanceTier(file.filename)
    }))
    .sort((a, b) => a.tier - b.tier || a.tokens - b.tokens || a.index - b.index)
  let left = budget
  const keep = new Set<number>()
  const dropped: { index: number; tokens: number; path: string }[] = []
  for (const c of order) {
    if (c.tokens <= left) {
      keep.add(c.index)
      left -= c.tokens
    } else {
      dropped.push({ index: c.index, tokens: c.tokens, path: c.file.filename })
    }
  }
  dropped.sort((a, b) => a.index - b.index)
  for (const d of dropped) {
    skipped.push({
      path: d.path,
      reason: `over the diff budget (${d.tokens.toLocaleString('en-US')} tokens)`,
      overBudgetTokens: d.tokens
    })
  }
  return { kept: candidates.filter((_, i) => keep.has(i)), skipped }
}
