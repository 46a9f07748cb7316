import { ConfigError } from '../core/errors.js'
import { InputReader } from '../config/input-reader.js'
import { clientConfig, readConnectionSettings } from '../config/connection-settings.js'
import { SECRET_INPUTS } from '../config/inputs.js'
import { JiraClient, type JiraClientDeps } from '../jira/client.js'
import type { ActionCore } from './action-core.js'
import { needsAccessToken } from '../commands/credentials.js'
import { ACTION_COMMANDS, type ActionCommandName } from './commands.js'
import { guardedCore } from './guarded-core.js'
import { Masker } from './mask.js'
import { reportFailure } from './report.js'

export interface ActionDeps {
  readonly core: ActionCore
  readonly env: NodeJS.ProcessEnv
  /** Overrides for the Jira client's I/O (tests and benchmarks). */
  readonly clientDeps?: JiraClientDeps
}

/** The action: inputs in, one command run, outputs and summary out. All of its I/O goes through deps. */
export async function run(deps: ActionDeps): Promise<void> {
  const { env } = deps
  // Mask first: nothing below may print a secret, but a mask costs nothing.
  const masker = new Masker(deps.core)
  const core = guardedCore(deps.core, (text) => masker.redact(text))
  const inputs = new InputReader(
    (name) => core.getInput(name, { trimWhitespace: false }),
    (name) => `input \`${name}\``,
  )
  let command: ActionCommandName = 'request'
  try {
    for (const name of SECRET_INPUTS) masker.mask(inputs.raw(name))
    command = inputs.oneOf('command', Object.keys(ACTION_COMMANDS) as ActionCommandName[], 'request')
    const settings = readConnectionSettings(inputs, needsAccessToken(command))
    masker.mask(...settings.derivedSecrets)
    for (const warning of settings.warnings) core.warning(warning)
    const client = new JiraClient(clientConfig(settings), {
      log: {
        debug: (m) => {
          core.debug(m)
        },
        warning: (m) => {
          core.warning(m)
        },
      },
      ...deps.clientDeps,
    })
    await ACTION_COMMANDS[command]({ inputs, client, core, env, settings, masker })
  } catch (error) {
    await reportFailure(
      core,
      env,
      command,
      error instanceof Error || typeof error === 'string' ? error : new ConfigError(String(error)),
    )
  }
}
