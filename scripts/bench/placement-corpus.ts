/**
 * The placement corpus of `npm run bench` (issue 12): real diffs from public repositories' git
 * history, with findings that err the way models err, each with its truth (the line it should land
 * on, or "summary" when no line of the diff is right).
 *
 * Nothing of those repositories is committed: the corpus is regenerated from local mirrors (bare
 * git directories under /work/.mirror, or CSA_MIRRORS) with `git show`; the commits and the
 * findings are picked by a seeded generator, so the same mirrors give the same corpus.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { filesToRead } from '../../src/jobs/review/placement.js'
import type { Finding, PrFile } from '../../src/jobs/review/types.js'
import { seededRandom } from '../seeded-random.js'

/** The repositories the corpus is drawn from (small, varied: JS, Python, Rust-free C, Go, TS). */
export const CORPUS_REPOS = [
  'expressjs/express',
  'psf/requests',
  'jqlang/jq',
  'junegunn/fzf',
  'actions/checkout',
  'actions/cache'
] as const

/**
 * The commit of each repository the history is read from: pinned, so that a mirror fetched later
 * (with newer commits) gives the same corpus.
 */
export const CORPUS_HEADS: Record<(typeof CORPUS_REPOS)[number], string> = {
  'expressjs/express': 'a3714473feb3d2908add734d340e7755fd85e0a3',
  'psf/requests': '1f6589ec3a1ee910f9a65cc3ceac60b26677bc0e',
  'jqlang/jq': '579e6f76cffd7643ba4002a2c3618a5ea710589a',
  'junegunn/fzf': '956562daaa82ddf55ea8f7aeab56883377b742c6',
  'actions/checkout': 'f548e57e544e1ff5a4c46bf1e1b8685f8e4a348a',
  'actions/cache': '27d5ce7f107fe9357f9df03efb73ab90386fccae'
}

/** Where the mirrors are looked for. */
export const MIRRORS = process.env.CSA_MIRRORS ?? '/work/.mirror'

const COMMITS_PER_REPO = 20
const PER_KIND = 3
const MAX_FILES = 300

/** What the corpus is, for the docs page. */
export const COMMITS_NOTE =
  `${COMMITS_PER_REPO} commits (no merges, at most ${MAX_FILES} files) picked by a seeded ` +
  `generator from each of ${CORPUS_REPOS.join(', ')}; up to ${PER_KIND} findings of each ` +
  'error type per commit (`git show -M` gives the patches, as `pulls.listFiles` would).'
const MAX_PATCH_BYTES = 3_000_000

/** One synthesised finding and where it belongs. */
export interface CorpusCase {
  kind: string
  repo: string
  commit: string
  finding: Finding
  /** The line it should be placed on, or 'summary'. */
  truth: number | 'summary'
  /**
   * A short fragment's line: the line it was cut from, which the contract cannot place it on (see
   * the strict total of the bench, which counts it against this line).
   */
  cutFrom?: number
}

/** One commit of the corpus: its files as `pulls.listFiles` gives them, and the cases. */
export interface CorpusCommit {
  repo: string
  commit: string
  files: PrFile[]
  cases: CorpusCase[]
  /** Head text of the files some finding names a line outside the diff of (by file name). */
  texts?: Record<string, string>
}

/**
 * The mirror's git directory of a repository, or undefined when it was not fetched or does not
 * hold the pinned commit (a mirror fetched before it).
 */
export function mirrorOf(repo: (typeof CORPUS_REPOS)[number]): string | undefined {
  const dir = path.join(MIRRORS, repo.replace('/', '+'), 'repo')
  if (!existsSync(dir)) return undefined
  return safely(() => git(dir, ['cat-file', '-t', CORPUS_HEADS[repo]]).trim()) === 'commit'
    ? dir
    : undefined
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore']
  })
}

function seedOf(text: string): number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619)
  return h >>> 0
}

type Rand = () => number
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T

