import { readFileSync } from 'node:fs'
import type { IssuesEnvironment, TriggeringEvent } from '../core/issues/issues-environment.js'
import { lazyOctokitCommitsPort } from '../github/lazy-commits-port.js'
import { runContextFromEnv } from './run-context.js'

/** The triggering event from GITHUB_EVENT_NAME / GITHUB_EVENT_PATH; an unreadable file counts as an empty payload. */
export function readEvent(env: NodeJS.ProcessEnv): TriggeringEvent | undefined {
  if (!env.GITHUB_EVENT_NAME || !env.GITHUB_EVENT_PATH) return undefined
  try {
    return { name: env.GITHUB_EVENT_NAME, payload: JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown }
  } catch {
    return { name: env.GITHUB_EVENT_NAME, payload: {} }
  }
}

/**
 * What `issues` knows of the run, from the CI variables (the CLI reads them too); a GitHub token
 * enables the API (octokit, loaded on first use) for commits beyond the event payload.
 */
export function issuesEnvironmentFromEnv(env: NodeJS.ProcessEnv, githubToken: string | undefined): IssuesEnvironment {
  const event = readEvent(env)
  return {
    run: runContextFromEnv(env, event?.payload),
    stepId: env.GITHUB_ACTION ?? '',
    event,
    github: githubToken ? lazyOctokitCommitsPort(githubToken) : undefined,
    workflowRef: env.GITHUB_WORKFLOW_REF || undefined,
  }
}
