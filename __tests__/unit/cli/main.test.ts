import { describe, expect, it } from '@jest/globals'
import { CLI_COMMANDS } from '../../../src/cli/commands.js'
import type { CliFiles } from '../../../src/cli/files.js'
import {
  ACCESS_TOKEN,
  BASE_URL,
  ENCRYPTED_KEY,
  JIRA_ENV,
  json,
  PRIVATE_KEY,
  PRIVATE_KEY_FILE,
  pemLines,
  runCli,
} from './cli-harness.js'

const ME = { name: 'ci-bot', key: 'ci-bot', displayName: 'CI Bot' }
const myself = (r: { url: string }) => (r.url.endsWith('/rest/api/2/myself') ? json(200, ME) : undefined)
const authorization = (headers: Readonly<Record<string, string>>) => headers.authorization ?? ''

/** Reads only the files named here, like a sandbox. */
function filesWith(contents: Record<string, string>): CliFiles {
  return {
    readText: (path) => {
      if (path in contents) return contents[path]!
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' })
    },
    exists: (path) => path in contents,
    writeNew: () => {
      throw new Error('not in this test')
    },
    remove: () => {
      throw new Error('not in this test')
    },
  }
}

describe('help', () => {
  it('lists every command, the environment and the exit codes on stdout', async () => {
    const run = await runCli(['--help'])
    expect(run.code).toBe(0)
    for (const name of Object.keys(CLI_COMMANDS)) expect(run.stdout).toContain(`  ${name} `)
    expect(run.stdout).toMatch(/Exit codes:\n\s+0 {2}success\n\s+1 {2}failure/)
    expect(run.stdout).toContain('JIRA_PRIVATE_KEY_FILE')
    expect(run.stderr).toBe('')
    expect((await runCli([])).stdout).toBe(run.stdout)
  })

  it.each(Object.keys(CLI_COMMANDS))(
    '%s --help lists its flags with descriptions, examples and exit codes',
    async (name) => {
      const run = await runCli([name, '--help'])
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`Usage: jira-oauth ${name} [flags]`)
      for (const flag of CLI_COMMANDS[name]!.flags) expect(run.stdout).toMatch(new RegExp(`--${flag.name}\\b.*\\S{3,}`))
      expect(run.stdout).toContain('Examples:\n  jira-oauth ')
      expect(run.stdout).toContain('Exit codes:')
      expect((await runCli(['help', name])).stdout).toBe(run.stdout)
    },
  )

  it('shows env fallbacks next to the flags', async () => {
    const { stdout } = await runCli(['whoami', '--help'])
    expect(stdout).toMatch(/--base-url URL .*\[env JIRA_BASE_URL\]/)
    expect(stdout).toMatch(/--access-token TOKEN .*\[env JIRA_ACCESS_TOKEN\]/)
  })
})

describe('usage errors exit 2 before any request', () => {
  it.each([
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [['help', 'frobnicate'], 'Unknown command "frobnicate".'],
    [['whoami', '--bogus'], 'Unknown flag --bogus.'],
    [['request', '--path'], '--path needs a value'],
    [['request', '--timeout', 'soon', '--path', '/x'], '--timeout must be a whole number from 1 to 3600, not "soon".'],
    [['request', '--path', '/rest/api/2/myself', '--body', '{"a":1}'], '--body is set but --method is GET'],
    [['request'], '--path is required.'],
    [['issues', '--link', '--issues', 'ABC-1'], '--link needs the URL of the CI run'],
  ])('%j', async (argv, message) => {
    const run = await runCli(argv, { env: JIRA_ENV, jira: myself })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).toContain('--help')
    expect(run.requests).toHaveLength(0)
    expect(run.stdout).toBe('')
  })

  it('names each missing input with its flag and variable', async () => {
    const run = await runCli(['whoami'], { env: { JIRA_BASE_URL: BASE_URL } })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('error: --consumer-key (or JIRA_CONSUMER_KEY) is required.')
    const noToken = await runCli(['whoami'], { env: { ...JIRA_ENV, JIRA_ACCESS_TOKEN: '' } })
    expect(noToken.stderr).toContain('--access-token (or JIRA_ACCESS_TOKEN) is required.')
    expect(noToken.stderr).toContain('jira-oauth bootstrap')
  })
})

