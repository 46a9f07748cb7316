import type { ConnectionSettings } from '../config/connection-settings.js'
import type { InputReader } from '../config/input-reader.js'
import type { JiraClient } from '../jira/client.js'
import type { CliFiles } from './files.js'
import type { FlagSpec } from './flags.js'
import type { CliOutput } from './output.js'

/** What every command gets: its inputs (flags over environment), the output streams, I/O. */
export interface CliContext {
  readonly inputs: InputReader
  readonly out: CliOutput
  readonly env: NodeJS.ProcessEnv
  readonly stdin: NodeJS.ReadableStream
  readonly files: CliFiles
}

/** Commands that talk to Jira also get the signed client, built as the action builds it. */
export interface JiraContext extends CliContext {
  readonly client: JiraClient
  readonly settings: ConnectionSettings
}

interface CommandHelp {
  /** One line for `jira-oauth --help`. */
  readonly summary: string
  /** A paragraph for `jira-oauth <command> --help`. */
  readonly description: string
  readonly flags: readonly FlagSpec[]
  readonly examples: readonly string[]
}

/** A command returns its exit code; it throws for failures (main() picks 1 or 2). */
export type CliCommand = CommandHelp &
  (
    | { readonly kind: 'jira'; run(ctx: JiraContext): Promise<number> }
    | { readonly kind: 'local'; run(ctx: CliContext): Promise<number> }
  )
