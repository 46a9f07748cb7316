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
export function faultResponse(f: Extract<Fault, { kind: 'status' }>): SimResponse {
  const res =
    f.body === undefined
      ? jiraError(f.status, [`Simulated fault: HTTP ${f.status}`])
      : {
          status: f.status,
          headers: { 'Content-Type': isJson(f.body) ? 'application/json;charset=UTF-8' : 'text/plain;charset=UTF-8' },
          body: f.body,
        }
  if (f.retryAfter !== undefined) res.headers['Retry-After'] = String(f.retryAfter)
  return res
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s)
    return true
  } catch {
    return false
  }
}