describe('inputs from flags and environment', () => {
  it('runs whoami from environment variables alone, printing the user as JSON', async () => {
    const run = await runCli(['whoami'], { env: JIRA_ENV, jira: myself })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual(ME)
    expect(run.stderr).toContain('Signed in to Jira as CI Bot (ci-bot).')
    expect(run.requests[0]!.url).toBe(`${BASE_URL}/rest/api/2/myself`)
    expect(authorization(run.requests[0]!.headers)).toContain(`oauth_token="${ACCESS_TOKEN}"`)
    expect(authorization(run.requests[0]!.headers)).toContain('oauth_consumer_key="ci-consumer"')
  })

  it('lets flags win over the environment', async () => {
    const run = await runCli(
      [
        'whoami',
        '--base-url',
        'https://other.example.com/',
        '--consumer-key=flag-consumer',
        '--access-token',
        'FlagToken123',
      ],
      { env: JIRA_ENV, jira: myself },
    )
    expect(run.code).toBe(0)
    expect(run.requests[0]!.url).toBe('https://other.example.com/rest/api/2/myself')
    expect(authorization(run.requests[0]!.headers)).toContain('oauth_consumer_key="flag-consumer"')
    expect(authorization(run.requests[0]!.headers)).toContain('oauth_token="FlagToken123"')
  })

  it('reads the private key from --private-key-file or JIRA_PRIVATE_KEY_FILE', async () => {
    const env = { ...JIRA_ENV, JIRA_PRIVATE_KEY: undefined }
    const files = filesWith({ '/keys/ci.pem': PRIVATE_KEY })
    expect((await runCli(['whoami', '--private-key-file', '/keys/ci.pem'], { env, jira: myself, files })).code).toBe(0)
    expect(
      (await runCli(['whoami'], { env: { ...env, JIRA_PRIVATE_KEY_FILE: '/keys/ci.pem' }, jira: myself, files })).code,
    ).toBe(0)
    // The flag wins over the variable.
    expect(
      (
        await runCli(['whoami', '--private-key', PRIVATE_KEY], {
          env: { ...env, JIRA_PRIVATE_KEY_FILE: '/missing.pem' },
          jira: myself,
          files,
        })
      ).code,
    ).toBe(0)
  })

  it('explains an unreadable key file by flag and path, without its contents', async () => {
    const env = { ...JIRA_ENV, JIRA_PRIVATE_KEY: undefined }
    const run = await runCli(['whoami', '--private-key-file', '/keys/nope.pem'], { env, files: filesWith({}) })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--private-key-file: cannot read "/keys/nope.pem" (ENOENT).')
    const fromEnv = await runCli(['whoami'], {
      env: { ...env, JIRA_PRIVATE_KEY_FILE: '/keys/nope.pem' },
      files: filesWith({}),
    })
    expect(fromEnv.stderr).toContain('JIRA_PRIVATE_KEY_FILE: cannot read "/keys/nope.pem"')
  })

  it('names the key file when it holds no private key, and refuses two key sources', async () => {
    const env = { ...JIRA_ENV, JIRA_PRIVATE_KEY: undefined }
    const run = await runCli(['whoami', '--private-key-file', '/keys/pub.pem'], {
      env,
      files: filesWith({ '/keys/pub.pem': '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' }),
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--private-key-file /keys/pub.pem does not hold a private key')
    const both = await runCli(['whoami', '--private-key', PRIVATE_KEY, '--private-key-file', PRIVATE_KEY_FILE], { env })
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('--private-key and --private-key-file are both given.')
  })

  it('decrypts an encrypted key with the passphrase variable', async () => {
    const env = { ...JIRA_ENV, JIRA_PRIVATE_KEY: ENCRYPTED_KEY }
    const missing = await runCli(['whoami'], { env, jira: myself })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(
      'JIRA_PRIVATE_KEY is encrypted, but --private-key-passphrase (or JIRA_PRIVATE_KEY_PASSPHRASE) is empty.',
    )
    const run = await runCli(['whoami'], {
      env: { ...env, JIRA_PRIVATE_KEY_PASSPHRASE: 'conformance-test-passphrase' },
      jira: myself,
    })
    expect(run.code).toBe(0)
  })
})

describe('request', () => {
  const issue = { key: 'ABC-1', fields: { summary: 'Fix it' } }

  it('sends repeated --query lines and prints the body as pretty JSON', async () => {
    const run = await runCli(
      ['request', '--path', '/rest/api/2/issue/ABC-1', '--query', 'fields=summary', '--query', 'expand=names'],
      { env: JIRA_ENV, jira: () => json(200, issue) },
    )
    expect(run.code).toBe(0)
    expect(run.requests[0]!.url).toBe(`${BASE_URL}/rest/api/2/issue/ABC-1?fields=summary&expand=names`)
    expect(run.stdout).toBe(`${JSON.stringify(issue, null, 2)}\n`)
    expect(run.stderr).toContain(`GET ${BASE_URL}/rest/api/2/issue/ABC-1?fields=summary&expand=names -> 200`)
  })

  it('sends a JSON body and prints a non-JSON answer raw', async () => {
    const run = await runCli(
      ['request', '--method', 'post', '--path', '/rest/api/2/issue/ABC-1/comment', '--body', '{"body":"Deployed"}'],
      { env: JIRA_ENV, jira: () => ({ status: 201, body: 'created, not JSON' }) },
    )
    expect(run.code).toBe(0)
    expect(run.requests[0]).toMatchObject({ method: 'POST', body: '{"body":"Deployed"}' })
    expect(run.stdout).toBe('created, not JSON\n')
  })

  it('exits 1 on a non-2xx answer, or 0 with a warning when --fail-on-http-error=false', async () => {
    const notFound = () => json(404, { errorMessages: ['Issue Does Not Exist'] })
    const failed = await runCli(['request', '--path', '/rest/api/2/issue/NOPE-1'], { env: JIRA_ENV, jira: notFound })
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('error: GET /jira/rest/api/2/issue/NOPE-1 answered 404: Issue Does Not Exist.')
    expect(JSON.parse(failed.stdout)).toEqual({ errorMessages: ['Issue Does Not Exist'] })
    const tolerated = await runCli(['request', '--path', '/rest/api/2/issue/NOPE-1', '--fail-on-http-error=false'], {
      env: JIRA_ENV,
      jira: notFound,
    })
    expect(tolerated.code).toBe(0)
    expect(tolerated.stderr).toContain('warning: GET /jira/rest/api/2/issue/NOPE-1 answered 404')
  })
})

describe('secrets', () => {
  const SECRETS_ENV = {
    ...JIRA_ENV,
    JIRA_PRIVATE_KEY: ENCRYPTED_KEY,
    JIRA_PRIVATE_KEY_PASSPHRASE: 'conformance-test-passphrase',
    GITHUB_TOKEN: 'ghs_SecretGitHubToken123',
  }
  const tokenRejected = () => ({
    status: 401,
    headers: { 'www-authenticate': 'OAuth realm="x", oauth_problem="token_rejected"' },
    body: 'oauth_problem=token_rejected',
  })

  function expectNoSecrets(text: string): void {
    for (const secret of [
      ACCESS_TOKEN,
      'conformance-test-passphrase',
      'ghs_SecretGitHubToken123',
      ...pemLines(ENCRYPTED_KEY),
      ...pemLines(PRIVATE_KEY),
    ])
      expect(text).not.toContain(secret)
  }

  it('never prints them on stderr when Jira refuses the token', async () => {
    const run = await runCli(['whoami', '--verbose'], { env: SECRETS_ENV, jira: tokenRejected })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('token_rejected')
    expectNoSecrets(run.stderr)
    expectNoSecrets(run.stdout)
  })

  it('never prints them on stderr for a failing issues run', async () => {
    const run = await runCli(['issues', '--issues', 'ABC-1', '--transition', 'Done'], {
      env: SECRETS_ENV,
      jira: tokenRejected,
    })
    expect(run.code).toBe(1)
    expectNoSecrets(run.stderr)
  })

  it('describes a bad inline key without quoting it', async () => {
    const run = await runCli(['whoami', '--private-key', 'not a key but a secret sentence'], { env: JIRA_ENV })
    expect(run.code).toBe(2)
    expect(run.stderr).not.toContain('secret sentence')
  })
})

describe('token commands', () => {
  const tokenServlet = (r: { url: string }) => {
    if (r.url.endsWith('/request-token'))
      return { status: 200, body: 'oauth_token=ReqTok1&oauth_token_secret=ReqSecret1&oauth_callback_confirmed=true' }
    if (r.url.endsWith('/access-token'))
      return {
        status: 200,
        body: 'oauth_token=NewAccessToken9&oauth_token_secret=AccSecret9&oauth_expires_in=157680000&oauth_session_handle=Sess9',
      }
    return undefined
  }
  const env = { ...JIRA_ENV, JIRA_ACCESS_TOKEN: undefined }

  it('request-token prints the token and the authorize URL', async () => {
    const run = await runCli(['request-token'], { env, jira: tokenServlet })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      requestToken: 'ReqTok1',
      requestTokenSecret: 'ReqSecret1',
      authorizeUrl: `${BASE_URL}/plugins/servlet/oauth/authorize?oauth_token=ReqTok1`,
    })
    expect(run.stderr).toContain('jira-oauth access-token --request-token ReqTok1 --verifier CODE')
    expect(authorization(run.requests[0]!.headers)).toContain('oauth_callback="oob"')
  })

  it('access-token prints the access token on stdout only, and how to store it', async () => {
    const run = await runCli(['access-token', '--request-token', 'ReqTok1', '--verifier', 'Verif1'], {
      env,
      jira: tokenServlet,
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      accessToken: 'NewAccessToken9',
      accessTokenSecret: 'AccSecret9',
      expiresIn: 157680000,
      sessionHandle: 'Sess9',
    })
    expect(run.stderr).toContain('gh secret set JIRA_ACCESS_TOKEN')
    expect(run.stderr).toContain('it expires in 1825 days')
    expect(run.stderr).not.toContain('NewAccessToken9')
    expect(authorization(run.requests[0]!.headers)).toContain('oauth_verifier="Verif1"')
  })
})

