import oauthSign from 'oauth-sign'
import { escapeHtml, html, isFormEncoded, text, type SimRequest, type SimResponse } from './http-util.js'
import { collectParams, firstOf } from './oauth-params.js'
import { problemResponse, type OAuthProblem } from './oauth-problem.js'
import { verifySignedRequest } from './oauth-verifier.js'
import { randomAlphanumeric } from './random.js'
import { DEFAULT_USER, SESSION_TTL_MS, type RequestToken, type SimulatorState } from './state.js'

const SERVLET = '/plugins/servlet/oauth/'
const VERIFIER_LENGTH = 6
const ACCESS_TOKEN_EXPIRES_IN = '157680000'
const AUTHORIZATION_EXPIRES_IN = '160272000'

const enc = oauthSign.rfc3986
const formBody = (pairs: [string, string][]): string => pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')

/** Handles the OAuth provider servlets; undefined when the path is not one of them. */
export function handleOAuthServlet(state: SimulatorState, req: SimRequest): SimResponse | undefined {
  if (!req.subPath.startsWith(SERVLET)) return undefined
  const name = req.subPath.slice(SERVLET.length)
  if (name === 'authorize') return req.method === 'POST' ? authorizeSubmit(state, req) : authorizePage(state, req)
  if (name !== 'request-token' && name !== 'access-token') return undefined
  // The token servlets only override doPost: any other method gets an empty 200, like Jira.
  if (req.method !== 'POST') return { status: 200, headers: {}, body: '' }
  return name === 'request-token' ? requestToken(state, req) : accessToken(state, req)
}

function requestToken(state: SimulatorState, req: SimRequest): SimResponse {
  const { all } = collectParams(req)
  // A token sent to request-token is ignored, as Jira does not load one there.
  const v = verifySignedRequest(state, req, all, () => undefined)
  if (!v.ok) return problemResponse(v.problem, state.publicBaseUrl)
  const callback = firstOf(all, 'oauth_callback')
  if (callback !== undefined && callback !== 'oob' && !isAbsoluteHttpUrl(callback)) {
    return problemResponse(
      {
        problem: 'parameter_rejected',
        params: [
          ['oauth_parameters_rejected', 'oauth_callback'],
          [
            'oauth_problem_advice',
            "As per OAuth spec version 1.0 Revision A Section 6.1 <http://oauth.net/core/1.0a#auth_step1>, the oauth_callback parameter is required and must be either a valid, absolute URI using the http or https scheme, or 'oob' if the callback has been established out of band. The following invalid URI was supplied '" +
              callback +
              "'",
          ],
        ],
      },
      state.publicBaseUrl,
    )
  }
  const t = state.createRequestToken(v.consumer.key, callback)
  const pairs: [string, string][] = [
    ['oauth_token', t.token],
    ['oauth_token_secret', t.secret],
  ]
  if (callback !== undefined) pairs.push(['oauth_callback_confirmed', 'true'])
  return text(200, formBody(pairs))
}

function accessToken(state: SimulatorState, req: SimRequest): SimResponse {
  const { all } = collectParams(req)
  const v = verifySignedRequest(state, req, all, (token, consumer) => {
    if (!token) return { problem: 'parameter_absent', params: [['oauth_parameters_absent', 'oauth_token']] }
    const t = state.tokens.get(token)
    if (t?.consumerKey !== consumer.key) return { problem: 'token_rejected' }
    // Renewal checks the session, not the access token's own expiry.
    if (t.kind === 'request' && state.isExpired(t)) return { problem: 'token_expired' }
    return undefined
  })
  if (!v.ok) return problemResponse(v.problem, state.publicBaseUrl)
  // The callback above rejected a missing or unknown token.
  const t = v.token === undefined ? undefined : state.tokens.get(v.token)
  if (!t) return problemResponse({ problem: 'token_rejected' }, state.publicBaseUrl)
  const fail = (p: OAuthProblem): SimResponse => problemResponse(p, state.publicBaseUrl)

  if (t.kind === 'access') {
    const handle = firstOf(all, 'oauth_session_handle')
    if (handle === undefined)
      return fail({ problem: 'parameter_absent', params: [['oauth_parameters_absent', 'oauth_session_handle']] })
    if (handle !== t.sessionHandle) return fail({ problem: 'token_rejected' })
    if (state.now() - t.sessionCreatedAt > SESSION_TTL_MS) return fail({ problem: 'permission_denied' })
    state.tokens.delete(t.token)
    const renewed = state.createAccessToken(t.consumerKey, t.user, { secret: t.secret })
    renewed.sessionHandle = t.sessionHandle
    renewed.sessionCreatedAt = t.sessionCreatedAt
    return text(200, accessTokenBody(renewed.token, renewed.secret, renewed.sessionHandle))
  }

  if (t.decision === 'denied') return fail({ problem: 'permission_denied' })
  if (t.decision === 'pending') return fail({ problem: 'permission_unknown' })
  // 1.0a (a callback was given) requires the verifier; a 1.0 token never checks it.
  if (t.callback !== undefined) {
    const verifier = firstOf(all, 'oauth_verifier')
    if (verifier === undefined)
      return fail({ problem: 'parameter_absent', params: [['oauth_parameters_absent', 'oauth_verifier']] })
    if (verifier !== t.verifier) return fail({ problem: 'token_rejected' })
  }
  // Jira replaces the request token, so swapping it again answers token_rejected.
  state.tokens.delete(t.token)
  // TokenFactoryImpl reuses the request token's secret.
  const access = state.createAccessToken(t.consumerKey, t.user ?? DEFAULT_USER, { secret: t.secret })
  return text(200, accessTokenBody(access.token, access.secret, access.sessionHandle))
}

