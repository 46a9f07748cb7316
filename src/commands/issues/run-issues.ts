import { randomUUID } from 'node:crypto'
import { describeError } from '../../core/errors.js'
import type { IssuesEnvironment } from '../../core/issues/issues-environment.js'
import { requireRunFacts } from '../../core/issues/run-facts.js'
import { buildTemplateValues, renderTemplate, runUrlOf } from '../../core/issues/template.js'
import { Semaphore } from '../../core/semaphore.js'
import { JiraOAuthError } from '../../jira/errors.js'
import { commentMarker, withMarker } from './comment-marker.js'
import { commentStep, type CommentAuthor } from './comment-step.js'
import type { IssuesConfig } from './config.js'
import { findCandidates, type Candidate } from './find-issues.js'
import type { IssuesApi, IssueSnapshot } from './jira-api.js'
import { linkStep, runRemoteLink } from './link-step.js'
import type { IssueResult, StepOutcome } from './outcome.js'
import { transitionStep } from './transition-step.js'

export interface IssuesRunResult {
  /** Keys found and confirmed in Jira, in order of discovery (including those left alone). */
  readonly issues: string[]
  readonly results: IssueResult[]
  readonly failed: string[]
  readonly notices: string[]
  readonly warnings: string[]
  /** Jira refused the credentials mid-run: the adapters report the results, then fail with this. */
  readonly fatal?: JiraOAuthError
}

interface Plan {
  readonly config: IssuesConfig
  readonly env: IssuesEnvironment
  readonly me: CommentAuthor | undefined
  readonly marker: string | undefined
  readonly browseUrl: (key: string) => string
}

/** One issue, every requested operation, each failure caught: its result always comes back. */
async function processIssue(api: IssuesApi, plan: Plan, issue: IssueSnapshot): Promise<IssueResult> {
  const { config, env } = plan
  let statusAfter = issue.status
  const outcomes: Record<'transition' | 'comment' | 'link', StepOutcome> = {
    transition: 'not-requested',
    comment: 'not-requested',
    link: 'not-requested',
  }
  const notes: string[] = []
  const errors: string[] = []
  const step = async (name: keyof typeof outcomes, body: () => Promise<StepOutcome>) => {
    try {
      outcomes[name] = await body()
    } catch (error) {
      if (error instanceof JiraOAuthError) throw error
      outcomes[name] = 'failed'
      errors.push(describeError(error))
    }
  }
  if (config.transition) {
    const request = config.transition
    await step('transition', async () => {
      const result = await transitionStep(api, issue, request, config.dryRun)
      statusAfter = result.statusAfter
      notes.push(...result.notes)
      return result.outcome
    })
  }
  if (config.comment !== undefined && plan.marker) {
    const template = config.comment
    const marker = plan.marker
    await step('comment', async () => {
      const body = withMarker(renderTemplate(template, buildTemplateValues(env.run, issue.key, statusAfter)), marker)
      const result = await commentStep(api, issue.key, body, marker, plan.me, config.dryRun)
      notes.push(...result.notes)
      return result.outcome
    })
  }
  const url = runUrlOf(env.run)
  if (config.link && url) {
    await step('link', () =>
      linkStep(
        api,
        issue.key,
        runRemoteLink(url, renderTemplate(config.linkTitle, buildTemplateValues(env.run, issue.key, statusAfter))),
        config.dryRun,
      ),
    )
  }
  return {
    key: issue.key,
    summary: issue.summary,
    url: plan.browseUrl(issue.key),
    statusBefore: issue.status,
    statusAfter,
    ...outcomes,
    ok: errors.length === 0,
    ...(errors.length ? { error: errors.join('\n') } : {}),
    notes,
  }
}

function failedResult(plan: Plan, key: string, error: string): IssueResult {
  return {
    key,
    summary: '',
    url: plan.browseUrl(key),
    statusBefore: '',
    statusAfter: '',
    transition: 'failed',
    comment: 'failed',
    link: 'failed',
    ok: false,
    error,
    notes: [],
  }
}

/**
 * The `issues` command: find the issues, then transition, comment and link each one, `concurrency`
 * at a time. One issue's failure never stops the others; credential problems (OAuth) stop all.
 */
export async function runIssues(
  config: IssuesConfig,
  api: IssuesApi,
  env: IssuesEnvironment,
): Promise<IssuesRunResult> {
  requireRunFacts(config, env.run)
  const notices: string[] = []
  // Without a run id every run would share one marker, and a later run's comment would be taken
  // for an earlier one's: then each run gets a marker of its own (no de-duplication across re-runs).
  let runIdentity = String(env.run.runId ?? '')
  if (runIdentity === '' && config.comment !== undefined) {
    runIdentity = `unidentified:${randomUUID()}`
    notices.push(
      'No CI run id (GITHUB_RUN_ID, GitLab CI_PIPELINE_ID or Jenkins BUILD_TAG): each run posts its own comment; re-runs cannot be recognised.',
    )
  }
  // One cheap call that proves the credentials before any issue is touched; also the comment author.
  const me = await api.myself()
  const plan: Plan = {
    config,
    env,
    me,
    marker:
      config.comment === undefined
        ? undefined
        : commentMarker({
            repository: env.run.repository ?? '',
            runId: runIdentity,
            job: env.run.job ?? '',
            step: env.stepId,
            template: config.comment,
          }),
    browseUrl: (key) => `${api.client.config.baseUrl}/browse/${encodeURIComponent(key)}`,
  }
  const found = await findCandidates(config, api, env.event, env.run.repository ?? '', env.github)
  notices.push(...found.notices)
  const pool = new Semaphore(config.concurrency)
  // Credentials Jira refuses for one issue are refused for all: stop starting new issues, but let
  // those in flight finish, and report every issue (the ones not started included).
  let fatal: JiraOAuthError | undefined
  const outcomes = await Promise.all(
    found.candidates.map((candidate) =>
      pool.run(async (): Promise<{ candidate: Candidate; issue?: IssueSnapshot; result?: IssueResult }> => {
        if (fatal) return { candidate, result: failedResult(plan, candidate.key, `Not attempted: ${fatal.message}`) }
        try {
          const issue = candidate.issue ?? (await api.getIssue(candidate.key))
          if (!issue) {
            if (candidate.origin === 'discovered') {
              notices.push(
                `${candidate.key} looks like an issue key but Jira has no such issue (or the user cannot see it); skipped.`,
              )
              return { candidate }
            }
            return {
              candidate,
              result: failedResult(
                plan,
                candidate.key,
                `${candidate.key} does not exist, or the Jira user who authorized the token cannot see it (Jira answers 404 for both). Check the key and the project permissions.`,
              ),
            }
          }
          return { candidate, issue, result: await processIssue(api, plan, issue) }
        } catch (error) {
          if (error instanceof JiraOAuthError) fatal ??= error
          return { candidate, result: failedResult(plan, candidate.key, describeError(error)) }
        }
      }),
    ),
  )
  const results = outcomes.flatMap((o) => (o.result ? [o.result] : []))
  return {
    issues: outcomes.flatMap((o) => (o.issue ? [o.issue.key] : [])),
    results,
    failed: results.filter((r) => !r.ok).map((r) => r.key),
    notices,
    warnings: found.warnings,
    ...(fatal ? { fatal } : {}),
  }
}
