// dist/cli.js is the release asset for GitLab CI, Jenkins...: one file that runs with `node` alone.
// Copied alone into an empty folder (no node_modules, no chunk files), it must still do its work,
// including the code the build folds in from on-demand chunks (the proxy agent, through HTTP_PROXY).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startJiraSimulator, type JiraSimulator } from '../../simulator/index.js'
import { BUNDLE_NODE } from '../../scripts/lib/action-runner.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PUBLIC_KEY = readFileSync(join(ROOT, '__tests__/fixtures/keys/wiki-testcases.pub.pem'), 'utf8')
const CONSUMER = 'one-file-consumer'
const run = promisify(execFile)

let sim: JiraSimulator
let dir: string
let env: Record<string, string>

beforeAll(async () => {
  sim = await startJiraSimulator()
  sim.addConsumer({ key: CONSUMER, publicKeyPem: PUBLIC_KEY })
  dir = mkdtempSync(join(tmpdir(), 'jira-oauth-one-file-'))
  copyFileSync(join(ROOT, 'dist', 'cli.js'), join(dir, 'cli.js'))
  copyFileSync(join(ROOT, '__tests__/fixtures/keys/wiki-testcases.pem'), join(dir, 'key.pem'))
  env = {
    PATH: process.env.PATH ?? '',
    JIRA_BASE_URL: sim.baseUrl,
    JIRA_CONSUMER_KEY: CONSUMER,
    JIRA_PRIVATE_KEY_FILE: join(dir, 'key.pem'),
    JIRA_ACCESS_TOKEN: sim.issueAccessToken(CONSUMER).token,
  }
})

afterAll(async () => {
  await sim.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A forwarding HTTP proxy (absolute-URI requests), counting what it forwards. */
async function startProxy(): Promise<{ server: Server; url: string; forwarded: string[] }> {
  const forwarded: string[] = []
  const server = createServer((req, res) => {
    forwarded.push(req.url ?? '')
    const upstream = request(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, forwarded }
}

describe('dist/cli.js alone in an empty folder', () => {
  it('is the only file there', () => {
    expect(readdirSync(dir).sort()).toEqual(['cli.js', 'key.pem'])
  })

  it('prints its help', async () => {
    const { stdout } = await run(BUNDLE_NODE, ['cli.js', '--help'], { cwd: dir, env })
    expect(stdout).toContain('Usage: jira-oauth <command>')
  })

  it('runs whoami against Jira', async () => {
    const { stdout } = await run(BUNDLE_NODE, ['cli.js', 'whoami'], { cwd: dir, env })
    expect(JSON.parse(stdout)).toMatchObject({ name: 'ci-bot' })
  })

  it('runs whoami through a proxy, with the proxy agent folded into the file', async () => {
    const proxy = await startProxy()
    try {
      const { stdout } = await run(BUNDLE_NODE, ['cli.js', 'whoami'], {
        cwd: dir,
        env: { ...env, HTTP_PROXY: proxy.url, NO_PROXY: '' },
      })
      expect(JSON.parse(stdout)).toMatchObject({ name: 'ci-bot' })
      expect(proxy.forwarded).toContain(`${sim.baseUrl}/rest/api/2/myself`)
    } finally {
      proxy.server.close()
    }
  })
})
