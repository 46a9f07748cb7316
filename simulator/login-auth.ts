// Jira Data Center's non-OAuth credentials: personal access tokens (Bearer) and Basic auth through
// Seraph, with its failed-login count, the CAPTCHA lock and the "Basic disabled" switch. Shapes as
// measured on Jira 10.3 (reference: deploys-versions-credentials.md, section 5).
import { headerValue, html, json, type SimRequest, type SimResponse } from './http-util.js'
import { randomAlphanumeric } from './random.js'
import type { SimulatorState, User } from './state.js'

export interface PersonalAccessToken {
  token: string
  user: string
  /** Server-clock ms; undefined: never expires. */
  expiresAt?: number
  revoked: boolean
}

/** The login settings of the simulated instance and what Seraph remembers per user. */
export class LoginState {
  readonly pats = new Map<string, PersonalAccessToken>()
  readonly passwords = new Map<string, string>()
  readonly failedLogins = new Map<string, number>()
  /** Administration > System > Authentication methods > Allow basic authentication on API calls. */
  basicAuthEnabled = true
  /** Maximum Authentication Attempts Allowed (3 on a default container). */
  maxAuthenticationAttempts = 3

  issuePat(user: string, now: number, opts: { token?: string; expiresInDays?: number; expired?: boolean }): string {
    // Jira's raw tokens are 44 characters of base64; any unguessable word serves here.
    const token = opts.token ?? `${randomAlphanumeric(24)}${randomAlphanumeric(20)}`
    const expiresAt = opts.expired
      ? now - 1000
      : opts.expiresInDays === undefined
        ? undefined
        : now + opts.expiresInDays * 86_400_000
    this.pats.set(token, { token, user, expiresAt, revoked: false })
    return token
  }
}

export type LoginOutcome = { user?: User } | SimResponse

const UNAUTHORIZED_PAGE =
  '<h1>Unauthorized (401)</h1>\n<p>Encountered a "401 - Unauthorized" error while loading this page.</p>\n<p><a href="/login.jsp">Log in</a></p>'

function basicFailure(state: SimulatorState, reason: 'AUTHENTICATED_FAILED' | 'AUTHENTICATION_DENIED'): SimResponse {
  if (reason === 'AUTHENTICATION_DENIED')
    return html(403, 'Forbidden (403)', 'Basic Authentication Failure - Reason : AUTHENTICATION_DENIED', {
      'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED',
      'X-Authentication-Denied-Reason': `CAPTCHA_CHALLENGE; login-url=${state.publicBaseUrl}/login.jsp`,
    })
  return html(401, 'Unauthorized (401)', UNAUTHORIZED_PAGE, { 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' })
}

function decodeBasic(value: string): { username: string; password: string } | undefined {
  const decoded = Buffer.from(value, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/**
 * Bearer or Basic credentials on a REST request; undefined when the request carries neither (OAuth
 * or anonymous decide then). A Bearer token Jira cannot resolve never reaches Seraph: the request
 * runs anonymously and counts no failure. Basic goes through Seraph: a wrong password counts one
 * failed login; from the limit on, the account needs a CAPTCHA and even the right password is
 * refused; a right one resets the count.
 */
export function authenticateLogin(state: SimulatorState, req: SimRequest): LoginOutcome | undefined {
  const header = headerValue(req.headers, 'authorization') ?? ''
  const m = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(header)
  if (!m) return undefined
  const login = state.login
  const value = m[2] ?? ''
  if ((m[1] ?? '').toLowerCase() === 'bearer') {
    const pat = login.pats.get(value)
    const valid = pat && !pat.revoked && (pat.expiresAt === undefined || pat.expiresAt > state.now())
    const user = valid ? state.users.get(pat.user) : undefined
    return user ? { user } : {}
  }
  if (!login.basicAuthEnabled) return json(403, { message: 'Basic Authentication has been disabled on this instance.' })
  const credentials = decodeBasic(value)
  if (!credentials) return basicFailure(state, 'AUTHENTICATED_FAILED')
  const { username, password } = credentials
  const failures = login.failedLogins.get(username) ?? 0
  if (failures >= login.maxAuthenticationAttempts) return basicFailure(state, 'AUTHENTICATION_DENIED')
  const user = state.users.get(username)
  if (!user || login.passwords.get(username) !== password) {
    login.failedLogins.set(username, failures + 1)
    return basicFailure(state, 'AUTHENTICATED_FAILED')
  }
  login.failedLogins.delete(username)
  return { user }
}
