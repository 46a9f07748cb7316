import { parseFormEncoded } from '../core/oauth/parameters.js'
import type { InputLabel } from '../core/input-label.js'
import type { JiraResponse } from '../jira/client.js'
import { JiraHttpError } from '../jira/errors.js'
import { httpFailure, isSuccess } from '../jira/expect.js'

/** The form-encoded answer of Jira's token servlets (RFC 5849 sections 2.1 and 2.3). */
export function parseTokenResponse(
  response: JiraResponse,
  step: string,
  label: InputLabel,
): Partial<Record<string, string>> & { readonly oauth_token: string } {
  if (!isSuccess(response)) throw httpFailure(response, step)
  const params = Object.fromEntries(parseFormEncoded(response.body.trim()))
  const token = params.oauth_token
  if (!token) {
    // Jira's token servlets answer a GET (or a path they do not own) with an empty 200.
    throw new JiraHttpError(
      `${step}: Jira answered ${response.status} without an oauth_token${response.body.trim() === '' ? ' (empty body)' : ''}.`,
      `${label('base-url')} must be the Jira base URL (context path included) and reach Jira directly; a proxy that turns POST into GET, or a login page in front of Jira, causes this.`,
      response.status,
      response.body,
    )
  }
  return { ...params, oauth_token: token }
}
