import { plainLabel, type InputLabel } from '../input-label.js'
import { ConfigError } from '../errors.js'
import { isRecord, stringField } from '../json-fields.js'
import { extractIssueKeys } from './issue-keys.js'
import { isCommitSha } from '../commit-sha.js'

/*
 * Which text of a push or pull request is searched for issue keys. The event payload is
 * attacker-influenced JSON (anyone who can push or open a pull request shapes it), so it is read
 * as `unknown` and every field is checked before use.
 */

export type KeySource = 'commits' | 'branch' | 'title' | 'body'

export const KEY_SOURCES: readonly KeySource[] = ['commits', 'branch', 'title', 'body']

/** The sources named in an input such as "commits, branch"; empty means all of them. */
export function parseFromInput(text: string, inputName: string): Set<KeySource> {
  const tokens = text
    .split(/[\s,]+/)
    .filter((token) => token.length > 0)
    .map((token) => token.toLowerCase())
  if (tokens.length === 0) return new Set(KEY_SOURCES)
  const unknown = [...new Set(tokens.filter((token) => !isKeySource(token)))]
  if (unknown.length > 0) {
    throw new ConfigError(
      `${inputName} names unknown source${unknown.length === 1 ? '' : 's'}: ${unknown.map((token) => JSON.stringify(token.slice(0, 40))).join(', ')}.`,
      `Use any of ${KEY_SOURCES.join(', ')}, separated by commas or spaces (for example: commits, branch), or leave it empty for all.`,
    )
  }
  return new Set(tokens.filter(isKeySource))
}

function isKeySource(token: string): token is KeySource {
  return (KEY_SOURCES as readonly string[]).includes(token)
}

/**
 * The GitHub API calls we need, so this module stays free of I/O. Implementations return every
 * message (following pagination), oldest commit first, and throw on failure.
 */
export interface GitHubCommitsPort {
  listPullRequestCommitMessages(owner: string, repo: string, pullNumber: number): Promise<string[]>
  compareCommitMessages(owner: string, repo: string, base: string, head: string): Promise<string[]>
}

export interface DiscoverInput {
  eventName: string
  payload: unknown
  /** owner/repo */
  repository: string
  from: Set<KeySource>
  /** Absent when there is no token or API access; the payload alone is then searched. */
  github?: GitHubCommitsPort
  /** How the adapter names inputs in notices. */
  label?: InputLabel
  /** The commit messages of the run's range, read by the caller: searched instead of the event's own commits. */
  rangeMessages?: readonly string[]
  /** `since: none`: no commits at all, only the event's text (branch, title, body). */
  noCommits?: boolean
}

export interface FoundKey {
  key: string
  source: KeySource
}

export interface DiscoverResult {
  keys: FoundKey[]
  notices: string[]
  warnings: string[]
  /** How many commit messages were searched. */
  commits: number
  /** BASE...HEAD of the push or pull request whose commits were searched, when known. */
  range?: string
}

/** GitHub lists at most this many commits in a push webhook payload. */
const PUSH_PAYLOAD_COMMIT_LIMIT = 20
const ZERO_SHA = /^0+$/

export async function discoverIssueKeys(input: DiscoverInput): Promise<DiscoverResult> {
  const found = new KeyCollector()
  const notices: string[] = []
  const warnings: string[] = []
  const { eventName } = input
  const label = input.label ?? plainLabel
  const searched: Searched = { commits: 0 }
  const { rangeMessages } = input
  if (rangeMessages && input.from.has('commits')) {
    for (const message of rangeMessages) found.add(message, 'commits', false)
    searched.commits = rangeMessages.length
  }
  // The event's own commits only when no range was read for it (and `since` is not none).
  const eventCommits = !rangeMessages && !input.noCommits && input.from.has('commits')

  if (eventName === 'push') {
    await fromPush(input, eventCommits, found, notices, warnings, searched)
  } else if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    await fromPullRequest(input, eventCommits, found, warnings, searched)
  } else if (!rangeMessages && !input.noCommits) {
    notices.push(
      `No commits to search in a "${eventName}" event: keys are found in the commits of push, pull_request, ` +
        'release and deploy events (deployment, workflow_dispatch, workflow_run, schedule, repository_dispatch). ' +
        `Pass the issue keys in ${label('issues')}, a JQL query in ${label('jql')}, or where the commits start in ${label('since')}.`,
    )
  }
  return { keys: found.keys, notices, warnings, ...searched }
}

interface Searched {
  commits: number
  range?: string
}

