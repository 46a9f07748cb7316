// The simulator's non-OAuth credentials answer as Jira Data Center 10.3 was measured to (reference §5).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { rawRequest, startJiraSimulator, type JiraSimulator } from '../../simulator/index.js'

let sim: JiraSimulator
beforeAll(async () => {
  sim = await startJiraSimulator()
  sim.setPassword('ci-bot', 'right')
})
afterAll(() => sim.close())

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
})
const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest('GET', `${sim.baseUrl}/rest/api/2${path}`, { headers })

describe('personal access tokens', () => {
  test('a valid token acts as its user; a revoked, expired or unknown one runs anonymously', async () => {
    const token = sim.issuePersonalAccessToken('ci-bot', { expiresInDays: 1 })
    const ok = await get('/myself', { authorization: `Bearer ${token}` })
    expect([ok.status, ok.headers['x-ausername']]).toEqual([200, 'ci-bot'])
    const expired = sim.issuePersonalAccessToken('ci-bot', { expired: true })
    sim.revokePersonalAccessToken(token)
    for (const bad of [token, expired, 'unknown']) {
      const me = await get('/myself', { authorization: `Bearer ${bad}` })
      expect([me.status, me.headers['x-seraph-loginreason'], me.headers['x-ausername']]).toEqual([
        401,
        undefined,
        'anonymous',
      ])
      const search = await get('/search?jql=', { authorization: `Bearer ${bad}` })
      expect([search.status, JSON.parse(search.body).total]).toEqual([200, 0])
    }
    // A token is no Basic password.
    const asPassword = sim.issuePersonalAccessToken('ci-bot')
    expect((await get('/myself', basic('ci-bot', asPassword))).status).toBe(401)
    sim.resetFailedLoginCount('ci-bot')
  })
})

describe('Basic auth through Seraph', () => {
  test('wrong passwords count; from the limit on even the right one is denied until a reset', async () => {
    sim.configureBasicAuth({ maxAuthenticationAttempts: 2 })
    const wrong = await get('/myself', basic('ci-bot', 'wrong'))
    expect([wrong.status, wrong.headers['x-seraph-loginreason']]).toEqual([401, 'AUTHENTICATED_FAILED'])
    expect(wrong.headers['content-type']).toMatch(/^text\/html/)
    expect((await get('/myself', basic('nobody', 'x'))).headers['x-seraph-loginreason']).toBe('AUTHENTICATED_FAILED')
    await get('/myself', basic('ci-bot', 'wrong'))
    expect(sim.failedLoginCount('ci-bot')).toBe(2)
    const denied = await get('/myself', basic('ci-bot', 'right'))
    expect(denied.status).toBe(403)
    expect(denied.headers['x-seraph-loginreason']).toBe('AUTHENTICATION_DENIED')
    expect(denied.headers['x-authentication-denied-reason']).toBe(
      `CAPTCHA_CHALLENGE; login-url=${sim.publicBaseUrl}/login.jsp`,
    )
    expect(denied.body).toContain('Basic Authentication Failure - Reason : AUTHENTICATION_DENIED')
    sim.resetFailedLoginCount('ci-bot')
    expect((await get('/myself', basic('ci-bot', 'right'))).status).toBe(200)
    sim.configureBasicAuth({ maxAuthenticationAttempts: 3 })
  })

  test('disabled: 403 JSON for Basic, tokens unaffected', async () => {
    sim.configureBasicAuth({ enabled: false })
    const off = await get('/myself', basic('ci-bot', 'right'))
    expect([off.status, JSON.parse(off.body)]).toEqual([
      403,
      { message: 'Basic Authentication has been disabled on this instance.' },
    ])
    const token = sim.issuePersonalAccessToken('ci-bot')
    expect((await get('/myself', { authorization: `Bearer ${token}` })).status).toBe(200)
    sim.configureBasicAuth({ enabled: true })
  })

  test('a proxy that strips the header: the request arrives anonymous', async () => {
    sim.stripAuthorizationHeader()
    const me = await get('/myself', basic('ci-bot', 'right'))
    expect([me.status, me.headers['x-seraph-loginreason']]).toEqual([401, undefined])
    sim.stripAuthorizationHeader(false)
  })
})
