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

describe('documentation', () => {
  const layout = /^## Development\n[\s\S]*?```\n([\s\S]*?)```/m.exec(readme)?.[1] ?? ''
  const listed = new Set<string>()
  let parent = ''
  for (const line of layout.split('\n')) {
    const match = /^(\s*)(\S+)/.exec(line)
    if (!match?.[2]) continue
    const entry = match[2]
    if (match[1] === '') parent = entry.endsWith('/') ? entry : ''
    listed.add(match[1] === '' ? entry : `${parent}${entry}`)
  }
  const dirs = (path: string) =>
    readdirSync(join(ROOT, path), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'types')
      .map((d) => `${path}/${d.name}/`)

  test("README's layout names every folder of src/, src/core/ and scripts/, and only folders that exist", () => {
    const expected = [...dirs('src'), ...dirs('src/core'), ...dirs('scripts'), 'simulator/', '__tests__/']
    expect(expected.filter((dir) => !listed.has(dir)).map((dir) => `README.md's layout lacks ${dir}`)).toEqual([])
    const missing = [...listed].filter((path) => {
      try {
        readdirSync(join(ROOT, path.replace(/\/$/, '')))
        return false
      } catch {
        return !path.endsWith('.ts')
      }
    })
    expect(missing.map((path) => `README.md's layout names ${path}, which does not exist`)).toEqual([])
  })

  test('no document points outside the repository', () => {
    const docs = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'SECURITY.md', 'simulator/README.md']
    const outside = docs.flatMap((doc) =>
      [...readFileSync(join(ROOT, doc), 'utf8').matchAll(/(?<![.\w])(?:\.\.\/)+[\w./-]+|\/work\/[\w./-]+/g)].map(
        (m) => `${doc} points outside the repository: ${m[0]}`,
      ),
    )
    expect(outside).toEqual([])
  })
})
