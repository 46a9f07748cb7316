import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

export const ROOT = join(import.meta.dirname, '..', '..')

/**
 * The Node.js that runs the bundles: this one, or BUNDLE_NODE (CI points it at Node 24, the
 * runtime `runs.using: node24` gives the action on GitHub's runners).
 */
export const BUNDLE_NODE = process.env.BUNDLE_NODE || process.execPath

interface ActionManifest {
  inputs: Record<string, { default?: string }>
}

/** action.yml's input defaults, as the runner applies them (it sets INPUT_* for every input). */
export function actionDefaults(): Record<string, string> {
  const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest
  // The runner evaluates expressions in defaults; the only one used is the job's token.
  const evaluate = (value: string) => value.replace(/\$\{\{\s*github\.token\s*\}\}/g, 'ghs_test_token')
  return Object.fromEntries(Object.entries(manifest.inputs).map(([name, spec]) => [name, evaluate(spec.default ?? '')]))
}

export interface ActionRun {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  /** Workflow commands such as ::error:: and ::warning::, decoded. */
  readonly annotations: { level: string; message: string }[]
  /** Values registered with ::add-mask::. */
  readonly masks: string[]
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks (and plain name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const [, name = '', delimiter = ''] = /^([^=<]+)<<(.+)$/.exec(line) ?? []
    if (delimiter) {
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0) throw new Error(`GITHUB_OUTPUT: the block for "${name}" is never closed by its delimiter`)
      outputs[name] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      const eq = line.indexOf('=')
      outputs[line.slice(0, eq)] = line.slice(eq + 1)
    }
  }
  return outputs
}

function decodeCommandValue(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

export interface RunActionOptions {
  readonly env?: Record<string, string>
  /** The triggering event: written to GITHUB_EVENT_PATH. */
  readonly event?: { name: string; payload: unknown }
  readonly entry?: string
  /** Node arguments in place of the entry file (e.g. an inline script that imports and calls run()). */
  readonly nodeArgs?: readonly string[]
  /** A program and its arguments in place of node (a composite action's shell step). */
  readonly command?: readonly [string, ...string[]]
  /** Set INPUT_* for action.yml's defaults (the runner does for a node action; default true). */
  readonly inputDefaults?: boolean
  /** The Node.js binary, in place of BUNDLE_NODE (the benchmark runs the bundle on several). */
  readonly node?: string
}

/**
 * Runs dist/index.js the way the runner does: every input as INPUT_<NAME> (action.yml defaults
 * filled in), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_EVENT_PATH, a clean environment.
 */
export async function runAction(inputs: Record<string, string>, options: RunActionOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'jira-action-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  const eventFile = join(dir, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.event?.name ?? 'workflow_dispatch',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_ACTION: '__jira',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: dir,
    ...options.env,
  }
  const defaults = options.inputDefaults === false ? {} : actionDefaults()
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value
  const [program, ...args] = options.command ?? [
    options.node ?? BUNDLE_NODE,
    ...(options.nodeArgs ?? [join(ROOT, options.entry ?? 'dist/index.js')]),
  ]
  const child = spawn(program, args, {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const annotations = [...stdout.matchAll(/^::(error|warning|notice)(?: [^:]*)?::(.*)$/gm)].map((m) => ({
    level: m[1] ?? '',
    message: decodeCommandValue(m[2] ?? ''),
  }))
  const masks = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => decodeCommandValue(m[1] ?? ''))
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations,
    masks,
  }
}

/**
 * The log as a person sees it on the runner: a value is masked only from the line after its
 * ::add-mask:: on, so a secret printed before it was registered stays visible (and a test sees it).
 */
export function visibleLog(run: ActionRun): string {
  const masks: string[] = []
  const lines: string[] = []
  for (const line of run.stdout.split('\n')) {
    const mask = /^::add-mask::(.*)$/.exec(line)
    if (mask) {
      masks.push(decodeCommandValue(mask[1] ?? ''))
      masks.sort((a, b) => b.length - a.length)
      continue
    }
    lines.push(masks.reduce((text, secret) => (secret ? text.split(secret).join('***') : text), line))
  }
  // stderr is not interleaved with stdout here; mask it with everything registered.
  const stderr = masks.reduce((text, secret) => (secret ? text.split(secret).join('***') : text), run.stderr)
  return `${lines.join('\n')}\n${stderr}`
}
