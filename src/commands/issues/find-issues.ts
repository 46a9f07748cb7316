import { discoverIssueKeys } from '../../core/issues/event-sources.js'
import { filterByProjects } from '../../core/issues/issue-keys.js'
import type { IssuesEnvironment } from '../../core/issues/issues-environment.js'
import { planRange } from '../../core/range/range-plan.js'
import type { IssuesConfig } from './config.js'
import { eventOwnMessages, readDeployRange, readLocalRange, type DeployRange } from './deploy-range.js'
import type { IssueFields, IssuesApi, IssueSnapshot } from './jira-api.js'

/** Where a candidate came from decides what a 404 means for it. */
export interface Candidate {
  readonly key: string
  /** explicit: named by the user (missing = failure); discovered: found in text (missing = skipped). */
  readonly origin: 'explicit' | 'jql' | 'discovered'
  /** Already read (JQL search results), so no GET is needed. */
  readonly issue?: IssueSnapshot
}

export interface FoundCandidates {
  readonly candidates: Candidate[]
  readonly notices: string[]
  readonly warnings: string[]
  readonly searched: SearchedCommits
}

/** The commits searched for keys: outputs `range` and `commits`, and the run's one log line. */
export interface SearchedCommits {
  /** BASE...HEAD, or '' when no range was read. */
  readonly range: string
  readonly commits: number
  /** "Commits searched: v1.2.4...v1.3.0, 37 commits (since the previous tag)", or why none were. */
  readonly line: string
}

const searchedNone = (why: string): SearchedCommits => ({
  range: '',
  commits: 0,
  line: `Commits searched: none (${why}).`,
})

/** `issues`, else `jql`, else the keys in the triggering event; then the `projects` filter. */
export async function findCandidates(
  config: IssuesConfig,
  api: IssuesApi,
  env: IssuesEnvironment,
  /** What the later steps read of each issue: a JQL search asks for it at once. */
  want?: IssueFields,
): Promise<FoundCandidates> {
  const notices: string[] = []
  const warnings: string[] = []
  const keep = (keys: readonly string[]) => new Set(filterByProjects(keys, config.projects))
  if (config.explicitKeys) {
    if (config.jql) {
      const [issues, jql] = [config.label('issues'), config.label('jql')]
      warnings.push(`Both ${issues} and ${jql} are set; ${issues} takes precedence and ${jql} is ignored.`)
    }
    const kept = keep(config.explicitKeys)
    return {
      candidates: config.explicitKeys.filter((k) => kept.has(k)).map((key) => ({ key, origin: 'explicit' })),
      notices,
      warnings,
      searched: searchedNone(`${config.label('issues')} names the issues`),
    }
  }
  if (config.jql) {
    const found = await api.search(config.jql, want)
    const kept = keep(found.map((i) => i.key))
    return {
      candidates: found.filter((i) => kept.has(i.key)).map((issue) => ({ key: issue.key, origin: 'jql', issue })),
      notices,
      warnings,
      searched: searchedNone(`${config.label('jql')} finds the issues`),
    }
  }
  const { event } = env
  const repository = env.run.repository ?? ''
  let deploy: DeployRange
  const since = config.since ?? { kind: 'auto' }
  if (since.kind === 'ref' && env.git) {
    deploy = await readLocalRange(since.ref, env.git, config.label)
  } else if (!event) {
    notices.push(`No triggering event to search: pass ${config.label('issues')} or ${config.label('jql')}.`)
    return { candidates: [], notices, warnings, searched: searchedNone('no triggering event') }
  } else {
    const plan = planRange({
      eventName: event.name,
      payload: event.payload,
      since,
      environment: config.environment,
      sha: env.run.sha,
      ref: env.run.ref,
      workflowRef: env.workflowRef,
      runId: env.run.runId,
    })
    deploy = await readDeployRange(
      plan,
      repository,
      env.github,
      eventOwnMessages(event.name, event.payload),
      config.label,
    )
  }
  notices.push(...deploy.notices)
  warnings.push(...deploy.warnings)
  const discovered = await discoverIssueKeys({
    eventName: event?.name ?? '',
    payload: event?.payload,
    repository,
    from: new Set(config.from),
    label: config.label,
    github: env.github,
    ...(deploy.messages ? { rangeMessages: deploy.messages } : {}),
    ...(deploy.noCommits ? { noCommits: true } : {}),
  })
  notices.push(...discovered.notices)
  warnings.push(...discovered.warnings)
  const range = deploy.range ?? discovered.range ?? ''
  const what =
    deploy.line ??
    describeEventCommits(range, discovered.commits, deploy.why ?? `the ${event?.name ?? ''} event's own commits`)
  const searched: SearchedCommits = { range, commits: discovered.commits, line: `Commits searched: ${what}.` }
  const keys = discovered.keys.map((k) => k.key)
  if (keys.length === 0) notices.push(`No issue keys found; commits searched: ${what}.`)
  const kept = keep(keys)
  const dropped = keys.filter((k) => !kept.has(k))
  if (dropped.length)
    notices.push(`Ignored keys outside projects (${config.projects.join(', ')}): ${dropped.join(', ')}.`)
  return {
    candidates: keys.filter((k) => kept.has(k)).map((key) => ({ key, origin: 'discovered' })),
    notices,
    warnings,
    searched,
  }
}

function describeEventCommits(range: string, commits: number, why: string): string {
  if (range) return `${range}, ${commits} commit${commits === 1 ? '' : 's'} (${why})`
  return `${commits === 0 ? 'none' : `${commits} commit${commits === 1 ? '' : 's'}`} (${why})`
}
