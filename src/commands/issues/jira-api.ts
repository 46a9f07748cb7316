import type { JiraClient, JiraResponse } from '../../jira/client.js'
import { expectJson, httpFailure } from '../../jira/expect.js'

/** The REST v2 shapes this command reads; everything else in Jira's answers is ignored. */
export interface IssueSnapshot {
  readonly key: string
  readonly summary: string
  readonly status: string
}

export interface TransitionField {
  readonly required?: boolean
  readonly name?: string
  readonly hasDefaultValue?: boolean
  readonly allowedValues?: readonly { readonly name?: string; readonly value?: string; readonly id?: string }[]
}

export interface Transition {
  readonly id: string
  readonly name: string
  readonly to: { readonly name: string }
  readonly fields?: Readonly<Record<string, TransitionField>>
}

export interface Comment {
  readonly id: string
  readonly body: string
  readonly author?: { readonly name?: string; readonly key?: string; readonly accountId?: string }
}

export interface RemoteLinkBody {
  readonly globalId: string
  readonly application: { readonly type: string; readonly name: string }
  readonly relationship: string
  readonly object: {
    readonly url: string
    readonly title: string
    readonly icon?: { readonly url16x16: string; readonly title: string }
  }
}

interface RawIssue {
  key?: string
  fields?: { summary?: string; status?: { name?: string } }
}

const issuePath = (key: string) => `/rest/api/2/issue/${encodeURIComponent(key)}`

function snapshot(raw: RawIssue, fallbackKey: string): IssueSnapshot {
  return { key: raw.key ?? fallbackKey, summary: raw.fields?.summary ?? '', status: raw.fields?.status?.name ?? '' }
}

/** Thin typed calls over the client: one function per REST endpoint the command uses. */
export class IssuesApi {
  constructor(readonly client: JiraClient) {}

  /** The issue, or undefined when Jira answers 404 (missing, or not visible to the user). */
  async getIssue(key: string): Promise<IssueSnapshot | undefined> {
    const response = await this.client.request({
      method: 'GET',
      path: issuePath(key),
      query: [['fields', 'summary,status']],
    })
    if (response.status === 404) return undefined
    return snapshot(expectJson<RawIssue>(response, `Reading ${key}`), key)
  }

  async getTransitions(key: string): Promise<Transition[]> {
    const response = await this.client.request({
      method: 'GET',
      path: `${issuePath(key)}/transitions`,
      query: [['expand', 'transitions.fields']],
    })
    return expectJson<{ transitions?: Transition[] }>(response, `Reading the transitions of ${key}`).transitions ?? []
  }

  /** Returns the raw response: the caller explains a 400 with the transition's field metadata. */
  transition(key: string, transitionId: string, fields: Record<string, unknown> | undefined): Promise<JiraResponse> {
    return this.client.request({
      method: 'POST',
      path: `${issuePath(key)}/transitions`,
      json: { transition: { id: transitionId }, ...(fields ? { fields } : {}) },
    })
  }

  /** Every comment, all pages (Jira DC pages at 50 by default). */
  async listComments(key: string): Promise<Comment[]> {
    const comments: Comment[] = []
    for (let startAt = 0; ;) {
      const response = await this.client.request({
        method: 'GET',
        path: `${issuePath(key)}/comment`,
        query: [
          ['startAt', String(startAt)],
          ['maxResults', '100'],
        ],
      })
      const page = expectJson<{ comments?: Comment[]; total?: number; maxResults?: number }>(
        response,
        `Reading the comments of ${key}`,
      )
      const items = page.comments ?? []
      comments.push(...items)
      startAt += items.length
      if (items.length === 0 || startAt >= (page.total ?? 0)) return comments
    }
  }

  /** POST is not retried where Jira may have acted; the caller re-reads on an ambiguous failure. */
  addComment(key: string, body: string): Promise<JiraResponse> {
    return this.client.request({ method: 'POST', path: `${issuePath(key)}/comment`, json: { body } })
  }

  async updateComment(key: string, id: string, body: string): Promise<void> {
    const response = await this.client.request({
      method: 'PUT',
      path: `${issuePath(key)}/comment/${encodeURIComponent(id)}`,
      json: { body },
    })
    expectJson(response, `Updating comment ${id} on ${key}`)
  }

  async findRemoteLink(key: string, globalId: string): Promise<boolean> {
    const response = await this.client.request({
      method: 'GET',
      path: `${issuePath(key)}/remotelink`,
      query: [['globalId', globalId]],
    })
    if (response.status === 404) return false
    const body = expectJson<unknown>(response, `Reading the remote links of ${key}`)
    return Array.isArray(body)
      ? body.length > 0
      : body !== null && typeof body === 'object' && Object.keys(body).length > 0
  }

  /** Jira upserts by globalId, so repeating this is safe: it may be retried like a read. */
  async upsertRemoteLink(key: string, link: RemoteLinkBody): Promise<void> {
    const response = await this.client.request({
      method: 'POST',
      path: `${issuePath(key)}/remotelink`,
      json: link,
      idempotent: true,
    })
    expectJson(response, `Linking the run on ${key}`)
  }

  /** All issues a JQL query returns; POST keeps the JQL in the (unsigned) JSON body. */
  async search(jql: string): Promise<IssueSnapshot[]> {
    const issues: IssueSnapshot[] = []
    for (let startAt = 0; ;) {
      const response = await this.client.request({
        method: 'POST',
        path: '/rest/api/2/search',
        json: { jql, startAt, maxResults: 100, fields: ['summary', 'status'] },
        idempotent: true,
      })
      if (response.status === 400)
        throw httpFailure(response, `The JQL query in ${this.client.label('jql')} was refused`)
      const page = expectJson<{ issues?: RawIssue[]; total?: number }>(
        response,
        `Searching with ${this.client.label('jql')}`,
      )
      const items = page.issues ?? []
      issues.push(...items.map((raw) => snapshot(raw, raw.key ?? '')))
      startAt += items.length
      if (items.length === 0 || startAt >= (page.total ?? 0)) return issues
    }
  }

  async myself(): Promise<{ name?: string; key?: string; accountId?: string }> {
    return expectJson(
      await this.client.request({ method: 'GET', path: '/rest/api/2/myself' }),
      'Reading the current user',
    )
  }
}
