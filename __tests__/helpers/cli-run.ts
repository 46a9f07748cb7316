import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { BUNDLE_NODE, ROOT } from '../../scripts/lib/action-runner.js'

/** The CLI under test: the bundle `npm test` builds, or another named by JIRA_OAUTH_CLI_BIN. */
export const CLI_BIN = process.env.JIRA_OAUTH_CLI_BIN ?? join(ROOT, 'dist', 'cli.js')

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** `node CLI_BIN ARGS` with only PATH and `env` in its environment, stdin closed. */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(BUNDLE_NODE, [CLI_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => {
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stdout, stderr })
    })
  })
}
