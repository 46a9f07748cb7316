// The Node.js versions the project claims, checked against the `engines` of its dependency tree
// (package-lock.json): the bundles (what users run: the action, the CLI, the library) against
// package.json's engines, the development tools against the versions the README names.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ROOT } from '../../../scripts/lib/action-runner.js'

const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean
  minVersion(range: string): { version: string } | null
}
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const pkg = JSON.parse(read('package.json')) as { engines: { node: string } }
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>
}

/** [path in node_modules, its engines.node] for every locked package that declares one. */
const engines = Object.entries(lock.packages).flatMap(([path, entry]) => {
  const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node
  return path !== '' && node !== undefined ? [[path, node] as const] : []
})
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)

/** The packages ncc put into the bundles (their license files name each one). */
const bundled = new Set(
  ['dist/index.licenses.txt', 'dist/cli.licenses.txt', 'lib/index.licenses.txt']
    .flatMap((file) => {
      try {
        return read(file).split('\n')
      } catch {
        return []
      }
    })
    .filter((line) => engines.some(([path]) => nameOf(path) === line.trim())),
)

function refusing(version: string, paths: readonly (readonly [string, string])[]): string[] {
  return paths.filter(([, range]) => !semver.satisfies(version, range)).map(([path, range]) => `${path}: ${range}`)
}

describe('Node.js versions', () => {
  const lowest = semver.minVersion(pkg.engines.node)?.version ?? 'none'

  test('the bundles hold packages with engines to check (the license files list them)', () => {
    expect([...bundled]).toEqual(expect.arrayContaining(['http-proxy-agent', 'undici', '@octokit/core']))
  })

  test.each([lowest, '22.0.0', '24.0.0'])(
    "every bundled package runs on Node %s (package.json's engines, and the action's node24)",
    (version) => {
      expect(semver.satisfies(version, pkg.engines.node)).toBe(true)
      expect(
        refusing(
          version,
          engines.filter(([path]) => bundled.has(nameOf(path))),
        ),
      ).toEqual([])
    },
  )

  test.each(['20.19.0', '22.13.0', '24.0.0'])(
    'every development tool runs on Node %s, as the README says',
    (version) => {
      expect(refusing(version, engines)).toEqual([])
    },
  )

  test('the README states both, and the versions CI and .node-version use are among them', () => {
    const readme = read('README.md')
    expect(readme).toContain('Node.js 20 or later')
    expect(readme).toContain('20.19+, 22.13+ or 24+')
    const ci = read('.github/workflows/ci.yml')
    expect(ci).toContain('node: [20, 24]')
    expect(read('.node-version').trim()).toBe('24')
  })

  test('a development tool that refuses an older Node is seen (20.0 is below what ESLint accepts)', () => {
    expect(refusing('20.0.0', engines).join('\n')).toContain('node_modules/eslint: ')
  })
})
