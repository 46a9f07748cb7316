import { describe, expect, it } from '@jest/globals'
import { startCallbackServer } from '../../../src/cli/callback-server.js'
import { parseOAuthChallenge } from '../../../src/core/oauth/oauth-problem.js'
import type { HttpRequest } from '../../../src/jira/transport.js'
import { JIRA_ENV, runCli } from './cli-harness.js'

const ENV = { ...JIRA_ENV, JIRA_ACCESS_TOKEN: undefined }
const ACCESS = 'oauth_token=BootAccess77&oauth_token_secret=BootSecret77&oauth_expires_in=157680000'

/** Jira's two token servlets; remembers the oauth_callback it was given. */
function tokenServlets() {
  const seen: { callback?: string; verifier?: string } = {}
  const jira = (r: HttpRequest) => {
    const oauth = parseOAuthChallenge(r.headers.authorization ?? '')
    if (r.url.endsWith('/request-token')) {
      seen.callback = oauth.oauth_callback
      return {
        status: 200,
        body: 'oauth_token=BootReq1&oauth_token_secret=BootReqSecret1&oauth_callback_confirmed=true',
      }
    }
    if (r.url.endsWith('/access-token') && oauth.oauth_token === 'BootReq1') {
      seen.verifier = oauth.oauth_verifier
      return { status: 200, body: ACCESS }
    }
    return undefined
  }
  return { jira, seen }
}

async function until<T>(value: () => T | undefined): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = value()
    if (v !== undefined) return v
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('timed out')
}

describe('bootstrap with the code on stdin', () => {
  it('requests an oob token, reads the code, and prints the access token', async () => {
    const { jira, seen } = tokenServlets()
    const run = await runCli(['bootstrap'], { env: ENV, jira, stdin: '\n  V3rifier \n' })
    expect(run.code).toBe(0)
    expect(seen).toEqual({ callback: 'oob', verifier: 'V3rifier' })
    expect(JSON.parse(run.stdout)).toMatchObject({ accessToken: 'BootAccess77', expiresIn: 157680000 })
    expect(run.stderr).toContain('https://jira.example.com/jira/plugins/servlet/oauth/authorize?oauth_token=BootReq1')
    expect(run.stderr).toContain('gh secret set JIRA_ACCESS_TOKEN')
    expect(run.stderr).not.toContain('BootAccess77')
    expect(run.stderr).not.toContain('V3rifier')
  })

  it('exits 1 when stdin ends without a code or the code has blanks (a request was already made)', async () => {
    const empty = await runCli(['bootstrap'], { env: ENV, jira: tokenServlets().jira, stdin: '' })
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain('No verification code was given')
    const blanks = await runCli(['bootstrap'], { env: ENV, jira: tokenServlets().jira, stdin: 'abc def\n' })
    expect(blanks.code).toBe(1)
    expect(blanks.stderr).toContain('The verification code contains blanks.')
    expect(blanks.stdout).toBe('')
  })

  it('checks its flags before any request', async () => {
    const run = await runCli(['bootstrap', '--callback-port', '70000'], { env: ENV })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--callback-port must be a whole number from 0 to 65535')
    expect(run.requests).toHaveLength(0)
  })
})

describe('bootstrap --callback-port', () => {
  it("catches Jira's redirect on 127.0.0.1 and exchanges its verifier", async () => {
    const { jira, seen } = tokenServlets()
    const running = runCli(['bootstrap', '--callback-port', '0', '--wait-seconds', '20'], { env: ENV, jira })
    const callback = await until(() => seen.callback)
    expect(callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    // An old tab with another request token is turned away; the wait goes on.
    expect((await fetch(`${callback}?oauth_token=Other&oauth_verifier=x`)).status).toBe(400)
    expect((await fetch(`${callback}favicon.ico`)).status).toBe(404)
    const page = await fetch(`${callback}?oauth_token=BootReq1&oauth_verifier=RedirVerif`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('You can close this window')
    const run = await running
    expect(run.code).toBe(0)
    expect(seen.verifier).toBe('RedirVerif')
    expect(JSON.parse(run.stdout)).toMatchObject({ accessToken: 'BootAccess77' })
    await expect(fetch(callback)).rejects.toThrow()
  })

  it('gives up after --wait-seconds, closing the server', async () => {
    const { jira, seen } = tokenServlets()
    const run = await runCli(['bootstrap', '--callback-port', '0', '--wait-seconds', '1'], { env: ENV, jira })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('within 1 seconds')
    await expect(fetch(seen.callback!)).rejects.toThrow()
  })
})

describe('callback server', () => {
  it('reports a denial', async () => {
    const server = await startCallbackServer(0)
    try {
      const denied = expect(server.waitForVerifier('T1', 10_000)).rejects.toThrow('access was denied')
      const page = await fetch(`${server.url}?oauth_token=T1&oauth_verifier=denied`)
      expect(await page.text()).toContain('Access denied')
      await denied
    } finally {
      await server.close()
    }
  })

  it('explains a port in use', async () => {
    const first = await startCallbackServer(0)
    const port = Number(new URL(first.url).port)
    try {
      await expect(startCallbackServer(port)).rejects.toThrow(`Cannot listen on 127.0.0.1:${port}`)
    } finally {
      await first.close()
    }
  })
})
