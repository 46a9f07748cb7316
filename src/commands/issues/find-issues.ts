import { discoverIssueKeys, type GitHubCommitsPort } from '../../core/issues/event-sources.js'
import { filterByProjects } from '../../core/issues/issue-keys.js'
import type { TriggeringEvent } from '../../core/issues/issues-environment.js'
import type { IssuesConfig } from './config.js'
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
}

/** `issues`, else `jql`, else the keys in the triggering event; then the `projects` filter. */
export async function findCandidates(
  config: IssuesConfig,
  api: IssuesApi,
  event: TriggeringEvent | undefined,
  repository: string,
  github: GitHubCommitsPort | undefined,
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
    }
  }
  if (config.jql) {
    const found = await api.search(config.jql, want)
    const kept = keep(found.map((i) => i.key))
    return {
      candidates: found.filter((i) => kept.has(i.key)).map((issue) => ({ key: issue.key, origin: 'jql', issue })),
      notices,
      warnings,
    }
  }
  if (!event) {
    notices.push(`No triggering event to search: pass ${config.label('issues')} or ${config.label('jql')}.`)
    return { candidates: [], notices, warnings }
  }
  const discovered = await discoverIssueKeys({
    eventName: event.name,
    payload: event.payload,
    repository,
    from: new Set(config.from),
    github,
    label: config.label,
  })
  notices.push(...discovered.notices)
  warnings.push(...discovered.warnings)
  const keys = discovered.keys.map((k) => k.key)
  const kept = keep(keys)
  const dropped = keys.filter((k) => !kept.has(k))
  if (dropped.length)
    notices.push(`Ignored keys outside projects (${config.projects.join(', ')}): ${dropped.join(', ')}.`)
  return {
    candidates: keys.filter((k) => kept.has(k)).map((key) => ({ key, origin: 'discovered' })),
    notices,
    warnings,
  }
}
