/*
 * The one table of the action's inputs. action.yml is checked against it (names, order, required,
 * defaults, descriptions: __tests__/unit/project/input-table.test.ts), the README's input table is
 * tested against it, the CLI's flags and help are derived from it (src/cli/flags.ts), and the
 * secret inputs are the ones marked `secret`. A default here is also the value the CLI and the
 * InputReader use when an input is not given, so no default is written twice.
 *
 * To add an input: one entry here (in action.yml's order), the same input in action.yml, a row in
 * README's input table, and, if the CLI takes it, `flag` plus its name in a group of src/cli/flags.ts.
 */

export interface InputFlag {
  /** Placeholder in the CLI help, e.g. URL in "--base-url URL"; absent for a boolean flag. */
  readonly value?: string
  /** The CLI help line, in CLI words (flags, not inputs); "(default ...)" is added from `default`. */
  readonly help: string
  /** Environment variable the CLI reads when the flag is not given. */
  readonly env?: string
  /** A repeatable flag whose values are joined by new lines (the input takes one a line). */
  readonly list?: boolean
}

export interface InputSpec {
  /** The action input's name; the CLI flag is --name. */
  readonly name: string
  readonly required?: boolean
  /** action.yml's default, as written there; absent for a required input. '' means none. */
  readonly default?: string
  /** action.yml's description, exactly (after YAML folding). */
  readonly description: string
  /** Masked before anything else runs, and redacted from every output and message. */
  readonly secret?: boolean
  /** The CLI flag feeding this input; absent for an action-only input. */
  readonly flag?: InputFlag
}

