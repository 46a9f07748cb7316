import { runIssuesFromInputs } from '../commands/issues/issues-from-inputs.js'
import type { IssueResult } from '../commands/issues/outcome.js'
import { issueResultLines, STEP_LABELS as LABELS, versionLines } from '../commands/issues/report-lines.js'
import { releaseNotes } from '../commands/issues/release-notes.js'
import type { IssuesRunResult } from '../commands/issues/run-issues.js'
import { endIssuesRun } from '../commands/run-end.js'
import type { ActionContext } from './commands.js'
import { escapeHtml, writeSummary } from './report.js'

function summaryRows(results: readonly IssueResult[], fixVersion: string | undefined, labels: readonly string[]) {
  // The fix version and labels columns appear only when the step sets them, named by what it sets.
  const extra: [string, (r: IssueResult) => string][] = []
  if (fixVersion !== undefined) extra.push([`Fix version ${fixVersion}`, (r) => LABELS[r.fixVersion]])
  if (labels.length) extra.push([`Labels ${labels.join(', ')}`, (r) => LABELS[r.labels]])
  const header = [
    'Issue',
    'Summary',
    'Status before',
    'Status after',
    'Transition',
    'Comment',
    'Link',
    ...extra.map(([name]) => name),
    'Result',
  ].map((data) => ({ data: escapeHtml(data), header: true }))
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
      ...extra.map(([, cell]) => cell(r)),
      r.ok ? 'ok' : `failed: ${escapeHtml(r.error ?? '')}`,
    ]),
  ]
}

function setOutputs(ctx: ActionContext, result: IssuesRunResult): void {
  ctx.core.setOutput('issues', JSON.stringify(result.issues))
  ctx.core.setOutput('results', JSON.stringify(result.results))
  ctx.core.setOutput('failed', JSON.stringify(result.failed))
  ctx.core.setOutput('range', result.searched.range)
  ctx.core.setOutput('commits', String(result.searched.commits))
  ctx.core.setOutput('release-notes', releaseNotes(result.results))
  ctx.core.setOutput('versions', JSON.stringify(result.versions))
}

/** `issues`: find the run's issues, transition / comment / link each, report every one. */
export async function issuesCommand(ctx: ActionContext): Promise<void> {
  const { inputs, client, core, env } = ctx
  const { config, result } = await runIssuesFromInputs(inputs, client, env)
  core.info(result.searched.line)
  for (const notice of result.notices) core.notice(notice)
  for (const warning of result.warnings) core.warning(warning)
  for (const r of result.results) {
    for (const line of issueResultLines(r)) core.info(line)
    if (!r.ok) core.error(r.error ?? 'failed', { title: `Jira ${r.key}` })
  }
  for (const line of versionLines(result.versions)) core.info(line)
  for (const v of result.versions) if (v.error) core.error(v.error, { title: `Jira version ${v.name} in ${v.project}` })
  setOutputs(ctx, result)
  await writeSummary(core, env, (s) => {
    s.addHeading(`Jira issues${config.dryRun ? ' (dry run: nothing changed)' : ''}`, 3)
    if (result.results.length === 0) s.addRaw('<p>No Jira issues found.</p>', true)
    else s.addTable(summaryRows(result.results, result.versions[0]?.name ?? config.fixVersion, config.labels))
    for (const v of result.versions)
      s.addRaw(
        `<p>Fix version ${v.url ? `<a href="${escapeHtml(v.url)}">${escapeHtml(v.name)}</a>` : escapeHtml(v.name)} in ${escapeHtml(v.project)}: ${escapeHtml(v.action)}${v.error ? ` (${escapeHtml(v.error)})` : ''}</p>`,
        true,
      )
    for (const line of [result.searched.line, ...result.notices, ...result.warnings])
      s.addRaw(`<p>${escapeHtml(line)}</p>`, true)
  })
  endIssuesRun(result, config.failOnError, inputs.label, (m) => {
    core.warning(m)
  })
}
