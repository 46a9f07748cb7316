import { headerValue, isFormEncoded, type SimRequest } from './http-util.js'

export type Pair = [string, string]

/**
 * net.oauth's decodePercent uses java.net.URLDecoder ("flexible decoding"), so a '+' in a
 * header value becomes a space, exactly like a form value. A client that leaves '+' of a base64
 * signature unencoded therefore fails on Jira too.
 */
function flexibleDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

/** Parameters of an `Authorization: OAuth …` header (realm excluded); undefined for other schemes. */
export function parseOAuthHeader(value: string | undefined): Pair[] | undefined {
  if (!value) return undefined
  const m = /^\s*(\S+)\s*(.*)$/s.exec(value)
  const [, scheme = '', rest = ''] = m ?? []
  if (scheme.toLowerCase() !== 'oauth') return undefined
  const pairs: Pair[] = []
  for (const [, rawName = '', rawValue = ''] of rest.matchAll(/([^\s=,]+)\s*=\s*"([^"]*)"/g)) {
    const name = flexibleDecode(rawName)
    if (name.toLowerCase() === 'realm') continue
    pairs.push([name, flexibleDecode(rawValue)])
  }
  return pairs
}

export interface CollectedParams {
  /** All request parameters as Jira's servlet sees them: query, Authorization header, form body. */
  all: Pair[]
  /** True when the request carries OAuth (an OAuth header or any oauth_* parameter). */
  hasOAuth: boolean
}

export function collectParams(req: SimRequest): CollectedParams {
  const header = parseOAuthHeader(headerValue(req.headers, 'authorization'))
  const all: Pair[] = [...req.query]
  if (header) all.push(...header)
  // Only a form body is a servlet parameter source; JSON bodies are never signed.
  if (isFormEncoded(req.headers) && req.body) all.push(...new URLSearchParams(req.body))
  return { all, hasOAuth: header !== undefined || all.some(([k]) => k.startsWith('oauth_')) }
}

export function valuesOf(params: readonly Pair[], name: string): string[] {
  return params.filter(([k]) => k === name).map(([, v]) => v)
}

export function firstOf(params: readonly Pair[], name: string): string | undefined {
  return params.find(([k]) => k === name)?.[1]
}
