import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { IssuesApi, type IssueSnapshot } from '../../../src/commands/issues/jira-api.js'
import { updateStep } from '../../../src/commands/issues/update-step.js'
import type { UserFacingError } from '../../../src/core/errors.js'
import type { JiraClient } from '../../../src/jira/client.js'
import { fixtureClient, startJira, type JiraFixture } from '../../../scripts/lib/jira-fixture.js'

let jira: JiraFixture
let client: JiraClient
beforeAll(async () => {
  jira = await startJira()
  client = fixtureClient(jira)
})
afterAll(() => jira.sim.close())

/** The issue as the batched read gives it to the step: with its fix versions and labels. */
async function read(key: string): Promise<IssueSnapshot> {
  const issue = await new IssuesApi(client).getIssue(key, {
    fields: ['summary', 'status', 'project', 'fixVersions', 'labels'],
    expand: [],
  })
  if (!issue) throw new Error(`${key} is missing`)
  return issue
}

const puts = () => jira.sim.requests.filter((r) => r.method === 'PUT').length

test('adds the version and labels in one PUT, keeping what is there; a second run sends nothing', async () => {
  jira.sim.addVersion({ project: 'UPD', name: '0.9' })
  jira.sim.addVersion({ project: 'UPD', name: '1.0' })
  jira.sim.addIssue({ key: 'UPD-1', labels: ['old'], fixVersions: ['0.9'] })
  const request = { fixVersion: '1.0', labels: ['deployed', 'old'] }
  expect(await updateStep(client, await read('UPD-1'), request, true)).toEqual({
    fixVersion: 'would-create',
    labels: 'would-create',
  })
  expect(puts()).toBe(0)
  expect(await updateStep(client, await read('UPD-1'), request, false)).toEqual({
    fixVersion: 'created',
    labels: 'created',
  })
  expect(jira.sim.issue('UPD-1')).toMatchObject({ fixVersions: ['0.9', '1.0'], labels: ['old', 'deployed'] })
  expect(await updateStep(client, await read('UPD-1'), request, false)).toEqual({
    fixVersion: 'unchanged',
    labels: 'unchanged',
  })
  expect(await updateStep(client, await read('UPD-1'), { labels: [] }, false)).toEqual({
    fixVersion: 'not-requested',
    labels: 'not-requested',
  })
  expect(puts()).toBe(1)
})

test('a field off the edit screen is explained; other refusals are reported as Jira says them', async () => {
  jira.sim.addIssue({ key: 'OFF-1' })
  jira.sim.configureProject({ key: 'OFF', fieldsNotOnEditScreen: ['labels'] })
  const error = await updateStep(client, await read('OFF-1'), { labels: ['x'] }, false).catch((e: unknown) => e)
  expect((error as UserFacingError).hint).toMatch(/Labels on OFF-1: the field is not on the issue type's edit screen/)
  await expect(updateStep(client, await read('UPD-1'), { fixVersion: 'nope', labels: [] }, false)).rejects.toThrow(
    /Version name 'nope' is not valid/,
  )
})
