// @actions/core imports its OIDC client (and through it @actions/http-client and undici) at the top
// of core.js, so every action start evaluates undici although only getIDToken uses it, and we never
// call it. The bundle takes a copy of @actions/core where that import is a dynamic import() inside
// getIDToken: ncc puts the client in an on-demand chunk. The copy sits in build/node_modules, which
// module resolution from build/ finds before the real package; it is removed after bundling.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const EAGER_IMPORT = "import { OidcClient } from './oidc-utils.js';\n"
const EAGER_CALL = 'return yield OidcClient.getIDToken(aud);'
const LAZY_CALL =
  "const { OidcClient } = yield import('./oidc-utils.js');\n        return yield OidcClient.getIDToken(aud);"

function replaceOnce(source, from, to) {
  const at = source.indexOf(from)
  if (at < 0 || source.indexOf(from, at + 1) >= 0)
    throw new Error(
      `@actions/core/lib/core.js changed: expected "${from.trim()}" exactly once; update ${import.meta.url}`,
    )
  return source.slice(0, at) + to + source.slice(at + from.length)
}

/** Stages the patched copy; returns the function that removes it. */
export function stageLazyActionsCore(root) {
  const original = join(root, 'node_modules', '@actions', 'core')
  const staged = join(root, 'build', 'node_modules', '@actions', 'core')
  mkdirSync(staged, { recursive: true })
  cpSync(join(original, 'package.json'), join(staged, 'package.json'))
  cpSync(join(original, 'lib'), join(staged, 'lib'), { recursive: true, filter: (path) => !path.endsWith('.map') })
  const corePath = join(staged, 'lib', 'core.js')
  let core = readFileSync(corePath, 'utf8')
  core = replaceOnce(core, EAGER_IMPORT, '')
  core = replaceOnce(core, EAGER_CALL, LAZY_CALL)
  if (/^import .*oidc-utils/m.test(core)) throw new Error('@actions/core/lib/core.js still imports oidc-utils eagerly')
  writeFileSync(corePath, core)
  return () => rmSync(join(root, 'build', 'node_modules'), { recursive: true, force: true })
}
