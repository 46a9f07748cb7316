import { readAccessTokenConfig, runAccessToken } from '../commands/access-token.js'
import { runRequestToken, type RequestTokenResult } from '../commands/request-token.js'
import { InputReader } from '../config/input-reader.js'
import { UserFacingError } from '../core/errors.js'
import { startCallbackServer } from './callback-server.js'
import type { JiraContext } from './context.js'
import { printAccessToken } from './jira-commands.js'
import { readFirstLine } from './read-line.js'

interface Approval {
  readonly requestToken: string
  readonly verifier: string
}

const DEFAULT_WAIT_SECONDS = 600

function askToApprove(ctx: JiraContext, started: RequestTokenResult, then: string): void {
  ctx.out.addSecrets(started.requestTokenSecret)
  ctx.out.message(
    `Open this URL in a browser, log in as the Jira user CI should act as, and click Allow:\n\n  ${started.authorizeUrl}\n\n${then}`,
  )
}

/** oob: Jira shows the code after Allow, the user pastes it (or pipes it) into stdin. */
async function viaPastedCode(ctx: JiraContext): Promise<Approval> {
  const started = await runRequestToken({ callback: 'oob' }, ctx.client)
  askToApprove(ctx, started, 'Then type the verification code Jira shows and press Enter (within 10 minutes):')
  const verifier = await readFirstLine(ctx.stdin)
  if (verifier === undefined)
    throw new UserFacingError(
      'No verification code was given: standard input ended.',
      'Run jira-oauth bootstrap again in a terminal and type the code, or pipe it in.',
    )
  ctx.out.addSecrets(verifier)
  return { requestToken: started.requestToken, verifier }
}

/** A local callback: Jira redirects the browser to us after Allow, so nothing is pasted. */
async function viaCallback(ctx: JiraContext, port: number, waitSeconds: number): Promise<Approval> {
  const server = await startCallbackServer(port)
  try {
    const started = await runRequestToken({ callback: server.url }, ctx.client)
    if (!started.callbackConfirmed)
      ctx.out.warning(
        'Jira did not confirm the callback URL; if it shows a code instead of redirecting, run again without --callback-port and type the code.',
      )
    askToApprove(
      ctx,
      started,
      `Waiting up to ${waitSeconds} s for Jira to redirect the browser to ${server.url} (the browser must run on this machine).`,
    )
    const verifier = await server.waitForVerifier(started.requestToken, waitSeconds * 1000)
    ctx.out.addSecrets(verifier)
    ctx.out.message('Jira redirected back with the verification code.')
    return { requestToken: started.requestToken, verifier }
  } finally {
    await server.close()
  }
}

/** `bootstrap`: request token, approval, access token in one go; the token goes to stdout. */
export async function bootstrapCommand(ctx: JiraContext): Promise<number> {
  const { inputs } = ctx
  const port = inputs.optional('callback-port') === undefined ? undefined : inputs.integer('callback-port', 0, 0, 65535)
  const waitSeconds = inputs.integer('wait-seconds', DEFAULT_WAIT_SECONDS, 1, 86400)
  const approval = port === undefined ? await viaPastedCode(ctx) : await viaCallback(ctx, port, waitSeconds)
  // The access-token command's own checks, applied to what we got instead of to flags.
  const fields: Record<string, string> = { 'request-token': approval.requestToken, verifier: approval.verifier }
  const config = readAccessTokenConfig(
    new InputReader(
      (name) => fields[name],
      (name) => (name === 'verifier' ? 'The verification code' : 'The request token'),
    ),
  )
  printAccessToken(ctx.out, await runAccessToken(config, ctx.client))
  return 0
}