/** Splits `git show` output into files shaped like `pulls.listFiles` entries. */
export function filesOfShow(show: string): PrFile[] {
  const files: PrFile[] = []
  for (const part of show.split(/^diff --git /m).slice(1)) {
    const lines = part.split('\n')
    const header = lines[0] ?? ''
    const m = /^a\/(.*) b\/(.*)$/.exec(header)
    if (!m) continue
    let status: PrFile['status'] = 'modified'
    let from = m[1] as string
    let to = m[2] as string
    const at = lines.findIndex(l => l.startsWith('@@'))
    const meta = lines.slice(1, at < 0 ? lines.length : at)
    for (const l of meta) {
      if (l.startsWith('new file mode')) status = 'added'
      else if (l.startsWith('deleted file mode')) status = 'removed'
      else if (l.startsWith('rename from ')) {
        status = 'renamed'
        from = l.slice('rename from '.length)
      } else if (l.startsWith('rename to ')) to = l.slice('rename to '.length)
    }
    const patch = at < 0 ? undefined : lines.slice(at).join('\n').replace(/\n$/, '')
    let additions = 0
    let deletions = 0
    for (const l of patch?.split('\n') ?? []) {
      if (l.startsWith('+')) additions++
      else if (l.startsWith('-')) deletions++
    }
    const file: PrFile = {
      filename: to,
      status,
      additions,
      deletions,
      changes: additions + deletions
    }
    if (status === 'renamed') file.previous_filename = from
    if (patch !== undefined) file.patch = patch
    files.push(file)
  }
  return files
}

/** A new-side or deleted line of a patch, with its hunk. */
interface Row {
  type: 'add' | 'del' | 'context'
  oldLine?: number
  newLine?: number
  text: string
  hunk: number
}

/** The rows of a patch (a small parser of its own, so the corpus does not trust the one tested). */
export function rowsOf(patch: string): Row[] {
  const rows: Row[] = []
  let oldN = 0
  let newN = 0
  let hunk = -1
  for (const raw of patch.split('\n')) {
    const h = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw)
    if (h) {
      oldN = Number(h[1])
      newN = Number(h[2])
      hunk++
      continue
    }
    if (hunk < 0 || raw.startsWith('\\')) continue
    const text = raw.slice(1).replace(/\r$/, '')
    if (raw.startsWith('+')) rows.push({ type: 'add', newLine: newN++, text, hunk })
    else if (raw.startsWith('-')) rows.push({ type: 'del', oldLine: oldN++, text, hunk })
    else rows.push({ type: 'context', oldLine: oldN++, newLine: newN++, text, hunk })
  }
  return rows
}

const norm = (s: string): string => s.replace(/\s+/g, '')

/** A file of a commit with what the generators need. */
interface FileView {
  file: PrFile
  rows: Row[]
  newSide: Map<number, Row>
  /** Full new-side text of the file (for lines outside the diff), loaded on demand. */
  content: () => string[]
}

function base(path: string, line: number, quote: string | undefined, kind: string): Finding {
  const f: Finding = { path, line, severity: 'minor', title: `${kind} finding`, body: 'Body.' }
  if (quote !== undefined) f.quote = quote
  return f
}

const contentful = (r: Row): boolean => norm(r.text).length >= 3

/** Whitespace the way models change it: spaces around operators, indentation, tabs. */
function reSpace(r: Rand, text: string): string {
  const variants = [
    (s: string) => s.trim(),
    (s: string) => s.replace(/\s*([=+\-*/<>!,:;(){}])\s*/g, '$1'),
    (s: string) => s.replace(/([=,:])(?=\S)/g, '$1 '),
    (s: string) => s.replace(/^\s+/, '\t'),
    (s: string) => s.replace(/ {2,}/g, ' ').replace(/^/, '    ')
  ]
  const out = pick(r, variants)(text)
  return out === text ? `  ${text.trim()} ` : out
}

type Generator = (
  r: Rand,
  v: FileView,
  path: string
) => { finding: Finding; truth: number | 'summary'; cutFrom?: number } | undefined

const addedOrContext = (v: FileView): Row[] => [...v.newSide.values()].filter(contentful)
const added = (v: FileView): Row[] => v.rows.filter(x => x.type === 'add' && contentful(x))

/** Lines whose text appears more than once on the new side of the file's diff. */
function duplicated(v: FileView): Row[] {
  const count = new Map<string, number>()
  for (const x of v.newSide.values()) count.set(norm(x.text), (count.get(norm(x.text)) ?? 0) + 1)
  return [...v.newSide.values()].filter(x => contentful(x) && (count.get(norm(x.text)) ?? 0) > 1)
}

function onRow(
  rows: Row[],
  make: (row: Row) => ReturnType<Generator>,
  r: Rand
): ReturnType<Generator> {
  if (rows.length === 0) return undefined
  return make(pick(r, rows))
}

