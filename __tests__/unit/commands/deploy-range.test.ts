import { describe, expect, it } from '@jest/globals'
import { UserFacingError } from '../../../src/core/errors.js'
import { eventOwnMessages, readDeployRange, readLocalRange } from '../../../src/commands/issues/deploy-range.js'
import type { GitHubDeployPort, RangePlan } from '../../../src/core/range/range-plan.js'
import { releaseNotes } from '../../../src/commands/issues/release-notes.js'
import type { IssueResult } from '../../../src/commands/issues/outcome.js'

const HEAD = 'h'.repeat(40)

/** A scripted GitHub: each list as given, compare answers from a table, errors where asked. */
function fakeGitHub(over: Partial<GitHubDeployPort> = {}, ranges: Record<string, string[]> = {}) {
  const calls: string[] = []
  const port: GitHubDeployPort = {
    listTagNames: async () => (calls.push('tags'), []),
    listReleases: async () => (calls.push('releases'), []),
    listDeployments: async () => (calls.push('deployments'), []),
    listDeploymentStatuses: async (_o, _r, id) => (calls.push(`statuses ${id}`), []),
    listSuccessfulRuns: async () => (calls.push('runs'), []),
    compareRange: async (_o, _r, base, head) => {
      calls.push(`compare ${base}...${head}`)
      const messages = ranges[`${base}...${head}`]
      if (!messages) throw Object.assign(new Error('Not Found'), { status: 404 })
      return { total: messages.length, messages }
    },
    ...over,
  }
  return { port, calls }
}

const read = (plan: RangePlan, github?: GitHubDeployPort, repository = 'octo/app', own: string[] = []) =>
  readDeployRange(plan, repository, github, own)

