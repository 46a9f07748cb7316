/**
 * Text from Jira, the event or git (names, summaries, messages, bodies, error texts) printed so
 * that it can never become a workflow command. The runner reads stdout and stderr line by line
 * (\n, \r or \r\n end a line); a line is a command when, leading whitespace (as .NET counts it,
 * U+0085 included) trimmed, it starts with "::" (::stop-commands:: too, which would silence our
 * own annotations), or when it holds "##[" (the older syntax). Such lines get a backslash in front of the "::" / inside "##[",
 * which a person still reads as the same text. Everything else is printed as given.
 */
export function inertLines(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/^([\s\u0085]*)::/, '$1\\::').replace(/##\[/g, '#\\#[')))
    .join('')
}
