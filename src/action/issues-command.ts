import { runIssuesFromInputs } from '../commands/issues/issues-from-inputs.js'
import type { IssueResult } from '../commands/issues/outcome.js'
import { issueResultLines, STEP_LABELS as LABELS } from '../commands/issues/report-lines.js'
import type { IssuesRunResult } from '../commands/issues/run-issues.js'
import { endIssuesRun } from '../commands/run-end.js'
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
  const { config, result } = await runIssuesFromInputs(inputs, client, env)
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
  endIssuesRun(result, config.failOnError, inputs.label, (m) => {
    core.warning(m)
  })
}
