// keygen inside a git work tree: it refuses a path git would take, and writes where git ignores it.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitExposure } from '../../../src/cli/git-exposure.js'
import { runCli } from './cli-harness.js'

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'jira-oauth-keygen-git-')))
const repo = join(dir, 'repo')
mkdirSync(join(repo, 'keys'), { recursive: true })
execFileSync('git', ['init', '-q', repo])
writeFileSync(join(repo, '.gitignore'), 'keys/\n')
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('keygen and git', () => {
  it('refuses a private key path inside a work tree that git does not ignore, says why and how, writes nothing', async () => {
    const out = join(repo, 'jira-oauth-private.pem')
    const run = await runCli(['keygen', '--bits', '2048', '--out', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`inside the git work tree ${repo} and not ignored there`)
    expect(run.stderr).toContain('git add .')
    expect(run.stderr).toMatch(/--out[\s\S]*\.gitignore/)
    expect(existsSync(out)).toBe(false)
    expect(existsSync(join(repo, 'jira-oauth-public.pem'))).toBe(false)
    expect(run.stdout).toBe('')
  })

  it('writes where .gitignore covers the path', async () => {
    const out = join(repo, 'keys', 'ci-private.pem')
    const run = await runCli(['keygen', '--bits', '2048', '--out', out])
    expect(run.stderr).not.toContain('not ignored')
    expect(run.code).toBe(0)
    expect(existsSync(out)).toBe(true)
  })

  it('writes outside any work tree', async () => {
    const out = join(dir, 'outside-private.pem')
    const run = await runCli(['keygen', '--bits', '2048', '--out', out])
    expect(run.code).toBe(0)
    expect(existsSync(out)).toBe(true)
  })

  it('asks git: ignored, exposed and outside', () => {
    expect(gitExposure(join(repo, 'keys', 'x.pem'))).toEqual({ kind: 'ignored' })
    expect(gitExposure(join(repo, 'x.pem'))).toEqual({ kind: 'exposed', root: repo })
    expect(gitExposure(join(dir, 'x.pem'))).toEqual({ kind: 'outside' })
    expect(gitExposure(join(dir, 'missing', 'x.pem'))).toEqual({ kind: 'outside' })
  })

  it("this repository's .gitignore covers the default key file and *.pem, not the test fixtures", () => {
    const root = join(import.meta.dirname, '..', '..', '..')
    expect(gitExposure(join(root, 'jira-oauth-private.pem'))).toEqual({ kind: 'ignored' })
    expect(gitExposure(join(root, 'src', 'some-key.pem'))).toEqual({ kind: 'ignored' })
    expect(gitExposure(join(root, '__tests__', 'fixtures', 'keys', 'wiki-testcases.pem')).kind).toBe('exposed')
  })
})
