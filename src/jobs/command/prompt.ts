/**
 * The prompt of a question: the task, then everything people wrote (the pull request or issue,
 * its diff, the review thread, the question itself) as delimited untrusted data.
 */
import type { PrFile } from '../../github/types.js'
import { numberPatch } from '../review/numbered.js'
import { asData, UNTRUSTED_NOTICE } from '../untrusted.js'

/** Someone's comment shown to the model (a thread's earlier comments, an issue's conversation). */
export interface ShownComment {
  author: string
  body: string
}

/** What the model is shown for one question. */
export interface QuestionContext {
  /** `pull request` or `issue`. */
  what: 'pull request' | 'issue'
  number: number
  title: string
  body: string
  /** A pull request's files within the diff budget, and the names of those left out. */
  files?: PrFile[]
  leftOut?: string[]
  /** Asked in a review thread: where, its hunk and its earlier comments. */
  thread?: { path?: string; line?: number; hunk?: string; comments: ShownComment[] }
  /** An issue's or pull request's latest conversation comments, oldest first. */
  conversation?: ShownComment[]
  asker: string
  question: string
  /** The workflow author's extra instructions (`prompt`). */
  extra?: string
}

// Each comment shown is cut to this many characters: context, not the whole history.
const MAX_COMMENT = 4000

/** Builds the prompt handed to the CLI on stdin. */
export function buildQuestionPrompt(c: QuestionContext): string {
  const parts: string[] = [
    `A maintainer asked you a question in a comment on ${c.what} #${c.number} of this repository. ` +
      'Answer it accurately and concisely for the person who asked; say so when you do not know.',
    'You may read files of the repository checkout (the base branch) with your read-only tools. ' +
      'You cannot change anything or run commands, and you never write to GitHub yourself: the ' +
      'action posts your answer. Never put tokens, credentials, keys or the contents of ' +
      'configuration or environment files into your answer. Answer only through the structured ' +
      'output tool, following its schema.',
    UNTRUSTED_NOTICE
  ]
  if (c.extra && c.extra.trim() !== '') {
    parts.push(`Extra instructions from the workflow author:\n${c.extra.trim()}`)
  }
  parts.push(asData(`${c.what} title`, c.title))
  parts.push(
    c.body.trim() ? asData(`${c.what} description`, c.body) : `The ${c.what} has no description.`
  )
  for (const f of c.files ?? []) {
    parts.push(asData('diff', `### diff of ${f.filename} (${f.status})\n${numberPatch(f.patch)}`))
  }
  if (c.leftOut && c.leftOut.length > 0) {
    parts.push(
      `${c.leftOut.length} changed file(s) are not shown (over the diff budget or skipped):\n` +
        asData('files not shown', c.leftOut.slice(0, 50).join(', '))
    )
  }
  if (c.conversation && c.conversation.length > 0) {
    parts.push('The latest comments of the conversation, oldest first:')
    parts.push(...c.conversation.map(shown))
  }
  if (c.thread) parts.push(...threadSection(c.thread))
  parts.push(`The question, asked by ${c.asker}:`, asData('question', c.question))
  return parts.join('\n\n')
}

function shown(comment: ShownComment): string {
  const body =
    comment.body.length > MAX_COMMENT
      ? `${comment.body.slice(0, MAX_COMMENT)}\n… (cut)`
      : comment.body
  return asData(`comment by ${comment.author}`, body)
}

function threadSection(t: NonNullable<QuestionContext['thread']>): string[] {
  const where = t.path ? `${t.path}${t.line !== undefined ? `, line ${t.line}` : ''}` : 'the diff'
  const out = [`The question was asked in a review thread on ${where}. The diff hunk it points at:`]
  out.push(asData('diff hunk', t.hunk ?? '(not given)'))
  if (t.comments.length > 0) {
    out.push('The earlier comments of that thread, oldest first:', ...t.comments.map(shown))
  }
  return out
}
