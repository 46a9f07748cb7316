import { describeTokenLifetime, readAccessTokenConfig, runAccessToken } from '../commands/access-token.js'
import { readRequestTokenConfig, runRequestToken } from '../commands/request-token.js'
import type { ActionContext } from './commands.js'
import { escapeHtml, writeSummary } from './report.js'

/** Step 1 of the bootstrap: outputs the request token and the URL the user must open. */
export async function requestTokenCommand({ inputs, client, core, env, masker }: ActionContext): Promise<void> {
  const result = await runRequestToken(readRequestTokenConfig(inputs), client)
  masker.mask(result.requestTokenSecret)
  core.setOutput('request-token', result.requestToken)
  core.setOutput('request-token-secret', result.requestTokenSecret)
  core.setOutput('authorize-url', result.authorizeUrl)
  core.info(
    `Request token issued. Open ${result.authorizeUrl} , click Allow, and run the access-token command with the verification code within 10 minutes.`,
  )
  await writeSummary(core, env, (s) =>
    s
      .addHeading('Jira OAuth: approve this tool', 3)
      .addList(
        [
          `Open <a href="${escapeHtml(result.authorizeUrl)}">${escapeHtml(result.authorizeUrl)}</a> and log in to Jira as the user CI should act as.`,
          'Click <strong>Allow</strong> and copy the verification code Jira shows.',
          `Within 10 minutes, run the <code>access-token</code> command with <code>request-token: ${escapeHtml(result.requestToken)}</code> and <code>verifier: &lt;the code&gt;</code>.`,
        ],
        true,
      ),
  )
}

/** Step 3: the access token. Masked unless reveal-token, since it is useless without the private key. */
export async function accessTokenCommand({ inputs, client, core, env, masker }: ActionContext): Promise<void> {
  const reveal = inputs.boolean('reveal-token', false)
  const result = await runAccessToken(readAccessTokenConfig(inputs), client)
  masker.mask(result.accessTokenSecret, result.sessionHandle)
  if (!reveal) masker.mask(result.accessToken)
  core.setOutput('access-token', result.accessToken)
  core.setOutput('access-token-secret', result.accessTokenSecret)
  core.setOutput('expires-in', result.expiresIn === undefined ? '' : String(result.expiresIn))
  core.setOutput('session-handle', result.sessionHandle ?? '')
  const lifetime = describeTokenLifetime(result.expiresIn)
  core.info(`Access token issued; ${lifetime}.`)
  if (reveal)
    core.info(
      `Access token: ${result.accessToken}\nStore it as a secret, e.g.: gh secret set JIRA_ACCESS_TOKEN --body '${result.accessToken}'`,
    )
  await writeSummary(core, env, (s) =>
    s
      .addHeading('Jira OAuth: access token issued', 3)
      .addRaw(
        `<p>${escapeHtml(lifetime)}. Store it as the repository secret <code>JIRA_ACCESS_TOKEN</code>${reveal ? `: <code>${escapeHtml(result.accessToken)}</code>` : ' (it is in the step output <code>access-token</code>; set reveal-token: true to print it)'}.</p>`,
        true,
      ),
  )
}
