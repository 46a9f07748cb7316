import type { GitHubCommitsPort } from '../core/issues/event-sources.js'

/**
 * octokitCommitsPort, loaded on first use: importing @actions/github reads (and may print about)
 * GITHUB_EVENT_PATH at load time, which a run that never calls GitHub must not pay for (nor its start-up time).
 */
export function lazyOctokitCommitsPort(token: string): GitHubCommitsPort {
  let port: Promise<GitHubCommitsPort> | undefined
  const load = () => (port ??= import('./octokit-commits.js').then((m) => m.octokitCommitsPort(token)))
  return {
    listPullRequestCommitMessages: async (...args) => (await load()).listPullRequestCommitMessages(...args),
    compareCommitMessages: async (...args) => (await load()).compareCommitMessages(...args),
  }
}
