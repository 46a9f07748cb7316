// Every workflow and action file passes the structural check (scripts/lib/workflow-lint.ts), and the
// deploy shortcut and the release workflow depend on nothing that exists only in a checkout of this
// repository: they must work where the runner downloads the action, or on a tag alone.
import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../../../scripts/lib/action-runner.js'
import {
  lintAction,
  lintSteps,
  lintWorkflow,
  type ActionInputs,
  type KnownActions,
} from '../../../scripts/lib/workflow-lint.js'

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const manifest = (path: string) => parse(read(path)) as ActionInputs
const KNOWN: KnownActions = [
  { matches: (uses) => uses === './' || /^[\w.-]+\/jira-oauth-action@/.test(uses), manifest: manifest('action.yml') },
  { matches: (uses) => /^[\w.-]+\/jira-oauth-action\/deploy@/.test(uses), manifest: manifest('deploy/action.yml') },
]
const WORKFLOWS = [
  ...readdirSync(join(ROOT, '.github', 'workflows')).map((f) => `.github/workflows/${f}`),
  ...readdirSync(join(ROOT, 'examples')).map((f) => `examples/${f}`),
].filter((f) => /\.ya?ml$/.test(f))

describe('workflow and action files', () => {
  test('the release, CodeQL and example workflows are among them', () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        '.github/workflows/codeql.yml',
        'examples/jira-oauth-bootstrap.yml',
      ]),
    )
  })

  test.each(WORKFLOWS)('%s passes the workflow check', (file) => {
    expect(lintWorkflow(read(file), file, KNOWN)).toEqual([])
  })

  test.each(['action.yml', 'deploy/action.yml'])('%s passes the action check', (file) => {
    expect(lintAction(read(file), file, KNOWN)).toEqual([])
  })

  test('dependabot updates npm and github-actions', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      version: number
      updates: { 'package-ecosystem': string }[]
    }
    expect(config.version).toBe(2)
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
  })
})

describe("the README's YAML examples", () => {
  const blocks = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')

  test('parse, and give this action and the deploy shortcut only inputs they have, and every required one', () => {
    const using = blocks.filter((b) => b.includes('uses: OWNER/jira-oauth-action'))
    expect(using.length).toBeGreaterThan(8)
    // A snippet may leave out the connection inputs (shown in full above): only those may be missing.
    const problems = blocks.flatMap((block, i) => {
      const value = parse(block.replace(/^(\s*)#.*$/gm, '')) as unknown
      return lintSteps(value, `README yaml block ${i + 1}`, KNOWN)
    })
    const required = problems.filter((p) => !/required input (base-url|consumer-key|private-key|access-token)/.test(p))
    expect(required).toEqual([])
  })
})

describe('the workflow check finds', () => {
  const workflow = (steps: string, extra = '') =>
    `on:\n  workflow_dispatch:\n    inputs:\n      step: {type: string}\n${extra}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`
  test.each([
    ['      - run: echo ${{ github.sha }}\n', []],
    ['      - run: echo ${{ inputs.step }} ${{ vars.X }} ${{ secrets.Y }}\n', []],
    ["      - run: echo ${{ format('{0}}}', inputs.step) }}\n", []],
    ['      - run: echo ${{ inputs.nope }}\n', ['inputs.nope is not declared']],
    ['      - run: echo ${{ github.sha }\n', ['an expression is not closed by }}']],
    ['      - run: echo ${{ gihtub.sha }}\n', ['unknown context "gihtub"']],
    ['      - run: echo ${{ toJson(github) && lower(github.actor) }}\n', ['unknown function lower()']],
    [
      '      - run: echo ${{ steps.later.outputs.x }}\n      - id: later\n        run: echo\n',
      ['steps.later is not the id of an earlier step'],
    ],
    ['      - uses: actions/checkout\n', ['is not owner/repo[/path]@ref']],
    ['      - uses: actions/checkout@v6\n        run: echo\n', ['exactly one of uses and run']],
    ['      - run: echo\n        shel: bash\n', ['unknown key "shel"']],
    [
      '      - uses: o/jira-oauth-action@v1\n        with:\n          command: whoami\n          bogus: y\n',
      ['with.bogus is not an input', 'required input base-url'],
    ],
  ] as [string, string[]][])('%p', (steps, expected) => {
    const problems = lintWorkflow(workflow(steps), 'w.yml', KNOWN).join('\n')
    if (expected.length === 0) expect(problems).toBe('')
    for (const text of expected) expect(problems).toContain(text)
  })

  test('an unknown event, permission scope or level', () => {
    const problems = lintWorkflow(
      'on: [pushh]\npermissions:\n  content: read\n  issues: admin\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n',
      'w.yml',
    )
    expect(problems).toEqual([
      'w.yml: unknown event "pushh"',
      'w.yml: permissions: unknown permission "content"',
      'w.yml: permissions: issues: admin',
    ])
  })

  test('a composite run step without shell, and vars or secrets in a composite action', () => {
    const problems = lintAction(
      'name: n\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ secrets.X }}\n',
      'a.yml',
    )
    expect(problems).toEqual([
      'a.yml: runs.steps[0]: a composite run step needs shell',
      expect.stringContaining('a.yml: runs.steps[0].run: unknown context "secrets"'),
    ])
  })
})

describe('nothing from this checkout', () => {
  const committed = new Set(execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n'))

  test('deploy/ uses no action by path and reaches files only through GITHUB_ACTION_PATH, to committed files', () => {
    const action = parse(read('deploy/action.yml')) as { runs: { steps: { uses?: string; run?: string }[] } }
    const scripts = action.runs.steps.map((s) => s.run ?? '').join('\n')
    for (const step of action.runs.steps) expect(step.uses ?? '').not.toMatch(/^\.\//)
    expect(scripts).not.toMatch(/GITHUB_WORKSPACE|github\.workspace|(^|[\s"'=])\.{0,2}\/(?!dev\/null)/m)
    const paths = [...scripts.matchAll(/\$GITHUB_ACTION_PATH\/([\w./-]+)/g)].map((m) => join('deploy', m[1] ?? ''))
    expect(paths.length).toBeGreaterThan(0)
    // The runner downloads the tagged tree: what the action runs must be committed, not built on the runner.
    for (const path of paths) expect(committed.has(path)).toBe(true)
  })

  test('the release workflow uses only published actions, and repository files only after checking out the tag', () => {
    const release = parse(read('.github/workflows/release.yml')) as {
      on: { push: { tags: string[] } }
      jobs: Record<string, { steps: { uses?: string; run?: string }[] }>
    }
    expect(release.on.push.tags).toEqual(['v*.*.*'])
    for (const job of Object.values(release.jobs)) {
      const checkout = job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'))
      expect(checkout).toBe(0)
      for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/)
      const files = job.steps.flatMap((s) =>
        [...(s.run ?? '').matchAll(/\b((?:scripts|dist)\/[\w./-]+)/g)].map((m) => m[1]),
      )
      expect(files).toEqual(expect.arrayContaining(['scripts/release-notes.ts', 'dist/cli.js']))
      for (const file of files) expect(existsSync(join(ROOT, file ?? ''))).toBe(true)
    }
  })
})
