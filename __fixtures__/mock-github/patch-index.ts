/** Maps review-comment lines and positions onto a GitHub patch, as GitHub resolves them. */
import parseDiff from 'parse-diff'

export interface Position {
  chunk: number
  /** New-side line (add or context). */
  right?: number
  /** Old-side line (del or context). */
  left?: number
  position: number
  headerIndex: number
}

export interface PatchIndex {
  lines: string[]
  right: Map<number, Position>
  left: Map<number, Position>
  byPosition: Map<number, Position>
}

/** Indexes a patch's lines by new-side line, old-side line and position. */
export function indexPatch(patch: string | undefined): PatchIndex {
  const index: PatchIndex = { lines: [], right: new Map(), left: new Map(), byPosition: new Map() }
  if (!patch) return index
  index.lines = patch.split('\n')
  const files = parseDiff(`--- a/x\n+++ b/x\n${patch}`)
  const file = files[0]
  if (!file) return index
  let position = -1
  file.chunks.forEach((chunk, chunkNo) => {
    position++ // the @@ header: position 0 for the first hunk, counted for later ones
    const headerIndex = position
    for (const change of chunk.changes) {
      position++
      if (change.content.startsWith('\\')) continue // "\ No newline at end of file"
      const p: Position = { chunk: chunkNo, position, headerIndex }
      if (change.type === 'add') p.right = change.ln
      else if (change.type === 'del') p.left = change.ln
      else {
        p.left = change.ln1
        p.right = change.ln2
      }
      if (p.right !== undefined) index.right.set(p.right, p)
      if (p.left !== undefined) index.left.set(p.left, p)
      index.byPosition.set(position, p)
    }
  })
  return index
}
