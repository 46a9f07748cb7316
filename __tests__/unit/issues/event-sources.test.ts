import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../../src/core/errors.js'
import {
  KEY_SOURCES,
  discoverIssueKeys,
  parseFromInput,
  type GitHubCommitsPort,
  type KeySource,
} from '../../../src/core/issues/event-sources.js'

const ALL = new Set<KeySource>(KEY_SOURCES)
const BEFORE = 'a'.repeat(40)
const AFTER = 'b'.repeat(40)
const ZEROS = '0'.repeat(40)

interface Call {
  method: 'listPullRequestCommitMessages' | 'compareCommitMessages'
  args: unknown[]
}

/** A fake port that records its calls; `pages` imitates a paged API concatenated by the port. */
function fakePort(opts: {
  compare?: string[]
  pages?: string[][]
  fail?: Error
}): GitHubCommitsPort & { calls: Call[] } {
  const calls: Call[] = []
  return {
    calls,
    async listPullRequestCommitMessages(owner, repo, pullNumber) {
      calls.push({ method: 'listPullRequestCommitMessages', args: [owner, repo, pullNumber] })
      if (opts.fail) throw opts.fail
      const all: string[] = []
      for (const page of opts.pages ?? []) all.push(...(await Promise.resolve(page)))
      return all
    },
    async compareCommitMessages(owner, repo, base, head) {
      calls.push({ method: 'compareCommitMessages', args: [owner, repo, base, head] })
      if (opts.fail) throw opts.fail
      return opts.compare ?? []
    },
  }
}

function pushPayload(messages: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ref: 'refs/heads/main',
    before: BEFORE,
    after: AFTER,
    commits: messages.map((message, i) => ({ id: String(i), message })),
    ...extra,
  }
}

function prPayload(pr: Record<string, unknown>): Record<string, unknown> {
  return { action: 'opened', number: 7, pull_request: { number: 7, title: '', body: null, head: { ref: 'x' }, ...pr } }
}

