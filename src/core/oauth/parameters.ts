import { formDecode, percentEncode } from './percent-encode.js'

/** One request parameter, decoded. Repeats are kept: order and multiplicity both matter. */
export type Parameter = readonly [name: string, value: string]

/**
 * Splits an application/x-www-form-urlencoded string (a URL query or a form body) into decoded
 * pairs. RFC 5849 section 3.4.1.3.1: a name without "=" has an empty value.
 */
export function parseFormEncoded(text: string): Parameter[] {
  if (text === '') return []
  return text
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=')
      return eq === -1
        ? ([formDecode(part), ''] as const)
        : ([formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1))] as const)
    })
}

/** Serializes pairs as a query string or form body with the same encoding the signature uses. */
export function formEncode(params: readonly Parameter[]): string {
  return params.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&')
}

export interface ParameterSources {
  /** The request URL; its query component is a parameter source. */
  readonly url: string
  /** Protocol parameters (oauth_*), without oauth_signature. */
  readonly oauthParams: Readonly<Record<string, string>>
  /** The entity-body, only when it is application/x-www-form-urlencoded. Never a JSON body. */
  readonly formBody?: string
}

/**
 * RFC 5849 section 3.4.1.3.1 "Parameter Sources": the query component, the Authorization header's
 * protocol parameters (excluding "realm") and a form-encoded body. "oauth_signature" is excluded.
 */
export function collectParameters(sources: ParameterSources): Parameter[] {
  const query = new URL(sources.url).search.replace(/^\?/, '')
  const params: Parameter[] = [...parseFormEncoded(query)]
  for (const [name, value] of Object.entries(sources.oauthParams)) {
    if (name === 'realm' || name === 'oauth_signature') continue
    params.push([name, value])
  }
  if (sources.formBody !== undefined) params.push(...parseFormEncoded(sources.formBody))
  // Section 3.4.1.3.1: "oauth_signature" MUST be excluded whatever its source (query or body too).
  return params.filter(([name]) => name !== 'oauth_signature')
}

function compareBytes(a: string, b: string): number {
  // Encoded strings are ASCII, so UTF-16 code unit order is byte order.
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * RFC 5849 section 3.4.1.3.2 "Parameters Normalization": encode names and values, sort by
 * encoded name then encoded value (byte order), join name=value pairs with "&".
 */
export function normalizeParameters(params: readonly Parameter[]): string {
  return params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort((a, b) => compareBytes(a[0], b[0]) || compareBytes(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}
