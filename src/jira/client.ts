import type { KeyObject } from 'node:crypto'
import { plainLabel, type InputLabel } from '../core/input-label.js'
import { formEncode, type Parameter } from '../core/oauth/parameters.js'
import { generateNonce } from '../core/oauth/nonce.js'
import { authorizerFor, OAuthAuthorizer, type Authorizer } from './authorizer.js'
import type { Credential } from './credentials.js'
import { diagnoseHtmlAnswer, diagnoseLoginRefusal } from './diagnose-login.js'
import { diagnoseTransportError, diagnoseRedirect } from './diagnose-transport.js'
import { resolveRequestUrl } from './request-url.js'
import { backoffDelayMs, isRetryable, parseRetryAfter, type AttemptOutcome } from './retry-policy.js'
import { Semaphore } from '../core/semaphore.js'
import { nodeFetchTransport, TransportError, type HttpResponse, type Transport } from './transport.js'

interface ClientBasics {
  /** Normalized base URL (see normalizeBaseUrl). */
  readonly baseUrl: string
  readonly timeoutMs: number
  /** Retries of retryable failures (not counting the one re-send after a clock-skew correction). */
  readonly retries: number
  /** How the adapter names inputs in the client's diagnoses ("--base-url" in the CLI); plainLabel if absent. */
  readonly label?: InputLabel
}

/** OAuth 1.0a, given as the consumer key, private key and access token (the original form). */
interface OAuthClientConfig extends ClientBasics {
  readonly consumerKey: string
  readonly privateKey: KeyObject
  readonly accessToken?: string
  readonly credential?: undefined
}

/** Any credential kind: a personal access token, Basic auth, or OAuth. */
interface CredentialClientConfig extends ClientBasics {
  readonly credential: Credential
}

export type JiraClientConfig = OAuthClientConfig | CredentialClientConfig

function credentialOf(config: JiraClientConfig): Credential {
  if (config.credential) return config.credential
  return {
    kind: 'oauth',
    consumerKey: config.consumerKey,
    privateKey: config.privateKey,
    accessToken: config.accessToken,
  }
}

export interface ClientLog {
  debug(message: string): void
  warning(message: string): void
}

/** Everything the client does to the outside world, injectable for tests and benchmarks. */
export interface JiraClientDeps {
  readonly transport?: Transport
  readonly now?: () => number
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly nonce?: () => string
  readonly log?: ClientLog
  /** Requests in flight at most, across all callers of this client. */
  readonly maxInFlight?: number
}

export interface JiraRequest {
  readonly method: string
  /** A path under the base URL; may carry an already-encoded query. */
  readonly path: string
  /** More query parameters, raw values (encoded once here). */
  readonly query?: readonly Parameter[]
  /** A JSON body (sent as application/json, not signed: RFC 5849 signs only form bodies). */
  readonly json?: unknown
  /** A form body (signed). */
  readonly form?: readonly Parameter[]
  /** Overrides the access token: a request token, or null for none (request-token step). */
  readonly token?: string | null
  /** Extra protocol parameters: oauth_callback, oauth_verifier. */
  readonly oauthParams?: Readonly<Record<string, string>>
  /** Whether repeating the request cannot change the outcome; defaults by method. */
  readonly idempotent?: boolean
}

export interface JiraResponse extends HttpResponse {
  readonly method: string
  readonly url: string
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const noLog: ClientLog = { debug: () => {}, warning: () => {} }

/**
 * The one way this project talks to Jira: authorizes every attempt afresh (OAuth signs each one),
 * retries what is safe to retry, recovers from clock skew once (OAuth), and turns refused
 * credentials, sign-in pages and connection failures into errors that say what to do. Other
 * non-2xx answers are returned, not thrown: the caller knows what a 404 means for it.
 */
export class JiraClient {
  private readonly semaphore: Semaphore
  private readonly transport: Transport
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly log: ClientLog
  private readonly authorizer: Authorizer
  /** How the adapter that made this client names inputs; for messages of the layers above too. */
  readonly label: InputLabel