const GENERATORS: Record<string, Generator> = {
  exact: (r, v, p) =>
    onRow(added(v), x => ({ finding: base(p, x.newLine!, x.text, 'exact'), truth: x.newLine! }), r),
  'line off by 1-5': (r, v, p) =>
    onRow(
      added(v),
      x => {
        const k = (1 + Math.floor(r() * 5)) * (r() < 0.5 ? -1 : 1)
        return { finding: base(p, Math.max(1, x.newLine! + k), x.text, 'off'), truth: x.newLine! }
      },
      r
    ),
  'whitespace changed': (r, v, p) =>
    onRow(
      added(v),
      x => {
        const k = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3)
        return {
          finding: base(p, x.newLine! + k, reSpace(r, x.text), 'ws'),
          truth: x.newLine!
        }
      },
      r
    ),
  'duplicated line': (r, v, p) =>
    onRow(
      duplicated(v),
      x => {
        // Right line: nothing to guess. Off by 1-3: two equal places may be in reach.
        const k = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3)
        return { finding: base(p, x.newLine! + k, x.text, 'dup'), truth: x.newLine! }
      },
      r
    ),
  'old-side line number': (r, v, p) =>
    onRow(
      v.rows.filter(x => x.type === 'context' && x.oldLine !== x.newLine && contentful(x)),
      x => ({ finding: base(p, x.oldLine!, x.text, 'old'), truth: x.newLine! }),
      r
    ),
  'line outside the diff': (r, v, p) => outside(r, v, p, false),
  'outside, text also in the diff': (r, v, p) => outside(r, v, p, true),
  // A `)` or `;` cut from a longer line names no line: the SPEC takes fragments only of 8+
  // non-space characters, so its place is the summary. `cutFrom` keeps the line it came from.
  'short fragment': (r, v, p) =>
    onRow(
      added(v).filter(x => /[)}\];#]/.test(x.text) && norm(x.text).length > 1),
      x => {
        const token = pick(r, (x.text.match(/[)}\];#]/g) ?? [')']) as string[])
        const k = r() < 0.5 ? 0 : 1 + Math.floor(r() * 4)
        const finding = base(p, x.newLine! + k, token, 'short')
        return { finding, truth: 'summary', cutFrom: x.newLine! }
      },
      r
    ),
  // A short line (`}`, `});`, `fi`, `*/`) quoted whole, as written: the line it is.
  'short line quoted whole': (r, v, p) =>
    onRow(
      v.rows.filter(x => x.type === 'add' && norm(x.text).length > 0 && norm(x.text).length < 8),
      x => {
        const k = r() < 0.5 ? 0 : (1 + Math.floor(r() * 4)) * (r() < 0.5 ? -1 : 1)
        return {
          finding: base(p, Math.max(1, x.newLine! + k), x.text, 'shortline'),
          truth: x.newLine!
        }
      },
      r
    ),
  'partial quote': (r, v, p) =>
    onRow(
      added(v).filter(x => norm(x.text).length >= 16),
      x => {
        const t = x.text.trim()
        const from = Math.floor(r() * (t.length / 3))
        const part = t.slice(from, from + Math.max(10, Math.floor(t.length / 2)))
        const k = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3)
        return { finding: base(p, x.newLine! - k, part, 'partial'), truth: x.newLine! }
      },
      r
    ),
  'multi-line quote': (r, v, p) =>
    onRow(
      added(v).filter(x => v.newSide.has(x.newLine! + 1)),
      x => {
        const quote = `${x.text}\n${v.newSide.get(x.newLine! + 1)!.text}`
        const k = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3)
        return { finding: base(p, x.newLine! + k, quote, 'multi'), truth: x.newLine! }
      },
      r
    ),
  '+ prefix copied': (r, v, p) =>
    onRow(
      added(v),
      x => ({ finding: base(p, x.newLine!, `+${x.text}`, 'plus'), truth: x.newLine! }),
      r
    ),
  'path form': (r, v, p) =>
    onRow(
      addedOrContext(v),
      x => {
        const forms = [
          `./${p}`,
          `a/${p}`,
          `b/${p}`,
          `/home/runner/work/project/project/${p}`,
          `/github/workspace/${p}`
        ]
        return { finding: base(pick(r, forms), x.newLine!, x.text, 'path'), truth: x.newLine! }
      },
      r
    ),
  'deleted line quoted': (r, v, p) =>
    onRow(
      v.rows.filter(
        x =>
          x.type === 'del' &&
          contentful(x) &&
          // A deleted line whose text is still on the new side (moved, or edited by adding to it)
          // names that line as much as none: no clear truth.
          !v.rows.some(y => y.newLine !== undefined && norm(y.text).includes(norm(x.text)))
      ),
      x => ({ finding: base(p, x.oldLine!, x.text, 'del'), truth: 'summary' }),
      r
    ),
  'non-ASCII line': (r, v, p) =>
    onRow(
      added(v).filter(x => /[^\p{ASCII}]/u.test(x.text)),
      x => {
        const k = r() < 0.5 ? 0 : 1 + Math.floor(r() * 3)
        return { finding: base(p, x.newLine! + k, x.text, 'nonascii'), truth: x.newLine! }
      },
      r
    ),
  // An indented duplicated line quoted without its indentation, the line off by up to 3 either way.
  'duplicated line, quote trimmed': (r, v, p) =>
    onRow(
      duplicated(v).filter(x => /^\s/.test(x.text)),
      x => {
        const k = r() < 0.5 ? 0 : (1 + Math.floor(r() * 3)) * (r() < 0.5 ? -1 : 1)
        const finding = base(p, Math.max(1, x.newLine! + k), x.text.trim(), 'duptrim')
        return { finding, truth: x.newLine! }
      },
      r
    ),
  // About an unchanged line whose text is also in the diff, its number off by 1–3: no right line.
  'unchanged line, number off': (r, v, p) => {
    const c = outside(r, v, p, true)
    if (!c) return undefined
    const k = (1 + Math.floor(r() * 3)) * (r() < 0.5 ? -1 : 1)
    return { ...c, finding: { ...c.finding, line: Math.max(1, c.finding.line + k) } }
  }
}

