// The layer rules of eslint.config.js: an upward import fails lint, a permitted one passes.
import { describe, expect, test } from '@jest/globals'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { ROOT } from '../../../scripts/lib/action-runner.js'

// The repository's own config; type-aware rules off, since the snippets are not files in the project.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked })

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer rules', () => {
  test('src/core importing the Jira client fails lint', async () => {
    const messages = await restrictedImports("export { JiraClient } from '../jira/client.js'\n", 'src/core/x.ts')
    expect(messages).toEqual([expect.stringMatching(/src\/core is pure/)])
  })

  test('src/commands importing @actions/core fails lint', async () => {
    const messages = await restrictedImports("export { setOutput } from '@actions/core'\n", 'src/commands/x.ts')
    expect(messages).toEqual([expect.stringMatching(/commands and config import no adapter/)])
  })

  test('src/config importing from commands fails lint', async () => {
    const code = "export type { IssuesConfig } from '../commands/issues/config.js'\n"
    expect(await restrictedImports(code, 'src/config/x.ts')).toEqual([expect.stringMatching(/config sits below/)])
  })

  test('src/ importing the simulator fails lint', async () => {
    const code = "export { startJiraSimulator } from '../../simulator/server.js'\n"
    expect(await restrictedImports(code, 'src/action/x.ts')).toEqual([expect.stringMatching(/never imports/)])
  })

  test('a downward import passes', async () => {
    const code = "export { JiraClient } from '../jira/client.js'\n"
    expect(await restrictedImports(code, 'src/commands/x.ts')).toEqual([])
  })
})
