import type { TransitionDef, TransitionFieldDef } from './types.js'

// The default workflow every issue gets unless addIssue() passes its own transitions.
// Ids are fixed so tests and the demo can rely on them; clients should still resolve by name.
export const DEFAULT_TRANSITIONS: readonly TransitionDef[] = [
  { id: '11', name: 'Start Progress', to: 'In Progress' },
  { id: '21', name: 'Review', to: 'In Review' },
  { id: '31', name: 'Deploy', to: 'Deployed' },
  {
    id: '41',
    name: 'Done',
    to: 'Done',
    fields: {
      resolution: {
        required: true,
        name: 'Resolution',
        schema: { type: 'resolution', system: 'resolution' },
        allowedValues: ['Fixed', "Won't Fix", 'Duplicate'],
        hasDefaultValue: false,
      },
      fixVersions: {
        required: false,
        name: 'Fix Version/s',
        schema: { type: 'array', items: 'version', system: 'fixVersions' },
        allowedValues: ['1.0', '1.1', '2.0'],
        hasDefaultValue: false,
      },
    },
  },
  { id: '51', name: 'Reopen', to: 'To Do' },
]

const KNOWN_STATUS_IDS: Record<string, string> = {
  'To Do': '10000',
  'In Progress': '3',
  'In Review': '10100',
  Deployed: '10101',
  Done: '10001',
}

/** Status ids: known ones fixed, others assigned in first-seen order (deterministic per run). */
export class StatusRegistry {
  private readonly ids = new Map<string, string>(Object.entries(KNOWN_STATUS_IDS))
  private next = 10200

  id(name: string): string {
    let id = this.ids.get(name)
    if (id === undefined) {
      id = String(this.next++)
      this.ids.set(name, id)
    }
    return id
  }

  names(): string[] {
    return [...this.ids.keys()]
  }
}

export function statusCategory(name: string): { id: number; key: string; name: string } {
  if (/^(done|closed|resolved)$/i.test(name)) return { id: 3, key: 'done', name: 'Done' }
  if (/^(to do|open|backlog|new|reopened)$/i.test(name)) return { id: 2, key: 'new', name: 'To Do' }
  return { id: 4, key: 'indeterminate', name: 'In Progress' }
}

export function availableTransitions(transitions: readonly TransitionDef[], status: string): TransitionDef[] {
  return transitions.filter((t) =>
    t.from ? t.from.some((f) => f.toLowerCase() === status.toLowerCase()) : t.to.toLowerCase() !== status.toLowerCase(),
  )
}

export function fieldDisplayName(id: string, def: TransitionFieldDef): string {
  return def.name ?? id.charAt(0).toUpperCase() + id.slice(1)
}

/** Allowed values get ids 1..n in list order, so {id} and {name} both resolve. */
export function allowedValueObjects(def: TransitionFieldDef): { id: string; name: string }[] {
  return (def.allowedValues ?? []).map((name, i) => ({ id: String(i + 1), name }))
}

export type FieldCheck = { ok: true; values: Record<string, unknown> } | { ok: false; errors: Record<string, string> }

/**
 * Validate `fields` (callers fold `update` set-operations in) against the screen, the way Jira
 * reports them: off-screen or unknown fields, missing required ones, values not allowed.
 */
export function validateTransitionFields(t: TransitionDef, fields: Record<string, unknown>): FieldCheck {
  const screen = t.fields ?? {}
  const errors: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  for (const id of Object.keys(fields)) {
    if (!(id in screen)) {
      errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`
    }
  }
  for (const [id, def] of Object.entries(screen)) {
    const given = fields[id]
    if (given === undefined || given === null) {
      if (def.required) errors[id] = `${fieldDisplayName(id, def)} is required.`
      continue
    }
    const resolved = resolveValue(def, given)
    if (resolved === undefined) {
      errors[id] = `Could not find valid 'id' or 'name' in ${fieldDisplayName(id, def)} object.`
    } else {
      values[id] = resolved
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values }
}

// Returns the value name(s) for option-like fields, the raw value for free fields, undefined if invalid.
function resolveValue(def: TransitionFieldDef, given: unknown): unknown {
  if (!def.allowedValues) return given
  const options = allowedValueObjects(def)
  const one = (v: unknown): string | undefined => {
    if (typeof v !== 'object' || v === null) return undefined
    const o = v as Record<string, unknown>
    const hit = options.find(
      (a) => ((typeof o.id === 'string' || typeof o.id === 'number') && String(o.id) === a.id) || o.name === a.name,
    )
    return hit?.name
  }
  if (def.schema?.type === 'array') {
    if (!Array.isArray(given)) return undefined
    const names = given.map(one)
    return names.every((n) => n !== undefined) ? names : undefined
  }
  return one(given)
}
