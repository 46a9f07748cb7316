// Patched copies of dependencies for the bundle. A copy sits in build/node_modules, which module
// resolution from build/ (and from the other copies there) finds before the real package; the build
// removes the folder after bundling. Each patch must match exactly once, or the build fails.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const stagingDir = (root) => join(root, 'build', 'node_modules')

/** `source` with `from` replaced by `to`; throws (naming `what` and `patcher`) unless `from` occurs exactly once. */
export function replaceOnce(source, from, to, what, patcher) {
  const at = source.indexOf(from)
  if (at < 0 || source.indexOf(from, at + 1) >= 0)
    throw new Error(`${what} changed: expected "${from.trim()}" exactly once; update ${patcher}`)
  return source.slice(0, at) + to + source.slice(at + from.length)
}

/** Copies node_modules/<name> (package.json and `paths`, no source maps) to the staging folder; returns the copy's path. */
export function stagePackage(root, name, paths) {
  const original = join(root, 'node_modules', name)
  const staged = join(stagingDir(root), name)
  mkdirSync(staged, { recursive: true })
  for (const path of ['package.json', ...paths])
    cpSync(join(original, path), join(staged, path), { recursive: true, filter: (p) => !p.endsWith('.map') })
  return staged
}

/** Applies `patch` (source => source) to a staged file. */
export function patchFile(path, patch) {
  writeFileSync(path, patch(readFileSync(path, 'utf8')))
}

/** Removes every staged copy. */
export function unstagePackages(root) {
  rmSync(stagingDir(root), { recursive: true, force: true })
}
