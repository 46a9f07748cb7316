import { readFileSync } from 'node:fs'
import { ConfigError } from '../core/errors.js'
import type { GitHubCommitsPort } from '../core/issues/event-sources.js'
import type { IssuesEnvironment, TriggeringEvent } from '../core/issues/issues-environment.js'
import { runContextFromEnv } from './run-context.js'

/**
 * The triggering event from GITHUB_EVENT_NAME / GITHUB_EVENT_PATH. A named event file that cannot be
 * read or is not JSON is an error in words, before any request: taken as an empty event, a run would
 * find no issues and end green having done nothing.
 */
export function readEvent(
  env: NodeJS.ProcessEnv,
  label: (name: string) => string = (name) => `\`${name}\``,
): TriggeringEvent | undefined {
  const path = env.GITHUB_EVENT_PATH
  if (!env.GITHUB_EVENT_NAME || !path) return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw eventFileError(path, env.GITHUB_EVENT_NAME, `cannot be read (${describeFsError(error)})`, label)
  }
  try {
    return { name: env.GITHUB_EVENT_NAME, payload: JSON.parse(text) as unknown }
  } catch (error) {
    throw eventFileError(path, env.GITHUB_EVENT_NAME, `is not JSON (${(error as Error).message})`, label)
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder'
  return code ?? String(error)
}

function eventFileError(path: string, name: string, problem: string, label: (name: string) => string): ConfigError {
  return new ConfigError(
    `The event file GITHUB_EVENT_PATH=${path} (for the ${name} event in GITHUB_EVENT_NAME) ${problem}.`,
    `Point GITHUB_EVENT_PATH at the JSON payload of the event, or unset GITHUB_EVENT_NAME and GITHUB_EVENT_PATH and name the issues with ${label('issues')} or ${label('jql')}.`,
  )
}

/**
 * What `issues` knows of the run, from the GitHub Actions variables (the CLI reads them too); a
 * token enables the API through `commitsPort` (lazyOctokitCommitsPort in both adapters; tests may pass another).
 */
export function issuesEnvironmentFromEnv(
  env: NodeJS.ProcessEnv,
  githubToken: string | undefined,
  commitsPort: (token: string) => GitHubCommitsPort,
  label?: (name: string) => string,
): IssuesEnvironment {
  const event = readEvent(env, label)
  return {
    run: runContextFromEnv(env, event?.payload),
    stepId: env.GITHUB_ACTION ?? '',
    event,
    github: githubToken ? commitsPort(githubToken) : undefined,
  }
}
