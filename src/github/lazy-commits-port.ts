import type { GitHubPort } from '../core/issues/issues-environment.js'

/**
 * octokitCommitsPort, loaded on first use: importing @actions/github reads (and may print about)
 * GITHUB_EVENT_PATH at load time, which a run that never calls GitHub must not pay for (nor its start-up time).
 */
export function lazyOctokitCommitsPort(token: string): GitHubPort {
  let port: Promise<GitHubPort> | undefined
  const load = () => (port ??= import('./octokit-commits.js').then((m) => m.octokitCommitsPort(token)))
  return {
    listPullRequestCommitMessages: async (...args) => (await load()).listPullRequestCommitMessages(...args),
    compareCommitMessages: async (...args) => (await load()).compareCommitMessages(...args),
    compareRange: async (...args) => (await load()).compareRange(...args),
    listTagNames: async (...args) => (await load()).listTagNames(...args),
    listReleases: async (...args) => (await load()).listReleases(...args),
    listDeployments: async (...args) => (await load()).listDeployments(...args),
    listDeploymentStatuses: async (...args) => (await load()).listDeploymentStatuses(...args),
    listSuccessfulRuns: async (...args) => (await load()).listSuccessfulRuns(...args),
  }
}