describe('issues', () => {
  const jira = (r: { method: string; url: string }) => {
    if (r.url.endsWith('/myself')) return json(200, ME)
    if (r.url.includes('/issue/ABC-1?'))
      return json(200, { key: 'ABC-1', fields: { summary: 'One', status: { name: 'To Do' } } })
    return undefined
  }

  it('prints {issues, results, failed} on stdout and one line per issue on stderr', async () => {
    const run = await runCli(['issues', '--issues', 'ABC-1', '--dry-run'], { env: JIRA_ENV, jira })
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as {
      issues: string[]
      results: { key: string; ok: boolean }[]
      failed: string[]
    }
    expect(result.issues).toEqual(['ABC-1'])
    expect(result.results).toMatchObject([{ key: 'ABC-1', ok: true }])
    expect(result.failed).toEqual([])
    expect(run.stderr).toContain('ABC-1 [To Do -> To Do]')
  })

  it('exits 1 when an issue failed, 0 with a warning under --fail-on-error=false', async () => {
    const failed = await runCli(['issues', '--issues', 'ABC-1,ABC-404'], { env: JIRA_ENV, jira })
    expect(failed.code).toBe(1)
    expect(JSON.parse(failed.stdout)).toMatchObject({ failed: ['ABC-404'] })
    expect(failed.stderr).toContain('1 of 2 Jira issues failed: ABC-404.')
    const tolerated = await runCli(['issues', '--issues', 'ABC-1,ABC-404', '--fail-on-error', 'false'], {
      env: JIRA_ENV,
      jira,
    })
    expect(tolerated.code).toBe(0)
    expect(tolerated.stderr).toContain('warning: 1 of 2 Jira issues failed')
  })
})
