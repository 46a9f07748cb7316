// Blanks and control characters inside base-url, path, query names and issue keys are refused
// before any request; HTML where a REST path should answer JSON, and Seraph's login refusals, are
// explained in every command. The bundled action and dist/cli.js against the simulator.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { runAction, type ActionRun } from '../../scripts/lib/action-runner.js'
import { PRIVATE_KEY, startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { runCli } from '../helpers/cli-run.js'

let jira: JiraFixture
beforeAll(async () => {
  jira = await startJira()
  jira.sim.addIssue({ key: 'URL-1', summary: 'Blanks' })
})
afterAll(() => jira.sim.close())

const errorOf = (run: ActionRun) => run.annotations.find((a) => a.level === 'error')?.message ?? ''

describe('refused before any request, naming the input', () => {
  test.each([
    [
      'a newline inside base-url',
      () => ({ 'base-url': `${jira.sim.baseUrl}\nhttp://evil.example` }),
      /input `base-url` contains a line break/,
    ],
    [
      'a tab inside base-url',
      () => ({ 'base-url': jira.sim.baseUrl.replace('/jira', '/ji\tra') }),
      /input `base-url` contains a tab/,
    ],
    [
      'two URLs in base-url',
      () => ({ 'base-url': `${jira.sim.baseUrl} ${jira.sim.baseUrl}` }),
      /input `base-url` contains a space/,
    ],
    ['a newline inside path', () => ({ path: '/rest/api/2/\nmyself' }), /input `path` contains a line break/],
    ['a tab inside path', () => ({ path: '/rest/api/2/issue/URL-1\t' + 'x' }), /input `path` contains a tab/],
    [
      'a space inside path',
      () => ({ path: '/rest/api/2/issue/URL 1' }),
      /input `path` contains a space at character 22/,
    ],
    [
      'a zero-width space inside path',
      () => ({ path: '/rest/api/2/issue/URL-\u200b1' }),
      /contains the invisible character U\+200B/,
    ],
    [
      'a blank in a query name',
      () => ({ query: 'max Results=5' }),
      /input `query` line 1: the parameter name contains a space/,
    ],
    [
      'a control character in an issue key',
      () => ({ command: 'issues', issues: 'URL-1\u007f, URL-2', comment: 'x' }),
      /input `issues`, value 1, contains the invisible character U\+007F at character 6/,
    ],
  ])('%s', async (_what, override, message) => {
    const before = jira.sim.requests.length
    const run = await runAction({ ...jira.inputs, path: '/rest/api/2/myself', ...override() })
    expect(run.exitCode).toBe(1)
    expect(errorOf(run)).toMatch(message)
    expect(jira.sim.requests.length).toBe(before)
  })

  test('blanks at the ends are trimmed, not refused', async () => {
    const run = await runAction({
      ...jira.inputs,
      'base-url': ` ${jira.sim.baseUrl}\n`,
      path: '\t/rest/api/2/issue/URL-1 \n',
      query: ' fields =summary\n',
    })
    expect(run.exitCode).toBe(0)
    expect(jira.sim.requests.at(-1)?.query).toEqual([['fields', 'summary']])
  })

  test('the CLI names the flag', async () => {
    const env = {
      JIRA_CONSUMER_KEY: 'jira-oauth-action-tests',
      JIRA_PRIVATE_KEY: PRIVATE_KEY,
      JIRA_ACCESS_TOKEN: jira.accessToken,
    }
    const before = jira.sim.requests.length
    const base = await runCli(['whoami', '--base-url', `${jira.sim.baseUrl}\nx`], env)
    expect(base.code).toBe(2)
    expect(base.stderr).toContain('error: --base-url (or JIRA_BASE_URL) contains a line break at character')
    const path = await runCli(['request', '--base-url', jira.sim.baseUrl, '--path', '/rest/api/2/my\tself'], env)
    expect(path.code).toBe(2)
    expect(path.stderr).toContain('error: --path contains a tab at character 15')
    expect(jira.sim.requests.length).toBe(before)
  })
})

const SIGN_IN_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Sign in - Example SSO</title></head><body><form action="/sso/login"></form></body></html>'

describe('an HTML page where a REST path answers JSON', () => {
  const signIn = (path: string, times = 1) => {
    jira.sim.injectFault({ kind: 'status', status: 200, body: SIGN_IN_PAGE, contentType: 'text/html', path, times })
  }
  const EXPLAINED =
    /answered 200 with an HTML page \("Sign in - Example SSO"\) instead of JSON: most likely the sign-in page of a single sign-on \(SSO\)/

  test('request fails, even with fail-on-http-error false', async () => {
    signIn('/rest/api/2/issue/URL-1')
    const run = await runAction({ ...jira.inputs, path: '/rest/api/2/issue/URL-1', 'fail-on-http-error': 'false' })
    expect(run.exitCode).toBe(1)
    expect(errorOf(run)).toMatch(EXPLAINED)
    expect(run.outputs.status).toBe('200')
  })

  test('whoami and issues', async () => {
    signIn('/rest/api/2/myself', 2)
    const whoami = await runAction({ ...jira.inputs, command: 'whoami' })
    expect(errorOf(whoami)).toMatch(EXPLAINED)
    const issues = await runAction({ ...jira.inputs, command: 'issues', issues: 'URL-1', comment: 'x' })
    expect(issues.exitCode).toBe(1)
    expect(errorOf(issues)).toMatch(EXPLAINED)
    expect(jira.sim.issue('URL-1')?.comments).toEqual([])
  })

  test('an HTML page outside /rest/ is left to the caller', async () => {
    const run = await runAction({ ...jira.inputs, path: '/secure/Dashboard.jspa', 'fail-on-http-error': 'false' })
    expect(errorOf(run)).not.toMatch(/sign-in page/)
  })
})

describe("Seraph's login lock on a 403", () => {
  test('request names the CAPTCHA lock and how to clear it, not a missing permission', async () => {
    jira.sim.setPassword('ci-bot', 'right')
    const basic = { 'base-url': jira.sim.baseUrl, username: 'ci-bot', retries: '0' }
    for (let i = 0; i < 3; i++) await runAction({ ...basic, password: 'wrong', command: 'whoami' })
    const run = await runAction({
      ...basic,
      password: 'right',
      path: '/rest/api/2/issue/URL-1',
      'fail-on-http-error': 'false',
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('403')
    expect(errorOf(run)).toMatch(/AUTHENTICATION_DENIED[\s\S]*CAPTCHA[\s\S]*Reset Failed Login Count/)
    expect(errorOf(run)).not.toMatch(/lacks the permission/)
    jira.sim.resetFailedLoginCount('ci-bot')
  })
})
