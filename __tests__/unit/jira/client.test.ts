import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parsePrivateKey } from '../../../src/core/keys/private-key.js'
import { JiraClient, type JiraClientDeps } from '../../../src/jira/client.js'
import { JiraConnectionError, JiraOAuthError } from '../../../src/jira/errors.js'
import { TransportError, type HttpRequest, type HttpResponse } from '../../../src/jira/transport.js'

const KEY = parsePrivateKey(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'keys', 'wiki-testcases.pem'), 'utf8'),
  undefined,
  'key',
  'pass',
)

type Step = HttpResponse | TransportError

/** A scripted transport: answers in order and records what was sent. */
function scripted(steps: Step[]) {
  const sent: HttpRequest[] = []
  const transport = async (request: HttpRequest) => {
    sent.push(request)
    const step = steps.shift()
    if (!step) throw new Error('no more scripted answers')
    if (step instanceof TransportError) throw step
    return step
  }
  return { sent, transport }
}

function client(steps: Step[], extra: Partial<JiraClientDeps> = {}, retries = 3) {
  const { sent, transport } = scripted(steps)
  const sleeps: number[] = []
  const warnings: string[] = []
  let now = 1_700_000_000_000
  const c = new JiraClient(
    {
      baseUrl: 'https://jira.example.com/jira',
      consumerKey: 'ck',
      privateKey: KEY.key,
      accessToken: 'access-token-value',
      timeoutMs: 5000,
      retries,
    },
    {
      transport,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms)
        now += ms
      },
      random: () => 0.5,
      log: { debug: () => {}, warning: (m) => warnings.push(m) },
      ...extra,
    },
  )
  return { c, sent, sleeps, warnings }
}

const ok = (body = '{}'): HttpResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body })
const status = (code: number, headers: Record<string, string> = {}): HttpResponse => ({
  status: code,
  headers,
  body: '',
})
const oauthProblem = (code: number, params: Record<string, string>): HttpResponse => {
  const body = new URLSearchParams(params).toString()
  return {
    status: code,
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      'www-authenticate': `OAuth realm="https://jira.example.com/jira", oauth_problem="${params.oauth_problem}"`,
    },
    body,
  }
}

