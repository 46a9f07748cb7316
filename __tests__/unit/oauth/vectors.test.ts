// Known-answer tests from the conformance vectors (__tests__/fixtures/vectors.json: each vector's
// inputs and expected values). Every expected value is published or was
// cross-checked with oauthlib, oauth-sign and openssl; none is derived from this code.
import { describe, expect, test } from '@jest/globals'
import { createHmac, createPublicKey } from 'node:crypto'
import { authorizationHeader } from '../../../src/core/oauth/authorization-header.js'
import { baseStringUri, signatureBaseString } from '../../../src/core/oauth/base-string.js'
import { parseOAuthChallenge } from '../../../src/core/oauth/oauth-problem.js'
import {
  collectParameters,
  normalizeParameters,
  parseFormEncoded,
  type Parameter,
} from '../../../src/core/oauth/parameters.js'
import { formDecode, percentEncode } from '../../../src/core/oauth/percent-encode.js'
import { signRsaSha1, verifyRsaSha1 } from '../../../src/core/oauth/rsa-sha1.js'
import { signRequest } from '../../../src/core/oauth/sign-request.js'
import { parsePrivateKey } from '../../../src/core/keys/private-key.js'
import { loadVectors, readKey, type Vector } from './fixtures.js'

const file = loadVectors()
const vectors = file.vectors
const rsaVectors = vectors.filter((v) => v.signature_method === 'RSA-SHA1')
const hmacVectors = vectors.filter((v) => v.signature_method !== 'RSA-SHA1')

function paramsOf(v: Vector, oauthParams: Readonly<Record<string, string>> = v.oauth_params, url = v.url): Parameter[] {
  return collectParameters({ url, oauthParams, formBody: v.form_body ?? undefined })
}

function privateKey(file: string, passphrase?: string) {
  return parsePrivateKey(readKey(file), passphrase, 'fixture key', 'fixture passphrase').key
}

/** HMAC-SHA1/-SHA256 (RFC 5849 section 3.4.2), used only to confirm base strings with published HMAC signatures. */
function hmac(
  v: { signature_method: string; consumer_secret: string | null; token_secret: string | null },
  base: string,
): string {
  const algorithm = v.signature_method === 'HMAC-SHA256' ? 'sha256' : 'sha1'
  const key = `${percentEncode(v.consumer_secret ?? '')}&${percentEncode(v.token_secret ?? '')}`
  return createHmac(algorithm, key).update(base, 'utf8').digest('base64')
}

test('the fixture file holds the expected tables', () => {
  expect(vectors.length).toBeGreaterThanOrEqual(23)
  expect(rsaVectors.length).toBeGreaterThanOrEqual(11)
  expect(file.base_string_cases.length).toBeGreaterThan(0)
  expect(file.base_string_uri_cases.length).toBeGreaterThan(0)
  expect(file.normalized_parameters_cases.length).toBeGreaterThan(0)
  expect(file.percent_encoding_cases.length).toBeGreaterThan(0)
})

describe('signature base string (every vector, whatever its signature method)', () => {
  test.each(vectors.map((v) => [v.id, v] as const))('%s: normalized parameters', (_id, v) => {
    expect(normalizeParameters(paramsOf(v))).toBe(v.expected_normalized_params)
  })

  test.each(vectors.map((v) => [v.id, v] as const))('%s: base string URI', (_id, v) => {
    expect(baseStringUri(v.url)).toBe(v.expected_base_string_uri)
  })

  test.each(vectors.map((v) => [v.id, v] as const))('%s: base string', (_id, v) => {
    expect(signatureBaseString(v.method, v.url, paramsOf(v))).toBe(v.expected_base_string)
  })

  test.each(vectors.map((v) => [v.id, v] as const))(
    '%s: realm and oauth_signature in the header are not signed',
    (_id, v) => {
      const withHeaderOnly = {
        ...v.oauth_params,
        realm: v.realm ?? 'Some Realm',
        oauth_signature: v.expected_signature,
      }
      expect(signatureBaseString(v.method, v.url, paramsOf(v, withHeaderOnly))).toBe(v.expected_base_string)
    },
  )
})

