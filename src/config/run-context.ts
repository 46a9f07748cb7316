import type { RunContext } from '../core/issues/template.js'

/** The workflow run as GitHub Actions describes it in the environment (the CLI reads the same). */
export function runContextFromEnv(env: NodeJS.ProcessEnv, payload?: unknown): RunContext {
  const pull = (payload as { pull_request?: { number?: unknown } } | undefined)?.pull_request
  return {
    serverUrl: env.GITHUB_SERVER_URL,
    repository: env.GITHUB_REPOSITORY,
    runId: env.GITHUB_RUN_ID,
    runNumber: env.GITHUB_RUN_NUMBER,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    headRef: env.GITHUB_HEAD_REF || undefined,
    actor: env.GITHUB_ACTOR,
    eventName: env.GITHUB_EVENT_NAME,
    pullRequestNumber: typeof pull?.number === 'number' ? pull.number : undefined,
  }
}