describe('JiraClient retries', () => {
  test('a GET is retried on 502, 503, 504 and 429, honouring Retry-After', async () => {
    const { c, sent, sleeps } = client([status(502), status(429, { 'retry-after': '7' }), status(504), ok('{"a":1}')])
    const response = await c.request({ method: 'GET', path: '/rest/api/2/myself' })
    expect(response.status).toBe(200)
    expect(sent).toHaveLength(4)
    expect(sleeps[1]).toBeGreaterThanOrEqual(7000)
  })

  test('every attempt is signed afresh: a new nonce each time', async () => {
    const { c, sent } = client([status(503), ok()])
    await c.request({ method: 'GET', path: '/rest/api/2/myself' })
    const nonces = sent.map((r) => /oauth_nonce="([^"]+)"/.exec(r.headers.authorization!)?.[1])
    expect(nonces[0]).toBeDefined()
    expect(nonces[0]).not.toBe(nonces[1])
  })

  test('a POST is retried on 429 and 503 but not on 502 or 504 (Jira may have acted)', async () => {
    const first = client([status(429, { 'retry-after': '1' }), status(503), ok()])
    expect(
      (await first.c.request({ method: 'POST', path: '/rest/api/2/issue/A-1/comment', json: { body: 'x' } })).status,
    ).toBe(200)
    expect(first.sent).toHaveLength(3)
    const second = client([status(502), ok()])
    expect(
      (await second.c.request({ method: 'POST', path: '/rest/api/2/issue/A-1/comment', json: { body: 'x' } })).status,
    ).toBe(502)
    expect(second.sent).toHaveLength(1)
  })

  test('a POST is retried after a refused connection but not after a timeout', async () => {
    const refused = client([new TransportError('refused', 'ECONNREFUSED', 'connect'), ok()])
    expect((await refused.c.request({ method: 'POST', path: '/x', json: {} })).status).toBe(200)
    const timedOut = client([new TransportError('timeout', 'ETIMEDOUT', 'response'), ok()])
    const error = (await timedOut.c
      .request({ method: 'POST', path: '/x', json: {} })
      .catch((e: unknown) => e)) as JiraConnectionError
    expect(error.describe()).toMatch(/no answer within 5 s[\s\S]*may or may not have acted/)
    expect(timedOut.sent).toHaveLength(1)
  })

  test('a POST is not retried after a reset: Jira may have read it and acted', async () => {
    const reset = client([new TransportError('socket hang up', 'ECONNRESET', 'response'), ok()])
    const error = (await reset.c
      .request({ method: 'POST', path: '/x', json: {} })
      .catch((e: unknown) => e)) as JiraConnectionError
    expect(error).toBeInstanceOf(JiraConnectionError)
    expect(error.mayHaveActed).toBe(true)
    expect(reset.sent).toHaveLength(1)
    const get = client([new TransportError('socket hang up', 'ECONNRESET', 'response'), ok()])
    expect((await get.c.request({ method: 'GET', path: '/x' })).status).toBe(200)
  })

  test('retries stop at the configured number', async () => {
    const { c, sent } = client([status(503), status(503), status(503)], {}, 2)
    expect((await c.request({ method: 'GET', path: '/x' })).status).toBe(503)
    expect(sent).toHaveLength(3)
  })

  test('an untrusted certificate is not retried and names NODE_EXTRA_CA_CERTS', async () => {
    const { c, sent } = client([new TransportError('self signed', 'SELF_SIGNED_CERT_IN_CHAIN', 'response')])
    const error = await c.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JiraConnectionError)
    expect((error as JiraConnectionError).describe()).toMatch(/NODE_EXTRA_CA_CERTS/)
    expect(sent).toHaveLength(1)
  })
})

describe('JiraClient clock skew', () => {
  test('timestamp_refused: learns the offset, re-signs once, warns, and keeps the offset', async () => {
    const serverNow = 1_700_000_000 + 900
    const { c, sent, warnings } = client([
      oauthProblem(400, {
        oauth_problem: 'timestamp_refused',
        oauth_acceptable_timestamps: `${serverNow - 300}-${serverNow + 300}`,
      }),
      ok(),
      ok(),
    ])
    await c.request({ method: 'GET', path: '/x' })
    await c.request({ method: 'GET', path: '/y' })
    const stamps = sent.map((r) => Number(/oauth_timestamp="(\d+)"/.exec(r.headers.authorization!)?.[1]))
    expect(stamps[0]).toBe(1_700_000_000)
    expect(stamps[1]).toBe(serverNow)
    expect(stamps[2]).toBe(serverNow)
    expect(c.clockSkewSeconds).toBe(900)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/900 s behind/)
  })

  test("without oauth_acceptable_timestamps, the Date header gives Jira's time", async () => {
    const serverNow = 1_700_000_000 - 600
    const refused: HttpResponse = {
      ...oauthProblem(400, { oauth_problem: 'timestamp_refused' }),
      headers: {
        ...oauthProblem(400, { oauth_problem: 'timestamp_refused' }).headers,
        date: new Date(serverNow * 1000).toUTCString(),
      },
    }
    const { c, sent, warnings } = client([refused, ok()])
    expect((await c.request({ method: 'GET', path: '/x' })).status).toBe(200)
    expect(Number(/oauth_timestamp="(\d+)"/.exec(sent[1]!.headers.authorization!)?.[1])).toBe(serverNow)
    expect(warnings[0]).toMatch(/600 s ahead of Jira's/)
  })

  test('a second timestamp_refused in the same request becomes an error', async () => {
    const refused = oauthProblem(400, { oauth_problem: 'timestamp_refused', oauth_acceptable_timestamps: '1-2' })
    const { c } = client([refused, refused])
    await expect(c.request({ method: 'GET', path: '/x' })).rejects.toThrow(/timestamp/)
  })
})

