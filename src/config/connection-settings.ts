import { pemSecretFragments } from '../core/keys/private-key.js'
import type { JiraClientConfig } from '../jira/client.js'
import type { InputLabel } from '../core/input-label.js'
import { basicToken, type Credential } from '../jira/credentials.js'
import { isJiraCloud } from '../jira/diagnose-login.js'
import { normalizeBaseUrl } from '../jira/request-url.js'
import { readCredential } from './credential-settings.js'
import type { InputReader } from './input-reader.js'

export interface ConnectionSettings {
  readonly baseUrl: string
  /** Exactly one kind, chosen by which inputs are set. */
  readonly credential: Credential
  readonly timeoutMs: number
  readonly retries: number
  /** Values derived from secrets (the normalized key and its lines, the Basic header) that must be masked too. */
  readonly derivedSecrets: readonly string[]
  /** Things worth saying before the first request (not errors). */
  readonly warnings: readonly string[]
  /** How the adapter names inputs, for the client's diagnoses. */
  readonly label: InputLabel
}

/** Jira Cloud still answers OAuth 1.0a but has deprecated it; say so once, not fail. */
function platformWarnings(baseUrl: string, credential: Credential, label: InputLabel): string[] {
  const warnings: string[] = []
  if (credential.kind === 'oauth' && isJiraCloud(baseUrl)) {
    warnings.push(
      `${label('base-url')} is a Jira Cloud site, where Atlassian has deprecated OAuth 1.0a for REST APIs. It still works there for now; this tool is built for Jira Server / Data Center.`,
    )
  }
  return warnings
}

/** Values derived from a secret that an echo could show: the key's PEM and lines, the Basic token. */
function derivedSecrets(credential: Credential, keyPem: string | undefined): string[] {
  if (credential.kind === 'basic') return [basicToken(credential)]
  return keyPem === undefined ? [] : pemSecretFragments(keyPem)
}

/**
 * Reads what every command needs to reach Jira. `needsAccessToken`: a REST command (any credential
 * kind; OAuth then needs its access token); false: a step of the OAuth token exchange (OAuth only).
 */
export function readConnectionSettings(inputs: InputReader, needsAccessToken: boolean): ConnectionSettings {
  const baseUrl = normalizeBaseUrl(
    inputs.required(
      'base-url',
      'Set it to the Jira base URL, context path included, e.g. https://jira.example.com/jira.',
    ),
    inputs.label('base-url'),
  )
  const { credential, keyPem } = readCredential(inputs, baseUrl, needsAccessToken)
  return {
    baseUrl,
    credential,
    timeoutMs: inputs.integer('timeout', 30, 1, 3600) * 1000,
    retries: inputs.integer('retries', 3, 0, 10),
    derivedSecrets: derivedSecrets(credential, keyPem),
    warnings: platformWarnings(baseUrl, credential, inputs.label),
    label: inputs.label,
  }
}

export function clientConfig(settings: ConnectionSettings): JiraClientConfig {
  return {
    baseUrl: settings.baseUrl,
    credential: settings.credential,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    label: settings.label,
  }
}