/** A finding on a line outside the diff, quoting that line's real text: no right line exists. */
function outside(r: Rand, v: FileView, p: string, alsoInDiff: boolean): ReturnType<Generator> {
  if (v.file.status === 'removed' || v.file.status === 'added') return undefined
  const content = v.content()
  const inDiff = new Set([...v.newSide.values()].map(x => norm(x.text)))
  const candidates: number[] = []
  content.forEach((text, i) => {
    const n = i + 1
    if (v.newSide.has(n) || norm(text).length < 3) return
    if (inDiff.has(norm(text)) === alsoInDiff) candidates.push(n)
  })
  if (candidates.length === 0) return undefined
  const n = pick(r, candidates)
  return { finding: base(p, n, content[n - 1] as string, 'outside'), truth: 'summary' }
}

function viewOf(dir: string, commit: string, file: PrFile): FileView {
  const rows = file.patch ? rowsOf(file.patch) : []
  const newSide = new Map<number, Row>()
  for (const x of rows) if (x.newLine !== undefined) newSide.set(x.newLine, x)
  let cached: string[] | undefined
  const content = (): string[] => {
    cached ??= git(dir, ['show', `${commit}:${file.filename}`])
      .replace(/\r/g, '')
      .split('\n')
    return cached
  }
  return { file, rows, newSide, content }
}

/** Whole-commit cases: renames named by the old path, deleted files, CRLF patches. */
function commitCases(
  r: Rand,
  files: PrFile[],
  views: FileView[],
  push: (kind: string, c: ReturnType<Generator>) => void
): void {
  const renamed = views.filter(v => v.file.status === 'renamed' && v.file.patch)
  for (let i = 0; i < PER_KIND && renamed.length > 0; i++) {
    const v = pick(r, renamed)
    push(
      'renamed, old path named',
      onRow(
        addedOrContext(v),
        x => ({
          finding: base(v.file.previous_filename!, x.newLine!, x.text, 'rename'),
          truth: x.newLine!
        }),
        r
      )
    )
  }
  const removed = views.filter(v => v.file.status === 'removed' && v.file.patch)
  for (let i = 0; i < PER_KIND && removed.length > 0; i++) {
    const v = pick(r, removed)
    push(
      'deleted file',
      onRow(
        v.rows,
        x => ({ finding: base(v.file.filename, x.oldLine!, x.text, 'gone'), truth: 'summary' }),
        r
      )
    )
  }
  void files
}

/** CRLF: the same file with every patch line ending in \r (as GitHub shows a CRLF file). */
function crlfCopy(file: PrFile): PrFile {
  return {
    ...file,
    filename: `crlf/${file.filename}`,
    patch: file
      .patch!.split('\n')
      .map(l => (l.startsWith('@@') || l.startsWith('\\') ? l : `${l}\r`))
      .join('\n')
  }
}

