import { isRecord, jiraError, json, noContent, type SimResponse } from './http-util.js'
import type { RestContext } from './rest-endpoints.js'
import { withIssue } from './rest-issue.js'
import { commentJson } from './rest-render.js'
import { jiraDate, type Issue } from './state.js'
import type { CommentState } from './types.js'

const MAX_COMMENTS_PAGE = 50

function intParam(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number.parseInt(value, 10)
  return Number.isFinite(n) && n >= 0 ? n : fallback
}

function commentText(body: unknown): string | undefined {
  if (!isRecord(body) || typeof body.body !== 'string' || body.body.trim() === '') return undefined
  return body.body
}

const emptyBody = (): SimResponse => jiraError(400, [], { comment: 'Comment body can not be empty!' })

function withComment(c: RestContext, fn: (issue: Issue, comment: CommentState) => SimResponse): SimResponse {
  return withIssue(c, (issue) => {
    const comment = issue.comments.find((x) => x.id === c.params[1])
    return comment ? fn(issue, comment) : jiraError(404, [`Can not find a comment for the id: ${c.params[1]}.`])
  })
}

export function listComments(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const startAt = intParam(c.req.query.get('startAt'), 0)
    const maxResults = Math.min(intParam(c.req.query.get('maxResults'), MAX_COMMENTS_PAGE), MAX_COMMENTS_PAGE)
    const desc = (c.req.query.get('orderBy') ?? '').trim().startsWith('-')
    const sorted = [...issue.comments].sort((a, b) => a.created.localeCompare(b.created) || Number(a.id) - Number(b.id))
    if (desc) sorted.reverse()
    return json(200, {
      startAt,
      maxResults,
      total: sorted.length,
      comments: sorted.slice(startAt, startAt + maxResults).map((x) => commentJson(c.state, issue, x)),
    })
  })
}

export function addComment(c: RestContext): SimResponse {
  return withIssue(c, (issue) => {
    const text = commentText(c.body)
    if (text === undefined) return emptyBody()
    const now = jiraDate(c.state.now())
    const comment: CommentState = {
      id: c.state.newCommentId(),
      body: text,
      author: c.user.name,
      created: now,
      updated: now,
    }
    issue.comments.push(comment)
    return json(201, commentJson(c.state, issue, comment))
  })
}

export function getComment(c: RestContext): SimResponse {
  return withComment(c, (issue, comment) => json(200, commentJson(c.state, issue, comment)))
}

// A CI user has "Edit/Delete Own Comments" only, the default permission scheme for non-admins.
export function updateComment(c: RestContext): SimResponse {
  return withComment(c, (issue, comment) => {
    if (comment.author !== c.user.name) return jiraError(403, ['You do not have the permission to edit this comment.'])
    const text = commentText(c.body)
    if (text === undefined) return emptyBody()
    comment.body = text
    comment.updated = jiraDate(c.state.now())
    return json(200, commentJson(c.state, issue, comment))
  })
}

export function deleteComment(c: RestContext): SimResponse {
  return withComment(c, (issue, comment) => {
    if (comment.author !== c.user.name)
      return jiraError(403, ['You do not have the permission to delete this comment.'])
    issue.comments.splice(issue.comments.indexOf(comment), 1)
    return noContent()
  })
}
