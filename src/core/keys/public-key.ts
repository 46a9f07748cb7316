import { createHash, createPublicKey, type KeyObject } from 'node:crypto'

/** The public half as Jira's Application Link takes it (SPKI "BEGIN PUBLIC KEY") and its fingerprint. */
export function publicKeyOf(key: KeyObject | string): { pem: string; fingerprint: string } {
  const publicKey = createPublicKey(key)
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return {
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: `SHA256:${createHash('sha256').update(der).digest('base64')}`,
  }
}