describe('HMAC vectors: the published signature confirms the base string', () => {
  // Checks the test's own HMAC helper against the wiki table first, so it can be trusted below.
  test.each(file.hmac_sha1_cases.map((c) => [`${c.consumer_secret}&${c.token_secret}`, c] as const))(
    'wiki HMAC-SHA1 %s',
    (_name, c) => {
      expect(hmac({ signature_method: 'HMAC-SHA1', ...c }, c.base_string)).toBe(c.expected_signature)
    },
  )

  test.each(hmacVectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    expect(hmac(v, signatureBaseString(v.method, v.url, paramsOf(v)))).toBe(v.expected_signature)
  })
})

describe('RSA-SHA1 vectors', () => {
  test.each(rsaVectors.map((v) => [v.id, v] as const))('%s: signRsaSha1 gives the published signature', (_id, v) => {
    const base = signatureBaseString(v.method, v.url, paramsOf(v))
    expect(signRsaSha1(base, privateKey(v.key_ref!))).toBe(v.expected_signature)
  })

  test.each(rsaVectors.map((v) => [v.id, v] as const))(
    '%s: verifies with the public key, not a changed base string',
    (_id, v) => {
      const entry = file.keys[v.key_ref!]
      const publicKeys = [entry!.public_key, entry!.certificate, entry!.published_public_key]
        .filter((name): name is string => name !== undefined)
        .map((name) => createPublicKey(readKey(name)))
      expect(publicKeys.length).toBeGreaterThan(0)
      for (const publicKey of publicKeys) {
        expect(verifyRsaSha1(v.expected_base_string, v.expected_signature, publicKey)).toBe(true)
        expect(verifyRsaSha1(`${v.expected_base_string}%26x%3D1`, v.expected_signature, publicKey)).toBe(false)
      }
    },
  )

  const wikiForms = Object.entries(file.keys['wiki-testcases.pem']!.other_forms ?? {})
  const wikiCases = rsaVectors
    .filter((v) => v.key_ref === 'wiki-testcases.pem')
    .flatMap((v) => wikiForms.map(([form, { passphrase }]) => [v.id, form, v, passphrase] as const))

  test('every other form of the wiki key is listed (PKCS#1 and encrypted PKCS#8)', () => {
    expect(wikiForms.map(([form]) => form).sort()).toEqual(['wiki-testcases.encrypted.pem', 'wiki-testcases.pkcs1.pem'])
    expect(wikiCases.length).toBeGreaterThanOrEqual(2 * 6)
  })

  test.each(wikiCases)('%s with %s gives the same signature', (_id, form, v, passphrase) => {
    const base = signatureBaseString(v.method, v.url, paramsOf(v))
    expect(signRsaSha1(base, privateKey(form, passphrase ?? undefined))).toBe(v.expected_signature)
  })

  // signRequest always sends oauth_version=1.0 and RSA-SHA1, so it can reproduce the vectors that do.
  const requestable = rsaVectors.filter((v) => {
    const allowed = new Set([
      'oauth_consumer_key',
      'oauth_token',
      'oauth_signature_method',
      'oauth_timestamp',
      'oauth_nonce',
      'oauth_version',
      'oauth_callback',
      'oauth_verifier',
    ])
    const p = v.oauth_params
    return (
      p.oauth_signature_method === 'RSA-SHA1' &&
      p.oauth_version === '1.0' &&
      Object.keys(p).every((name) => allowed.has(name))
    )
  })

  test('signRequest can reproduce most RSA vectors', () => {
    expect(requestable.length).toBeGreaterThanOrEqual(9)
  })

  test.each(requestable.map((v) => [v.id, v] as const))('%s: signRequest reproduces it end to end', (_id, v) => {
    const p = v.oauth_params
    const extra: Record<string, string> = {}
    if (p.oauth_callback !== undefined) extra.oauth_callback = p.oauth_callback
    if (p.oauth_verifier !== undefined) extra.oauth_verifier = p.oauth_verifier
    const signed = signRequest({
      method: v.method,
      url: v.url,
      formBody: v.form_body ?? undefined,
      credentials: {
        consumerKey: p.oauth_consumer_key!,
        privateKey: privateKey(v.key_ref!),
        ...(p.oauth_token !== undefined ? { token: p.oauth_token } : {}),
      },
      timestamp: Number(p.oauth_timestamp),
      nonce: p.oauth_nonce!,
      extraOAuthParams: extra,
    })
    expect(signed.baseString).toBe(v.expected_base_string)
    expect(signed.signature).toBe(v.expected_signature)
    const header = parseOAuthChallenge(signed.authorization)
    expect(header.oauth_signature).toBe(v.expected_signature)
    expect({ ...header, oauth_signature: undefined }).toEqual({ ...p, oauth_signature: undefined })
  })
})

