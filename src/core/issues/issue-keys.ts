import { ConfigError } from '../errors.js'
import { refuseInnerBlanks } from '../inner-blanks.js'

/*
 * Jira issue keys are PROJECT-NUMBER: the project key is a letter then letters, digits or "_"
 * (Jira's default project key pattern), the number has no leading zero (Jira counts from 1).
 *
 * Word boundaries are ASCII on purpose: a key may sit next to "-", "/", punctuation, emoji or
 * non-Latin text ("修复ABC-12问题") and still be found, but not inside an identifier ("xABC-12",
 * "ABC-12x", "_ABC-1"). Explicit look-arounds rather than \b keep that rule visible.
 *
 * Each pattern starts with a look-behind that fails inside a word, so at most one start position
 * per word does real work, and every quantifier is followed by a character it cannot match:
 * matching is linear in the input (no catastrophic backtracking).
 */
const UPPER_KEY = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]*-[1-9][0-9]*(?![A-Za-z0-9_])/g
const ANY_CASE_KEY = /(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*(?![A-Za-z0-9_])/g

const WHOLE_KEY = /^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/
const WHOLE_PROJECT = /^[A-Za-z][A-Za-z0-9_]*$/

/** Separators of explicit lists: commas, spaces and new lines (any mix, repeated). */
const LIST_SEPARATOR = /[\s,]+/

const MAX_TOKEN_SHOWN = 40
const MAX_TOKENS_SHOWN = 5

export interface ExtractOptions {
  /**
   * Branch names are often lower-case ("feature/abc-12-fix"), so they are searched without case.
   * Prose (commit messages, titles, bodies) is searched for upper-case keys only, so that words
   * such as "covid-19" or "e-2" are not taken for keys.
   */
  caseInsensitive: boolean
}

/** Issue keys in `text`, upper-cased, deduplicated, in order of first appearance. */
export function extractIssueKeys(text: string, opts: ExtractOptions): string[] {
  const pattern = opts.caseInsensitive ? ANY_CASE_KEY : UPPER_KEY
  const seen = new Set<string>()
  // matchAll clones the regex, so the shared global pattern keeps no lastIndex state.
  for (const match of text.matchAll(pattern)) seen.add(match[0].toUpperCase())
  return [...seen]
}

/** Whether `text` is exactly one issue key (any case). */
export function isIssueKey(text: string): boolean {
  return WHOLE_KEY.test(text)
}

/**
 * Explicit issue keys given by the user, separated by commas, spaces or new lines. Any case is
 * accepted (the user means it) and returned upper-case. A token that is not a key is an error
 * rather than skipped: a typo would otherwise silently transition nothing.
 */
export function parseIssueList(text: string, inputName: string): string[] {
  const tokens = splitList(text)
  const bad = tokens.filter((token) => !WHOLE_KEY.test(token))
  // An invisible character would not show in the list of bad values: name it and where it is.
  tokens.forEach((token, index) => {
    refuseInnerBlanks(token, `${inputName}, value ${index + 1},`, 'Remove it: issue keys are letters, "-" and digits.')
  })
  if (bad.length > 0) {
    throw new ConfigError(
      `${inputName} has ${bad.length === 1 ? 'a value that is' : 'values that are'} not a Jira issue key: ${showTokens(bad)}.`,
      `List issue keys (project key, "-", issue number) separated by commas, spaces or new lines, for example: ABC-123, DEF-45`,
    )
  }
  return dedupeUpper(tokens)
}

/** Project keys given by the user (e.g. to limit which issues are touched), upper-cased. */
export function parseProjectList(text: string, inputName: string): string[] {
  const tokens = splitList(text)
  const bad = tokens.filter((token) => !WHOLE_PROJECT.test(token))
  if (bad.length > 0) {
    const looksLikeIssue = bad.some((token) => WHOLE_KEY.test(token))
    throw new ConfigError(
      `${inputName} has ${bad.length === 1 ? 'a value that is' : 'values that are'} not a Jira project key: ${showTokens(bad)}.`,
      `List project keys (a letter, then letters, digits or "_") separated by commas, spaces or new lines, for example: ABC, DEF` +
        (looksLikeIssue ? '. Give the project part only: ABC, not ABC-123.' : ''),
    )
  }
  return dedupeUpper(tokens)
}

/**
 * Keeps the keys whose project is in `projects` (compared without case). An empty project list
 * means no restriction, so an unset input keeps every key.
 */
export function filterByProjects(keys: readonly string[], projects: readonly string[]): string[] {
  if (projects.length === 0) return [...keys]
  const wanted = new Set(projects.map((project) => project.toUpperCase()))
  return keys.filter((key) => {
    const dash = key.lastIndexOf('-')
    return dash > 0 && wanted.has(key.slice(0, dash).toUpperCase())
  })
}

function splitList(text: string): string[] {
  return text.split(LIST_SEPARATOR).filter((token) => token.length > 0)
}

function dedupeUpper(tokens: readonly string[]): string[] {
  return [...new Set(tokens.map((token) => token.toUpperCase()))]
}

/** Bad tokens quoted for a message: long ones cut, and only the first few listed. */
function showTokens(tokens: readonly string[]): string {
  const unique = [...new Set(tokens)]
  const shown = unique.slice(0, MAX_TOKENS_SHOWN).map((token) => {
    const cut =
      Array.from(token).length > MAX_TOKEN_SHOWN ? `${Array.from(token).slice(0, MAX_TOKEN_SHOWN).join('')}…` : token
    return JSON.stringify(cut)
  })
  const more = unique.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}
