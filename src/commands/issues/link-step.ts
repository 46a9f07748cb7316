import { createHash } from 'node:crypto'
import { ciApplication } from '../../core/run/ci-application.js'
import type { CiSystem } from '../../core/run/run-context.js'
import type { IssuesApi, RemoteLinkBody } from './jira-api.js'
import type { StepOutcome } from './outcome.js'

const GLOBAL_ID_LIMIT = 255

/** A globalId per workflow run: Jira upserts by it, so every attempt of the run updates one link. */
export function runGlobalId(runUrl: string): string {
  const id = `jira-oauth-action:${runUrl}`
  if (id.length <= GLOBAL_ID_LIMIT) return id
  return `jira-oauth-action:sha256:${createHash('sha256').update(runUrl).digest('hex')}`
}

export function runRemoteLink(runUrl: string, title: string, ci?: CiSystem): RemoteLinkBody {
  const app = ciApplication(ci)
  return {
    globalId: runGlobalId(runUrl),
    application: { type: app.type, name: app.name },
    relationship: app.relationship,
    object: {
      url: runUrl,
      title: title.slice(0, 255),
      ...(app.iconUrl ? { icon: { url16x16: app.iconUrl, title: app.name } } : {}),
    },
  }
}

/**
 * Adds (or refreshes) the remote link to the workflow run on one issue. No read first: a POST
 * with the same globalId is an upsert in Jira, and Jira answers alike for a new and a renewed link.
 */
export async function linkStep(
  api: IssuesApi,
  key: string,
  link: RemoteLinkBody,
  dryRun: boolean,
): Promise<StepOutcome> {
  if (dryRun) return 'would-link'
  await api.upsertRemoteLink(key, link)
  return 'linked'
}
