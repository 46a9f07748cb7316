// The release workflow's asset step, run as the runner would (bash, RUNNER_TEMP), then the README's
// "Get it" commands on what it made: the checksum file verifies with `sha256sum -c` and the one file
// runs with node alone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { BUNDLE_NODE, ROOT } from '../../scripts/lib/action-runner.js'

const run = promisify(execFile)
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

let temp: string

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'release-asset-'))
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    jobs: { release: { steps: { name?: string; run?: string }[] } }
  }
  const step = workflow.jobs.release.steps.find((s) => s.name === 'The one-file CLI and its SHA-256')
  if (!step?.run) throw new Error('release.yml has no step "The one-file CLI and its SHA-256"')
  writeFileSync(join(temp, 'notes.md'), '### Added\n\n- Things.\n')
  const script = join(temp, 'step.sh')
  writeFileSync(script, step.run)
  await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', RUNNER_TEMP: temp },
  })
})

afterAll(() => {
  rmSync(temp, { recursive: true, force: true })
})

describe('the release asset', () => {
  it('is dist/cli.js as jira-oauth.js, with a sha256sum file that `sha256sum -c` accepts', async () => {
    expect(readdirSync(temp).sort()).toEqual(['jira-oauth.js', 'jira-oauth.js.sha256', 'notes.md', 'step.sh'])
    const digest = createHash('sha256')
      .update(readFileSync(join(ROOT, 'dist', 'cli.js')))
      .digest('hex')
    expect(readFileSync(join(temp, 'jira-oauth.js.sha256'), 'utf8')).toBe(`${digest}  jira-oauth.js\n`)
    const check = await run('sha256sum', ['-c', 'jira-oauth.js.sha256'], { cwd: temp })
    expect(check.stdout).toBe('jira-oauth.js: OK\n')
  })

  it('a tampered file fails the check', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'release-asset-bad-'))
    try {
      writeFileSync(join(copy, 'jira-oauth.js'), readFileSync(join(temp, 'jira-oauth.js'), 'utf8') + '\n// changed\n')
      writeFileSync(join(copy, 'jira-oauth.js.sha256'), readFileSync(join(temp, 'jira-oauth.js.sha256')))
      await expect(run('sha256sum', ['-c', 'jira-oauth.js.sha256'], { cwd: copy })).rejects.toMatchObject({
        stdout: 'jira-oauth.js: FAILED\n',
      })
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })

  it('runs with node alone, as the README shows: node jira-oauth.js --version', async () => {
    const { stdout } = await run(BUNDLE_NODE, ['jira-oauth.js', '--version'], {
      cwd: temp,
      env: { PATH: process.env.PATH ?? '' },
    })
    expect(stdout).toBe(`${version}\n`)
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(
      'sha256sum -c jira-oauth.js.sha256   # jira-oauth.js: OK\n  node jira-oauth.js --version',
    )
  })

  it('the release notes end with the checksum, in a code block', () => {
    const notes = readFileSync(join(temp, 'notes.md'), 'utf8')
    expect(notes.startsWith('### Added\n\n- Things.\n')).toBe(true)
    expect(notes).toContain(`\`\`\`\n${readFileSync(join(temp, 'jira-oauth.js.sha256'), 'utf8')}\`\`\`\n`)
  })
})
