/*
 * Tags as versions: a prefix (`v`, `api-v`, `release-`), a dotted numeric core and an optional
 * semver pre-release. Only tags with the same prefix are comparable, so `v1.3.0` follows `v1.2.4`
 * and never `api-v9`.
 */

export interface TagVersion {
  readonly tag: string
  readonly prefix: string
  readonly numbers: readonly number[]
  /** Semver pre-release identifiers (`rc.1` -> ['rc', '1']); empty for a release. */
  readonly prerelease: readonly string[]
}

// The prefix ends before the first digit; build metadata (+...) is ignored, as semver says.
const VERSION_TAG = /^([^\d]*)(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/

export function parseTagVersion(tag: string): TagVersion | undefined {
  const match = VERSION_TAG.exec(tag)
  if (!match) return undefined
  const [, prefix = '', digits = '', prerelease] = match
  const numbers = digits.split('.').map(Number)
  if (!numbers.every(Number.isSafeInteger)) return undefined
  return { tag, prefix, numbers, prerelease: prerelease ? prerelease.split('.') : [] }
}

/** Negative when a < b, semver precedence (missing numeric parts count as 0). */
export function compareVersions(a: TagVersion, b: TagVersion): number {
  const length = Math.max(a.numbers.length, b.numbers.length)
  for (let i = 0; i < length; i++) {
    const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0)
    if (diff !== 0) return Math.sign(diff)
  }
  // A release ranks above its pre-releases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return Math.sign(b.prerelease.length - a.prerelease.length)
  }
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const diff = compareIdentifier(a.prerelease[i] ?? '', b.prerelease[i] ?? '')
    if (diff !== 0) return diff
  }
  return Math.sign(a.prerelease.length - b.prerelease.length)
}

function compareIdentifier(a: string, b: string): number {
  const numeric = /^\d+$/
  if (numeric.test(a) && numeric.test(b)) return Math.sign(Number(a) - Number(b))
  // Numeric identifiers rank below alphanumeric ones.
  if (numeric.test(a) !== numeric.test(b)) return numeric.test(a) ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
