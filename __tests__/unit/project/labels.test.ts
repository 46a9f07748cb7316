// One label mechanism: the shared layers name inputs through the adapter's label, so the CLI's
// messages name flags (--transition-fields) and the action's name inputs (input `transition-fields`).
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fakeCore } from '../../helpers/fake-core.js'
import { run as runAction } from '../../../src/action/main.js'
import { TransportError, type Transport } from '../../../src/jira/transport.js'
import { ROOT } from '../../../scripts/lib/action-runner.js'
import { BASE_URL, JIRA_ENV, PRIVATE_KEY, runCli } from '../cli/cli-harness.js'

/** Everything the action said, as one text (failures, warnings, notices, log lines). */
async function actionSays(inputs: Record<string, string>, transport?: Transport): Promise<string> {
  const said: string[] = []
  const core = fakeCore(
    {
      'base-url': BASE_URL,
      'consumer-key': 'ci-consumer',
      'private-key': PRIVATE_KEY,
      'access-token': 'AccessTokenSecretValue0123456789',
      ...inputs,
    },
    (m) => said.push(m),
  )
  await runAction({ core, env: {}, clientDeps: { transport, sleep: async () => {} } })
  return said.join('\n')
}

const refused: Transport = async () => {
  throw new TransportError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED', 'connect')
}
const notFound: Transport = async () => ({ status: 404, headers: {}, body: '{"errorMessages":["Nope"]}' })

describe('messages name inputs the way the adapter does', () => {
  test('a bad value (config layer): a flag in the CLI, an input in the action', async () => {
    const cli = await runCli(['issues', '--issues', 'ABC-1', '--transition', 'Done', '--transition-fields', '{x'], {
      env: JIRA_ENV,
    })
    expect(cli.code).toBe(2)
    expect(cli.stderr).toContain('--transition-fields is not valid JSON')
    expect(cli.stderr).not.toContain('input `')
    const action = await actionSays({
      command: 'issues',
      issues: 'ABC-1',
      transition: 'Done',
      'transition-fields': '{x',
    })
    expect(action).toContain('input `transition-fields` is not valid JSON')
  })

  test("the client's diagnosis (jira layer): --base-url in the CLI, input `base-url` in the action", async () => {
    const cli = await runCli(['whoami'], {
      env: JIRA_ENV,
      jira: () => {
        throw new TransportError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED', 'connect')
      },
    })
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain('Check the port in --base-url (or JIRA_BASE_URL)')
    expect(cli.stderr).not.toContain('input `')
    expect(await actionSays({ command: 'whoami' }, refused)).toContain('Check the port in input `base-url`')
  })

  test('the run-end rule (commands layer): the flag or the input that let a failure through', async () => {
    const cli = await runCli(['request', '--path', '/rest/api/2/issue/X-1', '--fail-on-http-error=false'], {
      env: JIRA_ENV,
    })
    expect(cli.code).toBe(0)
    expect(cli.stderr).toContain('(--fail-on-http-error is false, so this does not fail the run.)')
    const action = await actionSays({ path: '/rest/api/2/issue/X-1', 'fail-on-http-error': 'false' }, notFound)
    expect(action).toContain('(input `fail-on-http-error` is false, so this does not fail the run.)')
  })

  test('no shared layer writes a flag or the action\'s "input `name`" wording itself', () => {
    const problems: string[] = []
    for (const layer of ['core', 'jira', 'commands', 'config']) {
      const dir = join(ROOT, 'src', layer)
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
        readFileSync(join(dir, file), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/^\s*(\/\/|\/?\*)/.test(line)) return
            if (/input `|[`'"]--[a-z]/.test(line))
              problems.push(`src/${layer}/${file}:${i + 1}: name the input through the adapter's label: ${line.trim()}`)
          })
      }
    }
    expect(problems).toEqual([])
  })
})
