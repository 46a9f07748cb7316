import { ConfigError } from '../core/errors.js'
import type { InputReader } from '../config/input-reader.js'
import type { JiraClient } from '../jira/client.js'
import { parseTokenResponse } from './token-response.js'

export interface AccessTokenConfig {
  readonly requestToken: string
  readonly verifier: string
}

export interface AccessTokenResult {
  readonly accessToken: string
  readonly accessTokenSecret: string
  /** Seconds, from oauth_expires_in when Jira sends it. */
  readonly expiresIn: number | undefined
  readonly sessionHandle: string | undefined
  readonly authorizationExpiresIn: number | undefined
}

export function readAccessTokenConfig(inputs: InputReader): AccessTokenConfig {
  const requestToken = inputs.required('request-token', 'Pass the request token that the request-token command gave.')
  const verifier = inputs.required('verifier', 'Pass the verification code Jira showed after you clicked Allow.')
  if (/\s/.test(verifier))
    throw new ConfigError(
      `${inputs.label('verifier')} contains blanks.`,
      'Copy only the verification code Jira showed (6 letters and digits).',
    )
  return { requestToken, verifier }
}

function seconds(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined
}

/** Step 3 (RFC 5849 section 2.3): the approved request token and verifier become an access token. */
export async function runAccessToken(config: AccessTokenConfig, client: JiraClient): Promise<AccessTokenResult> {
  const response = await client.request({
    method: 'POST',
    path: '/plugins/servlet/oauth/access-token',
    token: config.requestToken,
    oauthParams: { oauth_verifier: config.verifier },
  })
  const params = parseTokenResponse(response, 'Exchanging the request token for an access token', client.label)
  return {
    accessToken: params.oauth_token,
    accessTokenSecret: params.oauth_token_secret ?? '',
    expiresIn: seconds(params.oauth_expires_in),
    sessionHandle: params.oauth_session_handle,
    authorizationExpiresIn: seconds(params.oauth_authorization_expires_in),
  }
}

/** "it expires in 1826 days", for the message after a token was issued. */
export function describeTokenLifetime(expiresIn: number | undefined): string {
  return expiresIn === undefined
    ? 'Jira did not say when it expires'
    : `it expires in ${Math.round(expiresIn / 86400)} days`
}