describe('JiraClient diagnosis', () => {
  test('signature_invalid with a different URL names the base-url to use', async () => {
    const theirs = 'GET&https%3A%2F%2Fjira.internal%3A8443%2Fjira%2Frest%2Fapi%2F2%2Fmyself&oauth_consumer_key%3Dck'
    const { c } = client([
      oauthProblem(401, {
        oauth_problem: 'signature_invalid',
        oauth_signature_base_string: theirs,
        oauth_signature: 'x',
        oauth_signature_method: 'RSA-SHA1',
      }),
    ])
    const error = (await c
      .request({ method: 'GET', path: '/rest/api/2/myself' })
      .catch((e: unknown) => e)) as JiraOAuthError
    expect(error).toBeInstanceOf(JiraOAuthError)
    expect(error.message).toMatch(/different URL/)
    expect(error.hint).toMatch(/Set `base-url` to https:\/\/jira\.internal:8443\/jira/)
  })

  test('signature_invalid with the same base string blames the key pair and prints the public key', async () => {
    // Echo back exactly what was signed.
    let signed = ''
    const c = new JiraClient(
      {
        baseUrl: 'https://jira.example.com',
        consumerKey: 'ck',
        privateKey: KEY.key,
        accessToken: 'tok-123456',
        timeoutMs: 1000,
        retries: 0,
      },
      {
        transport: async (request) => {
          const { collectParameters } = await import('../../../src/core/oauth/parameters.js')
          const { signatureBaseString } = await import('../../../src/core/oauth/base-string.js')
          const { parseOAuthChallenge } = await import('../../../src/core/oauth/oauth-problem.js')
          const oauth = parseOAuthChallenge(request.headers.authorization!)
          signed = signatureBaseString(
            request.method,
            request.url,
            collectParameters({ url: request.url, oauthParams: oauth }),
          )
          return oauthProblem(401, { oauth_problem: 'signature_invalid', oauth_signature_base_string: signed })
        },
      },
    )
    const error = (await c
      .request({ method: 'GET', path: '/rest/api/2/myself' })
      .catch((e: unknown) => e)) as JiraOAuthError
    expect(signed).not.toBe('')
    expect(error.message).toMatch(/key pair does not match/)
    expect(error.hint).toContain('-----BEGIN PUBLIC KEY-----')
    expect(error.describe()).not.toContain('tok-123456')
  })

  test('a differing parameter is shown with the token redacted', async () => {
    const { c } = client([
      oauthProblem(401, {
        oauth_problem: 'signature_invalid',
        oauth_signature_base_string:
          'GET&https%3A%2F%2Fjira.example.com%2Fjira%2Fx&a%3D2%26oauth_token%3Daccess-token-value',
      }),
    ])
    const error = (await c
      .request({ method: 'GET', path: '/x', query: [['a', '1']] })
      .catch((e: unknown) => e)) as JiraOAuthError
    expect(error.message).toMatch(/differs from ours at character/)
    expect(error.describe()).not.toContain('access-token-value')
  })

  test.each([
    ['consumer_key_unknown', /consumer key "ck"/, /Application Links/],
    ['token_rejected', /revoked/, /request-token/],
    ['token_expired', /expired/, /access-token/],
    ['nonce_used', /nonce/, /proxy/],
    ['permission_denied', /denied/, /active/],
  ])('%s is explained in words', async (problem, message, hint) => {
    const { c } = client([oauthProblem(401, { oauth_problem: problem })])
    const error = (await c.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e)) as JiraOAuthError
    expect(error).toBeInstanceOf(JiraOAuthError)
    expect(error.message).toMatch(message)
    expect(error.hint).toMatch(hint)
  })

  test('a redirect is not followed and names the base-url to use', async () => {
    const { c, sent } = client([
      { status: 301, headers: { location: 'https://jira.example.com/jira/rest/api/2/myself' }, body: '' },
    ])
    const plain = new JiraClient(
      { ...c.config, baseUrl: 'http://jira.example.com/jira' },
      {
        transport: async (r) => {
          sent.push(r)
          return { status: 301, headers: { location: 'https://jira.example.com/jira/rest/api/2/myself' }, body: '' }
        },
      },
    )
    const error = (await plain
      .request({ method: 'GET', path: '/rest/api/2/myself' })
      .catch((e: unknown) => e)) as JiraConnectionError
    expect(error).toBeInstanceOf(JiraConnectionError)
    expect(error.hint).toBe('Set `base-url` to https://jira.example.com/jira.')
  })
})