/** The corpus cases of one commit, or undefined when the commit cannot be used. */
function commitOf(dir: string, repo: string, commit: string, r: Rand): CorpusCommit | undefined {
  let show: string
  try {
    show = git(dir, [
      'show',
      '--format=',
      '-M',
      '--no-color',
      '--unified=3',
      '--no-ext-diff',
      commit
    ])
  } catch {
    return undefined
  }
  if (show.length > MAX_PATCH_BYTES) return undefined
  const files = filesOfShow(show)
  if (files.length === 0 || files.length > MAX_FILES) return undefined
  const withPatch = files.filter(f => f.patch && f.status !== 'removed')
  if (withPatch.length === 0) return undefined
  const crlfSource = pick(r, withPatch)
  const crlf = crlfCopy(crlfSource)
  files.push(crlf)
  const views = files.map(f => viewOf(dir, commit, f))
  const cases: CorpusCase[] = []
  const push = (kind: string, c: ReturnType<Generator>): void => {
    if (c) cases.push({ kind, repo, commit, ...c, truth: truthOf(files, c) })
  }
  const live = views.filter(v => v.file.patch && v.file.status !== 'removed' && v.file !== crlf)
  for (const [kind, gen] of Object.entries(GENERATORS)) {
    for (let i = 0; i < PER_KIND; i++) {
      const v = pick(r, live)
      push(
        kind,
        safely(() => gen(r, v, v.file.filename))
      )
    }
  }
  const crlfView = views.find(v => v.file === crlf)!
  for (let i = 0; i < PER_KIND; i++) {
    push('CRLF file', GENERATORS['line off by 1-5']!(r, crlfView, crlf.filename))
  }
  commitCases(r, files, views, push)
  return { repo, commit, files, cases, texts: headTexts(views, cases, crlf, crlfSource) }
}

/**
 * The new-side text of each file the review job would read for a finding (see `filesToRead`: a
 * quoted finding not on its given line), as it reads it from GitHub at the head commit. The CRLF
 * copy's text is its source file's.
 */
function headTexts(
  views: FileView[],
  cases: CorpusCase[],
  crlf: PrFile,
  crlfSource: PrFile
): Record<string, string> {
  const texts: Record<string, string> = {}
  const files = views.map(v => v.file)
  for (const file of filesToRead(
    cases.map(c => c.finding),
    files
  )) {
    const view = views.find(v => v.file === (file === crlf ? crlfSource : file))
    const text = view && safely(() => view.content().join('\n'))
    if (text !== undefined) texts[file.filename] = text
  }
  return texts
}

/**
 * A finding whose given line holds exactly the quoted text is a correct finding on that line,
 * whatever line the generator started from (a duplicated line one off): its truth is that line.
 */
function truthOf(files: PrFile[], c: NonNullable<ReturnType<Generator>>): number | 'summary' {
  const { finding } = c
  const file = files.find(f => f.filename === finding.path)
  if (!file?.patch || file.status === 'removed' || finding.quote === undefined) return c.truth
  const newSide = new Map<number, string>()
  for (const r of rowsOf(file.patch))
    if (r.newLine !== undefined) newSide.set(r.newLine, norm(r.text))
  const quote = finding.quote.split(/\r?\n/).map(norm)
  return quote.every((q, i) => newSide.get(finding.line + i) === q) ? finding.line : c.truth
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}

/**
 * The whole corpus from the mirrors present; `missing` names the repositories not fetched. Another
 * `salt` draws other commits and other findings from the same mirrors: a held-out corpus, to check
 * that rules chosen on the first one were not fitted to it.
 */
export function buildCorpus(salt = ''): { commits: CorpusCommit[]; missing: string[] } {
  const commits: CorpusCommit[] = []
  const missing: string[] = []
  for (const repo of CORPUS_REPOS) {
    const dir = mirrorOf(repo)
    if (!dir) {
      missing.push(repo)
      continue
    }
    const r = seededRandom(seedOf(repo + salt))
    const shas = git(dir, ['rev-list', '--no-merges', '--reverse', CORPUS_HEADS[repo]])
      .trim()
      .split('\n')
    const tried = new Set<string>()
    let taken = 0
    for (let attempt = 0; attempt < COMMITS_PER_REPO * 5 && taken < COMMITS_PER_REPO; attempt++) {
      const sha = pick(r, shas)
      if (tried.has(sha)) continue
      tried.add(sha)
      const c = commitOf(dir, repo, sha, r)
      if (!c || c.cases.length === 0) continue
      commits.push(c)
      taken++
    }
  }
  return { commits, missing }
}
