// The action's metadata, its README and its workflows must agree with each other.
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../../../scripts/lib/action-runner.js'

const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  runs: { using: string; main: string }
  outputs: Record<string, { description: string }>
}
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

describe('action.yml', () => {
  test('runs dist/index.js on node24', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  // Inputs: input-table.test.ts checks them against src/config/inputs.ts.
  test('every output is described and in the README tables', () => {
    for (const [name, spec] of Object.entries(manifest.outputs)) {
      expect(spec.description.length).toBeGreaterThan(5)
      expect(readme).toMatch(new RegExp(`\`${name}\``))
    }
  })
})

describe('workflows', () => {
  const dir = join(ROOT, '.github', 'workflows')
  test.each(readdirSync(dir).filter((f) => f.endsWith('.yml')))('%s is valid YAML with jobs', (file) => {
    const workflow = parse(readFileSync(join(dir, file), 'utf8')) as { on: unknown; jobs: Record<string, unknown> }
    expect(workflow.on).toBeDefined()
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0)
  })
})
