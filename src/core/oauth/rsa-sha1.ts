import { createSign, createVerify, type KeyObject } from 'node:crypto'

/**
 * RFC 5849 section 3.4.3 "RSA-SHA1": RSASSA-PKCS1-v1_5 (RFC 3447 section 8.2) with SHA-1 over
 * the UTF-8 base string, base64-encoded. Neither the consumer secret nor the token secret is
 * used: the consumer's RSA private key is the only key.
 */
export function signRsaSha1(baseString: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA1').update(baseString, 'utf8').sign(privateKey, 'base64')
}

/** Section 3.4.3.2 "Verification", with the consumer's public key. */
export function verifyRsaSha1(baseString: string, signature: string, publicKey: KeyObject): boolean {
  return createVerify('RSA-SHA1').update(baseString, 'utf8').verify(publicKey, signature, 'base64')
}
