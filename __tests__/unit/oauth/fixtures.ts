// Shared loader for the conformance fixtures copied into __tests__/fixtures (the tests read nothing outside the repository).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url))

export interface NegativeControl {
  readonly mistake: string
  readonly change: {
    readonly add_params?: readonly (readonly [string, string])[]
    readonly remove_params?: readonly string[]
    readonly url?: string
  }
  readonly signature: string
}

export interface Vector {
  readonly id: string
  readonly method: string
  readonly url: string
  readonly form_body: string | null
  readonly oauth_params: Readonly<Record<string, string>>
  readonly realm: string | null
  readonly signature_method: 'RSA-SHA1' | 'HMAC-SHA1' | 'HMAC-SHA256'
  readonly key_ref: string | null
  readonly consumer_secret: string | null
  readonly token_secret: string | null
  readonly expected_normalized_params: string
  readonly expected_base_string_uri: string
  readonly expected_base_string: string
  readonly expected_signature: string
  readonly authorization_header?: string
  readonly negative_controls?: readonly NegativeControl[]
}

export interface KeyEntry {
  readonly public_key: string
  readonly certificate?: string
  readonly published_public_key?: string
  readonly other_forms?: Readonly<Record<string, { readonly passphrase: string | null }>>
}

export interface VectorsFile {
  readonly keys: Readonly<Record<string, KeyEntry>>
  readonly vectors: readonly Vector[]
  readonly base_string_cases: readonly {
    readonly id: string
    readonly method: string
    readonly url: string
    readonly form_body: string | null
    readonly expected_base_string: string
  }[]
  readonly base_string_uri_cases: readonly { readonly input: string; readonly expected: string }[]
  readonly normalized_parameters_cases: readonly { readonly input: string; readonly expected: string }[]
  readonly percent_encoding_cases: readonly { readonly raw: string; readonly encoded: string }[]
  readonly hmac_sha1_cases: readonly {
    readonly consumer_secret: string
    readonly token_secret: string
    readonly base_string: string
    readonly expected_signature: string
  }[]
}

export function loadVectors(): VectorsFile {
  return JSON.parse(readFileSync(`${FIXTURES_DIR}vectors.json`, 'utf8')) as VectorsFile
}

export function readKey(file: string): string {
  return readFileSync(`${FIXTURES_DIR}keys/${file}`, 'utf8')
}
