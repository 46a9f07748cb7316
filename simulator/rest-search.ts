import { isRecord, jiraError, json, type SimResponse } from './http-util.js'
import { JqlError, runJql, type JqlWorld } from './jql.js'
import type { RestContext } from './rest-endpoints.js'
import { fieldsParam, issueFieldsJson, restBase, transitionJson } from './rest-render.js'
import type { SimulatorState } from './state.js'
import { availableTransitions } from './workflow.js'

const DEFAULT_MAX = 50
const CAP_MAX = 100

interface SearchRequest {
  jql: string
  startAt: number
  maxResults: number
  fields?: string[]
  expand: string[]
  validateQuery: boolean
}

export function searchGet(c: RestContext): SimResponse {
  const q = c.req.query
  return search(c.state, {
    jql: q.get('jql') ?? '',
    startAt: toInt(q.get('startAt'), 0),
    maxResults: toInt(q.get('maxResults'), DEFAULT_MAX),
    fields: fieldsParam(q.getAll('fields')),
    expand: fieldsParam(q.getAll('expand')) ?? [],
    validateQuery: q.get('validateQuery') !== 'false',
  })
}

export function searchPost(c: RestContext): SimResponse {
  const b = isRecord(c.body) ? c.body : {}
  if (b.jql !== undefined && typeof b.jql !== 'string') return jiraError(400, ["The 'jql' property must be a string."])
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string') : undefined)
  // In POST, `fields` and `expand` are JSON arrays and validateQuery a boolean (Jira DC).
  if (b.validateQuery !== undefined && typeof b.validateQuery !== 'boolean')
    return jiraError(400, ["The 'validateQuery' property must be a boolean."])
  return search(c.state, {
    jql: b.jql ?? '',
    startAt: toInt(b.startAt, 0),
    maxResults: toInt(b.maxResults, DEFAULT_MAX),
    fields: strings(b.fields),
    expand: strings(b.expand) ?? [],
    validateQuery: b.validateQuery !== false,
  })
}

function toInt(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN
  return Number.isInteger(n) && n >= 0 ? n : fallback
}

function search(state: SimulatorState, r: SearchRequest): SimResponse {
  const issues = [...state.issues.values()]
  const world: JqlWorld = {
    issues: issues.map((i) => {
      const indexed = state.search.stale?.get(i.key) ?? i
      return {
        key: i.key,
        project: i.project,
        summary: i.summary,
        status: indexed.status,
        statusId: state.statuses.id(indexed.status),
        texts: indexed.comments.map((cm) => cm.body),
      }
    }),
    statusNames: state.statuses.names(),
  }
  let hits
  let warnings: string[]
  try {
    ;({ issues: hits, warnings } = runJql(r.jql, world, r.validateQuery))
  } catch (e) {
    if (e instanceof JqlError) return jiraError(400, e.messages)
    throw e
  }
  const maxResults = Math.min(r.maxResults, CAP_MAX)
  const page = hits.slice(r.startAt, r.startAt + maxResults)
  const expandTransitions =
    state.search.expandTransitions && (r.expand.includes('transitions') || r.expand.includes('transitions.fields'))
  return json(200, {
    expand: 'schema,names',
    startAt: r.startAt,
    maxResults,
    total: hits.length,
    // The JQL world is built from state.issues: every hit is there.
    issues: page.flatMap((h) => {
      const live = state.issues.get(h.key)
      if (!live) return []
      // A stale index shows the fields as they were; transitions (expand) are computed live, as Jira does.
      const indexed = state.search.stale?.get(live.key)
      const issue = indexed ? { ...live, status: indexed.status, comments: indexed.comments } : live
      return {
        expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
        id: issue.id,
        self: `${restBase(state)}/issue/${issue.id}`,
        key: issue.key,
        fields: issueFieldsJson(state, issue, r.fields, state.search.commentCap),
        ...(expandTransitions
          ? {
              transitions: availableTransitions(live.transitions, live.status).map((t) =>
                transitionJson(state, t, r.expand.includes('transitions.fields')),
              ),
            }
          : {}),
      }
    }),
    ...(warnings.length > 0 ? { warningMessages: warnings } : {}),
  })
}
