import type { InputReader } from '../../config/input-reader.js'
import { issuesEnvironmentFromEnv, type EventSource } from '../../config/issues-environment.js'
import type { LocalGitPort } from '../../core/range/range-plan.js'
import type { JiraClient } from '../../jira/client.js'
import { readIssuesConfig, type IssuesConfig } from './config.js'
import { IssuesApi } from './jira-api.js'
import { runIssues, type IssuesRunResult } from './run-issues.js'

/** `issues` as both adapters run it: the config from the inputs, the run from the CI environment. */
export async function runIssuesFromInputs(
  inputs: InputReader,
  client: JiraClient,
  env: NodeJS.ProcessEnv,
  /** The CLI outside GitHub Actions reads `since` REF..HEAD from the local clone. */
  git?: LocalGitPort,
  /** Where the event is (the CLI's --event); default the runner's GITHUB_EVENT_PATH / GITHUB_EVENT_NAME. */
  eventSource?: EventSource,
): Promise<{ readonly config: IssuesConfig; readonly result: IssuesRunResult }> {
  const config = readIssuesConfig(inputs)
  const environment = issuesEnvironmentFromEnv(env, inputs.optional('github-token'), inputs.label, eventSource)
  const result = await runIssues(config, new IssuesApi(client), git ? { ...environment, git } : environment)
  return { config, result }
}
