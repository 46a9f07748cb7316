import type { KeyObject } from 'node:crypto'

/** OAuth 1.0a (RSA-SHA1): the Application Link's consumer and, for REST calls, an access token. */
export interface OAuthCredential {
  readonly kind: 'oauth'
  readonly consumerKey: string
  readonly privateKey: KeyObject
  readonly accessToken?: string
}

/** A Jira Data Center personal access token (Jira 8.14+), sent as `Authorization: Bearer`. */
export interface TokenCredential {
  readonly kind: 'pat'
  readonly token: string
}

/** A user name and password over Basic auth (on Jira Cloud: the e-mail address and an API token). */
export interface BasicCredential {
  readonly kind: 'basic'
  readonly username: string
  readonly password: string
}

export type Credential = OAuthCredential | TokenCredential | BasicCredential
export type CredentialKind = Credential['kind']

/** How messages name each kind. */
export const CREDENTIAL_NAMES: Readonly<Record<CredentialKind, string>> = {
  oauth: 'OAuth 1.0a',
  pat: 'a personal access token',
  basic: 'Basic auth',
}

/** The `Authorization` value of a PAT or Basic credential (RFC 6750, RFC 7617 with UTF-8). */
export function staticAuthorization(credential: TokenCredential | BasicCredential): string {
  return credential.kind === 'pat' ? `Bearer ${credential.token}` : `Basic ${basicToken(credential)}`
}

/** The base64 part of a Basic header: a secret as good as the password, masked like it. */
export function basicToken(credential: Pick<BasicCredential, 'username' | 'password'>): string {
  return Buffer.from(`${credential.username}:${credential.password}`, 'utf8').toString('base64')
}
