import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { VERSION } from '../../../src/cli/version.js'
import { runCli } from './cli-harness.js'

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  version: string
}

describe('--version', () => {
  it("is package.json's version", () => {
    expect(VERSION).toBe(pkg.version)
  })

  it.each([['--version'], ['-V']])('%s prints it alone on stdout, exit 0', async (flag) => {
    const run = await runCli([flag])
    expect(run).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  it('the help names it', async () => {
    expect((await runCli(['--help'])).stdout).toContain('jira-oauth --version')
  })
})
