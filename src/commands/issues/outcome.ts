/** What happened to one requested operation on one issue. */
export type StepOutcome =
  | 'transitioned'
  | 'already-in-status'
  | 'would-transition'
  | 'created'
  | 'updated'
  | 'unchanged'
  | 'would-create'
  | 'would-update'
  | 'linked'
  | 'would-link'
  | 'failed'
  | 'not-requested'

export interface IssueResult {
  readonly key: string
  readonly summary: string
  readonly url: string
  readonly statusBefore: string
  readonly statusAfter: string
  readonly transition: StepOutcome
  readonly comment: StepOutcome
  readonly link: StepOutcome
  /** The fix version added (`fix-version`) and the labels added (`labels`). */
  readonly fixVersion: StepOutcome
  readonly labels: StepOutcome
  readonly ok: boolean
  /** What went wrong, in words (with what to do), when ok is false. */
  readonly error?: string
  /** Things worth knowing that are not failures (dropped fields, recovered ambiguity). */
  readonly notes: readonly string[]
}

/** A step's failure, carrying the words for the results and the annotation. */
export class StepError extends Error {}
