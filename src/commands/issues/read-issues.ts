import { JiraAuthError } from '../../jira/errors.js'
import type { IssueFields, IssuesApi, IssueSnapshot } from './jira-api.js'

/** Jira's search takes any number of keys, but 100 per query keeps the JQL short and one page long. */
const SEARCH_BATCH = 100

/** JQL string literal: keys are [A-Z0-9_-] already, quoting only guards against a reserved word. */
const jqlString = (key: string) => `"${key}"`

/**
 * Reads many issues with one search per 100 keys instead of one GET each. Jira's answer is used
 * only where it is complete: a key the search did not return (missing, hidden, moved to another
 * key, or a search that saw nothing) is read on its own with GET, which follows moves and answers
 * 404 for a missing issue. Returns each requested key's snapshot, or undefined when it has none.
 */
export async function readIssues(
  api: IssuesApi,
  keys: readonly string[],
  want: IssueFields,
  runLimited: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<Map<string, IssueSnapshot | undefined>> {
  const found = new Map<string, IssueSnapshot | undefined>()
  const unique = [...new Set(keys)]
  const batches: string[][] = []
  for (let i = 0; i < unique.length; i += SEARCH_BATCH) batches.push(unique.slice(i, i + SEARCH_BATCH))
  await Promise.all(
    batches.map(async (batch) => {
      for (const issue of await searchBatch(api, batch, want, runLimited)) found.set(issue.key, issue)
    }),
  )
  const rest = unique.filter((key) => !found.has(key))
  await Promise.all(rest.map((key) => runLimited(async () => void found.set(key, await api.getIssue(key, want)))))
  return found
}

async function searchBatch(
  api: IssuesApi,
  batch: readonly string[],
  want: IssueFields,
  runLimited: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<IssueSnapshot[]> {
  // A single key gains nothing from a search.
  if (batch.length < 2) return []
  try {
    return await runLimited(() =>
      api.search(`key in (${batch.map(jqlString).join(',')})`, want, {
        validateQuery: false,
        what: `Reading ${batch.length} issues`,
      }),
    )
  } catch (error) {
    // A Jira (or proxy) that refuses the batched query is read per issue, so each issue gets its
    // own answer; refused credentials are not a query problem and stop the run as anywhere else.
    if (error instanceof JiraAuthError) throw error
    return []
  }
}
