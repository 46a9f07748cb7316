// --since REF outside GitHub: REF..HEAD from real temporary clones (full, shallow, none).
import { beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localGitPort } from '../../../src/cli/local-git.js'
import { git } from '../../helpers/git.js'

let origin: string
beforeAll(() => {
  origin = mkdtempSync(join(tmpdir(), 'local-git-'))
  git(origin, 'init', '-q', '-b', 'main')
  git(origin, 'commit', '-q', '--allow-empty', '-m', 'base')
  git(origin, 'tag', 'v1')
  git(origin, 'commit', '-q', '--allow-empty', '-m', 'ABC-1 one', '-m', 'body line')
  git(origin, 'commit', '-q', '--allow-empty', '-m', 'ABC-2 two')
  git(origin, 'commit', '-q', '--allow-empty', '-m', 'three')
})

describe('localGitPort', () => {
  it('reads REF..HEAD oldest first, whole messages, HEAD resolved', async () => {
    const read = await localGitPort(origin, '--since').range('v1', 1000)
    expect(read.messages).toEqual(['ABC-1 one\n\nbody line', 'ABC-2 two', 'three'])
    expect(read.total).toBe(3)
    expect(read.head).toBe(git(origin, 'rev-parse', 'HEAD').trim())
  })

  it('above the limit: only the count', async () => {
    expect(await localGitPort(origin, '--since').range('v1', 2)).toMatchObject({ total: 3, messages: [] })
  })

  it('a ref the clone lacks, a folder that is no clone', async () => {
    await expect(localGitPort(origin, '--since').range('v9', 1000)).rejects.toThrow(
      '--since v9: the local git checkout has no tag, branch or commit v9.',
    )
    await expect(localGitPort(tmpdir(), '--since').range('v1', 1000)).rejects.toThrow(/is not one/)
  })

  it('no git on PATH: said as such, not as a folder that is no clone', async () => {
    const noGit = { PATH: mkdtempSync(join(tmpdir(), 'no-git-')) }
    await expect(localGitPort(origin, '--since', noGit).range('v1', 1000)).rejects.toThrow(
      '--since reads the commits with git, which is not installed here or not on PATH.',
    )
  })

  it('a shallow clone: without the ref, and with the ref but its history cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-git-shallow-'))
    git(dir, 'clone', '-q', '--depth', '1', '--no-tags', `file://${origin}`, 'repo')
    const repo = join(dir, 'repo')
    const port = localGitPort(repo, '--since')
    await expect(port.range('v1', 1000)).rejects.toThrow('the clone is shallow and does not contain v1')
    git(repo, 'fetch', '-q', '--depth', '1', 'origin', 'tag', 'v1')
    await expect(port.range('v1', 1000)).rejects.toThrow(/shallow, and its history stops before it reaches v1/)
    git(repo, 'fetch', '-q', '--unshallow')
    expect((await port.range('v1', 1000)).total).toBe(3)
  })
})
