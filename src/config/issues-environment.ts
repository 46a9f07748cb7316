import { readFileSync } from 'node:fs'
import { ConfigError } from '../core/errors.js'
import type { IssuesEnvironment, TriggeringEvent } from '../core/issues/issues-environment.js'
import { lazyOctokitCommitsPort } from '../github/lazy-commits-port.js'
import { runContextFromEnv } from './run-context.js'
import { plainLabel, type InputLabel } from '../core/input-label.js'

/** Where the event comes from: the runner's GITHUB_EVENT_PATH / GITHUB_EVENT_NAME, or the CLI's --event / --event-name. */
export interface EventSource {
  readonly path?: string
  readonly pathLabel: string
  readonly name?: string
  readonly nameLabel: string
}

function eventSourceFromEnv(env: NodeJS.ProcessEnv): EventSource {
  return {
    path: env.GITHUB_EVENT_PATH || undefined,
    pathLabel: 'GITHUB_EVENT_PATH',
    name: env.GITHUB_EVENT_NAME || undefined,
    nameLabel: 'GITHUB_EVENT_NAME',
  }
}

/**
 * The triggering event. A named event file that cannot be read or is not JSON, or one without its
 * event name, is an error in words before any request: taken as an empty event, a run would find no
 * issues and end green having done nothing.
 */
function readEvent(source: EventSource, label: InputLabel = plainLabel): TriggeringEvent | undefined {
  const { path, name } = source
  if (!path) return undefined
  if (!name)
    throw new ConfigError(
      `${source.pathLabel} names an event file but ${source.nameLabel} is not set.`,
      `Set ${source.nameLabel} to the name of the event in that file (push, pull_request, release, ...).`,
    )
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw eventFileError(source, name, `cannot be read (${describeFsError(error)})`, label)
  }
  try {
    return { name, payload: JSON.parse(text) as unknown }
  } catch (error) {
    throw eventFileError(source, name, `is not JSON (${(error as Error).message})`, label)
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder'
  return code ?? String(error)
}

function eventFileError(
  source: EventSource,
  name: string,
  problem: string,
  label: (name: string) => string,
): ConfigError {
  return new ConfigError(
    `The event file ${source.path ?? ''}, from ${source.pathLabel}, for the ${name} event, ${problem}.`,
    `Point ${source.pathLabel} at the JSON payload of the event, or leave it unset and name the issues with ${label('issues')} or ${label('jql')}.`,
  )
}

/**
 * What `issues` knows of the run, from the CI variables (the CLI reads them too); a GitHub token
 * enables the API (octokit, loaded on first use) for commits beyond the event payload.
 */
export function issuesEnvironmentFromEnv(
  env: NodeJS.ProcessEnv,
  githubToken: string | undefined,
  label?: (name: string) => string,
  source: EventSource = eventSourceFromEnv(env),
): IssuesEnvironment {
  const event = readEvent(source, label)
  return {
    run: runContextFromEnv(env, event?.payload),
    stepId: env.GITHUB_ACTION ?? '',
    event,
    github: githubToken ? lazyOctokitCommitsPort(githubToken) : undefined,
    workflowRef: env.GITHUB_WORKFLOW_REF || undefined,
  }
}
