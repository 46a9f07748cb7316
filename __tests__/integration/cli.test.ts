// The CLI end to end against the Jira simulator: `node dist/cli.js` as a user runs it (the bundle
// that `npm test` builds first; JIRA_OAUTH_CLI_BIN may name another). The only way in is argv,
// environment and stdin.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startJiraSimulator, type JiraSimulator } from '../../simulator/index.js'
import { BUNDLE_NODE } from '../../scripts/lib/action-runner.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = process.env.JIRA_OAUTH_CLI_BIN ?? join(ROOT, 'dist', 'cli.js')
const KEY_FILE = join(ROOT, '__tests__/fixtures/keys/wiki-testcases.pem')
const PRIVATE_KEY = readFileSync(KEY_FILE, 'utf8')
const PUBLIC_KEY = readFileSync(join(ROOT, '__tests__/fixtures/keys/wiki-testcases.pub.pem'), 'utf8')
const CONSUMER = 'cli-consumer'

interface Finished {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

interface RunningCli {
  write(text: string): void
  /** Resolves with the first match of `pattern` in stderr so far or to come. */
  stderrMatch(pattern: RegExp): Promise<RegExpMatchArray>
  readonly done: Promise<Finished>
}

function startCli(args: string[], env: Record<string, string>): RunningCli {
  let stdout = ''
  let stderr = ''
  const waiters: (() => void)[] = []
  const onStderr = (text: string) => {
    stderr += text
    for (const wake of waiters.splice(0)) wake()
  }
  const child = spawn(BUNDLE_NODE, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => {
    onStderr(chunk.toString())
  })
  const stdin = child.stdin
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stdout, stderr })
    }),
  )
  return {
    write: (text) => stdin.write(text),
    done,
    stderrMatch(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stderr)
          if (match) {
            resolve(match)
            return
          }
          waiters.push(check)
        }
        void done.then(() =>
          setTimeout(() => {
            reject(new Error(`exited without ${pattern} on stderr:\n${stderr}`))
          }, 50),
        )
        check()
      })
    },
  }
}

async function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<Finished> {
  const cli = startCli(args, env)
  if (stdin !== undefined) cli.write(stdin)
  return cli.done
}

let sim: JiraSimulator
let tmp: string
let env: Record<string, string>

beforeAll(async () => {
  sim = await startJiraSimulator()
  sim.addConsumer({ key: CONSUMER, publicKeyPem: PUBLIC_KEY })
  sim.addIssue({ key: 'ABC-1', summary: 'First issue', status: 'To Do' })
  tmp = mkdtempSync(join(tmpdir(), 'jira-oauth-cli-'))
  env = {
    JIRA_BASE_URL: sim.baseUrl,
    JIRA_CONSUMER_KEY: CONSUMER,
    JIRA_PRIVATE_KEY_FILE: KEY_FILE,
    JIRA_ACCESS_TOKEN: sim.issueAccessToken(CONSUMER).token,
  }
})

afterAll(async () => {
  await sim.close()
  rmSync(tmp, { recursive: true, force: true })
})

const authorizeToken = (match: RegExpMatchArray) => decodeURIComponent(match[1]!)
const AUTHORIZE_URL = /\/plugins\/servlet\/oauth\/authorize\?oauth_token=([^\s&]+)/

