import { clientConfig, readConnectionSettings } from '../config/connection-settings.js'
import { needsAccessToken } from '../commands/credentials.js'
import { ConfigError, describeError, UserFacingError } from '../core/errors.js'
import { JiraClient, type JiraClientDeps } from '../jira/client.js'
import { nodeFetchTransport } from '../jira/transport.js'
import { parseCommandLine, UsageError } from './args.js'
import { CLI_COMMANDS } from './commands.js'
import type { CliCommand, CliContext } from './context.js'
import { nodeFiles, type CliFiles } from './files.js'
import { commandHelp, mainHelp } from './help.js'
import { cliInputReader } from './inputs.js'
import { CliOutput, type TextSink } from './output.js'
import { VERSION } from './version.js'

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** All of the CLI's I/O, so tests can run it in-process. */
export interface CliDeps {
  readonly env: NodeJS.ProcessEnv
  readonly stdout: TextSink
  readonly stderr: TextSink
  /** Read only by `bootstrap` (the verification code). */
  readonly stdin: NodeJS.ReadableStream
  /** Overrides for the Jira client's I/O (transport, clock, sleep). */
  readonly clientDeps?: JiraClientDeps
  /** Defaults to the real file system. */
  readonly files?: CliFiles
}

function commandNamed(name: string): CliCommand {
  const command = CLI_COMMANDS[name]
  if (!command)
    throw new UsageError(`Unknown command "${name.slice(0, 40)}".`, 'Run `jira-oauth --help` for the commands.')
  return command
}

function help(argv: { command?: string }, out: TextSink): number {
  if (argv.command === undefined) {
    out.write(mainHelp(CLI_COMMANDS))
    return EXIT_OK
  }
  out.write(commandHelp(argv.command, commandNamed(argv.command)))
  return EXIT_OK
}

/**
 * `jira-oauth <command> [flags]`: the same shared commands the action runs, with flags and
 * environment variables as inputs, the result on stdout and words on stderr. Returns the exit code.
 */
export async function main(argv: readonly string[], deps: CliDeps): Promise<number> {
  const out = new CliOutput(deps.stdout, deps.stderr)
  // A ConfigError is a usage error (2) only while nothing was sent to Jira.
  let contacted = false
  let verbose = false
  let commandName: string | undefined
  try {
    const parsed = parseCommandLine(argv, (name) => CLI_COMMANDS[name]?.flags)
    if (parsed.kind === 'help') return help(parsed, deps.stdout)
    if (parsed.kind === 'version') {
      deps.stdout.write(`${VERSION}\n`)
      return EXIT_OK
    }
    commandName = parsed.command
    const command = commandNamed(parsed.command)
    const files = deps.files ?? nodeFiles
    const inputs = cliInputReader(parsed.values, command.flags, deps.env, (path) => files.readText(path))
    for (const spec of command.flags) if (spec.secret) out.addSecrets(inputs.raw(spec.name))
    const base: CliContext = { inputs, out, env: deps.env, stdin: deps.stdin, files }
    if (command.kind === 'local') return await command.run(base)
    verbose = inputs.boolean('verbose', false)
    const settings = readConnectionSettings(inputs, needsAccessToken(parsed.command))
    out.addSecrets(...settings.derivedSecrets)
    for (const warning of settings.warnings) out.warning(warning)
    const transport = deps.clientDeps?.transport ?? nodeFetchTransport
    const client = new JiraClient(clientConfig(settings), {
      log: {
        debug: (m) => {
          if (verbose) out.message(m)
        },
        warning: (m) => {
          out.warning(m)
        },
      },
      ...deps.clientDeps,
      transport: (request) => {
        contacted = true
        return transport(request)
      },
    })
    return await command.run({ ...base, client, settings })
  } catch (error) {
    const usage = error instanceof ConfigError && !contacted
    out.error(describeError(error))
    if (usage && !(error instanceof UsageError) && commandName)
      out.message(`Run \`jira-oauth ${commandName} --help\` for its flags.`)
    if (verbose && !(error instanceof UserFacingError) && error instanceof Error && error.stack)
      out.message(error.stack)
    return usage ? EXIT_USAGE : EXIT_FAILURE
  }
}
