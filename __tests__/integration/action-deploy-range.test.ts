// The commits of a deploy, whatever triggers it: the bundled action against the GitHub API and Jira
// simulators, for each trigger of issue 7 (tag push, release, deployments, runs, explicit since,
// first deploy, paging, the 1,000-commit stop), then the CLI's --since in a local clone.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubApiSimulator, type GitHubApiSimulator } from '../../simulator/index.js'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { BUNDLE_NODE, ROOT, runAction, type ActionRun } from '../../scripts/lib/action-runner.js'
import { git } from '../helpers/git.js'

let jira: JiraFixture
let github: GitHubApiSimulator
beforeAll(async () => {
  jira = await startJira()
  github = await startGitHubApiSimulator()
})
afterAll(async () => {
  await jira.sim.close()
  await github.close()
})

const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567'
const sha = (c: string) => c.repeat(40)

/** Runs `issues` for the repository `octo/<repo>` (each test its own history). */
function run(
  repo: string,
  inputs: Record<string, string>,
  event: { name: string; payload: unknown },
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction(
    { ...jira.inputs, command: 'issues', ...inputs },
    { event, env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: `octo/${repo}`, ...env } },
  )
}

const issuesOf = (r: ActionRun) => JSON.parse(r.outputs.issues ?? 'null') as string[]
const comparePages = (repo: string) =>
  github.requests.filter((q) => q.path.startsWith(`/repos/octo/${repo}/compare/`)).map((q) => q.path)
const notices = (r: ActionRun) => r.annotations.filter((a) => a.level === 'notice').map((a) => a.message)
const warnings = (r: ActionRun) => r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)

function tagPush(tag: string, commits: string[] = []) {
  return {
    name: 'push',
    payload: {
      ref: `refs/tags/${tag}`,
      before: sha('0'),
      after: HEAD_SHA,
      created: true,
      deleted: false,
      commits: commits.map((message, i) => ({ id: String(i).padStart(40, '0'), message })),
      head_commit: { id: HEAD_SHA, message: commits.at(-1) ?? 'release' },
    },
  }
}

