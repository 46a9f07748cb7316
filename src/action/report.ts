import { describeError, UserFacingError } from '../core/errors.js'
import type { ActionCore } from './action-core.js'

/** Writes the job summary; outside a runner ($GITHUB_STEP_SUMMARY unset) there is none to write. */
export async function writeSummary(
  core: ActionCore,
  env: NodeJS.ProcessEnv,
  build: (summary: ActionCore['summary']) => void,
): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return
  build(core.summary)
  await core.summary.write()
}

/** Fails the step: one ::error annotation (what is wrong, then what to do) and a summary section. */
export async function reportFailure(
  core: ActionCore,
  env: NodeJS.ProcessEnv,
  command: string,
  error: unknown,
): Promise<void> {
  const text = describeError(error)
  core.setFailed(text)
  if (!(error instanceof UserFacingError)) core.debug(error instanceof Error ? (error.stack ?? '') : '')
  await writeSummary(core, env, (summary) => {
    summary.addHeading(`Jira ${command}: failed`, 3)
    summary.addRaw(
      `<p><strong>${escapeHtml(error instanceof Error ? error.message : String(error))}</strong></p>`,
      true,
    )
    if (error instanceof UserFacingError && error.hint) summary.addRaw(`<pre>${escapeHtml(error.hint)}</pre>`, true)
  }).catch((summaryError: unknown) => {
    core.warning(`Could not write the job summary: ${describeError(summaryError)}`)
  })
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
