import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { runAction, type ActionRun } from '../../scripts/lib/action-runner.js'

// Fix versions and labels on `issues`, through the bundled action against the simulator.

let jira: JiraFixture
beforeAll(async () => {
  jira = await startJira()
})
afterAll(() => jira.sim.close())

interface ResultRow {
  key: string
  fixVersion: string
  labels: string
  transition: string
  ok: boolean
  error?: string
}
interface VersionRow {
  project: string
  id?: string
  name: string
  released: boolean
  url?: string
  action: string
  error?: string
}

const results = (r: ActionRun) => JSON.parse(r.outputs.results ?? '[]') as ResultRow[]
const byKey = (r: ActionRun) => Object.fromEntries(results(r).map((row) => [row.key, row]))
const versions = (r: ActionRun) => JSON.parse(r.outputs.versions ?? '[]') as VersionRow[]
const creates = () => jira.sim.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/rest/api/2/version'))
const edits = () => jira.sim.requests.filter((q) => q.method === 'PUT' && /\/issue\/[^/]+$/.test(q.path))

function run(extra: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ ...jira.inputs, command: 'issues', ...extra }, { env })
}

// A tag push: {{ref-name}} is the tag.
const TAG = { GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_REF_NAME: 'v2.0.0', GITHUB_REF_TYPE: 'tag' }

describe('issues: fix versions', () => {
  test('two projects: the version is created once in each, added to every issue, released; a re-run changes nothing', async () => {
    for (const key of ['APP-1', 'APP-2', 'WEB-1']) jira.sim.addIssue({ key, status: 'In Review' })
    jira.sim.addVersion({ project: 'APP', name: 'v1.9.0', released: true })
    jira.sim.addIssue({ key: 'APP-3', status: 'Deployed', fixVersions: ['v1.9.0'] })
    const inputs = {
      issues: 'APP-1 APP-2 WEB-1 APP-3',
      transition: 'Deployed',
      'fix-version': '{{ref-name}}',
      'version-description': 'Shipped by {{workflow}}',
      'release-version': 'true',
    }
    jira.sim.resetLog()
    const first = await run(inputs, TAG)
    expect(first.exitCode).toBe(0)
    expect(creates()).toHaveLength(2)
    for (const project of ['APP', 'WEB']) {
      const made = jira.sim.versions(project).filter((v) => v.name === 'v2.0.0')
      expect(made).toHaveLength(1)
      expect(made[0]).toMatchObject({ released: true, description: 'Shipped by {{workflow}}' })
      expect(made[0]!.releaseDate).toBe(new Date().toISOString().slice(0, 10))
    }
    expect(jira.sim.issue('APP-3')!.fixVersions).toEqual(['v1.9.0', 'v2.0.0'])
    expect(jira.sim.issue('WEB-1')!.fixVersions).toEqual(['v2.0.0'])
    expect(results(first).map((r) => r.fixVersion)).toEqual(['created', 'created', 'created', 'created'])
    const app = versions(first).find((v) => v.project === 'APP')!
    expect(app).toMatchObject({ name: 'v2.0.0', released: true, action: 'released' })
    expect(app.url).toBe(`${jira.sim.baseUrl}/projects/APP/versions/${app.id}`)
    expect(first.summary).toContain('Fix version v2.0.0')

    jira.sim.resetLog()
    const again = await run(inputs, TAG)
    expect(again.exitCode).toBe(0)
    expect(creates()).toHaveLength(0)
    expect(edits()).toHaveLength(0)
    expect(results(again).map((r) => r.fixVersion)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged'])
    expect(versions(again).map((v) => v.action)).toEqual(['already-released', 'already-released'])
  })

  test('a failed issue keeps the version unreleased, and says so', async () => {
    jira.sim.addIssue({ key: 'HALF-1', status: 'In Review' })
    jira.sim.addIssue({ key: 'HALF-2', status: 'In Review', transitions: [] })
    const r = await run({
      issues: 'HALF-1 HALF-2',
      transition: 'Deployed',
      'fix-version': 'half-1.0',
      'release-version': 'true',
    })
    expect(r.exitCode).toBe(1)
    expect(JSON.parse(r.outputs.failed!)).toEqual(['HALF-2'])
    expect(jira.sim.versions('HALF')).toMatchObject([{ name: 'half-1.0', released: false }])
    expect(versions(r)).toMatchObject([{ project: 'HALF', action: 'not-released', released: false }])
    expect(r.stdout).toContain('Version "half-1.0" was not released: some issues failed')
  })

  test('two runs racing to create the version end with one; a concurrent create is read again', async () => {
    jira.sim.addIssue({ key: 'RACEV-1' })
    jira.sim.raceVersionCreation('RACEV', '3.0')
    const r = await run({ issues: 'RACEV-1', 'fix-version': '3.0' })
    expect(r.exitCode).toBe(0)
    expect(jira.sim.versions('RACEV').filter((v) => v.name === '3.0')).toHaveLength(1)
    expect(versions(r)).toMatchObject([{ action: 'found' }])
    expect(jira.sim.issue('RACEV-1')!.fixVersions).toEqual(['3.0'])

    // Two whole runs at once, on two issues of a new project: still one version.
    jira.sim.addIssue({ key: 'PAR-1' })
    jira.sim.addIssue({ key: 'PAR-2' })
    jira.sim.gatherRequests({ method: 'POST', path: /^\/rest\/api\/2\/version$/, count: 2, timeoutMs: 2000 })
    const [a, b] = await Promise.all([
      run({ issues: 'PAR-1 PAR-2', 'fix-version': '4.0' }),
      run({ issues: 'PAR-1 PAR-2', 'fix-version': '4.0' }),
    ])
    expect([a.exitCode, b.exitCode]).toEqual([0, 0])
    expect(jira.sim.versions('PAR').filter((v) => v.name === '4.0')).toHaveLength(1)
    expect(jira.sim.issue('PAR-1')!.fixVersions).toEqual(['4.0'])
  })

  test('no permission to create versions, and an archived version: the project fails, in words; others go on', async () => {
    jira.sim.addIssue({ key: 'LOCKED-1' })
    jira.sim.configureProject({ key: 'LOCKED', administrators: ['someone.else'] })
    jira.sim.addIssue({ key: 'ARCH-1' })
    jira.sim.addVersion({ project: 'ARCH', name: '5.0', archived: true })
    jira.sim.addIssue({ key: 'FINE-1' })
    const r = await run({
      issues: 'LOCKED-1 ARCH-1 FINE-1',
      'fix-version': '5.0',
      labels: 'shipped',
      'fail-on-error': 'false',
    })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.failed!)).toEqual(['LOCKED-1', 'ARCH-1'])
    expect(byKey(r)['LOCKED-1']!.error).toMatch(/Administer Projects permission in LOCKED/)
    // The version failed for the project; the labels of its issues still went on.
    expect(byKey(r)['LOCKED-1']).toMatchObject({ fixVersion: 'failed', labels: 'created' })
    expect(jira.sim.issue('LOCKED-1')!.labels).toEqual(['shipped'])
    expect(byKey(r)['ARCH-1']!.error).toMatch(/Version "5.0" in ARCH is archived/)
    expect(byKey(r)['FINE-1']).toMatchObject({ fixVersion: 'created', ok: true })
    expect(versions(r).find((v) => v.project === 'LOCKED')).toMatchObject({ action: 'failed' })
  })

  test('dry-run creates, changes and releases nothing, and says what it would do', async () => {
    jira.sim.addIssue({ key: 'DRYV-1', labels: ['kept'] })
    jira.sim.resetLog()
    const r = await run({
      issues: 'DRYV-1',
      'fix-version': '9.9',
      labels: 'deployed',
      'release-version': 'true',
      'dry-run': 'true',
    })
    expect(r.exitCode).toBe(0)
    expect(jira.sim.requests.filter((q) => q.method !== 'GET' && !q.path.endsWith('/search'))).toHaveLength(0)
    expect(byKey(r)['DRYV-1']).toMatchObject({ fixVersion: 'would-create', labels: 'would-create' })
    expect(versions(r)).toMatchObject([{ project: 'DRYV', name: '9.9', action: 'would-release' }])
    expect(jira.sim.versions('DRYV')).toHaveLength(0)
  })
})

