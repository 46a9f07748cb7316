// Personal access tokens and Basic auth beside OAuth: the bundled action and the CLI (dist/cli.js)
// against the simulator, which answers refused credentials as Jira Data Center does.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startJiraSimulator, type JiraSimulator } from '../../simulator/index.js'
import { runAction, visibleLog, type ActionRun } from '../../scripts/lib/action-runner.js'
import { runCli as runCliBundle, type CliRun } from '../helpers/cli-run.js'
import { CONSUMER_KEY, PRIVATE_KEY, PUBLIC_KEY } from '../../scripts/lib/jira-fixture.js'

const USER = 'ci-bot'
const PASSWORD = 'S3cret pass:word é'
const BASIC_VALUE = Buffer.from(`${USER}:${PASSWORD}`).toString('base64')
const PAT = 'NjM3MTk4NjY0MzUxOmPatTokenForTestsOnlyAbCdEf'

let sim: JiraSimulator
let revokedPat: string
let expiredPat: string
beforeAll(async () => {
  sim = await startJiraSimulator()
  sim.issuePersonalAccessToken(USER, { token: PAT, expiresInDays: 90 })
  revokedPat = sim.issuePersonalAccessToken(USER)
  sim.revokePersonalAccessToken(revokedPat)
  expiredPat = sim.issuePersonalAccessToken(USER, { expired: true })
  sim.setPassword(USER, PASSWORD)
  sim.addConsumer({ key: CONSUMER_KEY, publicKeyPem: PUBLIC_KEY })
})
afterAll(() => sim.close())

const patInputs = () => ({ 'base-url': sim.baseUrl, 'personal-access-token': PAT, retries: '0' })
const basicInputs = () => ({ 'base-url': sim.baseUrl, username: USER, password: PASSWORD, retries: '0' })

/** No credential value in anything a person or a later step sees, outputs that carry a body aside. */
function expectNoCredentials(text: string, ...more: string[]): void {
  for (const secret of [PAT, PASSWORD, BASIC_VALUE, revokedPat, expiredPat, ...more]) expect(text).not.toContain(secret)
}

function expectActionClean(run: ActionRun, ...more: string[]): void {
  expectNoCredentials(visibleLog(run), ...more)
  expectNoCredentials(run.summary, ...more)
  for (const [name, value] of Object.entries(run.outputs)) if (name !== 'response') expectNoCredentials(value, ...more)
}

const errorOf = (run: ActionRun) => run.annotations.find((a) => a.level === 'error')?.message ?? ''

/** Runs the action and checks it sent no request at all. */
async function refusedBeforeAnyRequest(inputs: Record<string, string>): Promise<string> {
  const before = sim.requests.length
  const run = await runAction(inputs)
  expect(run.exitCode).toBe(1)
  expect(sim.requests.length).toBe(before)
  expectActionClean(run)
  return errorOf(run)
}

describe.each([
  ['a personal access token', patInputs, 'PAT-1', () => `Bearer ${PAT}`],
  ['Basic auth', basicInputs, 'BAS-1', () => `Basic ${BASIC_VALUE}`],
])('the action with %s', (_kind, inputs, key, header) => {
  beforeAll(() => {
    sim.addIssue({ key, summary: 'Credentials' })
  })

  test('whoami', async () => {
    const run = await runAction({ ...inputs(), command: 'whoami' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.name).toBe(USER)
    expect(sim.requests.at(-1)?.headers.authorization).toBe(header())
    expect(run.masks).toEqual(expect.arrayContaining([header().split(' ')[1]]))
    expectActionClean(run)
  })

  test('request: a search', async () => {
    const run = await runAction({ ...inputs(), path: '/rest/api/2/search', query: `jql=key = ${key}` })
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.response ?? '{}').issues[0].key).toBe(key)
    expect(sim.requests.at(-1)?.user).toBe(USER)
    expectActionClean(run)
  })

  test('issues: transition and comment', async () => {
    const from = sim.requests.length
    const run = await runAction({
      ...inputs(),
      command: 'issues',
      issues: key,
      transition: 'Deploy',
      comment: 'Deployed {{issue}}',
    })
    expect(run.exitCode).toBe(0)
    expect(sim.issue(key)?.status).toBe('Deployed')
    expect(sim.issue(key)?.comments.at(-1)).toMatchObject({ author: USER })
    expect(sim.requests.slice(from).filter((r) => r.headers.authorization !== header())).toEqual([])
    expectActionClean(run)
  })
})

