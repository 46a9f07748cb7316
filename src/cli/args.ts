import { ConfigError } from '../core/errors.js'
import type { FlagSpec } from './flags.js'

/** A command line that cannot be understood; always exit code 2. */
export class UsageError extends ConfigError {}

export type ParsedArgs =
  | { readonly kind: 'help'; readonly command?: string }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: string; readonly values: ReadonlyMap<string, string> }

const BOOLEAN_WORDS = /^(true|false|yes|no|on|off|1|0)$/i
// "-----BEGIN PRIVATE KEY-----" starts with dashes too: only --letter is a flag.
const looksLikeFlag = (token: string) => /^--?[A-Za-z]/.test(token)

/**
 * Splits the flags of one command: `--flag value`, `--flag=value`, a bare boolean flag means
 * true (and takes a following true/false word), list flags repeat. The values are left raw:
 * InputReader validates them with the rules the action uses.
 */
export function parseFlags(
  tokens: readonly string[],
  specs: readonly FlagSpec[],
  helpHint: string,
): Map<string, string> | 'help' {
  const byName = new Map(specs.map((spec) => [spec.name, spec]))
  const values = new Map<string, string>()
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? ''
    // Only where a flag stands: `--body --help` is a body, not a request for help.
    if (token === '--help' || token === '-h') return 'help'
    if (!token.startsWith('--') || token === '--') {
      throw new UsageError(
        `Unexpected argument at position ${i + 2}: flags start with --, and each value follows its flag.`,
        helpHint,
      )
    }
    const eq = token.indexOf('=')
    const name = token.slice(2, eq < 0 ? undefined : eq)
    const spec = byName.get(name)
    if (!spec) throw new UsageError(`Unknown flag --${name.slice(0, 40)}.`, helpHint)
    let value: string | undefined = eq < 0 ? undefined : token.slice(eq + 1)
    if (value === undefined) {
      const next = tokens[i + 1]
      if (spec.kind === 'boolean') {
        value = next !== undefined && BOOLEAN_WORDS.test(next) ? next : 'true'
        if (value === next) i++
      } else if (next === undefined || looksLikeFlag(next)) {
        throw new UsageError(
          `--${name} needs a value${spec.value ? ` (${spec.value})` : ''}.`,
          `Write --${name} VALUE or --${name}=VALUE. ${helpHint}`,
        )
      } else {
        value = next
        i++
      }
    }
    const previous = values.get(name)
    if (previous !== undefined && spec.kind !== 'list')
      throw new UsageError(`--${name} is given more than once.`, helpHint)
    values.set(name, previous === undefined ? value : `${previous}\n${value}`)
  }
  return values
}

/** `jira-oauth <command> [flags]`, or a request for help (`--help`, `-h`, `help [command]`, nothing). */
export function parseCommandLine(
  argv: readonly string[],
  flagsOf: (command: string) => readonly FlagSpec[] | undefined,
): ParsedArgs {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h') return { kind: 'help' }
  if (first === 'help') return { kind: 'help', command: rest[0] }
  if (first === '--version' || first === '-V') return { kind: 'version' }
  if (first.startsWith('-'))
    throw new UsageError(
      `The command comes first, before ${first.startsWith('--') ? `--${first.slice(2).replace(/=.*/s, '').slice(0, 40)}` : 'any flag'}.`,
      'Usage: jira-oauth <command> [flags]; run `jira-oauth --help` for the commands.',
    )
  const specs = flagsOf(first)
  if (!specs)
    throw new UsageError(`Unknown command "${first.slice(0, 40)}".`, 'Run `jira-oauth --help` for the commands.')
  const values = parseFlags(rest, specs, `Run \`jira-oauth ${first} --help\` for its flags.`)
  return values === 'help' ? { kind: 'help', command: first } : { kind: 'run', command: first, values }
}
