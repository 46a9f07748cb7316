import { ConfigError } from '../errors.js'

/** `since`: auto (choose by event), none (no range), or a ref (tag, branch or commit SHA). */
export type Since =
  { readonly kind: 'auto' } | { readonly kind: 'none' } | { readonly kind: 'ref'; readonly ref: string }

// git check-ref-format's rules, the parts that matter: no spaces/control characters, no "..",
// no leading "-" (it would read as an option to git), none of ~^:?*[\.
const BAD_REF = /[\s\x00-\x1f\x7f~^:?*[\\]|\.\.|^-|^\/|\/$|\.lock$|@\{/

export function parseSince(text: string, label: string): Since {
  const value = text.trim()
  if (value === '' || value.toLowerCase() === 'auto') return { kind: 'auto' }
  if (value.toLowerCase() === 'none') return { kind: 'none' }
  if (value.length > 250 || BAD_REF.test(value)) {
    throw new ConfigError(
      `${label} is not a git ref: ${JSON.stringify(value.slice(0, 60))}.`,
      'Use auto (the default), none, a tag (v1.2.4), a branch or a commit SHA.',
    )
  }
  return { kind: 'ref', ref: value }
}
