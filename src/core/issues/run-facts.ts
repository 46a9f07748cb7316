import { ConfigError } from '../errors.js'
import { buildTemplateValues, runUrlOf, type RunContext } from '../run/run-context.js'
import { placeholdersIn, type TemplateVariable } from './template.js'
import { plainLabel, type InputLabel } from '../input-label.js'

/** What `issues` asks of the run: a link to it, and the comment's placeholders filled from it. */
export interface RunFactsRequest {
  readonly link: boolean
  readonly comment?: string
}

const NO_RUN =
  'GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID (GitHub Actions), CI_PIPELINE_URL (GitLab CI) or BUILD_URL (Jenkins) are not set.'

/** The placeholders of `template` that would render empty for this run (every issue has `issue` and `status`). */
export function placeholdersWithoutValue(template: string, ctx: RunContext): TemplateVariable[] {
  const values = buildTemplateValues(ctx, 'ISSUE-1', 'status')
  return placeholdersIn(template).filter((name) => values[name] === undefined)
}

/**
 * Outside a CI run (no run URL known), refuses what has no value there, before any request: `link`
 * (and so its title), and placeholders in the comment that would render empty. Inside CI a placeholder
 * with no value for this event (say {{pull-request-url}} on a push) still renders empty.
 */
export function requireRunFacts(request: RunFactsRequest, ctx: RunContext, label: InputLabel = plainLabel): void {
  if (runUrlOf(ctx) !== undefined) return
  if (request.link)
    throw new ConfigError(
      `${label('link')} needs the URL of the CI run, and none is known: ${NO_RUN}`,
      'Run it inside one of those CI systems, or set those variables.',
    )
  const missing = request.comment === undefined ? [] : placeholdersWithoutValue(request.comment, ctx)
  if (missing.length > 0) {
    const list = missing.map((p) => `{{${p}}}`).join(', ')
    throw new ConfigError(
      `${label('comment')} uses ${list}, which ${missing.length === 1 ? 'has' : 'have'} no value outside a CI run: ${NO_RUN}`,
      `Run it inside one of those CI systems, set those variables, or write the text instead of ${list}.`,
    )
  }
}
