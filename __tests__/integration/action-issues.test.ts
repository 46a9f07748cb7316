import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startGitHubApiSimulator, type GitHubApiSimulator } from '../../simulator/index.js'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'
import { runAction, type ActionRun } from '../../scripts/lib/action-runner.js'
import { PUSH_AFTER, PUSH_BEFORE, pushEvent } from '../helpers/events.js'

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

function issuesInputs(extra: Record<string, string>) {
  return { ...jira.inputs, command: 'issues', ...extra }
}

function run(
  extra: Record<string, string>,
  event?: { name: string; payload: unknown },
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction(issuesInputs(extra), { event, env: { GITHUB_API_URL: github.url, ...env } })
}

interface ResultRow {
  key: string
  statusBefore: string
  statusAfter: string
  transition: string
  comment: string
  link: string
  ok: boolean
  error?: string
}

const results = (r: ActionRun) => JSON.parse(r.outputs.results!) as ResultRow[]
const byKey = (r: ActionRun) => Object.fromEntries(results(r).map((row) => [row.key, row]))

describe('issues: a push', () => {
  test('three keys in the commits: two transitioned, the third reported as already there', async () => {
    jira.sim.addIssue({ key: 'PUSH-1', summary: 'First', status: 'In Review' })
    jira.sim.addIssue({ key: 'PUSH-2', summary: 'Second', status: 'To Do' })
    jira.sim.addIssue({ key: 'PUSH-3', summary: 'Third', status: 'Deployed' })
    const event = pushEvent(['PUSH-1 fix the thing', 'Merge PUSH-2 and PUSH-3', 'chore: bump UTF-8 handling'])
    const r = await run({ transition: 'deployed', projects: 'PUSH' }, event)
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.issues!)).toEqual(['PUSH-1', 'PUSH-2', 'PUSH-3'])
    const rows = byKey(r)
    expect(rows['PUSH-1']).toMatchObject({
      statusBefore: 'In Review',
      statusAfter: 'Deployed',
      transition: 'transitioned',
      ok: true,
    })
    expect(rows['PUSH-2']).toMatchObject({
      statusBefore: 'To Do',
      statusAfter: 'Deployed',
      transition: 'transitioned',
      ok: true,
    })
    expect(rows['PUSH-3']).toMatchObject({
      statusBefore: 'Deployed',
      statusAfter: 'Deployed',
      transition: 'already-in-status',
      ok: true,
    })
    expect(jira.sim.issue('PUSH-3')?.transitionsPerformed ?? []).toHaveLength(0)
    expect(jira.sim.issue('PUSH-1')?.status).toBe('Deployed')
    expect(JSON.parse(r.outputs.failed!)).toEqual([])
    expect(r.summary).toContain(`<a href="${jira.sim.baseUrl}/browse/PUSH-1">PUSH-1</a>`)
    expect(r.summary).toContain('already there')
  })

  test('a discovered key that Jira does not know is skipped with a notice, not failed', async () => {
    jira.sim.addIssue({ key: 'REAL-1' })
    const r = await run({ transition: 'Deployed' }, pushEvent(['REAL-1 and SHA-256 support']))
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.issues!)).toEqual(['REAL-1'])
    expect(r.annotations).toContainEqual({
      level: 'notice',
      message: expect.stringMatching(/SHA-256 looks like an issue key but Jira has no such issue/),
    })
  })

  test('a push with more commits than the payload lists reads the rest from the GitHub API', async () => {
    jira.sim.addIssue({ key: 'BIG-1' })
    jira.sim.addIssue({ key: 'BIG-25' })
    const all = Array.from({ length: 25 }, (_, i) => `BIG-${i + 1} change ${i + 1}`)
    github.addCompare('octo', 'app', PUSH_BEFORE, PUSH_AFTER, all)
    const r = await run({ projects: 'BIG', 'dry-run': 'true', transition: 'Deployed' }, pushEvent(all.slice(0, 20)))
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.issues!)).toEqual(['BIG-1', 'BIG-25'])
    expect(github.requests.some((q) => q.path.includes('/compare/') && q.authorized)).toBe(true)
  })
})

