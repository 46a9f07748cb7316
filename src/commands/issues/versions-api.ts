import { matchVersion, releaseDateOf, type JiraVersion } from '../../core/issues/fix-version.js'
import type { JiraClient } from '../../jira/client.js'
import { expectJson, httpFailure, isSuccess } from '../../jira/expect.js'
import { JiraHttpError, jiraFieldErrors } from '../../jira/errors.js'
import { UserFacingError } from '../../core/errors.js'

const PERMISSION_HINT = (project: string) =>
  `The Jira user this step acts as needs the Administer Projects permission in ${project} (or Jira Administrators); core Jira Data Center has no narrower one ("Manage Versions" exists only on Cloud or with the Version Manager app).`

export interface VersionFound {
  readonly version: JiraVersion
  readonly created: boolean
}

/** The project's version of this name, if it has one (a read only: dry runs use this). */
export async function findVersion(client: JiraClient, project: string, name: string): Promise<JiraVersion | undefined> {
  return matchVersion(await listVersions(client, project), name)
}

async function listVersions(client: JiraClient, project: string): Promise<JiraVersion[]> {
  const response = await client.request({
    method: 'GET',
    path: `/rest/api/2/project/${encodeURIComponent(project)}/versions`,
  })
  return expectJson<JiraVersion[]>(response, `Reading the versions of ${project}`)
}

/**
 * The project's version of this name, created when missing. A create refused as a duplicate
 * (another step or matrix leg won the race) is read again, so the version is never made twice.
 */
export async function findOrCreateVersion(
  client: JiraClient,
  project: string,
  name: string,
  description: string | undefined,
): Promise<VersionFound> {
  const existing = await findVersion(client, project, name)
  if (existing) return { version: existing, created: false }
  const response = await client.request({
    method: 'POST',
    path: '/rest/api/2/version',
    json: { name, project, ...(description ? { description } : {}) },
  })
  if (isSuccess(response)) return { version: expectJson<JiraVersion>(response), created: true }
  const nameError = response.status === 400 ? jiraFieldErrors(response.body).name : undefined
  if (nameError && /already exists/i.test(nameError)) {
    const raced = await findVersion(client, project, name)
    if (raced) return { version: raced, created: false }
  }
  if (response.status === 404)
    throw new UserFacingError(
      `Jira refused to create version "${name}" in ${project}: the project does not exist or the user may not create versions in it.`,
      PERMISSION_HINT(project),
    )
  if (nameError)
    throw new UserFacingError(
      `Jira refused the version name "${name}" in ${project}: ${nameError}`,
      `Choose another ${client.label('fix-version')}.`,
    )
  throw httpFailure(response, `Creating version "${name}" in ${project}`)
}

/** Marks the version released today; one already released is left as it is. */
export async function releaseVersion(
  client: JiraClient,
  project: string,
  version: JiraVersion,
  nowMs: number,
): Promise<'released' | 'already-released'> {
  if (version.released) return 'already-released'
  const response = await client.request({
    method: 'PUT',
    path: `/rest/api/2/version/${encodeURIComponent(version.id)}`,
    json: { released: true, releaseDate: releaseDateOf(nowMs) },
  })
  if (isSuccess(response)) return 'released'
  const failure = httpFailure(response, `Releasing version "${version.name}" in ${project}`)
  if (response.status === 400 && /administrator rights/i.test(response.body))
    throw new JiraHttpError(failure.message, PERMISSION_HINT(project), response.status, response.body)
  throw failure
}
