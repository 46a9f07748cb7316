// The input table (src/config/inputs.ts) is the one home of every input's name, default,
// description, secret-ness, flag and environment fallback: action.yml, the README's input table and
// the CLI must agree with it. Each failure names the input and what to change.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { CLI_COMMANDS } from '../../../src/cli/commands.js'
import { INPUTS, SECRET_INPUTS, inputDefault, type InputSpec } from '../../../src/config/inputs.js'
import { ROOT } from '../../../scripts/lib/action-runner.js'
import { fakeCore } from '../../helpers/fake-core.js'
import { run as runAction } from '../../../src/action/main.js'
import { readIssuesConfig } from '../../../src/commands/issues/config.js'
import { InputReader } from '../../../src/config/input-reader.js'
import { PRIVATE_KEY } from '../cli/cli-harness.js'

const TABLE = 'src/config/inputs.ts'
const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
}
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

/** action.yml's entry for a table input, as a copy-paste fix. */
const yamlFor = (spec: InputSpec) =>
  `${spec.name}: {description: ${JSON.stringify(spec.description)}, required: ${spec.required === true}${spec.default === undefined ? '' : `, default: ${JSON.stringify(spec.default)}`}}`

/** What README's default column says for an input. */
const readmeDefault = (spec: InputSpec) =>
  spec.required ? '(required)' : spec.default === undefined || spec.default === '' ? '' : `\`${spec.default}\``