describe('parseFromInput', () => {
  it('returns all sources for empty input', () => {
    expect(parseFromInput('', 'input `from`')).toEqual(ALL)
    expect(parseFromInput(' , \n', 'input `from`')).toEqual(ALL)
  })

  it('parses a comma or space separated list, any case', () => {
    expect(parseFromInput('commits, Branch', 'x')).toEqual(new Set(['commits', 'branch']))
    expect(parseFromInput('title body\nbody', 'x')).toEqual(new Set(['title', 'body']))
  })

  it('rejects unknown sources, naming the input and the valid ones', () => {
    let error: unknown
    try {
      parseFromInput('commits, branches, tags', '--from')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    const configError = error as ConfigError
    expect(configError.message).toContain('--from')
    expect(configError.message).toContain('"branches", "tags"')
    expect(configError.hint).toContain('commits, branch, title, body')
  })
})

describe('discoverIssueKeys: push', () => {
  it('finds keys in commit messages (oldest first) then the branch', async () => {
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(['ABC-1 first', 'fix DEF-2 and ABC-1', 'lower abc-3 is ignored'], {
        ref: 'refs/heads/feature/ghi-4-thing',
      }),
      repository: 'octo/repo',
      from: ALL,
    })
    expect(result.keys).toEqual([
      { key: 'ABC-1', source: 'commits' },
      { key: 'DEF-2', source: 'commits' },
      { key: 'GHI-4', source: 'branch' },
    ])
    expect(result.warnings).toEqual([])
    expect(result.notices).toEqual([])
  })

  it('keeps the first source of a key seen twice', async () => {
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(['ABC-1 work'], { ref: 'refs/heads/abc-1-work' }),
      repository: 'octo/repo',
      from: ALL,
    })
    expect(result.keys).toEqual([{ key: 'ABC-1', source: 'commits' }])
  })

  it('searches only the chosen sources', async () => {
    const payload = pushPayload(['ABC-1 work'], { ref: 'refs/heads/def-2' })
    const branchOnly = await discoverIssueKeys({
      eventName: 'push',
      payload,
      repository: 'o/r',
      from: new Set(['branch']),
    })
    expect(branchOnly.keys).toEqual([{ key: 'DEF-2', source: 'branch' }])
    const commitsOnly = await discoverIssueKeys({
      eventName: 'push',
      payload,
      repository: 'o/r',
      from: new Set(['commits']),
    })
    expect(commitsOnly.keys).toEqual([{ key: 'ABC-1', source: 'commits' }])
  })

  it('takes no branch name from a tag push', async () => {
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload([], { ref: 'refs/tags/ABC-1' }),
      repository: 'o/r',
      from: ALL,
    })
    expect(result.keys).toEqual([])
  })

  it('uses the compare port when the payload holds 20 or more commits', async () => {
    const listed = Array.from({ length: 25 }, (_, i) => `payload commit ${i} PAY-${i + 1}`)
    const all = [...Array.from({ length: 30 }, (_, i) => `commit ${i} ALL-${i + 1}`), 'again ALL-1']
    const port = fakePort({ compare: all })
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(listed, { size: 30 }),
      repository: 'octo/repo',
      from: ALL,
      github: port,
    })
    expect(port.calls).toEqual([{ method: 'compareCommitMessages', args: ['octo', 'repo', BEFORE, AFTER] }])
    expect(result.keys.map((found) => found.key)).toEqual(Array.from({ length: 30 }, (_, i) => `ALL-${i + 1}`))
    expect(result.keys.every((found) => found.source === 'commits')).toBe(true)
    expect(result.warnings).toEqual([])
  })

  it('uses the compare port when size says the list was cut, even under 20 commits', async () => {
    const port = fakePort({ compare: ['ABC-1', 'ABC-2'] })
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(['ABC-1'], { size: 2 }),
      repository: 'o/r',
      from: new Set(['commits']),
      github: port,
    })
    expect(port.calls).toHaveLength(1)
    expect(result.keys.map((found) => found.key)).toEqual(['ABC-1', 'ABC-2'])
  })

  it('does not call the port for a short push', async () => {
    const port = fakePort({ compare: ['NOPE-1'] })
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(['ABC-1'], { size: 1 }),
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(port.calls).toEqual([])
    expect(result.keys.map((found) => found.key)).toEqual(['ABC-1'])
  })

  it('does not call the port when commits are not searched', async () => {
    const port = fakePort({ compare: ['NOPE-1'] })
    await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(Array.from({ length: 25 }, () => 'x')),
      repository: 'o/r',
      from: new Set(['branch']),
      github: port,
    })
    expect(port.calls).toEqual([])
  })

  it('warns and uses the payload when there is no port', async () => {
    const listed = Array.from({ length: 20 }, (_, i) => `ABC-${i + 1}`)
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(listed),
      repository: 'o/r',
      from: ALL,
    })
    expect(result.keys).toHaveLength(20)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toContain('No GitHub API access')
    expect(result.warnings[0]).toContain('20 commits')
  })

  it('warns with the error message and uses the payload when the port fails', async () => {
    const port = fakePort({ fail: new Error('HTTP 403: Resource not accessible by integration') })
    const listed = Array.from({ length: 20 }, (_, i) => `ABC-${i + 1}`)
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(listed),
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(result.keys).toHaveLength(20)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toContain('HTTP 403: Resource not accessible by integration')
  })

  it('cannot compare a push that created the branch, and says so', async () => {
    const port = fakePort({ compare: ['NOPE-1'] })
    const listed = Array.from({ length: 20 }, (_, i) => `ABC-${i + 1}`)
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(listed, { before: ZEROS }),
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(port.calls).toEqual([])
    expect(result.keys).toHaveLength(20)
    expect(result.warnings[0]).toContain('created its branch')
  })

  it('does not pass malformed commit ids to the port', async () => {
    const port = fakePort({ compare: ['NOPE-1'] })
    const listed = Array.from({ length: 20 }, () => 'x')
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(listed, { before: '../../evil', after: AFTER }),
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(port.calls).toEqual([])
    expect(result.warnings[0]).toContain('"before"/"after"')
  })

  it('does not call the port with a malformed repository', async () => {
    const port = fakePort({ compare: ['NOPE-1'] })
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: pushPayload(Array.from({ length: 20 }, () => 'x')),
      repository: 'not-a-repo',
      from: ALL,
      github: port,
    })
    expect(port.calls).toEqual([])
    expect(result.warnings[0]).toContain('not "owner/repo"')
  })

  it('finds nothing in a push that deleted the branch', async () => {
    const result = await discoverIssueKeys({
      eventName: 'push',
      payload: { ref: 'refs/heads/abc-1', before: BEFORE, after: ZEROS, deleted: true, commits: [] },
      repository: 'o/r',
      from: ALL,
    })
    expect(result.keys).toEqual([])
    expect(result.notices[0]).toContain('deleted')
  })

  it.each<[string, unknown, string[]]>([
    ['null', null, []],
    ['a string', 'push', []],
    ['an array', [], []],
    ['wrong types', { ref: 42, commits: 'ABC-1', before: 1, size: 'many' }, []],
    [
      'bad commit entries',
      { ref: 'refs/heads/main', commits: [null, 'ABC-1', { message: 5 }, { message: 'DEF-2' }, ['GHI-3']] },
      ['DEF-2'],
    ],
  ])('survives a payload that is %s', async (_name, payload, keys) => {
    const result = await discoverIssueKeys({ eventName: 'push', payload, repository: 'o/r', from: ALL })
    expect(result.keys.map((found) => found.key)).toEqual(keys)
  })
})

