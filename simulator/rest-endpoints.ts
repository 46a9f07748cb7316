import { jiraError, json, mediaType, parseJsonBody, type SimRequest, type SimResponse } from './http-util.js'
import { collectParams, firstOf } from './oauth-params.js'
import { problemResponse } from './oauth-problem.js'
import { verifySignedRequest } from './oauth-verifier.js'
import { authenticateLogin } from './login-auth.js'
import type { SimulatorState, User } from './state.js'
import { userJson } from './rest-render.js'
import { getIssue, getTransitions, postTransition } from './rest-issue.js'
import { addComment, deleteComment, getComment, listComments, updateComment } from './rest-comments.js'
import {
  deleteRemoteLink,
  deleteRemoteLinkById,
  getRemoteLinkById,
  listRemoteLinks,
  putRemoteLink,
  upsertRemoteLink,
} from './rest-remote-links.js'
import { searchGet, searchPost } from './rest-search.js'
import { editIssue } from './rest-issue-edit.js'
import { createVersion, getVersion, listProjectVersions, updateVersion } from './rest-versions.js'

export interface RestContext {
  state: SimulatorState
  req: SimRequest
  /** Authenticated user; routes with anonymous: true may see undefined. */
  user: User
  /** Decoded path captures. */
  params: string[]
  /** Parsed JSON body (undefined when empty). */
  body: unknown
}

interface Route {
  method: string
  pattern: RegExp
  handler: (ctx: RestContext) => SimResponse
  anonymous?: boolean
}

const SEG = '([^/]+)'
const route = (method: string, path: string, handler: Route['handler'], anonymous = false): Route => ({
  method,
  pattern: new RegExp(`^${path.replace(/\{\w+\}/g, SEG)}$`),
  handler,
  anonymous,
})

const ROUTES: Route[] = [
  route('GET', '/myself', (c) => json(200, userJson(c.state, c.user, true))),
  route('GET', '/serverInfo', (c) => json(200, serverInfo(c.state)), true),
  route('GET', '/issue/{key}', getIssue),
  route('PUT', '/issue/{key}', editIssue),
  route('GET', '/issue/{key}/transitions', getTransitions),
  route('POST', '/issue/{key}/transitions', postTransition),
  route('GET', '/issue/{key}/comment', listComments),
  route('POST', '/issue/{key}/comment', addComment),
  route('GET', '/issue/{key}/comment/{id}', getComment),
  route('PUT', '/issue/{key}/comment/{id}', updateComment),
  route('DELETE', '/issue/{key}/comment/{id}', deleteComment),
  route('GET', '/issue/{key}/remotelink', listRemoteLinks),
  route('POST', '/issue/{key}/remotelink', upsertRemoteLink),
  route('DELETE', '/issue/{key}/remotelink', deleteRemoteLink),
  route('GET', '/issue/{key}/remotelink/{id}', getRemoteLinkById),
  route('PUT', '/issue/{key}/remotelink/{id}', putRemoteLink),
  route('DELETE', '/issue/{key}/remotelink/{id}', deleteRemoteLinkById),
  route('GET', '/search', anonymousSearch(searchGet), true),
  route('POST', '/search', anonymousSearch(searchPost), true),
  route('GET', '/project/{key}/versions', listProjectVersions),
  route('POST', '/version', createVersion),
  route('GET', '/version/{id}', getVersion),
  route('PUT', '/version/{id}', updateVersion),
]

/**
 * An anonymous search is not refused: it answers 200 with no issues (what an unresolved personal
 * access token gets too), so an empty result never proves the issues are gone.
 */
function anonymousSearch(handler: Route['handler']): Route['handler'] {
  return (c) =>
    (c.user as User | undefined) ? handler(c) : json(200, { startAt: 0, maxResults: 50, total: 0, issues: [] })
}

const NOT_AUTHENTICATED = 'You are not authenticated. Authentication required to perform this operation.'
const REST_PREFIX = /^\/rest\/api\/(?:2|latest)(\/.*)?$/

