import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

// A minimal GitHub REST API: the two commit listings the action reads, with real pagination.

export interface GitHubRecordedRequest {
  method: string
  path: string
  query: [string, string][]
  /** Whether an Authorization header was sent, and its scheme. */
  authorized: boolean
  authScheme?: string
  status: number
}

export interface GitHubApiSimulator {
  /** e.g. http://127.0.0.1:PORT (no trailing slash), usable as GITHUB_API_URL. */
  readonly url: string
  close(): Promise<void>
  addPullRequestCommits(owner: string, repo: string, number: number, messages: string[]): void
  addCompare(owner: string, repo: string, base: string, head: string, messages: string[]): void
  /** Deploy history, listed as GitHub does (see listDeployHistory). */
  readonly deploy: DeployHistory
  readonly requests: GitHubRecordedRequest[]
}

/** Tags, releases, deployments (with statuses) and workflow runs, per "owner/repo" (lower case). */
export interface DeployHistory {
  tags: Map<string, { name: string; sha: string }[]>
  releases: Map<
    string,
    { id: number; tag_name: string; draft: boolean; prerelease: boolean; published_at: string | null }[]
  >
  deployments: Map<
    string,
    {
      id: number
      sha: string
      ref: string
      environment: string
      created_at: string
      statuses: { id: number; state: string; created_at: string }[]
    }[]
  >
  runs: Map<
    string,
    {
      id: number
      workflow: string
      head_sha: string
      head_branch: string
      status: string
      conclusion: string | null
      created_at: string
    }[]
  >
}

const DEFAULT_PER_PAGE = 30
// Without page parameters compare lists the newest 250 commits of the range (GitHub's documented cap).
const COMPARE_UNPAGED_LIMIT = 250
const MAX_PER_PAGE = 100
// GET /pulls/{n}/commits lists at most 250 commits, as on GitHub.
const PULL_COMMITS_LIMIT = 250

interface Commit {
  sha: string
  message: string
}

function commits(seed: string, messages: string[]): Commit[] {
  // Deterministic SHAs so tests can assert on them.
  return messages.map((message, i) => ({
    sha: createHash('sha1').update(`${seed}\u0000${i}\u0000${message}`).digest('hex'),
    message,
  }))
}

function commitJson(url: string, repoPath: string, c: Commit, i: number): Record<string, unknown> {
  const date = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace('.000', '')
  const person = { name: 'Simulated Author', email: 'author@example.com', date }
  return {
    sha: c.sha,
    url: `${url}/repos/${repoPath}/commits/${c.sha}`,
    html_url: `https://github.com/${repoPath}/commit/${c.sha}`,
    commit: { message: c.message, author: person, committer: person },
    parents: [],
  }
}

function intParam(v: string | null, fallback: number): number {
  const n = v === null ? NaN : Number.parseInt(v, 10)
  return Number.isFinite(n) && n >= 1 ? n : fallback
}

