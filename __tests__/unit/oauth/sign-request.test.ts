import { describe, expect, test } from '@jest/globals'
import { createPublicKey } from 'node:crypto'
import { authorizationHeader } from '../../../src/core/oauth/authorization-header.js'
import { signatureBaseString } from '../../../src/core/oauth/base-string.js'
import { generateNonce } from '../../../src/core/oauth/nonce.js'
import { parseOAuthChallenge } from '../../../src/core/oauth/oauth-problem.js'
import { collectParameters } from '../../../src/core/oauth/parameters.js'
import { verifyRsaSha1 } from '../../../src/core/oauth/rsa-sha1.js'
import { signRequest, type SignRequestInput } from '../../../src/core/oauth/sign-request.js'
import { parsePrivateKey } from '../../../src/core/keys/private-key.js'
import { readKey } from './fixtures.js'

const privateKey = parsePrivateKey(readKey('wiki-testcases.pem'), undefined, 'fixture key', 'fixture passphrase').key
const publicKey = createPublicKey(readKey('wiki-testcases.pub.pem'))

const URL_WITH_QUERY = 'https://jira.example.com:8443/jira/rest/api/2/search?jql=project+%3D+ABC&fields=summary,status'

function input(overrides: Partial<SignRequestInput> = {}): SignRequestInput {
  return {
    method: 'GET',
    url: URL_WITH_QUERY,
    credentials: { consumerKey: 'jira-oauth-action', privateKey, token: 'S1xg8Ag0q4gMd0HNZWd3fQeDgtdVeCKt' },
    timestamp: 1700000003,
    nonce: 'abcdefghijklmnopqrstuvwxyz012345',
    ...overrides,
  }
}

/** Splits `OAuth a="1", b="2"` into its raw items, without any decoding. */
function rawItems(header: string): string[] {
  expect(header.startsWith('OAuth ')).toBe(true)
  return header.slice('OAuth '.length).split(', ')
}

