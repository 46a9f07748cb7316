import { readIssuesConfig } from '../commands/issues/config.js'
import { IssuesApi } from '../commands/issues/jira-api.js'
import type { IssueResult } from '../commands/issues/outcome.js'
import {
  ISSUES_FAILED_HINT,
  issueResultLines,
  issuesFailureMessage,
  STEP_LABELS as LABELS,
} from '../commands/issues/report-lines.js'
import { runIssues, type IssuesRunResult } from '../commands/issues/run-issues.js'
import { issuesEnvironmentFromEnv } from '../config/issues-environment.js'
import { UserFacingError } from '../core/errors.js'
import { lazyOctokitCommitsPort } from '../github/lazy-commits-port.js'
import type { ActionContext } from './commands.js'
import { escapeHtml, writeSummary } from './report.js'

function summaryRows(results: readonly IssueResult[]) {
  const header = ['Issue', 'Summary', 'Status before', 'Status after', 'Transition', 'Comment', 'Link', 'Result'].map(
    (data) => ({ data, header: true }),
  )
  return [
    header,
    ...results.map((r) => [
      `<a href="${escapeHtml(r.url)}">${escapeHtml(r.key)}</a>`,
      escapeHtml(r.summary),
      escapeHtml(r.statusBefore),
      escapeHtml(r.statusAfter),
      LABELS[r.transition],
      LABELS[r.comment],
      LABELS[r.link],
      r.ok ? 'ok' : `failed: ${escapeHtml(r.error ?? '')}`,
    ]),
  ]
}

function setOutputs(ctx: ActionContext, result: IssuesRunResult): void {
  ctx.core.setOutput('issues', JSON.stringify(result.issues))
  ctx.core.setOutput('results', JSON.stringify(result.results))
  ctx.core.setOutput('failed', JSON.stringify(result.failed))
}

/** `issues`: find the run's issues, transition / comment / link each, report every one. */
export async function issuesCommand(ctx: ActionContext): Promise<void> {
  const { inputs, client, core, env } = ctx
  const config = readIssuesConfig(inputs)
  const result = await runIssues(
    config,
    new IssuesApi(client),
    issuesEnvironmentFromEnv(env, inputs.optional('github-token'), lazyOctokitCommitsPort, inputs.label),
  )
  for (const notice of result.notices) core.notice(notice)
  for (const warning of result.warnings) core.warning(warning)
  for (const r of result.results) {
    for (const line of issueResultLines(r)) core.info(line)
    if (!r.ok) core.error(r.error ?? 'failed', { title: `Jira ${r.key}` })
  }
  setOutputs(ctx, result)
  await writeSummary(core, env, (s) => {
    s.addHeading(`Jira issues${config.dryRun ? ' (dry run: nothing changed)' : ''}`, 3)
    if (result.results.length === 0) s.addRaw('<p>No Jira issues found.</p>', true)
    else s.addTable(summaryRows(result.results))
    for (const line of [...result.notices, ...result.warnings]) s.addRaw(`<p>${escapeHtml(line)}</p>`, true)
  })
  // Refused credentials fail the run with Jira's diagnosis, after every issue was reported.
  if (result.fatal) throw result.fatal
  const message = issuesFailureMessage(result)
  if (message) {
    if (config.failOnError) throw new UserFacingError(message, ISSUES_FAILED_HINT)
    core.warning(`${message} (fail-on-error is false, so the step goes on.)`)
  }
}
