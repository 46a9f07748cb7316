// Standalone simulator for the demo and CI workflows:
//   node --import tsx simulator/cli.ts --port 8085 --consumer-key KEY --public-key-file PATH \
//     [--access-token TOKEN] [--issue ABC-1 ABC-2 ...] [--latency ms] [--context-path /jira] \
//     [--public-base-url URL] [--tls-key-file PATH --tls-cert-file PATH] [--log]
// Prints one JSON line {"baseUrl","accessToken","tokenSecret","consumerKey"} once listening;
// runs until SIGTERM/SIGINT.
import { readFileSync } from 'node:fs'
import { startJiraSimulator } from './server.js'

interface CliOptions {
  port: number
  consumerKey?: string
  publicKeyFile?: string
  accessToken?: string
  issues: string[]
  latencyMs: number
  contextPath?: string
  publicBaseUrl?: string
  tlsKeyFile?: string
  tlsCertFile?: string
  log: boolean
}

function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { port: 0, issues: [], latencyMs: 0, log: false }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--port':
        o.port = Number(value())
        break
      case '--consumer-key':
        o.consumerKey = value()
        break
      case '--public-key-file':
        o.publicKeyFile = value()
        break
      case '--access-token':
        o.accessToken = value()
        break
      case '--latency':
        o.latencyMs = Number(value())
        break
      case '--context-path':
        o.contextPath = argv[++i] ?? ''
        break
      case '--public-base-url':
        o.publicBaseUrl = value()
        break
      case '--tls-key-file':
        o.tlsKeyFile = value()
        break
      case '--tls-cert-file':
        o.tlsCertFile = value()
        break
      case '--log':
        o.log = true
        break
      case '--issue':
        // Takes every following value up to the next flag; commas also separate keys.
        o.issues.push(...value().split(','))
        for (let next = argv[i + 1]; next !== undefined && !next.startsWith('--'); next = argv[++i + 1])
          o.issues.push(...next.split(','))
        break
      default:
        throw new Error(`Unknown option ${flag}`)
    }
  }
  if (!Number.isInteger(o.port) || o.port < 0) throw new Error('--port must be a non-negative integer')
  if (!Number.isFinite(o.latencyMs) || o.latencyMs < 0) throw new Error('--latency must be a non-negative number')
  if ((o.consumerKey === undefined) !== (o.publicKeyFile === undefined)) {
    throw new Error('--consumer-key and --public-key-file go together')
  }
  if ((o.tlsKeyFile === undefined) !== (o.tlsCertFile === undefined))
    throw new Error('--tls-key-file and --tls-cert-file go together')
  return o
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2))
  const sim = await startJiraSimulator({
    port: o.port,
    latencyMs: o.latencyMs,
    contextPath: o.contextPath,
    publicBaseUrl: o.publicBaseUrl,
    // One stderr line per answered request; stdout stays a single JSON line.
    onRequest: o.log
      ? (r) =>
          process.stderr.write(
            `${r.method} ${r.path} -> ${r.status}${r.oauthProblem ? ` (${r.oauthProblem})` : ''}${r.fault ? ` [fault ${r.fault}]` : ''}\n`,
          )
      : undefined,
    tls:
      o.tlsKeyFile && o.tlsCertFile
        ? { key: readFileSync(o.tlsKeyFile, 'utf8'), cert: readFileSync(o.tlsCertFile, 'utf8') }
        : undefined,
  })
  for (const key of o.issues.filter(Boolean)) sim.addIssue({ key })
  let token: { token: string; secret: string } | undefined
  if (o.consumerKey && o.publicKeyFile) {
    sim.addConsumer({ key: o.consumerKey, publicKeyPem: readFileSync(o.publicKeyFile, 'utf8') })
    token = sim.issueAccessToken(o.consumerKey, undefined, { token: o.accessToken })
  }
  process.stdout.write(
    `${JSON.stringify({ baseUrl: sim.baseUrl, accessToken: token?.token ?? null, tokenSecret: token?.secret ?? null, consumerKey: o.consumerKey ?? null })}\n`,
  )
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  // process.on, not once: tsx's hidden signal handler otherwise exits with 143 before ours runs.
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`jira simulator: ${(e as Error).message}\n`)
  process.exit(2)
})
