/**
 * What of the Claude settings may travel in a bundle. By default nothing: the action's untrusted
 * jobs ignore a bundle's settings anyway, and in `setup` and `prompt` they would apply on a runner
 * that holds the login. `--with-settings` takes `settings.json` without the keys that widen what
 * the CLI may do (`permissions`), run commands (`hooks`, the helpers, `statusLine`) or change its
 * environment (`env`); each key removed is named in the report.
 */

/** The settings keys never bundled, in the order the report names them. */
const RISKY_SETTINGS_KEYS = [
  'permissions',
  'hooks',
  'env',
  'apiKeyHelper',
  'statusLine',
  'awsAuthRefresh',
  'awsCredentialExport',
  'otelHeadersHelper'
] as const

const SETTINGS_FILE = 'settings.json'

/**
 * The files a bundle carries, from the files a source read (or a container's bundle held).
 * @returns the files to bundle, and notes for the report.
 */
export function bundledSettings(
  files: Record<string, unknown>,
  withSettings: boolean
): { files: Record<string, unknown>; notes: string[] } {
  const names = Object.keys(files)
  if (!withSettings) {
    return {
      files: {},
      notes:
        names.length > 0
          ? [
              `Left out of the bundle: ${names.join(', ')} (settings are not captured unless you pass --with-settings).`
            ]
          : []
    }
  }
  const notes = names
    .filter(n => n !== SETTINGS_FILE)
    .map(n => `${n} was left out of the bundle (only settings.json is ever taken).`)
  if (!(SETTINGS_FILE in files)) return { files: {}, notes }
  const settings = files[SETTINGS_FILE]
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    notes.push(`${SETTINGS_FILE} is not a JSON object and was left out of the bundle.`)
    return { files: {}, notes }
  }
  const kept: Record<string, unknown> = {}
  const removed: string[] = []
  for (const [key, value] of Object.entries(settings)) {
    if ((RISKY_SETTINGS_KEYS as readonly string[]).includes(key)) removed.push(key)
    else kept[key] = value
  }
  removed.sort(
    (a, b) =>
      RISKY_SETTINGS_KEYS.indexOf(a as (typeof RISKY_SETTINGS_KEYS)[number]) -
      RISKY_SETTINGS_KEYS.indexOf(b as (typeof RISKY_SETTINGS_KEYS)[number])
  )
  if (removed.length > 0) {
    notes.push(
      `Removed from ${SETTINGS_FILE}: ${removed.map(k => JSON.stringify(k)).join(', ')} (they could widen what the CLI may do, run commands, or change its environment on a runner that holds the login).`
    )
  }
  return { files: { [SETTINGS_FILE]: kept }, notes }
}
