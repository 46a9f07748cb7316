import { httpFailure, isSuccess } from '../../jira/expect.js'
import { sendWithoutDuplicates } from './ambiguity.js'
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
  return (
    (me.accountId !== undefined && a.accountId === me.accountId) ||
    (me.key !== undefined && a.key === me.key) ||
    (me.name !== undefined && a.name === me.name)
  )
}

async function findOwn(
  api: IssuesApi,
  key: string,
  marker: string,
  me: CommentAuthor | undefined,
): Promise<Comment | undefined> {
  return (await api.listComments(key)).find(
    (c) => typeof c.body === 'string' && c.body.includes(marker) && writtenBy(c, me),
  )
}

/** Posts the step's comment, or updates the copy an earlier attempt posted: never a duplicate. */
export async function commentStep(
  api: IssuesApi,
  key: string,
  body: string,
  marker: string,
  me: CommentAuthor | undefined,
  dryRun: boolean,
): Promise<{ outcome: StepOutcome; notes: string[] }> {
  const existing = await findOwn(api, key, marker, me)
  if (existing) {
    if (existing.body.trim() === body.trim()) return { outcome: 'unchanged', notes: [] }
    if (dryRun) return { outcome: 'would-update', notes: [] }
    await api.updateComment(key, existing.id, body)
    return { outcome: 'updated', notes: [] }
  }
  if (dryRun) return { outcome: 'would-create', notes: [] }
  // Jira may store the comment and still fail the answer: the marker tells, without a blind second POST.
  const note = await sendWithoutDuplicates(
    'comment',
    async () => {
      const response = await api.addComment(key, body)
      return isSuccess(response) ? { ok: true } : { ok: false, failure: httpFailure(response, `Commenting on ${key}`) }
    },
    async () => ((await findOwn(api, key, marker, me)) ? 'done' : 'not-done'),
  )
  return { outcome: 'created', notes: note ? [note] : [] }
}
