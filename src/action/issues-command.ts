import { readFileSync } from 'node:fs'
import { readIssuesConfig } from '../commands/issues/config.js'
import { IssuesApi } from '../commands/issues/jira-api.js'
import type { IssueResult } from '../commands/issues/outcome.js'
import { runIssues, type IssuesRunResult } from '../commands/issues/run-issues.js'
import { runContextFromEnv } from '../config/run-context.js'
import { UserFacingError } from '../core/errors.js'
import { octokitCommitsPort } from '../github/octokit-commits.js'
import type { ActionContext } from './commands.js'
import { escapeHtml, writeSummary } from './report.js'

function readEvent(env: NodeJS.ProcessEnv): { name: string; payload: unknown } | undefined {
  if (!env.GITHUB_EVENT_NAME || !env.GITHUB_EVENT_PATH) return undefined
  try {
    return { name: env.GITHUB_EVENT_NAME, payload: JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown }
  } catch {
    return { name: env.GITHUB_EVENT_NAME, payload: {} }
  }
}

const LABELS: Record<string, string> = {
  transitioned: 'transitioned',
  'already-in-status': 'already there',
  'would-transition': 'would transition',
  created: 'added',
  updated: 'updated',
  unchanged: 'unchanged',
  'would-create': 'would add',
  'would-update': 'would update',
  failed: 'failed',
  'not-requested': '—',
}

function summaryRows(results: readonly IssueResult[]) {
  const header = ['Issue', 'Summary', 'Status before', 'Status after', 'Transition', 'Comment', 'Link', 'Result'].map((data) => ({ data, header: true }))
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
  const event = readEvent(env)
  const token = inputs.optional('github-token')
  if (token) ctx.masker.mask(token)
  const result = await runIssues(config, new IssuesApi(client), {
    run: runContextFromEnv(env, event?.payload),
    stepId: env.GITHUB_ACTION ?? '',
    event,
    github: token ? octokitCommitsPort(token) : undefined,
  })
  for (const notice of result.notices) core.notice(notice)
  for (const warning of result.warnings) core.warning(warning)
  for (const r of result.results) {
    const parts = [`transition: ${LABELS[r.transition]}`, `comment: ${LABELS[r.comment]}`, `link: ${LABELS[r.link]}`]
    core.info(`${r.key} [${r.statusBefore || '?'} -> ${r.statusAfter || '?'}] ${parts.join(', ')}${r.ok ? '' : ' FAILED'}`)
    for (const note of r.notes) core.info(`  ${note}`)
    if (!r.ok) core.error(r.error ?? 'failed', { title: `Jira ${r.key}` })
  }
  setOutputs(ctx, result)
  await writeSummary(core, env, (s) => {
    s.addHeading(`Jira issues${config.dryRun ? ' (dry run: nothing changed)' : ''}`, 3)
    if (result.results.length === 0) s.addRaw('<p>No Jira issues found.</p>', true)
    else s.addTable(summaryRows(result.results))
    for (const line of [...result.notices, ...result.warnings]) s.addRaw(`<p>${escapeHtml(line)}</p>`, true)
  })
  if (result.failed.length > 0) {
    const message = `${result.failed.length} of ${result.results.length} Jira issues failed: ${result.failed.join(', ')}.`
    if (config.failOnError) throw new UserFacingError(message, 'Each failure is annotated above with what to do; the other issues were processed.')
    core.warning(`${message} (fail-on-error is false, so the step goes on.)`)
  }
}
