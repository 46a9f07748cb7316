// The release workflow's notes come from CHANGELOG.md through scripts/release-notes.ts.
import { afterEach, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../../../scripts/lib/action-runner.js'
import { notesForTag, parseReleaseTag, releaseNotes } from '../../../scripts/release-notes.js'
import { thrown } from '../../helpers/thrown.js'

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

### Added

- Something not released yet.

## [1.2.0] - 2026-12-01

### Added

- The deploy shortcut.

### Fixed

- A typo.

## 1.1.0

- Older.

[Unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/o/r/compare/v1.1.0...v1.2.0
`

describe('parseReleaseTag', () => {
  test('a release tag gives its version and the major tag to move', () => {
    expect(parseReleaseTag('v1.2.3')).toEqual({ version: '1.2.3', major: 'v1', prerelease: false })
    expect(parseReleaseTag('v10.0.12')).toEqual({ version: '10.0.12', major: 'v10', prerelease: false })
  })

  test('a pre-release is marked as one', () => {
    expect(parseReleaseTag('v2.0.0-rc.1')).toEqual({ version: '2.0.0-rc.1', major: 'v2', prerelease: true })
  })

  test.each(['1.2.3', 'v1.2', 'v1', 'v01.2.3', 'v1.2.3.4', 'refs/tags/v1.2.3', ''])('refuses %p', (tag) => {
    expect(() => parseReleaseTag(tag)).toThrow(/is not a release tag: tag releases as vMAJOR\.MINOR\.PATCH/)
  })
})

describe('releaseNotes', () => {
  test("a version's section, every subsection, up to the next version", () => {
    expect(releaseNotes(CHANGELOG, '1.2.0')).toBe('### Added\n\n- The deploy shortcut.\n\n### Fixed\n\n- A typo.')
  })

  test('the last section stops before the link definitions; a heading without brackets counts', () => {
    expect(releaseNotes(CHANGELOG, '1.1.0')).toBe('- Older.')
  })

  test('CRLF line ends', () => {
    expect(releaseNotes(CHANGELOG.replace(/\n/g, '\r\n'), '1.2.0')).toContain('- The deploy shortcut.\n\n### Fixed')
  })

  test('a missing version says how to turn Unreleased into it', () => {
    expect(thrown(Error, () => releaseNotes(CHANGELOG, '1.3.0')).message).toBe(
      'CHANGELOG.md has no section for 1.3.0. Rename "## [Unreleased]" to "## [1.3.0] - YYYY-MM-DD" and commit before tagging.',
    )
  })

  test('does not take a version for a prefix of another (1.2 is not 1.2.0)', () => {
    expect(() => releaseNotes(CHANGELOG, '1.2')).toThrow('CHANGELOG.md has no section for 1.2.')
  })

  test('an empty section is refused', () => {
    expect(() => releaseNotes('## [1.0.0]\n\n## [0.9.0]\n- x\n', '1.0.0')).toThrow(
      "CHANGELOG.md's section for 1.0.0 is empty",
    )
  })
})

describe('notesForTag and the script', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  function project(version: string): string {
    dir = mkdtempSync(join(tmpdir(), 'release-notes-'))
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }))
    writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG)
    return dir
  }

  test("the tag must be package.json's version", () => {
    expect(thrown(Error, () => notesForTag(project('1.1.0'), 'v1.2.0')).message).toBe(
      'The tag v1.2.0 is version 1.2.0, but package.json says 1.1.0: run `npm version 1.2.0 --no-git-tag-version`, commit, and tag that commit.',
    )
    expect(notesForTag(project('1.2.0'), 'v1.2.0').tag.major).toBe('v1')
  })

  test("this repository's CHANGELOG.md has an Unreleased section that lists something", () => {
    expect(releaseNotes(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), 'Unreleased')).toMatch(/^### Added\n\n- /)
  })

  test('run as a script: notes on stdout, the major tag in GITHUB_OUTPUT; a bad tag exits 1 saying why', async () => {
    const run = promisify(execFile)
    const script = join(ROOT, 'scripts', 'release-notes.ts')
    const outDir = mkdtempSync(join(tmpdir(), 'release-notes-out-'))
    try {
      const output = join(outDir, 'out')
      writeFileSync(output, '')
      const ok = await run(process.execPath, ['--import', 'tsx', script, 'v1.2.0', project('1.2.0')], {
        env: { ...process.env, GITHUB_OUTPUT: output },
      })
      expect(ok.stdout).toBe('### Added\n\n- The deploy shortcut.\n\n### Fixed\n\n- A typo.\n')
      expect(readFileSync(output, 'utf8')).toBe('major=v1\nprerelease=false\n')
      const bad = await run(process.execPath, ['--import', 'tsx', script, 'latest'], { cwd: ROOT }).catch(
        (error: unknown) => error as { stderr: string; code: number },
      )
      expect(bad).toMatchObject({ code: 1 })
      expect('stderr' in bad && bad.stderr).toContain('release-notes: "latest" is not a release tag')
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  })
})
