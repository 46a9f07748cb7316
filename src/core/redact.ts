import { percentEncode } from './oauth/percent-encode.js'

/**
 * Replaces each secret, raw or percent-encoded (once or twice, as it appears inside a signature
 * base string), with "***". Errors that quote what Jira sent back pass through this first.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue
    const once = percentEncode(secret)
    for (const form of new Set([secret, once, percentEncode(once)])) out = out.split(form).join('***')
  }
  return out
}
