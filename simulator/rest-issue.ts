import { isRecord, jiraError, json, noContent, type SimResponse } from './http-util.js'
import type { RestContext } from './rest-endpoints.js'
import { fieldsParam, issueJson, transitionJson } from './rest-render.js'
import { jiraDate, type Issue } from './state.js'
import { availableTransitions, statusCategory, validateTransitionFields } from './workflow.js'

export const issueNotFound = (): SimResponse => jiraError(404, ['Issue Does Not Exist'])

/** Runs `fn` with the issue from the first path capture, or answers Jira's 404. */
export function withIssue(c: RestContext, fn: (issue: Issue) => SimResponse): SimResponse {
  const issue = c.state.findIssue(c.params[0] ?? '')
  return issue ? fn(issue) : issueNotFound()
}

export function getIssue(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const out = issueJson(c.state, issue, fieldsParam(c.req.query.getAll('fields')))
    const expand = c.req.query.getAll('expand').join(',').split(',')
    if (expand.includes('transitions') || expand.includes('transitions.fields')) {
      out.transitions = availableTransitions(issue.transitions, issue.status).map((t) =>
        transitionJson(c.state, t, expand.includes('transitions.fields')),
      )
    }
    return json(200, out)
  })
}

export function getTransitions(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const withFields = c.req.query.getAll('expand').join(',').split(',').includes('transitions.fields')
    const only = c.req.query.get('transitionId')
    if (only !== null && !/^\d+$/.test(only)) return jiraError(400, [`Transition id '${only}' is not a valid number.`])
    const list = availableTransitions(issue.transitions, issue.status).filter((t) => only === null || t.id === only)
    return json(200, { expand: 'transitions', transitions: list.map((t) => transitionJson(c.state, t, withFields)) })
  })
}

export function postTransition(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const body = isRecord(c.body) ? c.body : {}
    const tr = body.transition
    const id = isRecord(tr) && (typeof tr.id === 'string' || typeof tr.id === 'number') ? String(tr.id) : undefined
    if (id === undefined) return jiraError(400, ["Missing 'transition' identifier"])
    const t = issue.transitions.find((x) => x.id === id)
    if (!t) return jiraError(400, [`Transition id '${id}' is not valid for this issue.`])
    if (!availableTransitions(issue.transitions, issue.status).includes(t)) {
      return jiraError(400, [
        `It seems that you have tried to perform a workflow operation (${t.name}) that is not valid for the current state of this issue (${issue.key}). The likely cause is that somebody has changed the issue recently, please look at the issue history for details.`,
      ])
    }
    const fields: Record<string, unknown> = isRecord(body.fields) ? { ...body.fields } : {}
    const update = isRecord(body.update) ? body.update : {}
    const comments: string[] = []
    // Fold `update` operations into fields; comment adds are handled separately.
    for (const [fieldId, ops] of Object.entries(update)) {
      for (const op of Array.isArray(ops) ? ops : []) {
        if (!isRecord(op)) continue
        if (fieldId === 'comment') {
          const add = op.add
          if (isRecord(add) && typeof add.body === 'string') comments.push(add.body)
        } else if ('set' in op) fields[fieldId] = op.set
        else if ('add' in op)
          fields[fieldId] = [...(Array.isArray(fields[fieldId]) ? (fields[fieldId] as unknown[]) : []), op.add]
      }
    }
    const check = validateTransitionFields(t, fields)
    if (!check.ok) return jiraError(400, [], check.errors)

    const from = issue.status
    issue.status = t.to
    const resolution = check.values.resolution
    if (typeof resolution === 'string') issue.resolution = resolution
    else if (statusCategory(t.to).key !== 'done') delete issue.resolution
    const fixVersions = check.values.fixVersions
    if (Array.isArray(fixVersions)) issue.fixVersions = fixVersions as string[]
    // A comment in `update` is dropped when the transition has no screen (a known Jira gotcha).
    if (t.fields && Object.keys(t.fields).length > 0) {
      for (const text of comments) {
        const now = jiraDate(c.state.now())
        issue.comments.push({ id: c.state.newCommentId(), body: text, author: c.user.name, created: now, updated: now })
      }
    }
    issue.transitionsPerformed.push({ id: t.id, name: t.name, from, to: t.to, fields: check.values, user: c.user.name })
    return noContent()
  })
}
