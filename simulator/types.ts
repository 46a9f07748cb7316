// Public types of the Jira simulator. Kept apart so tests can import them without the server.
import type { VersionState } from './rest-versions.js'

export type { VersionState }

export interface SimulatorOptions {
  /** Default '/jira'; the base URL includes it. Use '' for a root context. */
  contextPath?: string
  /** Serve HTTPS when given (PEM strings). */
  tls?: { key: string; cert: string }
  /** The base URL Jira believes it has (proxy-mismatch tests); default = the real base URL. */
  publicBaseUrl?: string
  /** Server clock = real clock + offset. */
  clockOffsetSeconds?: number
  /** Delay before every response. */
  latencyMs?: number
  /** Default 0 (random). Always bound to 127.0.0.1. */
  port?: number
  /** Called once each request has been answered (or reset), e.g. for logging. */
  onRequest?: (r: RecordedRequest) => void
}

export interface ConsumerInput {
  key: string
  publicKeyPem: string
  name?: string
  /** 2-legged OAuth (no token, impersonation via xoauth_requestor_id). Default false. */
  allow2LO?: boolean
}

export interface UserInput {
  name: string
  displayName?: string
  emailAddress?: string
}

/** One screen field of a transition, as GET transitions?expand=transitions.fields shows it. */
export interface TransitionFieldDef {
  required?: boolean
  /** Display name; defaults to the field id with a capital first letter. */
  name?: string
  schema?: { type: string; items?: string; system?: string }
  /** Allowed value names; rendered as [{id, name}]. */
  allowedValues?: string[]
  hasDefaultValue?: boolean
}

export interface TransitionDef {
  id: string
  name: string
  /** Target status name. */
  to: string
  /** Statuses the transition is available from; default: any status other than `to`. */
  from?: string[]
  /** Screen fields; a transition without fields has no screen. */
  fields?: Record<string, TransitionFieldDef>
}

export interface IssueInput {
  key: string
  summary?: string
  status?: string
  transitions?: TransitionDef[]
  /** Pre-existing comments by another user ('other.user'), to test paging. */
  comments?: number
  labels?: string[]
  /** Version names (of versions added with addVersion). */
  fixVersions?: string[]
}

export interface CommentState {
  id: string
  body: string
  /** User name of the author. */
  author: string
  created: string
  updated: string
}

export interface RemoteLinkState {
  id: string
  globalId?: string
  object: Record<string, unknown>
  application?: Record<string, unknown>
  relationship?: string
}

export interface PerformedTransition {
  id: string
  name: string
  from: string
  to: string
  fields: Record<string, unknown>
  user: string
}

export interface IssueState {
  id: string
  key: string
  project: string
  summary: string
  status: string
  resolution?: string
  fixVersions?: string[]
  labels?: string[]
  comments: CommentState[]
  remoteLinks: RemoteLinkState[]
  transitionsPerformed: PerformedTransition[]
  transitions: TransitionDef[]
}

interface FaultMatch {
  /** Case-insensitive HTTP method; any when absent. */
  method?: string
  /** Matched against the raw path after the context path, e.g. '/rest/api/2/issue/ABC-1/comment'. */
  path?: string | RegExp
  /** How many matching requests it applies to; default 1. */
  times?: number
}

export type Fault =
  | (FaultMatch & {
      kind: 'status'
      status: number
      retryAfter?: number
      body?: string
      /** Content-Type of `body`; by default JSON when it parses, else text/plain. */
      contentType?: string
      /**
       * A proxy or debug page echoing the request headers (Authorization included) in the body,
       * as JSON, an HTML page or plain text. Replaces `body`.
       */
      echoHeaders?: 'json' | 'html' | 'text'
      /** Run the real handler first (the change happens), then answer with this status. */
      afterHandler?: boolean
    })
  | (FaultMatch & { kind: 'reset' })
  | (FaultMatch & { kind: 'latency'; ms: number })

export interface RecordedRequest {
  method: string
  /** Raw path as received (percent-encoded, with the context path, no query). */
  path: string
  /** Decoded query pairs in order. */
  query: [string, string][]
  headers: Record<string, string | string[] | undefined>
  body: string
  /** Status answered; 0 when the socket was reset without a response. */
  status: number
  oauthProblem?: string
  /** User name the request acted as. */
  user?: string
  /** Kind of fault applied, if any. */
  fault?: Fault['kind']
  /** performance.now() in the simulator's process when the request arrived, and when its response was sent. */
  receivedAt: number
  answeredAt?: number
}

export interface AccessTokenOptions {
  token?: string
  expired?: boolean
}

/** A project's simulator settings (a project also exists as soon as it has an issue). */
export interface ProjectInput {
  key: string
  /** User names with Administer Projects (create, edit, release versions); default: every user. */
  administrators?: string[]
  /** Fields off the issues' edit screen: PUT /issue answers "cannot be set" for them. */
  fieldsNotOnEditScreen?: string[]
}

export interface VersionInput {
  project: string
  name: string
  description?: string
  released?: boolean
  archived?: boolean
  /** yyyy-MM-dd */
  releaseDate?: string
}

export interface JiraSimulator {
  readonly baseUrl: string
  /** The base URL Jira believes it has (realm, self links, signature base string origin). */
  readonly publicBaseUrl: string
  close(): Promise<void>
  addConsumer(c: ConsumerInput): void
  addUser(u: UserInput): void
  issueAccessToken(consumerKey: string, userName?: string, opts?: AccessTokenOptions): { token: string; secret: string }
  revokeToken(token: string): void
  approve(requestToken: string, userName?: string): { verifier: string; redirectUrl?: string }
  deny(requestToken: string): void
  expireRequestToken(requestToken: string): void
  addIssue(i: IssueInput): void
  issue(key: string): IssueState | undefined
  configureProject(p: ProjectInput): void
  addVersion(v: VersionInput): VersionState
  /** Deep copies of the project's versions. */
  versions(project: string): VersionState[]
  /** The next POST /version of this name in this project loses a race: the version appears just before. */
  raceVersionCreation(project: string, name: string): void
  /**
   * Search fidelity switches: `commentCap` limits the comments a search includes in the `comment`
   * field (its `total` still counts all, as Jira does when it truncates); `expandTransitions: false`
   * makes search ignore `expand=transitions`, as Jira 5.2 did (JRASERVER-31505).
   */
  configureSearch(o: {
    commentCap?: number
    expandTransitions?: boolean
    /**
     * true: search answers from an index that stops following the database now (Jira reindexes
     * asynchronously, so a search right after a change may show the issue before it); false: caught up.
     */
    staleIndex?: boolean
  }): void
  /**
   * Holds matching requests until `count` of them with the same path have arrived (or `timeoutMs`
   * passed), then lets them through together: two runs racing on the same issue, deterministically.
   */
  gatherRequests(g: { method: string; path: RegExp; count: number; timeoutMs?: number }): void
  setClockOffset(seconds: number): void
  setLatency(ms: number): void
  injectFault(f: Fault): void
  readonly requests: RecordedRequest[]
  resetLog(): void
}
