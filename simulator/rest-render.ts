// JSON shapes of Jira REST v2 resources. `self` links use the base URL Jira believes it has.
import type { CommentState, TransitionDef } from './types.js'
import type { Issue, SimulatorState, User } from './state.js'
import { versionJson } from './rest-versions.js'
import { allowedValueObjects, fieldDisplayName, statusCategory } from './workflow.js'

export const restBase = (state: SimulatorState): string => `${state.publicBaseUrl}/rest/api/2`

export function userJson(state: SimulatorState, u: User, full = false): Record<string, unknown> {
  const base = {
    self: `${restBase(state)}/user?username=${encodeURIComponent(u.name)}`,
    name: u.name,
    key: u.key,
    emailAddress: u.emailAddress,
    displayName: u.displayName,
    active: true,
    timeZone: 'UTC',
  }
  return full ? { ...base, locale: 'en_US', groups: { size: 1, items: [] }, expand: 'groups,applicationRoles' } : base
}

export function statusJson(state: SimulatorState, name: string): Record<string, unknown> {
  const id = state.statuses.id(name)
  const cat = statusCategory(name)
  return {
    self: `${restBase(state)}/status/${id}`,
    name,
    id,
    statusCategory: { self: `${restBase(state)}/statuscategory/${cat.id}`, id: cat.id, key: cat.key, name: cat.name },
  }
}

function authorJson(state: SimulatorState, name: string): Record<string, unknown> {
  const u = state.users.get(name)
  return u ? userJson(state, u) : { name, key: name, displayName: name, active: false }
}

export function commentJson(state: SimulatorState, issue: Issue, c: CommentState): Record<string, unknown> {
  return {
    self: `${restBase(state)}/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author: authorJson(state, c.author),
    body: c.body,
    updateAuthor: authorJson(state, c.author),
    created: c.created,
    updated: c.updated,
  }
}

/**
 * `fields` as Jira honours it: a list of ids, `*all`, `*navigable`; no list means `*navigable`,
 * which leaves out `comment` (Jira returns comments only when asked). A `commentCap` (search only)
 * truncates the comments while `total` still counts them all, so clients must page the rest.
 */
export function issueFieldsJson(
  state: SimulatorState,
  issue: Issue,
  fields: string[] | undefined,
  commentCap?: number,
): Record<string, unknown> {
  const listed = (f: string): boolean => fields?.some((x) => x === f || x === '*all') ?? false
  const want = (f: string): boolean => !fields || fields.length === 0 || listed(f) || fields.includes('*navigable')
  const out: Record<string, unknown> = {}
  if (want('summary')) out.summary = issue.summary
  if (want('status')) out.status = statusJson(state, issue.status)
  if (want('project')) out.project = projectJson(state, issue.project)
  if (want('resolution')) out.resolution = issue.resolution ? { name: issue.resolution } : null
  if (want('labels')) out.labels = issue.labels ?? []
  if (want('fixVersions'))
    out.fixVersions = (issue.fixVersions ?? []).map((name) => {
      const v = [...state.versions.values()].find((x) => x.project === issue.project && x.name === name)
      return v ? versionJson(state, v) : { name }
    })
  if (listed('comment')) {
    const all = [...issue.comments].sort((a, b) => a.created.localeCompare(b.created) || Number(a.id) - Number(b.id))
    const shown = commentCap === undefined ? all : all.slice(0, commentCap)
    out.comment = {
      comments: shown.map((c) => commentJson(state, issue, c)),
      maxResults: shown.length,
      total: all.length,
      startAt: 0,
    }
  }
  return out
}

export function projectJson(state: SimulatorState, key: string): Record<string, unknown> {
  const id = state.projectId(key)
  return { self: `${restBase(state)}/project/${id}`, id: String(id), key, name: `Project ${key}` }
}

export function issueJson(state: SimulatorState, issue: Issue, fields: string[] | undefined): Record<string, unknown> {
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${restBase(state)}/issue/${issue.id}`,
    key: issue.key,
    fields: issueFieldsJson(state, issue, fields),
  }
}

export function transitionJson(state: SimulatorState, t: TransitionDef, withFields: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id, name: t.name, to: statusJson(state, t.to) }
  if (withFields) {
    const fields: Record<string, unknown> = {}
    for (const [id, def] of Object.entries(t.fields ?? {})) {
      const f: Record<string, unknown> = {
        required: def.required ?? false,
        schema: def.schema ?? { type: 'string', system: id },
        name: fieldDisplayName(id, def),
        fieldId: id,
        hasDefaultValue: def.hasDefaultValue ?? false,
        operations: def.schema?.type === 'array' ? ['set', 'add', 'remove'] : ['set'],
      }
      if (def.allowedValues) {
        const resource = def.schema?.items ?? def.schema?.type ?? id
        f.allowedValues = allowedValueObjects(def).map((v) => ({
          self: `${restBase(state)}/${resource}/${v.id}`,
          ...v,
        }))
      }
      fields[id] = f
    }
    out.fields = fields
  }
  return out
}

/** Comma-separated or repeated `fields` query values. */
export function fieldsParam(values: string[]): string[] | undefined {
  const list = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean)
  return list.length > 0 ? list : undefined
}
