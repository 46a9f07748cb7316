import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestCertificateAuthority, startJiraSimulator } from '../../simulator/index.js'
import {
  CONSUMER_KEY,
  OTHER_PRIVATE_KEY,
  PRIVATE_KEY,
  PUBLIC_KEY,
  startJira,
  type JiraFixture,
} from '../../scripts/lib/jira-fixture.js'
import { runAction, visibleLog } from '../../scripts/lib/action-runner.js'

let jira: JiraFixture
beforeAll(async () => {
  jira = await startJira()
})
afterAll(() => jira.sim.close())

/** Every secret a run was given must be invisible in its log, outputs aside. */
function expectNoSecretsInLog(log: string, ...secrets: string[]) {
  for (const secret of secrets) {
    for (const line of secret.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')))
      expect(log).not.toContain(line)
    expect(log).not.toContain(secret)
  }
}

describe('whoami and request against the simulator', () => {
  test('whoami signs in and sets user and name', async () => {
    const run = await runAction({ ...jira.inputs, command: 'whoami' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('200')
    expect(run.outputs.name).toBe('ci-bot')
    expect(JSON.parse(run.outputs.user!).displayName).toBe('CI Bot')
    expect(run.summary).toContain('Signed in to Jira as')
    expectNoSecretsInLog(visibleLog(run), PRIVATE_KEY, jira.accessToken)
  })

  const jql = `summary ~ "it's (done)! *really* + a&b=c é ☃" OR key = DEMO-1`

  test("a JQL query with ( ) ! * ' spaces + & = and non-ASCII text, through `query`", async () => {
    jira.sim.addIssue({ key: 'DEMO-1', summary: "it's (done)! *really* + a&b=c é ☃" })
    const run = await runAction({ ...jira.inputs, path: '/rest/api/2/search', query: `jql=${jql}\nmaxResults=5` })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('200')
    expect(JSON.parse(run.outputs.response!).issues.map((i: { key: string }) => i.key)).toContain('DEMO-1')
    const received = jira.sim.requests.filter((r) => r.path.endsWith('/rest/api/2/search')).at(-1)
    expect(received?.query).toContainEqual(['jql', jql])
  })

  test('the same query through an already-encoded `path`', async () => {
    const encoded = encodeURIComponent(jql).replace(/%20/g, '+')
    const run = await runAction({ ...jira.inputs, path: `/rest/api/2/search?jql=${encoded}&maxResults=5` })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('200')
    const received = jira.sim.requests.filter((r) => r.path.endsWith('/rest/api/2/search')).at(-1)
    expect(received?.query).toContainEqual(['jql', jql])
  })

  test('a POST with a JSON body', async () => {
    jira.sim.addIssue({ key: 'POST-1' })
    const run = await runAction({
      ...jira.inputs,
      method: 'POST',
      path: '/rest/api/2/issue/POST-1/comment',
      body: '{"body": "Deployed (100%) & done!"}',
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('201')
    expect(jira.sim.issue('POST-1')?.comments.map((c) => c.body)).toEqual(['Deployed (100%) & done!'])
  })

  test('a non-2xx answer fails the step unless fail-on-http-error is false; outputs are set either way', async () => {
    const failing = await runAction({ ...jira.inputs, path: '/rest/api/2/issue/NOPE-404' })
    expect(failing.exitCode).toBe(1)
    expect(failing.outputs.status).toBe('404')
    expect(failing.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /answered 404: Issue Does Not Exist[\s\S]*cannot see it/,
    )
    const tolerant = await runAction({
      ...jira.inputs,
      path: '/rest/api/2/issue/NOPE-404',
      'fail-on-http-error': 'false',
    })
    expect(tolerant.exitCode).toBe(0)
    expect(tolerant.outputs.status).toBe('404')
    expect(tolerant.outputs.response).toContain('Issue Does Not Exist')
  })
})

describe('bad input fails before any request, naming the input', () => {
  test.each([
    [
      'unknown command',
      { command: 'frobnicate' },
      /input `command` is "frobnicate", which is not one of: request, whoami/,
    ],
    ['missing path', { path: '' }, /input `path` is required/],
    [
      'body not JSON',
      { path: '/rest/api/2/issue', method: 'POST', body: '{not json' },
      /input `body` is not valid JSON/,
    ],
    [
      'path on another host',
      { path: 'https://evil.example.com/rest/api/2/myself' },
      /input `path` .* is outside input `base-url`/,
    ],
    ['path climbing out', { path: '/../../etc/passwd' }, /resolves outside input `base-url`/],
    ['private-key not a key', { 'private-key': 'not a key' }, /input `private-key` does not hold a private key/],
    ['private-key is a public key', { 'private-key': PUBLIC_KEY }, /that is the public half/],
    ['missing access-token', { 'access-token': '' }, /input `access-token` is required/],
    ['timeout not a number', { timeout: 'soon' }, /input `timeout` must be a whole number/],
    [
      'a stray % in the path query',
      { path: '/rest/api/2/search?jql=progress%20>%2050%' },
      /input `path` has a query parameter with a "%" that is not followed by two hex digits/,
    ],
    ['oauth_* in the query', { query: 'oauth_token=abc' }, /carry OAuth protocol parameters \(oauth_token\)/],
    ['base-url not a URL', { 'base-url': 'jira.example.com' }, /input `base-url` is not a URL/],
  ])('%s', async (_input, override, message) => {
    const before = jira.sim.requests.length
    const run = await runAction({ ...jira.inputs, path: '/rest/api/2/myself', ...override })
    expect(run.exitCode).toBe(1)
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(message)
    expect(jira.sim.requests.length).toBe(before)
    expect(visibleLog(run)).not.toContain('MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBALRiMLAh9iimur8V')
  })
})

describe('Jira refusals are explained', () => {
  test('a wrong private key: same base string, so the key pair is blamed and the right public key shown', async () => {
    const run = await runAction({ ...jira.inputs, command: 'whoami', 'private-key': OTHER_PRIVATE_KEY })
    expect(run.exitCode).toBe(1)
    const error = run.annotations.find((a) => a.level === 'error')?.message ?? ''
    expect(error).toMatch(
      /signed exactly the same text[\s\S]*private key does not match the public key stored for consumer "jira-oauth-action-tests"/,
    )
    expect(error).toContain('-----BEGIN PUBLIC KEY-----')
    expect(run.summary).toContain('Jira whoami: failed')
    expect(run.outputs.status).toBe('401')
    expectNoSecretsInLog(visibleLog(run), OTHER_PRIVATE_KEY, jira.accessToken)
  })

  test('base-url that is not what Jira sees (a proxy) names the URL to use', async () => {
    const proxied = await startJiraSimulator({ publicBaseUrl: 'https://jira.example.com/jira' })
    try {
      proxied.addConsumer({ key: CONSUMER_KEY, publicKeyPem: PUBLIC_KEY })
      const { token } = proxied.issueAccessToken(CONSUMER_KEY)
      const run = await runAction({
        ...jira.inputs,
        'base-url': proxied.baseUrl,
        'access-token': token,
        command: 'whoami',
      })
      expect(run.exitCode).toBe(1)
      expect(run.annotations[0]?.message).toMatch(
        /sees a different URL[\s\S]*Set input `base-url` to https:\/\/jira\.example\.com\/jira/,
      )
    } finally {
      await proxied.close()
    }
  })

  test('an unknown consumer', async () => {
    const run = await runAction({ ...jira.inputs, command: 'whoami', 'consumer-key': 'nobody' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/does not know the consumer key "nobody"[\s\S]*Incoming Authentication/)
    expect(run.summary).toMatch(
      /Jira whoami: failed[\s\S]*does not know the consumer key[\s\S]*Incoming Authentication/,
    )
  })

  test('a revoked token', async () => {
    const { token } = jira.sim.issueAccessToken(CONSUMER_KEY)
    jira.sim.revokeToken(token)
    const run = await runAction({ ...jira.inputs, command: 'whoami', 'access-token': token })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/rejected the access token[\s\S]*request-token/)
    expect(visibleLog(run)).not.toContain(token)
  })

  test('a 15-minute clock offset is recovered with a warning', async () => {
    const skewed = await startJira({ clockOffsetSeconds: 900 })
    try {
      const run = await runAction({ ...skewed.inputs, command: 'whoami' })
      expect(run.exitCode).toBe(0)
      expect(run.outputs.name).toBe('ci-bot')
      const warning = run.annotations.find((a) => a.level === 'warning')?.message ?? ''
      // The server's window is in whole seconds, so the learnt offset is 900 s give or take one.
      expect(Math.abs(Number(/clock is (\d+) s behind Jira's/.exec(warning)?.[1]) - 900)).toBeLessThanOrEqual(2)
      expect(skewed.sim.requests.map((r) => r.oauthProblem ?? 'ok')).toEqual(['timestamp_refused', 'ok'])
    } finally {
      await skewed.sim.close()
    }
  })
})

describe('transient failures are retried', () => {
  test('429 with Retry-After, then 503, then success', async () => {
    jira.sim.injectFault({ path: '/rest/api/2/myself', kind: 'status', status: 429, retryAfter: 1 })
    jira.sim.injectFault({ path: '/rest/api/2/myself', kind: 'status', status: 503 })
    const before = jira.sim.requests.length
    const started = Date.now()
    const run = await runAction({ ...jira.inputs, command: 'whoami' })
    expect(run.exitCode).toBe(0)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(jira.sim.requests.slice(before).map((r) => r.status)).toEqual([429, 503, 200])
  })

  test('a connection reset on a GET is retried', async () => {
    jira.sim.injectFault({ path: '/rest/api/2/myself', kind: 'reset' })
    const run = await runAction({ ...jira.inputs, command: 'whoami' })
    expect(run.exitCode).toBe(0)
  })

  test('a timeout fails with advice once retries are used up', async () => {
    jira.sim.injectFault({ path: '/rest/api/2/myself', kind: 'latency', ms: 2500, times: 2 })
    const run = await runAction({ ...jira.inputs, command: 'whoami', timeout: '1', retries: '1' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/no answer within 1 s/)
  })
})

describe('HTTPS with a private CA', () => {
  let https: JiraFixture
  let caCertPath: string
  beforeAll(async () => {
    const ca = createTestCertificateAuthority(mkdtempSync(join(tmpdir(), 'jira-ca-')))
    caCertPath = ca.caCertPath
    https = await startJira({ tls: { key: ca.key, cert: ca.cert } })
  })
  afterAll(() => https.sim.close())

  test('works with NODE_EXTRA_CA_CERTS', async () => {
    expect(https.sim.baseUrl).toMatch(/^https:/)
    const run = await runAction({ ...https.inputs, command: 'whoami' }, { env: { NODE_EXTRA_CA_CERTS: caCertPath } })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.name).toBe('ci-bot')
  })

  test('without it, the error says which variable to set (and TLS is not turned off)', async () => {
    const run = await runAction({ ...https.inputs, command: 'whoami' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/not trusted[\s\S]*NODE_EXTRA_CA_CERTS/)
  })
})
