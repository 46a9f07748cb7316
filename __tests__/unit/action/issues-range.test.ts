// The action's `issues` in-process (recording @actions/core) against the Jira and GitHub simulators:
// the range log line, the outputs range / commits / release-notes, and the notices.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { recordingCore } from '../../helpers/fake-core.js'
import { run } from '../../../src/action/main.js'
import { startGitHubApiSimulator, type GitHubApiSimulator } from '../../../simulator/index.js'
import { startJira, type JiraFixture } from '../../../scripts/lib/jira-fixture.js'

let jira: JiraFixture
let github: GitHubApiSimulator
beforeAll(async () => {
  jira = await startJira()
  github = await startGitHubApiSimulator()
  // @actions/github reads GITHUB_API_URL when it loads (on the first GitHub call).
  process.env.GITHUB_API_URL = github.url
})
afterAll(async () => {
  delete process.env.GITHUB_API_URL
  await jira.sim.close()
  await github.close()
})

const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567'

async function runIssues(inputs: Record<string, string>, event: { name: string; payload: unknown }) {
  const { core, calls } = recordingCore({
    ...jira.inputs,
    command: 'issues',
    'github-token': 'ghs_unit',
    ...inputs,
  })
  const dir = mkdtempSync(join(tmpdir(), 'issues-range-'))
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event.payload))
  await run({
    core,
    env: {
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'octo/unit',
      GITHUB_SHA: HEAD_SHA,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_ID: '5',
    },
  })
  const outputs = Object.fromEntries(calls.filter(([n]) => n === 'setOutput').map(([, k, v]) => [k, v]))
  const said = (level: string) => calls.filter(([n]) => n === level).map(([, m]) => String(m))
  return { outputs, said, calls }
}

describe('action issues: the range searched', () => {
  test('a tag push: the one log line, range, commits and release-notes outputs', async () => {
    jira.sim.addIssue({ key: 'UNIT-1', summary: 'Unit change', status: 'In Review' })
    github.deploy.tags.set('octo/unit', [
      { name: 'v1.0.0', sha: 'a'.repeat(40) },
      { name: 'v1.1.0', sha: HEAD_SHA },
    ])
    github.addCompare('octo', 'unit', 'v1.0.0', 'v1.1.0', ['UNIT-1 change', 'chore'])
    const r = await runIssues(
      { transition: 'Deployed' },
      { name: 'push', payload: { ref: 'refs/tags/v1.1.0', before: '0'.repeat(40), after: HEAD_SHA, commits: [] } },
    )
    expect(r.said('setFailed')).toEqual([])
    expect(r.said('info')).toContain('Commits searched: v1.0.0...v1.1.0, 2 commits (since the previous tag).')
    expect(r.outputs).toMatchObject({
      issues: '["UNIT-1"]',
      range: 'v1.0.0...v1.1.0',
      commits: '2',
      'release-notes': `- [UNIT-1](${jira.sim.baseUrl}/browse/UNIT-1) Unit change (Deployed)`,
    })
  })

  test('since none on a push: no commits searched, the notice for no keys in the log', async () => {
    const r = await runIssues(
      { since: 'none' },
      {
        name: 'push',
        payload: { ref: 'refs/heads/main', before: 'b'.repeat(40), after: HEAD_SHA, commits: [{ message: 'UNIT-1' }] },
      },
    )
    expect(r.outputs).toMatchObject({ issues: '[]', range: '', commits: '0', 'release-notes': '' })
    expect(r.said('info')).toContain('Commits searched: none (since: none).')
    expect(r.said('notice')).toContain('No issue keys found; commits searched: none (since: none).')
  })

  test('explicit issues say why no commits were searched; a bad since or environment fails first', async () => {
    jira.sim.addIssue({ key: 'UNIT-2' })
    const explicit = await runIssues({ issues: 'UNIT-2' }, { name: 'push', payload: {} })
    expect(explicit.said('info')).toContain('Commits searched: none (input `issues` names the issues).')
    const badSince = await runIssues({ since: 'v1..v2' }, { name: 'push', payload: {} })
    expect(badSince.said('setFailed')[0]).toMatch(/input `since` is not a git ref/)
    const badEnv = await runIssues({ environment: 'prod\u0007' }, { name: 'push', payload: {} })
    expect(badEnv.said('setFailed')[0]).toMatch(/input `environment` is not a deployment environment name/)
  })

  test('a push to a branch: its own commits, before...after as the range', async () => {
    jira.sim.addIssue({ key: 'UNIT-3' })
    const before = 'c'.repeat(40)
    const r = await runIssues(
      { 'dry-run': 'true' },
      {
        name: 'push',
        payload: { ref: 'refs/heads/main', before, after: HEAD_SHA, commits: [{ message: 'UNIT-3 x' }] },
      },
    )
    expect(r.outputs).toMatchObject({ issues: '["UNIT-3"]', range: `${before}...${HEAD_SHA}`, commits: '1' })
    expect(r.said('info')).toContain(
      `Commits searched: ${before}...${HEAD_SHA}, 1 commit (the push event's own commits).`,
    )
  })
})
