// The deploy shortcut, `uses: OWNER/jira-oauth-action/deploy@v1`: the composite action run from where
// the runner downloads an action (_actions/OWNER/REPO/REF/deploy), with only what that download holds
// beside it and no checkout of this repository, against the Jira simulator.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../../scripts/lib/action-runner.js'
import { runCompositeAction } from '../../scripts/lib/composite-runner.js'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { pushEvent } from '../helpers/events.js'

let jira: JiraFixture
let work: string
let actionDir: string

beforeAll(async () => {
  jira = await startJira()
  work = mkdtempSync(join(tmpdir(), 'jira-deploy-action-'))
  const download = join(work, '_actions', 'someone', 'jira-oauth-action', 'v1')
  mkdirSync(download, { recursive: true })
  cpSync(join(ROOT, 'deploy'), join(download, 'deploy'), { recursive: true })
  cpSync(join(ROOT, 'dist'), join(download, 'dist'), { recursive: true })
  actionDir = join(download, 'deploy')
})

afterAll(async () => {
  await jira.sim.close()
  rmSync(work, { recursive: true, force: true })
})

const connection = () => ({
  'base-url': jira.inputs['base-url'],
  'consumer-key': jira.inputs['consumer-key'],
  'private-key': jira.inputs['private-key'],
  'access-token': jira.inputs['access-token'],
})

describe('deploy/ (composite action)', () => {
  test("transitions, comments with the environment and links the run for a push's issues", async () => {
    jira.sim.addIssue({ key: 'DEP-1', summary: 'One', status: 'In Review' })
    jira.sim.addIssue({ key: 'DEP-2', summary: 'Two', status: 'To Do' })
    const run = await runCompositeAction(
      actionDir,
      { ...connection(), transition: 'Deployed', environment: 'staging' },
      { event: pushEvent(['DEP-1 fix', 'DEP-2 and more']) },
    )
    expect(run.last.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.issues ?? '')).toEqual(['DEP-1', 'DEP-2'])
    expect(JSON.parse(run.outputs.failed ?? '')).toEqual([])
    expect(run.outputs.results).toContain('"transition":"transitioned"')
    for (const key of ['DEP-1', 'DEP-2']) {
      const issue = jira.sim.issue(key)
      expect(issue?.status).toBe('Deployed')
      expect(issue?.comments.map((c) => c.body).join('\n')).toContain(
        'Deployed to *staging* by [Deploy #7|https://github.com/octo/app/actions/runs/1001] (0123456).',
      )
      expect(issue?.remoteLinks.map((l) => l.object.url)).toEqual(['https://github.com/octo/app/actions/runs/1001'])
    }
    expect(run.last.summary).toContain('DEP-1')
  })

  test('a personal access token instead of OAuth, with a fix version and labels', async () => {
    jira.sim.addIssue({ key: 'DEPPAT-1', status: 'In Review' })
    const pat = jira.sim.issuePersonalAccessToken()
    const run = await runCompositeAction(
      actionDir,
      {
        'base-url': jira.inputs['base-url'],
        'personal-access-token': pat,
        issues: 'DEPPAT-1',
        transition: 'Deployed',
        'fix-version': 'r-7',
        labels: 'deployed',
      },
      { event: pushEvent(['no keys here']) },
    )
    expect(run.last.exitCode).toBe(0)
    expect(jira.sim.issue('DEPPAT-1')).toMatchObject({ status: 'Deployed', fixVersions: ['r-7'], labels: ['deployed'] })
    expect(JSON.parse(run.outputs.versions ?? '[]')).toMatchObject([{ project: 'DEPPAT', name: 'r-7' }])
    // Masked first thing (the ::add-mask:: the runner consumes), and nowhere else in the log.
    expect(run.last.stdout).toContain(`::add-mask::${pat}`)
    const visible = run.last.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(visible.join('\n')).not.toContain(pat)
  })

  test('a comment given replaces the default one; link: false adds none', async () => {
    jira.sim.addIssue({ key: 'DEP-3', status: 'To Do' })
    const run = await runCompositeAction(
      actionDir,
      { ...connection(), comment: 'Shipped {{short-sha}} to QA.', link: 'false', issues: 'DEP-3' },
      { event: pushEvent(['no keys here']) },
    )
    expect(run.last.exitCode).toBe(0)
    const issue = jira.sim.issue('DEP-3')
    expect(issue?.status).toBe('To Do')
    expect(issue?.comments.map((c) => c.body).join('\n')).toContain('Shipped 0123456 to QA.')
    expect(issue?.remoteLinks).toEqual([])
  })

  test('a failed issue fails the step (fail-on-error) and names it in the outputs', async () => {
    const run = await runCompositeAction(actionDir, { ...connection(), issues: 'DEP-404' }, { event: pushEvent(['x']) })
    expect(run.last.exitCode).not.toBe(0)
    expect(JSON.parse(run.outputs.failed ?? '')).toEqual(['DEP-404'])
  })

  test('expressions stay out of its scripts: inputs reach the step through env', () => {
    // An input expanded into `run:` becomes shell code (an injection) and is written into the script the runner keeps.
    const manifest = parse(readFileSync(join(ROOT, 'deploy', 'action.yml'), 'utf8')) as {
      runs: { steps: { run?: string }[] }
    }
    expect(manifest.runs.steps.length).toBeGreaterThan(0)
    for (const step of manifest.runs.steps) expect(step.run ?? '').not.toMatch(/\$\{\{/)
  })
})
