import { pemSecretFragments } from '../core/keys/private-key.js'
import { redactSecrets } from '../core/redact.js'

export interface TextSink {
  write(text: string): unknown
}

/**
 * stdout carries the result (JSON, or the response body) and nothing else, so it can be piped;
 * stderr carries what a person reads. Known secrets are replaced by *** on stderr as a last line
 * of defence: the core's messages never contain them, and it must stay that way.
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

  json(value: unknown): void {
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
    // Longest first, so a whole PEM is replaced before its lines are.
    const secrets = [...this.secrets].sort((a, b) => b.length - a.length)
    this.stderr.write(`${redactSecrets(text, secrets)}\n`)
  }

  warning(text: string): void {
    this.message(`warning: ${text}`)
  }

  error(text: string): void {
    this.message(`error: ${text}`)
  }
}
