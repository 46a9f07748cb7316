import { ConfigError } from '../errors.js'

/** Jira refuses a label with whitespace ("contains spaces which is invalid") and, in the UI, over 255 characters. */
const LABEL_MAX = 255

/**
 * The `labels` input: labels separated by commas or new lines, trimmed, duplicates dropped.
 * A label with whitespace inside is refused here, before any request, naming the input.
 */
export function parseLabels(text: string, inputName: string): string[] {
  const labels = [
    ...new Set(
      text
        .split(/[,\r\n]+/)
        .map((label) => label.trim())
        .filter(Boolean),
    ),
  ]
  const spaced = labels.filter((label) => /\s/.test(label))
  if (spaced.length > 0)
    throw new ConfigError(
      `${inputName} has ${spaced.length === 1 ? 'a label' : 'labels'} with spaces: ${spaced.map((l) => JSON.stringify(l)).join(', ')}. Jira labels cannot contain spaces.`,
      `Separate labels with commas or new lines, and join words with "-" or "_" (e.g. ${JSON.stringify((spaced[0] ?? '').replace(/\s+/g, '-'))}).`,
    )
  const long = labels.find((label) => label.length > LABEL_MAX)
  if (long)
    throw new ConfigError(
      `${inputName} has a label of ${long.length} characters; Jira allows at most ${LABEL_MAX}.`,
      'Shorten the label.',
    )
  return labels
}
