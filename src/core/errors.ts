/**
 * Errors that reach a user carry a `hint`: what to do about it. The message says what is wrong.
 * Neither may contain a secret; callers build them from non-secret facts only.
 */
export class UserFacingError extends Error {
  readonly hint: string | undefined
  constructor(message: string, hint?: string) {
    super(message)
    this.name = new.target.name
    this.hint = hint
  }

  /** Message and hint as one paragraph, for logs and annotations. */
  describe(): string {
    return this.hint ? `${this.message}\n${this.hint}` : this.message
  }
}

/** Bad configuration, found before any request: names the input (or flag) and the fix. */
export class ConfigError extends UserFacingError {}

export function describeError(error: unknown): string {
  if (error instanceof UserFacingError) return error.describe()
  if (error instanceof Error) return error.message
  return String(error)
}
