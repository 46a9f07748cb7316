/** The `before` and `after` of pushEvent. */
export const PUSH_BEFORE = 'a'.repeat(40)
export const PUSH_AFTER = 'b'.repeat(40)

/** A push event as the runner writes it to GITHUB_EVENT_PATH: `messages` as its commits, oldest first. */
export function pushEvent(messages: readonly string[], ref = 'refs/heads/main') {
  return {
    name: 'push',
    payload: {
      ref,
      before: PUSH_BEFORE,
      after: PUSH_AFTER,
      commits: messages.map((message, i) => ({ id: String(i).padStart(40, '0'), message })),
    },
  }
}
