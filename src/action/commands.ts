import type { InputReader } from '../config/input-reader.js'
import type { ConnectionSettings } from '../config/connection-settings.js'
import type { JiraClient } from '../jira/client.js'
import { readRequestConfig, runRequest } from '../commands/request.js'
import { endRequestRun } from '../commands/run-end.js'
import { runWhoami } from '../commands/whoami.js'
import { JiraAuthError, JiraHttpError } from '../jira/errors.js'
import type { ActionCore } from './action-core.js'
import type { Masker } from './mask.js'
import { escapeHtml, writeSummary } from './report.js'
import { accessTokenCommand, requestTokenCommand } from './token-commands.js'

export interface ActionContext {
  readonly inputs: InputReader
  readonly client: JiraClient
  readonly core: ActionCore
  readonly env: NodeJS.ProcessEnv
  readonly settings: ConnectionSettings
  readonly masker: Masker
}

type ActionCommand = (ctx: ActionContext) => Promise<void>

/** Sets `status` and `response` from a failed call too: "outputs are set either way". */
async function withHttpOutputs(core: ActionCore, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    if (error instanceof JiraAuthError || error instanceof JiraHttpError) {
      core.setOutput('status', String(error.status))
      core.setOutput('response', error.responseBody)
    }
    throw error
  }
}

async function requestCommand({ inputs, client, core, env, settings }: ActionContext): Promise<void> {
  const config = readRequestConfig(inputs, settings.baseUrl)
  await withHttpOutputs(core, async () => {
    const result = await runRequest(config, client)
    core.setOutput('status', String(result.status))
    core.setOutput('response', result.body)
    core.info(`${result.method} ${result.url} -> ${result.status}`)
    await writeSummary(core, env, (s) =>
      s.addRaw(
        `<p>Jira <code>${escapeHtml(result.method)} ${escapeHtml(new URL(result.url).pathname)}</code> answered <strong>${result.status}</strong>.</p>`,
        true,
      ),
    )
    endRequestRun(result, config.failOnHttpError, inputs.label, (m) => {
      core.warning(m)
    })
  })
}

async function whoamiCommand({ client, core, env }: ActionContext): Promise<void> {
  await withHttpOutputs(core, async () => {
    const result = await runWhoami(client)
    core.setOutput('status', String(result.status))
    core.setOutput('response', result.body)
    core.setOutput('user', JSON.stringify(result.user))
    core.setOutput('name', result.name)
    const who = `${result.user.displayName ?? result.name} (${result.name})`
    core.info(`Signed in to Jira as ${who}.`)
    await writeSummary(core, env, (s) =>
      s.addRaw(`<p>Signed in to Jira as <strong>${escapeHtml(who)}</strong>.</p>`, true),
    )
  })
}

export const ACTION_COMMANDS = {
  request: requestCommand,
  whoami: whoamiCommand,
  'request-token': requestTokenCommand,
  'access-token': accessTokenCommand,
  // Loaded when run (ncc makes it an on-demand chunk): its steps, ranges and templates are about a
  // third of the bundle, which every other command would otherwise parse at each start.
  issues: async (ctx) => (await import('./issues-command.js')).issuesCommand(ctx),
} satisfies Record<string, ActionCommand>

export type ActionCommandName = keyof typeof ACTION_COMMANDS