function accessTokenBody(token: string, secret: string, sessionHandle: string): string {
  return formBody([
    ['oauth_token', token],
    ['oauth_token_secret', secret],
    ['oauth_expires_in', ACCESS_TOKEN_EXPIRES_IN],
    ['oauth_session_handle', sessionHandle],
    ['oauth_authorization_expires_in', AUTHORIZATION_EXPIRES_IN],
  ])
}

function isAbsoluteHttpUrl(s: string): boolean {
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

/** TokenLoaderImpl's checks before the user may decide; the problem name, or the token. */
export function loadPendingRequestToken(state: SimulatorState, token: string | undefined): RequestToken | string {
  const t = token ? state.tokens.get(token) : undefined
  if (t?.kind !== 'request') return 'token_rejected'
  if (t.decision !== 'pending') return 'token_used'
  if (state.isExpired(t)) return 'token_expired'
  return t
}

export interface Approval {
  verifier: string
  redirectUrl?: string
}

export function approveRequestToken(state: SimulatorState, t: RequestToken, userName: string): Approval {
  state.requireUser(userName)
  t.decision = 'approved'
  t.user = userName
  t.verifier = randomAlphanumeric(VERIFIER_LENGTH)
  if (t.callback === undefined || t.callback === 'oob') return { verifier: t.verifier }
  const sep = t.callback.includes('?') ? '&' : '?'
  return {
    verifier: t.verifier,
    redirectUrl: `${t.callback}${sep}oauth_token=${enc(t.token)}&oauth_verifier=${enc(t.verifier)}`,
  }
}

function authorizeError(problem: string): SimResponse {
  return html(400, 'OAuth error', `<h1>OAuth error</h1><p id="oauth-problem">${escapeHtml(problem)}</p>`, {
    'X-Simulator-OAuth-Problem': problem,
  })
}

function authorizePage(state: SimulatorState, req: SimRequest): SimResponse {
  const t = loadPendingRequestToken(state, req.query.get('oauth_token') ?? undefined)
  if (typeof t === 'string') return authorizeError(t)
  const consumer = state.consumers.get(t.consumerKey)
  const action = escapeHtml(new URL(state.publicBaseUrl).pathname.replace(/\/$/, '') + SERVLET + 'authorize')
  return html(
    200,
    'Welcome to Jira',
    `<h1>${escapeHtml(consumer?.name ?? t.consumerKey)} would like to access your Jira account</h1>
<form method="post" action="${action}">
<input type="hidden" name="oauth_token" value="${escapeHtml(t.token)}">
<button type="submit" name="approve" value="Allow">Allow</button>
<button type="submit" name="approve" value="Deny">Deny</button>
</form>`,
  )
}

function authorizeSubmit(state: SimulatorState, req: SimRequest): SimResponse {
  const form = new URLSearchParams(isFormEncoded(req.headers) ? req.body : '')
  const token = form.get('oauth_token') ?? req.query.get('oauth_token') ?? undefined
  const t = loadPendingRequestToken(state, token)
  if (typeof t === 'string') return authorizeError(t)
  const decision = form.get('approve') ?? req.query.get('approve')
  if (decision !== 'Allow') {
    t.decision = 'denied'
    t.user = DEFAULT_USER
    return html(200, 'Access denied', '<h1>Access denied</h1><p>You have denied access to your Jira account.</p>')
  }
  const a = approveRequestToken(state, t, DEFAULT_USER)
  if (a.redirectUrl) return { status: 302, headers: { Location: a.redirectUrl }, body: '' }
  return html(
    200,
    'Access approved',
    `<h1>Access approved</h1><p>Your verification code is '<span id="oauth-verifier">${a.verifier}</span>'.</p>`,
    { 'X-Simulator-Verifier': a.verifier },
  )
}
