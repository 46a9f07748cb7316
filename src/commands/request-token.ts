import { ConfigError } from '../core/errors.js'
import type { InputReader } from '../config/input-reader.js'
import type { JiraClient } from '../jira/client.js'
import { parseTokenResponse } from './token-response.js'

export interface RequestTokenConfig {
  /** `oob` (Jira shows the verifier) or an absolute http(s) URL Jira redirects to. */
  readonly callback: string
}

export interface RequestTokenResult {
  readonly requestToken: string
  readonly requestTokenSecret: string
  readonly authorizeUrl: string
  readonly callbackConfirmed: boolean
}

export function readRequestTokenConfig(inputs: InputReader): RequestTokenConfig {
  const callback = inputs.optional('callback') ?? 'oob'
  if (callback !== 'oob' && !/^https?:\/\/[^\s]+$/i.test(callback)) {
    throw new ConfigError(
      `${inputs.label('callback')} must be 'oob' or an absolute http(s) URL, not "${callback.slice(0, 80)}".`,
      "Use 'oob' to have Jira show the verification code after Allow.",
    )
  }
  return { callback }
}

/** Step 1 of the dance (RFC 5849 section 2.1): temporary credentials, then the URL to approve them. */
export async function runRequestToken(config: RequestTokenConfig, client: JiraClient): Promise<RequestTokenResult> {
  const response = await client.request({
    method: 'POST',
    path: '/plugins/servlet/oauth/request-token',
    token: null,
    oauthParams: { oauth_callback: config.callback },
  })
  const params = parseTokenResponse(response, 'Getting a request token', client.label)
  const authorize = new URL(`${client.config.baseUrl}/plugins/servlet/oauth/authorize`)
  authorize.searchParams.set('oauth_token', params.oauth_token)
  return {
    requestToken: params.oauth_token,
    requestTokenSecret: params.oauth_token_secret ?? '',
    authorizeUrl: authorize.href,
    callbackConfirmed: params.oauth_callback_confirmed === 'true',
  }
}
