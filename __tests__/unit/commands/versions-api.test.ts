import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { findOrCreateVersion, releaseVersion } from '../../../src/commands/issues/versions-api.js'
import { UserFacingError } from '../../../src/core/errors.js'
import type { JiraClient } from '../../../src/jira/client.js'
import { fixtureClient, startJira, type JiraFixture } from '../../../scripts/lib/jira-fixture.js'

let jira: JiraFixture
let client: JiraClient
beforeAll(async () => {
  jira = await startJira()
  client = fixtureClient(jira)
  jira.sim.addIssue({ key: 'ONE-1' })
  jira.sim.addIssue({ key: 'LCK-1' })
  jira.sim.configureProject({ key: 'LCK', administrators: ['nobody'] })
})
afterAll(() => jira.sim.close())

describe('findOrCreateVersion', () => {
  test('creates once; the second call finds it', async () => {
    const first = await findOrCreateVersion(client, 'ONE', '1.0', 'Notes')
    expect(first.created).toBe(true)
    const second = await findOrCreateVersion(client, 'ONE', '1.0', undefined)
    expect(second).toEqual({ version: expect.objectContaining({ id: first.version.id }), created: false })
    expect(jira.sim.versions('ONE')).toHaveLength(1)
  })

  test('a lost race (the duplicate 400) reads again and goes on, leaving one version', async () => {
    jira.sim.raceVersionCreation('ONE', '2.0')
    expect((await findOrCreateVersion(client, 'ONE', '2.0', undefined)).created).toBe(false)
    expect(jira.sim.versions('ONE').filter((v) => v.name === '2.0')).toHaveLength(1)
  })

  test('no permission and a refused name are explained', async () => {
    await expect(findOrCreateVersion(client, 'LCK', '1.0', undefined)).rejects.toThrow(/may not create versions in it/)
    const error = await findOrCreateVersion(client, 'LCK', '1.0', undefined).catch((e: unknown) => e)
    expect((error as UserFacingError).hint).toMatch(/Administer Projects/)
    await expect(findOrCreateVersion(client, 'ONE', 'x'.repeat(256), undefined)).rejects.toThrow(
      /refused the version name/,
    )
  })
})

describe('releaseVersion', () => {
  test('releases with today, leaves a released one, explains missing rights', async () => {
    const { version } = await findOrCreateVersion(client, 'ONE', '3.0', undefined)
    expect(await releaseVersion(client, 'ONE', version, Date.UTC(2026, 11, 2))).toBe('released')
    expect(jira.sim.versions('ONE').find((v) => v.id === version.id)).toMatchObject({
      released: true,
      releaseDate: '2026-12-02',
    })
    expect(await releaseVersion(client, 'ONE', { ...version, released: true }, 0)).toBe('already-released')
    const locked = jira.sim.addVersion({ project: 'LCK', name: '9' })
    const error = await releaseVersion(client, 'LCK', locked, 0).catch((e: unknown) => e)
    expect((error as UserFacingError).hint).toMatch(/Administer Projects/)
  })
})
