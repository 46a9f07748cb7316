import { run } from './local-entry.js'

// The runner's entry point (dist/index.js): runs the action on import.
await run()
