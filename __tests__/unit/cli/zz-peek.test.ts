import { it } from '@jest/globals'
import { JIRA_ENV, json, runCli } from './cli-harness.js'
it('peek', async () => {
  const r1 = await runCli(['whoami', '--verbose'], { env: JIRA_ENV, jira: () => ({ status: 401, headers: { 'www-authenticate': 'OAuth realm="x", oauth_problem="token_rejected"' }, body: 'oauth_problem=token_rejected' }) })
  console.log(r1.code, r1.stderr)
  const jira = (r: { url: string }) => r.url.endsWith('/myself') ? json(200, { name: 'ci' }) : r.url.includes('/issue/ABC-1?') ? json(200, { key: 'ABC-1', fields: { summary: 'One', status: { name: 'To Do' } } }) : undefined
  const r2 = await runCli(['issues', '--issues', 'ABC-1,ABC-404', '--transition', 'Done'], { env: JIRA_ENV, jira })
  console.log(r2.code, r2.stderr, r2.stdout)
})
