import { randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * RFC 5849 section 3.3: a random string unique for every request with the same timestamp.
 * 32 alphanumerics (about 190 bits), like Jira's own tokens; 248 = 62*4 keeps the choice unbiased.
 */
export function generateNonce(length = 32): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET.charAt(byte % 62)
    }
  }
  return out
}
