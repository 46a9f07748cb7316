import { UserFacingError } from '../core/errors.js'
import type { OAuthProblem } from '../core/oauth/oauth-problem.js'

/**
 * Jira, or something in front of it, did not let the request through as the configured user:
 * refused credentials (any kind), a login lock, a sign-in page. Every later request would fare no
 * better, so runs over many issues stop at the first one.
 */
export class JiraAuthError extends UserFacingError {
  constructor(
    message: string,
    hint: string,
    readonly status: number,
    /** The response body as received; may quote the credentials, so adapters mask before printing. */
    readonly responseBody: string,
  ) {
    super(message, hint)
  }
}

/** Jira refused the request's OAuth credentials or signature (an `oauth_problem` answer). */
export class JiraOAuthError extends JiraAuthError {
  constructor(
    message: string,
    hint: string,
    readonly problem: OAuthProblem,
    status: number,
    responseBody: string,
  ) {
    super(message, hint, status, responseBody)
  }
}

/** Jira answered with a non-2xx status where the caller needed success. */
export class JiraHttpError extends UserFacingError {
  constructor(
    message: string,
    hint: string | undefined,
    readonly status: number,
    readonly responseBody: string,
  ) {
    super(message, hint)
  }
}

/** No usable response: connection, TLS, timeout, redirect. */
export class JiraConnectionError extends UserFacingError {
  constructor(
    message: string,
    hint: string,
    readonly code: string,
    /** True when the request may have reached Jira and been acted on (a timeout, a reset). */
    readonly mayHaveActed = false,
  ) {
    super(message, hint)
  }
}

/** Jira's `{"errorMessages":[...],"errors":{field: msg}}` as one line, or '' if absent. */
export function jiraErrorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errorMessages?: unknown; errors?: unknown; message?: unknown }
    const parts: string[] = []
    if (Array.isArray(parsed.errorMessages))
      parts.push(...parsed.errorMessages.filter((m): m is string => typeof m === 'string'))
    if (parsed.errors && typeof parsed.errors === 'object') {
      for (const [field, msg] of Object.entries(parsed.errors as Record<string, unknown>))
        parts.push(`${field}: ${String(msg)}`)
    }
    if (parts.length === 0 && typeof parsed.message === 'string') parts.push(parsed.message)
    return parts.join('; ')
  } catch {
    return ''
  }
}

/** Field errors of a Jira error body, e.g. {resolution: "Resolution is required."}. */
export function jiraFieldErrors(body: string): Record<string, string> {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown }
    if (!parsed.errors || typeof parsed.errors !== 'object') return {}
    return Object.fromEntries(Object.entries(parsed.errors as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
  } catch {
    return {}
  }
}
