import { InputReader } from '../config/input-reader.js'
import { ConfigError } from '../core/errors.js'
import type { FlagSpec } from './flags.js'

/** Reads a text file (the private key, a token); a test can pass its own. */
export type ReadText = (path: string) => string

interface Source {
  readonly value: string | undefined
  readonly label: string
}

/**
 * Inputs that may also come from a file: `--NAME-file PATH` or the variable's `_FILE` variant
 * (JIRA_PASSWORD_FILE), as containers pass secrets. Each entry: what the file holds, for messages.
 */
const FILE_INPUTS: Readonly<Record<string, string>> = {
  'private-key': 'the PEM file that holds the private key',
  'personal-access-token': 'the file that holds the personal access token',
  username: 'the file that holds the user name',
  password: 'the file that holds the password',
}

/**
 * The CLI's InputReader: each input by its action name, from its flag, else its environment
 * variable. Secrets that can come from files (the private key, the token, the password) come from
 * --NAME or the file named by --NAME-file (flags first, then the variable and its _FILE variant),
 * read only when needed.
 */
export function cliInputReader(
  flags: ReadonlyMap<string, string>,
  specs: readonly FlagSpec[],
  env: NodeJS.ProcessEnv,
  readText: ReadText,
): InputReader {
  const byName = new Map(specs.map((spec) => [spec.name, spec]))
  const variableOf = (name: string) => byName.get(name)?.env
  const fromEnv = (variable: string | undefined) =>
    variable === undefined || env[variable] === '' ? undefined : env[variable]
  const sources = new Map<string, Source>()
  const fileSource = (name: string): Source | undefined => {
    const holds = FILE_INPUTS[name]
    if (holds === undefined || !byName.has(name)) return undefined
    let source = sources.get(name)
    if (!source) {
      source = resolveWithFile(name, holds, flags, variableOf(name), fromEnv, readText)
      sources.set(name, source)
    }
    return source
  }
  const lookup = (name: string) => {
    const source = fileSource(name)
    return source ? source.value : (flags.get(name) ?? fromEnv(variableOf(name)))
  }
  const label = (name: string) => {
    const source = fileSource(name)
    if (source) return source.label
    const variable = variableOf(name)
    return variable ? `--${name} (or ${variable})` : `--${name}`
  }
  return new InputReader(lookup, label)
}

function readValueFile(path: string, label: string, holds: string, readText: ReadText): string {
  let text: string
  try {
    text = readText(path)
  } catch (error) {
    // The code and path only: a message could quote part of the file.
    const code = (error as { code?: string }).code ?? 'unreadable'
    throw new ConfigError(
      `${label}: cannot read "${path}" (${code}).`,
      `Give the path of ${holds}, readable by this user.`,
    )
  }
  // Files end with a newline that is not part of the value (a PEM keeps its own lines).
  return text.replace(/\r?\n$/, '')
}

function resolveWithFile(
  name: string,
  holds: string,
  flags: ReadonlyMap<string, string>,
  variable: string | undefined,
  fromEnv: (variable: string | undefined) => string | undefined,
  readText: ReadText,
): Source {
  const inline = flags.get(name)
  const file = flags.get(`${name}-file`)
  if (inline !== undefined && file !== undefined)
    throw new ConfigError(`--${name} and --${name}-file are both given.`, 'Give one of them.')
  if (inline !== undefined) return { value: inline, label: `--${name}` }
  if (file !== undefined)
    return { value: readValueFile(file, `--${name}-file`, holds, readText), label: `--${name}-file ${file}` }
  const fileVariable = variable && `${variable}_FILE`
  const envInline = fromEnv(variable)
  const envFile = fromEnv(fileVariable)
  if (envInline !== undefined && envFile !== undefined) {
    throw new ConfigError(
      `${variable} and ${fileVariable} are both set.`,
      `Unset one of them, or pass --${name}-file to choose.`,
    )
  }
  if (envInline !== undefined && variable) return { value: envInline, label: variable }
  if (envFile !== undefined && fileVariable)
    return { value: readValueFile(envFile, fileVariable, holds, readText), label: `${fileVariable} (${envFile})` }
  const unset = variable ? ` (or ${variable} / ${fileVariable})` : ''
  return { value: undefined, label: `--${name} or --${name}-file${unset}` }
}