describe('since: auto, by event', () => {
  test('a tag push v1.3.0 covers the commits since v1.2.4, not since api-v9 or a pre-release', async () => {
    for (const key of ['TAG-1', 'TAG-2']) jira.sim.addIssue({ key, summary: `Change ${key}`, status: 'In Review' })
    jira.sim.addIssue({ key: 'TAG-9', summary: 'Older' })
    github.deploy.tags.set('octo/tag', [
      { name: 'v1.2.4', sha: sha('1') },
      { name: 'api-v9', sha: sha('2') },
      { name: 'v1.3.0-rc.1', sha: sha('3') },
      { name: 'v1.2.10-beta', sha: sha('4') },
      { name: 'v1.1.0', sha: sha('5') },
      { name: 'v1.3.0', sha: HEAD_SHA },
    ])
    github.addCompare('octo', 'tag', 'v1.2.4', 'v1.3.0', ['TAG-1 login', 'chore: deps', 'Merge TAG-2'])
    // The ranges a wrong choice would read: their keys must not appear.
    github.addCompare('octo', 'tag', 'api-v9', 'v1.3.0', ['TAG-9 wrong base'])
    github.addCompare('octo', 'tag', 'v1.3.0-rc.1', 'v1.3.0', ['TAG-9 wrong base'])
    const r = await run('tag', { transition: 'Deployed' }, tagPush('v1.3.0'), { GITHUB_REF: 'refs/tags/v1.3.0' })
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual(['TAG-1', 'TAG-2'])
    expect(r.outputs.range).toBe('v1.2.4...v1.3.0')
    expect(r.outputs.commits).toBe('3')
    expect(r.stdout).toContain('Commits searched: v1.2.4...v1.3.0, 3 commits (since the previous tag).')
    expect(r.outputs['release-notes']).toBe(
      [
        `- [TAG-1](${jira.sim.baseUrl}/browse/TAG-1) Change TAG-1 (Deployed)`,
        `- [TAG-2](${jira.sim.baseUrl}/browse/TAG-2) Change TAG-2 (Deployed)`,
      ].join('\n'),
    )
    expect(jira.sim.issue('TAG-1')?.status).toBe('Deployed')
    expect(comparePages('tag')).toEqual(['/repos/octo/tag/compare/v1.2.4...v1.3.0'])
  })

  test('a published release covers the commits since the previous release, skipping a pre-release and a draft', async () => {
    jira.sim.addIssue({ key: 'REL-1', summary: 'Shipped' })
    github.deploy.releases.set('octo/rel', [
      { id: 1, tag_name: 'v1.9.0', draft: false, prerelease: false, published_at: '2026-01-01T10:00:00Z' },
      { id: 2, tag_name: 'v2.0.0-rc.1', draft: false, prerelease: true, published_at: '2026-02-01T10:00:00Z' },
      { id: 3, tag_name: 'v2.0.0-draft', draft: true, prerelease: false, published_at: null },
      { id: 4, tag_name: 'v2.0.0', draft: false, prerelease: false, published_at: '2026-03-01T10:00:00Z' },
    ])
    github.addCompare('octo', 'rel', 'v1.9.0', 'v2.0.0', ['REL-1 the feature', 'fix typo'])
    github.addCompare('octo', 'rel', 'v2.0.0-rc.1', 'v2.0.0', ['nothing here'])
    const event = {
      name: 'release',
      payload: {
        action: 'published',
        release: { tag_name: 'v2.0.0', draft: false, prerelease: false, published_at: '2026-03-01T10:00:00Z' },
      },
    }
    const r = await run('rel', { 'dry-run': 'true' }, event, { GITHUB_REF: 'refs/tags/v2.0.0' })
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual(['REL-1'])
    expect(r.outputs.range).toBe('v1.9.0...v2.0.0')
    expect(r.outputs.commits).toBe('2')
    expect(r.stdout).toContain('Commits searched: v1.9.0...v2.0.0, 2 commits (since the previous release).')
    expect(r.outputs['release-notes']).toContain(`[REL-1](${jira.sim.baseUrl}/browse/REL-1) Shipped (To Do)`)
  })

  test('workflow_dispatch with environment production: since the last successful deployment, past a failed one', async () => {
    jira.sim.addIssue({ key: 'ENV-1' })
    jira.sim.addIssue({ key: 'ENV-2' })
    const status = (id: number, state: string, minute: number) => ({
      id,
      state,
      created_at: `2026-05-01T10:${String(minute).padStart(2, '0')}:00Z`,
    })
    github.deploy.deployments.set('octo/env', [
      {
        id: 10,
        sha: sha('a'),
        ref: 'main',
        environment: 'production',
        created_at: '2026-05-01T09:00:00Z',
        statuses: [status(100, 'success', 1)],
      },
      {
        id: 11,
        sha: sha('b'),
        ref: 'main',
        environment: 'production',
        created_at: '2026-05-01T10:00:00Z',
        statuses: [status(110, 'in_progress', 2), status(111, 'success', 3)],
      },
      {
        id: 12,
        sha: sha('c'),
        ref: 'main',
        environment: 'production',
        created_at: '2026-05-01T11:00:00Z',
        statuses: [status(120, 'in_progress', 4), status(121, 'failure', 5)],
      },
      {
        id: 13,
        sha: sha('d'),
        ref: 'main',
        environment: 'staging',
        created_at: '2026-05-01T12:00:00Z',
        statuses: [status(130, 'success', 6)],
      },
    ])
    github.addCompare('octo', 'env', sha('b'), HEAD_SHA, ['ENV-1 failed to deploy last time', 'ENV-2 new'])
    github.addCompare('octo', 'env', sha('c'), HEAD_SHA, ['ENV-2 new'])
    github.addCompare('octo', 'env', sha('d'), HEAD_SHA, [])
    const r = await run(
      'env',
      { environment: 'production', 'dry-run': 'true' },
      { name: 'workflow_dispatch', payload: { ref: 'refs/heads/main', inputs: {} } },
    )
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual(['ENV-1', 'ENV-2'])
    expect(r.outputs.range).toBe(`${sha('b')}...${HEAD_SHA}`)
    expect(r.stdout).toContain('(since the last successful deployment to production)')
    expect(github.requests.some((q) => q.path === '/repos/octo/env/deployments/10/statuses')).toBe(false)
  })

  test('workflow_dispatch without environment: since the last successful run of this workflow on this branch', async () => {
    jira.sim.addIssue({ key: 'RUN-1' })
    const runOf = (id: number, headSha: string, branch: string, conclusion: string | null, hour: number) => ({
      id,
      workflow: 'deploy.yml',
      head_sha: headSha,
      head_branch: branch,
      status: conclusion ? 'completed' : 'in_progress',
      conclusion,
      created_at: `2026-06-01T${String(hour).padStart(2, '0')}:00:00Z`,
    })
    github.deploy.runs.set('octo/run', [
      runOf(900, sha('1'), 'main', 'success', 8),
      runOf(950, sha('2'), 'main', 'success', 9),
      runOf(960, sha('3'), 'main', 'failure', 10),
      runOf(970, sha('4'), 'feature', 'success', 11),
      runOf(1001, HEAD_SHA, 'main', null, 12),
    ])
    github.addCompare('octo', 'run', sha('2'), HEAD_SHA, ['RUN-1 since the last good run'])
    const r = await run(
      'run',
      { 'dry-run': 'true' },
      { name: 'workflow_dispatch', payload: { ref: 'refs/heads/main' } },
      { GITHUB_WORKFLOW_REF: 'octo/run/.github/workflows/deploy.yml@refs/heads/main' },
    )
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual(['RUN-1'])
    expect(r.outputs.range).toBe(`${sha('2')}...${HEAD_SHA}`)
    expect(r.stdout).toContain('(since the last successful run of deploy.yml on main)')
    const runsQuery = github.requests.find((q) => q.path === '/repos/octo/run/actions/workflows/deploy.yml/runs')
    expect(runsQuery?.query).toEqual(expect.arrayContaining([['branch', 'main']]))
  })

  test('the first deploy ever: a notice, the event’s own commits, never the whole history', async () => {
    jira.sim.addIssue({ key: 'FIRST-1' })
    github.deploy.tags.set('octo/first', [{ name: 'v1.0.0', sha: HEAD_SHA }])
    const r = await run('first', { 'dry-run': 'true' }, tagPush('v1.0.0', ['FIRST-1 initial']))
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual(['FIRST-1'])
    expect(notices(r)).toContainEqual(
      expect.stringMatching(/^First deploy: no tag with the same prefix is older than v1\.0\.0/),
    )
    expect(r.outputs.range).toBe('')
    expect(r.outputs.commits).toBe('1')
    expect(comparePages('first')).toEqual([])
  })

  test('a tag push whose range has no keys says so in the log (a notice), not only in the summary', async () => {
    github.deploy.tags.set('octo/nokeys', [
      { name: 'v4.0.0', sha: sha('e') },
      { name: 'v4.0.1', sha: HEAD_SHA },
    ])
    github.addCompare('octo', 'nokeys', 'v4.0.0', 'v4.0.1', ['chore: deps', 'docs'])
    const r = await run('nokeys', { transition: 'Deployed' }, tagPush('v4.0.1'))
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual([])
    expect(notices(r)).toContain(
      'No issue keys found; commits searched: v4.0.0...v4.0.1, 2 commits (since the previous tag).',
    )
    expect(r.outputs['release-notes']).toBe('')
  })
})

