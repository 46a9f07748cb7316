import { httpFailure, isSuccess } from '../../jira/expect.js'
import { sendWithoutDuplicates } from './ambiguity.js'
import type { Comment, IssuesApi, IssueSnapshot } from './jira-api.js'
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

/** Oldest first: by creation time, then by id (Jira's ids grow). */
const oldestFirst = (a: Comment, b: Comment) =>
  (a.created ?? '').localeCompare(b.created ?? '') || Number(a.id) - Number(b.id)

/** Our copies of this step's comment (our marker, our user), oldest first. */
function ownCopies(comments: readonly Comment[], marker: string, me: CommentAuthor | undefined): Comment[] {
  return comments
    .filter((c) => typeof c.body === 'string' && c.body.includes(marker) && writtenBy(c, me))
    .sort(oldestFirst)
}

/** Every comment: from the batched read when Jira gave them all, else every page of the comment endpoint. */
async function allComments(api: IssuesApi, issue: IssueSnapshot): Promise<readonly Comment[]> {
  return issue.comments?.complete ? issue.comments.items : api.listComments(issue.key)
}

/**
 * Keeps the oldest copy and removes the others: two runs that posted at the same time (a re-run
 * racing the original, matrix legs) converge on one comment, whichever of them gets here.
 */
async function removeDuplicates(api: IssuesApi, key: string, copies: readonly Comment[]): Promise<string[]> {
  const extra = copies.slice(1)
  if (extra.length === 0) return []
  for (const copy of extra) await api.deleteComment(key, copy.id)
  return [
    `Removed ${extra.length} duplicate of this step's comment (${extra.map((c) => c.id).join(', ')}), posted by a run at the same time; kept comment ${copies[0]?.id ?? ''}.`,
  ]
}

export interface CommentStepResult {
  readonly outcome: StepOutcome
  readonly notes: string[]
  /** The id of the comment this run posted: the read-back after the writes looks for it. */
  readonly postedId?: string
}

/** Posts the step's comment, or updates the copy an earlier attempt posted: never a duplicate. */
export async function commentStep(
  api: IssuesApi,
  issue: IssueSnapshot,
  body: string,
  marker: string,
  me: CommentAuthor | undefined,
  dryRun: boolean,
): Promise<CommentStepResult> {
  const key = issue.key
  const copies = ownCopies(await allComments(api, issue), marker, me)
  const existing = copies[0]
  if (existing) {
    const notes = dryRun ? [] : await removeDuplicates(api, key, copies)
    if (existing.body.trim() === body.trim()) return { outcome: 'unchanged', notes }
    if (dryRun) return { outcome: 'would-update', notes }
    await api.updateComment(key, existing.id, body)
    return { outcome: 'updated', notes }
  }
  if (dryRun) return { outcome: 'would-create', notes: [] }
  let postedId: string | undefined
  // Jira may store the comment and still fail the answer: the marker tells, without a blind second POST.
  const sent = await sendWithoutDuplicates(
    'comment',
    async () => {
      const response = await api.addComment(key, body)
      if (!isSuccess(response)) return { ok: false, failure: httpFailure(response, `Commenting on ${key}`) }
      postedId = idOf(response.body)
      return { ok: true }
    },
    async () => (ownCopies(await api.listComments(key), marker, me).length > 0 ? 'done' : 'not-done'),
  )
  return { outcome: 'created', notes: sent ? [sent] : [], ...(postedId ? { postedId } : {}) }
}

function idOf(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { id?: unknown } | null)?.id
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
  } catch {
    return undefined
  }
}

/**
 * After the writes: the issue as read back by one batched search. Jira's search index may lag
 * behind a comment just posted, so the read-back counts only when it shows our own new comment
 * (then it also shows every comment posted before ours); otherwise the comment endpoint, which
 * reads the database, decides. Returns what was done, for the issue's notes.
 */
export async function convergeComments(
  api: IssuesApi,
  readBack: IssueSnapshot | undefined,
  key: string,
  postedId: string,
  marker: string,
  me: CommentAuthor | undefined,
): Promise<string[]> {
  const items = readBack?.comments?.complete ? readBack.comments.items : undefined
  const comments = items?.some((c) => c.id === postedId) ? items : await api.listComments(key)
  const copies = ownCopies(comments, marker, me)
  if (!copies.some((c) => c.id === postedId) && copies.length > 0)
    return [
      `A run at the same time posted this step's comment too; its copy (${copies[0]?.id ?? ''}) was kept and ours removed.`,
    ]
  return removeDuplicates(api, key, copies)
}