describe('published Authorization headers', () => {
  const withHeader = vectors.filter((v) => v.authorization_header !== undefined)

  test('some vectors publish a header', () => {
    expect(withHeader.length).toBeGreaterThanOrEqual(4)
  })

  test.each(withHeader.map((v) => [v.id, v] as const))(
    '%s: parses to the signed parameters and signature',
    (_id, v) => {
      const parsed = parseOAuthChallenge(v.authorization_header!)
      const { realm, oauth_signature: signature, ...rest } = parsed
      expect(signature).toBe(v.expected_signature)
      expect(realm).toBe(v.realm ?? undefined)
      expect(rest).toEqual(v.oauth_params)
      // The whole parsed header (realm and oauth_signature included) as the header source.
      expect(signatureBaseString(v.method, v.url, paramsOf(v, parsed))).toBe(v.expected_base_string)
    },
  )

  test.each(withHeader.map((v) => [v.id, v] as const))('%s: our header carries the same values', (_id, v) => {
    const ours = authorizationHeader({ ...v.oauth_params, oauth_signature: v.expected_signature }, v.realm ?? undefined)
    expect(parseOAuthChallenge(ours)).toEqual(parseOAuthChallenge(v.authorization_header!))
  })
})

describe('negative controls: common mistakes change the base string', () => {
  const controls = vectors.flatMap((v) => (v.negative_controls ?? []).map((c) => [v.id, c.mistake, v, c] as const))

  test('the RFC initiate vector has its four controls', () => {
    expect(controls.length).toBeGreaterThanOrEqual(4)
  })

  test.each(controls)('%s: %s', (_id, _mistake, v, control) => {
    const url = control.change.url ?? v.url
    const removed = new Set(control.change.remove_params ?? [])
    const params = paramsOf(v, v.oauth_params, url)
      .filter(([name]) => !removed.has(name))
      .concat(control.change.add_params ?? [])
    const wrong = signatureBaseString(v.method, url, params)
    expect(wrong).not.toBe(v.expected_base_string)
    // The published wrong signature pins down exactly which wrong base string the mistake gives.
    expect(hmac(v, wrong)).toBe(control.signature)
    expect(control.signature).not.toBe(v.expected_signature)
  })
})

describe('base_string_cases (parameters in the query string)', () => {
  test.each(file.base_string_cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const params = collectParameters({ url: c.url, oauthParams: {}, formBody: c.form_body ?? undefined })
    expect(signatureBaseString(c.method, c.url, params)).toBe(c.expected_base_string)
  })
})

describe('base_string_uri_cases', () => {
  test.each(file.base_string_uri_cases.map((c) => [c.input, c.expected] as const))('%s -> %s', (input, expected) => {
    expect(baseStringUri(input)).toBe(expected)
  })
})

describe('normalized_parameters_cases', () => {
  test.each(file.normalized_parameters_cases.map((c) => [c.input, c.expected] as const))(
    '%s -> %s',
    (input, expected) => {
      expect(normalizeParameters(parseFormEncoded(input))).toBe(expected)
    },
  )
})

describe('percent_encoding_cases', () => {
  test.each(file.percent_encoding_cases.map((c) => [JSON.stringify(c.raw), c.raw, c.encoded] as const))(
    '%s',
    (_name, raw, encoded) => {
      expect(percentEncode(raw)).toBe(encoded)
      expect(formDecode(encoded)).toBe(raw)
    },
  )
})