describe('since: a ref, paging and the limit', () => {
  test('an explicit since SHA: the commits between it and the deployed commit', async () => {
    jira.sim.addIssue({ key: 'SHA-1' })
    const base = 'f'.repeat(40)
    github.addCompare('octo', 'sha', base, HEAD_SHA, ['SHA-1 picked by hand'])
    const r = await run(
      'sha',
      { since: base, 'dry-run': 'true' },
      { name: 'push', payload: { ref: 'refs/heads/main', before: sha('9'), after: HEAD_SHA, commits: [] } },
    )
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual(['SHA-1'])
    expect(r.outputs.range).toBe(`${base}...${HEAD_SHA}`)
    expect(r.stdout).toContain(`(since: ${base})`)
  })

  test('a since GitHub does not know fails naming the input', async () => {
    const r = await run('sha', { since: 'v0.0.0-missing' }, { name: 'workflow_dispatch', payload: {} })
    expect(r.exitCode).not.toBe(0)
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(/`since` is "v0\.0\.0-missing"/)
  })

  test('a range over 250 commits is read page by page, every commit searched', async () => {
    for (const key of ['PAGE-1', 'PAGE-320']) jira.sim.addIssue({ key })
    github.deploy.tags.set('octo/paged', [
      { name: 'v3.0.0', sha: sha('6') },
      { name: 'v3.1.0', sha: HEAD_SHA },
    ])
    const messages = Array.from({ length: 320 }, (_, i) =>
      i === 0 || i === 319 ? `PAGE-${i + 1} edge` : `commit ${i}`,
    )
    github.addCompare('octo', 'paged', 'v3.0.0', 'v3.1.0', messages)
    const r = await run('paged', { 'dry-run': 'true', projects: 'PAGE' }, tagPush('v3.1.0'))
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual(['PAGE-1', 'PAGE-320'])
    expect(r.outputs.commits).toBe('320')
    const pages = github.requests.filter((q) => q.path === '/repos/octo/paged/compare/v3.0.0...v3.1.0')
    expect(pages.map((q) => Object.fromEntries(q.query))).toEqual(
      [1, 2, 3, 4].map((page) => ({ per_page: '100', page: String(page) })),
    )
  })

  test('above 1,000 commits: stop after the first page, with a warning that names the range', async () => {
    jira.sim.addIssue({ key: 'HUGE-1' })
    github.deploy.tags.set('octo/huge', [
      { name: 'v5.0.0', sha: sha('7') },
      { name: 'v6.0.0', sha: HEAD_SHA },
    ])
    github.addCompare(
      'octo',
      'huge',
      'v5.0.0',
      'v6.0.0',
      Array.from({ length: 1001 }, (_, i) => `HUGE-1 commit ${i}`),
    )
    const r = await run('huge', { 'dry-run': 'true' }, tagPush('v6.0.0'))
    expect(r.exitCode).toBe(0)
    expect(issuesOf(r)).toEqual([])
    expect(warnings(r)).toContainEqual(
      expect.stringMatching(/^The range v5\.0\.0\.\.\.v6\.0\.0 holds 1001 commits, more than 1000/),
    )
    expect(r.outputs.range).toBe('v5.0.0...v6.0.0')
    expect(r.outputs.commits).toBe('0')
    expect(comparePages('huge')).toHaveLength(1)
  })
})

