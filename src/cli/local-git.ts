import { execFile } from 'node:child_process'
import { UserFacingError } from '../core/errors.js'
import type { LocalGitPort } from '../core/range/range-plan.js'

interface GitAnswer {
  readonly ok: boolean
  readonly stdout: string
  readonly stderr: string
  /** No git to run at all (not on PATH). */
  readonly missing: boolean
}

function git(cwd: string, env: NodeJS.ProcessEnv, args: readonly string[]): Promise<GitAnswer> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'
      resolve({ ok: !error, stdout, stderr: error && !stderr ? error.message : stderr, missing })
    })
  })
}

/** For a git command that failed where it should not (the ref and the checkout were checked). */
const GIT_FAILED_HINT = 'Run the same git command in the clone to see why; --issues or --jql need no git history.'

const DEEPEN =
  'Fetch more history: `git fetch --deepen=500` (or `git fetch --unshallow`), and `git fetch --tags` for tags; ' +
  'in GitHub Actions, actions/checkout with `fetch-depth: 0`; in GitLab CI, `GIT_DEPTH: 0` (or a larger depth).'

/**
 * REF..HEAD from the clone the CLI runs in. The ref was checked by parseSince (no leading "-", no
 * revision syntax), so it cannot read as an option; `--end-of-options` makes sure of it. git runs
 * with `env` (the CLI's environment: PATH finds git).
 */
export function localGitPort(cwd: string, flag: string, env: NodeJS.ProcessEnv = process.env): LocalGitPort {
  return {
    async range(base, limit) {
      const inside = await git(cwd, env, ['rev-parse', '--is-inside-work-tree'])
      // Not a fact about the folder, so not "is not a git checkout".
      if (inside.missing)
        throw new UserFacingError(
          `${flag} reads the commits with git, which is not installed here or not on PATH.`,
          "Install git in the job's image (or put it on PATH), or pass --issues or --jql.",
        )
      if (!inside.ok)
        throw new UserFacingError(
          `${flag} reads the commits from the local git checkout, and ${cwd} is not one (${firstLine(inside.stderr)}).`,
          "Run the CLI in the pipeline's clone of the repository, or pass --issues or --jql.",
        )
      const shallow = (await git(cwd, env, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true'
      const found = await git(cwd, env, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`])
      if (!found.ok) {
        throw shallow
          ? new UserFacingError(`${flag} ${base}: the clone is shallow and does not contain ${base}.`, DEEPEN)
          : new UserFacingError(
              `${flag} ${base}: the local git checkout has no tag, branch or commit ${base}.`,
              'Check the name; a tag made elsewhere needs `git fetch --tags`.',
            )
      }
      if (shallow && !(await git(cwd, env, ['merge-base', '--is-ancestor', base, 'HEAD'])).ok)
        throw new UserFacingError(
          `${flag} ${base}: the clone is shallow, and its history stops before it reaches ${base} from HEAD.`,
          DEEPEN,
        )
      const head = (await git(cwd, env, ['rev-parse', 'HEAD'])).stdout.trim()
      const range = `${base}..HEAD`
      const counted = await git(cwd, env, ['rev-list', '--count', '--end-of-options', range])
      const total = Number(counted.stdout.trim())
      if (!counted.ok || !Number.isSafeInteger(total))
        throw new UserFacingError(`git rev-list ${range} failed: ${firstLine(counted.stderr)}`, GIT_FAILED_HINT)
      if (total > limit) return { head, total, messages: [] }
      // -z ends each commit's message with NUL; --reverse: oldest first, as the compare API lists them.
      const log = await git(cwd, env, ['log', '-z', '--reverse', '--format=%B', '--end-of-options', range])
      if (!log.ok) throw new UserFacingError(`git log ${range} failed: ${firstLine(log.stderr)}`, GIT_FAILED_HINT)
      const messages = log.stdout
        .split('\0')
        .map((m) => m.trim())
        .filter((m, i, all) => m !== '' || i < all.length - 1)
      return { head, total, messages: messages.slice(0, total) }
    },
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 200) ?? ''
}
