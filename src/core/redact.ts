import { percentEncode } from './oauth/percent-encode.js'

/** The forms a secret takes when echoed: raw, percent-encoded once or twice, JSON-string-escaped. */
function secretForms(secret: string): Set<string> {
  const once = percentEncode(secret)
  return new Set([secret, once, percentEncode(once), JSON.stringify(secret).slice(1, -1)])
}

/**
 * Replaces each secret, raw or percent-encoded (once or twice, as it appears inside a signature
 * base string or an echoed Authorization header), with "***". Longest first, so a whole PEM is
 * replaced before its lines are. Errors that quote what Jira sent back pass through this first.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  const known = secrets.filter((s): s is string => !!s && s.length >= 4).sort((a, b) => b.length - a.length)
  for (const secret of known) for (const form of secretForms(secret)) out = out.split(form).join('***')
  return out
}

/** A JSON-able value with every string in it (keys included) redacted: for outputs and printed JSON. */
export function redactValue<T>(value: T, secrets: readonly (string | undefined)[]): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactSecrets(v, secrets)
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [redactSecrets(k, secrets), walk(inner)]))
    return v
  }
  return walk(value) as T
}
