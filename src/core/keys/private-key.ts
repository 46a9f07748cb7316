import { createPrivateKey, createSign, type KeyObject } from 'node:crypto'
import { ConfigError } from '../errors.js'

export interface ParsedPrivateKey {
  readonly key: KeyObject
  /** The key as canonical PEM text; a secret, to be masked like the input. */
  readonly pem: string
  readonly format: 'pkcs1' | 'pkcs8' | 'encrypted-pkcs8'
  readonly bits: number
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/

/** Undo the ways a PEM gets mangled on its way into a CI secret or variable. */
export function normalizePemText(raw: string): string {
  let text = raw.trim()
  // A PEM pasted with literal "\n" (or "\r\n") sequences, often inside quotes.
  if (!text.includes('\n') && /(?:\\r)?\\n/.test(text)) text = text.replace(/(?:\\r)?\\n/g, '\n')
  text = text.replace(/^["']|["']$/g, '').trim()
  // A whole PEM encoded once more as base64 (a common way to keep newlines in a variable).
  if (!text.includes('-----BEGIN') && /^[A-Za-z0-9+/=\s]+$/.test(text)) {
    const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
    if (decoded.includes('-----BEGIN')) text = decoded.trim()
  }
  const block = PEM_BLOCK.exec(text)
  if (!block) return text
  const [, label, inner = ''] = block
  // Headers such as "Proc-Type:" (legacy encrypted PKCS#1) must keep their own lines.
  const lines = inner
    .replace(/\r/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const headers = lines.filter((line) => line.includes(':'))
  // CRLF, indentation, or a body flattened to one line with spaces: rewrap at 64 columns.
  const body = lines
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+/g, '')
  const wrapped = body.match(/.{1,64}/g) ?? []
  const head = headers.length > 0 ? [...headers, ''] : []
  return [`-----BEGIN ${label}-----`, ...head, ...wrapped, `-----END ${label}-----`, ''].join('\n')
}

function describeFound(text: string): string {
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1]
  if (label) return `a PEM block labelled "${label}"`
  if (text.startsWith('ssh-rsa ')) return 'an OpenSSH public key line'
  // People pass the path of the key file instead of its content; the path itself is no secret.
  if (/^(~|\.{0,2}\/|[A-Za-z]:\\)?[\w./\\-]+\.(pem|key|txt)$/.test(text))
    return `what looks like a file name ("${text.slice(0, 80)}"): pass the key's content, not its path`
  return `${text.length} characters that are not a PEM block (no "-----BEGIN ...-----" line)`
}

/**
 * Parses the consumer's RSA private key from the forms people paste into CI secrets:
 * PKCS#1, PKCS#8, encrypted PKCS#8 (with a passphrase), literal "\n", CRLF, indentation, base64.
 * `source` names where the value came from (an input or flag) so errors can point at it;
 * errors describe what was found, never the key.
 */
export function parsePrivateKey(
  raw: string,
  passphrase: string | undefined,
  source: string,
  passphraseSource: string,
): ParsedPrivateKey {
  if (raw.trim() === '') {
    throw new ConfigError(
      `${source} is empty.`,
      'Set it to the RSA private key (PEM) whose public key is in the Jira Application Link.',
    )
  }
  const pem = normalizePemText(raw)
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1]
  const hint =
    'Paste the PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----) whose public key is in the Jira Application Link.'
  if (!label?.endsWith('PRIVATE KEY')) {
    const what =
      label?.includes('PUBLIC KEY') || label === 'CERTIFICATE'
        ? `${describeFound(pem)}: that is the public half, which belongs in Jira's Application Link`
        : describeFound(pem)
    throw new ConfigError(`${source} does not hold a private key: found ${what}.`, hint)
  }
  if (label === 'OPENSSH PRIVATE KEY') {
    throw new ConfigError(
      `${source} holds an OpenSSH-format private key, which Node.js cannot read.`,
      'Convert it to PEM with `ssh-keygen -p -m PEM -f KEYFILE` (or `openssl pkey -in KEYFILE`), then paste the result.',
    )
  }
  const encrypted = label === 'ENCRYPTED PRIVATE KEY' || pem.includes('Proc-Type: 4,ENCRYPTED')
  if (encrypted && !passphrase) {
    throw new ConfigError(
      `${source} is encrypted, but ${passphraseSource} is empty.`,
      `Set ${passphraseSource} to the key's passphrase.`,
    )
  }
  let key: KeyObject
  try {
    key = createPrivateKey({ key: pem, format: 'pem', ...(encrypted ? { passphrase } : {}) })
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (encrypted) {
      throw new ConfigError(
        `${source} could not be decrypted with ${passphraseSource} (${code || 'bad decrypt'}).`,
        `Check ${passphraseSource}: it must be the passphrase the key was encrypted with.`,
      )
    }
    throw new ConfigError(
      `${source} holds a "${label}" block that is not a readable key (${code || 'decode error'}); part of it may be missing.`,
      hint,
    )
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new ConfigError(
      `${source} holds a ${key.asymmetricKeyType ?? 'non-RSA'} key; Jira's OAuth 1.0a accepts only RSA keys (RSA-SHA1).`,
      'Generate an RSA key (2048 bits or more) and put its public key in the Application Link.',
    )
  }
  assertSha1SigningAllowed(key)
  return {
    key,
    pem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    format: encrypted ? 'encrypted-pkcs8' : label === 'RSA PRIVATE KEY' ? 'pkcs1' : 'pkcs8',
    bits: key.asymmetricKeyDetails?.modulusLength ?? 0,
  }
}

/** Some OpenSSL policies (security level 2+ or FIPS) refuse SHA-1 signatures; say so up front. */
function assertSha1SigningAllowed(key: KeyObject): void {
  try {
    createSign('RSA-SHA1').update('probe').sign(key)
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ConfigError(
      `This Node.js runtime refuses RSA-SHA1 signatures (${detail}), and Jira's OAuth 1.0a accepts no other method.`,
      'The OpenSSL policy in use forbids SHA-1 (a FIPS provider or a crypto policy such as DEFAULT:@SECLEVEL=3). Run on a runtime whose OpenSSL policy allows SHA-1 signatures, e.g. without OPENSSL_CONF pointing at a FIPS config.',
    )
  }
}

/** Every string derived from a secret PEM that must be masked in logs: whole values and lines. */
export function pemSecretFragments(...values: readonly string[]): string[] {
  const fragments = new Set<string>()
  for (const value of values) {
    if (!value) continue
    fragments.add(value)
    fragments.add(value.trim())
    for (const line of value.split(/\r?\n|(?:\\r)?\\n/)) {
      const trimmed = line.trim()
      // Header lines ("-----BEGIN ...") are public knowledge and masking them would hide useful text.
      if (trimmed.length >= 8 && !trimmed.startsWith('-----')) fragments.add(trimmed)
    }
  }
  return [...fragments].filter((value) => value.length > 0)
}
