import { createHash } from 'node:crypto'
import type { IssuesApi, RemoteLinkBody } from './jira-api.js'
import type { StepOutcome } from './outcome.js'

const GLOBAL_ID_LIMIT = 255

/** A globalId per workflow run: Jira upserts by it, so every attempt of the run updates one link. */
export function runGlobalId(runUrl: string): string {
  const id = `jira-oauth-action:${runUrl}`
  if (id.length <= GLOBAL_ID_LIMIT) return id
  return `jira-oauth-action:sha256:${createHash('sha256').update(runUrl).digest('hex')}`
}

export function runRemoteLink(runUrl: string, title: string): RemoteLinkBody {
  return {
    globalId: runGlobalId(runUrl),
    application: { type: 'com.github.actions', name: 'GitHub Actions' },
    relationship: 'workflow run',
    object: {
      url: runUrl,
      title: title.slice(0, 255),
      icon: { url16x16: 'https://github.githubassets.com/favicons/favicon.png', title: 'GitHub Actions' },
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