describe(`jira-oauth (spawned: node ${BIN})`, () => {
  it('whoami works from environment variables alone', async () => {
    const run = await runCli(['whoami'], env)
    expect(run).toMatchObject({ code: 0 })
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'ci-bot', displayName: 'CI Bot' })
    expect(run.stderr).toContain('Signed in to Jira as CI Bot (ci-bot).')
  })

  it('request works from environment variables alone and exits 1 on a 404', async () => {
    const run = await runCli(['request', '--path', '/rest/api/2/issue/ABC-1', '--query', 'fields=summary,status'], env)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      key: 'ABC-1',
      fields: { summary: 'First issue', status: { name: 'To Do' } },
    })
    const missing = await runCli(['request', '--path=/rest/api/2/issue/ABC-999'], env)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('answered 404')
  })

  it('takes the key inline from JIRA_PRIVATE_KEY, and flags over the environment', async () => {
    const inline = { ...env, JIRA_PRIVATE_KEY: PRIVATE_KEY }
    delete (inline as Record<string, string | undefined>).JIRA_PRIVATE_KEY_FILE
    expect((await runCli(['whoami'], inline)).code).toBe(0)
    const wrong = await runCli(['whoami', '--consumer-key', 'nobody'], env)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('consumer_key_unknown')
  })

  it('answers usage errors with exit 2 and help with exit 0', async () => {
    const bad = await runCli(['whoami', '--bogus'], env)
    expect(bad).toMatchObject({ code: 2, stdout: '' })
    expect(bad.stderr).toContain('Unknown flag --bogus.')
    const help = await runCli(['--help'], {})
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Exit codes:')
  })

  it('never prints the token or the key when Jira refuses them', async () => {
    const revoked = sim.issueAccessToken(CONSUMER).token
    sim.revokeToken(revoked)
    const run = await runCli(['whoami', '--verbose'], { ...env, JIRA_ACCESS_TOKEN: revoked })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('token_rejected')
    for (const secret of [revoked, ...PRIVATE_KEY.split('\n').filter((l) => l.length > 8 && !l.startsWith('-----'))]) {
      expect(run.stderr).not.toContain(secret)
      expect(run.stdout).not.toContain(secret)
    }
  })

  it('bootstrap: the verification code piped on stdin becomes a working access token', async () => {
    const bootstrapEnv = { ...env, JIRA_ACCESS_TOKEN: '' }
    const cli = startCli(['bootstrap'], bootstrapEnv)
    const requestToken = authorizeToken(await cli.stderrMatch(AUTHORIZE_URL))
    await cli.stderrMatch(/verification code/)
    const { verifier } = sim.approve(requestToken)
    cli.write(`${verifier}\n`)
    const run = await cli.done
    expect(run.code).toBe(0)
    const issued = JSON.parse(run.stdout) as { accessToken: string }
    expect(issued.accessToken).toMatch(/\S{8,}/)
    expect(run.stderr).not.toContain(issued.accessToken)
    expect(run.stderr).toContain('gh secret set JIRA_ACCESS_TOKEN')
    expect((await runCli(['whoami'], { ...env, JIRA_ACCESS_TOKEN: issued.accessToken })).code).toBe(0)
  })

  it("bootstrap --callback-port: Jira's redirect to 127.0.0.1 completes the dance", async () => {
    const cli = startCli(['bootstrap', '--callback-port', '0', '--wait-seconds', '30'], {
      ...env,
      JIRA_ACCESS_TOKEN: '',
    })
    const requestToken = authorizeToken(await cli.stderrMatch(AUTHORIZE_URL))
    const { redirectUrl } = sim.approve(requestToken)
    expect(redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?oauth_token=/)
    // What the browser does after Allow.
    const page = await fetch(redirectUrl!)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('You can close this window')
    const run = await cli.done
    expect(run.code).toBe(0)
    const { accessToken } = JSON.parse(run.stdout) as { accessToken: string }
    expect((await runCli(['whoami'], { ...env, JIRA_ACCESS_TOKEN: accessToken })).code).toBe(0)
  })

  it('keygen: the simulator accepts the generated public key, and the private key signs', async () => {
    const out = join(tmp, 'generated-private.pem')
    const run = await runCli(['keygen', '--bits', '2048', '--out', out, '--consumer-key', 'generated-consumer'], {})
    expect(run.code).toBe(0)
    const { publicKeyFile, publicKey } = JSON.parse(run.stdout) as { publicKeyFile: string; publicKey: string }
    expect(readFileSync(publicKeyFile, 'utf8')).toBe(publicKey)
    sim.addConsumer({ key: 'generated-consumer', publicKeyPem: publicKey })
    const token = sim.issueAccessToken('generated-consumer').token
    const whoami = await runCli(['whoami'], {
      ...env,
      JIRA_CONSUMER_KEY: 'generated-consumer',
      JIRA_PRIVATE_KEY_FILE: out,
      JIRA_ACCESS_TOKEN: token,
    })
    expect(whoami.code).toBe(0)
    expect(JSON.parse(whoami.stdout)).toMatchObject({ name: 'ci-bot' })
    const again = await runCli(['keygen', '--bits', '2048', '--out', out], {})
    expect(again.code).toBe(1)
  })

  it('issues: the same flags as the action inputs; a re-run changes nothing twice', async () => {
    sim.addIssue({ key: 'CLI-1', status: 'In Review' })
    sim.addIssue({ key: 'CLI-2', status: 'Deployed' })
    const ciEnv = {
      ...env,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_RUN_ID: '77',
      GITHUB_RUN_NUMBER: '3',
      GITHUB_WORKFLOW: 'Deploy',
      GITHUB_JOB: 'deploy',
      GITHUB_ACTION: 'jira',
    }
    const args = [
      'issues',
      '--issues',
      'cli-1 CLI-2',
      '--transition',
      'Deployed',
      '--comment',
      'Deployed by {{run-url}}',
      '--link',
    ]
    const first = await runCli(args, ciEnv)
    expect(first.code).toBe(0)
    const out = JSON.parse(first.stdout) as {
      issues: string[]
      failed: string[]
      results: { key: string; transition: string; comment: string }[]
    }
    expect(out.issues).toEqual(['CLI-1', 'CLI-2'])
    expect(out.failed).toEqual([])
    expect(out.results.map((r) => [r.key, r.transition, r.comment])).toEqual([
      ['CLI-1', 'transitioned', 'created'],
      ['CLI-2', 'already-in-status', 'created'],
    ])
    const second = await runCli(args, ciEnv)
    expect(second.code).toBe(0)
    expect(sim.issue('CLI-1')?.comments).toHaveLength(1)
    expect(sim.issue('CLI-1')?.remoteLinks).toHaveLength(1)
    const missing = await runCli(['issues', '--issues', 'CLI-404', '--transition', 'Deployed'], ciEnv)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/CLI-404 does not exist/)
  })

  it('issues: --fix-version, --release-version and --labels, with the versions in the JSON', async () => {
    sim.addIssue({ key: 'CLIV-1', labels: ['old'] })
    const args = ['issues', '--issues', 'CLIV-1', '--fix-version', '7.0', '--release-version', '--labels', 'deployed']
    const run = await runCli(args, env)
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as {
      results: { fixVersion: string; labels: string }[]
      versions: { project: string; name: string; released: boolean; action: string }[]
    }
    expect(out.results).toMatchObject([{ fixVersion: 'created', labels: 'created' }])
    expect(out.versions).toMatchObject([{ project: 'CLIV', name: '7.0', released: true, action: 'released' }])
    expect(run.stderr).toContain('Fix version 7.0 in CLIV: released')
    expect(sim.issue('CLIV-1')).toMatchObject({ fixVersions: ['7.0'], labels: ['old', 'deployed'] })
    const spaced = await runCli(['issues', '--issues', 'CLIV-1', '--labels', 'two words'], env)
    expect(spaced.code).toBe(2)
    expect(spaced.stderr).toMatch(/--labels has a label with spaces/)
  })

  it('issues outside GitHub Actions: GitLab pipelines de-duplicate by pipeline; with no run id each run comments', async () => {
    sim.addIssue({ key: 'GL-1' })
    const gitlab = {
      ...env,
      GITLAB_CI: 'true',
      CI_PIPELINE_ID: '551',
      CI_PIPELINE_URL: 'https://gitlab.example.com/g/p/-/pipelines/551',
      CI_JOB_NAME: 'deploy',
      CI_PROJECT_PATH: 'g/p',
    }
    const args = ['issues', '--issues', 'GL-1', '--comment', 'Deployed by {{run-url}}', '--link']
    expect((await runCli(args, gitlab)).code).toBe(0)
    expect((await runCli(args, gitlab)).code).toBe(0)
    expect(sim.issue('GL-1')?.comments.map((c) => c.body.split('\n')[0])).toEqual([
      'Deployed by https://gitlab.example.com/g/p/-/pipelines/551',
    ])
    expect(sim.issue('GL-1')?.remoteLinks.map((l) => l.object.url)).toEqual([
      'https://gitlab.example.com/g/p/-/pipelines/551',
    ])
    sim.addIssue({ key: 'NOCI-1' })
    const plain = await runCli(['issues', '--issues', 'NOCI-1', '--comment', 'Deployed'], env)
    expect(plain.code).toBe(0)
    expect(plain.stderr).toMatch(/No CI run id/)
    await runCli(['issues', '--issues', 'NOCI-1', '--comment', 'Deployed'], env)
    expect(sim.issue('NOCI-1')?.comments).toHaveLength(2)
  })
})
