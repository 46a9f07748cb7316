import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { runAction, type ActionRun } from '../../scripts/lib/action-runner.js'
import type { RecordedRequest } from '../../simulator/index.js'

// The `issues` flow's reads and writes, counted at the simulator: one search per 100 issues,
// only the writes that are needed, and the fallbacks where Jira's answer is not complete.

let jira: JiraFixture
beforeAll(async () => {
  jira = await startJira()
})
afterAll(() => jira.sim.close())
beforeEach(() => {
  jira.sim.configureSearch({ commentCap: 1000, expandTransitions: true })
})

interface ResultRow {
  key: string
  transition: string
  comment: string
  link: string
  ok: boolean
  error?: string
  notes: string[]
}

const results = (r: ActionRun) => JSON.parse(r.outputs.results ?? '[]') as ResultRow[]
const byKey = (r: ActionRun) => Object.fromEntries(results(r).map((row) => [row.key, row]))
const keysOf = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`)

function run(extra: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ ...jira.inputs, command: 'issues', ...extra }, { env })
}

/** The requests since the log was reset, as "METHOD path-after-rest/api/2". */
function requestsSince(): string[] {
  return jira.sim.requests.map((r: RecordedRequest) => `${r.method} ${r.path.replace(/^.*\/rest\/api\/2/, '')}`)
}

const count = (lines: string[], pattern: RegExp) => lines.filter((l) => pattern.test(l)).length

const DEPLOY = { transition: 'Deployed', comment: 'Deployed in {{run-url}}', link: 'true' }

describe('issues: requests per issue', () => {
  test('first run: one search, then only the writes; a re-run that changes nothing: one search and the link upserts', async () => {
    const keys = keysOf('BULK', 20)
    for (const key of keys) jira.sim.addIssue({ key, status: 'In Review', comments: 3 })
    jira.sim.resetLog()
    const first = await run({ ...DEPLOY, issues: keys.join(' ') })
    expect(first.exitCode).toBe(0)
    const made = requestsSince()
    // myself, the batched read, 3 writes per issue, the read-back of the comments posted.
    expect(count(made, /^POST \/search$/)).toBe(2)
    expect(count(made, /^GET \/issue\//)).toBe(0)
    expect(count(made, /^POST \/issue\/BULK-\d+\/transitions$/)).toBe(20)
    expect(count(made, /^POST \/issue\/BULK-\d+\/comment$/)).toBe(20)
    expect(count(made, /^POST \/issue\/BULK-\d+\/remotelink$/)).toBe(20)
    expect(made.length).toBe(63)
    expect(made.length / keys.length).toBeLessThanOrEqual(3.2)
    expect(results(first).every((r) => r.transition === 'transitioned' && r.comment === 'created')).toBe(true)

    jira.sim.resetLog()
    const again = await run({ ...DEPLOY, issues: keys.join(' ') })
    expect(again.exitCode).toBe(0)
    const rerun = requestsSince()
    expect(rerun.filter((l) => !/^POST \/issue\/BULK-\d+\/remotelink$/.test(l))).toEqual([
      'GET /myself',
      'POST /search',
    ])
    expect(rerun.length / keys.length).toBeLessThanOrEqual(1.2)
    for (const key of keys) {
      const issue = jira.sim.issue(key)!
      expect(issue.comments.filter((c) => c.body.includes('Deployed in'))).toHaveLength(1)
      expect(issue.remoteLinks).toHaveLength(1)
      expect(issue.transitionsPerformed).toHaveLength(1)
    }
  })

  test('the batched read asks only for the fields the steps use', async () => {
    jira.sim.addIssue({ key: 'FIELDS-1' })
    jira.sim.addIssue({ key: 'FIELDS-2' })
    jira.sim.resetLog()
    await run({ issues: 'FIELDS-1 FIELDS-2', link: 'true' })
    const search = jira.sim.requests.find((r) => r.path.endsWith('/search'))!
    expect(JSON.parse(search.body)).toMatchObject({
      jql: 'key in ("FIELDS-1","FIELDS-2")',
      fields: ['summary', 'status', 'project'],
      validateQuery: false,
    })
    jira.sim.resetLog()
    await run({ issues: 'FIELDS-1 FIELDS-2', comment: 'x', transition: 'Deployed' })
    const second = JSON.parse(jira.sim.requests.find((r) => r.path.endsWith('/search'))!.body) as Record<
      string,
      unknown
    >
    expect(second.fields).toEqual(['summary', 'status', 'project', 'comment'])
    expect(second.expand).toEqual(['transitions', 'transitions.fields'])
  })

  test('150 keys: two searches of at most 100 keys', async () => {
    const keys = keysOf('WIDE', 150)
    for (const key of keys) jira.sim.addIssue({ key, status: 'Deployed' })
    jira.sim.resetLog()
    const r = await run({ issues: keys.join(','), transition: 'Deployed', concurrency: '16' })
    expect(r.exitCode).toBe(0)
    const searches = jira.sim.requests.filter((q) => q.path.endsWith('/search'))
    expect(searches.map((q) => (JSON.parse(q.body) as { jql: string }).jql.split(',').length)).toEqual([100, 50])
    expect(requestsSince()).toHaveLength(3)
  })
})

describe('issues: the writes of one issue', () => {
  /** The transition, comment and link requests of `key`, from the simulator's log. */
  function writesOf(key: string) {
    const write = (kind: string) => {
      const found = jira.sim.requests.find((r) => r.method === 'POST' && r.path.endsWith(`/issue/${key}/${kind}`))
      if (!found?.answeredAt) throw new Error(`no answered POST .../${kind} for ${key}`)
      return { receivedAt: found.receivedAt, answeredAt: found.answeredAt }
    }
    return { transition: write('transitions'), comment: write('comment'), link: write('remotelink') }
  }

  test('the comment and the link do not wait for a slow transition', async () => {
    jira.sim.addIssue({ key: 'PAR-1', status: 'In Review' })
    jira.sim.resetLog()
    jira.sim.injectFault({ method: 'POST', path: '/rest/api/2/issue/PAR-1/transitions', kind: 'latency', ms: 400 })
    const done = await run({ ...DEPLOY, issues: 'PAR-1' })
    expect(done.exitCode).toBe(0)
    const { transition, comment, link } = writesOf('PAR-1')
    // Both were sent while the transition was still unanswered.
    expect(comment.receivedAt).toBeLessThan(transition.answeredAt)
    expect(link.receivedAt).toBeLessThan(transition.answeredAt)
  })

  test('a comment that shows {{status}} is sent only after the transition is answered', async () => {
    jira.sim.addIssue({ key: 'PAR-2', status: 'In Review' })
    jira.sim.resetLog()
    jira.sim.injectFault({ method: 'POST', path: '/rest/api/2/issue/PAR-2/transitions', kind: 'latency', ms: 400 })
    const done = await run({ ...DEPLOY, comment: 'Now {{status}}', issues: 'PAR-2' })
    expect(done.exitCode).toBe(0)
    const { transition, comment, link } = writesOf('PAR-2')
    expect(comment.receivedAt).toBeGreaterThanOrEqual(transition.answeredAt)
    expect(link.receivedAt).toBeLessThan(transition.answeredAt)
    expect(jira.sim.issue('PAR-2')?.comments.at(-1)?.body).toContain('Now Deployed')
  })
})

describe('issues: where the batched answer is not complete', () => {
  test('unknown keys among explicit ones: the search drops them, they alone are read again, and fail', async () => {
    jira.sim.addIssue({ key: 'MIX-1' })
    jira.sim.addIssue({ key: 'MIX-2' })
    jira.sim.resetLog()
    const r = await run({ issues: 'MIX-1 MIX-404 GONE-7 MIX-2', transition: 'Deployed', 'fail-on-error': 'false' })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.failed!)).toEqual(['MIX-404', 'GONE-7'])
    expect(byKey(r)['MIX-404']!.error).toMatch(/MIX-404 does not exist/)
    expect(byKey(r)['MIX-1']).toMatchObject({ transition: 'transitioned', ok: true })
    const made = requestsSince()
    expect(count(made, /^POST \/search$/)).toBe(1)
    expect(made.filter((l) => l.startsWith('GET /issue/')).sort()).toEqual(['GET /issue/GONE-7', 'GET /issue/MIX-404'])
  })

  test('a comment field that holds fewer comments than its total is paged with the comment endpoint', async () => {
    jira.sim.configureSearch({ commentCap: 5 })
    jira.sim.addIssue({ key: 'CAP-1', comments: 120 })
    jira.sim.addIssue({ key: 'CAP-2', comments: 2 })
    const inputs = { issues: 'CAP-1 CAP-2', comment: 'Shipped {{run-number}}' }
    expect((await run(inputs)).exitCode).toBe(0)
    jira.sim.resetLog()
    const again = await run(inputs)
    expect(byKey(again)['CAP-1']!.comment).toBe('unchanged')
    expect(byKey(again)['CAP-2']!.comment).toBe('unchanged')
    const made = requestsSince()
    // Only CAP-1 (121 comments, 5 in the search) is paged; CAP-2's 3 comments came whole.
    expect(made.filter((l) => l.startsWith('GET /issue/CAP-1/comment'))).toHaveLength(3)
    expect(count(made, /^GET \/issue\/CAP-2/)).toBe(0)
    expect(jira.sim.issue('CAP-1')!.comments.filter((c) => c.body.includes('Shipped'))).toHaveLength(1)
  })

  test('without expand=transitions in search, transitions are read per issue, only where one is needed', async () => {
    jira.sim.configureSearch({ expandTransitions: false })
    jira.sim.addIssue({ key: 'NOEX-1', status: 'In Review' })
    jira.sim.addIssue({ key: 'NOEX-2', status: 'Deployed' })
    jira.sim.resetLog()
    const r = await run({ issues: 'NOEX-1 NOEX-2', transition: 'Deployed' })
    expect(byKey(r)['NOEX-1']!.transition).toBe('transitioned')
    expect(byKey(r)['NOEX-2']!.transition).toBe('already-in-status')
    expect(requestsSince().filter((l) => l.includes('/transitions'))).toEqual([
      'GET /issue/NOEX-1/transitions',
      'POST /issue/NOEX-1/transitions',
    ])
  })

  test('a Jira that refuses the batched search is read per issue', async () => {
    jira.sim.addIssue({ key: 'OLD-1' })
    jira.sim.addIssue({ key: 'OLD-2' })
    jira.sim.injectFault({ kind: 'status', method: 'POST', path: '/rest/api/2/search', status: 400 })
    jira.sim.resetLog()
    const r = await run({ issues: 'OLD-1 OLD-2', transition: 'Deployed' })
    expect(r.exitCode).toBe(0)
    // Each issue read alone, its transitions with it (expand=transitions.fields on GET).
    expect(requestsSince().filter((l) => l.startsWith('GET /issue/'))).toEqual(['GET /issue/OLD-1', 'GET /issue/OLD-2'])
  })
})

describe('issues: a search index behind the database', () => {
  test('a re-run right after a run, while search still shows the issues before it: no duplicate, no false failure', async () => {
    const keys = keysOf('LAG', 3)
    for (const key of keys) jira.sim.addIssue({ key, status: 'In Review' })
    // Jira reindexes asynchronously: freeze the index now, so the next search shows the issues as they were.
    jira.sim.configureSearch({ staleIndex: true })
    try {
      const inputs = { ...DEPLOY, issues: keys.join(' ') }
      expect((await run(inputs)).exitCode).toBe(0)
      jira.sim.resetLog()
      const again = await run(inputs)
      expect(again.exitCode).toBe(0)
      for (const key of keys) {
        const issue = jira.sim.issue(key)!
        expect(issue.comments.filter((c) => c.body.includes('Deployed in'))).toHaveLength(1)
        expect(issue.transitionsPerformed).toHaveLength(1)
      }
      // The stale search hid the comments and the status: each issue was read again from the database.
      expect(results(again).map((r) => r.transition)).toEqual([
        'already-in-status',
        'already-in-status',
        'already-in-status',
      ])
      const made = requestsSince()
      expect(made.filter((l) => /^GET \/issue\/LAG-\d\/comment/.test(l)).length).toBeGreaterThanOrEqual(3)
    } finally {
      jira.sim.configureSearch({ staleIndex: false })
    }
  })
})

describe('issues: racing runs and resends', () => {
  test('two runs started together end with one comment per issue, and say so', async () => {
    const keys = keysOf('RACE', 10)
    for (const key of keys) jira.sim.addIssue({ key })
    // Both runs read "no comment yet", then both post: held until the other's POST has arrived.
    jira.sim.gatherRequests({ method: 'POST', path: /^\/rest\/api\/2\/issue\/RACE-\d+\/comment$/, count: 2 })
    const inputs = { issues: keys.join(' '), comment: 'Deployed by {{workflow}}' }
    const [a, b] = await Promise.all([run(inputs), run(inputs)])
    expect(a.exitCode).toBe(0)
    expect(b.exitCode).toBe(0)
    for (const key of keys) {
      const ours = jira.sim.issue(key)!.comments.filter((c) => c.body.includes('Deployed by'))
      expect(ours).toHaveLength(1)
    }
    const notes = [...results(a), ...results(b)].flatMap((r) => r.notes).join('\n')
    expect(notes).toMatch(/posted by a run at the same time|A run at the same time posted this step's comment too/)
  })

  test('a resend after a re-read is reported as a resend, not as "not retried"', async () => {
    jira.sim.addIssue({ key: 'RESEND-1' })
    // Two connection resets: Jira never stored the comment; the step re-reads, sends once more, fails again.
    jira.sim.injectFault({ kind: 'reset', method: 'POST', path: '/rest/api/2/issue/RESEND-1/comment', times: 2 })
    const r = await run({ issues: 'RESEND-1', comment: 'Hello', 'fail-on-error': 'false' })
    const error = byKey(r)['RESEND-1']!.error ?? ''
    expect(error).toMatch(/Jira had not carried it out, so it was sent once more/)
    expect(error).not.toMatch(/not retried/)
    expect(jira.sim.issue('RESEND-1')!.comments).toHaveLength(0)
  })
})

describe('issues: remote link titles', () => {
  test('are plain text, as given: no wiki escaping shows up in Jira', async () => {
    jira.sim.addIssue({ key: 'TITLE-1' })
    const r = await run(
      { issues: 'TITLE-1', link: 'true', 'link-title': '{{workflow}} [x] #{{run-number}}!' },
      { GITHUB_WORKFLOW: 'build-and-deploy' },
    )
    expect(r.exitCode).toBe(0)
    expect(jira.sim.issue('TITLE-1')!.remoteLinks[0]!.object.title).toBe('build-and-deploy [x] #7!')
  })
})
