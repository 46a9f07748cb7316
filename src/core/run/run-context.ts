import type { TemplateValues, TemplateVariable } from '../issues/template.js'

/*
 * The CI run a command works for: which system, which run, commit, ref and actor. The templates'
 * values ({{run-url}}, {{ref-name}}, ...) and the remote link's identity are built from it.
 */

/** The CI system a run belongs to; the adapter tells it from the environment (src/config/run-context.ts). */
export type CiSystem = 'github-actions' | 'gitlab-ci' | 'jenkins' | 'other'

/** Facts about the run, as plain strings; the caller reads them from the environment or flags. */
export interface RunContext {
  /** Which CI system runs this; absent when unknown (treated as 'other'). */
  ci?: CiSystem
  /** e.g. https://github.com or a GitHub Enterprise Server URL. */
  serverUrl?: string
  /** owner/repo */
  repository?: string
  runId?: string | number
  runNumber?: string | number
  runAttempt?: string | number
  workflow?: string
  job?: string
  sha?: string
  /** Full ref, e.g. refs/heads/main, refs/tags/v1, refs/pull/12/merge. */
  ref?: string
  /** Head branch of a pull request (GITHUB_HEAD_REF); preferred for ref-name on pull requests. */
  headRef?: string
  actor?: string
  eventName?: string
  pullRequestNumber?: string | number
  /** The run's page where it is not a GitHub Actions run (GitLab CI_PIPELINE_URL, Jenkins BUILD_URL). */
  runUrl?: string
}

/** The run's page, stable across re-runs (no attempt number), or undefined when unknown. */
export function runUrlOf(ctx: RunContext): string | undefined {
  if (ctx.runUrl) return ctx.runUrl
  const serverUrl = ctx.serverUrl?.replace(/\/+$/, '')
  if (!serverUrl || !ctx.repository || ctx.runId === undefined || String(ctx.runId) === '') return undefined
  return `${serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}`
}

/** Template values for one issue. Unknown facts are left out and render as "". */
export function buildTemplateValues(ctx: RunContext, issueKey: string, status?: string): TemplateValues {
  const values: TemplateValues = { issue: issueKey }
  const set = (name: TemplateVariable, value: string | number | undefined): void => {
    if (value === undefined) return
    const text = String(value)
    if (text !== '') values[name] = text
  }

  const serverUrl = ctx.serverUrl?.replace(/\/+$/, '')
  const repositoryUrl = serverUrl && ctx.repository ? `${serverUrl}/${ctx.repository}` : undefined
  set('repository-url', repositoryUrl)
  set('run-url', runUrlOf(ctx))
  const pr = ctx.pullRequestNumber === undefined ? '' : String(ctx.pullRequestNumber)
  if (repositoryUrl && /^[1-9][0-9]*$/.test(pr)) set('pull-request-url', `${repositoryUrl}/pull/${pr}`)

  set('run-number', ctx.runNumber)
  set('run-attempt', ctx.runAttempt)
  set('workflow', ctx.workflow)
  set('job', ctx.job)
  set('repository', ctx.repository)
  set('sha', ctx.sha)
  set('short-sha', ctx.sha?.slice(0, 7))
  set('ref', ctx.ref)
  set('ref-name', refName(ctx.ref, ctx.headRef))
  set('actor', ctx.actor)
  set('event', ctx.eventName)
  set('status', status)
  return values
}

/** Short name of a ref, like GITHUB_REF_NAME, but the head branch for a pull request when known. */
export function refName(ref: string | undefined, headRef?: string): string | undefined {
  const pull = ref === undefined ? null : /^refs\/pull\/([^/]+)\/(?:merge|head)$/.exec(ref)
  if (headRef && (ref === undefined || ref === '' || pull)) return headRef
  if (ref === undefined) return undefined
  if (pull) return `${pull[1]}/merge`
  for (const prefix of ['refs/heads/', 'refs/tags/']) {
    if (ref.startsWith(prefix)) return ref.slice(prefix.length)
  }
  return ref
}