describe('refusals are explained', () => {
  beforeAll(() => {
    sim.resetLog()
  })

  test.each([
    ['revoked', () => revokedPat],
    ['expired', () => expiredPat],
  ])('a %s personal access token', async (_what, token) => {
    const run = await runAction({ ...patInputs(), 'personal-access-token': token(), command: 'whoami' })
    expect(run.exitCode).toBe(1)
    expect(errorOf(run)).toMatch(
      /did not accept the personal access token[\s\S]*revoked, has expired[\s\S]*Create a new token/,
    )
    expect(run.outputs.status).toBe('401')
    expectActionClean(run)
  })

  test('a revoked token on a search, which Jira answers anonymously with 200 and no issues', async () => {
    const run = await runAction({ ...patInputs(), 'personal-access-token': revokedPat, path: '/rest/api/2/search' })
    expect(run.exitCode).toBe(1)
    expect(errorOf(run)).toMatch(/answered 200 as an anonymous user: Jira did not accept the personal access token/)
    expectActionClean(run)
  })

  test('a wrong password: AUTHENTICATED_FAILED, and the lock it leads to', async () => {
    const run = await runAction({ ...basicInputs(), password: 'wrong-password', command: 'whoami' })
    expect(run.exitCode).toBe(1)
    expect(errorOf(run)).toMatch(/refused the user name or password of the Jira user "ci-bot"[\s\S]*CAPTCHA/)
    expect(sim.failedLoginCount(USER)).toBe(1)
    expectActionClean(run, 'wrong-password')
    // The right password resets the count, as Seraph does.
    expect((await runAction({ ...basicInputs(), command: 'whoami' })).exitCode).toBe(0)
    expect(sim.failedLoginCount(USER)).toBe(0)
  })

  test('the CAPTCHA lock after 3 failed logins refuses even the right password, and says how to clear it', async () => {
    sim.addUser({ name: 'locked.user' })
    sim.setPassword('locked.user', PASSWORD)
    for (let i = 0; i < 3; i++)
      await runAction({ ...basicInputs(), username: 'locked.user', password: 'bad', command: 'whoami' })
    const run = await runAction({ ...basicInputs(), username: 'locked.user', command: 'whoami' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('403')
    expect(errorOf(run)).toMatch(
      /denied the login of the Jira user "locked.user" without checking the password \(X-Seraph-LoginReason: AUTHENTICATION_DENIED, X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE\)/,
    )
    expect(errorOf(run)).toContain(`${sim.publicBaseUrl}/login.jsp`)
    expect(errorOf(run)).toContain('Reset Failed Login Count')
    expect(errorOf(run)).not.toMatch(/permission/)
    sim.resetFailedLoginCount('locked.user')
    expect((await runAction({ ...basicInputs(), username: 'locked.user', command: 'whoami' })).exitCode).toBe(0)
  })

  test('Basic auth disabled on the instance; a token still works', async () => {
    sim.configureBasicAuth({ enabled: false })
    try {
      const run = await runAction({ ...basicInputs(), command: 'issues', issues: 'PAT-1', comment: 'x' })
      expect(run.exitCode).toBe(1)
      expect(errorOf(run)).toMatch(
        /Basic authentication has been disabled on this Jira instance[\s\S]*personal access token/,
      )
      expectActionClean(run)
      expect((await runAction({ ...patInputs(), command: 'whoami' })).exitCode).toBe(0)
    } finally {
      sim.configureBasicAuth({ enabled: true })
    }
  })

  test('a proxy that strips the Authorization header', async () => {
    sim.stripAuthorizationHeader(true)
    try {
      const basic = await runAction({ ...basicInputs(), command: 'whoami' })
      expect(errorOf(basic)).toMatch(/without the X-Seraph-LoginReason header[\s\S]*did not reach Jira/)
      const pat = await runAction({ ...patInputs(), command: 'whoami' })
      expect(errorOf(pat)).toMatch(/a proxy in front of Jira removed the Authorization header/)
      expectActionClean(basic)
      expectActionClean(pat)
    } finally {
      sim.stripAuthorizationHeader(false)
    }
  })

  test('a Jira Cloud URL given a personal access token, before any request', async () => {
    expect(await refusedBeforeAnyRequest({ ...patInputs(), 'base-url': 'https://acme.atlassian.net' })).toMatch(
      /Jira Cloud does not take personal access tokens[\s\S]*input `username` set to the e-mail address/,
    )
  })

  test('two kinds at once, and none, before any request', async () => {
    expect(await refusedBeforeAnyRequest({ ...patInputs(), username: USER, password: PASSWORD })).toMatch(
      /more than one kind are given: input `personal-access-token` \(a personal access token\) and input `username` \+ input `password` \(Basic auth/,
    )
    expect(
      await refusedBeforeAnyRequest({
        ...basicInputs(),
        'consumer-key': CONSUMER_KEY,
        'private-key': PRIVATE_KEY,
        command: 'whoami',
      }),
    ).toMatch(/input `consumer-key` \+ input `private-key` \(OAuth 1\.0a\) and input `username` \+ input `password`/)
    expect(await refusedBeforeAnyRequest({ 'base-url': sim.baseUrl, command: 'whoami' })).toMatch(
      /No Jira credentials are given[\s\S]*input `personal-access-token`[\s\S]*input `username` and input `password`/,
    )
  })

  test('the OAuth token exchange refuses a token or a password', async () => {
    expect(await refusedBeforeAnyRequest({ ...patInputs(), command: 'request-token' })).toMatch(
      /step of the OAuth 1\.0a token exchange, and the credentials given are a personal access token/,
    )
    expect(await refusedBeforeAnyRequest({ ...basicInputs(), command: 'access-token' })).toMatch(/OAuth only/)
  })

  test('a token revoked mid-run: no new issue is started, every issue is reported, the step fails with the diagnosis', async () => {
    let revoke = () => {}
    const own = await startJiraSimulator({
      onRequest: (r) => {
        if (r.path.endsWith('/rest/api/2/search')) revoke()
      },
    })
    try {
      const token = own.issuePersonalAccessToken(USER)
      revoke = () => {
        own.revokePersonalAccessToken(token)
      }
      for (const key of ['MID-1', 'MID-2', 'MID-3']) own.addIssue({ key })
      const run = await runAction({
        'base-url': own.baseUrl,
        'personal-access-token': token,
        command: 'issues',
        issues: 'MID-1 MID-2 MID-3',
        transition: 'Deploy',
        concurrency: '1',
        retries: '0',
      })
      expect(run.exitCode).toBe(1)
      expect(JSON.parse(run.outputs.failed ?? '[]')).toEqual(['MID-1', 'MID-2', 'MID-3'])
      const rows = JSON.parse(run.outputs.results ?? '[]') as { error?: string }[]
      expect(rows[2]?.error).toMatch(/^Not attempted: .*did not accept the personal access token/)
      expect(run.annotations.at(-1)?.message).toMatch(
        /did not accept the personal access token[\s\S]*Create a new token/,
      )
      expect(own.requests.filter((q) => q.path.includes('/MID-2') || q.path.includes('/MID-3'))).toHaveLength(0)
      expectNoCredentials(visibleLog(run), token)
    } finally {
      await own.close()
    }
  })

  test('a proxy echoing the request headers leaves no credential in the log or outputs', async () => {
    sim.injectFault({ kind: 'status', status: 500, echoHeaders: 'json', path: '/rest/api/2/issue/PAT-1', times: 1 })
    const run = await runAction({ ...basicInputs(), command: 'issues', issues: 'PAT-1', comment: 'x' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.results).toContain('Proxy error 500')
    expectActionClean(run)
  })
})

function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCliBundle(args, { JIRA_BASE_URL: sim.baseUrl, ...env })
}

describe('the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jira-creds-'))
  const passwordFile = join(dir, 'password')
  writeFileSync(passwordFile, `${PASSWORD}\n`)
  const PAT_ENV = { JIRA_PERSONAL_ACCESS_TOKEN: PAT }
  const BASIC_ENV = { JIRA_USERNAME: USER, JIRA_PASSWORD_FILE: passwordFile }

  test.each([
    ['a personal access token', PAT_ENV, 'PAT-2'],
    ['Basic auth (password from JIRA_PASSWORD_FILE)', BASIC_ENV, 'BAS-2'],
  ])('whoami, request and issues with %s', async (_kind, env, key) => {
    sim.addIssue({ key, summary: 'CLI credentials' })
    const whoami = await runCli(['whoami'], env)
    expect(whoami.code).toBe(0)
    expect(JSON.parse(whoami.stdout).name).toBe(USER)
    const request = await runCli(['request', '--path', `/rest/api/2/issue/${key}`], env)
    expect(request.code).toBe(0)
    expect(JSON.parse(request.stdout).key).toBe(key)
    const issues = await runCli(['issues', '--issues', key, '--transition', 'Deploy', '--retries', '0'], env)
    expect(issues.code).toBe(0)
    expect(sim.issue(key)?.status).toBe('Deployed')
    for (const run of [whoami, request, issues]) {
      expectNoCredentials(run.stderr)
      expectNoCredentials(run.stdout)
    }
  })

  test('flags name the refusals: two kinds (exit 2, no request), a revoked token, the CAPTCHA lock', async () => {
    const before = sim.requests.length
    const both = await runCli(['whoami', '--username', USER, '--password', PASSWORD], PAT_ENV)
    expect(both.code).toBe(2)
    expect(both.stderr).toContain(
      'more than one kind are given: JIRA_PERSONAL_ACCESS_TOKEN (a personal access token) and --username + --password (Basic auth)',
    )
    expect(sim.requests.length).toBe(before)
    const bootstrap = await runCli(['bootstrap'], PAT_ENV)
    expect([bootstrap.code, sim.requests.length]).toEqual([2, before])
    expect(bootstrap.stderr).toContain('OAuth only')
    const revoked = await runCli(['whoami'], { JIRA_PERSONAL_ACCESS_TOKEN: revokedPat })
    expect(revoked.code).toBe(1)
    expect(revoked.stderr).toMatch(/did not accept the personal access token/)
    sim.addUser({ name: 'cli.locked' })
    for (let i = 0; i < 3; i++) await runCli(['whoami', '--username', 'cli.locked', '--password', 'bad'], {})
    const locked = await runCli(['whoami', '--username', 'cli.locked', '--password', PASSWORD], {})
    expect(locked.code).toBe(1)
    expect(locked.stderr).toMatch(/AUTHENTICATION_DENIED[\s\S]*Reset Failed Login Count/)
    for (const run of [both, bootstrap, revoked, locked]) {
      expectNoCredentials(run.stderr)
      expectNoCredentials(run.stdout)
    }
  })

  test('JSON on stdout carries no credential when a proxy echoes the headers', async () => {
    sim.injectFault({ kind: 'status', status: 500, echoHeaders: 'json', path: '/rest/api/2/issue/PAT-2', times: 1 })
    const run = await runCli(['issues', '--issues', 'PAT-2', '--comment', 'x', '--retries', '0'], BASIC_ENV)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Proxy error 500')
    expectNoCredentials(run.stdout)
    expectNoCredentials(run.stderr)
  })
})
