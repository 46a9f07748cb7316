import oauthSign from 'oauth-sign'
import type { SimResponse } from './http-util.js'

export interface OAuthProblem {
  problem: string
  /** Extra problem parameters in order, e.g. oauth_acceptable_timestamps. */
  params?: [string, string][]
}

// net.oauth OAuthServlet PROBLEM_TO_HTTP_CODE; anything unlisted is 403.
const STATUS: Record<string, number> = {
  version_rejected: 400,
  parameter_absent: 400,
  parameter_rejected: 400,
  timestamp_refused: 400,
  signature_method_rejected: 400,
  nonce_used: 401,
  token_used: 401,
  token_expired: 401,
  token_revoked: 401,
  token_rejected: 401,
  permission_denied: 401,
  permission_unknown: 401,
  signature_invalid: 401,
  consumer_key_unknown: 401,
  consumer_key_rejected: 401,
  additional_authorization_required: 401,
  user_refused: 503,
  consumer_key_refused: 503,
}

export function problemStatus(problem: string): number {
  return STATUS[problem] ?? 403
}

const enc = oauthSign.rfc3986

/**
 * net.oauth OAuthServlet.handleException: the status from the map, a WWW-Authenticate header
 * built by OAuthMessage.getAuthorizationHeader(realm) (realm and values percent-encoded, only
 * oauth_* parameters), and the same parameters as a form-encoded body. Never JSON.
 */
export function problemResponse(p: OAuthProblem, realm: string): SimResponse {
  const params: [string, string][] = [['oauth_problem', p.problem], ...(p.params ?? [])]
  const header =
    `OAuth realm="${enc(realm)}"` +
    params
      .filter(([k]) => k.startsWith('oauth_'))
      .map(([k, v]) => `, ${enc(k)}="${enc(v)}"`)
      .join('')
  return {
    status: problemStatus(p.problem),
    headers: {
      'WWW-Authenticate': header,
      'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
    },
    body: params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'),
    oauthProblem: p.problem,
  }
}
