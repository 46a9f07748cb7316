/**
 * RFC 5849 section 3.6 "Percent Encoding": UTF-8 first, then every octet outside the RFC 3986
 * unreserved set (ALPHA, DIGIT, "-", ".", "_", "~") becomes %XX with upper-case hex.
 * encodeURIComponent alone leaves ! ' ( ) * raw, which is the classic cause of signature_invalid.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * Decoding of application/x-www-form-urlencoded names and values (RFC 5849 section 3.4.1.3.1
 * refers to the W3C HTML 4.0 rules): "+" is a space, %XX are UTF-8 octets. A malformed escape
 * is kept as is rather than thrown, like Java's servlet containers do for a lenient parse.
 */
export function formDecode(value: string): string {
  const spaced = value.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
  }
}