describe('issues: a pull request', () => {
  test('keys in the title, the head branch and the commits', async () => {
    for (const key of ['PR-1', 'PR-2', 'PR-3']) jira.sim.addIssue({ key })
    github.addPullRequestCommits('octo', 'app', 42, ['PR-3: tests'])
    const event = {
      name: 'pull_request',
      payload: {
        number: 42,
        pull_request: {
          number: 42,
          title: 'PR-1: new login',
          body: 'No key here.',
          head: { ref: 'feature/pr-2-login' },
        },
      },
    }
    const r = await run({ comment: 'Built in {{run-url}} for {{pull-request-url}}' }, event, {
      GITHUB_HEAD_REF: 'feature/pr-2-login',
      GITHUB_REF: 'refs/pull/42/merge',
    })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.issues!)).toEqual(['PR-1', 'PR-2', 'PR-3'])
    const body = jira.sim.issue('PR-2')?.comments[0]?.body ?? ''
    expect(body).toContain('https://github.com/octo/app/actions/runs/1001')
    expect(body).toContain('https://github.com/octo/app/pull/42')
  })

  test('without GitHub API access the payload alone is used, with a warning', async () => {
    const event = {
      name: 'pull_request',
      payload: { number: 43, pull_request: { number: 43, title: 'PR-1 again', head: { ref: 'x' } } },
    }
    const r = await run({ 'dry-run': 'true' }, event, { GITHUB_API_URL: 'http://127.0.0.1:9' })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.issues!)).toEqual(['PR-1'])
    expect(r.annotations.some((a) => a.level === 'warning')).toBe(true)
  })

  test('an event with no issue source says to pass issues or jql', async () => {
    const r = await run({ transition: 'Deployed' }, { name: 'issue_comment', payload: {} })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.issues!)).toEqual([])
    expect(r.annotations.find((a) => a.level === 'notice')?.message).toMatch(/issues.*jql|jql.*issues/)
  })
})

describe('issues: re-runs never duplicate', () => {
  test('the same step twice, then as attempt 2: one comment and one remote link per issue, even past the first comment page', async () => {
    jira.sim.addIssue({ key: 'RERUN-1', comments: 120 })
    jira.sim.addIssue({ key: 'RERUN-2' })
    const inputs = {
      issues: 'rerun-1, RERUN-2',
      transition: 'Deployed',
      comment: 'Deployed by {{run-url}} (attempt {{run-attempt}}), now {{status}}',
      link: 'true',
    }
    const first = await run(inputs)
    expect(first.exitCode).toBe(0)
    expect(byKey(first)['RERUN-1']).toMatchObject({ transition: 'transitioned', comment: 'created', link: 'linked' })
    const second = await run(inputs)
    expect(byKey(second)['RERUN-1']).toMatchObject({
      transition: 'already-in-status',
      comment: 'unchanged',
      link: 'linked',
    })
    const third = await run(inputs, undefined, { GITHUB_RUN_ATTEMPT: '2' })
    expect(byKey(third)['RERUN-1']).toMatchObject({ comment: 'updated', link: 'linked' })
    for (const key of ['RERUN-1', 'RERUN-2']) {
      const issue = jira.sim.issue(key)!
      const ours = issue.comments.filter((c) => c.body.includes('Deployed by'))
      expect(ours).toHaveLength(1)
      expect(ours[0]!.body).toContain('(attempt 2)')
      expect(issue.remoteLinks).toHaveLength(1)
      expect(issue.remoteLinks[0]!.object.url).toBe('https://github.com/octo/app/actions/runs/1001')
    }
    expect(jira.sim.issue('RERUN-1')!.comments).toHaveLength(121)
  })

  test('a transition given by name ("Deploy") is recognised as done where Jira says where it leads', async () => {
    jira.sim.addIssue({ key: 'NAME-1', status: 'In Review' })
    jira.sim.addIssue({ key: 'NAME-2', status: 'In Review' })
    expect(byKey(await run({ issues: 'NAME-1', transition: 'Deploy' }))['NAME-1']).toMatchObject({
      transition: 'transitioned',
      statusAfter: 'Deployed',
    })
    // NAME-2 still offers "Deploy" (-> Deployed): the evidence that NAME-1, in Deployed, is there.
    const again = await run({ issues: 'NAME-1 NAME-2', transition: 'Deploy' })
    expect(again.exitCode).toBe(0)
    expect(byKey(again)['NAME-1']).toMatchObject({ transition: 'already-in-status', ok: true })
    expect(byKey(again)['NAME-2']).toMatchObject({ transition: 'transitioned', ok: true })
    expect(jira.sim.issue('NAME-1')!.transitionsPerformed).toHaveLength(1)
  })

  test('a status that only looks like the target is a failure, with the status name suggested', async () => {
    // Nothing tells that "Deploy" leads to "Deployment Failed", "Test" to "Testing" or "Release" to "Releasing".
    const cases = [
      ['GUESS-1', 'Deployment Failed', 'Deploy'],
      ['GUESS-2', 'Testing', 'Test'],
      ['GUESS-3', 'Releasing', 'Release'],
    ] as const
    for (const [key, status, transition] of cases) {
      jira.sim.addIssue({ key, status, transitions: [{ id: '9', name: 'Reopen', to: 'To Do' }] })
      const r = await run({ issues: key, transition })
      expect(r.exitCode).toBe(1)
      expect(byKey(r)[key]).toMatchObject({ transition: 'failed', ok: false })
      expect(byKey(r)[key]!.error).toContain(
        `No transition "${transition}" is available on ${key} (status "${status}")`,
      )
      expect(byKey(r)[key]!.error).toContain(`set input \`transition\` to the status name ("${status}")`)
    }
    // Alone, a re-run after "Deploy" cannot know where Deploy leads: it says how to make it exact.
    jira.sim.addIssue({ key: 'ALONE-1', status: 'In Review' })
    await run({ issues: 'ALONE-1', transition: 'Deploy' })
    const alone = await run({ issues: 'ALONE-1', transition: 'Deploy' })
    expect(byKey(alone)['ALONE-1']!.error).toContain('set input `transition` to the status name ("Deployed")')
    expect(byKey(await run({ issues: 'ALONE-1', transition: 'Deployed' }))['ALONE-1']).toMatchObject({
      transition: 'already-in-status',
      ok: true,
    })
  })

  test('two steps with different text keep their own comments', async () => {
    jira.sim.addIssue({ key: 'TWO-1' })
    await run({ issues: 'TWO-1', comment: 'Build {{run-url}}' })
    await run({ issues: 'TWO-1', comment: 'Tests passed for {{sha}}' })
    await run({ issues: 'TWO-1', comment: 'Build {{run-url}}' })
    expect(jira.sim.issue('TWO-1')!.comments).toHaveLength(2)
  })

  test('a new workflow run posts a new comment', async () => {
    jira.sim.addIssue({ key: 'RUNS-1' })
    await run({ issues: 'RUNS-1', comment: 'Build {{run-url}}' })
    await run({ issues: 'RUNS-1', comment: 'Build {{run-url}}' }, undefined, { GITHUB_RUN_ID: '2002' })
    expect(jira.sim.issue('RUNS-1')!.comments).toHaveLength(2)
  })
})

