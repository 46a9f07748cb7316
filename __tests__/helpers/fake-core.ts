// In-process @actions/cores for running the action's main(). fakeCore: inputs from a record, everything
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

/** An in-process @actions/core that records every call as [name, ...args], inputs from a record. */
export function recordingCore(inputs: Record<string, string>): { core: ActionCore; calls: [string, ...unknown[]][] } {
  const calls: [string, ...unknown[]][] = []
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push([name, ...args])
  const core = {
    getInput: (name: string) => inputs[name] ?? '',
    setOutput: record('setOutput'),
    setSecret: record('setSecret'),
    setFailed: record('setFailed'),
    info: record('info'),
    warning: record('warning'),
    error: record('error'),
    notice: record('notice'),
    debug: record('debug'),
    summary: {},
  } as unknown as ActionCore
  return { core, calls }
}
