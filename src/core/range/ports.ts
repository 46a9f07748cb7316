import type { DeploymentFacts, ReleaseFacts, RunFacts, StatusFacts } from './previous-base.js'

/** The commits of one range, oldest first. Above the reader's limit only `total` is known. */
export interface CommitRange {
  /** How many commits the range holds. */
  readonly total: number
  /** Every commit message, oldest first; empty when `total` is above the limit (nothing was searched). */
  readonly messages: readonly string[]
}

/**
 * The GitHub API calls that find where a deploy starts, so the rules stay free of I/O.
 * Implementations follow every page and throw on failure (the error's `status` is kept).
 */
export interface GitHubDeployPort {
  listTagNames(owner: string, repo: string): Promise<string[]>
  listReleases(owner: string, repo: string): Promise<ReleaseFacts[]>
  /** Deployments to `environment`, without their statuses (latestState is left undefined). */
  listDeployments(owner: string, repo: string, environment: string): Promise<DeploymentFacts[]>
  listDeploymentStatuses(owner: string, repo: string, deploymentId: number): Promise<StatusFacts[]>
  /** Successful runs of a workflow file on a branch (the API filters; callers still check). */
  listSuccessfulRuns(owner: string, repo: string, workflowFile: string, branch: string): Promise<RunFacts[]>
  /** compare BASE...HEAD, every page; stops after the first page when the range holds more than `limit`. */
  compareRange(owner: string, repo: string, base: string, head: string, limit: number): Promise<CommitRange>
}

/** The local checkout (the CLI outside GitHub): `git log BASE..HEAD`. */
export interface LocalGitPort {
  /** HEAD's commit SHA, and the commits of BASE..HEAD (as CommitRange). Throws a UserFacingError when BASE is missing. */
  range(base: string, limit: number): Promise<CommitRange & { readonly head: string }>
}
