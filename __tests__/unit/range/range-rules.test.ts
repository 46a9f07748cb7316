import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../../src/core/errors.js'
import {
  deploymentsToCheck,
  describeRange,
  lastSuccessfulRun,
  latestStatusState,
  previousRelease,
  previousTag,
  workflowFileOf,
} from '../../../src/core/range/previous-base.js'
import { parseSince } from '../../../src/core/range/since-input.js'
import { compareVersions, parseTagVersion } from '../../../src/core/range/version-order.js'

const v = (tag: string) => {
  const parsed = parseTagVersion(tag)
  if (!parsed) throw new Error(`not a version: ${tag}`)
  return parsed
}

describe('version order', () => {
  it('splits prefix, numbers and pre-release', () => {
    expect(parseTagVersion('api-v9')).toEqual({ tag: 'api-v9', prefix: 'api-v', numbers: [9], prerelease: [] })
    expect(parseTagVersion('v1.3.0-rc.1+build.5')).toMatchObject({
      prefix: 'v',
      numbers: [1, 3, 0],
      prerelease: ['rc', '1'],
    })
    expect(parseTagVersion('latest')).toBeUndefined()
    expect(parseTagVersion('v1.x')).toBeUndefined()
  })

  it('orders numerically, releases above their pre-releases (semver precedence)', () => {
    const ordered = [
      'v1.0.0-alpha',
      'v1.0.0-alpha.1',
      'v1.0.0-alpha.beta',
      'v1.0.0-beta.2',
      'v1.0.0-beta.11',
      'v1.0.0',
      'v1.2',
      'v1.10.0',
    ]
    const shuffled = [...ordered].reverse()
    expect(shuffled.sort((a, b) => compareVersions(v(a), v(b)))).toEqual(ordered)
    expect(compareVersions(v('v1.2'), v('v1.2.0'))).toBe(0)
  })
})

describe('previousTag', () => {
  it('takes the previous version with the same prefix, not the newest name', () => {
    expect(previousTag('v1.3.0', ['api-v9', 'v1.3.0', 'v1.2.4', 'v1.10.0', 'v1.2.10', 'v0.9'])).toEqual({
      kind: 'tag',
      tag: 'v1.2.10',
    })
  })

  it('skips pre-releases unless the pushed tag is one', () => {
    expect(previousTag('v1.3.0', ['v1.3.0-rc.1', 'v1.2.4'])).toEqual({ kind: 'tag', tag: 'v1.2.4' })
    expect(previousTag('v1.3.0-rc.2', ['v1.3.0-rc.1', 'v1.2.4'])).toEqual({ kind: 'tag', tag: 'v1.3.0-rc.1' })
  })

  it('says when there is no earlier version, or the tag is not a version', () => {
    expect(previousTag('v1.0.0', ['api-v9', 'v1.0.0', 'v2.0.0'])).toEqual({ kind: 'first' })
    expect(previousTag('nightly', ['v1.0.0'])).toEqual({ kind: 'not-a-version' })
  })
})

describe('previousRelease', () => {
  const release = (
    tagName: string,
    publishedAt: string | null,
    extra: { draft?: boolean; prerelease?: boolean } = {},
  ) => ({
    tagName,
    publishedAt,
    draft: extra.draft ?? false,
    prerelease: extra.prerelease ?? false,
  })
  const list = [
    release('v2.1.0', null, { draft: true }),
    release('v2.1.0-rc.1', '2024-05-02T00:00:00Z', { prerelease: true }),
    release('v2.0.0', '2024-04-01T00:00:00Z'),
    release('v1.0.0', '2024-01-01T00:00:00Z'),
  ]

  it('skips drafts and pre-releases for a full release', () => {
    expect(previousRelease(release('v2.1.0', '2024-06-01T00:00:00Z'), list)).toBe('v2.0.0')
  })

  it('counts pre-releases for a pre-release', () => {
    expect(previousRelease(release('v2.1.0-rc.2', '2024-05-10T00:00:00Z', { prerelease: true }), list)).toBe(
      'v2.1.0-rc.1',
    )
  })

  it('never picks a release published later, nor itself; none for the first', () => {
    expect(previousRelease(release('v2.0.0', '2024-04-01T00:00:00Z'), list)).toBe('v1.0.0')
    expect(previousRelease(release('v1.0.0', '2024-01-01T00:00:00Z'), list)).toBeUndefined()
  })
})

describe('deployments and runs', () => {
  it('checks deployments newest first, whatever the list order, skipping the current one', () => {
    const deployments = [
      { id: 1, sha: 'a', createdAt: '2024-01-01T00:00:00Z' },
      { id: 3, sha: 'c', createdAt: '2024-03-01T00:00:00Z' },
      { id: 2, sha: 'b', createdAt: '2024-02-01T00:00:00Z' },
    ]
    expect(deploymentsToCheck(deployments).map((d) => d.sha)).toEqual(['c', 'b', 'a'])
    expect(deploymentsToCheck(deployments, 3).map((d) => d.sha)).toEqual(['b', 'a'])
  })

  it('reads the latest status by date, whatever the list order', () => {
    expect(
      latestStatusState([
        { id: 1, state: 'in_progress', createdAt: '2024-01-01T00:00:00Z' },
        { id: 2, state: 'success', createdAt: '2024-01-01T00:05:00Z' },
      ]),
    ).toBe('success')
    expect(latestStatusState([])).toBeUndefined()
  })

  it('takes the last successful completed run on the branch, never the current run', () => {
    const run = (id: number, headBranch: string, conclusion: string | null, status = 'completed') => ({
      id,
      headSha: `sha${id}`,
      headBranch,
      status,
      conclusion,
      createdAt: `2024-01-0${id}T00:00:00Z`,
    })
    const runs = [
      run(5, 'main', null, 'in_progress'),
      run(4, 'other', 'success'),
      run(3, 'main', 'failure'),
      run(2, 'main', 'success'),
    ]
    expect(lastSuccessfulRun(runs, 'main', 5)?.headSha).toBe('sha2')
    expect(lastSuccessfulRun([run(6, 'main', 'success')], 'main', 6)).toBeUndefined()
  })

  it('reads the workflow file from GITHUB_WORKFLOW_REF', () => {
    expect(workflowFileOf('octo/app/.github/workflows/deploy.yml@refs/heads/main')).toBe('deploy.yml')
    expect(workflowFileOf('garbage')).toBeUndefined()
  })
})

describe('since and the range line', () => {
  it('parses auto, none and refs; refuses what git would not take, naming the input', () => {
    expect(parseSince('', 'since')).toEqual({ kind: 'auto' })
    expect(parseSince(' AUTO ', 'since')).toEqual({ kind: 'auto' })
    expect(parseSince('none', 'since')).toEqual({ kind: 'none' })
    expect(parseSince('v1.2.4', 'since')).toEqual({ kind: 'ref', ref: 'v1.2.4' })
    for (const bad of ['--upload-pack=x', 'a..b', 'a b', 'x~1']) {
      expect(() => parseSince(bad, '--since')).toThrow(ConfigError)
      expect(() => parseSince(bad, '--since')).toThrow(/--since is not a git ref/)
    }
  })

  it('describes the range in one line', () => {
    expect(describeRange('v1.2.4', 'v1.3.0', 37)).toBe('v1.2.4...v1.3.0, 37 commits')
    expect(describeRange('abc', 'def', 1)).toBe('abc...def, 1 commit')
  })
})
