import type { Agent } from 'node:http'
import fetch from 'node-fetch'
import { getProxyForUrl } from 'proxy-from-env'

/** One HTTP exchange as the client sees it; headers lower-cased. */
export interface HttpRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  readonly timeoutMs: number
}

export interface HttpResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** The only I/O the Jira client does; tests of the client logic can pass their own. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>

/** A failure before a complete response arrived. `phase` tells whether Jira may have acted. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** 'connect': nothing reached Jira; 'response': the request may have been processed. */
    readonly phase: 'connect' | 'response',
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

const agents = new Map<string, Promise<Agent>>()

/**
 * HTTP(S)_PROXY and NO_PROXY, as proxy-from-env reads them (the same rules curl uses). The proxy
 * agents are loaded only when a proxy applies: most runs have none and must not pay their start-up.
 */
function agentFor(url: URL): Promise<Agent> | undefined {
  const proxy = getProxyForUrl(url.href)
  if (!proxy) return undefined
  const cacheKey = `${url.protocol}${proxy}`
  let agent = agents.get(cacheKey)
  if (!agent) {
    agent =
      url.protocol === 'https:'
        ? import('https-proxy-agent').then((m) => new m.HttpsProxyAgent(proxy, { keepAlive: true }))
        : import('http-proxy-agent').then((m) => new m.HttpProxyAgent(proxy, { keepAlive: true }))
    agents.set(cacheKey, agent)
  }
  return agent
}

// Errors that only happen while connecting: the request never reached the server. A reset is not
// one of them: the server may have read the whole request and acted before the connection broke.
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

function errorCode(error: unknown): string {
  const e = (error ?? {}) as { code?: string; errno?: string; name?: string; cause?: { code?: string } }
  if (e.name === 'AbortError') return 'ETIMEDOUT'
  return e.code ?? e.errno ?? e.cause?.code ?? 'EUNKNOWN'
}

/** The real transport: node-fetch, TLS always verified, redirects handed back to the caller. */
export const nodeFetchTransport: Transport = async (request) => {
  const url = new URL(request.url)
  const agent = await agentFor(url)
  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort()
  }, request.timeoutMs)
  let gotHeaders = false
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      agent,
      signal: controller.signal,
      compress: true,
    })
    gotHeaders = true
    const body = await response.text()
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value
    })
    return { status: response.status, headers, body }
  } catch (error) {
    const code = errorCode(error)
    const phase = !gotHeaders && CONNECT_CODES.has(code) ? 'connect' : 'response'
    const message = error instanceof Error ? error.message : String(error)
    throw new TransportError(message, code, phase)
  } finally {
    clearTimeout(timer)
  }
}
