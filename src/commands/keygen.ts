import { generateKeyPairSync } from 'node:crypto'
import { ConfigError } from '../core/errors.js'
import { plainLabel, type InputLabel } from '../core/input-label.js'
import { publicKeyOf } from '../core/keys/public-key.js'

export const DEFAULT_KEY_BITS = 3072
export const MIN_KEY_BITS = 2048
export const DEFAULT_CONSUMER_KEY = 'jira-oauth-ci'
export const DEFAULT_CONSUMER_NAME = 'CI (jira-oauth)'

export interface ConsumerKeyPair {
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"): the secret, for JIRA_PRIVATE_KEY. */
  readonly privateKeyPem: string
  /** SPKI PEM ("BEGIN PUBLIC KEY"): what the Application Link's incoming authentication takes. */
  readonly publicKeyPem: string
  /** SHA-256 of the DER public key, as the client's OAuth diagnostics print it. */
  readonly fingerprint: string
  readonly bits: number
}

/** A fresh RSA key pair for an OAuth consumer; Jira's RSA-SHA1 needs RSA, and 2048 bits is the floor worth using. */
export function generateConsumerKeyPair(
  bits: number = DEFAULT_KEY_BITS,
  label: InputLabel = plainLabel,
): ConsumerKeyPair {
  if (!Number.isInteger(bits) || bits < MIN_KEY_BITS || bits > 16384 || bits % 8 !== 0) {
    throw new ConfigError(
      `${label('bits')} must be a multiple of 8 from ${MIN_KEY_BITS} to 16384, not ${bits}.`,
      `Use ${DEFAULT_KEY_BITS} (the default) or 4096.`,
    )
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, fingerprint: publicKeyOf(publicKey).fingerprint, bits }
}

export interface ApplicationLinkFields {
  readonly consumerKey: string
  readonly consumerName: string
  readonly publicKeyPem: string
}

/** What a Jira administrator fills in, in the order the Application Link screens ask for it. */
export function applicationLinkInstructions(fields: ApplicationLinkFields): string {
  return [
    'In Jira (as an administrator): Administration > Applications > Application Links > Create link.',
    '  1. Enter any URL for the application (e.g. https://ci.invalid) and continue past the "No response" warning.',
    `  2. Application Name: ${fields.consumerName}; Application Type: Generic Application; tick "Create incoming link"; Continue.`,
    '  3. Incoming authentication (OAuth), fill in:',
    `       Consumer Key:  ${fields.consumerKey}`,
    `       Consumer Name: ${fields.consumerName}`,
    '       Public Key:    (the whole block below, BEGIN/END lines included)',
    '',
    fields.publicKeyPem.trimEnd(),
    '',
    'Then store the private key as the secret JIRA_PRIVATE_KEY, the consumer key as JIRA_CONSUMER_KEY,',
    'and get an access token with: jira-oauth bootstrap',
  ].join('\n')
}
