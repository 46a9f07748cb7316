import { pemSecretFragments } from '../core/keys/private-key.js'
import { inertLines } from '../core/inert-text.js'
import { redactSecrets, redactValue } from '../core/redact.js'

export interface TextSink {
  write(text: string): unknown
}

/**
 * stdout carries the result (JSON, or the response body) and nothing else, so it can be piped;
 * stderr carries what a person reads. Known secrets are replaced by *** in the JSON and on
 * stderr (Jira or a proxy may echo request headers in an error body); stderr is printed inertly,
 * since the CLI may run in a CI step whose runner reads workflow commands from it.
 */
export class CliOutput {
  private readonly secrets = new Set<string>()

  constructor(
    private readonly stdout: TextSink,
    private readonly stderr: TextSink,
  ) {}

  /** Registers secret values (and each line of a PEM) to be redacted from stderr. */
  addSecrets(...values: readonly (string | undefined)[]): void {
    for (const fragment of pemSecretFragments(...values.filter((v): v is string => !!v))) this.secrets.add(fragment)
  }

  /** A result as JSON, secrets redacted. */
  json(value: unknown): void {
    this.jsonCarryingSecrets(redactValue(value, [...this.secrets]))
  }

  /** A result whose purpose is to carry a secret (a token the user asked for): printed as is. */
  jsonCarryingSecrets(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }

  /** A response body as received; JSON is pretty-printed when it parses. */
  body(text: string): void {
    if (text === '') return
    let pretty: string | undefined
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2)
    } catch {
      pretty = undefined
    }
    const out = pretty ?? text
    this.stdout.write(out.endsWith('\n') ? out : `${out}\n`)
  }

  message(text: string): void {
    this.stderr.write(`${inertLines(redactSecrets(text, [...this.secrets]))}\n`)
  }

  warning(text: string): void {
    this.message(`warning: ${text}`)
  }

  error(text: string): void {
    this.message(`error: ${text}`)
  }
}
