import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto'
import type { CommentState, ConsumerInput, IssueInput, IssueState, UserInput } from './types.js'
import { randomAlphanumeric } from './random.js'
import { DEFAULT_TRANSITIONS, StatusRegistry } from './workflow.js'
import type { ProjectSettings, VersionState } from './rest-versions.js'

// Lifetimes from Atlassian's ServiceProviderToken (see the reference, section 1).
export const REQUEST_TOKEN_TTL_MS = 600_000
export const ACCESS_TOKEN_TTL_MS = 157_680_000_000
export const SESSION_TTL_MS = ACCESS_TOKEN_TTL_MS + 2_592_000_000
export const TIMESTAMP_WINDOW_MS = 300_000
// Jira's legacy nonce service remembers consumer+nonce for 300 s; longer than the 1-min cache.
const NONCE_MEMORY_MS = 300_000

export interface Consumer {
  key: string
  name: string
  publicKey: KeyObject
  allow2LO: boolean
}

export interface User {
  name: string
  key: string
  displayName: string
  emailAddress: string
}

export interface RequestToken {
  kind: 'request'
  token: string
  secret: string
  consumerKey: string
  /** Server-clock ms. */
  createdAt: number
  /** undefined = OAuth 1.0 (no oauth_callback): the verifier is never checked. */
  callback?: string
  decision: 'pending' | 'approved' | 'denied'
  verifier?: string
  user?: string
}

export interface AccessToken {
  kind: 'access'
  token: string
  secret: string
  consumerKey: string
  user: string
  createdAt: number
  sessionHandle: string
  sessionCreatedAt: number
}

export type Token = RequestToken | AccessToken

/** The live record of an issue; `issue(key)` hands out deep copies of the same shape. */
export type Issue = IssueState

export const DEFAULT_USER = 'ci-bot'
export const OTHER_USER = 'other.user'
// Pre-existing comments get fixed timestamps so paging tests are deterministic.
const SEED_COMMENT_EPOCH = Date.UTC(2024, 0, 1, 9, 0, 0)

/** Jira's REST date format: 2024-01-01T09:00:00.000+0000. */
export function jiraDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000')
}

/**
 * Jira's RSAKeys.convertFromOpenSsl strips '-----…-----' lines and whitespace, then decodes
 * X.509 SubjectPublicKeyInfo; a certificate also works. PKCS#1 'RSA PUBLIC KEY' is rejected.
 */
export function parseConsumerPublicKey(pem: string): KeyObject {
  if (pem.includes('-----BEGIN CERTIFICATE-----')) return new X509Certificate(pem).publicKey
  const der = Buffer.from(pem.replace(/-----[A-Z ]*-----/g, '').replace(/\s+/g, ''), 'base64')
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' })
  } catch (e) {
    throw new Error(
      `Jira would reject this public key (expects X.509 SubjectPublicKeyInfo, "BEGIN PUBLIC KEY"): ${(e as Error).message}`,
      { cause: e },
    )
  }
}

export class SimulatorState {
  readonly consumers = new Map<string, Consumer>()
  readonly users = new Map<string, User>()
  readonly tokens = new Map<string, Token>()
  /** Keyed by upper-case issue key (lookups are case-insensitive). */
  readonly issues = new Map<string, Issue>()
  readonly statuses = new StatusRegistry()
  private readonly nonces = new Map<string, number>()
  /** Versions by id; names unique per project. */
  readonly versions = new Map<string, VersionState>()
  readonly projectSettings = new Map<string, ProjectSettings>()
  private readonly projectIds = new Map<string, number>()
  private readonly versionRaces: { project: string; name: string }[] = []
  private nextVersionId = 10000
  private nextUserKey = 10000
  private nextIssueId = 10000
  private nextCommentId = 10000
  private nextRemoteLinkId = 10000
  clockOffsetMs: number
  latencyMs: number
  /** How search answers `comment` and `expand=transitions` (see JiraSimulator.configureSearch). */
  search: {
    commentCap?: number
    expandTransitions: boolean
    /** A search index behind the database: each issue's status and comments as they were when frozen. */
    stale?: Map<string, { status: string; comments: CommentState[] }>
  } = { expandTransitions: true }

  constructor(
    /** The URL clients reach (bound socket + context path). */
    readonly baseUrl: string,
    /** The URL Jira believes it has: realm, self links and the signature base string origin. */
    readonly publicBaseUrl: string,
    clockOffsetSeconds: number,
    latencyMs: number,
  ) {
    this.clockOffsetMs = clockOffsetSeconds * 1000
    this.latencyMs = latencyMs
    this.addUser({ name: DEFAULT_USER, displayName: 'CI Bot' })
    this.addUser({ name: OTHER_USER, displayName: 'Other User' })
  }

  now(): number {
    return Date.now() + this.clockOffsetMs
  }

  addConsumer(c: ConsumerInput): void {
    this.consumers.set(c.key, {
      key: c.key,
      name: c.name ?? c.key,
      publicKey: parseConsumerPublicKey(c.publicKeyPem),
      allow2LO: c.allow2LO ?? false,
    })
  }