function paginate<T>(
  items: T[],
  query: URLSearchParams,
  selfUrl: string,
): { page: T[]; offset: number; link?: string } {
  const perPage = Math.min(intParam(query.get('per_page'), DEFAULT_PER_PAGE), MAX_PER_PAGE)
  const page = intParam(query.get('page'), 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const at = (p: number, rel: string): string => `<${selfUrl}?per_page=${perPage}&page=${p}>; rel="${rel}"`
  const rels: string[] = []
  if (page > 1) rels.push(at(Math.min(page - 1, last), 'prev'))
  if (page < last) rels.push(at(page + 1, 'next'), at(last, 'last'))
  if (page > 1) rels.push(at(1, 'first'))
  const offset = (page - 1) * perPage
  return { page: items.slice(offset, offset + perPage), offset, link: rels.length > 0 ? rels.join(', ') : undefined }
}

export async function startGitHubApiSimulator(opts: { port?: number } = {}): Promise<GitHubApiSimulator> {
  const pulls = new Map<string, Commit[]>()
  const compares = new Map<string, Commit[]>()
  const requests: GitHubRecordedRequest[] = []
  const deploy: DeployHistory = { tags: new Map(), releases: new Map(), deployments: new Map(), runs: new Map() }
  let url = ''

  const handle = (req: IncomingMessage): { status: number; body: unknown; link?: string } => {
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s)
    const query = new URLSearchParams(rawQuery)
    const notFound = {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    }
    if (req.method !== 'GET') return notFound
    let path: string
    try {
      path = decodeURIComponent(rawPath)
    } catch {
      return notFound
    }
    const selfUrl = `${url}${rawPath}`
    let m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/commits$/.exec(path)
    if (m) {
      const list = pulls.get(`${m[1]}/${m[2]}#${m[3]}`.toLowerCase())
      if (!list) return notFound
      const visible = list.slice(0, PULL_COMMITS_LIMIT)
      const p = paginate(visible, query, selfUrl)
      return {
        status: 200,
        body: p.page.map((c, i) => commitJson(url, `${m?.[1] ?? ''}/${m?.[2] ?? ''}`, c, p.offset + i)),
        link: p.link,
      }
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/compare\/(.+?)\.\.\.(.+)$/.exec(path)
    if (m) {
      const list = compares.get(`${m[1]}/${m[2]}:${m[3]}...${m[4]}`.toLowerCase())
      if (!list) return notFound
      const paged = query.has('per_page') || query.has('page')
      const p = paged
        ? paginate(list, query, selfUrl)
        : { page: list.slice(-COMPARE_UNPAGED_LIMIT), offset: Math.max(0, list.length - COMPARE_UNPAGED_LIMIT) }
      return {
        status: 200,
        body: {
          url: selfUrl,
          status: 'ahead',
          ahead_by: list.length,
          behind_by: 0,
          total_commits: list.length,
          commits: p.page.map((c, i) => commitJson(url, `${m[1]}/${m[2]}`, c, p.offset + i)),
          files: [],
        },
        link: p.link,
      }
    }
    const listed = deployListing(deploy, path, query)
    if (listed) {
      const p = paginate(listed.items, query, selfUrl)
      return { status: 200, body: listed.wrap ? listed.wrap(p.page) : p.page, link: p.link }
    }
    return notFound
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume()
    req.on('end', () => {
      const out = handle(req)
      const auth = req.headers.authorization
      const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s)
      requests.push({
        method: req.method ?? 'GET',
        path: rawPath,
        query: [...new URLSearchParams(rawQuery)],
        authorized: auth !== undefined && auth !== '',
        authScheme: auth?.split(' ')[0]?.toLowerCase(),
        status: out.status,
      })
      const body = JSON.stringify(out.body)
      res.statusCode = out.status
      res.setHeader('Content-Type', 'application/json; charset=utf-8')
      if (out.link) res.setHeader('Link', out.link)
      res.setHeader('Content-Length', Buffer.byteLength(body))
      res.end(body)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      resolve()
    })
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    requests,
    deploy,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => {
          if (e) reject(e)
          else resolve()
        })
        server.closeAllConnections()
      }),
    addPullRequestCommits(owner, repo, number, messages) {
      pulls.set(`${owner}/${repo}#${number}`.toLowerCase(), commits(`${owner}/${repo}#${number}`, messages))
    },
    addCompare(owner, repo, base, head, messages) {
      compares.set(
        `${owner}/${repo}:${base}...${head}`.toLowerCase(),
        commits(`${owner}/${repo}:${base}...${head}`, messages),
      )
    },
  }
}

const newestFirst = <T extends { id: number }>(items: T[]): T[] => [...items].sort((a, b) => b.id - a.id)

/** The list endpoints of a deploy's history, in GitHub's (observed) orders; undefined: not one of them. */
function deployListing(
  deploy: DeployHistory,
  path: string,
  query: URLSearchParams,
): { items: unknown[]; wrap?: (page: unknown[]) => unknown } | undefined {
  const m = /^\/repos\/([^/]+)\/([^/]+)\/(.+)$/.exec(path)
  if (!m) return undefined
  const repo = `${m[1]}/${m[2]}`.toLowerCase()
  const rest = m[3] ?? ''
  // Tags: by name, reverse lexicographic, not by version.
  if (rest === 'tags')
    return {
      items: [...(deploy.tags.get(repo) ?? [])]
        .sort((a, b) => (a.name < b.name ? 1 : -1))
        .map((t) => ({ name: t.name, commit: { sha: t.sha } })),
    }
  // Drafts are listed only to tokens with push access; the simulated token has none.
  if (rest === 'releases') return { items: newestFirst(deploy.releases.get(repo) ?? []).filter((r) => !r.draft) }
  if (rest === 'deployments') {
    const env = query.get('environment')
    return {
      items: newestFirst(deploy.deployments.get(repo) ?? [])
        .filter((d) => env === null || d.environment === env)
        .map((d) => ({ id: d.id, sha: d.sha, ref: d.ref, environment: d.environment, created_at: d.created_at })),
    }
  }
  const statusesOf = /^deployments\/(\d+)\/statuses$/.exec(rest)
  if (statusesOf) {
    const found = deploy.deployments.get(repo)?.find((d) => d.id === Number(statusesOf[1] ?? ''))
    return found ? { items: newestFirst(found.statuses) } : undefined
  }
  const runsOf = /^actions\/workflows\/([^/]+)\/runs$/.exec(rest)
  if (runsOf) {
    const workflow = runsOf[1] ?? ''
    const branch = query.get('branch')
    const status = query.get('status')
    const runs = newestFirst(deploy.runs.get(repo) ?? []).filter(
      (r) =>
        r.workflow === workflow &&
        (branch === null || r.head_branch === branch) &&
        (status === null || r.status === status || r.conclusion === status),
    )
    return { items: runs, wrap: (page) => ({ total_count: runs.length, workflow_runs: page }) }
  }
  return undefined
}
