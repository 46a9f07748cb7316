import type { CliCommand } from './context.js'

const EXIT_CODES = [
  'Exit codes:',
  '  0  success',
  '  1  failure: Jira refused or could not be reached, a non-2xx answer (request, unless',
  '     --fail-on-http-error=false), failed issues (issues, unless --fail-on-error=false)',
  '  2  usage or configuration error found before any request: unknown flag, missing or',
  '     invalid value',
]

const STREAMS =
  'The result goes to stdout as JSON (request: the response body); messages, warnings and errors go to stderr.'

/** Every flag's environment fallback, from the flags themselves. */
function environment(commands: Readonly<Record<string, CliCommand>>): string[] {
  const rows = new Map<string, string>()
  for (const command of Object.values(commands))
    for (const f of command.flags) if (f.env !== undefined) rows.set(f.env, `--${f.name}`)
  return ['Environment (flags win over these):', ...columns([...rows].map(([env, name]) => [env, name]))]
}

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.min(34, Math.max(...rows.map(([left]) => left.length)) + 2)
  return rows.map(([left, right]) =>
    left.length + 2 > width ? `  ${left}\n  ${' '.repeat(width)}${right}` : `  ${left.padEnd(width)}${right}`,
  )
}

export function mainHelp(commands: Readonly<Record<string, CliCommand>>): string {
  return [
    'jira-oauth: signed Jira Server / Data Center REST calls with OAuth 1.0a (RSA-SHA1).',
    '',
    'Usage: jira-oauth <command> [flags]',
    '       jira-oauth <command> --help',
    '       jira-oauth --version',
    '',
    'Commands:',
    ...columns(Object.entries(commands).map(([name, command]) => [name, command.summary])),
    '',
    'Getting started: jira-oauth keygen, create the Application Link in Jira, then jira-oauth bootstrap.',
    '',
    ...environment(commands),
    ...FOOTER,
  ].join('\n')
}

/** What every help page ends with: where output goes and what the exit codes mean. */
const FOOTER = ['', STREAMS, '', ...EXIT_CODES, '']

export function commandHelp(name: string, command: CliCommand): string {
  const flagRows = command.flags.map((f): [string, string] => [
    `--${f.name}${f.value ? ` ${f.value}` : ''}`,
    `${f.description}${f.env ? ` [env ${f.env}]` : ''}`,
  ])
  return [
    `Usage: jira-oauth ${name} [flags]`,
    '',
    `${command.summary}.`,
    command.description,
    '',
    'Flags (--flag VALUE or --flag=VALUE; a boolean flag alone means true):',
    ...columns([...flagRows, ['-h, --help', 'Show this help']]),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    ...FOOTER,
  ].join('\n')
}
