import { inputDefault, inputSpec, isBooleanInput } from '../config/inputs.js'

/**
 * The CLI's flags. A flag that feeds an action input is derived from the input table
 * (src/config/inputs.ts): its name, help, default, environment fallback and secret-ness come from
 * there, so InputReader reads it by the input's name with the action's rules. The flags only the
 * CLI has (a key file, bootstrap's and keygen's options) are written here.
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

const shownDefault = (value: string) => (/\s/.test(value) ? `"${value}"` : value)

/** The flag of an action input, from the input table; a name without a flag there is a bug here. */
function inputFlag(name: string): FlagSpec {
  const spec = inputSpec(name)
  if (!spec?.flag)
    throw new Error(`src/config/inputs.ts has no flag for the input "${name}" that src/cli/flags.ts uses.`)
  // A boolean flag is off unless given: only a default of true is worth saying.
  const fallback = spec.default === 'false' ? undefined : inputDefault(name)
  return {
    name,
    kind: spec.flag.list ? 'list' : isBooleanInput(spec) ? 'boolean' : 'string',
    value: isBooleanInput(spec) ? undefined : spec.flag.value,
    description: `${spec.flag.help}${fallback ? ` (default ${shownDefault(fallback)})` : ''}`,
    env: spec.flag.env,
    secret: spec.secret,
  }
}

const inputFlags = (...names: string[]) => names.map(inputFlag)

/** `--NAME-file PATH` beside an input's flag, its variable the input's with `_FILE` (JIRA_PASSWORD_FILE). */
const fileFlag = (name: string, description: string): FlagSpec =>
  flag(`${name}-file`, 'string', 'PATH', description, { env: `${inputFlag(name).env}_FILE` })

export const CONNECTION_FLAGS: readonly FlagSpec[] = [
  inputFlag('base-url'),
  inputFlag('consumer-key'),
  inputFlag('private-key'),
  fileFlag('private-key', 'File holding the RSA private key (PEM)'),
  inputFlag('private-key-passphrase'),
  inputFlag('personal-access-token'),
  fileFlag('personal-access-token', 'File holding the personal access token'),
  inputFlag('username'),
  fileFlag('username', 'File holding the Basic-auth user name'),
  inputFlag('password'),
  fileFlag('password', 'File holding the Basic-auth password'),
  ...inputFlags('timeout', 'retries'),
  flag('verbose', 'boolean', undefined, 'Log every HTTP exchange (method, URL, status, time) to stderr'),
]

export const ACCESS_TOKEN_FLAG = inputFlag('access-token')

export const REQUEST_FLAGS: readonly FlagSpec[] = inputFlags('method', 'path', 'query', 'body', 'fail-on-http-error')

export const REQUEST_TOKEN_FLAGS: readonly FlagSpec[] = inputFlags('callback')

export const ACCESS_TOKEN_FLAGS: readonly FlagSpec[] = inputFlags('request-token', 'verifier')

export const ISSUES_FLAGS: readonly FlagSpec[] = [
  ...inputFlags(
    'issues',
    'jql',
    'from',
    'projects',
    'since',
    'environment',
    'transition',
    'transition-fields',
    'comment',
    'link',
    'link-title',
    'fix-version',
    'version-description',
    'release-version',
    'labels',
    'dry-run',
    'concurrency',
    'fail-on-error',
    'github-token',
  ),
  // The action reads the event the runner names; the CLI may be given one (defaults: the same variables).
  flag('event', 'string', 'FILE', 'Without --issues/--jql, the event payload (JSON) to find keys in', {
    env: 'GITHUB_EVENT_PATH',
  }),
  flag('event-name', 'string', 'NAME', "That event's name: push, pull_request, release...", {
    env: 'GITHUB_EVENT_NAME',
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
