import { JiraConnectionError } from '../../jira/errors.js'

/**
 * A non-idempotent request that failed this way may still have been carried out by Jira
 * (a timeout, a proxy's 502/504, a connection broken after sending): re-read before reporting.
 */
export function mayHaveActed(failure: { status: number } | unknown): boolean {
  if (failure instanceof JiraConnectionError) return failure.mayHaveActed
  const status = (failure as { status?: unknown }).status
  return typeof status === 'number' && (status === 500 || status === 502 || status === 504)
}
