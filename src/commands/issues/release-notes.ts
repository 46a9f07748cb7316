import type { IssueResult } from './outcome.js'

/*
 * Output `release-notes`: a Markdown list of the run's issues, ready for a GitHub release body or
 * a Slack message. Summaries and statuses come from Jira (anyone who can edit an issue writes
 * them), so they are flattened to one line and their Markdown and HTML characters escaped: a
 * summary can neither add a link, an image, a heading or a list item, nor @-mention anyone.
 */

/** "- [ABC-1](https://jira.example.com/browse/ABC-1) Fix the login (Released)", one line per issue. */
export function releaseNotes(results: readonly IssueResult[]): string {
  return results
    .map((r) => {
      const summary = r.summary ? ` ${markdownText(r.summary)}` : ''
      const status = r.statusAfter ? ` (${markdownText(r.statusAfter)})` : r.ok ? '' : ' (failed)'
      return `- [${markdownText(r.key)}](${linkTarget(r.url)})${summary}${status}`
    })
    .join('\n')
}

/**
 * Plain text inside a Markdown line that starts with "- [KEY](url)": one line, and every character
 * that is syntax inside a line escaped (line-start syntax such as # or 1. cannot arise there). An
 * @ gets a zero-width space after it, so it mentions no one.
 */
function markdownText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>~|&]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
}

/** A link target cannot hold a space or a parenthesis that would end it. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}
