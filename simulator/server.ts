import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { FaultQueue, faultResponse } from './faults.js'
import { RequestGatherer } from './gather.js'
import { jiraError, readBody, sleep, type SimRequest, type SimResponse } from './http-util.js'
import { approveRequestToken, handleOAuthServlet, loadPendingRequestToken } from './oauth-endpoints.js'
import { handleRest } from './rest-endpoints.js'
import { ACCESS_TOKEN_TTL_MS, DEFAULT_USER, REQUEST_TOKEN_TTL_MS, SimulatorState } from './state.js'
import type { Fault, JiraSimulator, RecordedRequest, SimulatorOptions } from './types.js'

function normalizeContextPath(p: string): string {
  const trimmed = p.replace(/\/+$/, '')
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

function route(state: SimulatorState, req: SimRequest): SimResponse {
  try {
    return handleOAuthServlet(state, req) ?? handleRest(state, req) ?? jiraError(404, [`Not found: ${req.rawPath}`])
  } catch (e) {
    return jiraError(500, [`Simulator error: ${(e as Error).stack ?? String(e)}`])
  }
}

export async function startJiraSimulator(opts: SimulatorOptions = {}): Promise<JiraSimulator> {
  const contextPath = normalizeContextPath(opts.contextPath ?? '/jira')
  const faults = new FaultQueue()
  const gatherer = new RequestGatherer()
  const requests: RecordedRequest[] = []

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = performance.now()
    const body = await readBody(req)
    const method = (req.method ?? 'GET').toUpperCase()
    const url = req.url ?? '/'
    const qi = url.indexOf('?')
    const rawPath = qi >= 0 ? url.slice(0, qi) : url
    const rawQuery = qi >= 0 ? url.slice(qi + 1) : ''
    const inContext = contextPath === '' || rawPath === contextPath || rawPath.startsWith(`${contextPath}/`)
    const subPath = inContext ? rawPath.slice(contextPath.length) || '/' : rawPath
    const query = new URLSearchParams(rawQuery)
    const record: RecordedRequest = {
      method,
      path: rawPath,
      query: [...query],
      headers: { ...req.headers },
      body,
      status: 0,
      receivedAt,
    }
    requests.push(record)

    await gatherer.arrive(method, subPath)
    const plan = faults.take(method, subPath)
    const delay = st.latencyMs + plan.extraLatencyMs
    if (plan.extraLatencyMs > 0) record.fault = 'latency'
    const action = plan.action
    if (action) record.fault = action.kind
    if (action?.kind === 'reset') {
      // A network failure before the server acted: nothing changes, no response is written.
      await sleep(delay)
      req.socket.destroy()
      opts.onRequest?.(record)
      return
    }
    let response: SimResponse
    if (action && !action.afterHandler) {
      response = faultResponse(action, req.headers)
    } else {
      const simReq: SimRequest = { method, rawPath, subPath, rawQuery, query, headers: req.headers, body }
      response = inContext ? route(st, simReq) : jiraError(404, [`Not found: ${rawPath}`])
      if (action) {
        // Ambiguous failure: the change happened but the client sees an error.
        const real = response
        response = faultResponse(action, req.headers)
        response.user = real.user
      }
    }
    await sleep(delay)
    record.status = response.status
    record.oauthProblem = response.oauthProblem
    record.user = response.user
    if (res.destroyed) {
      opts.onRequest?.(record)
      return
    }
    res.statusCode = response.status
    // Jira stamps responses with its own (possibly skewed) clock.
    res.setHeader('Date', new Date(st.now()).toUTCString())
    for (const [k, v] of Object.entries(response.headers)) res.setHeader(k, v)
    res.setHeader('Content-Length', Buffer.byteLength(response.body))
    res.end(response.body)
    record.answeredAt = performance.now()
    opts.onRequest?.(record)
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    onRequest(req, res).catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.statusCode = 500
        res.end(String(e))
      }
    })
  }
  const server: Server = opts.tls
    ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, handler)
    : createHttpServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // Never bind to anything but loopback.
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const baseUrl = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}${contextPath}`
  const publicBaseUrl = (opts.publicBaseUrl ?? baseUrl).replace(/\/+$/, '')
  const st = new SimulatorState(baseUrl, publicBaseUrl, opts.clockOffsetSeconds ?? 0, opts.latencyMs ?? 0)

  const pendingToken = (token: string, action: string) => {
    const t = loadPendingRequestToken(st, token)
    if (typeof t === 'string') throw new Error(`Cannot ${action} request token ${token}: ${t}`)
    return t
  }

  return {
    baseUrl,
    publicBaseUrl,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => {
          if (e) reject(e)
          else resolve()
        })
        server.closeAllConnections()
      }),
    addConsumer: (c) => {
      st.addConsumer(c)
    },
    addUser: (u) => {
      st.addUser(u)
    },
    issueAccessToken(consumerKey, userName = DEFAULT_USER, o = {}) {
      if (!st.consumers.has(consumerKey)) throw new Error(`Unknown consumer '${consumerKey}'`)
      st.requireUser(userName)
      const createdAt = o.expired ? st.now() - ACCESS_TOKEN_TTL_MS - 1000 : undefined
      const t = st.createAccessToken(consumerKey, userName, { token: o.token, createdAt })
      return { token: t.token, secret: t.secret }
    },
    revokeToken: (token) => void st.tokens.delete(token),
    approve: (requestToken, userName = DEFAULT_USER) =>
      approveRequestToken(st, pendingToken(requestToken, 'approve'), userName),
    deny(requestToken) {
      const t = pendingToken(requestToken, 'deny')
      t.decision = 'denied'
      t.user = DEFAULT_USER
    },
    expireRequestToken(requestToken) {
      const t = st.tokens.get(requestToken)
      if (t?.kind !== 'request') throw new Error(`Unknown request token ${requestToken}`)
      t.createdAt = st.now() - REQUEST_TOKEN_TTL_MS - 1000
    },
    addIssue: (i) => void st.addIssue(i),
    issue(key) {
      const i = st.findIssue(key)
      return i ? structuredClone(i) : undefined
    },
    configureProject: (p) =>
      void st.projectSettings.set(p.key.toUpperCase(), {
        administrators: p.administrators,
        fieldsNotOnEditScreen: p.fieldsNotOnEditScreen,
      }),
    addVersion: (v) =>
      structuredClone(
        st.addVersion({
          ...v,
          project: v.project.toUpperCase(),
          released: v.released ?? false,
          archived: v.archived ?? false,
        }),
      ),
    versions: (project) =>
      [...st.versions.values()].filter((v) => v.project === project.toUpperCase()).map((v) => structuredClone(v)),
    raceVersionCreation: (project, name) => {
      st.armVersionRace(project.toUpperCase(), name)
    },
    configureSearch: (o) => {
      if (o.commentCap !== undefined) st.search.commentCap = o.commentCap
      if (o.expandTransitions !== undefined) st.search.expandTransitions = o.expandTransitions
      if (o.staleIndex === false) delete st.search.stale
      else if (o.staleIndex)
        st.search.stale = new Map(
          [...st.issues.values()].map((i) => [i.key, { status: i.status, comments: structuredClone(i.comments) }]),
        )
    },
    gatherRequests: (g) => {
      gatherer.add(g)
    },
    setClockOffset: (seconds) => void (st.clockOffsetMs = seconds * 1000),
    setLatency: (ms) => void (st.latencyMs = ms),
    injectFault: (f: Fault) => {
      faults.add(f)
    },
    resetLog: () => void requests.splice(0, requests.length),
  }
}
