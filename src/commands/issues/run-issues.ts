import { randomUUID } from 'node:crypto'
import { ConfigError, describeError } from '../../core/errors.js'
import type { IssuesEnvironment } from '../../core/issues/issues-environment.js'
import { requireRunFacts } from '../../core/issues/run-facts.js'
import { renderPlainTemplate } from '../../core/issues/template.js'
import { buildTemplateValues } from '../../core/run/run-context.js'
import { Semaphore } from '../../core/semaphore.js'
import { JiraAuthError } from '../../jira/errors.js'
import { commentMarker } from './comment-marker.js'
import { convergeComments } from './comment-step.js'
import type { IssuesConfig } from './config.js'
import { findCandidates, type SearchedCommits } from './find-issues.js'
import { BASIC_FIELDS, type IssueFields, type IssuesApi, type IssueSnapshot, type Transition } from './jira-api.js'
import type { IssueResult } from './outcome.js'
import { processIssue, type IssuePlan } from './process-issue.js'
import { ProjectVersions, type VersionReport } from './project-versions.js'
import { readIssues } from './read-issues.js'
import { needsTransitions, reportedTargets } from './transition-step.js'

export interface IssuesRunResult {
  /** Keys found and confirmed in Jira, in order of discovery (including those left alone). */
  readonly issues: string[]
  readonly results: IssueResult[]
  readonly failed: string[]
  /** The fix version in each project (input `fix-version`), empty without one. */
  readonly versions: VersionReport[]
  readonly notices: string[]
  readonly warnings: string[]
  /** The commits searched for keys (outputs `range`, `commits`). */
  readonly searched: SearchedCommits
  /** Jira refused the credentials mid-run: the adapters report the results, then fail with this. */
  readonly fatal?: JiraAuthError
}

/** Exactly the fields the requested steps read, so Jira sends no more than is used. */
function fieldsFor(config: IssuesConfig): IssueFields {
  return {
    fields: [
      ...BASIC_FIELDS.fields,
      ...(config.comment === undefined ? [] : ['comment']),
      ...(config.fixVersion === undefined ? [] : ['fixVersions']),
      ...(config.labels.length ? ['labels'] : []),
    ],
    // Where Jira returns them, the transitions come with the read; else they are read per issue.
    expand: config.transition ? ['transitions', 'transitions.fields'] : [],
  }
}

function failedResult(browseUrl: (key: string) => string, key: string, error: string): IssueResult {
  return {
    key,
    summary: '',
    url: browseUrl(key),
    statusBefore: '',
    statusAfter: '',
    transition: 'failed',
    comment: 'failed',
    link: 'failed',
    fixVersion: 'failed',
    labels: 'failed',
    ok: false,
    error,
    notes: [],
  }
}

const missingIssue = (key: string) =>
  `${key} does not exist, or the Jira user this step acts as cannot see it (Jira answers 404 for both). Check the key and the project permissions.`

/** Credentials Jira refuses for one request are refused for all: the first such error stops the run. */
class FatalLatch {
  error: JiraAuthError | undefined
  catch(error: unknown): string {
    if (error instanceof JiraAuthError) this.error ??= error
    return describeError(error)
  }
}

/**
 * The `issues` command: find the issues, read them in batches, then change each one (fix version
 * and labels, transition, comment, link), `concurrency` issues at a time; read back the comments
 * posted, so racing runs converge on one; release the fix version when everything succeeded.
 * One issue's failure never stops the others; refused credentials stop all.
 */