describe('issues: failures stay with their issue', () => {
  test('unavailable transition, missing required field and missing issue each fail only their issue', async () => {
    jira.sim.addIssue({ key: 'FAIL-1', transitions: [{ id: '11', name: 'Start Progress', to: 'In Progress' }] })
    jira.sim.addIssue({ key: 'FAIL-2' })
    jira.sim.addIssue({ key: 'FAIL-3' })
    const r1 = await run({ issues: 'FAIL-1, FAIL-404, FAIL-3', transition: 'Deployed', comment: 'hi' })
    expect(r1.exitCode).toBe(1)
    const rows = byKey(r1)
    expect(rows['FAIL-1']!.error).toMatch(
      /No transition "Deployed" is available on FAIL-1 \(status "To Do"\)\. Available: "Start Progress" \(-> In Progress\)/,
    )
    expect(rows['FAIL-1']!.comment).toBe('created')
    expect(rows['FAIL-404']!.error).toMatch(/FAIL-404 does not exist, or the Jira user .* cannot see it/)
    expect(rows['FAIL-3']).toMatchObject({ ok: true, transition: 'transitioned' })
    expect(JSON.parse(r1.outputs.failed!)).toEqual(['FAIL-1', 'FAIL-404'])
    expect(JSON.parse(r1.outputs.issues!)).toEqual(['FAIL-1', 'FAIL-3'])
    expect(
      r1.annotations
        .filter((a) => a.level === 'error')
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/FAIL-1[\s\S]*FAIL-404/)

    const r2 = await run({ issues: 'FAIL-2', transition: 'Done' })
    expect(r2.exitCode).toBe(1)
    expect(byKey(r2)['FAIL-2']!.error).toMatch(
      /requires Resolution \(resolution\)[\s\S]*Pass it in input `transition-fields`, e.g. '\{"resolution": \{"name": "Fixed"\}\}'/,
    )
    const r3 = await run({
      issues: 'FAIL-2',
      transition: 'Done',
      'transition-fields': '{"resolution": {"name": "Fixed"}}',
    })
    expect(r3.exitCode).toBe(0)
    expect(jira.sim.issue('FAIL-2')?.status).toBe('Done')
  })

  test('credentials refused mid-run: no new issue is started, every issue is reported, the step fails with the diagnosis', async () => {
    // Jira revokes the token right after answering the first read of AUTH-1.
    let revoke = () => {}
    const own = await startJira({
      onRequest: (r) => {
        // The token is revoked right after the batched read: the first write is refused.
        if (r.path.endsWith('/rest/api/2/search')) revoke()
      },
    })
    try {
      revoke = () => {
        own.sim.revokeToken(own.accessToken)
      }
      for (const key of ['AUTH-1', 'AUTH-2', 'AUTH-3']) own.sim.addIssue({ key, status: 'To Do' })
      const r = await runAction({
        ...own.inputs,
        command: 'issues',
        issues: 'AUTH-1 AUTH-2 AUTH-3',
        transition: 'Deployed',
        concurrency: '1',
      })
      expect(r.exitCode).toBe(1)
      expect(results(r).map((row) => row.key)).toEqual(['AUTH-1', 'AUTH-2', 'AUTH-3'])
      expect(JSON.parse(r.outputs.failed!)).toEqual(['AUTH-1', 'AUTH-2', 'AUTH-3'])
      expect(results(r)[0]!.error).toMatch(/rejected the access token/)
      expect(results(r)[2]!.error).toMatch(/^Not attempted: Jira rejected the access token/)
      expect(r.annotations.at(-1)?.message).toMatch(/rejected the access token[\s\S]*request-token/)
      expect(own.sim.requests.filter((q) => q.path.includes('/AUTH-2') || q.path.includes('/AUTH-3'))).toHaveLength(0)
    } finally {
      await own.sim.close()
    }
  })

  test('fail-on-error false reports failures but passes the step', async () => {
    const r = await run({ issues: 'NOPE-1', transition: 'Deployed', 'fail-on-error': 'false' })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.failed!)).toEqual(['NOPE-1'])
  })

  test('429 with Retry-After and a 503 on the comment POST end with exactly one comment', async () => {
    jira.sim.addIssue({ key: 'RATE-1' })
    jira.sim.injectFault({
      method: 'POST',
      path: '/rest/api/2/issue/RATE-1/comment',
      kind: 'status',
      status: 429,
      retryAfter: 1,
    })
    jira.sim.injectFault({ method: 'POST', path: '/rest/api/2/issue/RATE-1/comment', kind: 'status', status: 503 })
    const r = await run({ issues: 'RATE-1', comment: 'once' })
    expect(r.exitCode).toBe(0)
    expect(jira.sim.issue('RATE-1')!.comments).toHaveLength(1)
  })

  test('a 502 after Jira stored the comment is not retried blindly: re-read, one comment', async () => {
    jira.sim.addIssue({ key: 'AMB-1' })
    jira.sim.injectFault({
      method: 'POST',
      path: '/rest/api/2/issue/AMB-1/comment',
      kind: 'status',
      status: 502,
      afterHandler: true,
    })
    const r = await run({ issues: 'AMB-1', comment: 'once' })
    expect(r.exitCode).toBe(0)
    expect(byKey(r)['AMB-1']!.comment).toBe('created')
    expect(jira.sim.issue('AMB-1')!.comments).toHaveLength(1)
  })
})

