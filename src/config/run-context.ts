import type { RunContext } from '../core/run/run-context.js'

/**
 * The CI run, from the environment: GitHub Actions first (the action, and the CLI inside a
 * workflow), then GitLab CI and Jenkins for the CLI elsewhere. The run id identifies the run
 * across re-runs; the comment marker and the remote link's globalId are built from it.
 */
export function runContextFromEnv(env: NodeJS.ProcessEnv, payload?: unknown): RunContext {
  if (env.GITHUB_RUN_ID) return gitHubContext(env, payload)
  if (env.GITLAB_CI && env.CI_PIPELINE_ID) {
    return {
      ci: 'gitlab-ci',
      repository: env.CI_PROJECT_PATH,
      runId: `gitlab:${env.CI_PIPELINE_ID}`,
      runUrl: env.CI_PIPELINE_URL,
      runNumber: env.CI_PIPELINE_IID,
      job: env.CI_JOB_NAME,
      sha: env.CI_COMMIT_SHA,
      ref: env.CI_COMMIT_REF_NAME,
      actor: env.GITLAB_USER_LOGIN,
      eventName: env.CI_PIPELINE_SOURCE,
    }
  }
  if (env.JENKINS_URL && env.BUILD_TAG) {
    return {
      ci: 'jenkins',
      runId: `jenkins:${env.BUILD_TAG}`,
      runUrl: env.BUILD_URL,
      runNumber: env.BUILD_NUMBER,
      job: env.JOB_NAME,
      workflow: env.JOB_NAME,
      sha: env.GIT_COMMIT,
      ref: env.GIT_BRANCH,
    }
  }
  return gitHubContext(env, payload)
}

function gitHubContext(env: NodeJS.ProcessEnv, payload: unknown): RunContext {
  const pull = (payload as { pull_request?: { number?: unknown } } | undefined)?.pull_request
  return {
    // Without GITHUB_RUN_ID this is a run outside CI (or of a CI not told apart): its facts, if any, are GitHub's names.
    ci: env.GITHUB_RUN_ID || env.GITHUB_ACTIONS === 'true' ? 'github-actions' : 'other',
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
