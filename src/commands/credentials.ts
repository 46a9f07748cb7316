/** The token dance's commands: they get the access token, so they cannot need one. */
const TOKEN_DANCE: ReadonlySet<string> = new Set(['request-token', 'access-token', 'bootstrap'])

/** Whether a Jira command signs with the access token (every one but the token dance's). */
export function needsAccessToken(command: string): boolean {
  return !TOKEN_DANCE.has(command)
}
