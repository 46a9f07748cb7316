import { networkMayHaveActed, statusMayHaveActed } from './may-have-acted.js'

/**
 * When to try a request again, and how long to wait. Pure: the client feeds it outcomes.
 *
 * Jira may have acted on a request that timed out, was reset, or got a 502/504 from a proxy, so
 * only idempotent requests are retried then; a non-idempotent POST is retried only when Jira
 * certainly did not act (429, 503, or a connection that was never made). Callers that can tell
 * what happened (the comment and transition steps) re-read and resend themselves.
 */
export type AttemptOutcome =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'network'; readonly phase: 'connect' | 'response'; readonly code: string }

// Worth another try: Jira asked to come back (429, 503), or a proxy lost patience (502, 504).
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504])
// Codes that no retry can fix: a wrong host name, a certificate problem.
const PERMANENT_CODES = /^(ENOTFOUND|ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_INVALID_URL|ERR_SSL)/

export function isRetryable(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (outcome.kind === 'status')
    return TRANSIENT_STATUSES.has(outcome.status) && (idempotent || !statusMayHaveActed(outcome.status))
  if (PERMANENT_CODES.test(outcome.code)) return false
  return idempotent || !networkMayHaveActed(outcome.phase)
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

export interface BackoffSettings {
  readonly baseMs: number
  readonly capMs: number
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 500, capMs: 30_000 }

/**
 * Capped exponential backoff with "full jitter" between half and all of the step; a server's
 * Retry-After is a floor (an early retry "will fail and return the same or longer Retry-After").
 */
export function backoffDelayMs(
  retryNumber: number,
  retryAfterMs: number | undefined,
  random: () => number,
  settings: BackoffSettings = DEFAULT_BACKOFF,
): number {
  const step = Math.min(settings.capMs, settings.baseMs * 2 ** retryNumber)
  const jittered = step * (0.5 + random() / 2)
  if (retryAfterMs === undefined) return Math.round(jittered)
  // Honour Retry-After, plus a little jitter so parallel workers do not return in lockstep.
  return Math.round(Math.min(Math.max(retryAfterMs, 0), 10 * 60_000) + random() * 250)
}
