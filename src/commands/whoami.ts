import type { JiraClient } from '../jira/client.js'
import { expectJson } from '../jira/expect.js'

/** The Jira user behind the access token (GET /rest/api/2/myself; DC has name/key, Cloud accountId). */
export interface JiraUser {
  readonly name?: string
  readonly key?: string
  readonly accountId?: string
  readonly displayName?: string
  readonly emailAddress?: string
  readonly [field: string]: unknown
}

export interface WhoamiResult {
  readonly status: number
  readonly body: string
  readonly user: JiraUser
  /** The login name (DC), or the accountId (Cloud). */
  readonly name: string
}

/** The credential probe: proves key, consumer and token work together. */
export async function runWhoami(client: JiraClient): Promise<WhoamiResult> {
  const response = await client.request({ method: 'GET', path: '/rest/api/2/myself' })
  const user = expectJson<JiraUser>(response, 'Reading the current user')
  return { status: response.status, body: response.body, user, name: user.name ?? user.accountId ?? user.key ?? '' }
}
