import { ConfigError } from '../core/errors.js'
import type { InputLabel } from '../core/input-label.js'
import { publicKeyOf } from '../core/keys/public-key.js'
import { parseOAuthProblem } from '../core/oauth/oauth-problem.js'
import { signRequest } from '../core/oauth/sign-request.js'
import { CREDENTIAL_NAMES, staticAuthorization, type Credential, type OAuthCredential } from './credentials.js'
import { diagnoseOAuthProblem } from './diagnose-oauth.js'
import { JiraOAuthError, type JiraAuthError } from './errors.js'
import type { HttpResponse } from './transport.js'

/** One attempt to authorize (each retry is a new attempt: OAuth signs afresh). */
export interface AttemptInput {
  readonly method: string
  readonly url: string
  /** The form body, when there is one (OAuth signs it). */
  readonly formBody?: string
  /** undefined: the credential's own token; null: none (request-token); a string: that token. */
  readonly token?: string | null
  readonly oauthParams?: Readonly<Record<string, string>>
}

/** What to do with an answer: accept it, re-send once (a clock skew was learnt), or throw. */
export type Verdict = { readonly kind: 'accept' } | { readonly kind: 'resend' } | JiraAuthError

export interface AuthorizedAttempt {
  readonly authorization: string
  /** `mayResend` is false once the request was re-sent for this reason before. */
  judge(response: HttpResponse & { method: string; url: string }, mayResend: boolean): Verdict
}

/** Adds the credential to each attempt and recognises the answers that refuse it. */
export interface Authorizer {
  readonly credential: Credential
  authorize(attempt: AttemptInput): AuthorizedAttempt
}

export interface OAuthClock {
  readonly now: () => number
  readonly nonce: () => string
  readonly warning: (message: string) => void
}

const ACCEPT: Verdict = { kind: 'accept' }

/** Bearer and Basic: the same header on every attempt; refusals are diagnosed by the client. */
function staticAuthorizer(credential: Exclude<Credential, OAuthCredential>, label: InputLabel): Authorizer {
  const authorization = staticAuthorization(credential)
  return {
    credential,
    authorize(attempt) {
      if (attempt.token !== undefined || attempt.oauthParams)
        throw new ConfigError(
          `This step is part of the OAuth 1.0a token exchange, and the credentials given are ${CREDENTIAL_NAMES[credential.kind]}.`,
          `The token exchange (request-token, access-token, bootstrap) needs ${label('consumer-key')} and ${label('private-key')} (OAuth only); a personal access token or a password needs no token exchange.`,
        )
      return { authorization, judge: () => ACCEPT }
    },
  }
}

/**
 * OAuth 1.0a: signs every attempt with a fresh nonce and timestamp (RFC 5849 section 3.3),
 * recovers from clock skew once per request, and turns oauth_problem answers into diagnoses.
 */
export class OAuthAuthorizer implements Authorizer {
  private skewMs = 0
  private skewReported = false

  constructor(
    readonly credential: OAuthCredential,
    private readonly baseUrl: string,
    private readonly label: InputLabel,
    private readonly clock: OAuthClock,
  ) {}

  get clockSkewSeconds(): number {
    return Math.round(this.skewMs / 1000)
  }

  authorize(attempt: AttemptInput): AuthorizedAttempt {
    const token = attempt.token === undefined ? this.credential.accessToken : (attempt.token ?? undefined)
    const signed = signRequest({
      method: attempt.method,
      url: attempt.url,
      formBody: attempt.formBody,
      credentials: { consumerKey: this.credential.consumerKey, privateKey: this.credential.privateKey, token },
      timestamp: Math.floor((this.clock.now() + this.skewMs) / 1000),
      nonce: this.clock.nonce(),
      extraOAuthParams: attempt.oauthParams,
    })
    return {
      authorization: signed.authorization,
      judge: (response, mayResend) => {
        if (response.status < 400) return ACCEPT
        const problem = parseOAuthProblem(
          response.headers['www-authenticate'],
          response.body,
          response.headers['content-type'],
        )
        if (!problem) return ACCEPT
        if (
          problem.problem === 'timestamp_refused' &&
          mayResend &&
          this.learnSkew(problem.params.oauth_acceptable_timestamps, response.headers.date)
        )
          return { kind: 'resend' }
        const publicKey = publicKeyOf(this.credential.privateKey)
        const diagnosis = diagnoseOAuthProblem(problem, {
          ourBaseString: signed.baseString,
          baseUrl: this.baseUrl,
          consumerKey: this.credential.consumerKey,
          tokenKind: token === undefined ? 'none' : token === this.credential.accessToken ? 'access' : 'request',
          publicKeyPem: publicKey.pem,
          publicKeyFingerprint: publicKey.fingerprint,
          secrets: [this.credential.accessToken, token, attempt.oauthParams?.oauth_verifier],
          label: this.label,
        })
        return new JiraOAuthError(diagnosis.message, diagnosis.hint, problem, response.status, response.body)
      },
    }
  }

  /** Learns the clock offset from `oauth_acceptable_timestamps=min-max` (or the Date header). */
  private learnSkew(acceptable: string | undefined, dateHeader: string | undefined): boolean {
    let serverNowMs: number | undefined
    const range = /^(\d+)-(\d+)$/.exec(acceptable ?? '')
    if (range) serverNowMs = ((Number(range[1]) + Number(range[2])) / 2) * 1000
    else if (dateHeader && !Number.isNaN(Date.parse(dateHeader))) serverNowMs = Date.parse(dateHeader)
    if (serverNowMs === undefined) return false
    this.skewMs = serverNowMs - this.clock.now()
    if (!this.skewReported) {
      this.skewReported = true
      const seconds = Math.abs(this.clockSkewSeconds)
      this.clock.warning(
        `This machine's clock is ${seconds} s ${this.skewMs > 0 ? 'behind' : 'ahead of'} Jira's, beyond the 5 minutes Jira accepts (oauth_problem=timestamp_refused). ` +
          "Requests are now signed with Jira's time; fix the clock (NTP) on this machine or on Jira.",
      )
    }
    return true
  }
}

/** The authorizer for a credential: OAuth signs, the others send a fixed header. */
export function authorizerFor(
  credential: Credential,
  baseUrl: string,
  label: InputLabel,
  clock: OAuthClock,
): Authorizer {
  return credential.kind === 'oauth'
    ? new OAuthAuthorizer(credential, baseUrl, label, clock)
    : staticAuthorizer(credential, label)
}