export const INPUTS: readonly InputSpec[] = [
  {
    name: 'base-url',
    required: true,
    description: 'Jira base URL, context path included (https://jira.example.com/jira).',
    flag: {
      value: 'URL',
      help: 'Jira base URL, context path included (https://jira.example.com/jira)',
      env: 'JIRA_BASE_URL',
    },
  },
  {
    name: 'consumer-key',
    required: true,
    description: "Consumer key of the Application Link's incoming OAuth authentication.",
    flag: {
      value: 'KEY',
      help: "Consumer key of the Application Link's incoming authentication",
      env: 'JIRA_CONSUMER_KEY',
    },
  },
  {
    name: 'private-key',
    required: true,
    description:
      'RSA private key (PEM: PKCS#8 or PKCS#1, optionally encrypted; literal \\n sequences, CRLF, indentation and a base64-encoded PEM are accepted). Pass it from a secret.',
    secret: true,
    flag: {
      value: 'PEM',
      help: 'RSA private key, the PEM text itself (prefer --private-key-file)',
      env: 'JIRA_PRIVATE_KEY',
    },
  },
  {
    name: 'private-key-passphrase',
    default: '',
    description: 'Passphrase of an encrypted private key.',
    secret: true,
    flag: { value: 'TEXT', help: 'Passphrase of an encrypted private key', env: 'JIRA_PRIVATE_KEY_PASSPHRASE' },
  },
  {
    name: 'access-token',
    default: '',
    description: 'The authorized access token (from the request-token / access-token commands). Pass it from a secret.',
    secret: true,
    flag: {
      value: 'TOKEN',
      help: 'The authorized access token (from `jira-oauth bootstrap`)',
      env: 'JIRA_ACCESS_TOKEN',
    },
  },
  {
    name: 'command',
    default: 'request',
    description: 'What to do: request, whoami, request-token, access-token or issues.',
  },
  {
    name: 'method',
    default: 'GET',
    description: 'HTTP method for `request`.',
    flag: { value: 'METHOD', help: 'GET, POST, PUT, DELETE, PATCH or HEAD' },
  },
  {
    name: 'path',
    default: '',
    description: 'For `request`, a path under base-url (/rest/api/2/...); may carry an already-encoded query string.',
    flag: {
      value: 'PATH',
      help: 'REST path under the base URL, e.g. /rest/api/2/issue/ABC-1 (may carry an encoded query)',
    },
  },
  {
    name: 'query',
    default: '',
    description: 'For `request`, more query parameters, one name=value a line, values raw (the action encodes them).',
    flag: { value: 'NAME=VALUE', help: 'A query parameter, value raw (encoded for you); repeat for more', list: true },
  },
  {
    name: 'body',
    default: '',
    description: 'For `request`, a JSON body, sent as application/json.',
    flag: { value: 'JSON', help: 'JSON body, sent as application/json' },
  },
  {
    name: 'fail-on-http-error',
    default: 'true',
    description: 'Fail the step on a non-2xx answer (outputs are set either way).',
    flag: { help: 'Exit 1 on a non-2xx answer; --fail-on-http-error=false exits 0' },
  },
  {
    name: 'timeout',
    default: '30',
    description: 'Seconds per HTTP request.',
    flag: { value: 'SECONDS', help: 'Seconds per HTTP request' },
  },
  {
    name: 'retries',
    default: '3',
    description:
      'Retries of retryable failures (429, 502, 503, 504, connection errors; POST only where Jira cannot have acted).',
    flag: { value: 'N', help: 'Retries of retryable failures: 429, 502-504, connection errors' },
  },
  {
    name: 'callback',
    default: 'oob',
    description:
      "For `request-token`, the oauth_callback: 'oob' (Jira shows a verification code) or an absolute http(s) URL.",
    flag: { value: 'URL', help: "oauth_callback: 'oob' (Jira shows a code) or an http(s) URL" },
  },
  {
    name: 'request-token',
    default: '',
    description: 'For `access-token`, the request token from the `request-token` step.',
    flag: { value: 'TOKEN', help: 'The request token from `jira-oauth request-token`' },
  },
  {
    name: 'verifier',
    default: '',
    description: 'For `access-token`, the verification code Jira showed after Allow.',
    secret: true,
    flag: { value: 'CODE', help: 'The verification code Jira showed after Allow' },
  },
  {
    name: 'reveal-token',
    default: 'false',
    description:
      "For `access-token`, print the access token in the log instead of masking it, to copy it into a secret. A Jira access token is useless without the consumer's private key.",
  },
  {
    name: 'issues',
    default: '',
    description:
      'For `issues`, explicit issue keys separated by commas, spaces or newlines (takes precedence over jql and the event).',
    flag: { value: 'KEYS', help: 'Explicit issue keys, separated by commas or spaces (wins over --jql and the event)' },
  },
  {
    name: 'jql',
    default: '',
    description: 'For `issues`, a JQL query; every issue it returns is processed.',
    flag: { value: 'JQL', help: 'A JQL query; every issue it returns is processed' },
  },
  {
    name: 'from',
    default: '',
    description:
      'For `issues` without issues/jql, which parts of the event to search for keys (commits, branch, title, body); empty for all.',
    flag: {
      value: 'SOURCES',
      help: 'Without --issues/--jql, where to look in the event: commits, branch, title, body (all when not given)',
    },
  },
  {
    name: 'projects',
    default: '',
    description: 'For `issues`, keep only keys of these projects (comma list).',
    flag: { value: 'KEYS', help: 'Keep only keys of these projects (comma list)' },
  },
  {
    name: 'since',
    default: 'auto',
    description:
      "For `issues` without issues/jql, where the commits to search start: `auto` (by event: a push's own commits, since the previous tag for a tag push, the previous release for a release, the last successful deployment to `environment` or the last successful run of this workflow for deployment, workflow_dispatch, workflow_run, schedule and repository_dispatch), a tag, branch or commit SHA, or `none`.",
    flag: {
      value: 'REF',
      help: 'Where the commits start: auto (by event), none, or a tag/branch/SHA (outside GitHub: REF..HEAD of the local clone)',
    },
  },
  {
    name: 'environment',
    default: '',
    description:
      'For `issues` with since auto, the deployment environment (production) whose last successful deployment starts the range.',
    flag: { value: 'NAME', help: 'With --since auto: the deployment environment whose last success starts the range' },
  },
  {
    name: 'github-token',
    default: '${{ github.token }}',
    description: "For `issues`, a token to read commits beyond the event payload (push) and a pull request's commits.",
    secret: true,
    flag: { value: 'TOKEN', help: 'GitHub token to read commits beyond the event payload', env: 'GITHUB_TOKEN' },
  },
  {
    name: 'transition',
    default: '',
    description:
      'For `issues`, the name of a transition or of the target status (case-insensitive). Issues already there are left alone.',
    flag: { value: 'NAME', help: 'Transition, or target status, to apply (issues already there are left alone)' },
  },
  {
    name: 'transition-fields',
    default: '',
    description:
      'For `issues`, a JSON object of fields to set on the transition, e.g. {"resolution": {"name": "Fixed"}}.',
    flag: { value: 'JSON', help: 'Fields to set on the transition, e.g. {"resolution": {"name": "Fixed"}}' },
  },
  {
    name: 'comment',
    default: '',
    description:
      'For `issues`, a comment in Jira wiki markup with placeholders such as {{run-url}}, {{issue}}, {{status}}. A re-run updates the comment this step posted instead of adding another.',
    flag: { value: 'TEXT', help: 'Comment in Jira wiki markup with {{placeholders}}; a re-run updates it' },
  },
  {
    name: 'link',
    default: 'false',
    description: 'For `issues`, add a remote link to the workflow run on each issue (re-runs update it).',
    flag: {
      help: 'Add a remote link to the CI run (its URL from GitHub Actions, GitLab CI_PIPELINE_URL or Jenkins BUILD_URL)',
    },
  },
  {
    name: 'link-title',
    default: '{{workflow}} #{{run-number}}',
    description: 'For `issues`, the title of the remote link.',
    flag: { value: 'TEXT', help: 'Title of the remote link' },
  },
  {
    name: 'fix-version',
    description:
      "For `issues`, a fix version name (placeholders allowed, e.g. `{{ref-name}}`): found or created once in each project of the issues, then added to each issue's fix versions (the versions already there stay).",
    flag: { value: 'NAME', help: 'Fix version to find or create in each project and add to each issue' },
  },
  {
    name: 'version-description',
    description: 'For `issues`, the description of a fix version this step creates.',
    flag: { value: 'TEXT', help: 'Description of a fix version this run creates' },
  },
  {
    name: 'release-version',
    default: 'false',
    description:
      'For `issues`, `true` marks the fix version released (today) in each project once every issue succeeded; with a failed issue it is not released.',
    flag: { help: 'Release the fix version once every issue succeeded' },
  },
  {
    name: 'labels',
    description:
      'For `issues`, labels to add to each issue, separated by commas or new lines (no spaces inside a label).',
    flag: { value: 'LIST', help: 'Labels to add to each issue (comma list; no spaces inside a label)' },
  },
  {
    name: 'dry-run',
    default: 'false',
    description: 'For `issues`, read everything and report what would be done, changing nothing.',
    flag: { help: 'Read everything and report what would be done, changing nothing' },
  },
  {
    name: 'concurrency',
    default: '4',
    description: 'For `issues`, how many issues are processed at once (1-16).',
    flag: { value: 'N', help: 'Issues processed at once, 1-16' },
  },
  {
    name: 'fail-on-error',
    default: 'true',
    description: 'For `issues`, fail the step (after all issues were attempted) if any issue failed.',
    flag: { help: 'Exit 1 if any issue failed' },
  },
]

const BY_NAME: ReadonlyMap<string, InputSpec> = new Map(INPUTS.map((spec) => [spec.name, spec]))

export function inputSpec(name: string): InputSpec | undefined {
  return BY_NAME.get(name)
}

/** A default the runner evaluates (`${{ github.token }}`) is no value outside it. */
const isExpression = (text: string) => text.includes('${{')

/** The value an input has when it is not given (the action.yml default), or undefined. */
export function inputDefault(name: string): string | undefined {
  const value = BY_NAME.get(name)?.default
  return value === undefined || value === '' || isExpression(value) ? undefined : value
}

/** Whether a default is a boolean word, which makes the CLI flag a bare boolean flag. */
export function isBooleanInput(spec: InputSpec): boolean {
  return spec.default === 'true' || spec.default === 'false'
}

/** Names of the inputs whose values are secrets: adapters mask them before anything else. */
export const SECRET_INPUTS: readonly string[] = INPUTS.filter((spec) => spec.secret).map((spec) => spec.name)
