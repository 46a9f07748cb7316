import {
  describeTokenLifetime,
  readAccessTokenConfig,
  runAccessToken,
  type AccessTokenResult,
} from '../commands/access-token.js'
import { runIssuesFromInputs } from '../commands/issues/issues-from-inputs.js'
import { releaseNotes } from '../commands/issues/release-notes.js'
import { issueResultLines, versionLines } from '../commands/issues/report-lines.js'
import { readRequestConfig, runRequest } from '../commands/request.js'
import { endIssuesRun, endRequestRun } from '../commands/run-end.js'
import { readRequestTokenConfig, runRequestToken } from '../commands/request-token.js'
import { runWhoami } from '../commands/whoami.js'
import type { JiraContext } from './context.js'
import { localGitPort } from './local-git.js'
import type { CliOutput } from './output.js'

/** `request`: the body on stdout; exit 1 on non-2xx unless --fail-on-http-error=false. */
export async function requestCommand({ inputs, client, settings, out }: JiraContext): Promise<number> {
  const config = readRequestConfig(inputs, settings.baseUrl)
  const result = await runRequest(config, client)
  out.message(`${result.method} ${result.url} -> ${result.status}`)
  out.body(result.body)
  endRequestRun(result, config.failOnHttpError, inputs.label, (m) => {
    out.warning(m)
  })
  return 0
}

export async function whoamiCommand({ client, out }: JiraContext): Promise<number> {
  const result = await runWhoami(client)
  out.json(result.user)
  out.message(`Signed in to Jira as ${result.user.displayName ?? result.name} (${result.name}).`)
  return 0
}

export async function requestTokenCommand({ inputs, client, out }: JiraContext): Promise<number> {
  const result = await runRequestToken(readRequestTokenConfig(inputs), client)
  out.addSecrets(result.requestTokenSecret)
  out.jsonCarryingSecrets({
    requestToken: result.requestToken,
    requestTokenSecret: result.requestTokenSecret,
    authorizeUrl: result.authorizeUrl,
  })
  out.message(
    `Open ${result.authorizeUrl}\nlog in as the Jira user CI should act as, click Allow, and within 10 minutes run:\n` +
      `  jira-oauth access-token --request-token ${result.requestToken} --verifier CODE`,
  )
  return 0
}

/** The token on stdout (the only place it goes), how to store it on stderr. Shared with bootstrap. */
export function printAccessToken(out: CliOutput, result: AccessTokenResult): void {
  out.addSecrets(result.accessToken, result.accessTokenSecret, result.sessionHandle)
  out.jsonCarryingSecrets({
    accessToken: result.accessToken,
    accessTokenSecret: result.accessTokenSecret,
    expiresIn: result.expiresIn,
    sessionHandle: result.sessionHandle,
  })
  out.message(
    [
      `Access token issued (printed on stdout as accessToken); ${describeTokenLifetime(result.expiresIn)}.`,
      'Store it as the secret JIRA_ACCESS_TOKEN, next to JIRA_PRIVATE_KEY (it is useless without the private key):',
      '  GitHub:  gh secret set JIRA_ACCESS_TOKEN      (paste the token when asked)',
      '           or: jira-oauth ... | jq -r .accessToken | gh secret set JIRA_ACCESS_TOKEN',
      '  GitLab:  Settings > CI/CD > Variables > Add variable JIRA_ACCESS_TOKEN (Masked, Protected)',
    ].join('\n'),
  )
}

export async function accessTokenCommand({ inputs, client, out }: JiraContext): Promise<number> {
  printAccessToken(out, await runAccessToken(readAccessTokenConfig(inputs), client))
  return 0
}

/** `issues`: results as JSON on stdout, one line per issue and the notices on stderr. */
export async function issuesCommand({ inputs, client, env, out }: JiraContext): Promise<number> {
  // Outside GitHub Actions, --since REF reads REF..HEAD from the local clone (GitLab CI, Jenkins).
  const git = env.GITHUB_ACTIONS === 'true' ? undefined : localGitPort(process.cwd(), inputs.label('since'), env)
  const { config, result } = await runIssuesFromInputs(inputs, client, env, git, {
    path: inputs.optional('event'),
    pathLabel: inputs.label('event'),
    name: inputs.optional('event-name'),
    nameLabel: inputs.label('event-name'),
  })
  out.message(result.searched.line)
  for (const notice of result.notices) out.message(notice)
  for (const warning of result.warnings) out.warning(warning)
  for (const r of result.results) {
    out.message(issueResultLines(r).join('\n'))
    if (!r.ok) out.error(`${r.key}: ${r.error ?? 'failed'}`)
  }
  for (const line of versionLines(result.versions)) out.message(line)
  out.json({
    issues: result.issues,
    results: result.results,
    failed: result.failed,
    versions: result.versions,
    range: result.searched.range,
    commits: result.searched.commits,
    releaseNotes: releaseNotes(result.results),
  })
  endIssuesRun(result, config.failOnError, inputs.label, (m) => {
    out.warning(m)
  })
  return 0
}
