import { UserFacingError } from '../../core/errors.js'
import { errorMessage, splitRepository } from '../../core/issues/event-sources.js'
import { plainLabel, type InputLabel } from '../../core/input-label.js'
import { isRecord, stringField } from '../../core/json-fields.js'
import {
  deploymentsToCheck,
  describeRange,
  lastSuccessfulRun,
  latestStatusState,
  MAX_RANGE_COMMITS,
  previousRelease,
  previousTag,
} from '../../core/range/previous-base.js'
import type { CommitRange, GitHubDeployPort, LocalGitPort, RangePlan } from '../../core/range/range-plan.js'

/** What the range step found: the messages to search, and what to say about it. */
export interface DeployRange {
  /** Commit messages to search instead of the event's own; undefined: the event's own commits. */
  readonly messages?: readonly string[]
  /** `since: none`: no commits at all. */
  readonly noCommits?: boolean
  /** BASE...HEAD when a range was read (or refused for its size). */
  readonly range?: string
  /** The log line's words when no range was read for a deploy (first deploy, no API, ...). */
  readonly why?: string
  /** The one log line when a range was read or refused. */
  readonly line?: string
  readonly notices: readonly string[]
  readonly warnings: readonly string[]
}

/** How many deployments' statuses are read (one request each) before giving up. */
const MAX_DEPLOYMENTS_CHECKED = 50

type Base = { readonly base: string; readonly why: string } | { readonly first: string }

interface RangeContext {
  readonly owner: string
  readonly repo: string
  readonly github: GitHubDeployPort
}

/** The token permission each lookup needs, for the 403 GitHub answers without it. */
const PERMISSION: Record<string, string> = {
  deployment: 'deployments: read',
  run: 'actions: read',
}

/** Finds the base of a deploy plan through the GitHub API and reads BASE...HEAD (every page). */
export async function readDeployRange(
  plan: RangePlan,
  repository: string,
  github: GitHubDeployPort | undefined,
  eventMessages: readonly string[] | undefined,
  label: InputLabel = plainLabel,
): Promise<DeployRange> {
  if (plan.kind === 'event') return { notices: [], warnings: [] }
  if (plan.kind === 'none') return { noCommits: true, why: 'since: none', notices: [], warnings: [] }
  const fallback = (why: string, say: { notice?: string; warning?: string }): DeployRange => ({
    messages: eventMessages,
    why: `the event's own commits: ${why}`,
    notices: say.notice ? [say.notice] : [],
    warnings: say.warning ? [say.warning] : [],
  })
  const own = "searched only the event's own commits"
  if (plan.kind === 'unknown')
    return fallback(plan.reason, {
      notice: `Where this deploy starts cannot be found: ${plan.reason}; ${own}. Set ${label('since')} to a tag, branch or commit SHA.`,
    })
  const repo = splitRepository(repository)
  if (!repo)
    return fallback('no repository', {
      warning: `The repository ${JSON.stringify(repository)} is not "owner/repo"; ${own}. GitHub Actions sets GITHUB_REPOSITORY; elsewhere, set it to owner/repo.`,
    })
  if (!github)
    return fallback('no GitHub token', {
      warning: `No GitHub API access (github-token) to read the deploy's commits; ${own}.`,
    })
  const ctx: RangeContext = { ...repo, github }
  let base: Base
  try {
    base = await findBase(plan, ctx)
  } catch (error) {
    const permission = PERMISSION[plan.kind] ?? 'contents: read'
    const hint = statusOf(error) === 403 ? ` (the token needs \`permissions: ${permission}\`)` : ''
    return fallback('the lookup failed', {
      warning: `Looking up where this deploy starts through the GitHub API failed: ${errorMessage(error)}${hint}; ${own}.`,
    })
  }
  if ('first' in base)
    return fallback(base.first, { notice: `First deploy: ${base.first}; ${own} (never the whole history).` })
  let read: CommitRange
  try {
    read = await github.compareRange(ctx.owner, ctx.repo, base.base, plan.head, MAX_RANGE_COMMITS)
  } catch (error) {
    if (plan.kind === 'ref' && statusOf(error) === 404)
      throw new UserFacingError(
        `${label('since')} is ${JSON.stringify(plan.base)}, and GitHub cannot compare it with ${plan.head} in ${repository} (404: no such ref, or no common history).`,
        'Give a tag, branch or commit SHA of this repository, or `auto`.',
      )
    return fallback('the compare failed', {
      warning: `Reading the commits of ${base.base}...${plan.head} through the GitHub API failed: ${errorMessage(error)}; ${own}.`,
    })
  }
  return rangeRead(base.base, plan.head, read, base.why, label)
}

