// main() receives its dependencies: a recording @actions/core and a scripted transport.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../../src/action/main.js'
import type { HttpRequest, HttpResponse } from '../../../src/jira/transport.js'
import { ROOT } from '../../../scripts/lib/action-runner.js'
import { recordingCore } from '../../helpers/fake-core.js'

const PEM = readFileSync(join(ROOT, '__tests__', 'fixtures', 'keys', 'wiki-testcases.pem'), 'utf8')

const INPUTS = {
  'base-url': 'https://jira.example.com/jira',
  'consumer-key': 'ck',
  'private-key': PEM.replace(/\n/g, '\\n'),
  'access-token': 'token-value-123',
}

describe('action main()', () => {
  test('masks every secret (whole PEM, each line, token) before anything else is said', async () => {
    const sent: HttpRequest[] = []
    const { core, calls } = recordingCore({ ...INPUTS, command: 'whoami' })
    await run({
      core,
      env: {},
      clientDeps: {
        transport: async (r): Promise<HttpResponse> => (
          sent.push(r),
          { status: 200, headers: {}, body: '{"name":"ci-bot","displayName":"CI Bot"}' }
        ),
      },
    })
    const firstOther = calls.findIndex(([name]) => name !== 'setSecret')
    const masked = calls.slice(0, firstOther).map(([, value]) => value as string)
    expect(calls.slice(firstOther).some(([name]) => name === 'setSecret')).toBe(false)
    expect(masked).toContain('token-value-123')
    expect(masked).toContain(INPUTS['private-key'])
    for (const line of PEM.split('\n').filter((l) => l && !l.startsWith('-----'))) expect(masked).toContain(line)
    expect(calls).toContainEqual(['setOutput', 'name', 'ci-bot'])
    expect(sent).toHaveLength(1)
    expect(sent[0]!.headers.authorization).toMatch(/^OAuth oauth_consumer_key="ck", .*oauth_token="token-value-123"/)
  })

  test('bad input: one setFailed with what is wrong and how to fix it, no request', async () => {
    const sent: HttpRequest[] = []
    const { core, calls } = recordingCore({
      ...INPUTS,
      command: 'request',
      path: '/rest/api/2/issue',
      method: 'GET',
      body: '{"a":1}',
    })
    await run({
      core,
      env: {},
      clientDeps: { transport: async (r) => (sent.push(r), { status: 200, headers: {}, body: '' }) },
    })
    const failures = calls.filter(([name]) => name === 'setFailed')
    expect(failures).toHaveLength(1)
    expect(failures[0]![1]).toMatch(
      /input `body` is set but input `method` is GET[\s\S]*Set input `method` to POST or PUT/,
    )
    expect(sent).toHaveLength(0)
  })

  test('a Jira Cloud base-url gets a warning about the deprecation, and still works', async () => {
    const { core, calls } = recordingCore({ ...INPUTS, 'base-url': 'https://acme.atlassian.net', command: 'whoami' })
    await run({
      core,
      env: {},
      clientDeps: { transport: async () => ({ status: 200, headers: {}, body: '{"accountId":"5b10"}' }) },
    })
    expect(calls.find(([name]) => name === 'warning')?.[1]).toMatch(
      /Jira Cloud site, where Atlassian has deprecated OAuth 1\.0a/,
    )
    expect(calls).toContainEqual(['setOutput', 'name', '5b10'])
  })
})
