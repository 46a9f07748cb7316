import { JiraConnectionError, JiraHttpError } from './errors.js'

/*
 * The one answer to "may Jira have carried out a request that failed this way?". It decides what
 * is retried (only what Jira certainly did not do, unless repeating is harmless), what a step
 * re-reads before it reports, and what the error message says.
 */

/** 500: Jira failed while (or after) acting; 502/504: a proxy gave up waiting for Jira's answer. */
const ACTED_STATUSES: ReadonlySet<number> = new Set([500, 502, 504])

export function statusMayHaveActed(status: number): boolean {
  return ACTED_STATUSES.has(status)
}

/** 'connect': nothing reached Jira; anything later (a reset, a timeout) may have been processed. */
export function networkMayHaveActed(phase: 'connect' | 'response'): boolean {
  return phase === 'response'
}

/** For a failure already turned into an error: a connection error or an HTTP failure. */
export function mayHaveActed(failure: unknown): boolean {
  if (failure instanceof JiraConnectionError) return failure.mayHaveActed
  if (failure instanceof JiraHttpError) return statusMayHaveActed(failure.status)
  return false
}