/** REST v2 under the context path; undefined when the path is not a REST API path. */
export function handleRest(state: SimulatorState, req: SimRequest): SimResponse | undefined {
  const m = REST_PREFIX.exec(req.subPath)
  if (!m) return undefined
  const auth = authenticate(state, req)
  if ('status' in auth) return auth
  const res = dispatch(state, req, m[1] ?? '/', auth.user)
  res.headers['X-AUSERNAME'] = auth.user?.name ?? 'anonymous'
  res.user = auth.user?.name
  return res
}

/**
 * Jira's OAuth filter runs before routing: a request carrying OAuth is verified (and fails with
 * an OAuth problem) even on an unknown path; a request without OAuth is anonymous.
 */
function authenticate(state: SimulatorState, req: SimRequest): SimResponse | { user?: User } {
  const login = authenticateLogin(state, req)
  if (login) return login
  const { all, hasOAuth } = collectParams(req)
  if (!hasOAuth) return {}
  const v = verifySignedRequest(state, req, all, (token, consumer) => {
    if (token === undefined) return undefined // 2-legged: decided after the signature
    const t = state.tokens.get(token)
    if (t?.kind !== 'access' || t.consumerKey !== consumer.key) return { problem: 'token_rejected' }
    if (state.isExpired(t)) return { problem: 'token_expired' }
    return undefined
  })
  const denied = (): SimResponse => problemResponse({ problem: 'permission_denied' }, state.publicBaseUrl)
  if (!v.ok) return problemResponse(v.problem, state.publicBaseUrl)
  if (v.token) {
    const t = state.tokens.get(v.token)
    const user = t?.kind === 'access' ? state.users.get(t.user) : undefined
    return user ? { user } : denied()
  }
  // 2-legged OAuth impersonates xoauth_requestor_id, only when the link allows it.
  if (!v.consumer.allow2LO) return denied()
  const requestor = firstOf(all, 'xoauth_requestor_id')
  if (requestor === undefined) return {}
  const user = state.users.get(requestor)
  return user ? { user } : denied()
}

function dispatch(state: SimulatorState, req: SimRequest, path: string, user: User | undefined): SimResponse {
  const candidates = ROUTES.flatMap((r) => {
    const m = r.pattern.exec(path)
    return m ? [{ r, m }] : []
  })
  if (candidates.length === 0) return jiraError(404, [`null for uri: ${state.publicBaseUrl}/rest/api/2${path}`])
  const hit = candidates.find((x) => x.r.method === req.method)
  if (!hit) return jiraError(405, [`Method ${req.method} is not allowed for this resource.`])
  if (!user && !hit.r.anonymous) return jiraError(401, [NOT_AUTHENTICATED])
  let body: unknown
  if (req.method === 'POST' || req.method === 'PUT') {
    // Jersey only consumes JSON on these resources.
    if (req.body.trim() !== '' && mediaType(req.headers) !== 'application/json') {
      return jiraError(415, [
        `Unsupported Media Type: '${mediaType(req.headers) || 'none'}'. Send Content-Type: application/json.`,
      ])
    }
    const parsed = parseJsonBody(req.body)
    if (!parsed.ok) return jiraError(400, [`Unexpected character in the JSON body: ${parsed.message}`])
    body = parsed.value
  }
  const params = hit.m.slice(1).map((s) => safeDecode(s))
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- only anonymous routes run without a user; they do not read it
  return hit.r.handler({ state, req, user: user!, params, body })
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function serverInfo(state: SimulatorState): Record<string, unknown> {
  return {
    baseUrl: state.publicBaseUrl,
    version: '9.12.0',
    versionNumbers: [9, 12, 0],
    deploymentType: 'Server',
    buildNumber: 9120000,
    serverTitle: 'Jira Simulator',
    serverTime: new Date(state.now()).toISOString().replace('Z', '+0000'),
  }
}
