import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { IssuesConfig } from '../../../src/commands/issues/config.js'
import { IssuesApi } from '../../../src/commands/issues/jira-api.js'
import { runIssues, type IssuesRunResult } from '../../../src/commands/issues/run-issues.js'
import { plainLabel } from '../../../src/core/input-label.js'
import type { IssuesEnvironment } from '../../../src/core/issues/issues-environment.js'
import { fixtureClient, startJira, type JiraFixture } from '../../../scripts/lib/jira-fixture.js'

// The `issues` flow in-process (src/, not the bundle) against the simulator: what the integration
// tests check through dist/, seen by coverage and by every change to src/ without a build.

let jira: JiraFixture
let api: IssuesApi
beforeAll(async () => {
  jira = await startJira()
  api = new IssuesApi(fixtureClient(jira))
})
afterAll(() => jira.sim.close())

const ENV: IssuesEnvironment = {
  run: {
    serverUrl: 'https://github.com',
    repository: 'octo/app',
    runId: 42,
    runNumber: 9,
    runAttempt: 1,
    workflow: 'Deploy',
    job: 'deploy',
    ref: 'refs/tags/v3.1.0',
  },
  stepId: 'jira',
}

function config(extra: Partial<IssuesConfig>): IssuesConfig {
  return {
    from: new Set(),
    projects: [],
    link: false,
    linkTitle: '{{workflow}} #{{run-number}}',
    releaseVersion: false,
    labels: [],
    dryRun: false,
    concurrency: 4,
    failOnError: true,
    label: plainLabel,
    ...extra,
  }
}

const run = (extra: Partial<IssuesConfig>): Promise<IssuesRunResult> => runIssues(config(extra), api, ENV, () => 0)
const row = (r: IssuesRunResult, key: string) => r.results.find((x) => x.key === key)

