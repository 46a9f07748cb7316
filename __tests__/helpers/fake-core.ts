// An in-process @actions/core for running the action's main(): inputs from a record, everything
// said (failures, warnings, notices, log lines) passed to `say`.
import type { ActionCore } from '../../src/action/action-core.js'

export function fakeCore(inputs: Record<string, string>, say: (message: string) => void = () => {}): ActionCore {
  const text = (m: unknown) => {
    say(m instanceof Error ? m.message : String(m))
  }
  return {
    getInput: (name: string) => inputs[name] ?? '',
    setOutput: () => {},
    setSecret: () => {},
    setFailed: text,
    info: text,
    warning: text,
    error: text,
    notice: text,
    debug: () => {},
    summary: {},
  } as unknown as ActionCore
}
