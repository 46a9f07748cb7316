/**
 * The library: the same core the action and the CLI use, for people who script their own CI.
 *
 *   import { JiraClient, parsePrivateKey, runWhoami } from 'jira-oauth-action'
 *   const key = parsePrivateKey(process.env.JIRA_PRIVATE_KEY!, undefined, 'JIRA_PRIVATE_KEY', 'passphrase')
 *   const client = new JiraClient({ baseUrl, consumerKey, privateKey: key.key, accessToken, timeoutMs: 30000, retries: 3 })
 *   console.log((await runWhoami(client)).name)
 */
export { ConfigError, UserFacingError, describeError } from './core/errors.js'
export { percentEncode, formDecode } from './core/oauth/percent-encode.js'
export {
  collectParameters,
  normalizeParameters,
  parseFormEncoded,
  formEncode,
  type Parameter,
} from './core/oauth/parameters.js'
export { baseStringUri, signatureBaseString } from './core/oauth/base-string.js'
export { signRsaSha1, verifyRsaSha1 } from './core/oauth/rsa-sha1.js'
export { authorizationHeader } from './core/oauth/authorization-header.js'
export {
  signRequest,
  type OAuthCredentials,
  type SignRequestInput,
  type SignedRequest,
} from './core/oauth/sign-request.js'
export { generateNonce } from './core/oauth/nonce.js'
export { parseOAuthProblem, type OAuthProblem } from './core/oauth/oauth-problem.js'
export { parsePrivateKey, type ParsedPrivateKey } from './core/keys/private-key.js'
export { extractIssueKeys, parseIssueList } from './core/issues/issue-keys.js'
export { renderTemplate } from './core/issues/template.js'
export { buildTemplateValues, type RunContext, type CiSystem } from './core/run/run-context.js'
export {
  JiraClient,
  type JiraClientConfig,
  type JiraClientDeps,
  type JiraRequest,
  type JiraResponse,
} from './jira/client.js'
export { normalizeBaseUrl } from './jira/request-url.js'
export { JiraOAuthError, JiraHttpError, JiraConnectionError } from './jira/errors.js'
export { expectJson, isSuccess } from './jira/expect.js'
export { runRequest, type RequestCommandConfig, type RequestCommandResult } from './commands/request.js'
export { runWhoami, type WhoamiResult, type JiraUser } from './commands/whoami.js'
export { runRequestToken, type RequestTokenResult } from './commands/request-token.js'
export { runAccessToken, type AccessTokenResult } from './commands/access-token.js'
export { runIssues, type IssuesRunResult } from './commands/issues/run-issues.js'
export type { IssuesEnvironment } from './core/issues/issues-environment.js'
export { IssuesApi } from './commands/issues/jira-api.js'
export type { IssuesConfig } from './commands/issues/config.js'
export type { IssueResult } from './commands/issues/outcome.js'
