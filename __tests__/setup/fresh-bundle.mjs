// Jest global setup: the integration tests run dist/ (as the runner does), so dist/ must be a
// build of the src/ under test. `npm test` builds first; a direct `npx jest` rebuilds here when any
// source file is newer than the bundle, so a change to src/ is never tested through a stale dist/.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const BUNDLES = ['dist/index.js', 'dist/cli.js']
const SOURCES = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.mjs',
]

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

export default function ensureFreshBundle() {
  const bundles = BUNDLES.map((p) => join(root, p))
  const oldestBundle = bundles.every(existsSync) ? Math.min(...bundles.map((p) => statSync(p).mtimeMs)) : 0
  const newestSource = Math.max(
    ...SOURCES.map((p) => join(root, p))
      .filter(existsSync)
      .map(newestMtime),
  )
  if (newestSource <= oldestBundle) return
  console.log('\nsrc/ is newer than dist/: rebuilding the bundles the integration tests run (npm run build).')
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' })
}
