import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { runAction, visibleLog } from '../../scripts/lib/action-runner.js'

let jira: JiraFixture
let base: Record<string, string>
beforeAll(async () => {
  jira = await startJira()
  // The bootstrap needs no access token: that is what it produces.
  base = { ...jira.inputs, 'access-token': '' }
})
afterAll(() => jira.sim.close())

async function requestToken() {
  const run = await runAction({ ...base, command: 'request-token' })
  expect(run.exitCode).toBe(0)
  return run
}

describe('token bootstrap through the action', () => {
  test('request-token, approve, access-token: the token works for whoami and is masked', async () => {
    const first = await requestToken()
    const requestTokenValue = first.outputs['request-token']
    expect(requestTokenValue).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(first.outputs['authorize-url']).toBe(
      `${jira.sim.baseUrl}/plugins/servlet/oauth/authorize?oauth_token=${requestTokenValue}`,
    )
    expect(first.summary).toMatch(/Click <strong>Allow<\/strong>[\s\S]*Within 10 minutes/)
    expect(first.masks).toContain(first.outputs['request-token-secret'])

    const { verifier } = jira.sim.approve(requestTokenValue!)
    const second = await runAction({ ...base, command: 'access-token', 'request-token': requestTokenValue!, verifier })
    expect(second.exitCode).toBe(0)
    const accessToken = second.outputs['access-token']
    expect(accessToken).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(second.outputs['expires-in']).toBe('157680000')
    expect(second.outputs['session-handle']).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(second.masks).toContain(accessToken)
    expect(visibleLog(second)).not.toContain(accessToken)
    expect(visibleLog(second)).not.toContain(verifier)

    const whoami = await runAction({ ...jira.inputs, command: 'whoami', 'access-token': accessToken! })
    expect(whoami.exitCode).toBe(0)
    expect(whoami.outputs.name).toBe('ci-bot')
  })

  test('reveal-token prints the token to copy it into a secret', async () => {
    const first = await requestToken()
    const { verifier } = jira.sim.approve(first.outputs['request-token']!)
    const run = await runAction({
      ...base,
      command: 'access-token',
      'request-token': first.outputs['request-token']!,
      verifier,
      'reveal-token': 'true',
    })
    expect(run.exitCode).toBe(0)
    expect(run.masks).not.toContain(run.outputs['access-token'])
    expect(visibleLog(run)).toContain(`gh secret set JIRA_ACCESS_TOKEN --body '${run.outputs['access-token']}'`)
  })

  test('a wrong verifier: token_rejected, explained', async () => {
    const first = await requestToken()
    jira.sim.approve(first.outputs['request-token']!)
    const run = await runAction({
      ...base,
      command: 'access-token',
      'request-token': first.outputs['request-token']!,
      verifier: 'WRONG1',
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/rejected the request token or verifier[\s\S]*Copy the code/)
  })

  test('not approved yet: permission_unknown says to click Allow first', async () => {
    const first = await requestToken()
    const run = await runAction({
      ...base,
      command: 'access-token',
      'request-token': first.outputs['request-token']!,
      verifier: 'ABC123',
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/not been approved yet[\s\S]*click Allow first/)
  })

  test('denied: permission_denied says to start again and click Allow', async () => {
    const first = await requestToken()
    jira.sim.deny(first.outputs['request-token']!)
    const run = await runAction({
      ...base,
      command: 'access-token',
      'request-token': first.outputs['request-token']!,
      verifier: 'ABC123',
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/denied access[\s\S]*Start again with `request-token`/)
  })

  test('older than 10 minutes: token_expired says to start again', async () => {
    const first = await requestToken()
    const { verifier } = jira.sim.approve(first.outputs['request-token']!)
    jira.sim.expireRequestToken(first.outputs['request-token']!)
    const run = await runAction({
      ...base,
      command: 'access-token',
      'request-token': first.outputs['request-token']!,
      verifier,
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/request token has expired[\s\S]*Start again/)
  })

  test('a callback that is neither oob nor a URL fails before any request', async () => {
    const before = jira.sim.requests.length
    const run = await runAction({ ...base, command: 'request-token', callback: 'not a url' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/input `callback` must be 'oob' or an absolute http\(s\) URL/)
    expect(jira.sim.requests.length).toBe(before)
  })

  test('access-token without a verifier names the input', async () => {
    const run = await runAction({ ...base, command: 'access-token', 'request-token': 'abc' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(/input `verifier` is required/)
  })
})
