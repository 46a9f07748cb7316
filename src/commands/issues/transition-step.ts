import { httpFailure, isSuccess } from '../../jira/expect.js'
import { jiraFieldErrors } from '../../jira/errors.js'
import { sendWithoutDuplicates } from './ambiguity.js'
import { BASIC_FIELDS, type IssuesApi, type IssueSnapshot, type Transition, type TransitionField } from './jira-api.js'
import { StepError, type StepOutcome } from './outcome.js'
import type { InputLabel } from '../../core/input-label.js'

export interface TransitionRequest {
  /** Name of a transition or of the target status, matched case-insensitively. */
  readonly name: string
  readonly fields?: Readonly<Record<string, unknown>>
}

export interface TransitionStepResult {
  readonly outcome: StepOutcome
  readonly statusAfter: string
  readonly notes: string[]
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0

function listTransitions(transitions: readonly Transition[]): string {
  return transitions.map((t) => `"${t.name}" (-> ${t.to.name})`).join(', ')
}

/** By transition name first, then by target status name: both are what people call "Deploy". */
export function findTransition(transitions: readonly Transition[], name: string): Transition | undefined {
  return transitions.find((t) => same(t.name, name)) ?? transitions.find((t) => same(t.to.name, name))
}

function exampleValue(field: TransitionField): string {
  const allowed = field.allowedValues?.[0]
  if (allowed?.name) return `{"name": "${allowed.name}"}`
  if (allowed?.value) return `{"value": "${allowed.value}"}`
  if (allowed?.id) return `{"id": "${allowed.id}"}`
  return '"..."'
}

function missingFieldsError(
  key: string,
  transition: Transition,
  missing: readonly string[],
  label: InputLabel,
): StepError {
  const fields = transition.fields ?? {}
  const names = missing.map((id) => `${fields[id]?.name ?? id} (${id})`).join(', ')
  const example = `{${missing.map((id) => `"${id}": ${exampleValue(fields[id] ?? {})}`).join(', ')}}`
  const allowed = missing.flatMap((id) => {
    const values = fields[id]?.allowedValues
    return values?.length ? [`${id}: ${values.map((v) => v.name ?? v.value ?? v.id).join(', ')}`] : []
  })
  return new StepError(
    `Transition "${transition.name}" on ${key} requires ${names}, which ${label('transition-fields')} does not set. ` +
      `Pass it in ${label('transition-fields')}, e.g. '${example}'${allowed.length ? ` (allowed: ${allowed.join('; ')})` : ''}.`,
  )
}

/** Whether the issue needs its transitions read: not when it already has the requested status. */
export const needsTransitions = (issue: IssueSnapshot, request: TransitionRequest) => !same(issue.status, request.name)

/**
 * Where the requested transition leads, as Jira reported it for the issues of one project in this
 * run: the evidence that lets an issue without that transition count as already there.
 */
export function reportedTargets(
  request: TransitionRequest,
  transitionsOf: Iterable<readonly Transition[]>,
): ReadonlySet<string> {
  const targets = new Set<string>()
  for (const transitions of transitionsOf)
    for (const t of transitions) if (same(t.name, request.name)) targets.add(t.to.name.toLowerCase())
  return targets
}

/**
 * Moves one issue to the requested status unless it is there already. "Already there" needs
 * evidence: the status is the requested one, or the target Jira reported for the requested
 * transition (on this issue or another of its project in this run); a similar name is not.
 */
export async function transitionStep(
  api: IssuesApi,
  issue: IssueSnapshot,
  request: TransitionRequest,
  dryRun: boolean,
  transitions: readonly Transition[],
  knownTargets: ReadonlySet<string>,
  /** False when judging again after the re-read below: the issue is read at most once more. */
  recheck = true,
): Promise<TransitionStepResult> {
  if (same(issue.status, request.name)) return { outcome: 'already-in-status', statusAfter: issue.status, notes: [] }
  const label = api.client.label
  const transition = findTransition(transitions, request.name)
  if (recheck && !transition && !knownTargets.has(issue.status.toLowerCase())) {
    // Jira's search index may lag behind the issue (a run a moment ago moved it): before calling
    // this a failure, read the issue itself, and judge again if its status differs.
    const now = await api.getIssue(issue.key, { ...BASIC_FIELDS, expand: ['transitions.fields'] })
    if (now && !same(now.status, issue.status)) {
      const fresh = { ...issue, status: now.status, transitions: undefined }
      const live = now.transitions ?? (await api.getTransitions(issue.key))
      return transitionStep(api, fresh, request, dryRun, live, knownTargets, false)
    }
  }
  if (!transition && knownTargets.has(issue.status.toLowerCase())) {
    // A re-run after "Deploy" moved the issue to "Deployed": the transition is gone from here.
    return {
      outcome: 'already-in-status',
      statusAfter: issue.status,
      notes: [
        `"${issue.status}" is where "${request.name}" leads (Jira offers it on other issues of ${issue.project}); left alone.`,
      ],
    }
  }
  if (!transition) {
    throw new StepError(
      transitions.length === 0
        ? `No transition is available on ${issue.key} (status "${issue.status}"): the Jira user lacks the Transition Issues permission, or the workflow has no way out of this status.`
        : `No transition "${request.name}" is available on ${issue.key} (status "${issue.status}"). Available: ${listTransitions(transitions)}. Set ${label('transition')} to one of those names or target statuses. If "${issue.status}" is where "${request.name}" leads, set ${label('transition')} to the status name ("${issue.status}"): an issue already in that status is then left alone.`,
    )
  }
  if (same(transition.to.name, issue.status))
    return { outcome: 'already-in-status', statusAfter: issue.status, notes: [] }
  const screen = transition.fields ?? {}
  const given = request.fields ?? {}
  const notes: string[] = []
  // Jira refuses fields that are not on the transition screen, so send only those that are.
  const dropped = Object.keys(given).filter((id) => !(id in screen))
  if (dropped.length)
    notes.push(
      `${label('transition-fields')}: ${dropped.join(', ')} not on the "${transition.name}" screen of ${issue.key}; not sent.`,
    )
  const fields = Object.fromEntries(Object.entries(given).filter(([id]) => id in screen))
  const missing = Object.entries(screen)
    .filter(([id, f]) => f.required && !f.hasDefaultValue && !(id in fields))
    .map(([id]) => id)
  if (missing.length) throw missingFieldsError(issue.key, transition, missing, label)
  if (dryRun) return { outcome: 'would-transition', statusAfter: transition.to.name, notes }

  const sendFields = Object.keys(fields).length ? fields : undefined
  // Jira may move the issue and still fail the answer: its status tells, without a blind second POST.
  const note = await sendWithoutDuplicates(
    'transition',
    async () => {
      const response = await api.transition(issue.key, transition.id, sendFields)
      if (isSuccess(response)) return { ok: true }
      const fieldErrors = jiraFieldErrors(response.body)
      if (response.status === 400 && Object.keys(fieldErrors).length) {
        throw new StepError(
          `Jira refused transition "${transition.name}" on ${issue.key}: ${Object.entries(fieldErrors)
            .map(([f, m]) => `${f}: ${m}`)
            .join(
              '; ',
            )}. Fix ${label('transition-fields')} (the screen's fields: ${Object.keys(screen).join(', ') || 'none'}).`,
        )
      }
      return { ok: false, failure: httpFailure(response, `Transition "${transition.name}" on ${issue.key}`) }
    },
    async () => {
      const now = await api.getIssue(issue.key)
      if (now && same(now.status, transition.to.name)) return 'done'
      return now && same(now.status, issue.status) ? 'not-done' : 'unknown'
    },
  )
  return { outcome: 'transitioned', statusAfter: transition.to.name, notes: note ? [...notes, note] : notes }
}
