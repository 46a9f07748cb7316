/**
 * How an adapter names an input in messages: "input `timeout`" in the action, "--timeout" in the
 * CLI. Shared layers (core, jira, commands) never write an input's or a flag's name themselves:
 * they name inputs by their action names and ask the adapter's label for the words.
 */
export type InputLabel = (input: string) => string

/** Where no adapter said otherwise (the library, tests): the input's name in backticks. */
export const plainLabel: InputLabel = (input) => `\`${input}\``
