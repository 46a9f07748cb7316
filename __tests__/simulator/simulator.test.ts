// Proves the Jira simulator itself, signing with oauth-sign (never the project's src/).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createTestCertificateAuthority,
  startGitHubApiSimulator,
  startJiraSimulator,
  type JiraSimulator,
} from '../../simulator/index.js'
import {
  parseForm,
  rawRequest,
  referenceRequest,
  signRequest,
  type ReferenceRequest,
} from '../../simulator/reference-client.js'

const keyDir = join(process.cwd(), '__tests__', 'fixtures', 'keys')
const privateKey = readFileSync(join(keyDir, 'wiki-testcases.pem'), 'utf8')
const publicKey = readFileSync(join(keyDir, 'wiki-testcases.pub.pem'), 'utf8')
const otherPrivateKey = readFileSync(join(keyDir, 'oauthlib-test.pem'), 'utf8')
const CONSUMER = 'sim-consumer'

/** Parameters of a WWW-Authenticate: OAuth header, percent-decoded. */
function parseChallenge(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of (header ?? '').matchAll(/([\w]+)="([^"]*)"/g)) out[m[1]!] = decodeURIComponent(m[2]!)
  return out
}

describe('Jira simulator', () => {
  let sim: JiraSimulator
  let token: string
  const req = (
    r: Partial<ReferenceRequest> & { path: string },
  ): Promise<Awaited<ReturnType<typeof referenceRequest>>> =>
    referenceRequest({
      method: 'GET',
      consumerKey: CONSUMER,
      privateKeyPem: privateKey,
      token,
      url: `${sim.baseUrl}${r.path}`,
      ...r,
    })
  const json = (r: { method?: string; path: string; body: unknown }) =>
    req({ method: r.method ?? 'POST', path: r.path, contentType: 'application/json', body: JSON.stringify(r.body) })

  beforeAll(async () => {
    sim = await startJiraSimulator()
    sim.addConsumer({ key: CONSUMER, publicKeyPem: publicKey, name: 'CI' })
  })
  afterAll(() => sim.close())
  beforeEach(() => {
    token = sim.issueAccessToken(CONSUMER).token
    sim.setClockOffset(0)
  })

  describe('signed requests', () => {
    it('answers a correctly signed GET /myself with the token user and a Date header', async () => {
      const res = await req({ path: '/rest/api/2/myself' })
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body)).toMatchObject({ name: 'ci-bot', displayName: 'CI Bot', active: true })
      expect(res.headers.date).toBeDefined()
      expect(sim.requests.at(-1)).toMatchObject({ status: 200, user: 'ci-bot', path: '/jira/rest/api/2/myself' })
    })

    it('rejects a signature made with the wrong key, in header and form body, echoing its base string', async () => {
      const r: ReferenceRequest = {
        method: 'GET',
        url: `${sim.baseUrl}/rest/api/2/myself?x=a%20b`,
        consumerKey: CONSUMER,
        privateKeyPem: otherPrivateKey,
        token,
      }
      const res = await referenceRequest(r)
      expect(res.status).toBe(401)
      expect(res.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8')
      const body = parseForm(res.body)
      expect(body.oauth_problem).toBe('signature_invalid')
      expect(body.oauth_signature_method).toBe('RSA-SHA1')
      expect(body.oauth_signature_base_string).toContain(
        `GET&${encodeURIComponent(`${sim.baseUrl}/rest/api/2/myself`)}&`,
      )
      expect(body.oauth_signature_base_string).toContain('x%3Da%2520b')
      const header = res.headers['www-authenticate']!
      expect(header).toMatch(/^OAuth realm="[^"]+", oauth_problem="signature_invalid", /)
      const challenge = parseChallenge(header)
      expect(challenge.realm).toBe(sim.baseUrl)
      expect(challenge.oauth_signature_base_string).toBe(body.oauth_signature_base_string)
    })

    it('computes the same base string as an independent signer', async () => {
      const r: ReferenceRequest = {
        method: 'GET',
        url: `${sim.baseUrl}/rest/api/2/myself`,
        consumerKey: CONSUMER,
        privateKeyPem: otherPrivateKey,
        token,
        oauth: { oauth_nonce: 'fixed-nonce-1' },
      }
      const { baseString } = signRequest(r)
      const res = await referenceRequest(r)
      expect(parseForm(res.body).oauth_signature_base_string).toBe(baseString)
    })

    it('reports an unknown consumer', async () => {
      const res = await req({ path: '/rest/api/2/myself', consumerKey: 'nobody' })
      expect(res.status).toBe(401)
      expect(parseForm(res.body).oauth_problem).toBe('consumer_key_unknown')
    })

    it('rejects a revoked token and an expired one', async () => {
      sim.revokeToken(token)
      const revoked = await req({ path: '/rest/api/2/myself' })
      expect([revoked.status, parseForm(revoked.body).oauth_problem]).toEqual([401, 'token_rejected'])
      const expired = sim.issueAccessToken(CONSUMER, 'ci-bot', { expired: true }).token
      const res = await req({ path: '/rest/api/2/myself', token: expired })
      expect([res.status, parseForm(res.body).oauth_problem]).toEqual([401, 'token_expired'])
    })

    it('refuses a timestamp outside ±300 s of its (offset) clock with the acceptable range', async () => {
      const ts = Math.floor(Date.now() / 1000) - 400
      const res = await req({ path: '/rest/api/2/myself', oauth: { oauth_timestamp: String(ts) } })
      expect(res.status).toBe(400)
      const body = parseForm(res.body)
      expect(body.oauth_problem).toBe('timestamp_refused')
      const [min, max] = body.oauth_acceptable_timestamps!.split('-').map(Number)
      expect(max! - min!).toBe(600)
      expect(Math.abs((min! + max!) / 2 - Date.now() / 1000)).toBeLessThan(5)

      sim.setClockOffset(3600)
      const skewed = await req({ path: '/rest/api/2/myself' })
      expect(parseForm(skewed.body).oauth_problem).toBe('timestamp_refused')
      expect(Date.parse(skewed.headers.date!) - Date.now()).toBeGreaterThan(3500_000)
    })

    it('rejects a reused nonce', async () => {
      const oauth = { oauth_nonce: `nonce-${Date.now()}` }
      expect((await req({ path: '/rest/api/2/myself', oauth })).status).toBe(200)
      const again = await req({ path: '/rest/api/2/myself', oauth })
      expect([again.status, parseForm(again.body).oauth_problem]).toEqual([401, 'nonce_used'])
    })

    it('reports absent, repeated and unsupported oauth parameters', async () => {
      const absent = await req({ path: '/rest/api/2/myself', omitOAuth: ['oauth_nonce'] })
      expect([absent.status, parseForm(absent.body).oauth_parameters_absent]).toEqual([400, 'oauth_nonce'])
      const repeated = await req({ path: '/rest/api/2/myself?oauth_version=1.0' })
      expect([repeated.status, parseForm(repeated.body).oauth_problem]).toEqual([400, 'parameter_rejected'])
      const hmac = await req({ path: '/rest/api/2/myself', oauth: { oauth_signature_method: 'HMAC-SHA1' } })
      expect([hmac.status, parseForm(hmac.body).oauth_problem]).toEqual([400, 'signature_method_rejected'])
    })

    it('answers an unsigned REST call with a JSON 401 and no oauth_problem', async () => {
      const res = await rawRequest('GET', `${sim.baseUrl}/rest/api/2/myself`)
      expect(res.status).toBe(401)
      expect(JSON.parse(res.body).errorMessages[0]).toMatch(/not authenticated/)
      expect(res.headers['www-authenticate']).toBeUndefined()
    })

    it('signs against publicBaseUrl, as a Jira behind a proxy does', async () => {
      const proxied = await startJiraSimulator({ publicBaseUrl: 'https://jira.example.com/jira' })
      try {
        proxied.addConsumer({ key: CONSUMER, publicKeyPem: publicKey })
        const t = proxied.issueAccessToken(CONSUMER).token
        const base = {
          method: 'GET',
          consumerKey: CONSUMER,
          privateKeyPem: privateKey,
          token: t,
          url: `${proxied.baseUrl}/rest/api/2/myself`,
        }
        const wrong = await referenceRequest(base)
        expect(parseForm(wrong.body).oauth_signature_base_string).toContain('https%3A%2F%2Fjira.example.com%2Fjira')
        const right = await referenceRequest({ ...base, signUrl: 'https://jira.example.com/jira/rest/api/2/myself' })
        expect(right.status).toBe(200)
      } finally {
        await proxied.close()
      }
    })
  })

  describe('OAuth dance', () => {
    const servlet = (name: string): string => `${sim.baseUrl}/plugins/servlet/oauth/${name}`
    const post = (name: string, r: Partial<ReferenceRequest>) =>
      referenceRequest({ method: 'POST', url: servlet(name), consumerKey: CONSUMER, privateKeyPem: privateKey, ...r })

    it('request-token (oob) → authorize → access-token → /myself', async () => {
      const rt = await post('request-token', { oauth: { oauth_callback: 'oob' } })
      expect(rt.status).toBe(200)
      const requestToken = parseForm(rt.body)
      expect(requestToken.oauth_token).toMatch(/^[A-Za-z0-9]{32}$/)
      expect(requestToken.oauth_callback_confirmed).toBe('true')

      const page = await rawRequest('GET', `${servlet('authorize')}?oauth_token=${requestToken.oauth_token}`)
      expect(page.body).toContain('name="approve" value="Allow"')

      const notYet = await post('access-token', {
        token: requestToken.oauth_token,
        oauth: { oauth_verifier: 'xxxxxx' },
      })
      expect(parseForm(notYet.body).oauth_problem).toBe('permission_unknown')

      const allow = await rawRequest('POST', servlet('authorize'), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `oauth_token=${requestToken.oauth_token}&approve=Allow`,
      })
      const verifier = allow.headers['x-simulator-verifier'] as string
      expect(verifier).toMatch(/^[A-Za-z0-9]{6}$/)
      expect(allow.body).toContain(verifier)

      const missing = await post('access-token', { token: requestToken.oauth_token })
      expect(parseForm(missing.body)).toMatchObject({
        oauth_problem: 'parameter_absent',
        oauth_parameters_absent: 'oauth_verifier',
      })
      const wrong = await post('access-token', {
        token: requestToken.oauth_token,
        oauth: { oauth_verifier: 'zzzzzz' },
      })
      expect(parseForm(wrong.body).oauth_problem).toBe('token_rejected')

      const at = await post('access-token', { token: requestToken.oauth_token, oauth: { oauth_verifier: verifier } })
      expect(at.status).toBe(200)
      const access = parseForm(at.body)
      expect(access).toMatchObject({ oauth_expires_in: '157680000', oauth_authorization_expires_in: '160272000' })
      expect(access.oauth_session_handle).toMatch(/^[A-Za-z0-9]{32}$/)

      const me = await req({ path: '/rest/api/2/myself', token: access.oauth_token })
      expect(me.status).toBe(200)
      const again = await post('access-token', {
        token: requestToken.oauth_token,
        oauth: { oauth_verifier: verifier },
      })
      expect(parseForm(again.body).oauth_problem).toBe('token_rejected')
    })

    it('redirects to the callback and reports denied, expired and bad-callback cases', async () => {
      const rt = parseForm(
        (await post('request-token', { oauth: { oauth_callback: 'https://ci.example.com/cb?x=1' } })).body,
      )
      const { verifier, redirectUrl } = sim.approve(rt.oauth_token!)
      expect(redirectUrl).toBe(`https://ci.example.com/cb?x=1&oauth_token=${rt.oauth_token}&oauth_verifier=${verifier}`)

      const denied = parseForm((await post('request-token', { oauth: { oauth_callback: 'oob' } })).body)
      sim.deny(denied.oauth_token!)
      const d = await post('access-token', { token: denied.oauth_token, oauth: { oauth_verifier: 'abcdef' } })
      expect(parseForm(d.body).oauth_problem).toBe('permission_denied')

      const old = parseForm((await post('request-token', { oauth: { oauth_callback: 'oob' } })).body)
      const v = sim.approve(old.oauth_token!).verifier
      sim.expireRequestToken(old.oauth_token!)
      const e = await post('access-token', { token: old.oauth_token, oauth: { oauth_verifier: v } })
      expect([e.status, parseForm(e.body).oauth_problem]).toEqual([401, 'token_expired'])

      const bad = await post('request-token', { oauth: { oauth_callback: 'ftp://x' } })
      expect(bad.status).toBe(400)
      expect(parseForm(bad.body)).toMatchObject({
        oauth_problem: 'parameter_rejected',
        oauth_parameters_rejected: 'oauth_callback',
      })
      expect(parseForm(bad.body).oauth_problem_advice).toContain("'oob'")

      const get = await rawRequest('GET', servlet('request-token'))
      expect([get.status, get.body]).toEqual([200, ''])
    })
  })

  describe('faults', () => {
    beforeAll(() => {
      sim.addIssue({ key: 'FLT-1' })
    })
    const comment = () => json({ path: '/rest/api/2/issue/FLT-1/comment', body: { body: 'hello' } })

    it('answers an injected 503 with Retry-After before acting', async () => {
      sim.injectFault({
        kind: 'status',
        status: 503,
        retryAfter: 7,
        method: 'POST',
        path: '/rest/api/2/issue/FLT-1/comment',
      })
      const res = await comment()
      expect([res.status, res.headers['retry-after']]).toEqual([503, '7'])
      expect(sim.issue('FLT-1')!.comments).toHaveLength(0)
      expect((await comment()).status).toBe(201)
    })

    it('resets the connection without acting', async () => {
      const before = sim.issue('FLT-1')!.comments.length
      sim.injectFault({ kind: 'reset', path: /\/comment$/ })
      await expect(comment()).rejects.toMatchObject({ code: 'ECONNRESET' })
      expect(sim.issue('FLT-1')!.comments).toHaveLength(before)
      expect(sim.requests.at(-1)).toMatchObject({ status: 0, fault: 'reset' })
    })

    it('acts, then fails, for an afterHandler fault', async () => {
      const before = sim.issue('FLT-1')!.comments.length
      sim.injectFault({ kind: 'status', status: 504, afterHandler: true, path: '/rest/api/2/issue/FLT-1/comment' })
      expect((await comment()).status).toBe(504)
      expect(sim.issue('FLT-1')!.comments).toHaveLength(before + 1)
    })

    it('delays a response for a latency fault', async () => {
      sim.injectFault({ kind: 'latency', ms: 200 })
      const t0 = Date.now()
      expect((await req({ path: '/rest/api/2/myself' })).status).toBe(200)
      expect(Date.now() - t0).toBeGreaterThanOrEqual(190)
    })

    it('records when each request arrived and was answered (the benchmark reads its critical path from them)', async () => {
      sim.resetLog()
      sim.injectFault({ kind: 'latency', ms: 150 })
      await req({ path: '/rest/api/2/myself' })
      await req({ path: '/rest/api/2/myself' })
      const [slow, fast] = sim.requests
      expect(slow?.answeredAt).toBeDefined()
      expect((slow?.answeredAt ?? 0) - (slow?.receivedAt ?? 0)).toBeGreaterThanOrEqual(140)
      // Sent after the first was answered.
      expect(fast?.receivedAt).toBeGreaterThanOrEqual(slow?.answeredAt ?? Infinity)
      expect((fast?.answeredAt ?? 0) - (fast?.receivedAt ?? 0)).toBeLessThan(140)
    })
  })

  describe('REST', () => {
    beforeAll(() => {
      sim.addIssue({ key: 'SRCH-1', summary: `Fix ( ) ! * ' + & = é ☃ in parser` })
      sim.addIssue({ key: 'SRCH-2', summary: 'Plain summary', status: 'In Progress' })
      sim.addIssue({ key: 'PAGE-1', comments: 60 })
    })

    it('searches with special characters by GET (signed query) and POST', async () => {
      const jql = `summary ~ "( ) ! * ' + & = é ☃" AND project = SRCH ORDER BY key`
      const get = await req({ path: `/rest/api/2/search?jql=${encodeURIComponent(jql)}&fields=summary` })
      expect(get.status).toBe(200)
      expect(JSON.parse(get.body).issues.map((i: { key: string }) => i.key)).toEqual(['SRCH-1'])
      const post = await json({
        path: '/rest/api/2/search',
        body: { jql: `status in ("In Progress", Done) OR key = srch-1`, maxResults: 500 },
      })
      const result = JSON.parse(post.body)
      expect(result).toMatchObject({ startAt: 0, maxResults: 100, total: 2 })
    })

    it('rejects bad JQL like Jira', async () => {
      const syntax = await json({ path: '/rest/api/2/search', body: { jql: 'summary ~ "unclosed' } })
      expect(syntax.status).toBe(400)
      expect(JSON.parse(syntax.body).errorMessages[0]).toMatch(/^Error in the JQL Query: /)
      const field = await json({ path: '/rest/api/2/search', body: { jql: 'nosuchfield = 1' } })
      expect(JSON.parse(field.body).errorMessages[0]).toMatch(/Field 'nosuchfield' does not exist/)
    })

    it('pages comments with maxResults capped at 50', async () => {
      const first = JSON.parse((await req({ path: '/rest/api/2/issue/page-1/comment?maxResults=100' })).body)
      expect([first.maxResults, first.total, first.comments.length]).toEqual([50, 60, 50])
      const second = JSON.parse((await req({ path: '/rest/api/2/issue/PAGE-1/comment?startAt=50' })).body)
      expect(second.comments).toHaveLength(10)
      expect((await json({ path: '/rest/api/2/issue/PAGE-1/comment', body: { body: ' ' } })).status).toBe(400)
      expect(JSON.parse((await req({ path: '/rest/api/2/issue/NOPE-1' })).body)).toEqual({
        errorMessages: ['Issue Does Not Exist'],
        errors: {},
      })
    })

    it('validates and performs transitions', async () => {
      sim.addIssue({ key: 'TR-1' })
      const list = JSON.parse(
        (await req({ path: '/rest/api/2/issue/TR-1/transitions?expand=transitions.fields' })).body,
      )
      const done = list.transitions.find((t: { name: string }) => t.name === 'Done')
      expect(done.fields.resolution).toMatchObject({ required: true })
      const path = '/rest/api/2/issue/TR-1/transitions'
      const missing = await json({ path, body: { transition: { id: done.id } } })
      expect(JSON.parse(missing.body).errors).toEqual({ resolution: 'Resolution is required.' })
      const offScreen = await json({
        path,
        body: { transition: { id: done.id }, fields: { resolution: { name: 'Fixed' }, labels: ['x'] } },
      })
      expect(JSON.parse(offScreen.body).errors.labels).toMatch(/not on the appropriate screen/)
      expect(
        (await json({ path, body: { transition: { id: done.id }, fields: { resolution: { name: 'Fixed' } } } })).status,
      ).toBe(204)
      expect(sim.issue('TR-1')).toMatchObject({ status: 'Done', resolution: 'Fixed' })
      expect(
        (await json({ path, body: { transition: { id: done.id }, fields: { resolution: { name: 'Fixed' } } } })).status,
      ).toBe(400)
    })

    it('upserts remote links by globalId', async () => {
      sim.addIssue({ key: 'RL-1' })
      const path = '/rest/api/2/issue/RL-1/remotelink'
      const link = { globalId: 'repo/workflow/prod', object: { url: 'https://ci.example.com/1', title: 'Deploy #1' } }
      const created = await json({ path, body: link })
      const updated = await json({ path, body: { ...link, object: { ...link.object, title: 'Deploy #2' } } })
      expect([created.status, updated.status]).toEqual([201, 200])
      expect(JSON.parse(updated.body).id).toBe(JSON.parse(created.body).id)
      expect(sim.issue('RL-1')!.remoteLinks).toHaveLength(1)
      expect((await json({ path, body: { object: { url: 'https://x' } } })).status).toBe(400)
      expect((await json({ path, body: { ...link, globalId: 'g'.repeat(256) } })).status).toBe(400)
    })
  })
})

