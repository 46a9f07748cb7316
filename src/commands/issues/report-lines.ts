import type { IssueResult, StepOutcome } from './outcome.js'
import type { VersionReport } from './project-versions.js'
import type { IssuesRunResult } from './run-issues.js'

/** How each outcome reads in logs and tables, shared by the adapters. */
export const STEP_LABELS: Record<StepOutcome, string> = {
  transitioned: 'transitioned',
  'already-in-status': 'already there',
  'would-transition': 'would transition',
  created: 'added',
  updated: 'updated',
  unchanged: 'unchanged',
  'would-create': 'would add',
  'would-update': 'would update',
  linked: 'linked',
  'would-link': 'would link',
  failed: 'failed',
  'not-requested': '—',
}

/** One log line per issue ("ABC-1 [To Do -> Done] transition: ..."), then its notes indented. */
export function issueResultLines(r: IssueResult): string[] {
  const parts = [
    `transition: ${STEP_LABELS[r.transition]}`,
    `comment: ${STEP_LABELS[r.comment]}`,
    `link: ${STEP_LABELS[r.link]}`,
    ...(r.fixVersion === 'not-requested' ? [] : [`fix version: ${STEP_LABELS[r.fixVersion]}`]),
    ...(r.labels === 'not-requested' ? [] : [`labels: ${STEP_LABELS[r.labels]}`]),
  ]
  return [
    `${r.key} [${r.statusBefore || '?'} -> ${r.statusAfter || '?'}] ${parts.join(', ')}${r.ok ? '' : ' FAILED'}`,
    ...r.notes.map((note) => `  ${note}`),
  ]
}

export const ISSUES_FAILED_HINT = 'Each failure is reported above with what to do; the other issues were processed.'

/** "2 of 5 Jira issues failed: ABC-1, ABC-2.", or undefined when none failed. */
export function issuesFailureMessage(result: Pick<IssuesRunResult, 'failed' | 'results'>): string | undefined {
  if (result.failed.length === 0) return undefined
  return `${result.failed.length} of ${result.results.length} Jira issues failed: ${result.failed.join(', ')}.`
}

/** One line per project for the fix version: "Fix version 1.4.0 in ABC: created (https://...)". */
export function versionLines(versions: readonly VersionReport[]): string[] {
  return versions.map(
    (v) =>
      `Fix version ${v.name} in ${v.project}: ${v.action.replace(/-/g, ' ')}${v.url ? ` (${v.url})` : ''}${v.error ? ` FAILED: ${v.error}` : ''}`,
  )
}