describe('issues: ambiguous failures are re-read, never repeated', () => {
  test('a 502 after Jira performed the transition: the status tells, no second POST', async () => {
    jira.sim.addIssue({ key: 'AMBT-1', status: 'To Do' })
    jira.sim.injectFault({
      method: 'POST',
      path: '/rest/api/2/issue/AMBT-1/transitions',
      kind: 'status',
      status: 502,
      afterHandler: true,
    })
    const r = await run({ issues: 'AMBT-1', transition: 'Deployed' })
    expect(r.exitCode).toBe(0)
    expect(byKey(r)['AMBT-1']).toMatchObject({ transition: 'transitioned', statusAfter: 'Deployed' })
    expect(jira.sim.issue('AMBT-1')!.transitionsPerformed).toHaveLength(1)
    expect(jira.sim.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/AMBT-1/transitions'))).toHaveLength(
      1,
    )
  })

  test('a connection reset on the comment and transition POSTs: re-read, then sent once more, exactly once each', async () => {
    jira.sim.addIssue({ key: 'RESET-1', status: 'To Do' })
    jira.sim.injectFault({ method: 'POST', path: '/rest/api/2/issue/RESET-1/transitions', kind: 'reset' })
    jira.sim.injectFault({ method: 'POST', path: '/rest/api/2/issue/RESET-1/comment', kind: 'reset' })
    const r = await run({ issues: 'RESET-1', transition: 'Deployed', comment: 'once' })
    expect(r.exitCode).toBe(0)
    expect(byKey(r)['RESET-1']).toMatchObject({ transition: 'transitioned', comment: 'created' })
    const issue = jira.sim.issue('RESET-1')!
    expect(issue.transitionsPerformed).toHaveLength(1)
    expect(issue.comments).toHaveLength(1)
  })

  test('a comment POST that timed out after Jira stored it is found again, not posted twice', async () => {
    jira.sim.addIssue({ key: 'SLOW-1' })
    jira.sim.injectFault({ method: 'POST', path: '/rest/api/2/issue/SLOW-1/comment', kind: 'latency', ms: 1500 })
    const r = await run({ issues: 'SLOW-1', comment: 'only once', timeout: '1' })
    expect(r.exitCode).toBe(0)
    expect(byKey(r)['SLOW-1']!.comment).toBe('created')
    expect(jira.sim.issue('SLOW-1')!.comments).toHaveLength(1)
  })
})

