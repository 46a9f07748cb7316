import { ConfigError } from '../../core/errors.js'
import { parseFromInput, type KeySource } from '../../core/issues/event-sources.js'
import { parseIssueList, parseProjectList } from '../../core/issues/issue-keys.js'
import { parseLabels } from '../../core/issues/labels.js'
import { validateTemplate } from '../../core/issues/template.js'
import { parseSince, type Since } from '../../core/range/since-input.js'
import type { InputReader } from '../../config/input-reader.js'
import type { InputLabel } from '../../core/input-label.js'
import type { TransitionRequest } from './transition-step.js'

export interface IssuesConfig {
  /** Explicit keys (input `issues`): highest precedence; a missing one is a failure. */
  readonly explicitKeys?: readonly string[]
  /** A JQL query (input `jql`): every issue it returns. */
  readonly jql?: string
  /** Which parts of the event to search when neither of the above is given. */
  readonly from: ReadonlySet<KeySource>
  readonly projects: readonly string[]
  /** Where the run's commit range starts (input `since`); absent means auto. */
  readonly since?: Since
  /** The deployment environment whose last successful deployment starts the range (input `environment`). */
  readonly environment?: string
  readonly transition?: TransitionRequest
  /** Comment template (Jira wiki markup with {{placeholders}}). */
  readonly comment?: string
  readonly link: boolean
  readonly linkTitle: string
  /** Fix version name template (input `fix-version`), rendered once per run as plain text. */
  readonly fixVersion?: string
  readonly versionDescription?: string
  /** Release the fix version once every issue succeeded (input `release-version`). */
  readonly releaseVersion: boolean
  /** Labels to add (input `labels`). */
  readonly labels: readonly string[]
  readonly dryRun: boolean
  readonly concurrency: number
  readonly failOnError: boolean
  /** How the adapter names inputs, for the run's notices, warnings and errors. */
  readonly label: InputLabel
}

function readTransitionFields(inputs: InputReader): Record<string, unknown> | undefined {
  const text = inputs.optional('transition-fields')
  if (text === undefined) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(
      `${inputs.label('transition-fields')} is not valid JSON (${(error as Error).message}).`,
      `Give a JSON object of fields, e.g. {"resolution": {"name": "Fixed"}}.`,
    )
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(
      `${inputs.label('transition-fields')} must be a JSON object of fields.`,
      'For example {"resolution": {"name": "Fixed"}}.',
    )
  }
  return parsed as Record<string, unknown>
}

/** GitHub environment names: at most 255 characters, no control characters. */
function readEnvironment(inputs: InputReader): string | undefined {
  const name = inputs.optional('environment')
  if (name === undefined) return undefined
  if (name.length > 255 || /[\x00-\x1f\x7f]/.test(name))
    throw new ConfigError(
      `${inputs.label('environment')} is not a deployment environment name.`,
      'Give the environment as GitHub names it, e.g. production (at most 255 characters, one line).',
    )
  return name
}

export function readIssuesConfig(inputs: InputReader): IssuesConfig {
  const issuesText = inputs.optional('issues')
  const transitionName = inputs.optional('transition')
  const transitionFields = readTransitionFields(inputs)
  if (transitionFields && !transitionName) {
    throw new ConfigError(
      `${inputs.label('transition-fields')} is set but ${inputs.label('transition')} is not.`,
      `Set ${inputs.label('transition')} to the transition (or target status) these fields belong to.`,
    )
  }
  const comment = inputs.raw('comment')
  if (comment !== undefined) validateTemplate(comment, inputs.label('comment'))
  // The input table gives link-title its default.
  const linkTitle = inputs.optional('link-title') ?? ''
  validateTemplate(linkTitle, inputs.label('link-title'))
  const fixVersion = inputs.optional('fix-version')
  if (fixVersion !== undefined) validateTemplate(fixVersion, inputs.label('fix-version'))
  const releaseVersion = inputs.boolean('release-version', false)
  if (releaseVersion && fixVersion === undefined)
    throw new ConfigError(
      `${inputs.label('release-version')} is true but ${inputs.label('fix-version')} is not set.`,
      `Set ${inputs.label('fix-version')} to the version to release (e.g. {{ref-name}}).`,
    )
  return {
    explicitKeys: issuesText === undefined ? undefined : parseIssueList(issuesText, inputs.label('issues')),
    jql: inputs.optional('jql'),
    from: parseFromInput(inputs.optional('from') ?? '', inputs.label('from')),
    projects: parseProjectList(inputs.optional('projects') ?? '', inputs.label('projects')),
    since: parseSince(inputs.optional('since') ?? '', inputs.label('since')),
    environment: readEnvironment(inputs),
    transition: transitionName ? { name: transitionName, fields: transitionFields } : undefined,
    comment,
    link: inputs.boolean('link', false),
    linkTitle,
    ...(fixVersion === undefined ? {} : { fixVersion, versionDescription: inputs.optional('version-description') }),
    releaseVersion,
    labels: parseLabels(inputs.optional('labels') ?? '', inputs.label('labels')),
    dryRun: inputs.boolean('dry-run', false),
    concurrency: inputs.integer('concurrency', 4, 1, 16),
    failOnError: inputs.boolean('fail-on-error', true),
    label: inputs.label,
  }
}
