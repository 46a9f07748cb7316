import { ConfigError } from '../core/errors.js'
import type { InputLabel } from '../core/input-label.js'
import { inputDefault } from './inputs.js'

/** Raw value of an input (action input, CLI flag or environment fallback); undefined if unset. */
export type InputLookup = (name: string) => string | undefined

/**
 * Reads inputs by their action names (`base-url`, `private-key`, ...) and validates them, so that
 * the action and the CLI share one set of rules. `label` says how the adapter names an input in
 * messages: "input `timeout`" in the action, "--timeout" in the CLI; every layer below the adapters
 * names inputs only through it. An input that is not given has its default from the input table
 * (src/config/inputs.ts), in both adapters; the fallbacks passed below only serve names outside it.
 */
export class InputReader {
  constructor(
    private readonly lookup: InputLookup,
    readonly label: InputLabel,
  ) {}

  private value(name: string): string | undefined {
    const value = this.lookup(name)
    return value === undefined || value.trim() === '' ? inputDefault(name) : value
  }

  /** The value with surrounding blanks removed, or undefined when empty. */
  optional(name: string): string | undefined {
    return this.value(name)?.trim()
  }

  /** The value exactly as given (multi-line text such as a PEM or a comment). */
  raw(name: string): string | undefined {
    return this.value(name)
  }

  required(name: string, hint: string): string {
    const value = this.optional(name)
    if (value === undefined) throw new ConfigError(`${this.label(name)} is required.`, hint)
    return value
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name)
    if (value === undefined) return fallback
    if (/^(true|yes|on|1)$/i.test(value)) return true
    if (/^(false|no|off|0)$/i.test(value)) return false
    throw new ConfigError(
      `${this.label(name)} must be true or false, not "${value.slice(0, 40)}".`,
      `Set ${this.label(name)} to true or false.`,
    )
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.optional(name)
    if (value === undefined) return fallback
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new ConfigError(
        `${this.label(name)} must be a whole number from ${min} to ${max}, not "${value.slice(0, 40)}".`,
        `Set ${this.label(name)} to a number such as ${fallback}.`,
      )
    }
    return Number(value)
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.optional(name)
    if (value === undefined) return fallback
    const match = allowed.find((option) => option.toLowerCase() === value.toLowerCase())
    if (!match)
      throw new ConfigError(
        `${this.label(name)} is "${value.slice(0, 40)}", which is not one of: ${allowed.join(', ')}.`,
        `Set ${this.label(name)} to one of ${allowed.join(', ')}.`,
      )
    return match
  }
}
