import type { GitHubDeployPort, LocalGitPort } from '../range/range-plan.js'
import type { GitHubCommitsPort } from './event-sources.js'
import type { RunContext } from '../run/run-context.js'

/** The event that started the run (GITHUB_EVENT_NAME and the parsed GITHUB_EVENT_PATH). */
export interface TriggeringEvent {
  readonly name: string
  readonly payload: unknown
}

/** What `issues` knows of the run; config/ reads it from the environment, commands/ use it. */
export interface IssuesEnvironment {
  readonly run: RunContext
  /** GITHUB_ACTION: identifies the step across attempts (comment de-duplication). */
  readonly stepId: string
  readonly event?: TriggeringEvent
  /** GitHub API access for commits beyond the event payload and deploy ranges; absent without a token. */
  readonly github?: GitHubPort
  /** GITHUB_WORKFLOW_REF: the workflow file whose last successful run starts a deploy range. */
  readonly workflowRef?: string
  /** The local clone, for `since: REF` outside GitHub Actions (the CLI in GitLab CI, Jenkins). */
  readonly git?: LocalGitPort
}

export type GitHubPort = GitHubCommitsPort & GitHubDeployPort
