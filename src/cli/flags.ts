/**
 * The CLI's flags. Each is named after the action input it feeds (InputReader reads inputs by
 * those names), so both adapters share one set of rules; `env` is the fallback variable.
 */
export interface FlagSpec {
  readonly name: string
  /** string: one value; boolean: bare flag means true; list: repeatable, values joined by newlines. */
  readonly kind: 'string' | 'boolean' | 'list'
  readonly description: string
  /** Placeholder in the help, e.g. URL in "--base-url URL". */
  readonly value?: string
  readonly env?: string
  /** Never echoed, and redacted from anything written to stderr. */
  readonly secret?: boolean
}

const flag = (
  name: string,
  kind: FlagSpec['kind'],
  value: string | undefined,
  description: string,
  extra: Partial<FlagSpec> = {},
): FlagSpec => ({ name, kind, value, description, ...extra })

export const CONNECTION_FLAGS: readonly FlagSpec[] = [
  flag('base-url', 'string', 'URL', 'Jira base URL, context path included (https://jira.example.com/jira)', {
    env: 'JIRA_BASE_URL',
  }),
  flag('consumer-key', 'string', 'KEY', "Consumer key of the Application Link's incoming authentication", {
    env: 'JIRA_CONSUMER_KEY',
  }),
  flag('private-key', 'string', 'PEM', 'RSA private key, the PEM text itself (prefer --private-key-file)', {
    env: 'JIRA_PRIVATE_KEY',
    secret: true,
  }),
  flag('private-key-file', 'string', 'PATH', 'File holding the RSA private key (PEM)', {
    env: 'JIRA_PRIVATE_KEY_FILE',
  }),
  flag('private-key-passphrase', 'string', 'TEXT', 'Passphrase of an encrypted private key', {
    env: 'JIRA_PRIVATE_KEY_PASSPHRASE',
    secret: true,
  }),
  flag('timeout', 'string', 'SECONDS', 'Seconds per HTTP request (default 30)'),
  flag('retries', 'string', 'N', 'Retries of retryable failures: 429, 502-504, connection errors (default 3)'),
  flag('verbose', 'boolean', undefined, 'Log every HTTP exchange (method, URL, status, time) to stderr'),
]

export const ACCESS_TOKEN_FLAG = flag(
  'access-token',
  'string',
  'TOKEN',
  'The authorized access token (from `jira-oauth bootstrap`)',
  { env: 'JIRA_ACCESS_TOKEN', secret: true },
)

export const REQUEST_FLAGS: readonly FlagSpec[] = [
  flag('method', 'string', 'METHOD', 'GET (default), POST, PUT, DELETE, PATCH or HEAD'),
  flag(
    'path',
    'string',
    'PATH',
    'REST path under the base URL, e.g. /rest/api/2/issue/ABC-1 (may carry an encoded query)',
  ),
  flag('query', 'list', 'NAME=VALUE', 'A query parameter, value raw (encoded for you); repeat for more'),
  flag('body', 'string', 'JSON', 'JSON body, sent as application/json'),
  flag(
    'fail-on-http-error',
    'boolean',
    undefined,
    'Exit 1 on a non-2xx answer (default true; --fail-on-http-error=false to exit 0)',
  ),
]

export const REQUEST_TOKEN_FLAGS: readonly FlagSpec[] = [
  flag('callback', 'string', 'URL', "oauth_callback: 'oob' (default: Jira shows a code) or an http(s) URL"),
]

export const ACCESS_TOKEN_FLAGS: readonly FlagSpec[] = [
  flag('request-token', 'string', 'TOKEN', 'The request token from `jira-oauth request-token`'),
  flag('verifier', 'string', 'CODE', 'The verification code Jira showed after Allow', { secret: true }),
  flag('request-token-secret', 'string', 'SECRET', 'Accepted for symmetry with the action; RSA-SHA1 does not use it', {
    secret: true,
  }),
]

export const ISSUES_FLAGS: readonly FlagSpec[] = [
  flag(
    'issues',
    'string',
    'KEYS',
    'Explicit issue keys, separated by commas or spaces (wins over --jql and the event)',
  ),
  flag('jql', 'string', 'JQL', 'A JQL query; every issue it returns is processed'),
  flag(
    'from',
    'string',
    'SOURCES',
    'Without --issues/--jql, where to look in the event: commits, branch, title, body (default all)',
  ),
  flag('event', 'string', 'FILE', 'Without --issues/--jql, the event payload (JSON) to find keys in', {
    env: 'GITHUB_EVENT_PATH',
  }),
  flag('event-name', 'string', 'NAME', "That event's name: push, pull_request, release...", {
    env: 'GITHUB_EVENT_NAME',
  }),
  flag('projects', 'string', 'KEYS', 'Keep only keys of these projects (comma list)'),
  flag('transition', 'string', 'NAME', 'Transition, or target status, to apply (issues already there are left alone)'),
  flag(
    'transition-fields',
    'string',
    'JSON',
    'Fields to set on the transition, e.g. {"resolution": {"name": "Fixed"}}',
  ),
  flag('comment', 'string', 'TEXT', 'Comment in Jira wiki markup with {{placeholders}}; a re-run updates it'),
  flag(
    'link',
    'boolean',
    undefined,
    'Add a remote link to the CI run (its URL from GitHub Actions, GitLab CI_PIPELINE_URL or Jenkins BUILD_URL)',
  ),
  flag('link-title', 'string', 'TEXT', 'Title of the remote link (default "{{workflow}} #{{run-number}}")'),
  flag('fix-version', 'string', 'NAME', 'Fix version to find or create in each project and add to each issue'),
  flag('version-description', 'string', 'TEXT', 'Description of a fix version this run creates'),
  flag('release-version', 'boolean', undefined, 'Release the fix version once every issue succeeded'),
  flag('labels', 'string', 'LIST', 'Labels to add to each issue (comma list; no spaces inside a label)'),
  flag('dry-run', 'boolean', undefined, 'Read everything and report what would be done, changing nothing'),
  flag('concurrency', 'string', 'N', 'Issues processed at once, 1-16 (default 4)'),
  flag('fail-on-error', 'boolean', undefined, 'Exit 1 if any issue failed (default true)'),
  flag('github-token', 'string', 'TOKEN', 'GitHub token to read commits beyond the event payload', {
    env: 'GITHUB_TOKEN',
    secret: true,
  }),
]

export const BOOTSTRAP_FLAGS: readonly FlagSpec[] = [
  flag(
    'callback-port',
    'string',
    'PORT',
    "Catch Jira's redirect on http://127.0.0.1:PORT/ instead of pasting the code (0: any free port)",
  ),
  flag('wait-seconds', 'string', 'SECONDS', 'With --callback-port, how long to wait for the redirect (default 600)'),
]

export const KEYGEN_FLAGS: readonly FlagSpec[] = [
  flag('bits', 'string', 'N', 'RSA key size, at least 2048 (default 3072)'),
  flag(
    'out',
    'string',
    'PATH',
    'Where to write the private key, mode 0600 (default jira-oauth-private.pem); never overwritten',
  ),
  flag(
    'public-out',
    'string',
    'PATH',
    'Where to write the public key (default: next to --out, e.g. jira-oauth-public.pem)',
  ),
  flag('consumer-key', 'string', 'KEY', 'Consumer key to show in the Application Link fields (default jira-oauth-ci)'),
  flag('consumer-name', 'string', 'NAME', 'Consumer name to show (default "CI (jira-oauth)")'),
]
