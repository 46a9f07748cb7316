// Runs the CLI's main() in-process with captured streams and a scripted fake Jira transport.
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { CliDeps } from '../../../src/cli/main.js'
import { main } from '../../../src/cli/main.js'
import type { HttpRequest, HttpResponse, Transport } from '../../../src/jira/transport.js'

export const KEYS_DIR = fileURLToPath(new URL('../../fixtures/keys/', import.meta.url))
export const PRIVATE_KEY_FILE = `${KEYS_DIR}wiki-testcases.pem`
export const PRIVATE_KEY = readFileSync(PRIVATE_KEY_FILE, 'utf8')
export const PUBLIC_KEY = readFileSync(`${KEYS_DIR}wiki-testcases.pub.pem`, 'utf8')
export const ENCRYPTED_KEY = readFileSync(`${KEYS_DIR}wiki-testcases.encrypted.pem`, 'utf8')

export const BASE_URL = 'https://jira.example.com/jira'
export const ACCESS_TOKEN = 'AccessTokenSecretValue0123456789'

/** The connection from environment variables alone, as a CI job would set them. */
export const JIRA_ENV: NodeJS.ProcessEnv = {
  JIRA_BASE_URL: BASE_URL,
  JIRA_CONSUMER_KEY: 'ci-consumer',
  JIRA_PRIVATE_KEY: PRIVATE_KEY,
  JIRA_ACCESS_TOKEN: ACCESS_TOKEN,
}

export type Handler = (request: HttpRequest) => Partial<HttpResponse> | undefined

export const json = (status: number, body: unknown): Partial<HttpResponse> => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** A transport that answers from `handler` (404 when it returns undefined) and records requests. */
export function fakeJira(handler: Handler = () => undefined): { transport: Transport; requests: HttpRequest[] } {
  const requests: HttpRequest[] = []
  const transport: Transport = async (request) => {
    requests.push(request)
    const answer = handler(request) ?? json(404, { errorMessages: ['Not found'] })
    return { status: answer.status ?? 200, headers: answer.headers ?? {}, body: answer.body ?? '' }
  }
  return { transport, requests }
}

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly requests: HttpRequest[]
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv
  readonly jira?: Handler
  readonly stdin?: string
  readonly files?: CliDeps['files']
}

export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const { transport, requests } = fakeJira(options.jira)
  const code = await main(argv, {
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    clientDeps: { transport, sleep: async () => {} },
    files: options.files,
  })
  return { code, stdout, stderr, requests }
}

/** Every line of a PEM body: none may appear in what a person reads. */
export function pemLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line.length >= 8 && !line.startsWith('-----'))
}
