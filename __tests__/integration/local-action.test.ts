// The entry `@github/local-action` runs (src/action/local-entry.ts): it imports the file and calls
// the exported run(), with the inputs as INPUT_* variables (from .env). Here the same, in a child
// process through tsx, against the Jira simulator.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, runAction } from '../../scripts/lib/action-runner.js'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'

const ENTRY = './src/action/local-entry.ts'

/** node --import tsx: import the entry, then call run() only if asked to. */
function importEntry(call: boolean): string[] {
  const script = `const entry = await import(${JSON.stringify(ENTRY)}); ${call ? 'await entry.run();' : ''}`
  return ['--import', 'tsx', '--input-type=module', '-e', script]
}

let jira: JiraFixture
beforeAll(async () => {
  jira = await startJira()
})
afterAll(() => jira.sim.close())

describe('the local-action entry', () => {
  test('run() runs whoami with INPUT_* inputs', async () => {
    const run = await runAction({ ...jira.inputs, command: 'whoami' }, { nodeArgs: importEntry(true) })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.name).toBe('ci-bot')
    expect(run.summary).toContain('Signed in to Jira as')
  })

  test('importing it does nothing until run() is called', async () => {
    const before = jira.sim.requests.length
    const run = await runAction({ ...jira.inputs, command: 'whoami' }, { nodeArgs: importEntry(false) })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.outputs).toEqual({})
    expect(jira.sim.requests.length).toBe(before)
  })

  test('.env.example names the inputs in the runner’s INPUT_* form, and npm run local-action uses it', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
    for (const name of [
      'INPUT_COMMAND',
      'INPUT_BASE-URL',
      'INPUT_CONSUMER-KEY',
      'INPUT_PRIVATE-KEY',
      'INPUT_ACCESS-TOKEN',
    ])
      expect(example).toMatch(new RegExp(`^${name}=`, 'm'))
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts['local-action']).toContain(ENTRY.slice(2))
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\.env$/m)
  })
})
