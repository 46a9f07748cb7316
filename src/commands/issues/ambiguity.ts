import { UserFacingError, describeError } from '../../core/errors.js'
import { mayHaveActed } from '../../jira/may-have-acted.js'

/** One attempt at a change: done, or the failure (an error, or the HTTP failure) to judge. */
export type SendResult = { readonly ok: true } | { readonly ok: false; readonly failure: unknown }

export async function attempt(send: () => Promise<SendResult>): Promise<SendResult> {
  try {
    return await send()
  } catch (failure) {
    return { ok: false, failure }
  }
}

/**
 * Sends a change at most twice and never twice in effect: after a failure Jira may have acted on,
 * `check` re-reads the issue ('done': it acted; 'not-done': it certainly did not, so sending once
 * more is safe; 'unknown': give up with the first failure). Returns a note when it had to recover.
 */
export async function sendWithoutDuplicates(
  what: string,
  send: () => Promise<SendResult>,
  check: () => Promise<'done' | 'not-done' | 'unknown'>,
): Promise<string | undefined> {
  const first = await attempt(send)
  if (first.ok) return undefined
  if (!mayHaveActed(first.failure)) throw first.failure
  const why = describeError(first.failure).split('\n')[0]
  const state = await check()
  if (state === 'done') return `The ${what} request failed (${why}) but Jira had carried it out.`
  if (state === 'unknown') throw first.failure
  const second = await attempt(send)
  if (!second.ok) {
    // Say what happened: the request was sent twice, not "not retried" as a lone failure would say.
    const again = second.failure instanceof UserFacingError ? second.failure.message : describeError(second.failure)
    throw new UserFacingError(
      `The ${what} request failed (${why}); Jira had not carried it out, so it was sent once more, and that failed too: ${again}`,
      mayHaveActed(second.failure)
        ? 'Jira may have acted on the second attempt: check the issue before re-running the step (a re-run finds its comment and does not repeat it).'
        : 'Jira acted on neither attempt; re-running the step is safe.',
    )
  }
  return `The first ${what} request failed (${why}); Jira had not carried it out, so it was sent again.`
}
