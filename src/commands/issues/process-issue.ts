import { describeError } from '../../core/errors.js'
import type { IssuesEnvironment } from '../../core/issues/issues-environment.js'
import { renderPlainTemplate, renderTemplate, usesVariable } from '../../core/issues/template.js'
import { buildTemplateValues, runUrlOf } from '../../core/run/run-context.js'
import { JiraOAuthError } from '../../jira/errors.js'
import { withMarker } from './comment-marker.js'
import { commentStep, type CommentAuthor } from './comment-step.js'
import type { IssuesConfig } from './config.js'
import type { IssuesApi, IssueSnapshot, Transition } from './jira-api.js'
import { linkStep, runRemoteLink } from './link-step.js'
import type { IssueResult, StepOutcome } from './outcome.js'
import type { ProjectVersions } from './project-versions.js'
import { transitionStep } from './transition-step.js'
import { updateStep } from './update-step.js'

/** What every issue of a run shares: the configuration and what was read before the writes. */
export interface IssuePlan {
  readonly config: IssuesConfig
  readonly env: IssuesEnvironment
  readonly me: CommentAuthor | undefined
  readonly marker: string | undefined
  readonly browseUrl: (key: string) => string
  readonly versions: ProjectVersions | undefined
  /** The issue's transitions, read before the writes (only for issues that need a transition). */
  readonly transitionsOf: (key: string) => readonly Transition[]
  /** Targets of the requested transition that Jira reported in this run, per project. */
  readonly knownTargets: (project: string) => ReadonlySet<string>
}

type StepName = 'transition' | 'comment' | 'link' | 'fixVersion' | 'labels'

export interface ProcessedIssue {
  readonly result: IssueResult
  /** The comment this run posted (for the read-back that converges racing runs). */
  readonly postedCommentId?: string
}

/**
 * One issue, every requested change, each failure caught: its result always comes back. The
 * writes that do not depend on each other go out together: fix version and labels first (a
 * transition may move the issue to a status where it can no longer be edited), the comment and
 * link after the transition only when their text uses {{status}}.
 */
export async function processIssue(api: IssuesApi, plan: IssuePlan, issue: IssueSnapshot): Promise<ProcessedIssue> {
  const { config, env } = plan
  let statusAfter = issue.status
  let postedCommentId: string | undefined
  const outcomes: Record<StepName, StepOutcome> = {
    transition: 'not-requested',
    comment: 'not-requested',
    link: 'not-requested',
    fixVersion: 'not-requested',
    labels: 'not-requested',
  }
  const notes: string[] = []
  const errors: string[] = []
  const fail = (names: readonly StepName[], error: unknown) => {
    if (error instanceof JiraOAuthError) throw error
    for (const name of names) outcomes[name] = 'failed'
    errors.push(describeError(error))
  }
  const values = () => buildTemplateValues(env.run, issue.key, statusAfter)

  const update = (async () => {
    if (config.fixVersion === undefined && config.labels.length === 0) return
    let fixVersion: string | undefined
    try {
      fixVersion = plan.versions ? await plan.versions.nameIn(issue.project) : undefined
    } catch (error) {
      // The project's version failed (its own error); the labels still go on.
      fail(['fixVersion'], error)
      if (config.labels.length === 0) return
    }
    try {
      const result = await updateStep(api.client, issue, { fixVersion, labels: config.labels }, config.dryRun)
      if (outcomes.fixVersion !== 'failed') outcomes.fixVersion = result.fixVersion
      outcomes.labels = result.labels
    } catch (error) {
      fail(fixVersion === undefined ? ['labels'] : ['fixVersion', 'labels'], error)
    }
  })()

  const transition = (async () => {
    await update
    const request = config.transition
    if (!request) return
    try {
      const result = await transitionStep(
        api,
        issue,
        request,
        config.dryRun,
        plan.transitionsOf(issue.key),
        plan.knownTargets(issue.project),
      )
      statusAfter = result.statusAfter
      notes.push(...result.notes)
      outcomes.transition = result.outcome
    } catch (error) {
      fail(['transition'], error)
    }
  })()

  const comment = (async () => {
    const template = config.comment
    const marker = plan.marker
    if (template === undefined || !marker) return
    if (usesVariable(template, 'status')) await transition
    try {
      const body = withMarker(renderTemplate(template, values()), marker)
      const result = await commentStep(api, issue, body, marker, plan.me, config.dryRun)
      notes.push(...result.notes)
      outcomes.comment = result.outcome
      postedCommentId = result.postedId
    } catch (error) {
      fail(['comment'], error)
    }
  })()

  const link = (async () => {
    const url = runUrlOf(env.run)
    if (!config.link || !url) return
    if (usesVariable(config.linkTitle, 'status')) await transition
    try {
      // Jira shows a remote link's title as plain text: no wiki escaping, which would show.
      outcomes.link = await linkStep(
        api,
        issue.key,
        runRemoteLink(url, renderPlainTemplate(config.linkTitle, values()), env.run.ci),
        config.dryRun,
      )
    } catch (error) {
      fail(['link'], error)
    }
  })()

  await Promise.all([update, transition, comment, link])
  return {
    result: {
      key: issue.key,
      summary: issue.summary,
      url: plan.browseUrl(issue.key),
      statusBefore: issue.status,
      statusAfter,
      transition: outcomes.transition,
      comment: outcomes.comment,
      link: outcomes.link,
      fixVersion: outcomes.fixVersion,
      labels: outcomes.labels,
      ok: errors.length === 0,
      ...(errors.length ? { error: errors.join('\n') } : {}),
      notes,
    },
    ...(postedCommentId ? { postedCommentId } : {}),
  }
}
