import type { DeploymentFacts, ReleaseFacts, RunFacts, StatusFacts } from './previous-base.js'
import { workflowFileOf } from './previous-base.js'
import type { Since } from './since-input.js'
import { isRecord, stringField } from '../json-fields.js'
import { isCommitSha } from '../commit-sha.js'

/*
 * How a run's commit range is found, decided from the event and `since` alone (no I/O): the
 * command then asks GitHub for the base and reads BASE...HEAD. The payload is untrusted JSON, so
 * every field is checked before use.
 */

export type RangePlan =
  /** push to a branch, pull request, other events: the event's own commits, as before. */
  | { readonly kind: 'event' }
  /** since: none. */
  | { readonly kind: 'none' }
  | { readonly kind: 'ref'; readonly base: string; readonly head: string }
  /** A pushed tag: since the previous tag in version order (or the previous release). */
  | { readonly kind: 'tag'; readonly tag: string; readonly head: string }
  | { readonly kind: 'release'; readonly release: ReleaseFacts; readonly head: string }
  | {
      readonly kind: 'deployment'
      readonly environment: string
      readonly head: string
      readonly currentId?: number
    }
  | {
      readonly kind: 'run'
      readonly workflowFile: string
      readonly branch: string
      readonly head: string
      readonly currentRunId?: number
    }
  /** A deploy event whose base cannot be looked up: why, in words (the event's own commits are searched). */
  | { readonly kind: 'unknown'; readonly reason: string }

export interface PlanInput {
  readonly eventName: string
  readonly payload: unknown
  readonly since: Since
  /** The `environment` input. */
  readonly environment?: string
  /** GITHUB_SHA, GITHUB_REF, GITHUB_WORKFLOW_REF, GITHUB_RUN_ID. */
  readonly sha?: string
  readonly ref?: string
  readonly workflowRef?: string
  readonly runId?: string | number
}

/** Events that deploy without a tag or release of their own: their base is a deployment or a run. */
const DEPLOY_EVENTS: readonly string[] = [
  'deployment',
  'deployment_status',
  'workflow_dispatch',
  'workflow_run',
  'schedule',
  'repository_dispatch',
]

export function planRange(input: PlanInput): RangePlan {
  const { eventName, since } = input
  if (since.kind === 'none') return { kind: 'none' }
  const payload = isRecord(input.payload) ? input.payload : {}
  const head = headOf(eventName, payload, input.sha)
  if (since.kind === 'ref') {
    return head
      ? { kind: 'ref', base: since.ref, head }
      : { kind: 'unknown', reason: `the commit being deployed is not known (GITHUB_SHA is not set)` }
  }
  if (eventName === 'push') {
    const ref = stringField(payload, 'ref') ?? input.ref ?? ''
    if (!ref.startsWith('refs/tags/') || payload.deleted === true) return { kind: 'event' }
    const tag = ref.slice('refs/tags/'.length)
    return { kind: 'tag', tag, head: tag }
  }
  if (eventName === 'release') {
    const release = isRecord(payload.release) ? payload.release : {}
    const tagName = stringField(release, 'tag_name')
    if (!tagName) return { kind: 'unknown', reason: 'the release event has no release.tag_name' }
    return {
      kind: 'release',
      release: {
        tagName,
        draft: release.draft === true,
        prerelease: release.prerelease === true,
        publishedAt: stringField(release, 'published_at') ?? null,
      },
      head: tagName,
    }
  }
  if (!DEPLOY_EVENTS.includes(eventName)) return { kind: 'event' }
  if (!head) return { kind: 'unknown', reason: 'the commit being deployed is not known (GITHUB_SHA is not set)' }
  const deployment = isRecord(payload.deployment) ? payload.deployment : undefined
  const environment = input.environment ?? (deployment && stringField(deployment, 'environment'))
  if (environment) {
    const id = deployment?.id
    return {
      kind: 'deployment',
      environment,
      head,
      ...(typeof id === 'number' && Number.isSafeInteger(id) ? { currentId: id } : {}),
    }
  }
  const workflowFile = input.workflowRef ? workflowFileOf(input.workflowRef) : undefined
  if (!workflowFile)
    return {
      kind: 'unknown',
      reason:
        'the workflow file is not known (GITHUB_WORKFLOW_REF is not set), so its last successful run cannot be found',
    }
  const branch = refName(input.ref)
  if (!branch) return { kind: 'unknown', reason: 'the branch is not known (GITHUB_REF is not set)' }
  const runId = Number(input.runId)
  return {
    kind: 'run',
    workflowFile,
    branch,
    head,
    ...(Number.isSafeInteger(runId) && runId > 0 ? { currentRunId: runId } : {}),
  }
}

/** The commit being deployed: the deployment's or upstream run's commit, else GITHUB_SHA, else the push's. */
function headOf(eventName: string, payload: Record<string, unknown>, sha: string | undefined): string | undefined {
  const fromObject = (name: string, field: string) => {
    const object = payload[name]
    return isRecord(object) ? stringField(object, field) : undefined
  }
  const candidates =
    eventName === 'deployment' || eventName === 'deployment_status'
      ? [fromObject('deployment', 'sha'), sha]
      : eventName === 'workflow_run'
        ? [fromObject('workflow_run', 'head_sha'), sha]
        : eventName === 'pull_request' || eventName === 'pull_request_target'
          ? [isRecord(payload.pull_request) ? headShaOfPull(payload.pull_request) : undefined, sha]
          : [sha, fromObject('head_commit', 'id')]
  return candidates.find((c): c is string => typeof c === 'string' && isCommitSha(c))
}

function headShaOfPull(pull: Record<string, unknown>): string | undefined {
  return isRecord(pull.head) ? stringField(pull.head, 'sha') : undefined
}

/** refs/heads/main -> main, refs/tags/v1 -> v1 (a tag run's head_branch is the tag name). */
function refName(ref: string | undefined): string | undefined {
  const match = /^refs\/(?:heads|tags)\/(.+)$/.exec(ref ?? '')
  return match?.[1]
}

// The I/O the plans need, as ports (implemented in src/github and src/cli).

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
  /** Deployments to `environment`, without their statuses (listDeploymentStatuses reads those). */
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
