import { pemSecretFragments } from '../core/keys/private-key.js'
import { redactSecrets } from '../core/redact.js'
import type { ActionCore } from './action-core.js'

/**
 * Masks secret values and each of their lines (a PEM), once each, before anything can log them;
 * remembers them so outputs can be redacted (masks do not follow outputs to other jobs).
 */
export class Masker {
  private readonly masked = new Set<string>()

  constructor(private readonly core: Pick<ActionCore, 'setSecret'>) {}

  mask(...values: readonly (string | undefined)[]): void {
    for (const fragment of pemSecretFragments(...values.filter((v): v is string => !!v))) {
      if (this.masked.has(fragment)) continue
      this.masked.add(fragment)
      this.core.setSecret(fragment)
    }
  }

  /** `text` with every value masked so far replaced by ***, raw or encoded. */
  redact(text: string): string {
    return redactSecrets(text, [...this.masked])
  }
}