  constructor(
    readonly config: JiraClientConfig,
    deps: JiraClientDeps = {},
  ) {
    this.transport = deps.transport ?? nodeFetchTransport
    this.now = deps.now ?? Date.now
    this.sleep = deps.sleep ?? sleepReal
    this.random = deps.random ?? Math.random
    this.log = deps.log ?? noLog
    this.semaphore = new Semaphore(deps.maxInFlight ?? 16)
    this.label = config.label ?? plainLabel
    const nonce = deps.nonce ?? (() => generateNonce())
    this.authorizer = authorizerFor(credentialOf(config), config.baseUrl, this.label, {
      now: () => this.now(),
      nonce,
      warning: (m) => {
        this.log.warning(m)
      },
    })
  }

  /** The credential this client sends. */
  get credential(): Credential {
    return this.authorizer.credential
  }

  /** Seconds Jira's clock is ahead of ours, as learnt from a timestamp_refused answer (OAuth). */
  get clockSkewSeconds(): number {
    return this.authorizer instanceof OAuthAuthorizer ? this.authorizer.clockSkewSeconds : 0
  }

  async request(request: JiraRequest): Promise<JiraResponse> {
    const method = request.method.toUpperCase()
    const url = resolveRequestUrl(this.config.baseUrl, request.path, request.query ?? [], this.label)
    const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(method)
    let resent = false
    for (let retry = 0; ;) {
      const attempt = await this.semaphore.run(() => this.attempt(method, url, request))
      if (attempt.kind === 'response') {
        const { response } = attempt
        const verdict = attempt.judge(response, !resent)
        if (verdict instanceof Error) throw verdict
        if (verdict.kind === 'resend') {
          resent = true
          continue
        }
        const refused =
          diagnoseLoginRefusal(response, {
            credential: this.credential,
            baseUrl: this.config.baseUrl,
            label: this.label,
          }) ?? diagnoseHtmlAnswer(response, this.config.baseUrl, this.label)
        if (refused) throw refused
        if (response.status >= 300 && response.status < 400 && response.headers.location) {
          throw diagnoseRedirect(
            method,
            url,
            response.status,
            response.headers.location,
            this.config.baseUrl,
            this.label,
          )
        }
        const outcome: AttemptOutcome = { kind: 'status', status: response.status }
        if (retry < this.config.retries && isRetryable(outcome, idempotent)) {
          await this.wait(
            retry++,
            parseRetryAfter(response.headers['retry-after'], this.now()),
            `${method} ${url} answered ${response.status}`,
          )
          continue
        }
        return response
      }
      const outcome: AttemptOutcome = { kind: 'network', phase: attempt.error.phase, code: attempt.error.code }
      if (retry < this.config.retries && isRetryable(outcome, idempotent)) {
        await this.wait(retry++, undefined, `${method} ${url} failed (${attempt.error.code})`)
        continue
      }
      throw diagnoseTransportError(attempt.error, method, url, this.config.timeoutMs, idempotent, this.label)
    }
  }

  private async attempt(method: string, url: string, request: JiraRequest) {
    const formBody = request.form ? formEncode(request.form) : undefined
    // Authorized afresh for every attempt: for OAuth a retry is a new request (RFC 5849 section 3.3).
    const authorized = this.authorizer.authorize({
      method,
      url,
      formBody,
      token: request.token,
      oauthParams: request.oauthParams,
    })
    const headers: Record<string, string> = {
      authorization: authorized.authorization,
      accept: 'application/json',
      'user-agent': 'jira-oauth-action',
    }
    let body: string | undefined
    if (formBody !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = formBody
    } else if (request.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(request.json)
    }
    const started = this.now()
    try {
      const response = await this.transport({ method, url, headers, body, timeoutMs: this.config.timeoutMs })
      this.log.debug(`${method} ${url} -> ${response.status} (${this.now() - started} ms)`)
      return {
        kind: 'response' as const,
        response: { ...response, method, url },
        judge: (r: JiraResponse, mayResend: boolean) => authorized.judge(r, mayResend),
      }
    } catch (error) {
      if (!(error instanceof TransportError)) throw error
      this.log.debug(`${method} ${url} -> ${error.code} (${this.now() - started} ms)`)
      return { kind: 'error' as const, error }
    }
  }

  private async wait(retryNumber: number, retryAfterMs: number | undefined, why: string): Promise<void> {
    const delay = backoffDelayMs(retryNumber, retryAfterMs, this.random)
    this.log.debug(`${why}; retry ${retryNumber + 1} of ${this.config.retries} in ${delay} ms`)
    await this.sleep(delay)
  }
}
