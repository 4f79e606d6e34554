/**
 * The workflow commands a GitHub runner would act on in a step's stdout, found the way the runner
 * finds them (actions/runner ActionCommand.cs and ActionCommandManager.cs): a line is a command
 * when, after its leading whitespace, it starts with `::name props::data`, or when it holds the
 * legacy `##[name props]data` anywhere; `::stop-commands::TOKEN` turns every command off until a
 * line `::TOKEN::`. Only registered names count, as on the runner.
 */

/** One command the runner would run. */
export interface WorkflowCommand {
  name: string
  props: Record<string, string>
  data: string
}

const REGISTERED = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-path',
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
])

// The runner unescapes data and properties differently (properties also carry `:` and `,`).
const unescapeData = (text: string): string =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescape = (text: string): string =>
  unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','))

function parseProps(text: string, separator: string): Record<string, string> {
  const props: Record<string, string> = {}
  for (const pair of text.split(separator)) {
    const eq = pair.indexOf('=')
    if (eq > 0) props[pair.slice(0, eq).trim()] = unescape(pair.slice(eq + 1))
  }
  return props
}

function parseLine(line: string, names: Set<string>): WorkflowCommand | undefined {
  const trimmed = line.trimStart()
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2)
    if (end < 0) return undefined
    const info = trimmed.slice(2, end)
    const space = info.indexOf(' ')
    const name = space < 0 ? info : info.slice(0, space)
    if (!names.has(name)) return undefined
    const props = space < 0 ? {} : parseProps(info.slice(space + 1), ',')
    return { name, props, data: unescapeData(trimmed.slice(end + 2)) }
  }
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const close = line.indexOf(']', start)
  if (close < 0) return undefined
  const info = line.slice(start + 3, close)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!names.has(name)) return undefined
  const props = space < 0 ? {} : parseProps(info.slice(space + 1), ';')
  return { name, props, data: unescapeData(line.slice(close + 1)) }
}

/** The commands a runner would act on in this stdout, in order (stop and resume left out). */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const names = new Set(REGISTERED)
  const out: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const line of stdout.split('\n')) {
    const command = parseLine(line.replace(/\r$/, ''), names)
    if (!command) continue
    if (stopToken !== undefined) {
      if (command.name === stopToken) {
        names.delete(stopToken)
        stopToken = undefined
      }
      continue
    }
    if (command.name === 'stop-commands') {
      stopToken = command.data
      names.add(stopToken)
      continue
    }
    out.push(command)
  }
  return out
}
