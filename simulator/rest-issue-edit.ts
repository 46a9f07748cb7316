// PUT /rest/api/2/issue/{key}: `fields` (set) and `update` (set/add/remove) for fixVersions and
// labels, with Jira's 400s: a field off the edit screen, an unknown or archived version, a label
// with spaces. 204 on success.
import { isRecord, jiraError, noContent, type SimResponse } from './http-util.js'
import { withIssue } from './rest-issue.js'
import type { RestContext } from './rest-endpoints.js'
import type { Issue, SimulatorState } from './state.js'

const EDITABLE = new Set(['fixVersions', 'labels'])
const cannotBeSet = (field: string) =>
  `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`

type Ops = { verb: 'set' | 'add' | 'remove'; value: unknown }[]

function versionName(state: SimulatorState, issue: Issue, ref: unknown): string | { error: string } {
  const r = isRecord(ref) ? ref : {}
  // Archived versions are not among the field's allowed values, so Jira refuses them like unknown ones [inferred].
  const usable = [...state.versions.values()].filter((v) => v.project === issue.project && !v.archived)
  if (typeof r.id === 'number') return { error: "expected 'id' property to be a string" }
  const found = typeof r.id === 'string' ? usable.find((v) => v.id === r.id) : usable.find((v) => v.name === r.name)
  return found ? found.name : { error: `Version name '${String(r.name ?? r.id)}' is not valid` }
}

function apply(current: string[], ops: Ops, toValue: (v: unknown) => string | { error: string }): string[] | string {
  let list = [...current]
  for (const op of ops) {
    const values = op.verb === 'set' ? (Array.isArray(op.value) ? op.value : []) : [op.value]
    const names: string[] = []
    for (const v of values) {
      const name = toValue(v)
      if (typeof name !== 'string') return name.error
      names.push(name)
    }
    if (op.verb === 'set') list = [...new Set(names)]
    else if (op.verb === 'add') list = [...list, ...names.filter((n) => !list.includes(n))]
    else list = list.filter((n) => !names.includes(n))
  }
  return list
}

export function editIssue(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const body = isRecord(c.body) ? c.body : {}
    const ops = new Map<string, Ops>()
    for (const [field, value] of Object.entries(isRecord(body.fields) ? body.fields : {}))
      ops.set(field, [{ verb: 'set', value }])
    for (const [field, list] of Object.entries(isRecord(body.update) ? body.update : {})) {
      const parsed: Ops = []
      for (const op of Array.isArray(list) ? list : []) {
        const verb = isRecord(op) ? (['set', 'add', 'remove'] as const).find((v) => v in op) : undefined
        if (!verb || !isRecord(op))
          return jiraError(400, [
            `Field with id' ${field}' and name '${field}' does not support operation '${isRecord(op) ? Object.keys(op).join(',') : ''}' Supported operation(s) are: 'set,add,remove'`,
          ])
        parsed.push({ verb, value: op[verb] })
      }
      ops.set(field, [...(ops.get(field) ?? []), ...parsed])
    }
    const hidden = new Set(c.state.projectSettings.get(issue.project)?.fieldsNotOnEditScreen ?? [])
    const errors: Record<string, string> = {}
    for (const field of ops.keys()) if (!EDITABLE.has(field) || hidden.has(field)) errors[field] = cannotBeSet(field)
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors)
    const next: { fixVersions?: string[]; labels?: string[] } = {}
    const fixOps = ops.get('fixVersions')
    if (fixOps) {
      const r = apply(issue.fixVersions ?? [], fixOps, (v) => versionName(c.state, issue, v))
      if (typeof r === 'string') return jiraError(400, [], { fixVersions: r })
      next.fixVersions = r
    }
    const labelOps = ops.get('labels')
    if (labelOps) {
      const r = apply(issue.labels ?? [], labelOps, (v) =>
        typeof v === 'string' && /\s/.test(v)
          ? { error: `The label '${v}' contains spaces which is invalid.` }
          : String(v),
      )
      if (typeof r === 'string') return jiraError(400, [], { labels: r })
      next.labels = r
    }
    Object.assign(issue, next)
    return noContent()
  })
}
