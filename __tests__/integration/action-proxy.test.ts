import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestCertificateAuthority } from '../../simulator/index.js'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { runAction } from '../../scripts/lib/action-runner.js'

/** A minimal forward proxy (absolute-form requests), recording what went through it. */
function startProxy(): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const upstream = request(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  // HTTPS through the proxy: a CONNECT tunnel; TLS runs end to end, the proxy sees only bytes.
  server.on('connect', (req, client, head) => {
    seen.push(`CONNECT ${req.url}`)
    const [host, port] = (req.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server })
    }),
  )
}

let jira: JiraFixture
let proxy: Awaited<ReturnType<typeof startProxy>>
beforeAll(async () => {
  jira = await startJira()
  proxy = await startProxy()
})
afterAll(async () => {
  await jira.sim.close()
  proxy.server.closeAllConnections()
  await new Promise((resolve) => proxy.server.close(resolve))
})

describe('proxies from the environment', () => {
  test('HTTP_PROXY carries the signed request, and the signature still verifies', async () => {
    const run = await runAction({ ...jira.inputs, command: 'whoami' }, { env: { HTTP_PROXY: proxy.url } })
    expect(run.exitCode).toBe(0)
    expect(proxy.seen).toContain(`GET ${jira.sim.baseUrl}/rest/api/2/myself`)
  })

  test('NO_PROXY bypasses it', async () => {
    const before = proxy.seen.length
    const run = await runAction(
      { ...jira.inputs, command: 'whoami' },
      { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } },
    )
    expect(run.exitCode).toBe(0)
    expect(proxy.seen.length).toBe(before)
  })

  test('HTTPS_PROXY tunnels to an HTTPS Jira, with its private CA still verified', async () => {
    const ca = createTestCertificateAuthority(mkdtempSync(join(tmpdir(), 'proxy-ca-')))
    const https = await startJira({ tls: { key: ca.key, cert: ca.cert } })
    try {
      const run = await runAction(
        { ...https.inputs, command: 'whoami' },
        { env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caCertPath } },
      )
      expect(run.exitCode).toBe(0)
      expect(proxy.seen).toContain(`CONNECT ${new URL(https.sim.baseUrl).host}`)
    } finally {
      await https.sim.close()
    }
  })
})
