// `npm run bench`: speed and size, each as a ratio against a baseline measured in the same run.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSign } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { parsePrivateKey } from '../src/core/keys/private-key.js'
import { signRequest } from '../src/core/oauth/sign-request.js'
import { ROOT, runAction } from './lib/action-runner.js'
import { KEYS, PRIVATE_KEY, startJira } from './lib/jira-fixture.js'
import { startGitHubApiSimulator } from '../simulator/index.js'

const require = createRequire(import.meta.url)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

async function timeProcess(args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`)
  return performance.now() - started
}

/** The smallest action (@actions/core alone) bundled by ncc into a temp folder: the floor any action pays. */
async function buildCoreOnlyAction(): Promise<{ path: string; output: string; size: number }> {
  const ncc = require('@vercel/ncc') as (input: string, options: object) => Promise<{ code: string }>
  const { code } = await ncc(join(ROOT, 'scripts', 'bench', 'baseline-action.mjs'), { quiet: true, target: 'es2022' })
  const dir = mkdtempSync(join(tmpdir(), 'bench-core-'))
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
  writeFileSync(join(dir, 'index.js'), code)
  writeFileSync(join(dir, 'output'), '')
  return { path: join(dir, 'index.js'), output: join(dir, 'output'), size: Buffer.byteLength(code) }
}

async function coldStart(runs: number, coreOnly: { path: string; output: string }) {
  const jira = await startJira()
  try {
    const keyFile = join(KEYS, 'wiki-testcases.pem')
    const baselineEnv = {
      BASE_URL: jira.sim.baseUrl,
      CONSUMER_KEY: jira.inputs['consumer-key'],
      KEY_FILE: keyFile,
      ACCESS_TOKEN: jira.accessToken,
    }
    const actionTimes: number[] = []
    const bareTimes: number[] = []
    const coreTimes: number[] = []
    // Alternate the two so drift on the machine hits both alike; the first pair warms the disk cache.
    for (let i = 0; i <= runs; i++) {
      const bare = await timeProcess([join(ROOT, 'scripts', 'bench', 'baseline-whoami.mjs')], baselineEnv)
      const core = await timeProcess([coreOnly.path], { INPUT_NAME: 'x', GITHUB_OUTPUT: coreOnly.output })
      const started = performance.now()
      const run = await runAction({ ...jira.inputs, command: 'whoami' })
      const action = performance.now() - started
      if (run.exitCode !== 0) throw new Error(`whoami failed:\n${run.stdout}`)
      if (i > 0) {
        bareTimes.push(bare)
        coreTimes.push(core)
        actionTimes.push(action)
      }
    }
    return { action: median(actionTimes), bare: median(bareTimes), core: median(coreTimes) }
  } finally {
    await jira.sim.close()
  }
}

/** An entry's size: the file loaded at start, and with the chunks it loads on demand (N.entry.js). */
function bundleSize(entry: string): { start: number; total: number } {
  const start = statSync(join(ROOT, 'dist', entry)).size
  const chunks = readdirSync(join(ROOT, 'dist')).filter((name) => name.endsWith(`.${entry}`))
  return { start, total: chunks.reduce((sum, name) => sum + statSync(join(ROOT, 'dist', name)).size, start) }
}

function bundleSizes(baseline: number) {
  return { action: bundleSize('index.js'), cli: bundleSize('cli.js'), baseline }
}

function signaturesPerSecond(durationMs: number) {
  const key = parsePrivateKey(PRIVATE_KEY, undefined, 'key', 'passphrase').key
  const url =
    'https://jira.example.com:8443/jira/rest/api/2/search?jql=project%20%3D%20ABC%20AND%20text%20~%20%22caf%C3%A9%20(x)%22&maxResults=50'
  let sample = ''
  const rate = (fn: () => void) => {
    let count = 0
    const end = performance.now() + durationMs
    while (performance.now() < end) {
      fn()
      count++
    }
    return (count * 1000) / durationMs
  }
  const ours = rate(() => {
    sample = signRequest({
      method: 'GET',
      url,
      credentials: { consumerKey: 'ck', privateKey: key, token: 'tok' },
      timestamp: 1_700_000_000,
      nonce: 'abcdefghijklmnopqrstuvwxyz012345',
    }).baseString
  })
  // Baseline: the RSA-SHA1 operation alone, over the same base string, without building it.
  const bare = rate(() => createSign('RSA-SHA1').update(sample).sign(key, 'base64'))
  return { ours, bare }
}

async function issuesAtScale(issueCount: number, latencyMs: number, concurrency: number) {
  const jira = await startJira()
  try {
    const keys = Array.from({ length: issueCount }, (_, i) => `LOAD-${i + 1}`)
    for (const key of keys) jira.sim.addIssue({ key, status: 'In Review' })
    jira.sim.setLatency(latencyMs)
    const started = performance.now()
    const run = await runAction({
      ...jira.inputs,
      command: 'issues',
      issues: keys.join(','),
      transition: 'Deployed',
      comment: 'Deployed by {{run-url}}',
      link: 'true',
      concurrency: String(concurrency),
    })
    const elapsed = performance.now() - started
    if (run.exitCode !== 0) throw new Error(`issues failed:\n${run.stdout.slice(-2000)}`)
    // Per issue, in sequence: GET issue, GET transitions, POST transition, GET comments, POST comment, GET link, POST link.
    const perIssue = 7
    const ideal = (perIssue * latencyMs * issueCount) / concurrency
    return { elapsed, ideal, requests: jira.sim.requests.length }
  } finally {
    await jira.sim.close()
  }
}

/** `issues` on a tag push whose range since the previous tag holds `commits` commits, against the same issues named. */
async function discoveryOverRange(commits: number, runs: number) {
  const jira = await startJira()
  const github = await startGitHubApiSimulator()
  try {
    const keys = Array.from({ length: 20 }, (_, i) => `RANGE-${i + 1}`)
    for (const key of keys) jira.sim.addIssue({ key })
    github.deploy.tags.set('octo/app', [
      { name: 'v1.0.0', sha: 'a'.repeat(40) },
      { name: 'v1.1.0', sha: 'b'.repeat(40) },
    ])
    const messages = Array.from({ length: commits }, (_, i) => `${keys[i % keys.length] ?? ''} change ${i}`)
    github.addCompare('octo', 'app', 'v1.0.0', 'v1.1.0', messages)
    const event = { name: 'push', payload: { ref: 'refs/tags/v1.1.0', before: '0'.repeat(40), after: 'b'.repeat(40) } }
    const env = { GITHUB_API_URL: github.url }
    const inputs = { ...jira.inputs, command: 'issues', 'dry-run': 'true', transition: 'Deployed' }
    const discovered: number[] = []
    const named: number[] = []
    let requests = 0
    for (let i = 0; i <= runs; i++) {
      const before = github.requests.length
      let started = performance.now()
      const found = await runAction(inputs, { event, env })
      const range = performance.now() - started
      if (found.outputs.commits !== String(commits)) throw new Error(`discovery failed:\n${found.stdout.slice(-2000)}`)
      requests = github.requests.length - before
      started = performance.now()
      const given = await runAction({ ...inputs, issues: keys.join(',') }, { event, env })
      const explicit = performance.now() - started
      if (given.exitCode !== 0) throw new Error(`issues failed:\n${given.stdout.slice(-2000)}`)
      if (i > 0) {
        discovered.push(range)
        named.push(explicit)
      }
    }
    const pages = github.requests.filter((q) => q.path.includes('/compare/')).length / (runs + 1)
    return { discovered: median(discovered), named: median(named), requests, pages }
  } finally {
    await github.close()
    await jira.sim.close()
  }
}

const out: string[] = []
const say = (line: string) => {
  console.log(line)
  out.push(line)
}

console.log(`Node ${process.version}, ${process.platform} ${process.arch}\n`)
const coreOnly = await buildCoreOnlyAction()
const cold = await coldStart(10, coreOnly)
say(
  `| cold start, whoami against the simulator (median of 10) | \`node dist/index.js\` ${fmt(cold.action)} | bare Node + oauth-sign, same call ${fmt(cold.bare)} | **${(cold.action / cold.bare).toFixed(2)}x** |`,
)
say(
  `| cold start of the smallest action (@actions/core alone, no HTTP), for scale | ${fmt(cold.core)} | bare Node + oauth-sign, same call ${fmt(cold.bare)} | **${(cold.core / cold.bare).toFixed(2)}x** |`,
)
const size = bundleSizes(coreOnly.size)
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
say(
  `| bundle size, action (loaded at start; with on-demand chunks) | dist/index.js ${kib(size.action.start)}; ${kib(size.action.total)} | @actions/core alone, same bundler ${kib(size.baseline)} | **${(size.action.start / size.baseline).toFixed(2)}x**; ${(size.action.total / size.baseline).toFixed(2)}x |`,
)
say(
  `| bundle size, CLI (loaded at start; with on-demand chunks, mostly the GitHub API client for \`issues\`) | dist/cli.js ${kib(size.cli.start)}; ${kib(size.cli.total)} | @actions/core alone, same bundler ${kib(size.baseline)} | **${(size.cli.start / size.baseline).toFixed(2)}x**; ${(size.cli.total / size.baseline).toFixed(2)}x |`,
)
const sig = signaturesPerSecond(1500)
say(
  `| signatures per second (1024-bit key, full request signing) | ${sig.ours.toFixed(0)}/s | bare RSA-SHA1 sign of the same base string ${sig.bare.toFixed(0)}/s | **${(sig.ours / sig.bare).toFixed(2)}x** |`,
)
for (const concurrency of [4, 16]) {
  const load = await issuesAtScale(200, 50, concurrency)
  say(
    `| \`issues\` on 200 issues (transition + comment + link), 50 ms latency, concurrency ${concurrency} | ${(load.elapsed / 1000).toFixed(2)} s, ${load.requests} requests | ideal 7 x 50 ms x 200 / ${concurrency} = ${(load.ideal / 1000).toFixed(2)} s | **${(load.elapsed / load.ideal).toFixed(2)}x** |`,
  )
}

const discovery = await discoveryOverRange(1000, 5)
say(
  `| \`issues\` discovery over a 1,000-commit range (tag push, previous tag, 20 issues, dry run; median of 5) | ${fmt(discovery.discovered)}, ${discovery.requests} GitHub API requests (${discovery.pages} compare pages) | the same 20 issues named in \`issues\` ${fmt(discovery.named)} | **${(discovery.discovered / discovery.named).toFixed(2)}x** |`,
)

const dir = mkdtempSync(join(tmpdir(), 'bench-'))
writeFileSync(join(dir, 'bench.md'), out.join('\n'))
console.log(`\n(table rows also in ${join(dir, 'bench.md')})`)
