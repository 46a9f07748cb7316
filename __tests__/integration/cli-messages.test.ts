// What the CLI (and the action, where it shares the rule) says when what it was asked cannot work:
// a placeholder with no value outside CI, an event file that is not there, https:// to a port that
// speaks plain HTTP, a proxy that is down. Each in words, before or instead of the raw error.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUNDLE_NODE, ROOT, runAction } from '../../scripts/lib/action-runner.js'
import { CONSUMER_KEY, KEYS, startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'

let jira: JiraFixture
let dir: string
let env: Record<string, string>

beforeAll(async () => {
  jira = await startJira()
  dir = mkdtempSync(join(tmpdir(), 'cli-messages-'))
  env = {
    PATH: process.env.PATH ?? '',
    JIRA_BASE_URL: jira.sim.baseUrl,
    JIRA_CONSUMER_KEY: CONSUMER_KEY,
    JIRA_PRIVATE_KEY_FILE: join(KEYS, 'wiki-testcases.pem'),
    JIRA_ACCESS_TOKEN: jira.accessToken,
  }
})

afterAll(async () => {
  await jira.sim.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Finished {
  code: number
  stdout: string
  stderr: string
}

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(
      BUNDLE_NODE,
      [join(ROOT, 'dist', 'cli.js'), ...args],
      { env: { ...env, ...extraEnv } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr })
      },
    )
  })
}

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

const requestsTo = (key: string) => jira.sim.requests.filter((r) => r.path.includes(key)).length

describe('placeholders with no value outside CI', () => {
  it('--comment with {{run-url}} outside CI is refused before any request, naming it (as --link is)', async () => {
    jira.sim.addIssue({ key: 'MSG-1', status: 'To Do' })
    const before = jira.sim.requests.length
    const run = await cli(['issues', '--issues', 'MSG-1', '--comment', 'Built in {{run-url}} ({{short-sha}})'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('{{run-url}}, {{short-sha}}, which have no value outside a CI run')
    expect(run.stderr).toContain('CI_PIPELINE_URL (GitLab CI) or BUILD_URL (Jenkins) are not set')
    expect(jira.sim.requests.length).toBe(before)
    expect(jira.sim.issue('MSG-1')?.comments).toEqual([])
  })

  it('a comment whose placeholders always have a value ({{issue}}, {{status}}) is posted outside CI', async () => {
    jira.sim.addIssue({ key: 'MSG-2', status: 'To Do' })
    const run = await cli(['issues', '--issues', 'MSG-2', '--comment', 'Checked {{issue}}: {{status}}'])
    expect(run.code).toBe(0)
    expect(jira.sim.issue('MSG-2')?.comments.map((c) => c.body.split('\n')[0])).toEqual(['Checked MSG-2: To Do'])
  })

  it('inside a CI run (a GitLab pipeline) {{run-url}} has its value and the comment is posted', async () => {
    jira.sim.addIssue({ key: 'MSG-3', status: 'To Do' })
    const gitlab = {
      GITLAB_CI: 'true',
      CI_PIPELINE_ID: '77',
      CI_PIPELINE_URL: 'https://gitlab.example.com/g/p/-/pipelines/77',
    }
    const run = await cli(['issues', '--issues', 'MSG-3', '--comment', 'Built in {{run-url}}'], gitlab)
    expect(run.code).toBe(0)
    expect(jira.sim.issue('MSG-3')?.comments[0]?.body).toContain(
      'Built in https://gitlab.example.com/g/p/-/pipelines/77',
    )
  })
})

describe('the event file', () => {
  it('a GITHUB_EVENT_PATH that does not exist is said in words, exit 2, no request', async () => {
    const before = jira.sim.requests.length
    const missing = join(dir, 'no-such-event.json')
    const run = await cli(['issues', '--transition', 'Done'], { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: missing })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `The event file ${missing}, from --event (or GITHUB_EVENT_PATH), for the push event, cannot be read (no such file).`,
    )
    expect(run.stderr).toContain('name the issues with --issues or --jql')
    expect(jira.sim.requests.length).toBe(before)
  })

  it('--event: a file that is not JSON is said in words; without --event-name it asks for it', async () => {
    const broken = join(dir, 'broken-event.json')
    writeFileSync(broken, '{"commits": [')
    const run = await cli(['issues', '--event', broken, '--event-name', 'push'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `The event file ${broken}, from --event (or GITHUB_EVENT_PATH), for the push event, is not JSON`,
    )
    const nameless = await cli(['issues', '--event', broken])
    expect(nameless.code).toBe(2)
    expect(nameless.stderr).toContain(
      '--event (or GITHUB_EVENT_PATH) names an event file but --event-name (or GITHUB_EVENT_NAME) is not set.',
    )
  })

  it('--event with a push payload: the keys in its commits are processed', async () => {
    jira.sim.addIssue({ key: 'EVT-1', status: 'To Do' })
    const event = join(dir, 'push.json')
    writeFileSync(
      event,
      JSON.stringify({ ref: 'refs/heads/main', commits: [{ id: '1'.repeat(40), message: 'EVT-1 fix' }] }),
    )
    const run = await cli(['issues', '--event', event, '--event-name', 'push', '--transition', 'Deployed'])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as { issues: string[] }).issues).toEqual(['EVT-1'])
    expect(jira.sim.issue('EVT-1')?.status).toBe('Deployed')
  })

  it('the action fails the same way on a missing event file', async () => {
    const run = await runAction(
      { ...jira.inputs, command: 'issues' },
      { env: { GITHUB_EVENT_PATH: join(dir, 'gone.json') }, event: { name: 'push', payload: {} } },
    )
    expect(run.exitCode).not.toBe(0)
    expect(run.annotations.map((a) => a.message).join('\n')).toContain('cannot be read (no such file)')
  })
})