/** `since: REF` outside GitHub: REF..HEAD from the local clone. */
export async function readLocalRange(
  base: string,
  git: LocalGitPort,
  label: InputLabel = plainLabel,
): Promise<DeployRange> {
  const read = await git.range(base, MAX_RANGE_COMMITS)
  return rangeRead(base, read.head, read, `since: ${base}, from the local git checkout`, label)
}

/** A range read (or refused above the limit), with its log line. */
function rangeRead(base: string, head: string, read: CommitRange, why: string, label: InputLabel): DeployRange {
  const range = `${base}...${head}`
  if (read.total > MAX_RANGE_COMMITS) {
    return {
      messages: [],
      range,
      line: `none: ${range} holds ${read.total} commits, more than ${MAX_RANGE_COMMITS} (${why})`,
      notices: [],
      warnings: [
        `The range ${range} holds ${read.total} commits, more than ${MAX_RANGE_COMMITS}: that is not one deploy, so no commit was searched. Set ${label('since')} to a nearer tag or commit SHA, or pass ${label('issues')} or ${label('jql')}.`,
      ],
    }
  }
  return {
    messages: read.messages,
    range,
    line: `${describeRange(base, head, read.messages.length)} (${why})`,
    notices: [],
    warnings: [],
  }
}

async function findBase(plan: Exclude<RangePlan, { kind: 'event' | 'none' | 'unknown' }>, ctx: RangeContext) {
  const { github, owner, repo } = ctx
  switch (plan.kind) {
    case 'ref':
      return { base: plan.base, why: `since: ${plan.base}` }
    case 'tag': {
      const choice = previousTag(plan.tag, await github.listTagNames(owner, repo))
      if (choice.kind === 'tag') return { base: choice.tag, why: 'since the previous tag' }
      if (choice.kind === 'first') return { first: `no tag with the same prefix is older than ${plan.tag}` }
      return releaseBase({ tagName: plan.tag, draft: false, prerelease: false, publishedAt: null }, ctx)
    }
    case 'release':
      return releaseBase(plan.release, ctx)
    case 'deployment':
      return deploymentBase(plan.environment, plan.currentId, ctx)
    case 'run': {
      const runs = await github.listSuccessfulRuns(owner, repo, plan.workflowFile, plan.branch)
      const run = lastSuccessfulRun(runs, plan.branch, plan.currentRunId)
      return run
        ? { base: run.headSha, why: `since the last successful run of ${plan.workflowFile} on ${plan.branch}` }
        : { first: `no earlier successful run of ${plan.workflowFile} on ${plan.branch}` }
    }
  }
}

async function releaseBase(
  current: Parameters<typeof previousRelease>[0],
  { github, owner, repo }: RangeContext,
): Promise<Base> {
  const previous = previousRelease(current, await github.listReleases(owner, repo))
  if (previous) return { base: previous, why: 'since the previous release' }
  const kind = current.prerelease ? 'release or pre-release' : 'release (pre-releases and drafts do not count)'
  return { first: `no earlier ${kind} than ${current.tagName}` }
}

async function deploymentBase(
  environment: string,
  currentId: number | undefined,
  { github, owner, repo }: RangeContext,
): Promise<Base> {
  const candidates = deploymentsToCheck(await github.listDeployments(owner, repo, environment), currentId)
  for (const deployment of candidates.slice(0, MAX_DEPLOYMENTS_CHECKED)) {
    const statuses = await github.listDeploymentStatuses(owner, repo, deployment.id)
    if (latestStatusState(statuses) === 'success')
      return { base: deployment.sha, why: `since the last successful deployment to ${environment}` }
  }
  const checked = candidates.length > MAX_DEPLOYMENTS_CHECKED ? ` (of the latest ${MAX_DEPLOYMENTS_CHECKED})` : ''
  return { first: `no earlier deployment to ${environment} has a successful status${checked}` }
}

/** The event's own commit messages where the payload has them outside a push (discoverIssueKeys reads a push's). */
export function eventOwnMessages(eventName: string, payload: unknown): string[] | undefined {
  if (eventName === 'push') return undefined
  const record = isRecord(payload) ? payload : {}
  const run = isRecord(record.workflow_run) ? record.workflow_run : {}
  const commit = [record.head_commit, run.head_commit].find(isRecord)
  const message = commit ? stringField(commit, 'message') : undefined
  return message === undefined ? [] : [message]
}

function statusOf(error: unknown): number | undefined {
  const status = isRecord(error) ? error.status : undefined
  return typeof status === 'number' ? status : undefined
}
