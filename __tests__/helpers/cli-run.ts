import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { BUNDLE_NODE, ROOT } from '../../scripts/lib/action-runner.js'

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** `node dist/cli.js ARGS` with only PATH and `env` in its environment, stdin closed. */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(BUNDLE_NODE, [join(ROOT, 'dist', 'cli.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => {
    child.on('close', (code) => {
      resolve({ code, stdout, stderr })
    })
  })
}
