import { JiraHttpError, jiraErrorText } from './errors.js'
import type { JiraResponse } from './client.js'

function hintForStatus(status: number): string | undefined {
  if (status === 401)
    return "Jira did not accept the request as authenticated and reported no OAuth problem: a proxy may strip the Authorization header, or the Application Link's incoming OAuth is disabled."
  if (status === 403)
    return 'The Jira user who authorized the access token lacks the permission for this (project permissions, or the feature is disabled).'
  if (status === 404)
    return 'It does not exist, or the Jira user who authorized the access token cannot see it (Jira answers 404 for both). Check the path and the base URL (its context path).'
  if (status === 405)
    return 'This endpoint does not take this method; check the method and the Jira REST documentation.'
  if (status === 429)
    return 'Jira is rate-limiting this client; retries were used up. Send fewer requests at once, or allow more retries.'
  if (status >= 500)
    return 'Jira failed on its side; retries were used up (for requests safe to retry). See atlassian-jira.log, or try again later.'
  return undefined
}

/** "GET …/issue/X-1 answered 404: Issue Does Not Exist" plus what that status usually means. */
export function httpFailure(response: JiraResponse, what?: string): JiraHttpError {
  const detail = jiraErrorText(response.body)
  const path = new URL(response.url).pathname
  return new JiraHttpError(
    `${what ? `${what}: ` : ''}${response.method} ${path} answered ${response.status}${detail ? `: ${detail}` : ''}.`,
    hintForStatus(response.status),
    response.status,
    response.body,
  )
}

export function isSuccess(response: { status: number }): boolean {
  return response.status >= 200 && response.status < 300
}

/** The parsed JSON of a 2xx response, or a JiraHttpError that explains the failure. */
export function expectJson<T>(response: JiraResponse, what?: string): T {
  if (!isSuccess(response)) throw httpFailure(response, what)
  try {
    return (response.body === '' ? {} : JSON.parse(response.body)) as T
  } catch {
    throw new JiraHttpError(
      `${what ? `${what}: ` : ''}${response.method} ${new URL(response.url).pathname} answered ${response.status} with a body that is not JSON.`,
      'The base URL may point at a web page or a proxy instead of Jira.',
      response.status,
      response.body,
    )
  }
}