describe('runIssues', () => {
  test('deploy: fix version, labels, transition, comment and link; a re-run changes nothing', async () => {
    for (const key of ['UA-1', 'UA-2', 'UB-1']) jira.sim.addIssue({ key, status: 'In Review', labels: ['kept'] })
    const deploy = config({
      explicitKeys: ['UA-1', 'UA-2', 'UB-1', 'UA-404'],
      transition: { name: 'Deploy' },
      comment: 'Shipped in {{run-url}}, now {{status}}',
      link: true,
      fixVersion: '{{ref-name}}',
      releaseVersion: true,
      labels: ['deployed'],
      failOnError: false,
    })
    const first = await runIssues(deploy, api, ENV, () => Date.UTC(2026, 11, 3))
    expect(first.failed).toEqual(['UA-404'])
    expect(row(first, 'UA-1')).toMatchObject({
      transition: 'transitioned',
      comment: 'created',
      link: 'linked',
      fixVersion: 'created',
      labels: 'created',
      statusAfter: 'Deployed',
    })
    // UA-404 failed, so nothing is released.
    expect(first.versions.map((v) => [v.project, v.action])).toEqual([
      ['UA', 'not-released'],
      ['UB', 'not-released'],
    ])
    expect(jira.sim.issue('UA-1')!.comments[0]!.body).toContain('now Deployed')
    expect(jira.sim.issue('UB-1')).toMatchObject({ labels: ['kept', 'deployed'], fixVersions: ['v3.1.0'] })

    // By status name: a re-run knows the issues are there without Jira's word on where "Deploy" leads.
    const rerun = { ...deploy, explicitKeys: ['UA-1', 'UA-2', 'UB-1'], transition: { name: 'Deployed' } }
    const again = await runIssues(rerun, api, ENV, () => Date.UTC(2026, 11, 3))
    expect(again.failed).toEqual([])
    expect(row(again, 'UA-2')).toMatchObject({
      transition: 'already-in-status',
      comment: 'unchanged',
      fixVersion: 'unchanged',
      labels: 'unchanged',
    })
    expect(again.versions.map((v) => [v.project, v.action, v.released])).toEqual([
      ['UA', 'released', true],
      ['UB', 'released', true],
    ])
    expect(jira.sim.versions('UA')[0]!.releaseDate).toBe('2026-12-03')
    expect(jira.sim.issue('UA-1')!.comments).toHaveLength(1)
  })

  test('racing runs converge on one comment; existing duplicates are removed too', async () => {
    jira.sim.addIssue({ key: 'UR-1' })
    jira.sim.addIssue({ key: 'UR-2' })
    jira.sim.gatherRequests({ method: 'POST', path: /^\/rest\/api\/2\/issue\/UR-\d\/comment$/, count: 2 })
    const racing = { explicitKeys: ['UR-1', 'UR-2'], comment: 'Same text' }
    const [a, b] = await Promise.all([run(racing), run(racing)])
    for (const key of ['UR-1', 'UR-2']) expect(jira.sim.issue(key)!.comments).toHaveLength(1)
    expect([...a.results, ...b.results].flatMap((r) => r.notes).join('\n')).toMatch(/at the same time/)
    const later = await run(racing)
    expect(later.results.map((r) => r.comment)).toEqual(['unchanged', 'unchanged'])
  })

  test('the fallbacks: capped comments are paged, transitions without expand are read per issue', async () => {
    jira.sim.configureSearch({ commentCap: 2, expandTransitions: false })
    try {
      jira.sim.addIssue({ key: 'UF-1', comments: 60, status: 'In Review' })
      jira.sim.addIssue({ key: 'UF-2', status: 'Deployed' })
      const keys = { explicitKeys: ['UF-1', 'UF-2'], comment: 'Paged', transition: { name: 'Deployed' } }
      expect((await run(keys)).failed).toEqual([])
      jira.sim.resetLog()
      const again = await run(keys)
      expect(again.results.map((r) => r.comment)).toEqual(['unchanged', 'unchanged'])
      expect(jira.sim.issue('UF-1')!.comments.filter((c) => c.body.includes('Paged'))).toHaveLength(1)
      const paths = jira.sim.requests.map((q) => `${q.method} ${q.path.replace(/^.*\/api\/2/, '')}`)
      expect(paths.filter((p) => p.startsWith('GET /issue/UF-1/comment'))).toHaveLength(2)
      expect(paths.filter((p) => p.includes('/transitions'))).toEqual([])
    } finally {
      jira.sim.configureSearch({ commentCap: 1000, expandTransitions: true })
    }
  })

  test('JQL results come read; dry-run changes nothing; discovered keys Jira lacks are skipped', async () => {
    jira.sim.addIssue({ key: 'UJ-1', status: 'In Review' })
    jira.sim.resetLog()
    const dry = await run({
      jql: 'project = UJ',
      transition: { name: 'Deployed' },
      comment: 'x',
      link: true,
      fixVersion: 'dry-1',
      releaseVersion: true,
      dryRun: true,
    })
    expect(row(dry, 'UJ-1')).toMatchObject({
      transition: 'would-transition',
      comment: 'would-create',
      link: 'would-link',
      fixVersion: 'would-create',
    })
    expect(dry.versions).toMatchObject([{ project: 'UJ', action: 'would-release' }])
    expect(jira.sim.requests.filter((q) => q.method !== 'GET' && !q.path.endsWith('/search'))).toHaveLength(0)

    const event = {
      name: 'push',
      payload: { ref: 'refs/heads/main', commits: [{ id: '1', message: 'UJ-1 UJ-77 fix' }] },
    }
    const found = await runIssues(config({ from: new Set(['commits']) }), api, { ...ENV, event }, () => 0)
    expect(found.issues).toEqual(['UJ-1'])
    expect(found.notices.join('\n')).toMatch(/UJ-77 looks like an issue key but Jira has no such issue/)
  })

  test('a fix version that renders empty is refused before any request', async () => {
    jira.sim.resetLog()
    await expect(
      runIssues(config({ explicitKeys: ['UA-1'], fixVersion: '{{pull-request-url}}' }), api, ENV, () => 0),
    ).rejects.toThrow(/renders as an empty name/)
    expect(jira.sim.requests).toHaveLength(0)
  })
})