  addUser(u: UserInput): void {
    const existing = this.users.get(u.name)
    this.users.set(u.name, {
      name: u.name,
      // New Jira 8+ users get JIRAUSERnnnnn keys, so key and name differ, as on real instances.
      key: existing?.key ?? `JIRAUSER${this.nextUserKey++}`,
      displayName: u.displayName ?? u.name,
      emailAddress: u.emailAddress ?? `${u.name}@example.com`,
    })
  }

  requireUser(name: string): User {
    const u = this.users.get(name)
    if (!u) throw new Error(`Unknown user '${name}'`)
    return u
  }

  createRequestToken(consumerKey: string, callback: string | undefined): RequestToken {
    const t: RequestToken = {
      kind: 'request',
      token: this.uniqueToken(),
      secret: randomAlphanumeric(32),
      consumerKey,
      createdAt: this.now(),
      callback,
      decision: 'pending',
    }
    this.tokens.set(t.token, t)
    return t
  }

  createAccessToken(
    consumerKey: string,
    user: string,
    opts: { token?: string; secret?: string; createdAt?: number } = {},
  ): AccessToken {
    const createdAt = opts.createdAt ?? this.now()
    const t: AccessToken = {
      kind: 'access',
      token: opts.token ?? this.uniqueToken(),
      secret: opts.secret ?? randomAlphanumeric(32),
      consumerKey,
      user,
      createdAt,
      sessionHandle: randomAlphanumeric(32),
      sessionCreatedAt: createdAt,
    }
    this.tokens.set(t.token, t)
    return t
  }

  isExpired(t: Token): boolean {
    const ttl = t.kind === 'request' ? REQUEST_TOKEN_TTL_MS : ACCESS_TOKEN_TTL_MS
    return this.now() - t.createdAt > ttl
  }

  /** Records the nonce; false when consumer+nonce was seen within the memory window. */
  useNonce(consumerKey: string, nonce: string): boolean {
    const realNow = Date.now()
    for (const [k, seen] of this.nonces) if (realNow - seen > NONCE_MEMORY_MS) this.nonces.delete(k)
    const k = `${consumerKey}\u0000${nonce}`
    if (this.nonces.has(k)) return false
    this.nonces.set(k, realNow)
    return true
  }

  addIssue(i: IssueInput): Issue {
    const key = i.key.toUpperCase()
    const m = /^([A-Z][A-Z0-9_]*)-(\d+)$/.exec(key)
    if (!m) throw new Error(`Not a Jira issue key: '${i.key}'`)
    const transitions = (i.transitions ?? DEFAULT_TRANSITIONS).map((t) => structuredClone(t))
    const issue: Issue = {
      id: String(this.nextIssueId++),
      key,
      project: m[1] ?? '',
      summary: i.summary ?? `Simulated issue ${key}`,
      status: i.status ?? 'To Do',
      comments: [],
      remoteLinks: [],
      transitionsPerformed: [],
      transitions,
      ...(i.labels ? { labels: [...i.labels] } : {}),
      ...(i.fixVersions ? { fixVersions: [...i.fixVersions] } : {}),
    }
    this.statuses.id(issue.status)
    for (const t of transitions) this.statuses.id(t.to)
    for (let n = 0; n < (i.comments ?? 0); n++) {
      const at = jiraDate(SEED_COMMENT_EPOCH + n * 60_000)
      issue.comments.push({
        id: this.newCommentId(),
        body: `Pre-existing comment ${n + 1}`,
        author: OTHER_USER,
        created: at,
        updated: at,
      })
    }
    this.issues.set(key, issue)
    return issue
  }

  findIssue(keyOrId: string): Issue | undefined {
    const byKey = this.issues.get(keyOrId.toUpperCase())
    if (byKey) return byKey
    for (const issue of this.issues.values()) if (issue.id === keyOrId) return issue
    return undefined
  }

  projectExists(project: string): boolean {
    if (this.projectSettings.has(project)) return true
    for (const issue of this.issues.values()) if (issue.project === project) return true
    return false
  }

  projectId(project: string): number {
    let id = this.projectIds.get(project)
    if (id === undefined) this.projectIds.set(project, (id = 10000 + this.projectIds.size))
    return id
  }

  projectKeyOf(projectId: unknown): string | undefined {
    for (const [key, id] of this.projectIds) if (String(id) === String(projectId)) return key
    return undefined
  }

  administers(user: string, project: string): boolean {
    const admins = this.projectSettings.get(project)?.administrators
    return admins === undefined || admins.includes(user)
  }

  addVersion(v: Omit<VersionState, 'id'>): VersionState {
    const version: VersionState = { ...v, id: String(this.nextVersionId++) }
    this.projectId(v.project)
    this.versions.set(version.id, version)
    return version
  }

  /** The next create of this name in this project loses a race: another client creates it first. */
  armVersionRace(project: string, name: string): void {
    this.versionRaces.push({ project, name })
  }

  takeVersionRace(project: string, name: string): void {
    const i = this.versionRaces.findIndex((r) => r.project === project && r.name === name)
    if (i < 0) return
    this.versionRaces.splice(i, 1)
    this.addVersion({ project, name, released: false, archived: false })
  }

  newCommentId(): string {
    return String(this.nextCommentId++)
  }

  newRemoteLinkId(): string {
    return String(this.nextRemoteLinkId++)
  }

  private uniqueToken(): string {
    for (;;) {
      const t = randomAlphanumeric(32)
      if (!this.tokens.has(t)) return t
    }
  }
}
