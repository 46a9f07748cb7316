import * as core from '@actions/core'
import { run as runAction } from './main.js'

/**
 * The action with the real @actions/core and environment, started by a call, not by import:
 * what `@github/local-action` runs (it imports this file and calls `run()`), and what the
 * runner's entry (index.ts, bundled to dist/index.js) calls.
 */
export async function run(): Promise<void> {
  await runAction({ core, env: process.env })
}
