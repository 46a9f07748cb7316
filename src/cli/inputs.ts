import { InputReader } from '../config/input-reader.js'
import { ConfigError } from '../core/errors.js'
import type { FlagSpec } from './flags.js'

/** Reads a text file (the private key); a test can pass its own. */
export type ReadText = (path: string) => string

interface KeySource {
  readonly value: string | undefined
  readonly label: string
}

const KEY_LABEL_UNSET = '--private-key or --private-key-file (or JIRA_PRIVATE_KEY / JIRA_PRIVATE_KEY_FILE)'

/**
 * The CLI's InputReader: each input by its action name, from its flag, else its environment
 * variable. The private key comes from --private-key or the file named by --private-key-file
 * (flags first, then JIRA_PRIVATE_KEY / JIRA_PRIVATE_KEY_FILE), read only when needed.
 */
export function cliInputReader(
  flags: ReadonlyMap<string, string>,
  specs: readonly FlagSpec[],
  env: NodeJS.ProcessEnv,
  readText: ReadText,
): InputReader {
  const byName = new Map(specs.map((spec) => [spec.name, spec]))
  const fromEnv = (name: string) => {
    const variable = byName.get(name)?.env
    return variable === undefined || env[variable] === '' ? undefined : env[variable]
  }
  let key: KeySource | undefined
  const privateKey = (): KeySource => (key ??= resolvePrivateKey(flags, fromEnv, readText))
  const lookup = (name: string) => (name === 'private-key' ? privateKey().value : (flags.get(name) ?? fromEnv(name)))
  const label = (name: string) => {
    if (name === 'private-key') return privateKey().label
    const variable = byName.get(name)?.env
    return variable ? `--${name} (or ${variable})` : `--${name}`
  }
  return new InputReader(lookup, label)
}

function readKeyFile(path: string, label: string, readText: ReadText): string {
  try {
    return readText(path)
  } catch (error) {
    // The code and path only: a message could quote part of the file.
    const code = (error as { code?: string }).code ?? 'unreadable'
    throw new ConfigError(
      `${label}: cannot read "${path}" (${code}).`,
      'Give the path of the PEM file that holds the private key, readable by this user.',
    )
  }
}

function resolvePrivateKey(
  flags: ReadonlyMap<string, string>,
  fromEnv: (name: string) => string | undefined,
  readText: ReadText,
): KeySource {
  const inline = flags.get('private-key')
  const file = flags.get('private-key-file')
  if (inline !== undefined && file !== undefined)
    throw new ConfigError('--private-key and --private-key-file are both given.', 'Give one of them.')
  if (inline !== undefined) return { value: inline, label: '--private-key' }
  if (file !== undefined)
    return { value: readKeyFile(file, '--private-key-file', readText), label: `--private-key-file ${file}` }
  const envInline = fromEnv('private-key')
  const envFile = fromEnv('private-key-file')
  if (envInline !== undefined && envFile !== undefined) {
    throw new ConfigError(
      'JIRA_PRIVATE_KEY and JIRA_PRIVATE_KEY_FILE are both set.',
      'Unset one of them, or pass --private-key-file to choose.',
    )
  }
  if (envInline !== undefined) return { value: envInline, label: 'JIRA_PRIVATE_KEY' }
  if (envFile !== undefined)
    return {
      value: readKeyFile(envFile, 'JIRA_PRIVATE_KEY_FILE', readText),
      label: `JIRA_PRIVATE_KEY_FILE (${envFile})`,
    }
  return { value: undefined, label: KEY_LABEL_UNSET }
}
