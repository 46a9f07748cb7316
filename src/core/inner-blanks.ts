import { ConfigError } from './errors.js'

// White space (Unicode's, NBSP included), C0/C1 control characters, zero-width and bidi marks:
// a URL parser drops or re-encodes them silently, so the request would go somewhere not asked for.
const INNER = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\ufeff]/u

const NAMES: Readonly<Record<string, string>> = {
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\t': 'a tab',
  ' ': 'a space',
  '\u00a0': 'a non-breaking space',
}

function describe(char: string): string {
  return (
    NAMES[char] ?? `the invisible character U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
  )
}

/**
 * Refuses a value (its ends already trimmed) with white space or a control character inside,
 * naming the input, the character and where it is; `hint` says what to give instead.
 */
export function refuseInnerBlanks(text: string, label: string, hint: string): void {
  const match = INNER.exec(text)
  if (!match) return
  const char = match[0]
  throw new ConfigError(
    `${label} contains ${describe(char)} at character ${match.index + 1} ("${JSON.stringify(text.slice(0, match.index)).slice(1, -1).slice(-40)}" comes before it).`,
    hint,
  )
}
