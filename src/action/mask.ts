import { pemSecretFragments } from '../core/keys/private-key.js'
import type { ActionCore } from './action-core.js'

/** Masks secret values and each of their lines (a PEM), once each, before anything can log them. */
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
}
