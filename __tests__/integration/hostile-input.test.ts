// Hostile input end to end: Jira (or a proxy in front of it) echoing our request headers, and
// text from Jira or the event shaped like workflow commands. The action runs as the runner runs
// it; the CLI is spawned from dist/cli.js. Logs are replayed the way the runner reads them.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startGitHubApiSimulator, type GitHubApiSimulator } from '../../simulator/index.js'
import { PRIVATE_KEY, startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { runAction, type ActionRun } from '../../scripts/lib/action-runner.js'
import { runCli as runCliBin, type CliRun } from '../helpers/cli-run.js'
import { replayRunnerLog } from '../helpers/runner-log.js'
import { pushEvent } from '../helpers/events.js'

let jira: JiraFixture
let github: GitHubApiSimulator
beforeAll(async () => {
  jira = await startJira()
  github = await startGitHubApiSimulator()
})
afterAll(async () => {
  await jira.sim.close()
  await github.close()
})

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliBin(args, {
    JIRA_BASE_URL: jira.sim.baseUrl,
    JIRA_CONSUMER_KEY: jira.inputs['consumer-key'],
    JIRA_PRIVATE_KEY: PRIVATE_KEY,
    JIRA_ACCESS_TOKEN: jira.accessToken,
    ...env,
  })
}

/** Every form a secret may take in an echo: raw, and percent-encoded as in the Authorization header. */
function secretForms(): string[] {
  const keyLines = PRIVATE_KEY.split('\n').filter((l) => l.length > 8 && !l.startsWith('-----'))
  return [jira.accessToken, encodeURIComponent(jira.accessToken), ...keyLines]
}

function expectNoSecret(where: string, text: string): void {
  for (const secret of secretForms()) {
    if (text.includes(secret)) throw new Error(`${where} carries a secret: …${secret.slice(0, 6)}…`)
  }
}

const ECHO_FORMATS = ['json', 'html', 'text'] as const

