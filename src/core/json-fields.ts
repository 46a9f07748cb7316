/** Reading untrusted JSON (event payloads, API answers) field by field, every type checked. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name]
  return typeof value === 'string' ? value : undefined
}
