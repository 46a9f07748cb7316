// The release workflow's helper: checks a version tag against package.json and prints that version's
// section of CHANGELOG.md (Keep a Changelog) as the release notes.
//
//   node --import tsx scripts/release-notes.ts v1.2.3 [project folder, default this repository] > notes.md
//
// In a workflow step (GITHUB_OUTPUT set) it also sets the outputs `major` (v1) and `prerelease`.
//
// Exits 1, saying why, when the tag is not vX.Y.Z[-pre], package.json has another version, or
// CHANGELOG.md has no section (or an empty one) for the version.
import { appendFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ReleaseTag {
  readonly version: string
  /** The moving major tag (`v1`); a pre-release moves none. */
  readonly major: string
  readonly prerelease: boolean
}

const TAG = /^v((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?)$/

export function parseReleaseTag(tag: string): ReleaseTag {
  const match = TAG.exec(tag)
  const version = match?.[1]
  const major = match?.[2]
  if (!match || version === undefined || major === undefined) {
    throw new Error(`"${tag}" is not a release tag: tag releases as vMAJOR.MINOR.PATCH (v1.2.3, or v1.2.3-rc.1).`)
  }
  return { version, major: `v${major}`, prerelease: match[5] !== undefined }
}

/** `## [1.2.3] - 2026-12-03`, `## 1.2.3`, `## [v1.2.3]`: the version of a level-2 heading, if any. */
function headingVersion(line: string): string | undefined {
  return /^##\s+\[?v?([^\]\s]+)\]?/.exec(line)?.[1]
}

/** The body of `version`'s section of a Keep a Changelog file, without its heading or link definitions. */
export function releaseNotes(changelog: string, version: string): string {
  const lines = changelog.replace(/\r\n?/g, '\n').split('\n')
  const start = lines.findIndex((line) => line.startsWith('## ') && headingVersion(line) === version)
  if (start < 0) {
    const unreleased = lines.some((line) => /^##\s+\[?unreleased\]?/i.test(line))
    throw new Error(
      `CHANGELOG.md has no section for ${version}.` +
        (unreleased ? ` Rename "## [Unreleased]" to "## [${version}] - YYYY-MM-DD" and commit before tagging.` : ''),
    )
  }
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => line.startsWith('## '))
  const body = (end < 0 ? rest : rest.slice(0, end))
    .filter((line) => !/^\[[^\]]+\]:\s*\S+/.test(line))
    .join('\n')
    .trim()
  if (body === '') throw new Error(`CHANGELOG.md's section for ${version} is empty: say what changed.`)
  return body
}

/** Checks `tag` against package.json and returns the notes; throws with what to fix. */
export function notesForTag(root: string, tag: string): { tag: ReleaseTag; notes: string } {
  const parsed = parseReleaseTag(tag)
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }
  if (pkg.version !== parsed.version) {
    throw new Error(
      `The tag ${tag} is version ${parsed.version}, but package.json says ${pkg.version ?? 'nothing'}: ` +
        `run \`npm version ${parsed.version} --no-git-tag-version\`, commit, and tag that commit.`,
    )
  }
  return { tag: parsed, notes: releaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), parsed.version) }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tag = process.argv[2] ?? ''
  try {
    const release = notesForTag(process.argv[3] ?? join(import.meta.dirname, '..'), tag)
    process.stdout.write(`${release.notes}\n`)
    const output = process.env.GITHUB_OUTPUT
    if (output) appendFileSync(output, `major=${release.tag.major}\nprerelease=${release.tag.prerelease}\n`)
  } catch (error) {
    process.stderr.write(`release-notes: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
