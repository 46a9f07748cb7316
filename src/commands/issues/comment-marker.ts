import { createHash } from 'node:crypto'

/** Identity of "this step's comment": the run, job and step, plus the template itself. */
export interface CommentIdentity {
  readonly repository: string
  readonly runId: string
  readonly job: string
  /** GITHUB_ACTION: the step's id, the same on every attempt of a run. */
  readonly step: string
  readonly template: string
}

/**
 * The marker that finds this step's comment again on a re-run. The run attempt is left out, so a
 * re-run updates; the template is in, so two steps or matrix legs with different text keep
 * their own comments. `{anchor:…}` is Jira wiki markup for an invisible HTML anchor.
 */
export function commentMarker(identity: CommentIdentity): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([identity.repository, identity.runId, identity.job, identity.step, identity.template]))
    .digest('hex')
    .slice(0, 20)
  return `{anchor:jira-oauth-action-${digest}}`
}

export function withMarker(body: string, marker: string): string {
  return `${body.trimEnd()}\n${marker}`
}
