import { ConfigError } from '../core/errors.js'
import type { Parameter } from '../core/oauth/parameters.js'
import type { InputReader } from '../config/input-reader.js'
import type { JiraClient } from '../jira/client.js'
import type { JiraHttpError } from '../jira/errors.js'
import { httpFailure, isSuccess } from '../jira/expect.js'
import { resolveRequestUrl } from '../jira/request-url.js'

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'] as const

export interface RequestCommandConfig {
  readonly method: (typeof METHODS)[number]
  readonly path: string
  readonly query: readonly Parameter[]
  /** Parsed JSON body, sent as application/json. */
  readonly body?: unknown
  /** Whether a non-2xx answer fails the run (the fail-on-http-error input). */
  readonly failOnHttpError: boolean
}

export interface RequestCommandResult {
  readonly status: number
  readonly ok: boolean
  /** The response body as received. */
  readonly body: string
  readonly method: string
  readonly url: string
}

/** `query`: one `name=value` per line, raw (the client encodes each once). */
export function parseQueryLines(text: string | undefined, label: string): Parameter[] {
  if (text === undefined) return []
  return text.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === '') return []
    const eq = line.indexOf('=')
    if (eq <= 0) {
      throw new ConfigError(
        `${label} line ${index + 1} is not name=value: "${line.trim().slice(0, 60)}".`,
        `Write one parameter per line, e.g. jql=project = ABC AND status = "In Progress" (values raw; they are encoded for you).`,
      )
    }
    return [[line.slice(0, eq).trim(), line.slice(eq + 1).trim()] as const]
  })
}

/**
 * An "already-encoded" query in `path` must decode the way Jira's servlet container decodes it;
 * a stray "%", bytes that are not UTF-8 or a nameless parameter are dropped or changed there, and
 * the signature would no longer match.
 */
function checkEncodedQuery(path: string, pathLabel: string, queryLabel: string): void {
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1).replace(/#.*/s, '') : ''
  for (const part of query.split('&').filter(Boolean)) {
    const name = part.split('=')[0]
    let problem: string | undefined
    if (/%(?![0-9A-Fa-f]{2})/.test(part)) problem = 'a "%" that is not followed by two hex digits'
    else if (name === '') problem = 'a parameter without a name'
    else {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '))
      } catch {
        problem = 'percent-escapes that are not UTF-8'
      }
    }
    if (problem) {
      throw new ConfigError(
        `${pathLabel} has a query parameter with ${problem}: "${part.slice(0, 60)}".`,
        `Encode it properly (a literal % is %25), or pass the parameter raw through ${queryLabel} (one name=value a line) and let the tool encode it.`,
      )
    }
  }
}

export function readRequestConfig(inputs: InputReader, baseUrl: string): RequestCommandConfig {
  const method = inputs.oneOf('method', METHODS, 'GET')
  const path = inputs.required(
    'path',
    `Set it to a REST path under ${inputs.label('base-url')}, e.g. /rest/api/2/issue/ABC-123.`,
  )
  const query = parseQueryLines(inputs.raw('query'), inputs.label('query'))
  // Resolve now so a path outside base-url fails before any request.
  const url = resolveRequestUrl(baseUrl, path, query, inputs.label)
  checkEncodedQuery(path, inputs.label('path'), inputs.label('query'))
  const protocolParams = [...new URL(url).searchParams.keys()].filter((name) => name.startsWith('oauth_'))
  if (protocolParams.length > 0) {
    throw new ConfigError(
      `${inputs.label('path')} / ${inputs.label('query')} carry OAuth protocol parameters (${[...new Set(protocolParams)].join(', ')}).`,
      'Leave them out: the tool signs every request and sends oauth_* in the Authorization header; Jira refuses a parameter sent twice (parameter_rejected).',
    )
  }
  const bodyText = inputs.optional('body')
  let body: unknown
  if (bodyText !== undefined) {
    if (method === 'GET' || method === 'HEAD') {
      throw new ConfigError(
        `${inputs.label('body')} is set but ${inputs.label('method')} is ${method}, which sends no body.`,
        `Set ${inputs.label('method')} to POST or PUT, or remove the body.`,
      )
    }
    try {
      body = JSON.parse(bodyText)
    } catch (error) {
      throw new ConfigError(
        `${inputs.label('body')} is not valid JSON (${(error as Error).message}).`,
        'Give a JSON document, e.g. {"body": "Deployed"}; in YAML, use a block scalar (body: |) so quotes survive.',
      )
    }
  }
  return { method, path, query, body, failOnHttpError: inputs.boolean('fail-on-http-error', true) }
}

/** Makes one signed REST call; the caller decides whether a non-2xx status fails the step. */
export async function runRequest(config: RequestCommandConfig, client: JiraClient): Promise<RequestCommandResult> {
  const response = await client.request({
    method: config.method,
    path: config.path,
    query: config.query,
    json: config.body,
  })
  return {
    status: response.status,
    ok: isSuccess(response),
    body: response.body,
    method: response.method,
    url: response.url,
  }
}

/** The error a non-2xx result stands for (thrown or only warned about, per fail-on-http-error). */
export function requestFailure(result: RequestCommandResult): JiraHttpError | undefined {
  if (result.ok) return undefined
  return httpFailure({ status: result.status, body: result.body, method: result.method, url: result.url, headers: {} })
}
