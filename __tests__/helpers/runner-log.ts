/**
 * Reads a step's output the way the GitHub Actions runner does (ActionCommandManager): line by
 * line (\n, \r, \r\n), a line whose whitespace-trimmed start is "::name props::data" is a command
 * (the older "##[name props]data" anywhere in a line too), ::stop-commands::TOKEN turns command
 * processing off until a line "::TOKEN::", and ::add-mask:: values are masked in every later line.
 * Every command-shaped line counts, registered name or not, so a test sees any a text could start.
 */
export interface RunnerCommand {
  readonly name: string
  readonly properties: Record<string, string>
  readonly data: string
}

export interface RunnerLog {
  readonly commands: RunnerCommand[]
  /** The lines a person sees: commands removed, masks applied. */
  readonly visible: string[]
  readonly masks: string[]
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string) =>
  unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%5D/g, ']'))
// .NET's TrimStart: Unicode white space, NEL (U+0085) included.
const trimStart = (s: string) => s.replace(/^[\s\u0085]+/, '')

function parseProperties(text: string, separator: string): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const pair of text.split(separator)) {
    const eq = pair.indexOf('=')
    if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1))
  }
  return properties
}

function parseV2(line: string): RunnerCommand | undefined {
  const trimmed = trimStart(line)
  if (!trimmed.startsWith('::')) return undefined
  const end = trimmed.indexOf('::', 2)
  if (end < 0) return undefined
  const info = trimmed.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (name === '') return undefined
  return {
    name,
    properties: space < 0 ? {} : parseProperties(info.slice(space + 1), ','),
    data: unescapeData(trimmed.slice(end + 2)),
  }
}

function parseV1(line: string): RunnerCommand | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const end = line.indexOf(']', start)
  if (end < 0) return undefined
  const info = line.slice(start + 3, end)
  const space = info.indexOf(' ')
  return {
    name: space < 0 ? info : info.slice(0, space),
    properties: space < 0 ? {} : parseProperties(info.slice(space + 1), ';'),
    data: unescapeData(line.slice(end + 1)),
  }
}

export function replayRunnerLog(...streams: string[]): RunnerLog {
  const commands: RunnerCommand[] = []
  const visible: string[] = []
  const masks: string[] = []
  let stopToken: string | undefined
  const mask = (line: string) =>
    [...masks].sort((a, b) => b.length - a.length).reduce((text, m) => text.split(m).join('***'), line)
  for (const line of streams.join('\n').split(/\r\n|\r|\n/)) {
    if (stopToken !== undefined) {
      if (trimStart(line).trimEnd() === `::${stopToken}::`) stopToken = undefined
      else visible.push(mask(line))
      continue
    }
    const command = parseV2(line) ?? parseV1(line)
    if (!command) {
      visible.push(mask(line))
      continue
    }
    commands.push(command)
    if (command.name === 'add-mask' && command.data) masks.push(command.data)
    if (command.name === 'stop-commands') stopToken = command.data
  }
  return { commands, visible, masks }
}