describe('Authorization header format', () => {
  test('OAuth scheme, name="value" items separated by ", ", values percent-encoded', () => {
    const { authorization } = signRequest(input())
    const items = rawItems(authorization)
    for (const item of items) {
      expect(item).toMatch(/^[A-Za-z0-9_]+="(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*"$/)
    }
    expect(items.map((item) => item.slice(0, item.indexOf('='))).sort()).toEqual([
      'oauth_consumer_key',
      'oauth_nonce',
      'oauth_signature',
      'oauth_signature_method',
      'oauth_timestamp',
      'oauth_token',
      'oauth_version',
    ])
    expect(items).toContain('oauth_signature_method="RSA-SHA1"')
    expect(items).toContain('oauth_version="1.0"')
    expect(items).toContain('oauth_timestamp="1700000003"')
    expect(items).toContain('oauth_nonce="abcdefghijklmnopqrstuvwxyz012345"')
    expect(authorization).not.toMatch(/realm=/)
  })

  test('the signature is percent-encoded in the header (+ / = become %2B %2F %3D) and verifies', () => {
    // Find a nonce whose signature has +, / and = so that the encoding is actually exercised.
    let signed = signRequest(input())
    for (let i = 0; !/[+/]/.test(signed.signature) && i < 50; i++) signed = signRequest(input({ nonce: `n${i}` }))
    expect(signed.signature).toMatch(/[+/]/)
    const item = rawItems(signed.authorization).find((i) => i.startsWith('oauth_signature='))!
    const expectedValue = signed.signature.replace(/\+/g, '%2B').replace(/\//g, '%2F').replace(/=/g, '%3D')
    expect(item).toBe(`oauth_signature="${expectedValue}"`)
    expect(verifyRsaSha1(signed.baseString, signed.signature, publicKey)).toBe(true)
  })

  test('names and values with reserved characters are encoded (RFC 5849 section 3.6)', () => {
    const { authorization } = signRequest(
      input({
        credentials: { consumerKey: "key (test)!*'~ é", privateKey, token: 'a+b/c=' },
      }),
    )
    const items = rawItems(authorization)
    expect(items).toContain('oauth_consumer_key="key%20%28test%29%21%2A%27~%20%C3%A9"')
    expect(items).toContain('oauth_token="a%2Bb%2Fc%3D"')
  })

  test('oauth_token only when a token is given (request-token step)', () => {
    const withToken = signRequest(input())
    const withoutToken = signRequest(input({ credentials: { consumerKey: 'jira-oauth-action', privateKey } }))
    expect(withToken.authorization).toContain('oauth_token="S1xg8Ag0q4gMd0HNZWd3fQeDgtdVeCKt"')
    expect(withToken.baseString).toContain('oauth_token%3DS1xg8Ag0q4gMd0HNZWd3fQeDgtdVeCKt')
    expect(withoutToken.authorization).not.toContain('oauth_token')
    expect(withoutToken.baseString).not.toContain('oauth_token')
  })

  test('oauth_callback and oauth_verifier are sent and signed', () => {
    const callback = 'https://ci.example.com/cb?x=1&y=a b'
    const signed = signRequest(
      input({
        method: 'POST',
        url: 'https://jira.example.com/plugins/servlet/oauth/access-token',
        extraOAuthParams: { oauth_callback: callback, oauth_verifier: 'hfdp7dh39dks9884' },
      }),
    )
    const items = rawItems(signed.authorization)
    expect(items).toContain('oauth_callback="https%3A%2F%2Fci.example.com%2Fcb%3Fx%3D1%26y%3Da%20b"')
    expect(items).toContain('oauth_verifier="hfdp7dh39dks9884"')
    // Encoded once as a parameter, once more in the base string.
    expect(signed.baseString).toContain(
      'oauth_callback%3Dhttps%253A%252F%252Fci.example.com%252Fcb%253Fx%253D1%2526y%253Da%2520b',
    )
    expect(signed.baseString).toContain('oauth_verifier%3Dhfdp7dh39dks9884')
    const other = signRequest(
      input({
        method: 'POST',
        url: 'https://jira.example.com/plugins/servlet/oauth/access-token',
        extraOAuthParams: { oauth_callback: callback, oauth_verifier: 'hfdp7dh39dks9885' },
      }),
    )
    expect(other.signature).not.toBe(signed.signature)
  })

  test('query and form body are signed but not put in the header; no body means nothing from a body', () => {
    const form = signRequest(input({ method: 'POST', formBody: 'c=x+y&d=%E2%98%83' }))
    expect(form.baseString).toContain('c%3Dx%2520y')
    expect(form.baseString).toContain('d%3D%25E2%2598%2583')
    expect(form.baseString).toContain('jql%3Dproject%2520%253D%2520ABC')
    expect(Object.keys(parseOAuthChallenge(form.authorization)).every((name) => name.startsWith('oauth_'))).toBe(true)
    expect(form.authorization).not.toMatch(/jql|fields|summary/)
    const json = signRequest(input({ method: 'POST' }))
    expect(json.baseString).not.toContain('c%3D')
  })
})

describe('authorizationHeader', () => {
  test('realm comes first, quoted, not percent-encoded, and parses back', () => {
    const header = authorizationHeader({ oauth_consumer_key: 'k' }, 'https://jira.example.com/ "x"')
    expect(header).toBe('OAuth realm="https://jira.example.com/ \\"x\\"", oauth_consumer_key="k"')
    expect(parseOAuthChallenge(header)).toEqual({ realm: 'https://jira.example.com/ "x"', oauth_consumer_key: 'k' })
  })
})

describe('nonce', () => {
  test('generateNonce gives 32 alphanumerics by default, other lengths on request', () => {
    expect(generateNonce()).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(generateNonce(16)).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(generateNonce(100)).toMatch(/^[A-Za-z0-9]{100}$/)
  })

  test('nonces are distinct and use the whole alphabet', () => {
    const nonces = Array.from({ length: 2000 }, () => generateNonce())
    expect(new Set(nonces).size).toBe(nonces.length)
    const seen = new Set(nonces.join(''))
    expect(seen.size).toBe(62)
  })

  test('each signed request with a fresh nonce has its own nonce and signature', () => {
    const a = signRequest(input({ nonce: generateNonce() }))
    const b = signRequest(input({ nonce: generateNonce() }))
    const nonceA = parseOAuthChallenge(a.authorization).oauth_nonce
    const nonceB = parseOAuthChallenge(b.authorization).oauth_nonce
    expect(nonceA).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(nonceA).not.toBe(nonceB)
    expect(a.signature).not.toBe(b.signature)
  })
})

describe('round trip: what a server does with the header', () => {
  test.each([
    ['GET with query', input()],
    [
      'POST with form body and callback',
      input({
        method: 'POST',
        formBody: 'a=1&a=%C3%A9&empty=&plus=x+y',
        credentials: { consumerKey: 'ck', privateKey },
        extraOAuthParams: { oauth_callback: 'oob' },
      }),
    ],
    [
      'lower-case method, default port, unicode path',
      input({
        method: 'put',
        url: 'HTTPS://Jira.Example.COM:443/r%C3%A9st/api/2/issue/ABC-1?expand=names,renderedFields',
      }),
    ],
  ])('%s', (_name, request) => {
    const signed = signRequest(request)
    const received = parseOAuthChallenge(signed.authorization)
    // The server collects header params (minus oauth_signature), the query and the form body.
    const params = collectParameters({ url: request.url, oauthParams: received, formBody: request.formBody })
    expect(signatureBaseString(request.method, request.url, params)).toBe(signed.baseString)
    expect(received.oauth_signature).toBe(signed.signature)
    expect(verifyRsaSha1(signed.baseString, received.oauth_signature!, publicKey)).toBe(true)
    expect(signed.baseString.startsWith(`${request.method.toUpperCase()}&https%3A%2F%2Fjira.example.com`)).toBe(true)
  })
})
