// Property tests against an independent implementation, oauth-sign 0.9.0 (the signer of the
// `request` library): random requests must give the same base string and RSA-SHA1 signature.
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { signatureBaseString } from '../../../src/core/oauth/base-string.js'
import { collectParameters, formEncode, parseFormEncoded, type Parameter } from '../../../src/core/oauth/parameters.js'
import { formDecode, percentEncode } from '../../../src/core/oauth/percent-encode.js'
import { signRsaSha1 } from '../../../src/core/oauth/rsa-sha1.js'
import { parsePrivateKey } from '../../../src/core/keys/private-key.js'
import { readKey } from './fixtures.js'
// CommonJS without types; declared in simulator/oauth-sign.d.ts.
import oauthSign, { type OAuthSignParams } from 'oauth-sign'

const RUNS = { numRuns: 200 }
const PEM = readKey('wiki-testcases.pem')
const KEY = parsePrivateKey(PEM, undefined, 'fixture key', 'fixture passphrase').key

// Strings without lone surrogates: any code point, or a mix rich in the characters that matter.
const tricky = fc.constantFrom(
  '!',
  "'",
  '(',
  ')',
  '*',
  '+',
  '%',
  '&',
  '=',
  '~',
  ' ',
  '%20',
  '%2B',
  'a',
  'Z',
  '0',
  '-',
  '.',
  '_',
  'é',
  '☃',
  '😀',
  '/',
  '?',
  '#',
  ',',
  ';',
  '"',
)
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: tricky, maxLength: 10 }),
)
const name = fc
  .oneof(fc.constantFrom('a', 'A', 'b', 'a b', 'x!y', 'é', ''), text)
  .filter((n) => n !== 'oauth_signature')
const pairs = fc.array(fc.tuple(name, text), { maxLength: 6 })

/** Independent form encoders: ours, URLSearchParams ("+" for space, "*" raw) and lower-case hex. */
const encoder = fc.constantFrom<(p: readonly Parameter[]) => string>(
  (p) => formEncode(p),
  (p) => new URLSearchParams(p.map(([n, v]): [string, string] => [n, v])).toString(),
  (p) =>
    p
      .map(([n, v]) =>
        `${encodeURIComponent(n)}=${encodeURIComponent(v)}`.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
      )
      .join('&'),
)

const segment = fc
  .tuple(text, fc.boolean())
  .map(([s, lower]) => {
    const encoded = encodeURIComponent(s)
    return lower ? encoded.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()) : encoded
  })
  .filter((s) => s !== '.' && s !== '..')

const request = fc.record({
  method: fc.oneof(
    fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'get', 'Post'),
    fc.stringMatching(/^[A-Za-z]{1,8}$/),
  ),
  scheme: fc.constantFrom('http', 'https', 'HTTPS'),
  host: fc.constantFrom('example.com', 'Jira.Example.NET', 'localhost', '127.0.0.1'),
  port: fc.option(fc.oneof(fc.constantFrom(80, 443, 8080, 8443), fc.integer({ min: 1, max: 65535 })), {
    nil: undefined,
  }),
  segments: fc.array(segment, { maxLength: 4 }),
  query: pairs,
  queryEncoder: encoder,
  body: fc.option(pairs, { nil: undefined }),
  bodyEncoder: encoder,
  oauth: fc.record(
    {
      oauth_consumer_key: text,
      oauth_token: text,
      oauth_nonce: fc.stringMatching(/^[A-Za-z0-9]{32}$/),
      oauth_timestamp: fc.integer({ min: 0, max: 2 ** 31 }).map(String),
      oauth_callback: text,
      oauth_verifier: text,
    },
    { requiredKeys: ['oauth_consumer_key', 'oauth_nonce', 'oauth_timestamp'] },
  ),
})

type Request = typeof request extends fc.Arbitrary<infer T> ? T : never

function build(r: Request) {
  const scheme = r.scheme.toLowerCase()
  const defaultPort = scheme === 'http' ? 80 : 443
  const path = `/${r.segments.join('/')}`
  const query = r.queryEncoder(r.query)
  const url = `${r.scheme}://${r.host}${r.port !== undefined ? `:${r.port}` : ''}${path}${query ? `?${query}` : ''}`
  // The base string URI by hand (RFC 5849 section 3.4.1.2), not through our baseStringUri.
  const baseUri = `${scheme}://${r.host.toLowerCase()}${r.port !== undefined && r.port !== defaultPort ? `:${r.port}` : ''}${path}`
  const oauthParams = {
    oauth_signature_method: 'RSA-SHA1',
    oauth_version: '1.0',
    ...(r.oauth as Record<string, string>),
  }
  const formBody = r.body !== undefined ? r.bodyEncoder(r.body) : undefined
  // oauth-sign takes decoded values, an array for a repeated name.
  const decoded: OAuthSignParams = Object.create(null) as OAuthSignParams
  for (const [n, v] of [...r.query, ...Object.entries(oauthParams), ...(r.body ?? [])]) {
    const previous = decoded[n]
    decoded[n] = previous === undefined ? v : [...(Array.isArray(previous) ? previous : [previous]), v]
  }
  return { url, baseUri, oauthParams, formBody, decoded }
}

describe('against oauth-sign', () => {
  test('signatureBaseString equals generateBase', () => {
    fc.assert(
      fc.property(request, (r) => {
        const { url, baseUri, oauthParams, formBody, decoded } = build(r)
        const params = collectParameters({ url, oauthParams, formBody })
        expect(signatureBaseString(r.method, url, params)).toBe(oauthSign.generateBase(r.method, baseUri, decoded))
      }),
      RUNS,
    )
  })

  test('signRsaSha1 equals rsasign', () => {
    fc.assert(
      fc.property(request, (r) => {
        const { url, baseUri, oauthParams, formBody, decoded } = build(r)
        const base = signatureBaseString(r.method, url, collectParameters({ url, oauthParams, formBody }))
        expect(signRsaSha1(base, KEY)).toBe(oauthSign.rsasign(r.method, baseUri, decoded, PEM, 'token secret ignored'))
      }),
      RUNS,
    )
  })
})

/** RFC 5849 section 3.6 written out over UTF-8 bytes, independent of encodeURIComponent. */
function referenceEncode(value: string): string {
  let out = ''
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte)
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

describe('percent encoding', () => {
  test('percentEncode matches the byte-wise rule and uses only unreserved characters and upper-case %XX', () => {
    fc.assert(
      fc.property(text, (s) => {
        const encoded = percentEncode(s)
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/)
        expect(encoded).toBe(referenceEncode(s))
      }),
      RUNS,
    )
  })

  test('formDecode(percentEncode(s)) === s', () => {
    fc.assert(
      fc.property(text, (s) => formDecode(percentEncode(s)) === s),
      RUNS,
    )
  })

  test('formDecode undoes URLSearchParams encoding ("+" is a space)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const encoded = new URLSearchParams([['k', s]]).toString().slice(2)
        expect(formDecode(encoded)).toBe(s)
      }),
      RUNS,
    )
  })

  test('a name without "=" is decoded and gets an empty value', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), (names) => {
        const text = names
          .map((n) => percentEncode(n))
          .filter((n) => n !== '')
          .join('&')
        expect(parseFormEncoded(text)).toEqual(names.filter((n) => n !== '').map((n) => [n, '']))
      }),
      RUNS,
    )
  })

  test('parseFormEncoded(formEncode(pairs)) gives the pairs back, order and repeats kept', () => {
    fc.assert(
      fc.property(pairs, (p) => {
        expect(parseFormEncoded(formEncode(p))).toEqual(p)
      }),
      RUNS,
    )
  })
})