async function fromPush(
  input: DiscoverInput,
  searchCommits: boolean,
  found: KeyCollector,
  notices: string[],
  warnings: string[],
  searched: Searched,
): Promise<void> {
  const payload = isRecord(input.payload) ? input.payload : {}
  const before = stringField(payload, 'before')
  const after = stringField(payload, 'after')
  if (payload.deleted === true || (after !== undefined && ZERO_SHA.test(after))) {
    notices.push('The push deleted its branch or tag: there are no commits to search for issue keys.')
    return
  }

  if (searchCommits) {
    const listed = Array.isArray(payload.commits) ? payload.commits : []
    let messages = listed.flatMap((commit) => {
      const message = isRecord(commit) ? commit.message : undefined
      return typeof message === 'string' ? [message] : []
    })
    const size = typeof payload.size === 'number' && Number.isFinite(payload.size) ? payload.size : undefined
    // The webhook lists 20 commits at most; with 20 listed we cannot tell whether more were cut.
    const truncated = listed.length >= PUSH_PAYLOAD_COMMIT_LIMIT || (size !== undefined && size > listed.length)
    if (truncated) {
      const payloadOnly = `searched only the ${messages.length} commits listed in the push event (GitHub lists at most ${PUSH_PAYLOAD_COMMIT_LIMIT})`
      if (before === undefined || ZERO_SHA.test(before)) {
        warnings.push(`The push created its branch, so there is no earlier commit to compare with: ${payloadOnly}.`)
      } else if (!isCommitSha(before) || after === undefined || !isCommitSha(after)) {
        warnings.push(`The push event has no valid "before"/"after" commit ids: ${payloadOnly}.`)
      } else {
        const repo = splitRepository(input.repository)
        if (!repo) {
          warnings.push(`The repository ${JSON.stringify(input.repository)} is not "owner/repo": ${payloadOnly}.`)
        } else if (!input.github) {
          warnings.push(`No GitHub API access (token) to list all commits of the push: ${payloadOnly}.`)
        } else {
          try {
            messages = await input.github.compareCommitMessages(repo.owner, repo.repo, before, after)
          } catch (error) {
            warnings.push(
              `Listing the commits of the push through the GitHub API failed (${errorMessage(error)}): ${payloadOnly}.`,
            )
          }
        }
      }
    }
    for (const message of messages) found.add(message, 'commits', false)
    searched.commits = messages.length
    if (before && after && isCommitSha(before) && !ZERO_SHA.test(before) && isCommitSha(after))
      searched.range = `${before}...${after}`
  }

  if (input.from.has('branch')) {
    const ref = stringField(payload, 'ref')
    // Tags (refs/tags/...) have no branch name to search.
    if (ref?.startsWith('refs/heads/')) found.add(ref.slice('refs/heads/'.length), 'branch', true)
  }
}

async function fromPullRequest(
  input: DiscoverInput,
  searchCommits: boolean,
  found: KeyCollector,
  warnings: string[],
  searched: Searched,
): Promise<void> {
  const payload = isRecord(input.payload) ? input.payload : {}
  const pr = isRecord(payload.pull_request) ? payload.pull_request : undefined
  if (!pr) {
    warnings.push(`The ${input.eventName} event has no pull_request object: nothing to search for issue keys.`)
    return
  }

  if (input.from.has('title')) {
    const title = stringField(pr, 'title')
    if (title !== undefined) found.add(title, 'title', false)
  }
  if (input.from.has('branch')) {
    const head = isRecord(pr.head) ? stringField(pr.head, 'ref') : undefined
    if (head !== undefined) found.add(head, 'branch', true)
  }
  if (input.from.has('body')) {
    // null when the description is empty.
    const body = stringField(pr, 'body')
    if (body !== undefined) found.add(body, 'body', false)
  }
  if (searchCommits) {
    // The pull request event carries no commit messages: they come from the API or not at all.
    const number = pullNumber(pr.number) ?? pullNumber(payload.number)
    const repo = splitRepository(input.repository)
    const skipped = 'commit messages of the pull request were not searched'
    if (number === undefined) {
      warnings.push(`The ${input.eventName} event has no pull request number: ${skipped}.`)
    } else if (!repo) {
      warnings.push(`The repository ${JSON.stringify(input.repository)} is not "owner/repo": ${skipped}.`)
    } else if (!input.github) {
      warnings.push(`No GitHub API access (token) to list the pull request's commits: ${skipped}.`)
    } else {
      try {
        const messages = await input.github.listPullRequestCommitMessages(repo.owner, repo.repo, number)
        for (const message of messages) found.add(message, 'commits', false)
        searched.commits = messages.length
        const base = isRecord(pr.base) ? stringField(pr.base, 'sha') : undefined
        const head = isRecord(pr.head) ? stringField(pr.head, 'sha') : undefined
        if (base && head && isCommitSha(base) && isCommitSha(head)) searched.range = `${base}...${head}`
      } catch (error) {
        warnings.push(
          `Listing the pull request's commits through the GitHub API failed (${errorMessage(error)}): ${skipped}.`,
        )
      }
    }
  }
}

/** Keys in order of discovery; a key seen again keeps its first source. */
class KeyCollector {
  readonly keys: FoundKey[] = []
  private readonly seen = new Set<string>()

  add(text: string, source: KeySource, caseInsensitive: boolean): void {
    for (const key of extractIssueKeys(text, { caseInsensitive })) {
      if (this.seen.has(key)) continue
      this.seen.add(key)
      this.keys.push({ key, source })
    }
  }
}

function pullNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/** GitHub owner and repository names: letters, digits, "-", "_" and ".". */
export function splitRepository(repository: string): { owner: string; repo: string } | undefined {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository)
  return match?.[1] && match[2] ? { owner: match[1], repo: match[2] } : undefined
}

/** An API error's message for a warning: not secret, but cut to one short line. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 300 ? `${line.slice(0, 300)}…` : line || 'unknown error'
}
