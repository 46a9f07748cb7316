import type { KeyObject } from 'node:crypto'
import { plainLabel, type InputLabel } from '../core/input-label.js'
import { publicKeyOf } from '../core/keys/public-key.js'
import { parseOAuthProblem } from '../core/oauth/oauth-problem.js'
import { formEncode, type Parameter } from '../core/oauth/parameters.js'
import { generateNonce } from '../core/oauth/nonce.js'
import { signRequest } from '../core/oauth/sign-request.js'
import { diagnoseOAuthProblem } from './diagnose-oauth.js'
import { diagnoseTransportError, diagnoseRedirect } from './diagnose-transport.js'
import { JiraOAuthError } from './errors.js'
import { resolveRequestUrl } from './request-url.js'
import { backoffDelayMs, isRetryable, parseRetryAfter, type AttemptOutcome } from './retry-policy.js'
import { Semaphore } from '../core/semaphore.js'
import { nodeFetchTransport, TransportError, type HttpResponse, type Transport } from './transport.js'

export interface JiraClientConfig {
  /** Normalized base URL (see normalizeBaseUrl). */
  readonly baseUrl: string
  readonly consumerKey: string
  readonly privateKey: KeyObject
  readonly accessToken?: string
  readonly timeoutMs: number
  /** Retries of retryable failures (not counting the one re-send after a clock-skew correction). */
  readonly retries: number
  /** How the adapter names inputs in the client's diagnoses ("--base-url" in the CLI); plainLabel if absent. */
  readonly label?: InputLabel
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
 * The one way this project talks to Jira: signs every attempt afresh, retries what is safe to
 * retry, recovers from clock skew once, and turns OAuth problems and connection failures into
 * errors that say what to do. Non-2xx answers without an OAuth problem are returned, not thrown:
 * the caller knows what a 404 means for it.
 */
export class JiraClient {
  private skewMs = 0
  private skewReported = false
  private readonly semaphore: Semaphore
  private readonly transport: Transport
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly nonce: () => string
  private readonly log: ClientLog
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
    this.nonce = deps.nonce ?? (() => generateNonce())
    this.log = deps.log ?? noLog
    this.semaphore = new Semaphore(deps.maxInFlight ?? 16)
    this.label = config.label ?? plainLabel
  }

  /** Seconds Jira's clock is ahead of ours, as learnt from a timestamp_refused answer. */
  get clockSkewSeconds(): number {
    return Math.round(this.skewMs / 1000)
  }

  async request(request: JiraRequest): Promise<JiraResponse> {
    const method = request.method.toUpperCase()
    const url = resolveRequestUrl(this.config.baseUrl, request.path, request.query ?? [], this.label)
    const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(method)
    const token = request.token === undefined ? this.config.accessToken : (request.token ?? undefined)
    let skewCorrected = false
    for (let retry = 0; ;) {
      const attempt = await this.semaphore.run(() => this.attempt(method, url, request, token))
      if (attempt.kind === 'response') {
        const { response, baseString } = attempt
        const problem =
          response.status >= 400
            ? parseOAuthProblem(response.headers['www-authenticate'], response.body, response.headers['content-type'])
            : undefined
        if (
          problem?.problem === 'timestamp_refused' &&
          !skewCorrected &&
          this.learnSkew(problem.params.oauth_acceptable_timestamps, response.headers.date)
        ) {
          skewCorrected = true
          continue
        }
        if (problem) throw this.oauthError(problem, response, baseString, request, token)
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

  private async attempt(method: string, url: string, request: JiraRequest, token: string | undefined) {
    const formBody = request.form ? formEncode(request.form) : undefined
    // A fresh nonce and timestamp for every attempt: a retry is a new request (RFC 5849 section 3.3).
    const signed = signRequest({
      method,
      url,
      formBody,
      credentials: { consumerKey: this.config.consumerKey, privateKey: this.config.privateKey, token },
      timestamp: Math.floor((this.now() + this.skewMs) / 1000),
      nonce: this.nonce(),
      extraOAuthParams: request.oauthParams,
    })
    const headers: Record<string, string> = {
      authorization: signed.authorization,
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
      return { kind: 'response' as const, response: { ...response, method, url }, baseString: signed.baseString }
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

  /** Learns the clock offset from `oauth_acceptable_timestamps=min-max` (or the Date header). */
  private learnSkew(acceptable: string | undefined, dateHeader: string | undefined): boolean {
    let serverNowMs: number | undefined
    const range = /^(\d+)-(\d+)$/.exec(acceptable ?? '')
    if (range) serverNowMs = ((Number(range[1]) + Number(range[2])) / 2) * 1000
    else if (dateHeader && !Number.isNaN(Date.parse(dateHeader))) serverNowMs = Date.parse(dateHeader)
    if (serverNowMs === undefined) return false
    this.skewMs = serverNowMs - this.now()
    if (!this.skewReported) {
      this.skewReported = true
      const seconds = Math.abs(this.clockSkewSeconds)
      this.log.warning(
        `This machine's clock is ${seconds} s ${this.skewMs > 0 ? 'behind' : 'ahead of'} Jira's, beyond the 5 minutes Jira accepts (oauth_problem=timestamp_refused). ` +
          "Requests are now signed with Jira's time; fix the clock (NTP) on this machine or on Jira.",
      )
    }
    return true
  }

  private oauthError(
    problem: ReturnType<typeof parseOAuthProblem> & object,
    response: JiraResponse,
    baseString: string,
    request: JiraRequest,
    token: string | undefined,
  ): JiraOAuthError {
    const publicKey = publicKeyOf(this.config.privateKey)
    const diagnosis = diagnoseOAuthProblem(problem, {
      ourBaseString: baseString,
      baseUrl: this.config.baseUrl,
      consumerKey: this.config.consumerKey,
      tokenKind: token === undefined ? 'none' : token === this.config.accessToken ? 'access' : 'request',
      publicKeyPem: publicKey.pem,
      publicKeyFingerprint: publicKey.fingerprint,
      secrets: [this.config.accessToken, token, request.oauthParams?.oauth_verifier],
      label: this.label,
    })
    return new JiraOAuthError(diagnosis.message, diagnosis.hint, problem, response.status, response.body)
  }
}