describe('echoed request headers leave no secret in any output', () => {
  test('issues: the results output and the annotations, for JSON, HTML and text echoes', async () => {
    for (const [i, format] of ECHO_FORMATS.entries()) {
      jira.sim.addIssue({ key: `ECHO-${i + 1}`, summary: `Echo ${format}`, status: 'To Do' })
      jira.sim.injectFault({
        kind: 'status',
        status: 400,
        echoHeaders: format,
        method: 'POST',
        path: `/rest/api/2/issue/ECHO-${i + 1}/comment`,
      })
    }
    const r = await runAction(
      { ...jira.inputs, command: 'issues', projects: 'ECHO', comment: 'Deployed {{issue}}' },
      { event: pushEvent(['ECHO-1 ECHO-2 ECHO-3 ship it']), env: { GITHUB_API_URL: github.url } },
    )
    // The echo really happened and reached the results: the header name is quoted, its value is not.
    const results = JSON.parse(r.outputs.results!) as { key: string; ok: boolean; error?: string }[]
    expect(results.map((row) => row.ok)).toEqual([false, false, false])
    expect(r.outputs.results).toMatch(/authorization/i)
    for (const [name, value] of Object.entries(r.outputs)) expectNoSecret(`output ${name}`, value)
    expectNoSecret('the job summary', r.summary)
    const log = replayRunnerLog(r.stdout, r.stderr)
    expectNoSecret('the log', log.visible.join('\n'))
    for (const c of log.commands.filter((c) => c.name !== 'add-mask')) expectNoSecret(`::${c.name}::`, c.data)
  })

  test('request: `response` is the body as received; every other output is redacted', async () => {
    jira.sim.injectFault({ kind: 'status', status: 400, echoHeaders: 'json', path: '/rest/api/2/myself' })
    const r = await runAction({ ...jira.inputs, command: 'request', path: '/rest/api/2/myself' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.response).toContain(jira.accessToken)
    for (const [name, value] of Object.entries(r.outputs)) if (name !== 'response') expectNoSecret(name, value)
  })

  test('CLI issues: the JSON on stdout and stderr, for JSON, HTML and text echoes', async () => {
    for (const [i, format] of ECHO_FORMATS.entries()) {
      jira.sim.addIssue({ key: `CLIECHO-${i + 1}`, summary: `Echo ${format}`, status: 'To Do' })
      jira.sim.injectFault({
        kind: 'status',
        status: 400,
        echoHeaders: format,
        method: 'POST',
        path: `/rest/api/2/issue/CLIECHO-${i + 1}/comment`,
      })
    }
    const r = await runCli(['issues', '--issues', 'CLIECHO-1,CLIECHO-2,CLIECHO-3', '--comment', 'Deployed {{issue}}'], {
      GITHUB_API_URL: github.url,
    })
    const printed = JSON.parse(r.stdout) as { results: { ok: boolean; error?: string }[] }
    expect(printed.results.map((row) => row.ok)).toEqual([false, false, false])
    expect(r.stdout).toMatch(/authorization/i)
    expect(r.stdout).toContain('***')
    expectNoSecret('CLI stdout', r.stdout)
    expectNoSecret('CLI stderr', r.stderr)
  })
})

const PAYLOADS = [
  '\n::set-output name=x::y',
  '%0A::error::pwn',
  '::stop-commands::tok',
  '\r::warning::cr',
  '##[error]v1',
]
// Each payload on its own line, as a newline in Jira's text would put it.
const HOSTILE = `Mallory${PAYLOADS.map((p) => `\n${p}`).join('')}`
/** What a command would carry had a payload become one. */
const INJECTED = /^(y|pwn|tok|cr|v1)$/

/**
 * Commands that did not come from our code: any name our code never writes (set-output,
 * stop-commands, ...), or one whose data is a payload's (a live "::error::pwn" line). Our own
 * annotations may quote the payloads: the toolkit escapes them into one line of data.
 */
function untrustedCommands(run: Pick<ActionRun, 'stdout' | 'stderr'>) {
  return replayRunnerLog(run.stdout, run.stderr).commands.filter(
    (c) => !['add-mask', 'debug', 'error', 'warning', 'notice'].includes(c.name) || INJECTED.test(c.data),
  )
}

describe('text from Jira and the event prints inertly', () => {
  test('whoami: a display name with command lines in it starts no command', async () => {
    jira.sim.addUser({ name: 'mallory', displayName: HOSTILE })
    const { token } = jira.sim.issueAccessToken(jira.inputs['consumer-key'], 'mallory')
    const r = await runAction({ ...jira.inputs, 'access-token': token, command: 'whoami' })
    expect(r.exitCode).toBe(0)
    const log = replayRunnerLog(r.stdout, r.stderr)
    expect(untrustedCommands(r)).toEqual([])
    // Still readable: each payload line is there, with a backslash before its "::".
    expect(log.visible.join('\n')).toContain('\\::set-output name=x::y')
    expect(log.visible.join('\n')).toContain('\\::warning::cr')
    expect(JSON.parse(r.outputs.user!)).toMatchObject({ displayName: HOSTILE })
  })

  test('issues: summaries, commit messages and Jira error texts start no command; our annotations stay live', async () => {
    jira.sim.addIssue({ key: 'EVIL-1', summary: HOSTILE, status: 'To Do' })
    jira.sim.addIssue({ key: 'EVIL-2', summary: 'Fine', status: 'To Do' })
    jira.sim.injectFault({
      kind: 'status',
      status: 400,
      body: JSON.stringify({ errorMessages: [`Refused${PAYLOADS.join('')}`] }),
      method: 'POST',
      path: '/rest/api/2/issue/EVIL-2/comment',
    })
    const r = await runAction(
      { ...jira.inputs, command: 'issues', projects: 'EVIL', comment: 'Deployed {{issue}}', 'fail-on-error': 'true' },
      { event: pushEvent([`EVIL-1 EVIL-2 ${HOSTILE}`]), env: { GITHUB_API_URL: github.url } },
    )
    expect(r.exitCode).toBe(1)
    expect(untrustedCommands(r)).toEqual([])
    // Our own failure annotations are still read as commands (no stop-commands took effect).
    const errors = replayRunnerLog(r.stdout, r.stderr).commands.filter((c) => c.name === 'error')
    expect(errors.map((c) => c.properties.title)).toContain('Jira EVIL-2')
    expect(errors.some((c) => c.data.includes('Refused'))).toBe(true)
  })

  test('CLI: whoami and issues print Jira text inertly on stderr', async () => {
    const { token } = jira.sim.issueAccessToken(jira.inputs['consumer-key'], 'mallory')
    const whoami = await runCli(['whoami'], { JIRA_ACCESS_TOKEN: token })
    expect(whoami.code).toBe(0)
    expect(untrustedCommands(whoami)).toEqual([])
    expect(whoami.stderr).toContain('\\::stop-commands::tok')
    jira.sim.injectFault({
      kind: 'status',
      status: 400,
      body: JSON.stringify({ errorMessages: [`Refused${PAYLOADS.join('')}`] }),
      method: 'POST',
      path: '/rest/api/2/issue/EVIL-1/comment',
    })
    const issues = await runCli(['issues', '--issues', 'EVIL-1', '--comment', 'x'], { GITHUB_API_URL: github.url })
    expect(issues.code).toBe(1)
    expect(issues.stderr).toContain('Refused')
    expect(untrustedCommands(issues)).toEqual([])
  })
})
