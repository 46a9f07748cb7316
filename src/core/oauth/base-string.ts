import { percentEncode } from './percent-encode.js'
import { normalizeParameters, type Parameter } from './parameters.js'

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' }

/**
 * RFC 5849 section 3.4.1.2 "Base String URI": scheme and host lower-case, the port only when it
 * is not the scheme's default, the path as sent (an empty path is "/"), no query, no fragment.
 * The WHATWG URL parser already lower-cases scheme and host and drops a default port; the
 * explicit checks keep the rule visible and independent of that.
 */
export function baseStringUri(url: string): string {
  const parsed = new URL(url)
  const scheme = parsed.protocol.toLowerCase()
  const host = parsed.hostname.toLowerCase()
  const port = parsed.port && parsed.port !== DEFAULT_PORTS[scheme] ? `:${parsed.port}` : ''
  const path = parsed.pathname === '' ? '/' : parsed.pathname
  return `${scheme}//${host}${port}${path}`
}

/**
 * RFC 5849 section 3.4.1.1 "String Construction": the upper-case method, the encoded base
 * string URI and the encoded normalized parameters, joined by "&".
 */
export function signatureBaseString(method: string, url: string, params: readonly Parameter[]): string {
  return [
    percentEncode(method.toUpperCase()),
    percentEncode(baseStringUri(url)),
    percentEncode(normalizeParameters(params)),
  ].join('&')
}