describe('connections that never reach Jira', () => {
  const plainAsTls = () => jira.sim.baseUrl.replace(/^http:/, 'https:')

  it.each([
    ['whoami', ['whoami']],
    ['a POST', ['request', '--method', 'POST', '--path', '/rest/api/2/issue/MSG-1/comment', '--body', '{"body":"x"}']],
  ])(
    'https:// to the plain-HTTP port (%s): "this port does not speak TLS", no OpenSSL text, nothing acted',
    async (_, args) => {
      const requests = requestsTo('/rest/api/2/')
      const run = await cli(args, { JIRA_BASE_URL: plainAsTls() })
      expect(run.code).toBe(1)
      const port = new URL(jira.sim.baseUrl).port
      expect(run.stderr).toContain(`127.0.0.1:${port} does not speak TLS on this port`)
      expect(run.stderr).toContain('so Jira never got the request')
      expect(run.stderr).toContain(
        `Use http:// for this port in --base-url (or JIRA_BASE_URL) (http://127.0.0.1:${port}...)`,
      )
      expect(run.stderr).not.toMatch(/SSL routines|wrong version number|may or may not/)
      expect(requestsTo('/rest/api/2/')).toBe(requests)
    },
  )

  it('a dead HTTP_PROXY is reported as the proxy refusing, by its variable, without its password', async () => {
    const port = await closedPort()
    const run = await cli(['whoami'], { HTTP_PROXY: `http://proxyuser:s3cret-pass@127.0.0.1:${port}`, NO_PROXY: '' })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `the proxy http://127.0.0.1:${port} (from HTTP_PROXY) refused the connection (ECONNREFUSED); Jira was not reached.`,
    )
    expect(run.stderr).toContain('add 127.0.0.1 to NO_PROXY')
    expect(run.stderr).not.toContain('s3cret-pass')
    expect(run.stderr).not.toContain('connection refused by 127.0.0.1')
  })

  it('a dead HTTPS_PROXY for an https:// Jira names HTTPS_PROXY', async () => {
    const port = await closedPort()
    const run = await cli(['whoami'], {
      JIRA_BASE_URL: 'https://jira.example.invalid/jira',
      HTTPS_PROXY: `http://127.0.0.1:${port}`,
      NO_PROXY: '',
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`the proxy http://127.0.0.1:${port} (from HTTPS_PROXY) refused the connection`)
  })
})