describe('issues: labels', () => {
  test('added without removing the labels there; a field off the edit screen is explained', async () => {
    jira.sim.addIssue({ key: 'LAB-1', labels: ['existing'] })
    jira.sim.addIssue({ key: 'NOSCREEN-1' })
    jira.sim.configureProject({ key: 'NOSCREEN', fieldsNotOnEditScreen: ['labels'] })
    const r = await run({ issues: 'LAB-1 NOSCREEN-1', labels: 'deployed, prod', 'fail-on-error': 'false' })
    expect(jira.sim.issue('LAB-1')!.labels).toEqual(['existing', 'deployed', 'prod'])
    expect(byKey(r)['LAB-1']).toMatchObject({ labels: 'created', ok: true })
    expect(byKey(r)['NOSCREEN-1']!.error).toMatch(/not on the issue type's edit screen/)
  })

  test('a label with a space is refused before any request, naming the input', async () => {
    jira.sim.resetLog()
    const r = await run({ issues: 'LAB-1', labels: 'ready for qa' })
    expect(r.exitCode).toBe(1)
    expect(r.annotations.at(-1)?.message).toMatch(/input `labels` has a label with spaces: "ready for qa"/)
    expect(jira.sim.requests).toHaveLength(0)
  })

  test('release-version without fix-version is refused before any request', async () => {
    jira.sim.resetLog()
    const r = await run({ issues: 'LAB-1', 'release-version': 'true' })
    expect(r.exitCode).toBe(1)
    expect(r.annotations.at(-1)?.message).toMatch(/input `release-version` is true but input `fix-version` is not set/)
    expect(jira.sim.requests).toHaveLength(0)
  })
})
