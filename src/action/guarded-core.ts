import { inertLines } from '../core/inert-text.js'
import type { ActionCore } from './action-core.js'

/**
 * Outputs that exist to carry a secret (a token the user asked for), and `response`, documented
 * as Jira's body as received. Every other output is redacted: outputs travel to other steps and
 * jobs, where masks do not follow.
 */
export const OUTPUTS_CARRYING_SECRETS: ReadonlySet<string> = new Set([
  'access-token',
  'access-token-secret',
  'request-token',
  'request-token-secret',
  'session-handle',
  'response',
])

type Message = string | Error
type Summary = ActionCore['summary']

/** The job summary, redacted as a whole when written (tables quote Jira's error texts). */
function redactingSummary(summary: Summary, redact: (text: string) => string): Summary {
  return new Proxy(summary, {
    get(target, property) {
      if (property === 'write')
        return async (options?: Parameters<Summary['write']>[0]) => {
          const text = redact(target.stringify())
          target.emptyBuffer().addRaw(text)
          return target.write(options)
        }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}

/**
 * The core every command uses: each output, message and the job summary has the registered
 * secrets redacted,
 * and log lines are printed inertly (text from Jira can never start a workflow command).
 * Annotations need no more: the toolkit escapes %, \r and \n in command data, so an annotation
 * stays one line. add-mask goes to the raw core (the Masker), never through here.
 */
export function guardedCore(core: ActionCore, redact: (text: string) => string): ActionCore {
  const text = (m: Message) => redact(m instanceof Error ? m.message : m)
  return {
    ...core,
    summary: redactingSummary(core.summary, redact),
    setOutput: (name, value: unknown) => {
      const raw = typeof value === 'string' ? value : JSON.stringify(value)
      core.setOutput(name, OUTPUTS_CARRYING_SECRETS.has(name) ? raw : redact(raw))
    },
    info: (m) => {
      core.info(inertLines(redact(m)))
    },
    debug: (m) => {
      core.debug(redact(m))
    },
    notice: (m, props) => {
      core.notice(text(m), props)
    },
    warning: (m, props) => {
      core.warning(text(m), props)
    },
    error: (m, props) => {
      core.error(text(m), props)
    },
    setFailed: (m) => {
      core.setFailed(text(m))
    },
  }
}
