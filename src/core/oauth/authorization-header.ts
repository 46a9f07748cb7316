import { percentEncode } from './percent-encode.js'

/**
 * RFC 5849 section 3.5.1 "Authorization Header": `OAuth ` then name="value" pairs, both
 * percent-encoded (section 3.6), separated by ", ". "realm" is optional and never signed.
 */
export function authorizationHeader(oauthParams: Readonly<Record<string, string>>, realm?: string): string {
  const pairs = Object.entries(oauthParams).map(([name, value]) => `${percentEncode(name)}="${percentEncode(value)}"`)
  if (realm !== undefined) pairs.unshift(`realm="${realm.replace(/["\\]/g, '\\$&')}"`)
  return `OAuth ${pairs.join(', ')}`
}
