// The npm package as a user gets it: `npm pack` (its prepack builds build/ and the bundled library
// lib/), the tarball installed into an empty folder with no registry at all (the package has no
// dependencies: the CLI and the library are each one bundled file), then the installed `jira-oauth`
// binary and `import ... from 'jira-oauth-action'` used against the Jira simulator.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../../scripts/lib/action-runner.js'
import { CONSUMER_KEY, KEYS, startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'

const run = promisify(execFile)
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string }

let jira: JiraFixture
let work: string
let project: string
let env: NodeJS.ProcessEnv
let packed: string[]

beforeAll(async () => {
  jira = await startJira()
  work = mkdtempSync(join(tmpdir(), 'jira-oauth-pack-'))
  project = join(work, 'project')
  const npmEnv = { ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false' }
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: ROOT,
    env: npmEnv,
    maxBuffer: 16 * 1024 * 1024,
  })
  const [result] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[]
  if (!result) throw new Error(`npm pack printed no result: ${stdout}`)
  packed = result.files.map((f) => f.path)
  // An empty project and an empty npm cache: --offline proves nothing is fetched from a registry.
  await run('mkdir', ['-p', project])
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, result.filename)], {
    cwd: project,
    env: npmEnv,
  })
  env = {
    PATH: `${join(project, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
    JIRA_BASE_URL: jira.sim.baseUrl,
    JIRA_CONSUMER_KEY: CONSUMER_KEY,
    JIRA_PRIVATE_KEY_FILE: join(KEYS, 'wiki-testcases.pem'),
    JIRA_ACCESS_TOKEN: jira.accessToken,
  }
}, 240_000)

afterAll(async () => {
  await jira.sim.close()
  rmSync(work, { recursive: true, force: true })
})

describe('the npm package', () => {
  it('holds the CLI, the library and its types, and nothing of the action or the tests', () => {
    expect(packed).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cli.js', 'lib/index.js']),
    )
    expect(packed).toContain('build/index.d.ts')
    expect(
      packed.filter((p) => /^(src|__tests__|simulator|scripts|\.github)\//.test(p) || p === 'dist/index.js'),
    ).toEqual([])
    expect(packed.filter((p) => p.startsWith('build/') && !p.endsWith('.d.ts'))).toEqual([])
  })

  it('installs with nothing else beside it', () => {
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([pkg.name])
  })

  it('installs the jira-oauth command: --version, --help', async () => {
    const version = await run('jira-oauth', ['--version'], { cwd: project, env })
    expect(version.stdout).toBe(`${pkg.version}\n`)
    const help = await run('jira-oauth', ['--help'], { cwd: project, env })
    expect(help.stdout).toContain('Usage: jira-oauth <command>')
  })

  it('the installed command runs whoami against Jira', async () => {
    const { stdout } = await run('jira-oauth', ['whoami'], { cwd: project, env })
    expect(JSON.parse(stdout)).toMatchObject({ name: 'ci-bot' })
  })

  it('the library imports by package name and signs a whoami Jira accepts', async () => {
    const script = `
      import { readFileSync } from 'node:fs'
      import { JiraClient, parsePrivateKey, runWhoami } from '${pkg.name}'
      const key = parsePrivateKey(readFileSync(process.env.JIRA_PRIVATE_KEY_FILE, 'utf8'), undefined, 'key', 'passphrase')
      const client = new JiraClient({
        baseUrl: process.env.JIRA_BASE_URL, consumerKey: process.env.JIRA_CONSUMER_KEY,
        privateKey: key.key, accessToken: process.env.JIRA_ACCESS_TOKEN, timeoutMs: 5000, retries: 0,
      })
      console.log((await runWhoami(client)).name)`
    writeFileSync(join(project, 'use-library.mjs'), script)
    const { stdout } = await run(process.execPath, ['use-library.mjs'], { cwd: project, env })
    expect(stdout.trim()).toBe('ci-bot')
  })

  it("the library's types resolve from the installed package", async () => {
    writeFileSync(
      join(project, 'typed.ts'),
      `import { JiraClient, type JiraClientConfig } from '${pkg.name}'\n` +
        `const config: JiraClientConfig = { baseUrl: 'x', consumerKey: 'c', privateKey: 'k' as never, timeoutMs: 1, retries: 0 }\n` +
        'export const client: JiraClient = new JiraClient(config)\n',
    )
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
    // Node's own types (a consumer has @types/node; the empty project borrows this repository's).
    const types = ['--typeRoots', join(ROOT, 'node_modules', '@types'), '--types', 'node']
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', ...types]
    const result = await run(process.execPath, [tsc, ...args, 'typed.ts'], { cwd: project, env }).catch(
      (error: unknown) => error as { stdout: string; code: number },
    )
    expect('code' in result ? result.stdout : '').toBe('')
  }, 180_000)
})
