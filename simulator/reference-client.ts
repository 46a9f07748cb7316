// An independent OAuth 1.0a RSA-SHA1 client (oauth-sign + a tiny header builder) for testing the
// simulator itself and for scripts. It deliberately shares nothing with the project's src/.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { randomBytes } from 'node:crypto'
import oauthSign from 'oauth-sign'

export interface ReferenceRequest {
  method: string
  /** Full URL, query already encoded as it should go on the wire. */
  url: string
  consumerKey: string
  privateKeyPem: string
  token?: string
  /** Extra or overriding oauth_* parameters (oauth_callback, oauth_verifier, oauth_timestamp, ...). */
  oauth?: Record<string, string>
  /** oauth_* parameters to leave out (e.g. to provoke parameter_absent). */
  omitOAuth?: string[]
  body?: string
  contentType?: string
  headers?: Record<string, string>
  /** CA certificate(s) to trust for https. */
  ca?: string
  /** URL whose origin + path goes into the base string (default: url), to simulate a proxy mismatch. */
  signUrl?: string
}

export interface ReferenceResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

const enc = oauthSign.rfc3986

export function signRequest(r: ReferenceRequest): { authorization: string; baseString: string } {
  const oauth: Record<string, string> = {
    oauth_consumer_key: r.consumerKey,
    oauth_nonce: randomBytes(16).toString('hex'),
    oauth_signature_method: 'RSA-SHA1',
    oauth_timestamp: String(Math.floor(Date.now() / 1000)),
    oauth_version: '1.0',
    ...(r.token ? { oauth_token: r.token } : {}),
    ...r.oauth,
  }
  for (const k of r.omitOAuth ?? []) Reflect.deleteProperty(oauth, k)
  const url = new URL(r.url)
  const params: Record<string, string[]> = Object.create(null) as Record<string, string[]>
  const add = (k: string, v: string): void => void (params[k] ??= []).push(v)
  for (const [k, v] of Object.entries(oauth)) add(k, v)
  for (const [k, v] of url.searchParams) add(k, v)
  if (r.body && /^application\/x-www-form-urlencoded/i.test(r.contentType ?? '')) {
    for (const [k, v] of new URLSearchParams(r.body)) add(k, v)
  }
  const signUrl = new URL(r.signUrl ?? r.url)
  const baseUri = `${signUrl.origin}${signUrl.pathname}`
  const baseString = oauthSign.generateBase(r.method, baseUri, params)
  const signature = oauthSign.rsasign(r.method, baseUri, params, r.privateKeyPem)
  const signed = r.omitOAuth?.includes('oauth_signature') ? oauth : { ...oauth, oauth_signature: signature }
  const header = Object.entries(signed)
    .map(([k, v]) => `${enc(k)}="${enc(v)}"`)
    .join(', ')
  return { authorization: `OAuth ${header}`, baseString }
}

/** Plain HTTP(S) request on a fresh connection; no OAuth unless `authorization` is given. */
export function rawRequest(
  method: string,
  url: string,
  opts: { headers?: Record<string, string>; body?: string; ca?: string } = {},
): Promise<ReferenceResponse> {
  const u = new URL(url)
  const requestFn = u.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = requestFn(
      u,
      {
        method,
        headers: {
          ...opts.headers,
          ...(opts.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(opts.body)) } : {}),
        },
        agent: false,
        ca: opts.ca,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

export function referenceRequest(r: ReferenceRequest): Promise<ReferenceResponse> {
  const { authorization } = signRequest(r)
  return rawRequest(r.method, r.url, {
    headers: {
      ...(r.contentType ? { 'Content-Type': r.contentType } : {}),
      ...r.headers,
      Authorization: authorization,
    },
    body: r.body,
    ca: r.ca,
  })
}

/** Decode a form-encoded body (token responses, OAuth problems). */
export function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body))
}
