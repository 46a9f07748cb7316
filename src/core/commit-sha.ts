const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i

/** A full git commit id: 40 hex digits (SHA-1), or 64 in a SHA-256 repository. */
export function isCommitSha(value: string): boolean {
  return FULL_SHA.test(value)
}