describe('issues: other ways in', () => {
  test('dry-run changes nothing and says what it would do', async () => {
    jira.sim.addIssue({ key: 'DRY-1', status: 'To Do' })
    const r = await run({ issues: 'DRY-1', transition: 'Deployed', comment: 'x', link: 'true', 'dry-run': 'true' })
    expect(r.exitCode).toBe(0)
    expect(byKey(r)['DRY-1']).toMatchObject({
      transition: 'would-transition',
      comment: 'would-create',
      link: 'would-link',
      statusAfter: 'Deployed',
    })
    const issue = jira.sim.issue('DRY-1')!
    expect(issue.status).toBe('To Do')
    expect(issue.comments).toHaveLength(0)
    expect(issue.remoteLinks).toHaveLength(0)
    expect(jira.sim.requests.filter((q) => q.method !== 'GET' && q.path.includes('DRY-1'))).toHaveLength(0)
    expect(r.summary).toContain('dry run')
  })

  test('jql: every issue the query returns', async () => {
    for (const key of ['JQL-1', 'JQL-2', 'JQL-3']) jira.sim.addIssue({ key, status: 'In Review' })
    const r = await run({ jql: 'project = JQL AND status = "In Review"', transition: 'Deployed', concurrency: '2' })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.issues!).sort()).toEqual(['JQL-1', 'JQL-2', 'JQL-3'])
    const searches = jira.sim.requests.filter((q) => q.path.endsWith('/rest/api/2/search') && q.method === 'POST')
    expect(searches.map((q) => (JSON.parse(q.body) as { jql: string }).jql)).toContain(
      'project = JQL AND status = "In Review"',
    )
  })

  test('jql: every page of a large result', async () => {
    const keys = Array.from({ length: 130 }, (_, i) => `PAGE-${i + 1}`)
    for (const key of keys) jira.sim.addIssue({ key, status: 'In Review' })
    const r = await run({ jql: 'project = PAGE', transition: 'Deployed', 'dry-run': 'true', concurrency: '16' })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.issues!).sort()).toEqual([...keys].sort())
    expect(
      jira.sim.requests.filter(
        (q) =>
          q.method === 'POST' && q.path.endsWith('/rest/api/2/search') && JSON.parse(q.body).jql === 'project = PAGE',
      ).length,
    ).toBeGreaterThanOrEqual(2)
  })

  test('bad inputs fail before any request', async () => {
    const before = jira.sim.requests.length
    for (const [inputs, message] of [
      [{ issues: 'ABC-1, not a key' }, /input `issues`/],
      [{ issues: 'ABC-1', comment: 'see {{run_url}}' }, /input `comment`/],
      [
        { issues: 'ABC-1', transition: 'Done', 'transition-fields': '[1]' },
        /input `transition-fields` must be a JSON object/,
      ],
      [{ issues: 'ABC-1', concurrency: '64' }, /input `concurrency` must be a whole number from 1 to 16/],
    ] as const) {
      const r = await run(inputs)
      expect(r.exitCode).toBe(1)
      expect(r.annotations[0]?.message).toMatch(message)
    }
    expect(jira.sim.requests.length).toBe(before)
  })
})
