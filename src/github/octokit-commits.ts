import { getOctokit } from '@actions/github'
import type { GitHubCommitsPort } from '../core/issues/event-sources.js'

const PER_PAGE = 100

interface CommitItem {
  commit?: { message?: string }
}

/**
 * Commit messages through the GitHub REST API (GITHUB_API_URL, so GHES works too), every page:
 * the pull request's commits, or the commits of a push beyond the 20 its event payload lists.
 */
export function octokitCommitsPort(token: string): GitHubCommitsPort {
  const octokit = getOctokit(token)
  const messages = (items: readonly CommitItem[]) => items.map((c) => c.commit?.message ?? '')
  return {
    async listPullRequestCommitMessages(owner, repo, pullNumber) {
      const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: PER_PAGE,
      })
      return messages(commits)
    },
    async compareCommitMessages(owner, repo, base, head) {
      const all: string[] = []
      // The compare endpoint pages its `commits` list; paginate() does not know that shape.
      for (let page = 1; ; page++) {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
          owner,
          repo,
          basehead: `${base}...${head}`,
          per_page: PER_PAGE,
          page,
        })
        all.push(...messages(data.commits))
        if (data.commits.length < PER_PAGE || all.length >= data.total_commits) return all
      }
    },
  }
}
