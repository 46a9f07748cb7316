import { isRecord, jiraError, json, noContent, type SimResponse } from './http-util.js'
import type { RestContext } from './rest-endpoints.js'
import { withIssue } from './rest-issue.js'
import { restBase } from './rest-render.js'
import type { Issue, SimulatorState } from './state.js'
import type { RemoteLinkState } from './types.js'

const MAX_GLOBAL_ID = 255

// Jira answers remote link ids as numbers (comment ids are strings).
function linkJson(state: SimulatorState, issue: Issue, l: RemoteLinkState): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: Number(l.id),
    self: `${restBase(state)}/issue/${issue.key}/remotelink/${l.id}`,
  }
  if (l.globalId !== undefined) out.globalId = l.globalId
  out.application = l.application ?? {}
  if (l.relationship !== undefined) out.relationship = l.relationship
  out.object = l.object
  return out
}

type Parsed = { ok: true; link: Omit<RemoteLinkState, 'id'> } | { ok: false; res: SimResponse }

function parseLink(body: unknown): Parsed {
  const b = isRecord(body) ? body : {}
  const object = isRecord(b.object) ? b.object : {}
  const errors: Record<string, string> = {}
  if (typeof object.url !== 'string' || object.url.trim() === '') errors.url = "'url' is required."
  if (typeof object.title !== 'string' || object.title.trim() === '') errors.title = "'title' is required."
  const globalId = typeof b.globalId === 'string' ? b.globalId : undefined
  if (globalId !== undefined && globalId.length > MAX_GLOBAL_ID) {
    errors.globalId = `'globalId' must be ${MAX_GLOBAL_ID} characters or less.`
  }
  if (Object.keys(errors).length > 0) return { ok: false, res: jiraError(400, [], errors) }
  return {
    ok: true,
    link: {
      globalId,
      object,
      application: isRecord(b.application) ? b.application : undefined,
      relationship: typeof b.relationship === 'string' ? b.relationship : undefined,
    },
  }
}

export function listRemoteLinks(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const globalId = c.req.query.get('globalId')
    if (globalId === null)
      return json(
        200,
        issue.remoteLinks.map((l) => linkJson(c.state, issue, l)),
      )
    // With globalId Jira returns the single link, not a list.
    const l = issue.remoteLinks.find((x) => x.globalId === globalId)
    return l
      ? json(200, linkJson(c.state, issue, l))
      : jiraError(404, ['No remote link with the given globalId exists for this issue.'])
  })
}

/** Upsert by globalId, per IssueResource.createOrUpdateRemoteIssueLink: 201 created, 200 updated. */
export function upsertRemoteLink(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const p = parseLink(c.body)
    if (!p.ok) return p.res
    const existing =
      p.link.globalId === undefined ? undefined : issue.remoteLinks.find((x) => x.globalId === p.link.globalId)
    if (existing) {
      Object.assign(existing, p.link)
      return json(200, { id: Number(existing.id), self: linkJson(c.state, issue, existing).self })
    }
    const created: RemoteLinkState = { id: c.state.newRemoteLinkId(), ...p.link }
    issue.remoteLinks.push(created)
    return json(201, { id: Number(created.id), self: linkJson(c.state, issue, created).self })
  })
}

function withLink(c: RestContext, fn: (issue: Issue, l: RemoteLinkState) => SimResponse): SimResponse {
  return withIssue(c, (issue) => {
    const l = issue.remoteLinks.find((x) => x.id === c.params[1])
    return l ? fn(issue, l) : jiraError(404, [`No remote link with id ${c.params[1]} exists for this issue.`])
  })
}

export function getRemoteLinkById(c: RestContext): SimResponse {
  return withLink(c, (issue, l) => json(200, linkJson(c.state, issue, l)))
}

/** PUT replaces the link: fields not provided become null. */
export function putRemoteLink(c: RestContext): SimResponse {
  return withLink(c, (_issue, l) => {
    const p = parseLink(c.body)
    if (!p.ok) return p.res
    const id = l.id
    for (const k of Object.keys(l)) Reflect.deleteProperty(l, k)
    Object.assign(l, { id, ...p.link })
    return noContent()
  })
}

export function deleteRemoteLinkById(c: RestContext): SimResponse {
  return withLink(c, (issue, l) => {
    issue.remoteLinks.splice(issue.remoteLinks.indexOf(l), 1)
    return noContent()
  })
}

export function deleteRemoteLink(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const globalId = c.req.query.get('globalId')
    if (globalId === null) return jiraError(400, ['A globalId must be provided.'])
    const l = issue.remoteLinks.find((x) => x.globalId === globalId)
    if (!l) return jiraError(404, ['No remote link with the given globalId exists for this issue.'])
    issue.remoteLinks.splice(issue.remoteLinks.indexOf(l), 1)
    return noContent()
  })
}
