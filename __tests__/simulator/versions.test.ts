import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { referenceRequest, type JiraSimulator } from '../../simulator/index.js'
import { CONSUMER_KEY, PRIVATE_KEY, startJira } from '../../scripts/lib/jira-fixture.js'

let sim: JiraSimulator
let token: string
beforeAll(async () => {
  const jira = await startJira()
  sim = jira.sim
  token = jira.accessToken
  sim.addIssue({ key: 'VER-1' })
  sim.addIssue({ key: 'LOCK-1' })
  sim.configureProject({ key: 'LOCK', administrators: ['someone.else'] })
})
afterAll(() => sim.close())

const call = async (method: string, path: string, body?: unknown) => {
  const res = await referenceRequest({
    method,
    url: `${sim.baseUrl}/rest/api/2${path}`,
    consumerKey: CONSUMER_KEY,
    privateKeyPem: PRIVATE_KEY,
    token,
    ...(body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
  })
  return { status: res.status, json: res.body ? (JSON.parse(res.body) as Record<string, unknown>) : undefined }
}

describe('Jira simulator: versions', () => {
  it('creates a version once per project: a second create of the name, in any case, is the 400 duplicate', async () => {
    const created = await call('POST', '/version', { name: '1.4.0', project: 'VER', description: 'First' })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ name: '1.4.0', released: false, archived: false, description: 'First' })
    expect(await call('POST', '/version', { name: '1.4.0', project: 'VER' })).toEqual({
      status: 400,
      json: { errorMessages: [], errors: { name: 'A version with this name already exists in this project.' } },
    })
    expect((await call('POST', '/version', { name: '1.4.0 ', project: 'VER' })).status).toBe(201)
    expect((await call('POST', '/version', { name: '', project: 'VER' })).json).toMatchObject({
      errors: { name: 'You must specify a valid version name' },
    })
    const list = await call('GET', '/project/VER/versions')
    expect(list.status).toBe(200)
    expect((list.json as unknown as { name: string }[]).map((v) => v.name)).toEqual(['1.4.0', '1.4.0 '])
  })

  it('answers the unknown project and the missing permission as Jira does', async () => {
    expect((await call('GET', '/project/NOPE/versions')).json).toMatchObject({
      errorMessages: ["No project could be found with key 'NOPE'."],
    })
    const refused = await call('POST', '/version', { name: '1.0', project: 'LOCK' })
    expect(refused.status).toBe(404)
    expect(refused.json).toMatchObject({
      errorMessages: [
        "Project with key 'LOCK' either does not exist or you do not have permission to create versions in it.",
      ],
    })
    const locked = sim.addVersion({ project: 'LOCK', name: '1.0' })
    const release = await call('PUT', `/version/${locked.id}`, { released: true, releaseDate: '2026-12-02' })
    expect(release.status).toBe(400)
    // Jira repeats the message (seen on a live server).
    const notAdmin = 'You must have global or project administrator rights in order to modify versions.'
    expect(release.json).toMatchObject({ errorMessages: [notAdmin, notAdmin] })
  })

  it('releases with a date, refuses releaseDate together with userReleaseDate', async () => {
    const v = sim.addVersion({ project: 'VER', name: '2.0' })
    expect(
      (await call('PUT', `/version/${v.id}`, { releaseDate: '2026-12-02', userReleaseDate: '02/Dec/26' })).status,
    ).toBe(400)
    const released = await call('PUT', `/version/${v.id}`, { released: true, releaseDate: '2026-12-02' })
    expect(released.json).toMatchObject({ released: true, releaseDate: '2026-12-02', userReleaseDate: '02/Dec/26' })
    expect(sim.versions('VER').find((x) => x.id === v.id)).toMatchObject({ released: true })
    expect((await call('GET', '/version/99999')).status).toBe(404)
  })

  it('a rigged race: the version appears just before the create, which then gets the duplicate 400', async () => {
    sim.raceVersionCreation('VER', '3.0')
    expect((await call('POST', '/version', { name: '3.0', project: 'VER' })).status).toBe(400)
    expect(sim.versions('VER').filter((v) => v.name === '3.0')).toHaveLength(1)
  })
})

describe('Jira simulator: fix versions and labels on an issue', () => {
  it('adds with `update`, keeps what is there, and shows both in GET and search fields', async () => {
    sim.addVersion({ project: 'VER', name: '5.0' })
    sim.addIssue({ key: 'VER-5', labels: ['keep'], fixVersions: ['5.0'] })
    const v = sim.addVersion({ project: 'VER', name: '5.1' })
    const put = await call('PUT', '/issue/VER-5', {
      update: { fixVersions: [{ add: { name: '5.1' } }], labels: [{ add: 'deployed' }, { add: 'keep' }] },
    })
    expect(put.status).toBe(204)
    expect(sim.issue('VER-5')).toMatchObject({ fixVersions: ['5.0', '5.1'], labels: ['keep', 'deployed'] })
    const got = await call('GET', '/issue/VER-5?fields=fixVersions,labels')
    expect(got.json?.fields).toMatchObject({
      labels: ['keep', 'deployed'],
      fixVersions: [{ name: '5.0' }, { id: v.id }],
    })
    const found = await call('POST', '/search', { jql: 'key = VER-5', fields: ['labels'] })
    expect((found.json as { issues: { fields: unknown }[] }).issues[0]!.fields).toEqual({
      labels: ['keep', 'deployed'],
    })
  })

  it("refuses a field off the edit screen, an unknown or archived version and a label with spaces, in Jira's words", async () => {
    sim.addIssue({ key: 'SCR-1' })
    sim.configureProject({ key: 'SCR', fieldsNotOnEditScreen: ['fixVersions'] })
    expect(await call('PUT', '/issue/SCR-1', { update: { fixVersions: [{ add: { name: 'x' } }] } })).toEqual({
      status: 400,
      json: {
        errorMessages: [],
        errors: { fixVersions: "Field 'fixVersions' cannot be set. It is not on the appropriate screen, or unknown." },
      },
    })
    sim.addVersion({ project: 'VER', name: 'old', archived: true })
    expect(
      (await call('PUT', '/issue/VER-1', { update: { fixVersions: [{ add: { name: 'old' } }] } })).json,
    ).toMatchObject({
      errors: { fixVersions: "Version name 'old' is not valid" },
    })
    expect(
      (await call('PUT', '/issue/VER-1', { update: { labels: [{ add: 'Test Application' }] } })).json,
    ).toMatchObject({
      errors: { labels: "The label 'Test Application' contains spaces which is invalid." },
    })
    expect(sim.issue('VER-1')?.labels).toBeUndefined()
  })
})
