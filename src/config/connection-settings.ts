import { parsePrivateKey, pemSecretFragments, type ParsedPrivateKey } from '../core/keys/private-key.js'
import { normalizeBaseUrl } from '../jira/request-url.js'
import type { JiraClientConfig } from '../jira/client.js'
import type { InputLabel } from '../core/input-label.js'
import type { InputReader } from './input-reader.js'

export interface ConnectionSettings {
  readonly baseUrl: string
  readonly consumerKey: string
  readonly privateKey: ParsedPrivateKey
  readonly accessToken: string | undefined
  readonly timeoutMs: number
  readonly retries: number
  /** Values derived from secrets (the normalized key and its lines) that must be masked too. */
  readonly derivedSecrets: readonly string[]
  /** Things worth saying before the first request (not errors). */
  readonly warnings: readonly string[]
  /** How the adapter names inputs, for the client's diagnoses. */
  readonly label: InputLabel
}

/** Jira Cloud still answers OAuth 1.0a but has deprecated it; say so once, not fail. */
function platformWarnings(baseUrl: string, label: InputLabel): string[] {
  const warnings: string[] = []
  if (/\.atlassian\.net$/i.test(new URL(baseUrl).hostname)) {
    warnings.push(
      `${label('base-url')} is a Jira Cloud site, where Atlassian has deprecated OAuth 1.0a for REST APIs. It still works there for now; this tool is built for Jira Server / Data Center.`,
    )
  }
  return warnings
}

/** Reads what every command needs to sign a request; `needsAccessToken` for REST commands. */
export function readConnectionSettings(inputs: InputReader, needsAccessToken: boolean): ConnectionSettings {
  const baseUrl = normalizeBaseUrl(
    inputs.required(
      'base-url',
      'Set it to the Jira base URL, context path included, e.g. https://jira.example.com/jira.',
    ),
    inputs.label('base-url'),
  )
  const consumerKey = inputs.required(
    'consumer-key',
    "Set it to the consumer key of the Application Link's incoming OAuth authentication.",
  )
  const rawKey = inputs.raw('private-key') ?? ''
  const privateKey = parsePrivateKey(
    rawKey,
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
  return {
    baseUrl,
    consumerKey,
    privateKey,
    accessToken,
    timeoutMs: inputs.integer('timeout', 30, 1, 3600) * 1000,
    retries: inputs.integer('retries', 3, 0, 10),
    derivedSecrets: pemSecretFragments(privateKey.pem),
    warnings: platformWarnings(baseUrl, inputs.label),
    label: inputs.label,
  }
}

export function clientConfig(settings: ConnectionSettings): JiraClientConfig {
  return {
    baseUrl: settings.baseUrl,
    consumerKey: settings.consumerKey,
    privateKey: settings.privateKey.key,
    accessToken: settings.accessToken,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    label: settings.label,
  }
}
