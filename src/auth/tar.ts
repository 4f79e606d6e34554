/**
 * Reads a tar of a captured Claude directory, taking only the files the action restores. A crafted
 * archive (absolute paths, `..`, a taken file that is a link or device) is refused whole; nothing
 * is ever written to disk here.
 */
import { Readable } from 'node:stream'
import tar from 'tar-stream'
import { AuthError } from './errors.js'
import { CAPTURE_TOOL } from './messages.js'

/** The files taken from an archive; everything else is ignored. */
const TAKEN_FILES = ['.credentials.json', 'settings.json', 'settings.local.json'] as const

const MAX_TAKEN_BYTES = 1024 * 1024

/**
 * Returns the taken files by base name. They may sit at the archive root or under one top-level
 * folder (`.claude/`, `./.claude/`, `claude-hub/` …), the same folder for all of them.
 */
export async function readClaudeTar(bytes: Buffer, what: string): Promise<Map<string, Buffer>> {
  const taken = new Map<string, Buffer>()
  let folder: string | undefined
  const extract = tar.extract()
  const done = (async () => {
    for await (const entry of extract) {
      const { name, type } = entry.header
      const parts = name.split('/').filter(p => p !== '' && p !== '.')
      if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) {
        entry.resume()
        throw new AuthError(
          `${what} is an archive with an absolute path entry, which a capture never writes: the whole archive is refused; re-capture with ${CAPTURE_TOOL}.`
        )
      }
      if (parts.includes('..') || name.split('\\').includes('..')) {
        entry.resume()
        throw new AuthError(
          `${what} is an archive with an entry that climbs out of its folder (".."): the whole archive is refused; re-capture with ${CAPTURE_TOOL}.`
        )
      }
      const base = parts[parts.length - 1] ?? ''
      const isTaken = (TAKEN_FILES as readonly string[]).includes(base) && parts.length <= 2
      if (!isTaken) {
        entry.resume()
        continue
      }
      if (type !== 'file') {
        entry.resume()
        throw new AuthError(
          `${what} is an archive whose ${base} is a ${type ?? 'special entry'}, not a regular file: the whole archive is refused; re-capture with ${CAPTURE_TOOL}.`
        )
      }
      const dir = parts.length === 2 ? (parts[0] as string) : ''
      if (folder !== undefined && folder !== dir) {
        entry.resume()
        throw new AuthError(
          `${what} is an archive with Claude files in more than one folder, so it is unclear which login to use: archive a single ~/.claude directory.`
        )
      }
      folder = dir
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of entry) {
        size += (chunk as Buffer).length
        if (size > MAX_TAKEN_BYTES) {
          throw new AuthError(`${what} is an archive whose ${base} is larger than 1 MB.`)
        }
        chunks.push(chunk as Buffer)
      }
      if (taken.has(base)) {
        throw new AuthError(`${what} is an archive with ${base} twice: archive one directory only.`)
      }
      taken.set(base, Buffer.concat(chunks))
    }
  })()
  Readable.from([bytes]).pipe(extract)
  try {
    await done
  } catch (err) {
    extract.destroy()
    if (err instanceof AuthError) throw err
    throw new AuthError(
      `${what} is a tar archive that is truncated or corrupt: copy the whole value again, or re-capture it.`
    )
  }
  return taken
}
