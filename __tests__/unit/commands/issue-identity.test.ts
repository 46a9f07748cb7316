import { describe, expect, test } from '@jest/globals'
import { sendWithoutDuplicates } from '../../../src/commands/issues/ambiguity.js'
import { commentMarker, withMarker } from '../../../src/commands/issues/comment-marker.js'
import { JiraConnectionError } from '../../../src/jira/errors.js'
import { runGlobalId, runRemoteLink } from '../../../src/commands/issues/link-step.js'
import { findTransition, reportedTargets } from '../../../src/commands/issues/transition-step.js'

const identity = {
  repository: 'octo/app',
  runId: '1001',
  job: 'deploy',
  step: '__jira',
  template: 'Deployed {{run-url}}',
}

describe('comment marker', () => {
  test('the same for every attempt of a step; different for another step, job, run or text', () => {
    const marker = commentMarker(identity)
    expect(marker).toMatch(/^\{anchor:jira-oauth-action-[0-9a-f]{20}\}$/)
    expect(commentMarker({ ...identity })).toBe(marker)
    for (const change of [
      { step: 'other' },
      { job: 'deploy-eu' },
      { runId: '1002' },
      { template: 'Tested {{run-url}}' },
      { repository: 'octo/other' },
    ]) {
      expect(commentMarker({ ...identity, ...change })).not.toBe(marker)
    }
  })

  test('sits on its own line at the end', () => {
    expect(withMarker('Deployed.\n\n', '{anchor:x}')).toBe('Deployed.\n{anchor:x}')
  })
})

describe('remote link', () => {
  test('globalId from the run, at most 255 characters', () => {
    expect(runGlobalId('https://github.com/o/r/actions/runs/1')).toBe(
      'jira-oauth-action:https://github.com/o/r/actions/runs/1',
    )
    const long = runGlobalId(`https://github.example.com/${'x'.repeat(300)}/actions/runs/1`)
    expect(long.length).toBeLessThanOrEqual(255)
    expect(long).toMatch(/^jira-oauth-action:sha256:[0-9a-f]{64}$/)
    expect(runRemoteLink('https://u', 't'.repeat(400)).object.title).toHaveLength(255)
  })
})

describe('findTransition', () => {
  const transitions = [
    { id: '1', name: 'Deploy', to: { name: 'Deployed' } },
    { id: '2', name: 'Close', to: { name: 'Done' } },
  ]
  test('by transition name or target status, case-insensitively; name wins', () => {
    expect(findTransition(transitions, 'deploy')?.id).toBe('1')
    expect(findTransition(transitions, 'DONE')?.id).toBe('2')
    expect(findTransition([...transitions, { id: '3', name: 'Done', to: { name: 'Closed' } }], 'done')?.id).toBe('3')
    expect(findTransition(transitions, 'Released')).toBeUndefined()
  })
})

describe('reportedTargets', () => {
  const deploy = (to: string) => ({ id: '1', name: 'Deploy', to: { name: to } })
  test('only where Jira said the requested transition leads, never a similar name', () => {
    const request = { name: 'deploy' }
    expect([...reportedTargets(request, [[deploy('Deployed')], []])]).toEqual(['deployed'])
    // "Deployment Failed" shares a stem with "Deploy" but nothing says Deploy leads there.
    expect(reportedTargets(request, [[{ id: '2', name: 'Fail', to: { name: 'Deployment Failed' } }]]).size).toBe(0)
    expect(reportedTargets(request, []).size).toBe(0)
  })
})

describe('sendWithoutDuplicates', () => {
  const timeout = () => new JiraConnectionError('no answer', 'hint', 'ETIMEDOUT', true)
  test('a failure Jira cannot have acted on is thrown at once, unchecked', async () => {
    let checks = 0
    const refused = new JiraConnectionError('refused', 'hint', 'ECONNREFUSED', false)
    await expect(
      sendWithoutDuplicates(
        'x',
        async () => ({ ok: false, failure: refused }),
        async () => (checks++, 'not-done'),
      ),
    ).rejects.toBe(refused)
    expect(checks).toBe(0)
  })
  test('after an ambiguous failure: done means no second send; not-done means one more; unknown gives up', async () => {
    let sends = 0
    const failingOnce = async () => (sends++ === 0 ? { ok: false as const, failure: timeout() } : { ok: true as const })
    expect(await sendWithoutDuplicates('comment', failingOnce, async () => 'done')).toMatch(/Jira had carried it out/)
    expect(sends).toBe(1)
    sends = 0
    expect(await sendWithoutDuplicates('comment', failingOnce, async () => 'not-done')).toMatch(/sent again/)
    expect(sends).toBe(2)
    sends = 0
    await expect(sendWithoutDuplicates('comment', failingOnce, async () => 'unknown')).rejects.toBeInstanceOf(
      JiraConnectionError,
    )
    expect(sends).toBe(1)
  })
})
