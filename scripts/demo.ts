// `npm run demo`: the bundled action end to end against the in-repo Jira simulator, no Jira needed.
// Each step runs dist/index.js exactly as the GitHub runner does (INPUT_* variables, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY) and prints what a person would see in the job log (secrets masked).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { OTHER_PRIVATE_KEY, startJira } from './lib/jira-fixture.js'
import { ROOT, runAction, visibleLog, type ActionRun } from './lib/action-runner.js'

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)

function show(title: string, run: ActionRun, outputs: string[]): void {
  console.log(`\n${bold(`== ${title}`)}  (exit ${run.exitCode})`)
  const log = visibleLog(run)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('::debug::'))
    .map((line) =>
      line
        .replace(/^::(error|warning|notice)[^:]*::/, (_, level: string) => `${level.toUpperCase()}: `)
        .replace(/%0A/g, '\n    '),
    )
  for (const line of log) console.log(`  ${line}`)
  for (const name of outputs) {
    const value = run.outputs[name] ?? ''
    console.log(`  output ${name} = ${value.length > 160 ? `${value.slice(0, 160)}…` : value}`)
  }
}

if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
  console.error('dist/index.js is missing: run `npm run build` first.')
  process.exit(1)
}

const jira = await startJira()
let failures = 0
const expect = (ok: boolean, what: string) => {
  if (!ok) {
    failures++
    console.log(`  !! unexpected: ${what}`)
  }
}
try {
  jira.sim.addIssue({ key: 'DEMO-1', summary: "Fix the login page (don't panic!)", status: 'In Review' })
  jira.sim.addIssue({ key: 'DEMO-2', summary: 'Add the release notes', status: 'To Do' })
  jira.sim.addIssue({ key: 'DEMO-3', summary: 'Already shipped', status: 'Deployed' })
  console.log(
    `Jira simulator at ${jira.sim.baseUrl} (consumer "${jira.inputs['consumer-key']}", test key pair from __tests__/fixtures)`,
  )

  const whoami = await runAction({ ...jira.inputs, command: 'whoami' })
  show('whoami: a signed call', whoami, ['status', 'name'])
  expect(whoami.exitCode === 0, 'whoami failed')

  const search = await runAction({
    ...jira.inputs,
    path: '/rest/api/2/search',
    query: `jql=summary ~ "don't panic!" OR key in (DEMO-1, DEMO-2) ORDER BY key\nfields=summary,status`,
  })
  show("request: a JQL search with ' ! ( ) and spaces, encoded once, correctly", search, ['status'])
  expect(search.exitCode === 0, 'search failed')

  const wrongKey = await runAction({ ...jira.inputs, command: 'whoami', 'private-key': OTHER_PRIVATE_KEY })
  show('whoami with the wrong private key: diagnosed', wrongKey, ['status'])
  expect(
    wrongKey.exitCode === 1 && (wrongKey.annotations[0]?.message ?? '').includes('key pair does not match'),
    'a wrong key was not diagnosed as a key mismatch',
  )

  // The other credential kinds, through the same client: a personal access token, and Basic auth locked by CAPTCHA.
  const patInputs = { 'base-url': jira.sim.baseUrl, 'personal-access-token': jira.sim.issuePersonalAccessToken() }
  const pat = await runAction({ ...patInputs, command: 'whoami' })
  show('whoami with a personal access token (Bearer) instead of OAuth', pat, ['name'])
  expect(pat.exitCode === 0, 'the personal access token does not work')
  jira.sim.setPassword('ci-bot', 'right-password')
  const basic = { 'base-url': jira.sim.baseUrl, username: 'ci-bot', command: 'whoami' }
  for (let i = 0; i < 3; i++) await runAction({ ...basic, password: 'wrong-password' })
  const locked = await runAction({ ...basic, password: 'right-password' })
  show('whoami with Basic auth after 3 wrong passwords: the CAPTCHA lock, explained', locked, ['status'])
  expect(
    locked.exitCode === 1 && (locked.annotations[0]?.message ?? '').includes('Reset Failed Login Count'),
    'the CAPTCHA lock was not explained',
  )
  jira.sim.resetFailedLoginCount('ci-bot')

  const bootstrapInputs = { ...jira.inputs, 'access-token': '' }
  const requestToken = await runAction({ ...bootstrapInputs, command: 'request-token' })
  show('request-token: step 1 of the bootstrap', requestToken, ['authorize-url'])
  if (requestToken.exitCode !== 0) throw new Error('request-token failed; the demo cannot go on')
  const { verifier } = jira.sim.approve(requestToken.outputs['request-token'] ?? '')
  console.log(`\n  (the user opens the URL and clicks Allow; Jira shows the code ${verifier})`)
  const accessToken = await runAction({
    ...bootstrapInputs,
    command: 'access-token',
    'request-token': requestToken.outputs['request-token'] ?? '',
    verifier,
  })
  show('access-token: step 3, the token is masked', accessToken, ['expires-in'])
  expect(
    accessToken.exitCode === 0 && accessToken.masks.includes(accessToken.outputs['access-token'] ?? ''),
    'access-token failed or did not mask the token',
  )
  const fresh = await runAction({
    ...jira.inputs,
    command: 'whoami',
    'access-token': accessToken.outputs['access-token'] ?? '',
  })
  show('whoami with the new token', fresh, ['name'])
  expect(fresh.exitCode === 0, 'the new token does not work')

  console.log(`\n${bold('== the CLI, from environment variables alone: node dist/cli.js whoami')}`)
  const cliEnv = {
    PATH: process.env.PATH ?? '',
    JIRA_BASE_URL: jira.sim.baseUrl,
    JIRA_CONSUMER_KEY: jira.inputs['consumer-key'],
    JIRA_PRIVATE_KEY: jira.inputs['private-key'],
    JIRA_ACCESS_TOKEN: jira.accessToken,
  }
  // Asynchronously: the simulator answers from this same process.
  const { stdout: cliOut } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'whoami'], {
    env: cliEnv,
    encoding: 'utf8',
  })
  console.log(`  stdout: ${JSON.stringify(JSON.parse(cliOut) as unknown)}`)
  expect((JSON.parse(cliOut) as { name?: string }).name === 'ci-bot', 'the CLI whoami did not print the user')

  const deploy = {
    command: 'issues',
    transition: 'Deployed',
    comment: 'Deployed by [{{workflow}} #{{run-number}}|{{run-url}}]; now *{{status}}*.',
    link: 'true',
  }
  const event = {
    name: 'push',
    payload: {
      ref: 'refs/heads/main',
      commits: [{ message: 'DEMO-1: fix login' }, { message: 'DEMO-2 DEMO-3 release notes' }],
    },
  }
  const first = await runAction({ ...jira.inputs, ...deploy }, { event })
  show('issues: a push mentioning DEMO-1, DEMO-2, DEMO-3 (transition + comment + link)', first, ['issues', 'failed'])
  const again = await runAction({ ...jira.inputs, ...deploy }, { event, env: { GITHUB_RUN_ATTEMPT: '2' } })
  show('issues: the same step re-run (attempt 2): nothing is duplicated', again, ['failed'])
  for (const key of ['DEMO-1', 'DEMO-2', 'DEMO-3']) {
    const issue = jira.sim.issue(key)
    if (!issue) throw new Error(`${key} is gone from the simulator`)
    console.log(
      `  ${key}: status ${issue.status}, ${issue.comments.length} comment(s), ${issue.remoteLinks.length} remote link(s)`,
    )
    expect(issue.comments.length === 1 && issue.remoteLinks.length === 1, `${key} has duplicates`)
  }
} finally {
  await jira.sim.close()
}
console.log(
  failures === 0
    ? '\nDemo finished: every step behaved as expected.'
    : `\nDemo finished with ${failures} unexpected result(s).`,
)
process.exitCode = failures === 0 ? 0 : 1