describe('the CLI outside GitHub: --since REF reads REF..HEAD from the local clone', () => {
  function cli(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(BUNDLE_NODE, [join(ROOT, 'dist', 'cli.js'), 'issues', ...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: cwd,
        JIRA_BASE_URL: jira.inputs['base-url'],
        JIRA_CONSUMER_KEY: jira.inputs['consumer-key'],
        JIRA_PRIVATE_KEY: jira.inputs['private-key'],
        JIRA_ACCESS_TOKEN: jira.inputs['access-token'],
        GITLAB_CI: 'true',
        CI_PIPELINE_ID: '77',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    return new Promise((resolve) =>
      child.on('close', (code) => {
        resolve({ code, stdout, stderr })
      }),
    )
  }

  let origin: string
  beforeAll(() => {
    origin = mkdtempSync(join(tmpdir(), 'since-origin-'))
    git(origin, 'init', '-q', '-b', 'main')
    git(origin, 'commit', '-q', '--allow-empty', '-m', 'GIT-9 before the release')
    git(origin, 'tag', 'v1.0.0')
    git(origin, 'commit', '-q', '--allow-empty', '-m', 'GIT-1 first change', '-m', 'Also GIT-2 in the body.')
    git(origin, 'commit', '-q', '--allow-empty', '-m', 'chore: no key')
    for (const key of ['GIT-1', 'GIT-2', 'GIT-9']) jira.sim.addIssue({ key, summary: `Issue ${key}` })
  })

  test('in a full clone: the keys of v1.0.0..HEAD, as JSON with range, commits and releaseNotes', async () => {
    const r = await cli(origin, ['--since', 'v1.0.0', '--dry-run', '--transition', 'Deployed'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { issues: string[]; range: string; commits: number; releaseNotes: string }
    expect(out.issues).toEqual(['GIT-1', 'GIT-2'])
    const head = git(origin, 'rev-parse', 'HEAD').trim()
    expect(out.range).toBe(`v1.0.0...${head}`)
    expect(out.commits).toBe(2)
    expect(out.releaseNotes).toContain(`[GIT-1](${jira.sim.baseUrl}/browse/GIT-1) Issue GIT-1 (Deployed)`)
    expect(r.stderr).toContain(
      `Commits searched: v1.0.0...${head}, 2 commits (since: v1.0.0, from the local git checkout).`,
    )
  })

  test('in a shallow clone that does not reach the ref: says so, and how to deepen it', async () => {
    const shallow = mkdtempSync(join(tmpdir(), 'since-shallow-'))
    git(shallow, 'clone', '-q', '--depth', '1', '--no-tags', `file://${origin}`, 'repo')
    const r = await cli(join(shallow, 'repo'), ['--since', 'v1.0.0'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('the clone is shallow and does not contain v1.0.0')
    expect(r.stderr).toContain('git fetch --deepen')
    expect(r.stderr).toContain('fetch-depth: 0')
    expect(r.stderr).toContain('GIT_DEPTH')
  })
})
