import type { JiraClient, JiraResponse } from '../../jira/client.js'
import { expectJson, httpFailure } from '../../jira/expect.js'

/** The REST v2 shapes this command reads; everything else in Jira's answers is ignored. */
export interface IssueSnapshot {
  readonly key: string
  readonly summary: string
  readonly status: string
  /** The project key (from the `project` field, else the key's prefix). */
  readonly project: string
  /** The `comment` field when it was asked for; `complete` is false when Jira left some out. */
  readonly comments?: { readonly items: readonly Comment[]; readonly complete: boolean }
  /** Transitions from `expand=transitions.fields`, only when Jira returned them with their fields. */
  readonly transitions?: readonly Transition[]
  /** Names of the fix versions, and the labels, when those fields were asked for. */
  readonly fixVersions?: readonly string[]
  readonly labels?: readonly string[]
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
  readonly created?: string
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
  fields?: {
    summary?: string
    status?: { name?: string }
    project?: { key?: string }
    comment?: { comments?: Comment[]; total?: number }
    fixVersions?: { name?: string }[]
    labels?: string[]
  }
  transitions?: Transition[]
}

/** Which fields and expansions a read asks Jira for; search and GET take the same. */
export interface IssueFields {
  readonly fields: readonly string[]
  readonly expand: readonly string[]
}

export const BASIC_FIELDS: IssueFields = { fields: ['summary', 'status', 'project'], expand: [] }

const issuePath = (key: string) => `/rest/api/2/issue/${encodeURIComponent(key)}`

/** What Jira answered, and nothing it did not: an absent field stays undefined, never "empty". */
function snapshotOf(raw: RawIssue, fallbackKey: string): IssueSnapshot {
  const key = raw.key ?? fallbackKey
  const f = raw.fields ?? {}
  const comment = f.comment
  const items = comment?.comments
  // Transitions without `fields` cannot show a required field or the screen: read them again.
  const transitions = raw.transitions?.every((t) => t.fields !== undefined) ? raw.transitions : undefined
  return {
    key,
    summary: f.summary ?? '',
    status: f.status?.name ?? '',
    project: f.project?.key ?? key.replace(/-\d+$/, ''),
    ...(items ? { comments: { items, complete: (comment.total ?? items.length) <= items.length } } : {}),
    ...(transitions ? { transitions } : {}),
    ...(f.fixVersions ? { fixVersions: f.fixVersions.flatMap((v) => (v.name === undefined ? [] : [v.name])) } : {}),
    ...(f.labels ? { labels: f.labels } : {}),
  }
}

/** Thin typed calls over the client: one function per REST endpoint the command uses. */
export class IssuesApi {
  constructor(readonly client: JiraClient) {}

  /** The issue, or undefined when Jira answers 404 (missing, or not visible to the user). */
  async getIssue(key: string, want: IssueFields = BASIC_FIELDS): Promise<IssueSnapshot | undefined> {
    const response = await this.client.request({
      method: 'GET',
      path: issuePath(key),
      query: [
        ['fields', want.fields.join(',')],
        ...(want.expand.length ? [['expand', want.expand.join(',')] as [string, string]] : []),
      ],
    })
    if (response.status === 404) return undefined
    return snapshotOf(expectJson<RawIssue>(response, `Reading ${key}`), key)
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

  /** Jira answers 404 for a comment already gone (another run removed it): that is done too. */
  async deleteComment(key: string, id: string): Promise<void> {
    const response = await this.client.request({
      method: 'DELETE',
      path: `${issuePath(key)}/comment/${encodeURIComponent(id)}`,
      idempotent: true,
    })
    if (response.status !== 404) expectJson(response, `Removing duplicate comment ${id} on ${key}`)
  }

  async updateComment(key: string, id: string, body: string): Promise<void> {
    const response = await this.client.request({
      method: 'PUT',
      path: `${issuePath(key)}/comment/${encodeURIComponent(id)}`,
      json: { body },
    })
    expectJson(response, `Updating comment ${id} on ${key}`)
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

  /**
   * Every issue a JQL query returns, all pages. POST keeps the JQL in the (unsigned) JSON body.
   * `validateQuery: false` makes Jira drop values that name nothing (an unknown key) instead of
   * failing the whole search; a 400 is then a syntax error, or a Jira that does not know the option.
   */
  async search(
    jql: string,
    want: IssueFields = BASIC_FIELDS,
    options: { validateQuery?: boolean; what?: string } = {},
  ): Promise<IssueSnapshot[]> {
    const what = options.what ?? `Searching with ${this.client.label('jql')}`
    const issues: IssueSnapshot[] = []
    for (let startAt = 0; ;) {
      const response = await this.client.request({
        method: 'POST',
        path: '/rest/api/2/search',
        json: {
          jql,
          startAt,
          maxResults: 100,
          fields: want.fields,
          ...(want.expand.length ? { expand: want.expand } : {}),
          ...(options.validateQuery === false ? { validateQuery: false } : {}),
        },
        idempotent: true,
      })
      if (response.status === 400) throw httpFailure(response, `${what}: Jira refused the query`)
      const page = expectJson<{ issues?: RawIssue[]; total?: number }>(response, what)
      const items = page.issues ?? []
      issues.push(...items.map((raw) => snapshotOf(raw, raw.key ?? '')))
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
