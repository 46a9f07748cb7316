import { ConfigError } from '../core/errors.js'
import { parsePrivateKey } from '../core/keys/private-key.js'
import { CREDENTIAL_NAMES, type Credential, type CredentialKind } from '../jira/credentials.js'
import { isJiraCloud } from '../jira/diagnose-login.js'
import type { InputReader } from './input-reader.js'

/** The inputs that select each kind: setting any of them chooses it. */
const KIND_INPUTS: Readonly<Record<CredentialKind, readonly string[]>> = {
  oauth: ['consumer-key', 'private-key', 'access-token'],
  pat: ['personal-access-token'],
  basic: ['username', 'password'],
}

// Control characters cannot travel in an HTTP header; Node refuses them, Jira would never match.
const CONTROL = /[\u0000-\u001f\u007f]/

function chooseKind(inputs: InputReader): { kind: CredentialKind | undefined; set: Map<CredentialKind, string[]> } {
  const set = new Map<CredentialKind, string[]>()
  for (const [kind, names] of Object.entries(KIND_INPUTS) as [CredentialKind, readonly string[]][]) {
    const given = names.filter((name) => inputs.raw(name) !== undefined)
    if (given.length > 0) set.set(kind, given)
  }
  const label = (names: readonly string[]) => names.map((name) => inputs.label(name)).join(' + ')
  if (set.size > 1) {
    throw new ConfigError(
      `Credentials of more than one kind are given: ${[...set].map(([kind, names]) => `${label(names)} (${CREDENTIAL_NAMES[kind]})`).join(' and ')}.`,
      'Give exactly one kind per step and remove the others: a personal access token, or username and password, or the OAuth 1.0a consumer-key, private-key and access-token.',
    )
  }
  return { kind: [...set.keys()][0], set }
}

function noCredentials(inputs: InputReader): ConfigError {
  const l = (name: string) => inputs.label(name)
  return new ConfigError(
    'No Jira credentials are given.',
    `Give one kind: ${l('personal-access-token')} (Jira Data Center 8.14+); or ${l('username')} and ${l('password')} (Basic auth; on Jira Cloud the e-mail address and an API token); ` +
      `or ${l('consumer-key')}, ${l('private-key')} and ${l('access-token')} (OAuth 1.0a). The README's Credentials section compares them.`,
  )
}

function readOAuth(inputs: InputReader, needsAccessToken: boolean): { credential: Credential; keyPem: string } {
  const consumerKey = inputs.required(
    'consumer-key',
    "Set it to the consumer key of the Application Link's incoming OAuth authentication.",
  )
  const privateKey = parsePrivateKey(
    inputs.raw('private-key') ?? '',
    inputs.raw('private-key-passphrase'),
    inputs.label('private-key'),
    inputs.label('private-key-passphrase'),
  )
  const accessToken = inputs.optional('access-token')
  if (needsAccessToken && accessToken === undefined) {
    inputs.required(
      'access-token',
      'Get one once with the `request-token` and `access-token` commands (or `jira-oauth bootstrap`) and store it as a secret.',
    )
  }
  return { credential: { kind: 'oauth', consumerKey, privateKey: privateKey.key, accessToken }, keyPem: privateKey.pem }
}

function readToken(inputs: InputReader, baseUrl: string): Credential {
  const label = inputs.label('personal-access-token')
  const token = inputs.optional('personal-access-token') ?? ''
  if (/^bearer\s/i.test(token))
    throw new ConfigError(`${label} starts with "Bearer".`, 'Give the token only; the tool sends the Bearer scheme.')
  if (/\s/.test(token) || CONTROL.test(token))
    throw new ConfigError(
      `${label} contains blanks or control characters.`,
      'Copy the token exactly as Jira showed it once at creation (one word of letters and digits).',
    )
  if (isJiraCloud(baseUrl))
    throw new ConfigError(
      `${inputs.label('base-url')} is a Jira Cloud site, and Jira Cloud does not take personal access tokens (${label}).`,
      `On Jira Cloud use Basic auth: ${inputs.label('username')} set to the e-mail address of the account and ${inputs.label('password')} set to an API token (id.atlassian.com > Security > API tokens).`,
    )
  return { kind: 'pat', token }
}

function readBasic(inputs: InputReader): Credential {
  const username = inputs.required(
    'username',
    `Basic auth needs both ${inputs.label('username')} and ${inputs.label('password')}.`,
  )
  const password = inputs.raw('password')
  if (password === undefined)
    throw new ConfigError(
      `${inputs.label('password')} is required.`,
      `Basic auth needs both ${inputs.label('username')} and ${inputs.label('password')}.`,
    )
  if (username.includes(':') || CONTROL.test(username))
    throw new ConfigError(
      `${inputs.label('username')} contains a colon or a control character, which Basic auth cannot carry.`,
      'Give the Jira login name (on Jira Cloud, the e-mail address).',
    )
  if (CONTROL.test(password))
    throw new ConfigError(
      `${inputs.label('password')} contains a line break or another control character.`,
      'Store the password alone in the secret, without a trailing newline.',
    )
  return { kind: 'basic', username, password }
}

/**
 * Exactly one kind of credential, chosen by which inputs are set; none, or two kinds at once, is
 * refused before any request. `needsAccessToken` false means a step of the OAuth token exchange,
 * which only OAuth has.
 */
export function readCredential(
  inputs: InputReader,
  baseUrl: string,
  needsAccessToken: boolean,
): { credential: Credential; keyPem?: string } {
  const { kind, set } = chooseKind(inputs)
  if (!needsAccessToken && kind !== undefined && kind !== 'oauth') {
    throw new ConfigError(
      `This command is a step of the OAuth 1.0a token exchange, and the credentials given are ${CREDENTIAL_NAMES[kind]} (${(set.get(kind) ?? []).map((n) => inputs.label(n)).join(', ')}).`,
      `The token exchange (request-token, access-token, bootstrap) is for OAuth only and needs ${inputs.label('consumer-key')} and ${inputs.label('private-key')}. A personal access token or a password needs no exchange: use it directly with request, whoami or issues.`,
    )
  }
  if (kind === 'oauth' || (kind === undefined && !needsAccessToken)) return readOAuth(inputs, needsAccessToken)
  if (kind === 'pat') return { credential: readToken(inputs, baseUrl) }
  if (kind === 'basic') return { credential: readBasic(inputs) }
  throw noCredentials(inputs)
}