/** The rows "| `name` | default | meaning |" of README's "## Inputs" section. */
function readmeInputRows(): Map<string, string> {
  const section = /^## Inputs\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? ''
  const rows = new Map<string, string>()
  for (const match of section.matchAll(/^\| `([^`]+)` \|([^|]*)\|/gm)) rows.set(match[1] ?? '', (match[2] ?? '').trim())
  return rows
}

describe('the input table', () => {
  test('action.yml has exactly the inputs of the table, in its order', () => {
    const inYaml = Object.keys(manifest.inputs)
    const inTable = INPUTS.map((spec) => spec.name)
    const problems = [
      ...inYaml
        .filter((name) => !inTable.includes(name))
        .map((name) => `action.yml has input \`${name}\`, ${TABLE} does not: add an entry for it to INPUTS.`),
      ...INPUTS.filter((spec) => !(spec.name in manifest.inputs)).map(
        (spec) => `${TABLE} has input \`${spec.name}\`, action.yml does not: add ${yamlFor(spec)}`,
      ),
    ]
    expect(problems).toEqual([])
    expect(inYaml).toEqual(inTable)
  })

  test('action.yml says what the table says: required, default, description', () => {
    const problems: string[] = []
    for (const spec of INPUTS) {
      const yaml = manifest.inputs[spec.name]
      if (!yaml) continue
      const differs = (what: string, inYaml: unknown, inTable: unknown) => {
        if (inYaml !== inTable)
          problems.push(
            `input \`${spec.name}\`: action.yml's ${what} is ${JSON.stringify(inYaml)}, ${TABLE} says ${JSON.stringify(inTable)}; make them the same.`,
          )
      }
      differs('required', yaml.required === true, spec.required === true)
      differs('default', yaml.default, spec.default)
      differs('description', yaml.description, spec.description)
      if (spec.required && spec.default !== undefined)
        problems.push(`input \`${spec.name}\` in ${TABLE}: a required input has no default; remove it.`)
    }
    expect(problems).toEqual([])
  })

  test("README's input table lists every input once, with the table's default", () => {
    const rows = readmeInputRows()
    const problems = [
      ...INPUTS.filter((spec) => !rows.has(spec.name)).map(
        (spec) => `README.md: add the row | \`${spec.name}\` | ${readmeDefault(spec)} | ... | to the input table.`,
      ),
      ...[...rows.keys()]
        .filter((name) => !INPUTS.some((spec) => spec.name === name))
        .map((name) => `README.md lists input \`${name}\`, ${TABLE} does not: remove the row or add the input.`),
      ...INPUTS.filter((spec) => rows.has(spec.name) && rows.get(spec.name) !== readmeDefault(spec)).map(
        (spec) =>
          `README.md: the default of \`${spec.name}\` reads "${rows.get(spec.name) ?? ''}"; write "${readmeDefault(spec)}" (from ${TABLE}).`,
      ),
    ]
    expect(problems).toEqual([])
  })

  test('every flag of the table is a CLI flag, with its help, default, environment variable and secret-ness', () => {
    const cliFlags = Object.values(CLI_COMMANDS).flatMap((command) => (command.kind === 'jira' ? command.flags : []))
    const problems: string[] = []
    for (const spec of INPUTS) {
      const flags = cliFlags.filter((f) => f.name === spec.name)
      if (!spec.flag) {
        if (flags.length > 0) problems.push(`--${spec.name} is a CLI flag but ${TABLE} gives the input no flag.`)
        continue
      }
      if (flags.length === 0)
        problems.push(
          `input \`${spec.name}\` has a flag in ${TABLE}: add '${spec.name}' to a group in src/cli/flags.ts.`,
        )
      for (const f of flags) {
        if (!f.description.startsWith(spec.flag.help)) problems.push(`--${spec.name}: help is not the table's.`)
        if (f.env !== spec.flag.env) problems.push(`--${spec.name}: env ${f.env ?? '-'} is not the table's.`)
        if ((f.secret === true) !== SECRET_INPUTS.includes(spec.name))
          problems.push(`--${spec.name}: secret-ness differs from ${TABLE}.`)
        const fallback = inputDefault(spec.name)
        if (fallback !== undefined && spec.default !== 'false' && !f.description.includes(`(default `))
          problems.push(`--${spec.name}: the help does not show the default ${fallback}.`)
      }
    }
    expect(problems).toEqual([])
  })

  test('the secret inputs are the ones the table marks', () => {
    expect(SECRET_INPUTS).toEqual(['private-key', 'private-key-passphrase', 'access-token', 'verifier', 'github-token'])
  })

  test("the code's fallbacks agree with the table's defaults (the table's win, but must not be contradicted)", async () => {
    const calls: [string, unknown][] = []
    // Every typed read of the adapters and commands, with the fallback the code passes.
    const proto = InputReader.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
    const originals = (['boolean', 'integer', 'oneOf'] as const).map((method) => [method, proto[method]] as const)
    for (const [method, original] of originals)
      proto[method] = function (this: InputReader, ...args: unknown[]) {
        calls.push([String(args[0]), method === 'oneOf' ? args[2] : args[1]])
        return original?.apply(this, args)
      }
    try {
      const inputs: Record<string, string> = {
        'base-url': 'https://jira.example.com',
        'consumer-key': 'ck',
        'private-key': PRIVATE_KEY,
        'access-token': 'token-value-123',
        path: '/rest/api/2/myself',
      }
      for (const command of ['request', 'access-token']) {
        const core = fakeCore({ ...inputs, command, 'request-token': 'rt', verifier: 'v' })
        await runAction({
          core,
          env: {},
          clientDeps: {
            transport: async () => ({ status: 200, headers: {}, body: 'oauth_token=a&oauth_token_secret=b' }),
          },
        })
      }
      readIssuesConfig(
        new InputReader(
          () => undefined,
          (name) => name,
        ),
      )
    } finally {
      for (const [method, original] of originals) if (original) proto[method] = original
    }
    const read = new Set(calls.map(([name]) => name))
    for (const name of ['command', 'timeout', 'retries', 'method', 'fail-on-http-error', 'reveal-token', 'concurrency'])
      expect(read).toContain(name)
    const problems = calls
      .filter(([name, fallback]) => inputDefault(name) !== undefined && String(fallback) !== inputDefault(name))
      .map(
        ([name, fallback]) =>
          `the code reads \`${name}\` with the fallback ${String(fallback)}, ${TABLE} says ${inputDefault(name)}: make them the same.`,
      )
    expect(problems).toEqual([])
  })
})