describe('discoverIssueKeys: pull request', () => {
  it('searches title, head branch, body, then every commit through the paged port', async () => {
    const port = fakePort({
      pages: [
        Array.from({ length: 100 }, (_, i) => (i === 99 ? 'late COM-1' : `commit ${i}`)),
        ['page two COM-2 and TTL-1'],
      ],
    })
    const result = await discoverIssueKeys({
      eventName: 'pull_request',
      payload: prPayload({
        title: 'TTL-1: thing (abc-99 not in title)',
        head: { ref: 'feature/brn-2-thing' },
        body: 'Closes BDY-3\nsee TTL-1',
      }),
      repository: 'octo/repo',
      from: ALL,
      github: port,
    })
    expect(port.calls).toEqual([{ method: 'listPullRequestCommitMessages', args: ['octo', 'repo', 7] }])
    expect(result.keys).toEqual([
      { key: 'TTL-1', source: 'title' },
      { key: 'BRN-2', source: 'branch' },
      { key: 'BDY-3', source: 'body' },
      { key: 'COM-1', source: 'commits' },
      { key: 'COM-2', source: 'commits' },
    ])
    expect(result.warnings).toEqual([])
  })

  it('handles pull_request_target the same way', async () => {
    const port = fakePort({ pages: [['ABC-5']] })
    const result = await discoverIssueKeys({
      eventName: 'pull_request_target',
      payload: prPayload({ title: 'ABC-4' }),
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(result.keys.map((found) => found.key)).toEqual(['ABC-4', 'ABC-5'])
  })

  it('warns when there is no port: commit messages are not in the payload', async () => {
    const result = await discoverIssueKeys({
      eventName: 'pull_request',
      payload: prPayload({ title: 'ABC-1 x' }),
      repository: 'o/r',
      from: ALL,
    })
    expect(result.keys).toEqual([{ key: 'ABC-1', source: 'title' }])
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toContain('No GitHub API access')
  })

  it('warns with the error message when the port fails, keeping the other sources', async () => {
    const port = fakePort({ fail: new Error('socket hang up') })
    const result = await discoverIssueKeys({
      eventName: 'pull_request',
      payload: prPayload({ title: 'ABC-1', head: { ref: 'def-2' } }),
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(result.keys.map((found) => found.key)).toEqual(['ABC-1', 'DEF-2'])
    expect(result.warnings[0]).toContain('socket hang up')
  })

  it('reports a non-Error rejection too', async () => {
    const port: GitHubCommitsPort = {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the case under test
      listPullRequestCommitMessages: () => Promise.reject('boom'),
      compareCommitMessages: () => Promise.resolve([]),
    }
    const result = await discoverIssueKeys({
      eventName: 'pull_request',
      payload: prPayload({}),
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(result.warnings[0]).toContain('boom')
  })

  it('does not call the port when commits are not searched', async () => {
    const port = fakePort({ pages: [['NOPE-1']] })
    const result = await discoverIssueKeys({
      eventName: 'pull_request',
      payload: prPayload({ title: 'ABC-1' }),
      repository: 'o/r',
      from: new Set(['title']),
      github: port,
    })
    expect(port.calls).toEqual([])
    expect(result.keys).toEqual([{ key: 'ABC-1', source: 'title' }])
    expect(result.warnings).toEqual([])
  })

  it('takes the number from the payload when the pull request object lacks it', async () => {
    const port = fakePort({ pages: [['ABC-1']] })
    await discoverIssueKeys({
      eventName: 'pull_request',
      payload: { number: 9, pull_request: { title: 'x' } },
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(port.calls[0]!.args).toEqual(['o', 'r', 9])
  })

  it('warns instead of calling the port without a valid number', async () => {
    const port = fakePort({ pages: [['ABC-1']] })
    const result = await discoverIssueKeys({
      eventName: 'pull_request',
      payload: { number: '7', pull_request: { number: -1, title: 'DEF-1' } },
      repository: 'o/r',
      from: ALL,
      github: port,
    })
    expect(port.calls).toEqual([])
    expect(result.keys).toEqual([{ key: 'DEF-1', source: 'title' }])
    expect(result.warnings[0]).toContain('no pull request number')
  })

  it('survives a payload without a pull_request object', async () => {
    const result = await discoverIssueKeys({
      eventName: 'pull_request',
      payload: { number: 1 },
      repository: 'o/r',
      from: ALL,
    })
    expect(result.keys).toEqual([])
    expect(result.warnings[0]).toContain('no pull_request object')
  })

  it('ignores fields of the wrong type', async () => {
    const result = await discoverIssueKeys({
      eventName: 'pull_request',
      payload: { pull_request: { title: ['ABC-1'], body: { text: 'DEF-2' }, head: 'GHI-3' } },
      repository: 'o/r',
      from: new Set(['title', 'body', 'branch']),
    })
    expect(result.keys).toEqual([])
  })
})

describe('discoverIssueKeys: other events', () => {
  it.each(['workflow_dispatch', 'schedule', 'release', 'issue_comment'])(
    '%s gives a notice and no keys',
    async (eventName) => {
      const result = await discoverIssueKeys({
        eventName,
        payload: { commits: [{ message: 'ABC-1' }], pull_request: { title: 'ABC-2' } },
        repository: 'o/r',
        from: ALL,
        github: fakePort({}),
      })
      expect(result.keys).toEqual([])
      expect(result.warnings).toEqual([])
      expect(result.notices).toHaveLength(1)
      expect(result.notices[0]).toContain(eventName)
      expect(result.notices[0]).toContain('`issues`')
      expect(result.notices[0]).toContain('`jql`')
    },
  )
})
