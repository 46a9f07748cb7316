import { compareVersions, parseTagVersion } from './version-order.js'

/*
 * Where a deploy's commit range starts, chosen from lists the GitHub API returned. Pure: the
 * caller fetches, these functions only choose, so every rule is unit-tested without a server.
 */

/** Above this many commits a range is refused: it is almost surely not one deploy. */
export const MAX_RANGE_COMMITS = 1000

export type TagChoice =
  | { readonly kind: 'tag'; readonly tag: string }
  /** The pushed tag is not a version: use the previous release instead. */
  | { readonly kind: 'not-a-version' }
  | { readonly kind: 'first' }

/**
 * The highest version below `current` with the same prefix. Pre-releases are skipped unless the
 * current tag is one, so `v1.3.0` covers everything since `v1.2.4`, not since `v1.3.0-rc.1`.
 */
export function previousTag(current: string, tags: readonly string[]): TagChoice {
  const version = parseTagVersion(current)
  if (!version) return { kind: 'not-a-version' }
  let best: ReturnType<typeof parseTagVersion>
  for (const tag of tags) {
    const candidate = parseTagVersion(tag)
    if (candidate?.prefix !== version.prefix) continue
    if (candidate.prerelease.length > 0 && version.prerelease.length === 0) continue
    if (compareVersions(candidate, version) >= 0) continue
    if (!best || compareVersions(candidate, best) > 0) best = candidate
  }
  return best ? { kind: 'tag', tag: best.tag } : { kind: 'first' }
}

export interface ReleaseFacts {
  readonly tagName: string
  readonly draft: boolean
  readonly prerelease: boolean
  /** null for drafts. */
  readonly publishedAt: string | null
}

/**
 * The newest non-draft release published before `current` (GitHub's list order is undocumented, so
 * we sort by published_at). A pre-release counts only when the current release is one too.
 */
export function previousRelease(current: ReleaseFacts, releases: readonly ReleaseFacts[]): string | undefined {
  const currentTime = timeOf(current.publishedAt) ?? Number.POSITIVE_INFINITY
  let best: { tag: string; time: number } | undefined
  for (const release of releases) {
    if (release.draft || release.tagName === current.tagName) continue
    if (release.prerelease && !current.prerelease) continue
    const time = timeOf(release.publishedAt)
    if (time === undefined || time >= currentTime) continue
    if (!best || time > best.time) best = { tag: release.tagName, time }
  }
  return best?.tag
}

export interface DeploymentFacts {
  readonly id: number
  readonly sha: string
  readonly createdAt: string
}

/** The deployments to check, newest first, the current one left out: their statuses are read in this order until a success. */
export function deploymentsToCheck(deployments: readonly DeploymentFacts[], currentId?: number): DeploymentFacts[] {
  return newestFirst(deployments).filter((d) => d.id !== currentId)
}

export interface StatusFacts {
  readonly id: number
  readonly state: string
  readonly createdAt: string
}

/** GitHub lists statuses newest first, but that order is not documented: sort. */
export function latestStatusState(statuses: readonly StatusFacts[]): string | undefined {
  return newestFirst(statuses)[0]?.state
}

export interface RunFacts {
  readonly id: number
  readonly headSha: string
  readonly headBranch: string | null
  readonly status: string
  readonly conclusion: string | null
  readonly createdAt: string
}

/** The newest completed, successful run on `branch`, never the current run. */
export function lastSuccessfulRun(
  runs: readonly RunFacts[],
  branch: string,
  currentRunId?: number,
): RunFacts | undefined {
  return newestFirst(runs).find(
    (run) =>
      run.id !== currentRunId &&
      run.headBranch === branch &&
      run.status === 'completed' &&
      run.conclusion === 'success',
  )
}

/** `owner/repo/.github/workflows/deploy.yml@refs/heads/main` -> deploy.yml (the Actions API accepts the file name). */
export function workflowFileOf(workflowRef: string): string | undefined {
  const path = workflowRef.split('@')[0] ?? ''
  const match = /\/\.github\/workflows\/([^/]+\.ya?ml)$/.exec(path)
  return match?.[1]
}

/** One log line saying what was searched: `v1.2.4...v1.3.0, 37 commits`. */
export function describeRange(base: string, head: string, commits: number): string {
  return `${base}...${head}, ${commits} commit${commits === 1 ? '' : 's'}`
}

function newestFirst<T extends { readonly id: number; readonly createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (timeOf(b.createdAt) ?? 0) - (timeOf(a.createdAt) ?? 0) || b.id - a.id)
}

function timeOf(date: string | null): number | undefined {
  if (date === null) return undefined
  const time = Date.parse(date)
  return Number.isFinite(time) ? time : undefined
}