describe('readDeployRange', () => {
  it('event and none read nothing', async () => {
    const { port, calls } = fakeGitHub()
    expect(await read({ kind: 'event' }, port)).toEqual({ notices: [], warnings: [] })
    expect(await read({ kind: 'none' }, port)).toMatchObject({ noCommits: true, why: 'since: none' })
    expect(calls).toEqual([])
  })

  it('falls back to the event’s own commits, saying why: unknown base, bad repository, no token', async () => {
    const unknown = await read({ kind: 'unknown', reason: 'no GITHUB_SHA' }, fakeGitHub().port, 'octo/app', ['ABC-1'])
    expect(unknown.messages).toEqual(['ABC-1'])
    expect(unknown.notices[0]).toMatch(/cannot be found: no GITHUB_SHA; searched only the event's own commits/)
    const tag: RangePlan = { kind: 'tag', tag: 'v1', head: 'v1' }
    expect((await read(tag, fakeGitHub().port, 'not a repo')).warnings[0]).toMatch(/is not "owner\/repo"/)
    expect((await read(tag, undefined)).warnings[0]).toMatch(/No GitHub API access \(github-token\)/)
  })

  it('a lookup the token may not make names the permission it needs', async () => {
    const forbidden = Object.assign(new Error('Resource not accessible by integration'), { status: 403 })
    const { port } = fakeGitHub({
      listDeployments: () => Promise.reject(forbidden),
      listSuccessfulRuns: () => Promise.reject(new Error('socket hang up')),
    })
    const deployment = await read({ kind: 'deployment', environment: 'production', head: HEAD }, port)
    expect(deployment.warnings[0]).toMatch(
      /Resource not accessible by integration \(the token needs `permissions: deployments: read`\)/,
    )
    const run = await read({ kind: 'run', workflowFile: 'deploy.yml', branch: 'main', head: HEAD }, port)
    expect(run.warnings[0]).toMatch(/failed: socket hang up; searched only/)
    expect(run.warnings[0]).not.toMatch(/permissions/)
  })

  it('a tag that is not a version compares with the previous release', async () => {
    const { port, calls } = fakeGitHub(
      {
        listTagNames: async () => ['nightly', 'v1'],
        listReleases: async () => [
          { tagName: 'v1', draft: false, prerelease: false, publishedAt: '2026-01-01T00:00:00Z' },
        ],
      },
      { 'v1...nightly': ['ABC-1 x'] },
    )
    const result = await read({ kind: 'tag', tag: 'nightly', head: 'nightly' }, port)
    expect(result).toMatchObject({ messages: ['ABC-1 x'], range: 'v1...nightly' })
    expect(result.line).toBe('v1...nightly, 1 commit (since the previous release)')
    expect(calls).toEqual(['compare v1...nightly'])
  })

  it('first deploys: a notice for each kind, and no compare', async () => {
    const { port, calls } = fakeGitHub()
    const release = { tagName: 'v1', draft: false, prerelease: true, publishedAt: null }
    const cases: [RangePlan, RegExp][] = [
      [{ kind: 'tag', tag: 'v1.0.0', head: 'v1.0.0' }, /no tag with the same prefix is older than v1\.0\.0/],
      [{ kind: 'release', release, head: 'v1' }, /no earlier release or pre-release than v1/],
      [
        { kind: 'release', release: { ...release, prerelease: false }, head: 'v1' },
        /pre-releases and drafts do not count/,
      ],
      [{ kind: 'deployment', environment: 'prod', head: HEAD }, /no earlier deployment to prod has a successful/],
      [{ kind: 'run', workflowFile: 'd.yml', branch: 'main', head: HEAD }, /no earlier successful run of d\.yml/],
    ]
    for (const [plan, notice] of cases) {
      const result = await read(plan, port, 'octo/app', [])
      expect(result.notices[0]).toMatch(/^First deploy: /)
      expect(result.notices[0]).toMatch(notice)
      expect(result.messages).toEqual([])
      expect(result.range).toBeUndefined()
    }
    expect(calls.some((c) => c.startsWith('compare'))).toBe(false)
  })

  it('reads at most 50 deployments’ statuses, and says so', async () => {
    const deployments = Array.from({ length: 60 }, (_, i) => ({
      id: i + 1,
      sha: HEAD,
      createdAt: `2026-01-01T00:${String(i).padStart(2, '0')}:00Z`,
      latestState: undefined,
    }))
    const { port, calls } = fakeGitHub({ listDeployments: async () => deployments })
    const result = await read({ kind: 'deployment', environment: 'prod', head: HEAD, currentId: 60 }, port)
    expect(result.notices[0]).toMatch(/\(of the latest 50\)/)
    expect(calls.filter((c) => c.startsWith('statuses'))).toHaveLength(50)
    // The current deployment is never its own base.
    expect(calls).not.toContain('statuses 60')
  })

  it('a since ref GitHub does not know is the user’s error; another compare failure falls back', async () => {
    const { port } = fakeGitHub()
    await expect(read({ kind: 'ref', base: 'v9', head: HEAD }, port)).rejects.toThrow(UserFacingError)
    const failing = fakeGitHub({ compareRange: () => Promise.reject(new Error('502 Bad Gateway')) }).port
    const result = await read({ kind: 'ref', base: 'v9', head: HEAD }, failing, 'octo/app', ['own'])
    expect(result.messages).toEqual(['own'])
    expect(result.warnings[0]).toMatch(
      /Reading the commits of v9\.\.\.h+ through the GitHub API failed: 502 Bad Gateway/,
    )
  })

  it('above the limit: no commit searched, a warning that names the range', async () => {
    const { port } = fakeGitHub({ compareRange: async () => ({ total: 1500, messages: [] }) })
    const result = await read({ kind: 'ref', base: 'v1', head: 'v2' }, port)
    expect(result.messages).toEqual([])
    expect(result.range).toBe('v1...v2')
    expect(result.warnings[0]).toMatch(/^The range v1\.\.\.v2 holds 1500 commits, more than 1000/)
    expect(result.line).toMatch(/^none: v1\.\.\.v2 holds 1500 commits/)
  })
})

describe('readLocalRange and eventOwnMessages', () => {
  it('the local clone’s range, with the resolved head', async () => {
    const result = await readLocalRange('v1', { range: async () => ({ head: HEAD, total: 2, messages: ['a', 'b'] }) })
    expect(result).toMatchObject({ range: `v1...${HEAD}`, messages: ['a', 'b'] })
    expect(result.line).toBe(`v1...${HEAD}, 2 commits (since: v1, from the local git checkout)`)
  })

  it('a push reads its own payload; other events their head commit, if any', () => {
    expect(eventOwnMessages('push', {})).toBeUndefined()
    expect(eventOwnMessages('workflow_run', { workflow_run: { head_commit: { message: 'ABC-1' } } })).toEqual(['ABC-1'])
    expect(eventOwnMessages('workflow_dispatch', { head_commit: { message: 'ABC-2' } })).toEqual(['ABC-2'])
    expect(eventOwnMessages('schedule', null)).toEqual([])
  })
})

describe('releaseNotes', () => {
  const result = (over: Partial<IssueResult>): IssueResult => ({
    key: 'ABC-1',
    summary: 'Fix the login',
    url: 'https://jira.example.com/browse/ABC-1',
    statusBefore: 'To Do',
    statusAfter: 'Released',
    transition: 'transitioned',
    comment: 'not-requested',
    link: 'not-requested',
    fixVersion: 'not-requested',
    labels: 'not-requested',
    ok: true,
    notes: [],
    ...over,
  })

  it('one Markdown line per issue: key linked, summary, status after', () => {
    expect(releaseNotes([result({}), result({ key: 'ABC-2', url: 'https://j/browse/ABC-2', summary: '' })])).toBe(
      '- [ABC-1](https://jira.example.com/browse/ABC-1) Fix the login (Released)\n- [ABC-2](https://j/browse/ABC-2) (Released)',
    )
    expect(releaseNotes([])).toBe('')
    expect(releaseNotes([result({ statusAfter: '', ok: false, summary: '' })])).toBe(
      '- [ABC-1](https://jira.example.com/browse/ABC-1) (failed)',
    )
    expect(releaseNotes([result({ statusAfter: '', ok: true })])).toMatch(/Fix the login$/)
  })

  it('Jira’s text cannot add links, images, HTML, lines or mentions', () => {
    const hostile = result({
      summary: 'See [here](https://evil.example) ![x](y) <img src=x> *bold* `code` @octocat\n- injected',
      url: 'https://j/browse/A (B)',
    })
    const line = releaseNotes([hostile])
    expect(line.split('\n')).toHaveLength(1)
    expect(line).toContain('\\[here\\](https://evil.example)')
    expect(line).toContain('\\<img src=x\\>')
    expect(line).toContain('\\*bold\\*')
    expect(line).toContain('\\`code\\`')
    expect(line).toContain('@\u200boctocat')
    expect(line).toContain('(https://j/browse/A%20%28B%29)')
  })
})
