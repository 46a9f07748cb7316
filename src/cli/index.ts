import { main } from './main.js'

// The `jira-oauth` bin (dist/cli.js). stdin is a lazy getter: only bootstrap reads it, and an
// untouched stdin never keeps the process alive. exitCode, not exit(): pending output is flushed.
process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  get stdin() {
    return process.stdin
  },
})
