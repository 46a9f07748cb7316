import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

/**
 * Handlers return a response value instead of writing to the socket, so the server can apply
 * latency, 'afterHandler' faults and the offset Date header in one place.
 */
export interface SimResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** Set on OAuth problem responses, for the request log. */
  oauthProblem?: string
  /** User the request acted as, for the request log. */
  user?: string
}

export interface SimRequest {
  method: string
  /** Raw path as received, still percent-encoded, no query. */
  rawPath: string
  /** rawPath after the context path (starts with '/'). */
  subPath: string
  rawQuery: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/** Media type without parameters, lower-case ('' when absent). */
export function mediaType(headers: IncomingHttpHeaders): string {
  return (headerValue(headers, 'content-type') ?? '').replace(/;.*/s, '').trim().toLowerCase()
}

export function isFormEncoded(headers: IncomingHttpHeaders): boolean {
  return mediaType(headers) === 'application/x-www-form-urlencoded'
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(value),
  }
}

/** Jira's REST error shape. */
export function jiraError(status: number, errorMessages: string[], errors: Record<string, string> = {}): SimResponse {
  return json(status, { errorMessages, errors })
}

export function noContent(): SimResponse {
  return { status: 204, headers: {}, body: '' }
}

export function text(status: number, body: string, contentType = 'text/plain;charset=UTF-8'): SimResponse {
  return { status, headers: { 'Content-Type': contentType }, body }
}

export function html(status: number, title: string, inner: string, headers: Record<string, string> = {}): SimResponse {
  const body = `<!DOCTYPE html>\n<html><head><title>${escapeHtml(title)}</title></head><body>\n${inner}\n</body></html>\n`
  return { status, headers: { 'Content-Type': 'text/html;charset=UTF-8', ...headers }, body }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Parse a JSON request body; undefined body text is treated as an empty object by callers. */
export function parseJsonBody(body: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (body.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(body) as unknown }
  } catch (e) {
    return { ok: false, message: (e as Error).message }
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