describe('HTTPS with a throwaway CA', () => {
  it('serves TLS that verifies against the test CA only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jira-sim-ca-'))
    const ca = createTestCertificateAuthority(dir)
    const sim = await startJiraSimulator({ tls: { key: ca.key, cert: ca.cert } })
    try {
      sim.addConsumer({ key: CONSUMER, publicKeyPem: publicKey })
      const { token } = sim.issueAccessToken(CONSUMER)
      expect(sim.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/jira$/)
      const r = {
        method: 'GET',
        url: `${sim.baseUrl}/rest/api/2/myself`,
        consumerKey: CONSUMER,
        privateKeyPem: privateKey,
        token,
      }
      expect((await referenceRequest({ ...r, ca: readFileSync(ca.caCertPath, 'utf8') })).status).toBe(200)
      await expect(referenceRequest(r)).rejects.toThrow(/certificate/i)
    } finally {
      await sim.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('GitHub API simulator', () => {
  it('paginates PR commits and compares with Link headers', async () => {
    const gh = await startGitHubApiSimulator()
    try {
      gh.addPullRequestCommits(
        'o',
        'r',
        7,
        Array.from({ length: 35 }, (_, i) => `ABC-${i + 1} change`),
      )
      gh.addCompare('o', 'r', 'v1', 'v2', ['ABC-1 one', 'ABC-2 two', 'ABC-3 three'])
      const p1 = await rawRequest('GET', `${gh.url}/repos/o/r/pulls/7/commits`, {
        headers: { Authorization: 'token x' },
      })
      expect(JSON.parse(p1.body)).toHaveLength(30)
      expect(p1.headers.link).toContain(`<${gh.url}/repos/o/r/pulls/7/commits?per_page=30&page=2>; rel="next"`)
      const p2 = await rawRequest('GET', `${gh.url}/repos/o/r/pulls/7/commits?per_page=30&page=2`)
      expect(JSON.parse(p2.body).map((c: { commit: { message: string } }) => c.commit.message)).toHaveLength(5)
      expect(p2.headers.link).not.toContain('rel="next"')
      const cmp = JSON.parse((await rawRequest('GET', `${gh.url}/repos/o/r/compare/v1...v2?per_page=2`)).body)
      expect([cmp.total_commits, cmp.commits.length, cmp.commits[0].commit.message]).toEqual([3, 2, 'ABC-1 one'])
      expect((await rawRequest('GET', `${gh.url}/repos/o/r/pulls/8/commits`)).status).toBe(404)
      expect(gh.requests.map((r) => r.authorized)).toEqual([true, false, false, false])
    } finally {
      await gh.close()
    }
  })

  it('lists the deploy history as GitHub does: tags by name, no drafts, newest first, filters, capped compare', async () => {
    const gh = await startGitHubApiSimulator()
    const get = async (path: string) => JSON.parse((await rawRequest('GET', `${gh.url}${path}`)).body) as unknown
    try {
      gh.addCompare(
        'o',
        'r',
        'a',
        'b',
        Array.from({ length: 260 }, (_, i) => `commit ${i + 1}`),
      )
      gh.deploy.tags.set('o/r', [
        { name: 'v1.10.0', sha: 'c3' },
        { name: 'v1.2.4', sha: 'c1' },
        { name: 'api-v9', sha: 'c2' },
      ])
      gh.deploy.releases.set('o/r', [
        { id: 1, tag_name: 'v1.0.0', draft: false, prerelease: false, published_at: '2024-01-01T00:00:00Z' },
        { id: 2, tag_name: 'v1.1.0', draft: true, prerelease: false, published_at: null },
      ])
      const statuses = [
        { id: 1, state: 'in_progress', created_at: '2024-01-01T00:00:00Z' },
        { id: 2, state: 'success', created_at: '2024-01-01T00:01:00Z' },
      ]
      gh.deploy.deployments.set('o/r', [
        { id: 1, sha: 's1', ref: 'main', environment: 'production', created_at: '2024-01-01T00:00:00Z', statuses },
        { id: 2, sha: 's2', ref: 'main', environment: 'staging', created_at: '2024-01-02T00:00:00Z', statuses: [] },
      ])
      const run = { head_sha: 'h', head_branch: 'main', conclusion: 'success', created_at: '2024-01-01T00:00:00Z' }
      gh.deploy.runs.set('o/r', [
        { ...run, id: 1, workflow: 'deploy.yml', status: 'completed' },
        { ...run, id: 2, workflow: 'deploy.yml', status: 'in_progress', conclusion: null },
        { ...run, id: 3, workflow: 'ci.yml', status: 'completed' },
      ])
      const unpaged = (await get('/repos/o/r/compare/a...b')) as {
        total_commits: number
        commits: { commit: { message: string } }[]
      }
      expect([unpaged.total_commits, unpaged.commits.length, unpaged.commits[0]!.commit.message]).toEqual([
        260,
        250,
        'commit 11',
      ])
      expect(((await get('/repos/o/r/tags')) as { name: string }[]).map((t) => t.name)).toEqual([
        'v1.2.4',
        'v1.10.0',
        'api-v9',
      ])
      expect(((await get('/repos/o/r/releases')) as { tag_name: string }[]).map((r) => r.tag_name)).toEqual(['v1.0.0'])
      expect(await get('/repos/o/r/deployments?environment=production')).toEqual([
        { id: 1, sha: 's1', ref: 'main', environment: 'production', created_at: '2024-01-01T00:00:00Z' },
      ])
      expect(((await get('/repos/o/r/deployments/1/statuses')) as { state: string }[]).map((x) => x.state)).toEqual([
        'success',
        'in_progress',
      ])
      expect((await rawRequest('GET', `${gh.url}/repos/o/r/deployments/9/statuses`)).status).toBe(404)
      const runs = (await get('/repos/o/r/actions/workflows/deploy.yml/runs?branch=main&status=success')) as {
        total_count: number
        workflow_runs: { id: number }[]
      }
      expect([runs.total_count, runs.workflow_runs.map((r) => r.id)]).toEqual([1, [1]])
    } finally {
      await gh.close()
    }
  })
})
