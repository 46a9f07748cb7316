import { execFileSync } from 'node:child_process'
import { dirname } from 'node:path'

/** Where a file would stand for git: outside any work tree, inside and ignored, or inside where `git add .` takes it. */
export type GitExposure =
  { readonly kind: 'outside' } | { readonly kind: 'ignored' } | { readonly kind: 'exposed'; readonly root: string }

function git(cwd: string, args: readonly string[]): { status: number; stdout: string } {
  try {
    return {
      status: 0,
      stdout: execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    }
  } catch (error) {
    // No git installed (ENOENT) or no such folder: nothing git could commit either.
    const status = (error as { status?: number | null }).status
    return { status: typeof status === 'number' ? status : -1, stdout: '' }
  }
}

/** Asks git itself (`rev-parse`, `check-ignore`), so every .gitignore, info/exclude and global excludes file counts. */
export function gitExposure(path: string): GitExposure {
  const cwd = dirname(path)
  const top = git(cwd, ['rev-parse', '--show-toplevel'])
  if (top.status !== 0 || top.stdout.trim() === '') return { kind: 'outside' }
  // check-ignore: 0 = ignored, 1 = not ignored. --no-index: a tracked file of that name is no excuse.
  const ignored = git(cwd, ['check-ignore', '-q', '--no-index', path])
  return ignored.status === 0 ? { kind: 'ignored' } : { kind: 'exposed', root: top.stdout.trim() }
}
