// Runs a composite action's `run` steps the way the runner does, for tests: its inputs (defaults
// filled in) substituted into `${{ inputs.* }}`, each step's `env`, the script run by bash as
// `bash --noprofile --norc -eo pipefail FILE`, GITHUB_ACTION_PATH set to the action's folder, and its
// outputs mapped from the steps' GITHUB_OUTPUT. An expression it does not know fails the run, so a
// change to the action that this harness cannot model is noticed rather than silently mis-run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { parse } from 'yaml'
import { BUNDLE_NODE, runAction, type ActionRun, type RunActionOptions } from './action-runner.js'

interface CompositeManifest {
  inputs?: Record<string, { default?: string; required?: boolean }>
  outputs?: Record<string, { value: string }>
  runs: { using: string; steps: { id?: string; shell?: string; run?: string; uses?: string; env?: Record<string, string | number | boolean> }[] }
}

const TEST_TOKEN = 'ghs_test_token'

function evaluate(text: string, inputs: Record<string, string>, steps: Record<string, ActionRun>): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1]
    if (input !== undefined) {
      const value = inputs[input]
      if (value === undefined) throw new Error(`composite action: \${{ ${expression} }} names no declared input`)
      return value
    }
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression)
    if (output) return steps[output[1] ?? '']?.outputs[output[2] ?? ''] ?? ''
    if (expression === 'github.token') return TEST_TOKEN
    throw new Error(`composite action: the test harness does not model \${{ ${expression} }}`)
  })
}

export interface CompositeRun {
  readonly steps: Record<string, ActionRun>
  /** The last step's run (exit code, log, summary). */
  readonly last: ActionRun
  readonly outputs: Record<string, string>
}

/** Runs `actionDir/action.yml` (composite, run steps only) with `inputs`; stops at the first failing step. */
export async function runCompositeAction(
  actionDir: string,
  given: Record<string, string>,
  options: Pick<RunActionOptions, 'env' | 'event'> = {},
): Promise<CompositeRun> {
  const manifest = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as CompositeManifest
  if (manifest.runs.using !== 'composite') throw new Error(`${actionDir}/action.yml is not a composite action`)
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(manifest.inputs ?? {})) {
    const value = given[name] ?? evaluate(spec.default ?? '', {}, {})
    if (spec.required && value === '') throw new Error(`composite action: required input ${name} not given`)
    inputs[name] = value
  }
  const unknown = Object.keys(given).filter((name) => !(name in inputs))
  if (unknown.length) throw new Error(`composite action: no input ${unknown.join(', ')}`)
  const dir = mkdtempSync(join(tmpdir(), 'composite-'))
  const steps: Record<string, ActionRun> = {}
  let last: ActionRun | undefined
  for (const [index, step] of manifest.runs.steps.entries()) {
    if (step.run === undefined || step.shell !== 'bash') throw new Error('composite action: only bash run steps are modelled')
    const script = join(dir, `step-${index}.sh`)
    writeFileSync(script, evaluate(step.run, inputs, steps))
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(String(value), inputs, steps)]),
    )
    last = await runAction(
      {},
      {
        ...options,
        inputDefaults: false,
        command: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', script],
        env: {
          ...options.env,
          ...env,
          // `node` on PATH is the one that runs the bundles (BUNDLE_NODE), as the runner's would be.
          PATH: `${dirname(BUNDLE_NODE)}${delimiter}${options.env?.PATH ?? process.env.PATH ?? ''}`,
          GITHUB_ACTION_PATH: actionDir,
        },
      },
    )
    steps[step.id ?? `step-${index}`] = last
    if (last.exitCode !== 0) break
  }
  if (!last) throw new Error('composite action: no steps')
  const outputs = Object.fromEntries(
    Object.entries(manifest.outputs ?? {}).map(([name, spec]) => [name, evaluate(spec.value, inputs, steps)]),
  )
  return { steps, last, outputs }
}
