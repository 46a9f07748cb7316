// The action's start-up speed rests on what dist/index.js leaves to on-demand chunks; the CLI's
// one-file release on it having none. A change of bundler, dependency or import that breaks either
// fails the build here instead of silently making every run slower or the release asset incomplete.
import { readFileSync } from 'node:fs'
import { PATCHED_MARKER, POLYFILL_MARKER } from './no-streams-polyfill.mjs'

/** Code that must not be evaluated at the action's start, each recognised by a string of its own. */
const LAZY_IN_ACTION = [
  { what: 'undici (through @actions/http-client)', marker: "'undici:client:beforeConnect'" },
  { what: 'https-proxy-agent', marker: 'class HttpsProxyAgent extends' },
  { what: 'http-proxy-agent', marker: 'class HttpProxyAgent extends' },
  { what: '@octokit (through @actions/github)', marker: 'class Octokit {' },
  // src/action/commands.ts imports it when the command runs; tsc keeps the function's name.
  { what: 'the issues command (src/commands/issues)', marker: 'async function runIssues(' },
]
/** Code left out of the bundle altogether, each with the file of its package that proves the marker. */
const LEFT_OUT_OF_ACTION = [
  {
    what: '@actions/exec (through @actions/core platform)',
    marker: 'class ToolRunner extends',
    source: '@actions/exec/lib/toolrunner.js',
  },
]
const MAX_ACTION_KIB = 500

/** Throws unless `bundle` ({ code, chunks: { name: source } }) of the action keeps the start-up path lean. */
export function checkActionLayout({ code, chunks }) {
  const problems = []
  const kib = Buffer.byteLength(code) / 1024
  if (kib > MAX_ACTION_KIB) problems.push(`dist/index.js is ${kib.toFixed(0)} KiB, over ${MAX_ACTION_KIB} KiB`)
  const chunkCode = Object.values(chunks).join('\n')
  for (const { what, marker } of LAZY_IN_ACTION) {
    if (code.includes(marker)) problems.push(`${what} is in dist/index.js (evaluated at every start)`)
    // Present in a chunk: proves the marker still recognises it, so the check above can fail.
    if (!chunkCode.includes(marker)) problems.push(`${what} not found in any on-demand chunk (marker ${marker})`)
  }
  for (const { what, marker, source } of LEFT_OUT_OF_ACTION) {
    if (code.includes(marker) || chunkCode.includes(marker)) problems.push(`${what} is in the action bundle`)
    if (!readFileSync(new URL(`../../node_modules/${source}`, import.meta.url), 'utf8').includes(marker))
      problems.push(`${what} no longer recognised (marker ${marker} not in ${source})`)
  }
  if (problems.length) throw new Error(`action bundle layout:\n- ${problems.join('\n- ')}`)
}

/** Throws unless the CLI's code loads no file beside it. */
export function checkOneFile(output, code) {
  const sideImport = /import\("\.\/.{0,60}/.exec(code)
  if (sideImport) throw new Error(`${output} must be one file, but imports a file beside it: ${sideImport[0]}`)
}

/** Throws unless an output's `sources` hold the staged fetch-blob and not web-streams-polyfill (no-streams-polyfill.mjs). */
export function checkNoStreamsPolyfill(output, sources) {
  const problems = []
  if (sources.some((source) => source.includes(POLYFILL_MARKER))) problems.push('web-streams-polyfill is in the bundle')
  if (!sources.some((source) => source.includes(PATCHED_MARKER)))
    problems.push('the staged fetch-blob is not in the bundle')
  if (problems.length) throw new Error(`${output}: ${problems.join('; ')} (see scripts/bundle/no-streams-polyfill.mjs)`)
}
