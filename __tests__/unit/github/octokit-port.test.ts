// The Octokit port in-process against the GitHub API simulator: every page, the shapes mapped, the limit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubApiSimulator, type GitHubApiSimulator } from '../../../simulator/index.js'
import type { GitHubPort } from '../../../src/core/issues/issues-environment.js'

let github: GitHubApiSimulator
let port: GitHubPort
beforeAll(async () => {
  github = await startGitHubApiSimulator()
  // @actions/github reads GITHUB_API_URL when it loads: set it first, then load the port lazily.
  process.env.GITHUB_API_URL = github.url
  const { lazyOctokitCommitsPort } = await import('../../../src/github/lazy-commits-port.js')
  port = lazyOctokitCommitsPort('ghs_unit_token')
})
afterAll(async () => {
  delete process.env.GITHUB_API_URL
  await github.close()
})

describe('octokit port', () => {
  it('lists every tag and release, mapped to the rules’ facts', async () => {
    github.deploy.tags.set(
      'o/tags',
      Array.from({ length: 150 }, (_, i) => ({ name: `v1.${i}.0`, sha: 'a'.repeat(40) })),
    )
    const tags = await port.listTagNames('o', 'tags')
    expect(tags).toHaveLength(150)
    expect(tags).toContain('v1.149.0')
    github.deploy.releases.set('o/rel', [
      { id: 1, tag_name: 'v1', draft: false, prerelease: true, published_at: '2026-01-01T00:00:00Z' },
    ])
    expect(await port.listReleases('o', 'rel')).toEqual([
      { tagName: 'v1', draft: false, prerelease: true, publishedAt: '2026-01-01T00:00:00Z' },
    ])
  })

  it('deployments of one environment, their statuses, and successful runs', async () => {
    github.deploy.deployments.set('o/dep', [
      {
        id: 5,
        sha: 'b'.repeat(40),
        ref: 'main',
        environment: 'production',
        created_at: '2026-01-01T00:00:00Z',
        statuses: [{ id: 50, state: 'success', created_at: '2026-01-01T00:01:00Z' }],
      },
      {
        id: 6,
        sha: 'c'.repeat(40),
        ref: 'main',
        environment: 'staging',
        created_at: '2026-01-02T00:00:00Z',
        statuses: [],
      },
    ])
    expect(await port.listDeployments('o', 'dep', 'production')).toEqual([
      { id: 5, sha: 'b'.repeat(40), createdAt: '2026-01-01T00:00:00Z', latestState: undefined },
    ])
    expect(await port.listDeploymentStatuses('o', 'dep', 5)).toEqual([
      { id: 50, state: 'success', createdAt: '2026-01-01T00:01:00Z' },
    ])
    github.deploy.runs.set('o/runs', [
      {
        id: 9,
        workflow: 'deploy.yml',
        head_sha: 'd'.repeat(40),
        head_branch: 'main',
        status: 'completed',
        conclusion: 'success',
        created_at: '2026-01-01T00:00:00Z',
      },
    ])
    expect(await port.listSuccessfulRuns('o', 'runs', 'deploy.yml', 'main')).toEqual([
      {
        id: 9,
        headSha: 'd'.repeat(40),
        headBranch: 'main',
        status: 'completed',
        conclusion: 'success',
        createdAt: '2026-01-01T00:00:00Z',
      },
    ])
    const query = github.requests.find((q) => q.path === '/repos/o/runs/actions/workflows/deploy.yml/runs')?.query
    expect(query).toEqual(
      expect.arrayContaining([
        ['status', 'success'],
        ['branch', 'main'],
      ]),
    )
  })

  it('compare: every page, oldest first; one page only above the limit', async () => {
    const messages = Array.from({ length: 230 }, (_, i) => `commit ${i}`)
    github.addCompare('o', 'cmp', 'v1', 'v2', messages)
    expect(await port.compareRange('o', 'cmp', 'v1', 'v2', 1000)).toEqual({ total: 230, messages })
    expect(await port.compareCommitMessages('o', 'cmp', 'v1', 'v2')).toEqual(messages)
    const before = github.requests.length
    expect(await port.compareRange('o', 'cmp', 'v1', 'v2', 200)).toEqual({ total: 230, messages: [] })
    expect(github.requests.length - before).toBe(1)
    await expect(port.compareRange('o', 'cmp', 'v0', 'v2', 1000)).rejects.toMatchObject({ status: 404 })
    github.addPullRequestCommits('o', 'cmp', 3, ['ABC-1 in the pull request'])
    expect(await port.listPullRequestCommitMessages('o', 'cmp', 3)).toEqual(['ABC-1 in the pull request'])
  })
})