describe('JiraClient concurrency', () => {
  test('never more than maxInFlight requests at once', async () => {
    let inFlight = 0
    let peak = 0
    const c = new JiraClient(
      {
        baseUrl: 'https://j.example.com',
        consumerKey: 'ck',
        privateKey: KEY.key,
        accessToken: 't',
        timeoutMs: 1000,
        retries: 0,
      },
      {
        maxInFlight: 3,
        transport: async () => {
          peak = Math.max(peak, ++inFlight)
          await new Promise((r) => setTimeout(r, 5))
          inFlight--
          return ok()
        },
      },
    )
    await Promise.all(Array.from({ length: 20 }, () => c.request({ method: 'GET', path: '/x' })))
    expect(peak).toBe(3)
  })
})

describe('redacting base strings', () => {
  test('no part of the token survives a diff near it', async () => {
    const { redactBaseString } = await import('../../../src/jira/diagnose-oauth.js')
    const base =
      'GET&https%3A%2F%2Fj%2Fx&oauth_nonce%3Dn%26oauth_token%3DabcdefghijklmnopqrstuvwxYz012345%26oauth_verifier%3Dq1w2e3%26oauth_version%3D1.0%26validateQuery%3D100%2525'
    const redacted = redactBaseString(base, [])
    expect(redacted).toBe(
      'GET&https%3A%2F%2Fj%2Fx&oauth_nonce%3Dn%26oauth_token%3D***%26oauth_verifier%3D***%26oauth_version%3D1.0%26validateQuery%3D100%2525',
    )
  })

  test('a signature_invalid diff right after the token shows none of it', async () => {
    const token = 'abcdefghijklmnopqrstuvwxYz012345'
    const scriptedClient = new JiraClient(
      {
        baseUrl: 'https://jira.example.com',
        consumerKey: 'ck',
        privateKey: KEY.key,
        accessToken: token,
        timeoutMs: 1000,
        retries: 0,
      },
      {
        transport: async (request) => {
          const { collectParameters } = await import('../../../src/core/oauth/parameters.js')
          const { signatureBaseString } = await import('../../../src/core/oauth/base-string.js')
          const { parseOAuthChallenge } = await import('../../../src/core/oauth/oauth-problem.js')
          // Jira lost the last query parameter (a proxy dropped it).
          const url = request.url.replace(/[?&]validateQuery=[^&]*/, '')
          const theirs = signatureBaseString(
            request.method,
            url,
            collectParameters({ url, oauthParams: parseOAuthChallenge(request.headers.authorization!) }),
          )
          return oauthProblem(401, { oauth_problem: 'signature_invalid', oauth_signature_base_string: theirs })
        },
      },
    )
    const error = (await scriptedClient
      .request({ method: 'GET', path: '/rest/api/2/search', query: [['validateQuery', 'x']] })
      .catch((e: unknown) => e)) as JiraOAuthError
    expect(error.message).toMatch(/differs from ours/)
    for (let i = 0; i + 4 <= token.length; i++) expect(error.describe()).not.toContain(token.slice(i, i + 4))
  })
})
