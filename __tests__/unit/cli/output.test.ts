import { describe, expect, it } from '@jest/globals'
import { CliOutput } from '../../../src/cli/output.js'
import { pemLines, PRIVATE_KEY } from './cli-harness.js'

function capture() {
  const streams = { stdout: '', stderr: '' }
  const out = new CliOutput(
    { write: (s: string) => (streams.stdout += s) },
    { write: (s: string) => (streams.stderr += s) },
  )
  return { out, streams }
}

describe('CliOutput', () => {
  it('redacts registered secrets (and every PEM line) from stderr and JSON, not from JSON that carries them', () => {
    const { out, streams } = capture()
    out.addSecrets('Tok3nValue', PRIVATE_KEY, undefined)
    out.message(`token Tok3nValue, encoded ${encodeURIComponent('Tok3nValue')}, key line ${pemLines(PRIVATE_KEY)[2]}`)
    out.error(PRIVATE_KEY)
    expect(streams.stderr).not.toContain('Tok3nValue')
    for (const line of pemLines(PRIVATE_KEY)) expect(streams.stderr).not.toContain(line)
    expect(streams.stderr).toContain('token ***')
    out.json({ error: 'echoed Tok3nValue' })
    out.jsonCarryingSecrets({ accessToken: 'Tok3nValue' })
    const [redacted, carried] = streams.stdout.split(/\n(?=\{)/).map((j) => JSON.parse(j) as unknown)
    expect(redacted).toEqual({ error: 'echoed ***' })
    expect(carried).toEqual({ accessToken: 'Tok3nValue' })
  })

  it('pretty-prints a JSON body, passes other text through, and ends with a newline', () => {
    const { out, streams } = capture()
    out.body('{"a":[1]}')
    out.body('plain')
    out.body('')
    out.body('line\n')
    expect(streams.stdout).toBe('{\n  "a": [\n    1\n  ]\n}\nplain\nline\n')
  })
})