export async function runIssues(
  config: IssuesConfig,
  api: IssuesApi,
  env: IssuesEnvironment,
  nowMs: () => number = Date.now,
): Promise<IssuesRunResult> {
  requireRunFacts(config, env.run, config.label)
  const versionName =
    config.fixVersion === undefined
      ? undefined
      : renderPlainTemplate(config.fixVersion, buildTemplateValues(env.run, ''))
  if (versionName?.trim() === '')
    throw new ConfigError(
      `${config.label('fix-version')} (${JSON.stringify(config.fixVersion)}) renders as an empty name in this run.`,
      'Use placeholders that have a value here (e.g. {{ref-name}} on a tag or release), or a literal name.',
    )
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
  const browseUrl = (key: string) => `${api.client.config.baseUrl}/browse/${encodeURIComponent(key)}`
  const marker =
    config.comment === undefined
      ? undefined
      : commentMarker({
          repository: env.run.repository ?? '',
          runId: runIdentity,
          job: env.run.job ?? '',
          step: env.stepId,
          template: config.comment,
        })
  const want = fieldsFor(config)
  const found = await findCandidates(config, api, env, want)
  notices.push(...found.notices)
  const pool = new Semaphore(config.concurrency)
  const limited = <T>(task: () => Promise<T>) => pool.run(task)
  const latch = new FatalLatch()

  // 1. Read: one search per 100 issues; JQL results are read already.
  const toRead = found.candidates.filter((c) => !c.issue).map((c) => c.key)
  const results = new Map<string, IssueResult>()
  let read = new Map<string, IssueSnapshot | undefined>()
  try {
    read = await readIssues(api, toRead, want, limited)
  } catch (error) {
    const why = latch.catch(error)
    for (const key of toRead) results.set(key, failedResult(browseUrl, key, why))
  }
  // By the issue's own key: two keys of one issue (the old key of a moved issue and its new one) are one issue.
  const byKey = new Map<string, IssueSnapshot>()
  for (const candidate of found.candidates) {
    if (results.has(candidate.key)) continue
    const issue = candidate.issue ?? read.get(candidate.key)
    if (issue) {
      if (!byKey.has(issue.key)) byKey.set(issue.key, issue)
    } else if (candidate.origin === 'discovered')
      notices.push(
        `${candidate.key} looks like an issue key but Jira has no such issue (or the user cannot see it); skipped.`,
      )
    else results.set(candidate.key, failedResult(browseUrl, candidate.key, missingIssue(candidate.key)))
  }
  const issues = [...byKey.values()]

  // 2. Transitions, only for the issues that need one, unless the read brought them.
  const transitions = new Map<string, readonly Transition[]>()
  const request = config.transition
  if (request) {
    await Promise.all(
      issues
        .filter((issue) => needsTransitions(issue, request))
        .map(async (issue) => {
          if (issue.transitions) return void transitions.set(issue.key, issue.transitions)
          await limited(async () => {
            if (latch.error) return
            try {
              transitions.set(issue.key, await api.getTransitions(issue.key))
            } catch (error) {
              results.set(issue.key, failedResult(browseUrl, issue.key, latch.catch(error)))
            }
          })
        }),
    )
  }
  const targets = new Map<string, ReadonlySet<string>>()
  const knownTargets = (project: string) => {
    let set = targets.get(project)
    if (!set && request) {
      const ofProject = issues.filter((issue) => issue.project === project)
      set = reportedTargets(
        request,
        ofProject.map((issue) => transitions.get(issue.key) ?? []),
      )
      targets.set(project, set)
    }
    return set ?? new Set<string>()
  }

  // 3. Write: every issue's changes, `concurrency` issues at a time.
  const versions =
    versionName === undefined
      ? undefined
      : new ProjectVersions(api.client, versionName, config.versionDescription, config.dryRun)
  const plan: IssuePlan = {
    config,
    env,
    me,
    marker,
    browseUrl,
    versions,
    transitionsOf: (key) => transitions.get(key) ?? [],
    knownTargets,
  }
  const posted: { key: string; id: string }[] = []
  await Promise.all(
    issues
      .filter((issue) => !results.has(issue.key))
      .map((issue) =>
        limited(async () => {
          if (latch.error) {
            results.set(issue.key, failedResult(browseUrl, issue.key, `Not attempted: ${latch.error.message}`))
            return
          }
          try {
            const processed = await processIssue(api, plan, issue)
            results.set(issue.key, processed.result)
            if (processed.postedCommentId) posted.push({ key: issue.key, id: processed.postedCommentId })
          } catch (error) {
            results.set(issue.key, failedResult(browseUrl, issue.key, latch.catch(error)))
          }
        }),
      ),
  )

  // 4. Read back the comments posted: a run at the same time may have posted the same one.
  if (posted.length > 0 && marker && !latch.error) {
    try {
      const back = await readIssues(
        api,
        posted.map((p) => p.key),
        { fields: ['comment'], expand: [] },
        limited,
      )
      await Promise.all(
        posted.map(({ key, id }) =>
          limited(async () => {
            try {
              const notes = await convergeComments(api, back.get(key), key, id, marker, me)
              const r = results.get(key)
              if (r && notes.length) results.set(key, { ...r, notes: [...r.notes, ...notes] })
            } catch (error) {
              const r = results.get(key)
              const why = latch.catch(error)
              if (r) results.set(key, { ...r, notes: [...r.notes, `Reading the comment back failed: ${why}`] })
            }
          }),
        ),
      )
    } catch (error) {
      notices.push(
        `Reading the posted comments back failed: ${latch.catch(error)}. A run at the same time may have left a second copy of this step's comment on an issue; re-running the step keeps the oldest and removes the others.`,
      )
    }
  }

  const reported = new Set<string>()
  const ordered = found.candidates.flatMap((c) => {
    const key = c.issue?.key ?? read.get(c.key)?.key ?? c.key
    const r = results.get(key)
    if (!r || reported.has(key)) return []
    reported.add(key)
    return [r]
  })
  const failed = ordered.filter((r) => !r.ok).map((r) => r.key)

  // 5. Release the fix version, only when every issue succeeded.
  let versionReports: VersionReport[] = []
  if (versions) {
    if (config.releaseVersion && !latch.error) {
      try {
        notices.push(...(await versions.release(failed.length === 0, nowMs())))
      } catch (error) {
        latch.catch(error)
      }
    }
    versionReports = await versions.reports()
  }
  return {
    issues: issues.map((issue) => issue.key),
    results: ordered,
    failed,
    versions: versionReports,
    notices,
    warnings: found.warnings,
    searched: found.searched,
    ...(latch.error ? { fatal: latch.error } : {}),
  }
}
