import type { IncomingHttpHeaders } from 'node:http'
import { jiraError, type SimResponse } from './http-util.js'
import type { Fault } from './types.js'

type ActionFault = Exclude<Fault, { kind: 'latency' }>

export interface FaultPlan {
  /** Sum of matching latency faults (each consumes one use). */
  extraLatencyMs: number
  /** The first matching status/reset fault, if any (consumes one use). */
  action?: ActionFault
}

interface Armed {
  fault: Fault
  remaining: number
}

/** Faults are matched in injection order against method + path after the context path. */
export class FaultQueue {
  private armed: Armed[] = []

  add(f: Fault): void {
    this.armed.push({ fault: f, remaining: f.times ?? 1 })
  }

  take(method: string, subPath: string): FaultPlan {
    const plan: FaultPlan = { extraLatencyMs: 0 }
    for (const a of this.armed) {
      if (a.remaining <= 0 || !matches(a.fault, method, subPath)) continue
      if (a.fault.kind === 'latency') {
        plan.extraLatencyMs += a.fault.ms
        a.remaining--
      } else if (!plan.action) {
        plan.action = a.fault
        a.remaining--
      }
    }
    this.armed = this.armed.filter((a) => a.remaining > 0)
    return plan
  }
}

function matches(f: Fault, method: string, subPath: string): boolean {
  if (f.method && f.method.toUpperCase() !== method.toUpperCase()) return false
  if (f.path === undefined) return true
  if (typeof f.path === 'string') return f.path === subPath
  f.path.lastIndex = 0 // a /g or /y RegExp would otherwise match only every other time
  return f.path.test(subPath)
}

/** The response of a 'status' fault: the given body (JSON if it parses) or a Jira-style error. */
export function faultResponse(f: Extract<Fault, { kind: 'status' }>, requestHeaders: IncomingHttpHeaders): SimResponse {
  const echo = f.echoHeaders && echoedHeaders(f.echoHeaders, f.status, requestHeaders)
  const body = echo?.body ?? f.body
  const res =
    body === undefined
      ? jiraError(f.status, [`Simulated fault: HTTP ${f.status}`])
      : {
          status: f.status,
          headers: {
            'Content-Type':
              echo?.contentType ??
              f.contentType ??
              (isJson(body) ? 'application/json;charset=UTF-8' : 'text/plain;charset=UTF-8'),
          },
          body,
        }
  if (f.retryAfter !== undefined) res.headers['Retry-After'] = String(f.retryAfter)
  return res
}

/** What a proxy's error or debug page looks like when it shows the request it got. */
function echoedHeaders(
  format: 'json' | 'html' | 'text',
  status: number,
  headers: IncomingHttpHeaders,
): { body: string; contentType: string } {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${String(value)}`)
  if (format === 'json')
    return {
      // Jira's error shape, one "field" per request header, as a servlet filter's debug page does.
      body: JSON.stringify({
        errorMessages: [`Proxy error ${status}`],
        errors: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
      }),
      contentType: 'application/json;charset=UTF-8',
    }
  if (format === 'html')
    return {
      body: `<html><body><h1>${status} Proxy Error</h1><pre>${lines.join('\n')}</pre></body></html>`,
      contentType: 'text/html;charset=UTF-8',
    }
  return { body: `Proxy error ${status}. Request headers:\n${lines.join('\n')}\n`, contentType: 'text/plain' }
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s)
    return true
  } catch {
    return false
  }
}
