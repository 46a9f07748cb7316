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
    /** The proxy the request went through (HTTPS_PROXY, HTTP_PROXY...), credentials removed. */
    readonly proxy?: ProxyInUse,
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

const agents = new Map<string, Promise<Agent>>()

export interface ProxyInUse {
  /** The environment variable it came from, as proxy-from-env reads them. */
  readonly variable: string
  /** Its URL without user name or password. */
  readonly url: string
}

function withoutCredentials(proxy: string): string {
  try {
    const parsed = new URL(proxy.includes('://') ? proxy : `http://${proxy}`)
    parsed.username = ''
    parsed.password = ''
    return parsed.href.replace(/\/$/, '')
  } catch {
    return proxy.replace(/\/\/[^@/]*@/, '//')
  }
}

/** Which variable proxy-from-env took `proxy` from for `url` (its order: npm_config_*, lower, upper case). */
export function proxyInUse(url: URL, env: NodeJS.ProcessEnv = process.env): ProxyInUse | undefined {
  const proxy = getProxyForUrl(url.href)
  if (!proxy) return undefined
  const scheme = url.protocol.replace(/:$/, '')
  const names = [`npm_config_${scheme}_proxy`, `${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`]
  const variable =
    [...names, 'npm_config_proxy', 'all_proxy', 'ALL_PROXY'].find((name) => env[name]) ??
    `${scheme.toUpperCase()}_PROXY`
  return { variable, url: withoutCredentials(proxy) }
}

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

/**
 * OpenSSL's "wrong version number" (the other end answered TLS with plain text: an HTTP port) comes
 * as a bare EPROTO; it gets the code Node uses for it elsewhere, so retries and diagnosis know it.
 */
function tlsCode(code: string, message: string): string {
  return code === 'EPROTO' && /wrong version number/i.test(message) ? 'ERR_SSL_WRONG_VERSION_NUMBER' : code
}

/** A TLS handshake that failed: the request is sent only after it, so nothing reached Jira. */
export function isTlsHandshakeFailure(code: string): boolean {
  return /^(ERR_SSL_|ERR_TLS_CERT|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_)/.test(code)
}

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
    const message = error instanceof Error ? error.message : String(error)
    const code = tlsCode(errorCode(error), message)
    const beforeSending = CONNECT_CODES.has(code) || isTlsHandshakeFailure(code)
    throw new TransportError(message, code, !gotHeaders && beforeSending ? 'connect' : 'response', proxyInUse(url))
  } finally {
    clearTimeout(timer)
  }
}
