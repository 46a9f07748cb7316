import type { KeyObject } from 'node:crypto'
import { authorizationHeader } from './authorization-header.js'
import { signatureBaseString } from './base-string.js'
import { collectParameters } from './parameters.js'
import { signRsaSha1 } from './rsa-sha1.js'

export const SIGNATURE_METHOD = 'RSA-SHA1'

export interface OAuthCredentials {
  readonly consumerKey: string
  readonly privateKey: KeyObject
  /** The access token (or the request token during the token exchange); absent for request-token. */
  readonly token?: string
}

export interface SignRequestInput {
  readonly method: string
  /** Full URL as the server sees it, query included. */
  readonly url: string
  /** A form-encoded body (signed); leave out for JSON or empty bodies. */
  readonly formBody?: string
  readonly credentials: OAuthCredentials
  /** Seconds since the epoch, already corrected for any known clock skew (section 3.3). */
  readonly timestamp: number
  /** Unique per request, retries included (section 3.3). */
  readonly nonce: string
  /** Extra protocol parameters: oauth_callback, oauth_verifier, oauth_session_handle. */
  readonly extraOAuthParams?: Readonly<Record<string, string>>
}

export interface SignedRequest {
  readonly authorization: string
  readonly baseString: string
  readonly signature: string
}

/** Section 3.1 "Making Requests": protocol parameters, signature, Authorization header. */
export function signRequest(input: SignRequestInput): SignedRequest {
  const oauthParams: Record<string, string> = {
    oauth_consumer_key: input.credentials.consumerKey,
    oauth_nonce: input.nonce,
    oauth_signature_method: SIGNATURE_METHOD,
    oauth_timestamp: String(input.timestamp),
    oauth_version: '1.0',
    ...(input.credentials.token !== undefined ? { oauth_token: input.credentials.token } : {}),
    ...input.extraOAuthParams,
  }
  const params = collectParameters({ url: input.url, oauthParams, formBody: input.formBody })
  const baseString = signatureBaseString(input.method, input.url, params)
  const signature = signRsaSha1(baseString, input.credentials.privateKey)
  return {
    authorization: authorizationHeader({ ...oauthParams, oauth_signature: signature }),
    baseString,
    signature,
  }
}
