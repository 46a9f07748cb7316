import * as core from '@actions/core'
import { run } from './main.js'

// The runner's entry point (dist/index.js): real @actions/core and environment.
await run({ core, env: process.env })
