import { UserFacingError } from '../core/errors.js'
import type { InputLabel } from '../core/input-label.js'
import { ISSUES_FAILED_HINT, issuesFailureMessage } from './issues/report-lines.js'
import type { IssuesRunResult } from './issues/run-issues.js'
import { requestFailure, type RequestCommandResult } from './request.js'

/*
 * How a run ends once its results are reported, one rule per command for both adapters: a failure
 * the user asked to fail on is thrown (the adapter turns it into a failed step or exit code 1); one
 * they let through (fail-on-... false) is passed to `warn`, naming the input that let it through.
 */

type Warn = (message: string) => void

const letThrough = (label: InputLabel, input: string) => `(${label(input)} is false, so this does not fail the run.)`

/** `issues`: refused credentials fail the run with Jira's diagnosis; then failed issues, per fail-on-error. */
export function endIssuesRun(result: IssuesRunResult, failOnError: boolean, label: InputLabel, warn: Warn): void {
  if (result.fatal) throw result.fatal
  const message = issuesFailureMessage(result)
  if (message === undefined) return
  if (failOnError) throw new UserFacingError(message, ISSUES_FAILED_HINT)
  warn(`${message} ${letThrough(label, 'fail-on-error')}`)
}

/** `request`: a non-2xx answer fails the run unless fail-on-http-error is false. */
export function endRequestRun(
  result: RequestCommandResult,
  failOnHttpError: boolean,
  label: InputLabel,
  warn: Warn,
): void {
  const failure = requestFailure(result)
  if (!failure) return
  if (failOnHttpError) throw failure
  warn(`${failure.describe()}\n${letThrough(label, 'fail-on-http-error')}`)
}
