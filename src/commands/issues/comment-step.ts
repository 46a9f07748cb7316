import { describeError } from '../../core/errors.js'
import { httpFailure, isSuccess } from '../../jira/expect.js'
import { mayHaveActed } from './ambiguity.js'
import type { Comment, IssuesApi } from './jira-api.js'
import type { StepOutcome } from './outcome.js'

export interface CommentAuthor {
  readonly name?: string
  readonly key?: string
  readonly accountId?: string
}

function writtenBy(comment: Comment, me: CommentAuthor | undefined): boolean {
  if (!me || !comment.author) return true
  const a = comment.author
  return (me.accountId !== undefined && a.accountId === me.accountId) || (me.key !== undefined && a.key === me.key) || (me.name !== undefined && a.name === me.name)
}

async function findOwn(api: IssuesApi, key: string, marker: string, me: CommentAuthor | undefined): Promise<Comment | undefined> {
  return (await api.listComments(key)).find((c) => typeof c.body === 'string' && c.body.includes(marker) && writtenBy(c, me))
}

/** Posts the step's comment, or updates the copy an earlier attempt posted: never a duplicate. */
export async function commentStep(api: IssuesApi, key: string, body: string, marker: string, me: CommentAuthor | undefined, dryRun: boolean): Promise<{ outcome: StepOutcome; notes: string[] }> {
  const existing = await findOwn(api, key, marker, me)
  if (existing) {
    if (existing.body.trim() === body.trim()) return { outcome: 'unchanged', notes: [] }
    if (dryRun) return { outcome: 'would-update', notes: [] }
    await api.updateComment(key, existing.id, body)
    return { outcome: 'updated', notes: [] }
  }
  if (dryRun) return { outcome: 'would-create', notes: [] }
  const first = await postComment(api, key, body)
  if (first === 'ok') return { outcome: 'created', notes: [] }
  if (!mayHaveActed(first)) throw first
  // Jira may have stored the comment before the failure: the marker tells, without a blind second POST.
  const why = describeError(first).split('\n')[0]
  if (await findOwn(api, key, marker, me)) return { outcome: 'created', notes: [`The comment request failed (${why}) but the comment is on ${key}.`] }
  // It did not: sending once more cannot duplicate it.
  const second = await postComment(api, key, body)
  if (second === 'ok') return { outcome: 'created', notes: [`The first comment request failed (${why}); ${key} did not have it, so it was sent again.`] }
  throw second
}

/** 'ok', or the failure (an error, or a JiraHttpError for a non-2xx answer) to decide on. */
async function postComment(api: IssuesApi, key: string, body: string): Promise<'ok' | unknown> {
  try {
    const response = await api.addComment(key, body)
    return isSuccess(response) ? 'ok' : httpFailure(response, `Commenting on ${key}`)
  } catch (error) {
    return error
  }
}
