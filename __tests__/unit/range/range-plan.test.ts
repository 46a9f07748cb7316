import { describe, expect, it } from '@jest/globals'
import { planRange, type PlanInput } from '../../../src/core/range/range-plan.js'

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const auto = { kind: 'auto' } as const
const plan = (input: Partial<PlanInput>) =>
  planRange({ eventName: 'push', payload: {}, since: auto, sha: SHA, ref: 'refs/heads/main', ...input })

describe('planRange', () => {
  it('since none: no range, whatever the event', () => {
    expect(plan({ since: { kind: 'none' }, eventName: 'release' })).toEqual({ kind: 'none' })
  })

  it('a ref: from it to the deployed commit (the PR head, the deployment, the upstream run, else GITHUB_SHA)', () => {
    const since = { kind: 'ref', ref: 'v1' } as const
    expect(plan({ since })).toEqual({ kind: 'ref', base: 'v1', head: SHA })
    expect(plan({ since, eventName: 'pull_request', payload: { pull_request: { head: { sha: OTHER } } } })).toEqual({
      kind: 'ref',
      base: 'v1',
      head: OTHER,
    })
    expect(plan({ since, eventName: 'deployment', payload: { deployment: { sha: OTHER } } })).toMatchObject({
      head: OTHER,
    })
    expect(plan({ since, eventName: 'workflow_run', payload: { workflow_run: { head_sha: OTHER } } })).toMatchObject({
      head: OTHER,
    })
    // A head that is not a commit id is not trusted.
    expect(plan({ since, eventName: 'deployment', payload: { deployment: { sha: 'main; rm -rf' } } })).toMatchObject({
      head: SHA,
    })
    expect(plan({ since, sha: undefined })).toEqual({
      kind: 'unknown',
      reason: expect.stringContaining('GITHUB_SHA') as unknown as string,
    })
    expect(plan({ since, sha: undefined, payload: { head_commit: { id: OTHER } } })).toMatchObject({ head: OTHER })
  })

  it('push: a branch keeps the event’s own commits; a tag compares with the previous tag', () => {
    expect(plan({ payload: { ref: 'refs/heads/main' } })).toEqual({ kind: 'event' })
    expect(plan({ payload: { ref: 'refs/tags/v1.3.0' } })).toEqual({ kind: 'tag', tag: 'v1.3.0', head: 'v1.3.0' })
    expect(plan({ payload: {}, ref: 'refs/tags/v2' })).toMatchObject({ kind: 'tag', tag: 'v2' })
    expect(plan({ payload: { ref: 'refs/tags/v1', deleted: true } })).toEqual({ kind: 'event' })
    expect(plan({ eventName: 'pull_request', payload: {} })).toEqual({ kind: 'event' })
    expect(plan({ eventName: 'issue_comment', payload: 'not an object' })).toEqual({ kind: 'event' })
  })

  it('release: the release’s facts, its tag as head', () => {
    const release = { tag_name: 'v2.0.0', draft: false, prerelease: true, published_at: '2026-01-01T00:00:00Z' }
    expect(plan({ eventName: 'release', payload: { action: 'published', release } })).toEqual({
      kind: 'release',
      release: { tagName: 'v2.0.0', draft: false, prerelease: true, publishedAt: '2026-01-01T00:00:00Z' },
      head: 'v2.0.0',
    })
    expect(plan({ eventName: 'release', payload: { release: { tag_name: 'v1' } } })).toMatchObject({
      release: { draft: false, prerelease: false, publishedAt: null },
    })
    expect(plan({ eventName: 'release', payload: {} })).toMatchObject({ kind: 'unknown' })
  })

  it('deploy events: the environment (input, else the deployment’s), else the last successful run', () => {
    expect(plan({ eventName: 'workflow_dispatch', environment: 'production' })).toEqual({
      kind: 'deployment',
      environment: 'production',
      head: SHA,
    })
    expect(
      plan({ eventName: 'deployment', payload: { deployment: { id: 7, sha: OTHER, environment: 'staging' } } }),
    ).toEqual({ kind: 'deployment', environment: 'staging', head: OTHER, currentId: 7 })
    expect(
      plan({
        eventName: 'schedule',
        workflowRef: 'octo/app/.github/workflows/deploy.yml@refs/heads/main',
        runId: '1001',
      }),
    ).toEqual({ kind: 'run', workflowFile: 'deploy.yml', branch: 'main', head: SHA, currentRunId: 1001 })
    expect(
      plan({ eventName: 'repository_dispatch', workflowRef: 'o/r/.github/workflows/d.yaml@x', ref: 'refs/tags/v1' }),
    ).toMatchObject({ kind: 'run', branch: 'v1' })
    expect(plan({ eventName: 'workflow_dispatch' })).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('GITHUB_WORKFLOW_REF') as unknown as string,
    })
    expect(
      plan({ eventName: 'workflow_dispatch', workflowRef: 'o/r/.github/workflows/d.yml@x', ref: undefined }),
    ).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('GITHUB_REF') as unknown as string })
    expect(plan({ eventName: 'workflow_dispatch', sha: undefined })).toMatchObject({ kind: 'unknown' })
  })
})
