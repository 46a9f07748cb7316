import type { JiraClient } from '../../jira/client.js'
import { httpFailure, isSuccess } from '../../jira/expect.js'
import { JiraHttpError, jiraFieldErrors } from '../../jira/errors.js'
import type { IssueSnapshot } from './jira-api.js'
import type { StepOutcome } from './outcome.js'

export interface UpdateRequest {
  /** The version's name as Jira has it in the issue's project (found or created before). */
  readonly fixVersion?: string
  readonly labels: readonly string[]
}

export interface UpdateResult {
  readonly fixVersion: StepOutcome
  readonly labels: StepOutcome
}

const FIELD_NAMES: Record<string, string> = { fixVersions: 'Fix Version/s', labels: 'Labels' }

const issuePath = (key: string) => `/rest/api/2/issue/${encodeURIComponent(key)}`

/**
 * Adds the fix version and labels to one issue in a single PUT with `update` "add" operations,
 * so what the issue already has stays. An issue that has them all is left alone (no PUT).
 */
export async function updateStep(
  client: JiraClient,
  issue: IssueSnapshot,
  request: UpdateRequest,
  dryRun: boolean,
): Promise<UpdateResult> {
  const key = issue.key
  // The batched read asked for fixVersions and labels; a field Jira did not return counts as empty.
  const hasVersion = (issue.fixVersions ?? []).some((name) => name === request.fixVersion)
  const missingLabels = request.labels.filter((label) => !(issue.labels ?? []).includes(label))
  const addVersion = request.fixVersion !== undefined && !hasVersion
  const outcome = (requested: boolean, needed: boolean): StepOutcome =>
    !requested ? 'not-requested' : !needed ? 'unchanged' : dryRun ? 'would-create' : 'created'
  const result: UpdateResult = {
    fixVersion: outcome(request.fixVersion !== undefined, addVersion),
    labels: outcome(request.labels.length > 0, missingLabels.length > 0),
  }
  if (dryRun || (!addVersion && missingLabels.length === 0)) return result
  const update: Record<string, unknown[]> = {}
  if (addVersion) update.fixVersions = [{ add: { name: request.fixVersion } }]
  if (missingLabels.length > 0) update.labels = missingLabels.map((label) => ({ add: label }))
  const response = await client.request({ method: 'PUT', path: issuePath(key), json: { update } })
  if (isSuccess(response)) return result
  const failure = httpFailure(response, `Setting the fix version and labels of ${key}`)
  const offScreen = Object.entries(jiraFieldErrors(response.body)).filter(([, message]) =>
    /cannot be set/i.test(message),
  )
  if (offScreen.length > 0)
    throw new JiraHttpError(
      failure.message,
      `Jira cannot set ${offScreen.map(([field]) => FIELD_NAMES[field] ?? field).join(' and ')} on ${key}: the field is not on the issue type's edit screen, or the Jira user lacks Edit Issues (Jira answers the same for both). Add the field to the project's edit screen (Project settings → Screens), or grant Edit Issues.`,
      response.status,
      response.body,
    )
  throw failure
}
